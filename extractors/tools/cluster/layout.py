"""Where the cluster keeps its state, and its secrets: generated at first start, kept in
one file that only its owner reads, never in the repository."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from extractors.settings import cluster_dir, cluster_ports


@dataclass(frozen=True)
class Layout:
    root: Path
    ports: dict[str, int]

    @property
    def airflow_home(self) -> Path:
        # not state/airflow: that one belongs to the LocalExecutor on SQLite
        return self.root / "airflow"

    @property
    def postgres_dir(self) -> Path:
        return self.root / "postgres"

    @property
    def redis_dir(self) -> Path:
        return self.root / "redis"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def pids(self) -> Path:
        return self.root / "pids.json"

    @property
    def secrets(self) -> Path:
        return self.root / "secrets.json"


def current_layout() -> Layout:
    return Layout(cluster_dir(), cluster_ports())


def load_secrets(layout: Layout) -> dict[str, str]:
    """The keys every component must share (JWT, Fernet, API) and the two passwords."""
    if layout.secrets.exists():
        return json.loads(layout.secrets.read_text())
    from cryptography.fernet import Fernet

    created = {
        "jwt_secret": secrets.token_urlsafe(32),
        "api_secret_key": secrets.token_urlsafe(32),
        "fernet_key": Fernet.generate_key().decode(),
        "postgres_password": secrets.token_urlsafe(24),
        "redis_password": secrets.token_urlsafe(24),
    }
    descriptor = os.open(layout.secrets, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump(created, file)
    return created
