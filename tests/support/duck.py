"""Read-only queries on a warehouse file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.support.paths import SEED_FILE

# the DuckDB 1.x command line that `make query` opens (the duckdb-cli package), in the venv
DUCKDB_CLI = Path(sys.executable).with_name("duckdb")


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def seed_document_id(db_path: Path) -> str:
    sql = "select document_id from marts.dim_documents where source_file = ?"
    [(document_id,)] = query(db_path, sql, [SEED_FILE])
    return document_id


def cli_json(db_path: Path, sql: str) -> list[dict]:
    """The rows of one query run by the DuckDB 1.x command line, read-only."""
    result = subprocess.run(
        [DUCKDB_CLI, "-readonly", "-json", str(db_path), "-c", sql],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
