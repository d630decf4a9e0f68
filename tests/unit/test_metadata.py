import json
import logging
from datetime import date

from extractors.metadata import read_sidecar


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
