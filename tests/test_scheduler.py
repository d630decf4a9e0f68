"""A real Airflow deployment, not `dags test`: API server, scheduler and DAG processor on
LocalExecutor with the embedded SQLite database. Unpausing the hourly DAG makes the
scheduler create and execute its latest scheduled run, which must update the warehouse."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, SEED_FILE, query

pytestmark = pytest.mark.e2e
AIRFLOW = str(PROJECT_ROOT / ".venv" / "bin" / "airflow")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def deployment(tmp_path, seed_input):
    api_port = free_port()
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path / "airflow"),
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        "WIREHOUSE_INPUT": str(seed_input),
        "WIREHOUSE_DB": str(tmp_path / "scheduled.duckdb"),
        "WIREHOUSE_STAGING": str(tmp_path / "staging"),
    }

    def airflow(*args: str) -> str:
        result = subprocess.run(
            [AIRFLOW, *args], env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    airflow("db", "migrate")
    airflow("pools", "set", "duckdb_writer", "1", "the one DuckDB writer")
    commands = {
        "api-server": ["api-server", "--host", "127.0.0.1", "--port", str(api_port)],
        "scheduler": ["scheduler"],
        "dag-processor": ["dag-processor"],
    }
    processes = {}
    for name, args in commands.items():
        log = (tmp_path / f"{name}.log").open("w")
        processes[name] = subprocess.Popen(
            [AIRFLOW, *args], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield airflow, Path(env["WIREHOUSE_DB"]), processes
    finally:
        for process in processes.values():
            os.killpg(process.pid, signal.SIGTERM)
        for name, process in processes.items():
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
                pytest.fail(f"{name} did not stop on SIGTERM within 60 s")
        for log in tmp_path.glob("*.log"):
            shutil.copy(log, PROJECT_ROOT / "state" / f"test_scheduler_{log.name}")


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(3)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def test_scheduler_executes_the_scheduled_run(deployment):
    airflow, db_path, processes = deployment
    wait_for(
        lambda: "news_warehouse" in airflow("dags", "list", "-o", "plain"),
        120,
        "the DAG processor to register news_warehouse",
    )
    airflow("dags", "unpause", "news_warehouse")

    def finished_runs():
        output = airflow("dags", "list-runs", "news_warehouse", "-o", "json")
        runs = json.loads(next(line for line in output.splitlines() if line.startswith("[")))
        assert all(r["state"] != "failed" for r in runs), runs
        return [r for r in runs if r["state"] == "success"]

    [run] = wait_for(finished_runs, 480, "the scheduled run to succeed")
    assert run["run_id"].startswith("scheduled__")
    assert all(p.poll() is None for p in processes.values()), "a service died during the run"
    [(source_file, n_actors)] = query(
        db_path,
        "select d.source_file, count(distinct m.actor_id) from marts.dim_documents d "
        "join marts.fct_actor_mentions m using (document_id) group by 1",
    )
    assert source_file == SEED_FILE and n_actors > 10
    assert query(db_path, "select run_id, state from ops.pipeline_runs") == [
        (run["run_id"], "success")
    ]
