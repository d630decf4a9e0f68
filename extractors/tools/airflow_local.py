"""`make airflow`: Airflow's API server (the UI), scheduler and DAG processor on this machine.

Rather than ``airflow standalone``, which also starts a triggerer (no task here defers)
and lets the scheduler and triggerer serve logs on every interface (ports 8793 and 8794,
for remote workers to fetch from), this starts the three services that a LocalExecutor
needs, with the log servers off: the UI reads task logs from the shared log folder. The
UI binds to 127.0.0.1 unless ``AIRFLOW__API__HOST`` says otherwise. Files that hold
secrets (airflow.cfg with the JWT and Fernet keys, the SQLite database, the generated
admin password) are made readable by their owner only. Ctrl-C stops all three.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from extractors.settings import airflow_home

SERVICES = {
    "api-server": ["api-server"],
    "scheduler": ["scheduler", "--skip-serve-logs"],
    "dag-processor": ["dag-processor"],
}
PASSWORD_FILE = "simple_auth_manager_passwords.json.generated"
PRIVATE_FILES = ("airflow.cfg", "airflow.db", PASSWORD_FILE)


def make_private(home: Path) -> None:
    for name in PRIVATE_FILES:
        path = home / name
        if path.exists():
            path.chmod(0o600)


def start(home: Path, airflow: str) -> dict[str, subprocess.Popen]:
    os.umask(0o077)  # whatever the services create (logs, the password file) is private
    make_private(home)
    # the services' home is the one made private here, also where AIRFLOW_HOME is unset
    env = {**os.environ, "AIRFLOW_HOME": str(home)}
    return {
        name: subprocess.Popen([airflow, *args], start_new_session=True, env=env)
        for name, args in SERVICES.items()
    }


def stop(processes: dict[str, subprocess.Popen], grace_s: float = 20) -> None:
    for process in processes.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main() -> int:
    home = airflow_home()
    airflow = str(Path(sys.executable).with_name("airflow"))
    processes = start(home, airflow)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(p.poll() is None for p in processes.values()):
            make_private(home)  # the password file appears once the API server is up
            time.sleep(2)
        failed = [name for name, p in processes.items() if p.poll() is not None]
        print(f"stopped: {', '.join(failed)} exited; stopping the others", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(processes)


if __name__ == "__main__":
    sys.exit(main())
