import json
import logging
from datetime import date

from extractors.metadata import find_dateline_date, read_sidecar


def test_sidecar_known_keys_only(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("body", encoding="utf-8")
    meta = {"title": "T", "published_date": "2008-04-24", "url": "u", "source_name": "S", "x": 1}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert read_sidecar(text) == {
        "title": "T",
        "source_name": "S",
        "published_date": date(2008, 4, 24),
        "url": "u",
    }


def test_missing_sidecar_is_empty(tmp_path):
    assert read_sidecar(tmp_path / "none.txt") == {}


def test_broken_sidecar_warns(tmp_path, caplog):
    (tmp_path / "b.meta.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert read_sidecar(tmp_path / "b.txt") == {}
    assert "broken sidecar" in caplog.text
    (tmp_path / "c.meta.json").write_text('{"published_date": "24/04/2008"}', encoding="utf-8")
    assert read_sidecar(tmp_path / "c.txt") == {}


def test_datelines():
    assert find_dateline_date("Title\nPublished: 24 April 2008\nBody.") == date(2008, 4, 24)
    assert find_dateline_date("Updated April 24, 2008 10:00 ET") == date(2008, 4, 24)
    assert find_dateline_date("Posted 2008-04-24 by staff") == date(2008, 4, 24)
    wire = "BAGHDAD, April 24 (Reuters) - Iraq's prime minister..."
    assert find_dateline_date(wire) is None  # no year: not guessed
    assert find_dateline_date(wire, default_year=2008) == date(2008, 4, 24)


def test_dateline_only_near_the_top():
    assert find_dateline_date("x" * 2000 + " April 24, 2008") is None
    assert find_dateline_date("February 30, 2008 was no day") is None
