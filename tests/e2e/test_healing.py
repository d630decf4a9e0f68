"""Broken state heals and concurrent runs stay safe, with the real DAG and real files:
a truncated published warehouse is restored and refilled; of two runs started together
exactly one publishes, and the other's audit row arrives with the next run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support.articles import good_article
from tests.support.dag import run_dag, start_dag
from tests.support.duck import query
from tests.support.paths import SEED_FILE, SEEDS

pytestmark = pytest.mark.e2e


def input_folder(root: Path, n_articles: int) -> Path:
    folder = root / "input"
    folder.mkdir(exist_ok=True)
    shutil.copy(SEEDS / SEED_FILE, folder / SEED_FILE)
    for n in range(n_articles):
        (folder / f"article_{n:02d}.txt").write_text(good_article(n))
    return folder


def documents(db_path: Path) -> set[str]:
    return {f for (f,) in query(db_path, "select source_file from marts.dim_documents")}


def test_a_truncated_warehouse_is_restored_and_refilled(tmp_path):
    folder = input_folder(tmp_path, 3)
    db_path = tmp_path / "w" / "w.duckdb"
    run_dag(folder, db_path)
    input_folder(tmp_path, 5)  # two more articles, published by the second run only
    run_dag(folder, db_path)
    published = documents(db_path)
    assert len(published) == 6
    with db_path.open("r+b") as handle:  # a disk that filled up, a bad copy
        handle.truncate(db_path.stat().st_size // 3)
    run_dag(folder, db_path)
    assert documents(db_path) == published  # the previous version, and the two read again
    [(note,)] = query(
        db_path, "select note from ops.pipeline_runs order by started_at desc limit 1"
    )
    assert note.startswith("published warehouse was broken (")
    assert note.endswith("restored the previous version")
    assert len(list(db_path.parent.glob("w.broken-*.duckdb"))) == 1


def test_of_two_runs_started_together_exactly_one_publishes(tmp_path):
    folder = input_folder(tmp_path, 4)
    db_path = tmp_path / "w" / "w.duckdb"
    runs = []
    for name in ("a", "b"):
        # each its own Airflow metadata database (a copy of the initialised one): two
        # dag.test() processes on one SQLite file would contend for Airflow's own locks
        home = tmp_path / f"airflow_{name}"
        home.mkdir()
        for file in ("airflow.db", "airflow.cfg"):
            shutil.copy(Path(os.environ["AIRFLOW_HOME"]) / file, home / file)
        runs.append(start_dag(folder, db_path, AIRFLOW_HOME=str(home)))
    outcomes = []
    for run in runs:
        output, _ = run.communicate(timeout=900)
        outcomes.append((run.returncode, output))
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0, 1], [output[-3000:] for _, output in outcomes]
    loser = next(output for code, output in outcomes if code)
    # on failure, show every line that names an error: the assertion alone cuts the log
    reasons = [line for line in loser.splitlines() if "Error" in line or "rror:" in line]
    assert "WorkingCopyTakenError" in loser, "\n".join(reasons[-20:]) or loser[-3000:]
    assert len(documents(db_path)) == 5
    # the loser's audit row is in already if it failed after the winner published, else
    # it waits beside the warehouse for the next run that publishes
    run_dag(folder, db_path)  # a third run: nothing new to read
    states = sorted(s for (s,) in query(db_path, "select state from ops.pipeline_runs"))
    assert states == ["failed", "success", "success"]
    assert len(documents(db_path)) == 5
    assert not list(db_path.parent.glob(".w.failed_runs/*.json"))
