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


def run_dag(
    input_dir: Path, db_path: Path, expect_success: bool = True, **extra_env: str
) -> subprocess.CompletedProcess:
    """Run news_warehouse once via dag.test() in a fresh process, as `make run` does."""
    env = {
        **os.environ,
        "WIREHOUSE_INPUT": str(input_dir),
        "WIREHOUSE_DB": str(db_path),
        "WIREHOUSE_STAGING": str(db_path.parent / "staging"),
        **extra_env,
    }
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


BAD_FILES = {
    "copy of seed.txt": None,  # the seed's bytes again
    "empty.txt": b"",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40,
}


@pytest.fixture
def seed_input(tmp_path) -> Path:
    """A private input folder holding the seed article."""
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copy(SEEDS / SEED_FILE, folder / SEED_FILE)
    return folder


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory) -> tuple[Path, Path]:
    """One real DAG run over the seed plus bad files: (input folder, warehouse file).

    Shared by the end-to-end tests, which read it and then rerun it in order; other
    tests copy it rather than change it."""
    folder = tmp_path_factory.mktemp("seed_input")
    shutil.copy(SEEDS / SEED_FILE, folder / SEED_FILE)
    for name, content in BAD_FILES.items():
        data = (SEEDS / SEED_FILE).read_bytes() if content is None else content
        (folder / name).write_bytes(data)
    db_path = tmp_path_factory.mktemp("warehouse") / "seed.duckdb"
    run_dag(folder, db_path)
    return folder, db_path
