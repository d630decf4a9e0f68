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


@pytest.fixture(scope="session")
def seed_input(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("input")
    shutil.copy(SEEDS / SEED_FILE, folder / SEED_FILE)
    return folder
