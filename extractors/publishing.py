"""Atomic publication of the warehouse file.

A run never writes the published DuckDB file in place. It copies it, builds in the copy
(load, dbt, docs) and, when everything succeeded, renames the copy over the published
file. So:

- a run killed at any point leaves the published warehouse exactly as it was, and the
  next run starts again from it;
- analysts read the published file (read-only) while a run is building, and are never
  blocked by DuckDB's single-writer lock;
- two runs started side by side cannot both publish: the second to finish sees that the
  published file changed since it copied it, and fails cleanly without publishing.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path

import duckdb

from extractors.settings import STALE_RUN_SECONDS

log = logging.getLogger(__name__)


class WarehouseChangedError(RuntimeError):
    """Another run published the warehouse after this run copied it."""


def fingerprint(db_path: Path) -> dict | None:
    """What identifies one published version of the file (None if there is none yet)."""
    try:
        stat = db_path.stat()
    except FileNotFoundError:
        return None
    return {"inode": stat.st_ino, "mtime_ns": stat.st_mtime_ns, "size": stat.st_size}


def start_working_copy(db_path: Path, working: Path, base_file: Path) -> None:
    """Copy the published warehouse to a run's working path and remember its version."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_working_copies(db_path)
    working.unlink(missing_ok=True)
    base = fingerprint(db_path)
    if base is not None:
        shutil.copy2(db_path, working)
    base_file.parent.mkdir(parents=True, exist_ok=True)
    base_file.write_text(json.dumps(base))


def publish(working: Path, db_path: Path, base_file: Path) -> None:
    """Replace the published file with the finished working copy, atomically."""
    base = json.loads(base_file.read_text())
    if fingerprint(db_path) != base:
        working.unlink(missing_ok=True)
        raise WarehouseChangedError(
            f"{db_path} was published by another run after this run started; "
            "nothing was published, and the next run will pick up this run's inputs"
        )
    with duckdb.connect(str(working)) as con:
        con.execute("checkpoint")  # fold the WAL into the file before it moves
    os.replace(working, db_path)
    log.info("published %s", db_path)


def _remove_stale_working_copies(db_path: Path) -> None:
    """Working copies left by killed runs."""
    cutoff = time.time() - STALE_RUN_SECONDS
    for leftover in db_path.parent.glob(f".{db_path.stem}.*.building.duckdb*"):
        if leftover.stat().st_mtime < cutoff:
            log.warning("removing a stale working copy: %s", leftover)
            leftover.unlink(missing_ok=True)
