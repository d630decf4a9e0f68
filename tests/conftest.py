"""Shared fixtures: real input folders, real DAG runs, real DuckDB files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support.dag import run_dag
from tests.support.paths import PROJECT_ROOT, SEED_FILE, SEEDS
from tests.support.seed_run_inputs import ARTICLE, AWKWARD_FILES, SEED_RUN_ENV, SYMLINK_OUT

# The same Airflow home that `make test` initialises, also when pytest is run directly.
os.environ.setdefault("AIRFLOW_HOME", str(PROJECT_ROOT / "state" / "airflow"))
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(PROJECT_ROOT / "dags"))
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")


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
