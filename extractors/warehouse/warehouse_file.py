"""The warehouse file itself: the storage format it is written in, and whether it is sound.

The Python package writes DuckDB 2.0's storage format unless told otherwise, which the
DuckDB 1.x clients that analysts use (the CLI, DBeaver's driver, most BI tools) refuse:
"Trying to read a database file with version number 69". A DuckDB file keeps the storage
version it was created with, so every warehouse file is created here, in
``STORAGE_VERSION``, and a file of another version is converted once when a run copies it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

# the oldest format that DuckDB 1.4 and every later release read and write
STORAGE_VERSION = "v1.4.0"


def create(path: Path) -> None:
    """An empty warehouse file in STORAGE_VERSION, unless the file exists: the one place
    where a DuckDB file is created (a plain connect would create it in 2.0's format)."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as con:
        con.execute(f"attach '{_quoted(path)}' as warehouse (storage_version '{STORAGE_VERSION}')")


def storage_version(path: Path) -> str:
    """The file's storage version tag, such as 'v1.4.0+' or 'v2.0.0+'."""
    with duckdb.connect(str(path), read_only=True) as con:
        [(tags,)] = con.execute(
            "select tags from duckdb_databases() where database_name = current_database()"
        ).fetchall()
    return tags.get("storage_version", "")


def make_compatible(path: Path) -> bool:
    """Rewrite the file in STORAGE_VERSION if it is in another one; True if it was."""
    if storage_version(path).rstrip("+") == STORAGE_VERSION:
        return False
    converted = path.with_name(path.name + ".converting")
    converted.unlink(missing_ok=True)
    with duckdb.connect() as con:
        con.execute(f"attach '{_quoted(path)}' as old (read_only)")
        con.execute(f"attach '{_quoted(converted)}' as new (storage_version '{STORAGE_VERSION}')")
        con.execute("copy from database old to new")
    os.replace(converted, path)
    log.warning("converted %s to DuckDB storage version %s", path, STORAGE_VERSION)
    return True


def problem(path: Path) -> str | None:
    """Why the file is not a sound warehouse (None when it opens and every table reads).

    Every column of every table is read (hashed, not fetched): a file truncated by a
    full disk may still open, its catalog and row counts intact, and fail only when the
    blocks its data lived in are read."""
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            for schema, table in tables(con):
                con.execute(f'select sum(hash(columns(*))) from "{schema}"."{table}"').fetchall()
    except duckdb.Error as error:
        return f"{type(error).__name__}: {error}"
    return None


def tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(schema, table) of every table in the file the connection opened."""
    return con.execute(
        "select schema_name, table_name from duckdb_tables() "
        "where database_name = current_database()"
    ).fetchall()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
