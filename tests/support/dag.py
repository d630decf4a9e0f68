"""Real runs of the news_warehouse DAG, each in a fresh process as `make run` starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.paths import PROJECT_ROOT


def dag_env(input_dir: Path, db_path: Path, **extra_env: str) -> dict[str, str]:
    return {
        **os.environ,
        "WIREHOUSE_INPUT": str(input_dir),
        "WIREHOUSE_DB": str(db_path),
        "WIREHOUSE_STAGING": str(db_path.parent / "staging"),
        **extra_env,
    }


def start_dag(input_dir: Path, db_path: Path, **extra_env: str) -> subprocess.Popen:
    """news_warehouse via dag.test() in a process of its own session, its log on stdout."""
    return subprocess.Popen(
        [sys.executable, "-m", "extractors.warehouse.dag_runner"],
        cwd=PROJECT_ROOT,
        env=dag_env(input_dir, db_path, **extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def run_dag(
    input_dir: Path, db_path: Path, expect_success: bool = True, **extra_env: str
) -> subprocess.CompletedProcess:
    """Run news_warehouse once via dag.test() in a fresh process, as `make run` does."""
    env = dag_env(input_dir, db_path, **extra_env)
    result = subprocess.run(
        [sys.executable, "-m", "extractors.warehouse.dag_runner"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if (result.returncode == 0) != expect_success:
        sys.stderr.write(result.stdout[-20000:] + result.stderr[-20000:])
    assert (result.returncode == 0) == expect_success, "unexpected DAG outcome; log above"
    return result
