"""python -m extractors.tools.cluster start|stop|status (what make cluster, make
cluster-stop and make cluster-status run). Starting is idempotent: it starts only the
services that are not running, so it also brings back one that died."""

from __future__ import annotations

import argparse
import os
import signal
import time

from extractors.tools.cluster import airflow_services, backends, processes
from extractors.tools.cluster.layout import Layout, current_layout, load_secrets
from extractors.tools.cluster.report import report

ORDER = ["postgres", "redis", *airflow_services.SERVICES]
# PostgreSQL's fast shutdown; the others stop on SIGTERM
STOP_SIGNALS = {"postgres": signal.SIGINT}


def start(layout: Layout) -> None:
    # PostgreSQL's own user must reach its folder inside: every folder on the way can be
    # passed through (made before the umask below), the cluster's own not listed
    layout.root.mkdir(parents=True, exist_ok=True)
    layout.root.chmod(0o711)
    os.umask(0o077)  # logs, airflow.cfg, the generated password: readable by us only
    layout.logs.mkdir(exist_ok=True)
    secrets = load_secrets(layout)
    if not processes.running(layout, "postgres"):
        backends.start_postgres(layout, secrets["postgres_password"])
    backends.create_database(layout, secrets["postgres_password"])
    if not processes.running(layout, "redis"):
        backends.start_redis(layout, secrets["redis_password"])
    env = airflow_services.airflow_env(layout, secrets)
    airflow_services.initialise(layout, env)
    for name in airflow_services.SERVICES:
        if not processes.running(layout, name):
            processes.spawn(layout, name, airflow_services.argv(name), env)
    processes.wait_until(
        lambda: airflow_services.api_is_up(layout),
        180,
        "the API server",
        layout.logs / "api-server.log",
    )


def stop(layout: Layout) -> None:
    for name in reversed(ORDER):
        processes.stop(layout, name, STOP_SIGNALS.get(name, signal.SIGTERM))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m extractors.tools.cluster")
    parser.add_argument("command", choices=["start", "stop", "status"])
    command = parser.parse_args().command
    layout = current_layout()
    if command == "start":
        began = time.monotonic()
        start(layout)
        home, port = layout.airflow_home, layout.ports["api"]
        print(f"cluster up in {time.monotonic() - began:.0f} s")
        print(f"Airflow UI: http://127.0.0.1:{port}/  user: admin")
        print(f"password:   {home / airflow_services.PASSWORD_FILE}")
        print(f"logs:       {layout.logs} (services), {home / 'logs'} (tasks)")
        print("stop it with: make cluster-stop")
        print(report(layout))
    elif command == "stop":
        stop(layout)
    else:
        print(report(layout))


if __name__ == "__main__":
    main()
