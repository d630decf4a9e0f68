"""Discovery: which files are new, changed, unchanged, duplicated or refused."""

import os
import socket
from datetime import date
from pathlib import Path

import pytest

from extractors.warehouse.intake import discover, document_id_for

ARTICLE = (
    "The central bank said on Tuesday that it would keep interest rates on hold, "
    "citing a slowdown in the economy and weaker demand from abroad. {}"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "in"
    write(root, "a.txt", ARTICLE.format("One."))
    write(root, "nested/b.txt", ARTICLE.format("Two."))
    write(root, "notes.md", "not a .txt file")
    return root


def test_new_files_are_found_recursively_in_sorted_order(folder):
    intake = discover(folder, run_id="r1")
    assert [s.source_file for s in intake.to_extract] == ["a.txt", "nested/b.txt"]
    assert intake.files_seen == 2
    assert (intake.documents_new, intake.documents_changed) == (2, 0)
    first = intake.to_extract[0]
    assert first.document_id == document_id_for(first.content_sha256) == first.content_sha256[:16]


def test_unchanged_files_need_no_extraction(folder):
    first = discover(folder, run_id="r1")
    known = {s.document_id: s.source_file for s in first.to_extract}
    again = discover(folder, run_id="r2", known=known)
    assert again.to_extract == []
    assert sorted(again.unchanged) == sorted(known)


def test_a_changed_file_replaces_its_old_document(folder):
    first = discover(folder, run_id="r1")
    known = {s.document_id: s.source_file for s in first.to_extract}
    write(folder, "a.txt", ARTICLE.format("One, revised."))
    again = discover(folder, run_id="r2", known=known)
    [changed] = again.to_extract
    assert changed.source_file == "a.txt"
    assert again.replaces == {changed.document_id: first.to_extract[0].document_id}
    assert again.documents_changed == 1


def test_same_bytes_under_two_names_is_one_document(folder):
    write(folder, "copy of a.txt", ARTICLE.format("One."))
    intake = discover(folder, run_id="r1")
    assert [s.source_file for s in intake.to_extract] == ["a.txt", "nested/b.txt"]
    [reject] = intake.rejects
    doc_id = intake.to_extract[0].document_id
    assert (reject.source_file, reject.reason, reject.duplicate_of, reject.run_id) == (
        "copy of a.txt",
        "duplicate",
        doc_id,
        "r1",
    )
    assert reject.detail == "same bytes as a.txt"
    # only a duplicate names another document
    assert all(r.duplicate_of is None for r in intake.rejects if r.reason != "duplicate")


def test_bad_files_are_rejected_with_reasons(folder):
    write(folder, "empty.txt", "")
    write(folder, "blank.txt", "   \n\n ")
    write(folder, "image.txt", b"\x89PNG\x00\x00" * 50)
    write(folder, "big.txt", "x" * 2000)
    write(folder, "-dash 'quoted' \u00e9t\u00e9.txt", ARTICLE.format("Odd name."))
    intake = discover(folder, run_id="r1", max_bytes=1000)
    reasons = {r.source_file: r.reason for r in intake.rejects}
    assert reasons == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "image.txt": "binary",
        "big.txt": "too_large",
    }
    assert "-dash 'quoted' \u00e9t\u00e9.txt" in [s.source_file for s in intake.to_extract]


def test_symlinks_outside_the_input_are_not_followed(folder, tmp_path):
    outside = write(tmp_path / "elsewhere", "secret.txt", ARTICLE.format("Secret."))
    os.symlink(outside, folder / "link.txt")
    os.symlink(outside.parent, folder / "linked_dir")
    intake = discover(folder, run_id="r1")
    assert [(r.source_file, r.reason) for r in intake.rejects] == [("link.txt", "symlink_outside")]
    assert all("secret" not in s.source_file for s in intake.to_extract)


def test_links_inside_the_input_are_read_and_loops_are_refused(folder):
    os.symlink(folder / "a.txt", folder / "alias.txt")  # same bytes: a duplicate
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("gone.txt", folder / "dangling.txt")
    intake = discover(folder, run_id="r1")
    refused = {r.source_file: (r.reason, r.detail) for r in intake.rejects}
    assert refused["loop.txt"] == ("unreadable", "Too many levels of symbolic links")
    assert refused["dangling.txt"] == ("unreadable", "No such file or directory")
    assert refused["alias.txt"][0] == "duplicate"
    assert [s.source_file for s in intake.to_extract] == ["a.txt", "nested/b.txt"]


def test_fifos_and_sockets_are_refused_without_blocking(folder):
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would block a normal open()
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock.txt"))
    try:
        intake = discover(folder, run_id="r1")
    finally:
        server.close()
    refused = {r.source_file: (r.reason, r.detail) for r in intake.rejects}
    assert refused == {
        "pipe.txt": ("not_a_file", "a FIFO, not a regular file"),
        # a socket cannot be opened at all
        "sock.txt": ("unreadable", "No such device or address"),
    }


def test_a_name_that_is_not_utf8_is_refused_with_a_printable_name(folder):
    raw_name = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw_name, "wb") as handle:
        handle.write(ARTICLE.format("Latin-1 name.").encode())
    intake = discover(folder, run_id="r1")
    assert [(r.source_file, r.reason) for r in intake.rejects] == [("caf\\xe9.txt", "bad_name")]
    assert len(intake.to_extract) == 2


def test_a_file_over_the_limit_is_refused_from_its_size(folder):
    write(folder, "big.txt", "x" * 5000)
    intake = discover(folder, run_id="r1", max_bytes=1000)
    assert [(r.reason, r.detail) for r in intake.rejects] == [
        ("too_large", "5000 bytes > limit 1000")
    ]


def test_sidecar_metadata_travels_with_the_text(folder):
    write(folder, "a.meta.json", '{"published_date": "2008-04-24", "url": "x"}')
    intake = discover(folder, run_id="r1")
    assert intake.to_extract[0].sidecar["published_date"] == date(2008, 4, 24)


def test_a_deleted_file_is_reported_missing(folder):
    first = discover(folder, run_id="r1")
    known = {s.document_id: s.source_file for s in first.to_extract}
    (folder / "nested" / "b.txt").unlink()
    again = discover(folder, run_id="r2", known=known)
    assert again.missing == ["nested/b.txt"]
    assert again.to_extract == [] and len(again.unchanged) == 1


def test_only_txt_files_are_articles(folder):
    """A README beside the articles (seeds/ has one) is neither read nor rejected."""
    write(folder, "README.md", "Input articles, not dbt seeds.")
    intake = discover(folder, run_id="r1")
    assert [s.source_file for s in intake.to_extract] == ["a.txt", "nested/b.txt"]
    assert (intake.files_seen, intake.rejects) == (2, [])
