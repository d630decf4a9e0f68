"""The staging area: Parquet files that carry one run's work from task to task.

Extract tasks run in parallel and must never write the DuckDB file, so everything they
produce lands here first. Layout of a run folder::

    intake/sources.parquet     decoded texts to extract (one row per SourceText)
    intake/rejects.parquet     files that were not accepted
    intake/summary.json        counts and the document ids a run replaces or keeps
    batches/<n>/<table>.parquet  one file per staging table per extract batch

Files are written to a temporary name and renamed, so a killed task never leaves a
half-written Parquet file that a later load could pick up.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extractors.records import EXTRACTED_TABLES, RECORD_TYPES, Reject, SourceText
from extractors.warehouse.arrow_tables import to_arrow
from extractors.warehouse.intake import Intake
from extractors.warehouse.metadata import parse_sidecar
from extractors.warehouse.payloads import IntakeSummary

STAGING_TABLES = EXTRACTED_TABLES
_RECORD_TYPE_OF = {t.TABLE: t for t in RECORD_TYPES}

_SOURCES_SCHEMA = pa.schema(
    [
        ("source_file", pa.string()),
        ("raw_text", pa.string()),
        ("content_sha256", pa.string()),
        ("document_id", pa.string()),
        ("sidecar_json", pa.string()),
    ]
)


def write_table_atomically(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    pq.write_table(table, partial)
    os.replace(partial, path)


def write_rejects(path: Path, rejects: list[Reject]) -> None:
    write_table_atomically(to_arrow(Reject, rejects), path)


def write_intake(run_dir: Path, intake: Intake, note: str | None = None) -> IntakeSummary:
    """Persist an intake; returns the summary that is also written as JSON. ``note`` is
    what the run's audit row should say besides its counts (a healed warehouse)."""
    sources = pa.Table.from_pylist(
        [
            {
                "source_file": s.source_file,
                "raw_text": s.raw_text,
                "content_sha256": s.content_sha256,
                "document_id": s.document_id,
                "sidecar_json": json.dumps(s.sidecar, sort_keys=True, default=str),
            }
            for s in intake.to_extract
        ],
        schema=_SOURCES_SCHEMA,
    )
    write_table_atomically(sources, run_dir / "intake" / "sources.parquet")
    write_rejects(run_dir / "intake" / "rejects.parquet", intake.rejects)
    summary: IntakeSummary = {
        "files_seen": intake.files_seen,
        "documents_new": intake.documents_new,
        "documents_changed": intake.documents_changed,
        "documents_unchanged": len(intake.unchanged),
        "files_rejected": len(intake.rejects),
        "replaces": intake.replaces,
        "missing": intake.missing,
        "note": note,
    }
    (run_dir / "intake" / "summary.json").write_text(json.dumps(summary, indent=2, sort_keys=True))
    return summary


def read_summary(run_dir: Path) -> IntakeSummary:
    return json.loads((run_dir / "intake" / "summary.json").read_text())


def read_sources(run_dir: Path, start: int = 0, stop: int | None = None) -> list[SourceText]:
    """The decoded texts of one batch (rows start..stop of the intake)."""
    table = pq.read_table(run_dir / "intake" / "sources.parquet")
    rows = table.slice(start, None if stop is None else stop - start).to_pylist()
    return [
        SourceText(
            source_file=r["source_file"],
            raw_text=r["raw_text"],
            content_sha256=r["content_sha256"],
            document_id=r["document_id"],
            sidecar=parse_sidecar(json.loads(r["sidecar_json"])),
        )
        for r in rows
    ]


def write_extraction(out_dir: Path, extraction) -> None:
    """Write each staging table of an ``Extraction`` as ``<table>.parquet`` in out_dir."""
    for name in STAGING_TABLES:
        records = getattr(extraction, name)
        write_table_atomically(
            to_arrow(_RECORD_TYPE_OF[name], records), out_dir / f"{name}.parquet"
        )


class StagingWriter:
    """Streams ``Extraction`` chunks into one ``<table>.parquet`` per staging table.

    Each chunk becomes a row group, so memory holds one chunk, not the whole input. The
    files appear (atomically renamed) only on ``close``; every table gets a file, also
    when it stayed empty.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._writers: dict[str, pq.ParquetWriter] = {}
        out_dir.mkdir(parents=True, exist_ok=True)

    def _partial(self, name: str) -> Path:
        return self.out_dir / f".{name}.parquet.partial"

    def write(self, extraction) -> None:
        for name in STAGING_TABLES:
            table = to_arrow(_RECORD_TYPE_OF[name], getattr(extraction, name))
            writer = self._writers.get(name)
            if writer is None:
                writer = self._writers[name] = pq.ParquetWriter(self._partial(name), table.schema)
            writer.write_table(table)

    def close(self) -> None:
        for name in STAGING_TABLES:
            writer = self._writers.pop(name, None)
            if writer is None:
                empty = to_arrow(_RECORD_TYPE_OF[name], [])
                pq.write_table(empty, self._partial(name))
            else:
                writer.close()
            os.replace(self._partial(name), self.out_dir / f"{name}.parquet")


def remove_stale_runs(staging_dir: Path, max_age_seconds: float) -> list[Path]:
    """Staging folders of runs killed long ago (finished runs remove their own)."""
    if not staging_dir.is_dir():
        return []
    cutoff = time.time() - max_age_seconds
    stale = [d for d in staging_dir.iterdir() if d.is_dir() and d.stat().st_mtime < cutoff]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return stale
