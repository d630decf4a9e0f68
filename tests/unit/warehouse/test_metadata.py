import json
import os
from datetime import date

import pytest

from extractors.warehouse.metadata import read_sidecar
from extractors.warehouse.safe_read import Refused

LIMIT = 10_000


def sidecar(tmp_path, name: str, content: str) -> None:
    (tmp_path / f"{name}.meta.json").write_text(content, encoding="utf-8")


def refusal(tmp_path, name: str) -> str:
    with pytest.raises(Refused) as refused:
        read_sidecar(tmp_path / f"{name}.txt", tmp_path, LIMIT)
    assert refused.value.reason == "bad_sidecar"
    return refused.value.detail


def test_sidecar_known_keys_only(tmp_path):
    meta = {
        "title": "T",
        "published_date": "2008-04-24",
        "url": "u",
        "source_name": "S",
        "section": "world",
        "x": 1,
    }
    sidecar(tmp_path, "a", json.dumps(meta))
    assert read_sidecar(tmp_path / "a.txt", tmp_path, LIMIT) == {
        "title": "T",
        "source_name": "S",
        "published_date": date(2008, 4, 24),
        "url": "u",
        "section": "world",
    }


def test_no_sidecar_is_no_metadata(tmp_path):
    assert read_sidecar(tmp_path / "none.txt", tmp_path, LIMIT) == {}
    # a text whose name leaves no room for `.meta.json` cannot have a sidecar
    assert read_sidecar(tmp_path / ("n" * 250 + ".txt"), tmp_path, LIMIT) == {}


def test_a_broken_sidecar_refuses_its_article_and_says_why(tmp_path):
    sidecar(tmp_path, "b", "{not json")
    assert refusal(tmp_path, "b").startswith("b.meta.json: Expecting property name")
    sidecar(tmp_path, "c", '{"published_date": "24/04/2008"}')
    assert refusal(tmp_path, "c") == "c.meta.json: Invalid isoformat string: '24/04/2008'"
    sidecar(tmp_path, "d", '{"title": ["a", "list"], "url": 7}')
    assert refusal(tmp_path, "d") == "d.meta.json: title, url: not a string"
    sidecar(tmp_path, "e", "[1, 2]")
    assert refusal(tmp_path, "e") == "e.meta.json: not a JSON object"
    sidecar(tmp_path, "f", '{"title": "' + "x" * LIMIT + '"}')
    assert refusal(tmp_path, "f") == f"f.meta.json: too_large, {LIMIT + 13} bytes > limit {LIMIT}"


def test_a_sidecar_linking_outside_the_input_is_not_read(tmp_path):
    inside, outside = tmp_path / "in", tmp_path / "secret.json"
    inside.mkdir()
    outside.write_text('{"title": "secret"}', encoding="utf-8")
    os.symlink(outside, inside / "g.meta.json")
    assert refusal(inside, "g") == f"g.meta.json: symlink_outside, points to {outside}"
