"""Shared fixtures: real input folders, real DAG runs, real DuckDB files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
SHARED = PROJECT_ROOT.parent / "shared"
SEED_FILE = "000_3ae85de6b780ec68.txt"

# The same Airflow home that `make test` initialises, also when pytest is run directly.
os.environ.setdefault("AIRFLOW_HOME", str(PROJECT_ROOT / "state" / "airflow"))
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(PROJECT_ROOT / "dags"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")


def dag_env(input_dir: Path, db_path: Path, **extra_env: str) -> dict[str, str]:
    return {
        **os.environ,
        "WIREHOUSE_INPUT": str(input_dir),
        "WIREHOUSE_DB": str(db_path),
        "WIREHOUSE_STAGING": str(db_path.parent / "staging"),
        **extra_env,
    }


def start_dag(input_dir: Path, db_path: Path, **extra_env: str) -> subprocess.Popen:
    """news_warehouse via dag.test() in a process of its own session, its log on stdout."""
    return subprocess.Popen(
        [sys.executable, "-m", "extractors.dag_runner"],
        cwd=PROJECT_ROOT,
        env=dag_env(input_dir, db_path, **extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def run_dag(
    input_dir: Path, db_path: Path, expect_success: bool = True, **extra_env: str
) -> subprocess.CompletedProcess:
    """Run news_warehouse once via dag.test() in a fresh process, as `make run` does."""
    env = dag_env(input_dir, db_path, **extra_env)
    result = subprocess.run(
        [sys.executable, "-m", "extractors.dag_runner"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if (result.returncode == 0) != expect_success:
        sys.stderr.write(result.stdout[-20000:] + result.stderr[-20000:])
    assert (result.returncode == 0) == expect_success, "unexpected DAG outcome; log above"
    return result


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


ARTICLE = (
    "The finance minister said on Monday that the government would cut taxes for small "
    "firms next year, and the opposition accused him of favouring the rich. {}"
)
WEIRD_NAME = "-leading dash 'quoted' \u00fcn\u00efc\u00f6d\u00e9.txt"
LATIN = ARTICLE.format("Caf\u00e9 owners were \u201cdelighted\u201d.").encode("cp1252")
# Beside the seed, a file of every awkward kind (WIREHOUSE_MAX_BYTES=20000 in that run);
# None stands for the seed's own bytes under another name.
AWKWARD_FILES = {
    "copy of seed.txt": None,
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n",
    "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50,
    "latin1.txt": LATIN,
    "latin1_copy.txt": LATIN,
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
SYMLINK_OUT = "escape.txt"  # a link to a file outside the input folder
SEED_RUN_ENV = {"WIREHOUSE_MAX_BYTES": "20000"}  # so that huge.txt is too large; reruns too


def seed_document_id(db_path: Path) -> str:
    sql = "select document_id from marts.dim_documents where source_file = ?"
    [(document_id,)] = query(db_path, sql, [SEED_FILE])
    return document_id


@pytest.fixture
def seed_input(tmp_path) -> Path:
    """A private input folder holding the seed article."""
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copy(SEEDS / SEED_FILE, folder / SEED_FILE)
    return folder


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory) -> tuple[Path, Path]:
    """One real DAG run over the seed plus the awkward files: (input folder, warehouse).

    Shared by the end-to-end tests, which read it and then rerun it in order; other
    tests copy it rather than change it."""
    root = tmp_path_factory.mktemp("seed_run")
    folder = root / "input"
    folder.mkdir()
    shutil.copy(SEEDS / SEED_FILE, folder / SEED_FILE)
    for name, content in AWKWARD_FILES.items():
        data = (SEEDS / SEED_FILE).read_bytes() if content is None else content
        (folder / name).write_bytes(data)
    # a sidecar dates latin1.txt (to a Thursday); the seed itself has no publication date
    (folder / "latin1.meta.json").write_text('{"published_date": "2016-09-29"}')
    outside = root / "outside.txt"
    outside.write_bytes(ARTICLE.format("Secret.").encode())
    os.symlink(outside, folder / SYMLINK_OUT)
    db_path = tmp_path_factory.mktemp("warehouse") / "seed.duckdb"
    run_dag(folder, db_path, **SEED_RUN_ENV)
    return folder, db_path
