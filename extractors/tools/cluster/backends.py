"""PostgreSQL (Airflow's metadata) and Redis (the Celery broker), Debian's packages run
as plain processes: no systemd, no system-wide cluster, listening on 127.0.0.1 only."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from extractors.tools.cluster.layout import Layout
from extractors.tools.cluster.processes import spawn, wait_until

DATABASE = "airflow"


def _postgres_bin() -> Path:
    """Debian installs each PostgreSQL major version under /usr/lib/postgresql/<n>/bin."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parts[-3])
    )
    if not found:
        raise SystemExit("PostgreSQL is not installed: run `make cluster-deps`")
    return found[-1].parent


def _postgres_user() -> str | None:
    """PostgreSQL refuses to run as root; as root, run it as Debian's postgres user."""
    return "postgres" if os.geteuid() == 0 else None


def _own(path: Path) -> None:
    user = _postgres_user()
    if user:
        shutil.chown(path, user, user)


def start_postgres(layout: Layout, password: str) -> None:
    data = layout.postgres_dir / "data"
    if not (data / "PG_VERSION").exists():
        layout.postgres_dir.mkdir(mode=0o700, exist_ok=True)
        _own(layout.postgres_dir)
        password_file = layout.postgres_dir / "initdb.pw"
        password_file.write_text(password)
        _own(password_file)
        initdb = [str(_postgres_bin() / "initdb"), "-D", str(data), "-U", DATABASE]
        options = ["--pwfile", str(password_file), "--auth", "scram-sha-256", "-E", "UTF8"]
        result = subprocess.run(
            [*initdb, *options], capture_output=True, text=True, user=_postgres_user()
        )
        if result.returncode != 0:
            raise SystemExit(f"initdb failed:\n{result.stdout}{result.stderr}")
        password_file.unlink()
    port = str(layout.ports["postgres"])
    settings = ["listen_addresses=127.0.0.1", "unix_socket_directories="]
    argv = [str(_postgres_bin() / "postgres"), "-D", str(data), "-p", port]
    for setting in settings:
        argv += ["-c", setting]
    spawn(layout, "postgres", argv, os.environ, user=_postgres_user())


def create_database(layout: Layout, password: str) -> None:
    """The airflow database, once PostgreSQL accepts connections."""
    import psycopg2

    def connect():
        return psycopg2.connect(
            host="127.0.0.1",
            port=layout.ports["postgres"],
            user=DATABASE,
            password=password,
            dbname="postgres",
            connect_timeout=5,
        )

    def accepts() -> bool:
        try:
            connect().close()
            return True
        except psycopg2.OperationalError:
            return False

    wait_until(accepts, 60, "PostgreSQL", layout.logs / "postgres.log")
    connection = connect()
    connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute("select 1 from pg_database where datname = %s", [DATABASE])
            if cursor.fetchone() is None:
                cursor.execute(f"create database {DATABASE}")
    finally:
        connection.close()


def start_redis(layout: Layout, password: str) -> None:
    """The password goes in a private config file, not the command line that `ps` shows;
    the broker is a queue, not a store, so persistence is off."""
    layout.redis_dir.mkdir(mode=0o700, exist_ok=True)
    config = layout.redis_dir / "redis.conf"
    config.write_text(
        f"bind 127.0.0.1\nport {layout.ports['redis']}\nrequirepass {password}\n"
        f'dir {layout.redis_dir}\nsave ""\nappendonly no\ndaemonize no\n'
    )
    config.chmod(0o600)
    spawn(layout, "redis", ["redis-server", str(config)], os.environ)
