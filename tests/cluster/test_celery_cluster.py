"""The same DAG on CeleryExecutor, with real services (`make cluster`): PostgreSQL, Redis,
the API server, scheduler, DAG processor and one worker per queue.

One cluster serves the module, and one first run carries three checks: unpaused, the
hourly DAG runs on BBC articles while the nlp worker is SIGKILLed mid-extraction and
then comes back; that run must still build marts equal, row for row, to a LocalExecutor
run on the same files, and every task must show up in the log of its queue's worker.
A second run then picks up 5 new files."""

from __future__ import annotations

import contextlib
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.cluster import ROOT, Cluster, services_installed, start_cluster
from tests.support.dag import start_dag
from tests.support.duck import query
from tests.support.marts import COMPARED, rows
from tests.support.paths import SHARED

BBC = SHARED / "corpora" / "bbc"
N_FIRST, N_NEW = 60, 5
DAG_ID = "news_warehouse"

pytestmark = [
    pytest.mark.cluster,
    pytest.mark.skipif(not BBC.is_dir(), reason="needs ../shared/corpora/bbc"),
    pytest.mark.skipif(not services_installed(), reason="needs make cluster-deps"),
]


@dataclass
class Runs:
    cluster: Cluster
    first_run_id: str
    second_run_id: str
    first_db: Path  # the cluster's warehouse as the first run published it
    reference_db: Path  # a LocalExecutor run on the same files
    db_path: Path
    killed_while_running: list[int]  # map indexes of the extract tries the kill ended


def articles() -> list[Path]:
    """Articles from every section, spread over the corpus, the same on every machine."""
    every = sorted(BBC.glob("*/*.txt"))
    return every[:: len(every) // (N_FIRST + N_NEW)][: N_FIRST + N_NEW]


def copy_articles(paths: list[Path], folder: Path) -> None:
    for path in paths:
        target = folder / path.relative_to(BBC)  # sections come from the folder names
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)


def wait(predicate, timeout_s: float, what: str, interval_s: float = 1.0):
    deadline = time.monotonic() + timeout_s
    while not (value := predicate()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(interval_s)
    return value


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cluster_runs")
    chosen = articles()
    input_dir = ROOT.with_name("test_cluster_input")
    shutil.rmtree(input_dir, ignore_errors=True)
    copy_articles(chosen[:N_FIRST], input_dir)
    db_path = tmp / "cluster" / "wirehouse.duckdb"
    began = time.monotonic()
    cluster = start_cluster(
        WIREHOUSE_INPUT=str(input_dir),
        WIREHOUSE_DB=str(db_path),
        WIREHOUSE_STAGING=str(tmp / "staging"),
    )
    timings = {"cluster start": time.monotonic() - began}
    try:
        wait(
            lambda: cluster.metadata("select 1 from dag where dag_id = %s", (DAG_ID,)),
            120,
            "the DAG processor to register the DAG",
        )
        cluster.airflow("dags", "unpause", DAG_ID)  # the scheduler starts the latest run
        [(first,)] = wait(
            lambda: cluster.metadata("select run_id from dag_run where dag_id = %s", (DAG_ID,)),
            60,
            "the scheduled run",
        )
        running_extracts = (
            "select map_index from task_instance"
            " where run_id = %s and task_id = 'extract' and state = 'running'"
        )
        killed = wait(
            lambda: cluster.metadata(running_extracts, (first,)),
            300,
            "an extract task to run",
            interval_s=0.3,
        )
        cluster.kill_worker("worker-nlp")
        # while the scheduler waits out the dead tasks' heartbeats: the reference run
        reference_input = tmp / "reference_input"
        copy_articles(chosen[:N_FIRST], reference_input)
        reference_db = tmp / "reference" / "wirehouse.duckdb"
        reference = start_dag(reference_input, reference_db)
        cluster.command("start")  # brings the nlp worker back, and nothing else
        cluster.wait_for_run(first)
        timings["cluster start to first run finished"] = time.monotonic() - began
        first_db = tmp / "first.duckdb"
        shutil.copy(db_path, first_db)
        output, _ = reference.communicate(timeout=600)
        assert reference.returncode == 0, output[-5000:]

        copy_articles(chosen[N_FIRST:], input_dir)
        second = "second_run"
        started = time.monotonic()
        cluster.airflow("dags", "trigger", DAG_ID, "--run-id", second)
        cluster.wait_for_run(second)
        timings["second run (5 new files)"] = time.monotonic() - started
        yield Runs(cluster, first, second, first_db, reference_db, db_path, [m for (m,) in killed])
    finally:
        with contextlib.suppress(AssertionError, SystemExit):
            cluster.airflow("dags", "pause", DAG_ID)
        status = cluster.command("status")
        (ROOT / "measurements.txt").write_text(
            "".join(f"{name}: {seconds:.0f} s\n" for name, seconds in timings.items()) + status
        )
        cluster.command("stop")
        shutil.rmtree(ROOT / "postgres", ignore_errors=True)
        shutil.rmtree(input_dir, ignore_errors=True)


@pytest.mark.parametrize("table", COMPARED)
def test_the_celery_run_builds_the_marts_a_local_run_builds(runs, table):
    on_celery = rows(runs.first_db, table)
    assert on_celery, f"{table} is empty: nothing compared"
    assert on_celery == rows(runs.reference_db, table)


def test_each_task_ran_on_the_worker_of_its_queue(runs):
    ran = {
        task_id
        for (task_id,) in runs.cluster.metadata(
            "select distinct task_id from task_instance where run_id = %s and state = 'success'",
            (runs.first_run_id,),
        )
    }
    assert {"plan", "extract", "load", "dbt_build", "docs", "finish"} <= ran
    on_worker = {
        worker: {
            task for task, run_id in runs.cluster.executed(worker) if run_id == runs.first_run_id
        }
        for worker in ("worker-nlp", "worker-warehouse")
    }
    assert on_worker == {"worker-nlp": {"extract"}, "worker-warehouse": ran - {"extract"}}


def test_a_killed_extract_is_retried_and_nothing_is_lost_or_doubled(runs):
    assert runs.killed_while_running
    failed_tries = runs.cluster.metadata(
        "select map_index from task_instance_history"
        " where run_id = %s and task_id = 'extract' and state = 'failed'",
        (runs.first_run_id,),
    )
    assert {m for (m,) in failed_tries} >= set(runs.killed_while_running)
    [(documents, distinct_texts)] = query(
        runs.first_db, "select count(*), count(distinct content_sha256) from marts.dim_documents"
    )
    assert documents == distinct_texts == N_FIRST


def test_a_second_run_picks_up_the_new_files(runs):
    new_per_run = query(
        runs.db_path,
        "select run_id, documents_new from ops.pipeline_runs"
        " where state = 'success' order by started_at",
    )
    assert new_per_run[0] == (runs.first_run_id, N_FIRST)
    # an hourly tick during the test may start a run of its own: between them, the later
    # runs load the new files once
    assert runs.second_run_id in {run_id for run_id, _ in new_per_run}
    assert sum(new for _, new in new_per_run[1:]) == N_NEW
    [(documents,)] = query(runs.db_path, "select count(*) from marts.dim_documents")
    assert documents == N_FIRST + N_NEW
