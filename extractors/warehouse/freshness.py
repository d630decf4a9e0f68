"""Whether a run must rebuild the marts at all.

A dbt build costs seconds even when nothing changed, so a run that loaded no new,
changed or deleted documents skips dbt, unless the dbt project itself changed since the
marts were last built. The project's fingerprint is kept in the warehouse.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from extractors.warehouse import warehouse_file
from extractors.warehouse.payloads import LoadSummary

_PROJECT_PARTS = ("dbt_project.yml", "models", "seeds", "macros", "tests")
_SUFFIXES = {".sql", ".yml", ".yaml", ".csv", ".md"}


def dbt_project_fingerprint(project_dir: Path) -> str:
    digest = hashlib.sha256()
    for part in _PROJECT_PARTS:
        root = project_dir / part
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in files:
            if path.is_file() and path.suffix in _SUFFIXES:
                digest.update(path.relative_to(project_dir).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def built_fingerprint(db_path: Path) -> str | None:
    """The fingerprint the marts in this warehouse were built from, if recorded."""
    if not db_path.exists():
        return None
    with duckdb.connect(str(db_path), read_only=True) as con:
        if ("raw", "marts_build") not in warehouse_file.tables(con):
            return None
        row = con.execute("select dbt_fingerprint from raw.marts_build").fetchone()
    return row[0] if row else None


def record_fingerprint(db_path: Path, fingerprint: str) -> None:
    with duckdb.connect(str(db_path)) as con:
        con.execute(
            "create or replace table raw.marts_build as "
            "select ?::varchar as dbt_fingerprint, current_timestamp as built_at",
            [fingerprint],
        )


def docs_fingerprint(db_path: Path, project_dir: Path) -> str:
    """What the docs site shows: the dbt project and every relation's columns and types
    (dbt's catalog). New rows change neither, so a data-only run keeps the site it has."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        columns = con.execute(  # but this module's own table, which no dbt node reads
            "select table_schema, table_name, column_name, data_type "
            "from information_schema.columns "
            "where not (table_schema = 'raw' and table_name = 'marts_build') order by all"
        ).fetchall()
    digest = hashlib.sha256(dbt_project_fingerprint(project_dir).encode())
    digest.update(repr(columns).encode())
    return digest.hexdigest()


def project_changed(db_path: Path, project_dir: Path) -> bool:
    """Whether the dbt project differs from the one the marts in db_path were built from."""
    return built_fingerprint(db_path) != dbt_project_fingerprint(project_dir)


def marts_need_build(db_path: Path, project_dir: Path, load_summary: LoadSummary) -> bool:
    data_changed = bool(
        load_summary["documents_loaded"] or load_summary["replaces"] or load_summary["missing"]
    )
    return data_changed or project_changed(db_path, project_dir)
