"""Atomic publication of the warehouse file.

A run never writes the published DuckDB file in place. It copies it, builds in the copy
(load, dbt, docs) and, when everything succeeded, renames the copy over the published
file. So:

- a run killed at any point leaves the published warehouse exactly as it was, and the
  next run starts again from it;
- analysts read the published file (read-only) while a run is building, and are never
  blocked by DuckDB's single-writer lock;
- the working copy has one path per warehouse (``<dir>/.<name>.building/<name>.duckdb``):
  dbt keys its partial parse on the profile's path, so a path per run made every run's
  first dbt call a full parse (5-7 s instead of 1.8 s). The copy carries an owner file
  with the run id; a run that starts takes it over, and a run that finds it taken fails
  cleanly instead of loading into or publishing another run's copy;
- a run whose published file changed after it made its copy (a hand edit, another
  run) fails cleanly without publishing over that change;
- the version a publish replaces stays beside it (``.<name>.previous.duckdb``, a hard
  link: free). A run that finds the published file broken (truncated by a full disk, a
  bad copy) moves it aside and starts from the previous version, or from nothing;
  documents published since are read again from their input files;
- copying, publishing and recording a failure take one lock file each, in turn, so a
  copy never sees a file half written.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from extractors.warehouse import warehouse_file

log = logging.getLogger(__name__)


class WarehouseChangedError(RuntimeError):
    """The published warehouse changed after this run copied it."""


class WorkingCopyTakenError(RuntimeError):
    """Another run started after this one and took the working copy over."""


def _owner_file(working: Path) -> Path:
    return working.with_name(working.name + ".owner")


def owner(working: Path) -> str | None:
    """The run id the working copy belongs to (None when there is no copy)."""
    try:
        return _owner_file(working).read_text()
    except FileNotFoundError:
        return None


def check_owner(working: Path, run_id: str) -> None:
    """Fail unless the working copy is still this run's."""
    holder = owner(working)
    if holder != run_id:
        raise WorkingCopyTakenError(
            f"the working copy {working} now belongs to run {holder!r}, which started "
            f"after run {run_id!r}; this run stops without loading or publishing"
        )


def fingerprint(db_path: Path) -> dict | None:
    """What identifies one published version of the file (None if there is none yet)."""
    try:
        stat = db_path.stat()
    except FileNotFoundError:
        return None
    return {"inode": stat.st_ino, "mtime_ns": stat.st_mtime_ns, "size": stat.st_size}


def previous_version(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.stem}.previous{db_path.suffix}")


_held: dict[Path, int] = {}  # lock file -> depth held by this process


@contextmanager
def warehouse_lock(db_path: Path) -> Iterator[None]:
    """Held while the published file is copied, replaced or written, and while a run's
    step writes its working copy, so that two runs' writers take turns and a takeover
    never pulls the copy from under a step. Re-entrant within a process."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = db_path.with_name(f".{db_path.name}.lock")
    if _held.get(lock):
        _held[lock] += 1
        try:
            yield
        finally:
            _held[lock] -= 1
        return
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        _held[lock] = 1
        try:
            yield
        finally:
            _held.pop(lock, None)
            fcntl.flock(handle, fcntl.LOCK_UN)


def heal(db_path: Path) -> str | None:
    """If the published file is broken, set it aside and restore the previous version
    (or none); returns what was done, for the run's audit row (None: it was sound)."""
    if not db_path.exists():
        return None
    problem = warehouse_file.problem(db_path)
    if problem is None:
        return None
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S}"
    broken = db_path.with_name(f"{db_path.stem}.broken-{stamp}{db_path.suffix}")
    os.replace(db_path, broken)
    previous = previous_version(db_path)
    if previous.exists() and warehouse_file.problem(previous) is None:
        shutil.copy2(previous, db_path)
        note = f"published warehouse was broken ({problem}); restored the previous version"
    else:
        note = f"published warehouse was broken ({problem}); no sound previous version"
    log.error("%s; the broken file is kept as %s", note, broken)
    return note


def start_working_copy(db_path: Path, working: Path, base_file: Path, run_id: str) -> str | None:
    """Copy the published warehouse to the working path, owned by run_id, and remember
    the published version it started from. A broken published file is healed first;
    returns what healing did (None when nothing was needed)."""
    with warehouse_lock(db_path):
        holder = owner(working)
        if holder not in (None, run_id):  # killed, or still running elsewhere: it fails later
            log.warning("run %s takes over the working copy of run %s", run_id, holder)
        working.parent.mkdir(parents=True, exist_ok=True)
        _owner_file(working).write_text(run_id)  # first: the old owner's checks fail from now
        for leftover in (working, working.with_name(working.name + ".wal")):
            leftover.unlink(missing_ok=True)  # an open handle keeps its inode, not this path
        healed = heal(db_path)
        base = fingerprint(db_path)
        if base is None:
            warehouse_file.create(working)
        else:
            shutil.copy2(db_path, working)
            warehouse_file.make_compatible(working)
        base_file.parent.mkdir(parents=True, exist_ok=True)
        base_file.write_text(json.dumps(base))
    return healed


def swap_in(staged: Path, published: Path) -> None:
    """Put a folder built by a run in place of the published one (two renames)."""
    old = published.with_name(f".{published.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if published.exists():
        published.rename(old)
    staged.rename(published)
    shutil.rmtree(old, ignore_errors=True)


def publish(
    working: Path,
    db_path: Path,
    base_file: Path,
    run_id: str,
    sites: Sequence[tuple[Path, Path]] = (),
) -> None:
    """Replace the published file with the finished working copy, atomically, keeping
    the version it replaces as the previous one; then each (staged, published) site
    folder the run built, so that they describe the warehouse published with them."""
    check_owner(working, run_id)
    with warehouse_lock(db_path):
        base = json.loads(base_file.read_text())
        if fingerprint(db_path) != base:
            discard(working, run_id)
            raise WarehouseChangedError(
                f"{db_path} changed after this run copied it (another run published, or it "
                "was edited); nothing was published, and the next run will pick up this "
                "run's inputs"
            )
        with duckdb.connect(str(working)) as con:
            con.execute("checkpoint")  # fold the WAL into the file before it moves
        if base is not None:
            previous = previous_version(db_path)
            staged = previous.with_name(previous.name + ".new")
            staged.unlink(missing_ok=True)
            os.link(db_path, staged)
            os.replace(staged, previous)
        os.replace(working, db_path)
        for staged, published in sites:
            if staged.exists():
                swap_in(staged, published)
        shutil.rmtree(working.parent)
    log.info("published %s", db_path)


def discard(working: Path, run_id: str) -> None:
    """Remove a failed run's working copy, unless another run has taken it over."""
    if owner(working) == run_id:
        shutil.rmtree(working.parent)
