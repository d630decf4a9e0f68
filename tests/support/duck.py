"""Read-only queries on a warehouse file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.support.paths import SEED_FILE


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def seed_document_id(db_path: Path) -> str:
    sql = "select document_id from marts.dim_documents where source_file = ?"
    [(document_id,)] = query(db_path, sql, [SEED_FILE])
    return document_id
