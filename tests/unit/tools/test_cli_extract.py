"""`python -m extractors extract`: staging Parquet from a folder, one spaCy worker per core."""

import os
import subprocess
import sys

import pyarrow.parquet as pq

from tests.support.articles import good_article
from tests.support.paths import PROJECT_ROOT


def test_extract_uses_one_spacy_process_per_core(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(8):
        (folder / f"{n}.txt").write_text(good_article(n))
    (folder / "empty.txt").write_text("")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "extractors",
            "extract",
            "--input",
            str(folder),
            "--out",
            str(tmp_path / "out"),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    cores = min(os.cpu_count() or 1, 2)  # at most one worker per 4 texts: 8 texts, 2
    suffix = "es" if cores > 1 else ""
    assert "8 documents," in result.stdout
    assert result.stdout.rstrip().endswith(f"({cores} spaCy process{suffix})"), result.stdout
    assert pq.read_table(tmp_path / "out" / "documents.parquet").num_rows == 8
    assert pq.read_table(tmp_path / "out" / "rejects.parquet").column("reason").to_pylist() == [
        "empty"
    ]
