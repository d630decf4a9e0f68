"""The Airflow side: one configuration for every component, the metadata database
migrated once, then the API server, scheduler, DAG processor and the two workers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from extractors.settings import PROJECT_ROOT
from extractors.tools.cluster.layout import Layout

NLP_QUEUE = "nlp"
WAREHOUSE_QUEUE = "warehouse"
WORKERS = {f"worker-{NLP_QUEUE}": (NLP_QUEUE, 2), f"worker-{WAREHOUSE_QUEUE}": (WAREHOUSE_QUEUE, 1)}
# the services share one log folder, which the API server reads task logs from, so no
# component serves logs over the network (no ports 8793/8794 on any interface)
SERVICES = {
    "api-server": ["api-server"],
    "scheduler": ["scheduler", "--skip-serve-logs"],
    "dag-processor": ["dag-processor"],
    **{
        name: [
            "celery",
            "worker",
            "--queues",
            queue,
            "--concurrency",
            str(slots),
            # two workers on one host need distinct Celery names
            "--celery-hostname",
            f"{queue}@{socket.gethostname()}",
            "--skip-serve-logs",
        ]
        for name, (queue, slots) in WORKERS.items()
    },
}
PASSWORD_FILE = "simple_auth_manager_passwords.json.generated"


def _given(name: str, default: str) -> str:
    """The cluster's setting unless the environment sets it (the tests shorten waits)."""
    return os.environ.get(name, default)


def airflow_env(layout: Layout, secrets: dict[str, str]) -> dict[str, str]:
    ports = layout.ports
    database = f"airflow:{secrets['postgres_password']}@127.0.0.1:{ports['postgres']}/airflow"
    api = f"http://127.0.0.1:{ports['api']}"
    return {
        **os.environ,
        "AIRFLOW_HOME": str(layout.airflow_home),
        # the DAG and its tasks import this checkout's extractors, whatever else is installed
        "PYTHONPATH": str(PROJECT_ROOT),
        "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"postgresql+psycopg2://{database}",
        "AIRFLOW__CELERY__BROKER_URL": (
            f"redis://:{secrets['redis_password']}@127.0.0.1:{ports['redis']}/0"
        ),
        "AIRFLOW__CELERY__RESULT_BACKEND": f"db+postgresql+psycopg2://{database}",
        # the same keys in every component: tokens the scheduler signs, the API verifies
        "AIRFLOW__CORE__FERNET_KEY": secrets["fernet_key"],
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets["jwt_secret"],
        "AIRFLOW__API__SECRET_KEY": secrets["api_secret_key"],
        "AIRFLOW__API__HOST": "127.0.0.1",
        "AIRFLOW__API__PORT": str(ports["api"]),
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{api}/execution/",
        # a worker that dies silently stops its tasks' heartbeats: after 60 s the
        # scheduler fails those tries and extract's retries run them again
        "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": _given(
            "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT", "60"
        ),
        "AIRFLOW__CORE__DEFAULT_TASK_RETRY_DELAY": "5",
        # a dead worker may also have taken a task it never started: Redis would hand its
        # message to another worker only after a day, and the task would sit queued. The
        # scheduler requeues what waits longer than 2 minutes (extract queues no more
        # tasks than the nlp worker has slots, the writers no more than one)
        "AIRFLOW__SCHEDULER__TASK_QUEUED_TIMEOUT": _given(
            "AIRFLOW__SCHEDULER__TASK_QUEUED_TIMEOUT", "120"
        ),
        "AIRFLOW__SCHEDULER__TASK_QUEUED_TIMEOUT_CHECK_INTERVAL": "15",
        "WIREHOUSE_NLP_QUEUE": NLP_QUEUE,
        "WIREHOUSE_WAREHOUSE_QUEUE": WAREHOUSE_QUEUE,
        "WIREHOUSE_EXTRACT_RETRIES": os.environ.get("WIREHOUSE_EXTRACT_RETRIES", "2"),
    }


def airflow(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("airflow")), *args],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"airflow {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def initialise(layout: Layout, env: dict[str, str]) -> None:
    """Migrate the metadata database and create the writer pool, once."""
    marker = layout.airflow_home / ".initialised"
    if marker.exists():
        return
    layout.airflow_home.mkdir(exist_ok=True)
    airflow(env, "db", "migrate")
    airflow(env, "pools", "set", "duckdb_writer", "1", "the one process that may write DuckDB")
    marker.touch()


def argv(name: str) -> list[str]:
    return [str(Path(sys.executable).with_name("airflow")), *SERVICES[name]]


def api_is_up(layout: Layout) -> bool:
    url = f"http://127.0.0.1:{layout.ports['api']}/api/v2/monitor/health"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False
