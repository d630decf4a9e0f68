"""The real dbt command line against this project, isolated from the project's own target."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.paths import PROJECT_ROOT

DBT_DIR = PROJECT_ROOT / "dbt_project"


def run_dbt_cli(tmp: Path, db_path: Path, *args: str) -> subprocess.CompletedProcess:
    """One `dbt` call in a fresh process; its target and logs go to tmp."""
    dbt = Path(sys.executable).with_name("dbt")
    return subprocess.run(
        [
            str(dbt),
            *args,
            *("--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)),
            *("--target-path", str(tmp / "target"), "--log-path", str(tmp / "logs")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": str(dbt.parent), "WIREHOUSE_DB": str(db_path)},
    )
