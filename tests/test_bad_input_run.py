"""One real DAG run over a folder of awkward files: every file ends up either as a
document or as a row in ops.rejects with its reason, and the run succeeds."""

from __future__ import annotations

import os

import pytest

from tests.conftest import query, run_dag

pytestmark = pytest.mark.e2e

ARTICLE = (
    "The finance minister said on Monday that the government would cut taxes for small "
    "firms next year, and the opposition accused him of favouring the rich. {}"
)
WEIRD_NAME = "-leading dash 'quoted' \u00fcn\u00efc\u00f6d\u00e9.txt"


@pytest.fixture(scope="module")
def zoo(tmp_path_factory):
    root = tmp_path_factory.mktemp("zoo")
    folder = root / "input"
    folder.mkdir()
    latin = ARTICLE.format("Caf\u00e9 owners were \u201cdelighted\u201d.").encode("cp1252")
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50,
        "latin1.txt": latin,
        "latin1_copy.txt": latin,
        "utf16.txt": ARTICLE.format("Farmers were not.").encode("utf-16"),
        "undecodable.txt": b"\x81\x8d\x90\x9d" * 40,
        "page.txt": (
            "<html><head><script>track()</script></head><body><p>"
            + ARTICLE.format("Shares rose &amp; bonds fell.")
            + "</p></body></html>"
        ).encode(),
        "empty page.txt": b"<html><body><script>x()</script></body></html>",
        "huge.txt": ARTICLE.format("Again.").encode() * 200,
        "french.txt": (
            "Le ministre des finances a annonc\u00e9 lundi que le gouvernement allait "
            "baisser les imp\u00f4ts des petites entreprises l'an prochain."
        ).encode(),
        WEIRD_NAME: ARTICLE.format("Odd names are fine.").encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    outside = root / "outside.txt"
    outside.write_bytes(ARTICLE.format("Secret.").encode())
    os.symlink(outside, folder / "escape.txt")
    db_path = root / "zoo.duckdb"
    run_dag(folder, db_path, WIREHOUSE_MAX_BYTES="20000")
    return db_path


def test_every_refused_file_has_its_reason(zoo):
    [(latin_id,)] = query(
        zoo, "select document_id from marts.dim_documents where source_file = 'latin1.txt'"
    )
    assert dict(query(zoo, "select source_file, reason from ops.rejects")) == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "photo.txt": "binary",
        "latin1_copy.txt": f"duplicate_of:{latin_id}",
        "undecodable.txt": "encoding",
        "empty page.txt": "html",
        "huge.txt": "too_large",
        "french.txt": "not_english",
        "escape.txt": "symlink_outside",
    }


def test_every_accepted_file_is_one_document_with_its_text_decoded(zoo):
    texts = dict(query(zoo, "select source_file, text from marts.dim_documents"))
    assert set(texts) == {"latin1.txt", "utf16.txt", "page.txt", WEIRD_NAME}
    assert "Caf\u00e9 owners were \u201cdelighted\u201d." in texts["latin1.txt"]
    assert "Farmers were not." in texts["utf16.txt"]
    assert "Shares rose & bonds fell." in texts["page.txt"]
    assert "<p>" not in texts["page.txt"] and "track()" not in texts["page.txt"]


def test_the_run_is_audited_with_its_counts(zoo):
    assert query(
        zoo,
        "select state, files_seen, documents_new, files_rejected from ops.pipeline_runs",
    ) == [("success", 13, 4, 9)]
