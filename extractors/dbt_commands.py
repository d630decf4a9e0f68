"""dbt invocations that are not one-model-per-task: the full test pass and the docs."""

from __future__ import annotations

import os
from pathlib import Path

from extractors.settings import Settings


def run_dbt(settings: Settings, db_path: Path, *args: str) -> None:
    """Run one dbt command in-process against the given warehouse file."""
    from dbt.cli.main import dbtRunner

    os.environ["WIREHOUSE_DB"] = str(db_path)
    project = str(settings.dbt_project_dir)
    result = dbtRunner().invoke([*args, "--project-dir", project, "--profiles-dir", project])
    if not result.success:
        raise RuntimeError(f"dbt {' '.join(args)} failed: {result.exception}")


def docs_site(settings: Settings) -> Path:
    """The docs site's one self-contained page."""
    return settings.docs_dir / "static_index.html"


def generate_docs(settings: Settings, db_path: Path) -> Path:
    """Build the static docs site for the warehouse; returns its index.html."""
    run_dbt(
        settings, db_path, "docs", "generate", "--static", "--target-path", str(settings.docs_dir)
    )
    return docs_site(settings)
