"""The single writer: moves one run's staging Parquet into DuckDB schema ``raw``.

All of a run's changes are applied in one transaction, so a process killed mid-load
leaves ``raw`` exactly as it was before, and re-running the load gives the same rows
(documents are replaced by id, rejects and the run row by run id).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from extractors.records import RECORD_TYPES, utc_now
from extractors.warehouse import warehouse_file
from extractors.warehouse.arrow_tables import arrow_schema
from extractors.warehouse.payloads import IntakeSummary, LoadSummary
from extractors.warehouse.staging import STAGING_TABLES, read_summary

log = logging.getLogger(__name__)

_DUCKDB_TYPES = {
    pa.string(): "varchar",
    pa.int64(): "bigint",
    pa.bool_(): "boolean",
    pa.date32(): "date",
    pa.timestamp("us"): "timestamp",
}
_EXTRA_DOCUMENT_COLUMNS = [
    "loaded_at timestamp",
    "run_id varchar",
    "source_missing_since timestamp",
]
_PIPELINE_RUNS_DDL = """
create table if not exists raw.pipeline_runs (
    run_id varchar primary key,
    started_at timestamp,
    finished_at timestamp,
    state varchar,
    files_seen bigint,
    documents_new bigint,
    documents_changed bigint,
    documents_unchanged bigint,
    files_rejected bigint,
    note varchar
)"""


def _create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables, and add columns that newer record types have gained."""
    con.execute("create schema if not exists raw")
    for record_type in RECORD_TYPES:
        columns = [
            f"{field.name} {_DUCKDB_TYPES[field.type]}" for field in arrow_schema(record_type)
        ]
        if record_type.TABLE == "documents":
            columns += _EXTRA_DOCUMENT_COLUMNS
        con.execute(f"create table if not exists raw.{record_type.TABLE} ({', '.join(columns)})")
        for column in columns:
            con.execute(f"alter table raw.{record_type.TABLE} add column if not exists {column}")
    con.execute(_PIPELINE_RUNS_DDL)
    con.execute("alter table raw.pipeline_runs add column if not exists note varchar")


def known_documents(db_path: Path) -> dict[str, str]:
    """document_id -> source_file of every loaded document ({} for a new warehouse)."""
    if not db_path.exists():
        return {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        if ("raw", "documents") not in warehouse_file.tables(con):
            return {}
        return dict(con.execute("select document_id, source_file from raw.documents").fetchall())


def _batch_files(run_dir: Path, table: str) -> list[str]:
    return sorted(str(p) for p in (run_dir / "batches").glob(f"*/{table}.parquet"))


def load_run(db_path: Path, run_dir: Path, run_id: str, started_at: datetime) -> LoadSummary:
    """Apply one run's staging output to ``raw`` atomically; returns the run's counts."""
    summary = read_summary(run_dir)
    warehouse_file.create(db_path)
    with duckdb.connect(str(db_path)) as con:
        _create_raw_tables(con)
        con.execute("begin transaction")
        new_ids = _replace_documents(con, run_dir, run_id, summary["replaces"])
        n_rejects = _load_rejects(con, run_dir, run_id)
        summary = {**summary, "files_rejected": n_rejects}  # intake's and extraction's
        _mark_missing_sources(con, summary["missing"])
        _record_run(con, run_id, started_at, summary, state="loaded")
        con.execute("commit")
    return {**summary, "documents_loaded": len(new_ids)}


def _staged_document_ids(con: duckdb.DuckDBPyConnection, run_dir: Path) -> list[str]:
    document_files = _batch_files(run_dir, "documents")
    if not document_files:
        return []
    rows = con.execute("select document_id from read_parquet(?)", [document_files]).fetchall()
    return [row[0] for row in rows]


def _replace_documents(
    con: duckdb.DuckDBPyConnection, run_dir: Path, run_id: str, replaces: dict[str, str]
) -> list[str]:
    """Delete the rows of every document the run extracted again or replaced, insert the
    run's rows of every staging table; returns the ids of the documents loaded."""
    new_ids = _staged_document_ids(con, run_dir)
    # a changed file's old version goes only when its new one is here: one whose
    # extraction failed (an extract_error reject) keeps the old version's rows
    loaded = set(new_ids)
    replaced = {old for new, old in replaces.items() if new in loaded}
    stale_ids = sorted(set(new_ids) | replaced)
    for table in STAGING_TABLES:
        con.execute(f"delete from raw.{table} where document_id in (select unnest(?))", [stale_ids])
        files = _batch_files(run_dir, table)
        if not files:
            continue
        if table == "documents":
            con.execute(
                "insert into raw.documents by name select *, ?::timestamp as loaded_at, "
                "?::varchar as run_id from read_parquet(?)",
                [utc_now(), run_id, files],
            )
        else:
            con.execute(f"insert into raw.{table} by name select * from read_parquet(?)", [files])
    return new_ids


def _load_rejects(con: duckdb.DuckDBPyConnection, run_dir: Path, run_id: str) -> int:
    """Replace the run's rejects (intake's and extraction's); returns how many there are."""
    con.execute("delete from raw.rejects where run_id = ?", [run_id])
    reject_files = [
        str(run_dir / "intake" / "rejects.parquet"),
        *_batch_files(run_dir, "rejects"),
    ]
    con.execute("insert into raw.rejects by name select * from read_parquet(?)", [reject_files])
    [(n_rejects,)] = con.execute(
        "select count(*) from raw.rejects where run_id = ?", [run_id]
    ).fetchall()
    return n_rejects


def _mark_missing_sources(con, missing: list[str]) -> None:
    """Deleted inputs keep their rows but say since when their file is gone."""
    con.execute(
        "update raw.documents set source_missing_since = null "
        "where source_missing_since is not null and source_file not in (select unnest(?))",
        [missing],
    )
    con.execute(
        "update raw.documents set source_missing_since = ? "
        "where source_missing_since is null and source_file in (select unnest(?))",
        [utc_now(), missing],
    )


def _record_run(
    con, run_id: str, started_at: datetime, summary: IntakeSummary | None, state: str
) -> None:
    # a failed run may have no intake summary: its counts stay null
    counts: list[int | None] = (
        [
            summary["files_seen"],
            summary["documents_new"],
            summary["documents_changed"],
            summary["documents_unchanged"],
            summary["files_rejected"],
        ]
        if summary
        else [None] * 5
    )
    finished_at = None if state == "loaded" else utc_now()
    note = summary.get("note") if summary else None
    con.execute("delete from raw.pipeline_runs where run_id = ?", [run_id])
    con.execute(
        "insert into raw.pipeline_runs by name select ? as run_id, ? as started_at, "
        "? as finished_at, ? as state, ? as files_seen, ? as documents_new, "
        "? as documents_changed, ? as documents_unchanged, ? as files_rejected, ? as note",
        [run_id, started_at, finished_at, state, *counts, note],
    )


def record_failed_run(
    db_path: Path, run_id: str, started_at: datetime, summary: IntakeSummary | None
) -> None:
    """Write a 'failed' audit row into a sound warehouse file (created if absent).

    A reader holding the file open can block this write; the failure is then only logged,
    since the run's own outcome must not depend on it.
    """
    try:
        warehouse_file.create(db_path)
        with duckdb.connect(str(db_path)) as con:
            _create_raw_tables(con)
            _record_run(con, run_id, started_at, summary, state="failed")
    except duckdb.Error as error:
        log.error("could not record failed run %s in %s: %s", run_id, db_path, error)


def finish_run(db_path: Path, run_id: str, state: str) -> None:
    """Close the run's audit row (after dbt has built the marts)."""
    with duckdb.connect(str(db_path)) as con:
        con.execute(
            "update raw.pipeline_runs set finished_at = ?, state = ? where run_id = ?",
            [utc_now(), state, run_id],
        )
