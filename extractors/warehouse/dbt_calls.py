"""dbt, called in-process: the build of the whole project and the docs site."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from pathlib import Path

from extractors.settings import Settings

PARTIAL_PARSE_FILE = "partial_parse.msgpack"
# The task log gets each node's result from dbt's stdout; dbt's own file log would add
# every statement at debug level, about 0.4 s of a data-only build on the BBC corpus.
NO_FILE_LOG = ("--log-level-file", "none")


def run_dbt(settings: Settings, db_path: Path, *args: str) -> None:
    """Run one dbt command in-process against the given warehouse file."""
    first_import = "dbt.cli.main" not in sys.modules
    from dbt.cli.main import dbtRunner

    if first_import:
        # dbt's modules (about 200,000 objects) stay for the life of the process: frozen,
        # the full collections that dbt's own allocations set off do not walk them again.
        # Only now: a later freeze would also keep an earlier call's garbage for good.
        gc.freeze()

    os.environ["WIREHOUSE_DB"] = str(db_path)
    project = str(settings.dbt_project_dir)
    try:
        result = dbtRunner().invoke(
            [
                *args,
                *NO_FILE_LOG,
                *("--project-dir", project, "--profiles-dir", project),
            ]
        )
    finally:
        release_warehouse()
    if not result.success:
        raise RuntimeError(f"dbt {' '.join(args)} failed: {result.exception}")


def release_warehouse() -> None:
    """Close the DuckDB file that dbt-duckdb keeps open (profile: keep_open) for the rest
    of this process. dbt in-process would otherwise hold it after the call: a later
    connection with other settings would fail, and the file must be closed before
    ``publish`` renames it."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        if DuckDBConnectionManager._ENV is not None:
            DuckDBConnectionManager._ENV.close()
        DuckDBConnectionManager.close_all_connections()


def docs_site(docs_dir: Path) -> Path:
    """The docs site's one self-contained page."""
    return docs_dir / "static_index.html"


def generate_docs(settings: Settings, db_path: Path, docs_dir: Path) -> Path:
    """Build the static docs site for the warehouse; returns its index.html.

    dbt looks for its partial-parse state in the target path, here the docs folder; the
    project's own (left by this run's earlier dbt calls) is copied in first, so docs
    generate partial-parses instead of parsing the project again (BBC warehouse: 6.3-7.2
    -> 3.8-4.1 s; the manifests differ only in parse timestamps)."""
    state = settings.dbt_project_dir / "target" / PARTIAL_PARSE_FILE
    docs_dir.mkdir(parents=True, exist_ok=True)
    if state.exists():
        shutil.copyfile(state, docs_dir / PARTIAL_PARSE_FILE)
    run_dbt(settings, db_path, "docs", "generate", "--static", "--target-path", str(docs_dir))
    return docs_site(docs_dir)
