"""A hostile input folder beside 20 good articles: one real run (as `make run`) succeeds in
bounded time and memory, loads every good article, and refuses every bad file with its
reason; nothing from outside the folder is read, even through a link re-pointed during
the run."""

from __future__ import annotations

import gzip
import io
import os
import random
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from tests.support.articles import good_article
from tests.support.duck import query
from tests.support.paths import PROJECT_ROOT

pytestmark = pytest.mark.e2e

SECRET = "The outside secret must never be read."


def long_article() -> str:
    """Over spaCy's 1,000,000-character limit, with long tokens so it parses quickly."""
    paragraph = "Farmers protested in Paris on Monday. " + "z" * 200 + "\n\n"
    return paragraph * 4200


def write(folder: Path, name: str | bytes, data: bytes | str) -> None:
    path = os.fsencode(folder) + b"/" + (name if isinstance(name, bytes) else name.encode())
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data.encode() if isinstance(data, str) else data)


def zipped(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", text)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "input"
    folder.mkdir()
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + " " + good_article(99))
    (outside / "secret.meta.json").write_text('{"title": "outside title"}')
    (outside / "huge.meta.json").write_text('{"title": "' + "t" * 40_000_000 + '"}')
    for n in range(20):
        write(folder, f"good/{n:02d}.txt" if n % 2 else f"good_{n:02d}.txt", good_article(n))
    rng = random.Random(19)
    bad = {
        # the rows of issue 19's table
        "non_utf8_name": (b"caf\xe9.txt", good_article(50)),
        "long_name": ("n" * 250 + ".txt", good_article(51)),
        "broken_html": ("broken.txt", "<p>Rates rose <![<!["),
        "quadratic_html": ("anchors.txt", "<p>" + "<a " * 20_000),
        "long_text": ("long.txt", long_article()),
        "sidecar_outside": ("meta_out.txt", good_article(52)),
        "huge_sidecar": ("huge_meta.txt", good_article(53)),
        # more kinds
        "fuzz": ("fuzz.txt", bytes(rng.randrange(256) for _ in range(5000))),
        "zip": ("archive.txt", zipped(good_article(54))),
        "gzip": ("packed.txt", gzip.compress(good_article(55).encode())),
        "utf32": ("utf32.txt", good_article(56).encode("utf-32")),
        "shift_jis": ("sjis.txt", "政府は火曜日、新たな経済対策を発表した。".encode("shift_jis")),
        "nul": ("nul.txt", good_article(57).replace("Tuesday", "Tues\0day")),
        "wrong_types": ("typed.txt", good_article(58)),
        "array_sidecar": ("array.txt", good_article(59)),
        "empty": ("empty.txt", b""),
        "duplicate": ("zz_copy_of_good_00.txt", good_article(0)),
        "one_line": ("oneline.txt", "The council said the plan works. " * 6000),
        "controls": ("controls.txt", "\x01\x02\x03\x04" * 500),
        "deep": ("/".join(["d"] * 60) + "/deep.txt", good_article(60)),
    }
    for name, data in bad.values():
        write(folder, name, data)
    write(folder, "typed.meta.json", '{"title": 5, "url": ["x"]}')
    write(folder, "array.meta.json", "[1, 2, 3]")
    os.symlink(outside / "secret.meta.json", folder / "meta_out.meta.json")
    os.symlink(outside / "huge.meta.json", folder / "huge_meta.meta.json")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    os.symlink(folder, folder / "good" / "back_up")  # a directory loop
    os.symlink(outside / "secret.txt", folder / "escape.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "dir.txt").mkdir()
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "sock.txt"))
    # a link flipped between an inside and an outside file all through the run
    os.symlink(folder / "good_00.txt", folder / "zz_flip.txt")
    stop = threading.Event()

    def flip() -> None:
        targets = [outside / "secret.txt", folder / "good_00.txt"]
        while not stop.is_set():
            for target in targets:
                os.symlink(target, folder / ".flip.tmp")
                os.replace(folder / ".flip.tmp", folder / "zz_flip.txt")
                time.sleep(0.001)

    flipper = threading.Thread(target=flip, daemon=True)
    flipper.start()
    db_path = root / "warehouse" / "hostile.duckdb"
    db_path.parent.mkdir()
    env = {
        **os.environ,
        "WIREHOUSE_INPUT": str(folder),
        "WIREHOUSE_DB": str(db_path),
        "WIREHOUSE_STAGING": str(root / "staging"),
    }
    # peak RSS of the run's largest process (spaCy workers included), from getrusage
    measure = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
        "sys.exit(r.returncode)"
    )
    started = time.monotonic()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                measure,
                sys.executable,
                "-m",
                "extractors.warehouse.dag_runner",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
    finally:
        stop.set()
        flipper.join()
        listener.close()
    seconds = time.monotonic() - started
    if result.returncode:
        sys.stderr.write(result.stdout[-20000:] + result.stderr[-20000:])
    peak_kb = int(result.stdout.rsplit("PEAK_KB", 1)[1].split()[0])
    return {
        "result": result,
        "seconds": seconds,
        "peak_mb": peak_kb / 1024,
        "db": db_path,
        "bad": {key: os.fsdecode(name) for key, (name, _) in bad.items()},
    }


def test_the_run_succeeds_in_bounded_time_and_memory(hostile_run):
    assert hostile_run["result"].returncode == 0
    assert hostile_run["seconds"] < 600
    assert hostile_run["peak_mb"] < 1536, hostile_run["peak_mb"]


def test_every_good_article_is_loaded_once(hostile_run):
    files = {f for (f,) in query(hostile_run["db"], "select source_file from marts.dim_documents")}
    good = {f"good/{n:02d}.txt" if n % 2 else f"good_{n:02d}.txt" for n in range(20)}
    assert good <= files
    [(n_documents,)] = query(hostile_run["db"], "select count(*) from marts.dim_documents")
    assert n_documents == len(files)


def test_every_bad_file_is_loaded_correctly_or_refused_with_its_reason(hostile_run):
    db, bad = hostile_run["db"], hostile_run["bad"]
    rejects = dict(query(db, "select source_file, reason from ops.rejects"))
    documents = dict(query(db, "select source_file, text from marts.dim_documents"))
    [(good_00_id,)] = query(
        db, "select document_id from marts.dim_documents where source_file = 'good_00.txt'"
    )
    expected_rejects = {
        "caf\\xe9.txt": "bad_name",
        "meta_out.txt": "bad_sidecar",
        "huge_meta.txt": "bad_sidecar",
        bad["fuzz"]: "binary",
        bad["zip"]: "binary",
        bad["gzip"]: "binary",
        bad["utf32"]: "binary",
        bad["nul"]: "binary",
        bad["controls"]: "binary",
        bad["wrong_types"]: "bad_sidecar",
        bad["array_sidecar"]: "bad_sidecar",
        bad["empty"]: "empty",
        bad["duplicate"]: "duplicate",
        "loop.txt": "unreadable",
        "dangling.txt": "unreadable",
        "escape.txt": "symlink_outside",
        "pipe.txt": "not_a_file",
        "sock.txt": "unreadable",
    }
    assert {f: rejects.get(f) for f in expected_rejects} == expected_rejects
    duplicates = dict(query(db, "select source_file, duplicate_of from ops.rejects"))
    assert duplicates[bad["duplicate"]] == good_00_id
    # loaded, and loaded right
    assert documents[bad["long_name"]].startswith("Officials in")
    assert documents[bad["broken_html"]] == "Rates rose"
    assert len(documents[bad["long_text"]]) > 1_000_000
    assert documents[bad["one_line"]].startswith("The council said the plan works.")
    assert bad["deep"] in documents
    assert rejects[bad["shift_jis"]] == "encoding"  # neither UTF-8 nor Windows-1252
    assert rejects[bad["quadratic_html"]] == "html"  # parsed in linear time: no text
    # every file is one or the other, never both
    assert not set(rejects) & set(documents)


def test_nothing_from_outside_the_folder_is_read(hostile_run):
    db = hostile_run["db"]
    leaked = query(
        db,
        "select source_file from marts.dim_documents "
        "where text like '%outside secret%' or title = 'outside title'",
    )
    assert leaked == []
    flip = dict(query(db, "select source_file, reason from ops.rejects"))["zz_flip.txt"]
    # inside it is a copy of good_00.txt, outside it is refused, mid-swap it may be gone
    assert flip in ("duplicate", "symlink_outside", "unreadable")


def test_the_audit_row_counts_every_file(hostile_run):
    db = hostile_run["db"]
    [(state, seen, rejected)] = query(
        db, "select state, files_seen, files_rejected from ops.pipeline_runs"
    )
    [(n_documents,)] = query(db, "select count(*) from marts.dim_documents")
    [(n_rejects,)] = query(db, "select count(*) from ops.rejects")
    assert state == "success"
    assert rejected == n_rejects
    assert seen == n_documents + n_rejects
