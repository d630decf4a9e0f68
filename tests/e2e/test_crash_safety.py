"""A run killed with SIGKILL in the middle of a load leaves the warehouse as it was,
and the next run completes the work."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from tests.support.dag import run_dag, start_dag
from tests.support.duck import query
from tests.support.paths import PROJECT_ROOT
from tests.support.seed_run_inputs import SEED_RUN_ENV

pytestmark = pytest.mark.e2e

# Stages many documents and loads them in one transaction, in a child process.
LOADER_SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import datetime
    from pathlib import Path
    from tests.support.staged_runs import document, stage
    from extractors.warehouse.loader import load_run

    run_dir, db = Path(sys.argv[1]), Path(sys.argv[2])
    if sys.argv[3] == "stage":
        docs = [document(f"{n:016x}", f"{n}.txt", "Ann Lee spoke. " * 200) for n in range(400)]
        stage(run_dir, docs)
    else:
        print("loading", flush=True)
        load_run(db, run_dir, "big", datetime(2026, 1, 1))
    """
)


def loader(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", LOADER_SCRIPT, *args],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_sigkill_during_a_load_transaction_rolls_it_back(tmp_path):
    run_dir, db = tmp_path / "run", tmp_path / "w.duckdb"
    assert loader(str(run_dir), str(db), "stage").wait(timeout=120) == 0
    with duckdb.connect(str(db)) as con:  # an existing warehouse with one known row
        con.execute("create schema raw; create table raw.marker as select 1 as v")
    child = loader(str(run_dir), str(db), "load")
    assert child.stdout.readline().strip() == "loading"
    time.sleep(0.3)  # inside load_run: tables created, transaction open, rows going in
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    with duckdb.connect(str(db)) as con:
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        documents = (
            con.execute("select count(*) from raw.documents").fetchone()[0]
            if "documents" in tables
            else 0
        )
        assert documents in (0, 400), "a half-loaded transaction survived"
        assert con.execute("select v from raw.marker").fetchone() == (1,)
    assert loader(str(run_dir), str(db), "load").wait(timeout=300) == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from raw.documents").fetchone()[0] == 400
        assert con.execute("select count(*) from raw.mentions").fetchone()[0] == 400


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sigkill_of_the_dag_run_during_load_publishes_nothing(seed_run, tmp_path):
    seed_input, db = tmp_path / "input", tmp_path / "w.duckdb"
    shutil.copytree(seed_run[0], seed_input, symlinks=True)
    shutil.copy(seed_run[1], db)
    published = sha256(db)
    (seed_input / "second.txt").write_text(
        "The finance minister said on Monday that the government would cut taxes for "
        "small firms next year, and the opposition accused him of favouring the rich."
    )
    child = start_dag(seed_input, db, WIREHOUSE_STAGING=str(tmp_path / "staging"), **SEED_RUN_ENV)
    for line in child.stdout:
        if "task_id=load" in line and "start" in line:
            os.killpg(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL, "the run ended before its load started"
    assert sha256(db) == published
    second = "select count(*) from marts.dim_documents where source_file = 'second.txt'"
    assert query(db, second) == [(0,)]
    run_dag(seed_input, db, **SEED_RUN_ENV)
    assert query(db, second) == [(1,)]
    states = query(db, "select state from ops.pipeline_runs order by started_at")
    assert states[0] == ("success",) and states[-1] == ("success",)
