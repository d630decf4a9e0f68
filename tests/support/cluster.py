"""The cluster of `make cluster`, started by its own command line for a test module with
free ports under state/test_cluster (PostgreSQL's user must reach its folder, which
pytest's private temporary folders do not allow), and what tests read from it: Airflow's
metadata in PostgreSQL and the workers' logs."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from extractors.tools.cluster.airflow_services import airflow, airflow_env
from extractors.tools.cluster.layout import Layout, load_secrets
from extractors.tools.cluster.processes import running
from tests.support.listeners import free_port
from tests.support.paths import PROJECT_ROOT

ROOT = PROJECT_ROOT / "state" / "test_cluster"
# what the Celery provider logs for each task a worker takes from its queue
WORKLOAD = re.compile(
    r"Executing workload in Celery: .*?task_id='(\w+)', dag_id='\w+', run_id='([^']+)'"
)


def services_installed() -> bool:
    return bool(shutil.which("redis-server") and list(Path("/usr/lib/postgresql").glob("*/bin")))


@dataclass
class Cluster:
    layout: Layout
    env: dict[str, str]

    def command(self, command: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "extractors.tools.cluster", command],
            cwd=PROJECT_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr[-5000:]
        return result.stdout

    def airflow(self, *args: str) -> str:
        return airflow({**airflow_env(self.layout, load_secrets(self.layout)), **self.env}, *args)

    def metadata(self, sql: str, params: tuple = ()) -> list[tuple]:
        import psycopg2

        password = load_secrets(self.layout)["postgres_password"]
        port = self.layout.ports["postgres"]
        connection = psycopg2.connect(
            host="127.0.0.1", port=port, user="airflow", password=password, dbname="airflow"
        )
        with contextlib.closing(connection), connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def run_state(self, run_id: str) -> str | None:
        found = self.metadata("select state from dag_run where run_id = %s", (run_id,))
        return found[0][0] if found else None

    def wait_for_run(self, run_id: str, timeout_s: float = 600) -> None:
        deadline = time.monotonic() + timeout_s
        while (state := self.run_state(run_id)) != "success":
            assert state != "failed", f"{run_id} failed; logs in {self.layout.root}"
            assert time.monotonic() < deadline, f"{run_id} still {state} after {timeout_s} s"
            time.sleep(2)

    def executed(self, worker: str) -> set[tuple[str, str]]:
        """(task_id, run_id) of every task the worker received, from its own log."""
        log = (self.layout.logs / f"{worker}.log").read_text(errors="replace")
        return set(WORKLOAD.findall(log))

    def kill_worker(self, worker: str) -> None:
        """SIGKILL a worker and every process under it at once, as a lost machine would;
        Airflow runs each task in a process group of its own, so killpg would miss it."""
        process = running(self.layout, worker)
        assert process is not None, f"{worker} is not running"
        for member in [process, *process.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess):
                member.kill()


def start_cluster(**wirehouse_env: str) -> Cluster:
    shutil.rmtree(ROOT, ignore_errors=True)
    ports = {name: free_port() for name in ("postgres", "redis", "api")}
    env = {
        **os.environ,
        "WIREHOUSE_HOME": str(PROJECT_ROOT),
        "WIREHOUSE_CLUSTER": str(ROOT),
        **{f"WIREHOUSE_CLUSTER_{name.upper()}_PORT": str(port) for name, port in ports.items()},
        # the DAG processor registers the DAG within seconds instead of a minute
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
        # the killed worker's tasks are given up sooner than `make cluster` gives them up
        "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": "30",
        "AIRFLOW__SCHEDULER__TASK_QUEUED_TIMEOUT": "60",
        **wirehouse_env,
    }
    cluster = Cluster(Layout(ROOT, ports), env)
    cluster.command("start")
    return cluster
