"""End to end: the DAG via ``extractors.warehouse.dag_runner``, timed stage by stage.

Each run is a fresh ``dag_runner`` process on a copy of the sample; the wall time of each
stage comes from the Airflow task instances in the metadata database (SQLite). After the
full run come rounds of a no-op rerun and a rerun with 1 % new files.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from extractors.bench.benchmark.samples import WORK, copy_inputs, corpus_files, load_average
from extractors.records import utc_now
from extractors.settings import PROJECT_ROOT, airflow_home
from extractors.warehouse.dag_runner import DAG_ID, IN_PROCESS_DEFAULTS

_BATCH_LINE = re.compile(r"batch \S+: (\d+) documents, (\d+) words in")


def _airflow_env(input_dir: Path, db_path: Path, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "AIRFLOW_HOME": str(airflow_home()),
            "WIREHOUSE_HOME": str(PROJECT_ROOT),
            "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT": "120",
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
            "DO_NOT_TRACK": "1",
            "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
            "WIREHOUSE_INPUT": str(input_dir),
            "WIREHOUSE_DB": str(db_path),
            "WIREHOUSE_STAGING": str(db_path.parent / "staging"),
            **extra,
        }
    )
    return env


def _stage_of(task_id: str) -> str:
    return {"plan": "discover/plan", "marts_changed": "load", "dbt_build": "dbt build"}.get(
        task_id, task_id
    )


def _task_instances(before: datetime) -> tuple[str, list[str], list[tuple]]:
    """The first DAG run started after ``before``: its id, its failed tasks, and each
    started task instance's (task_id, start_date, end_date, state)."""
    con = sqlite3.connect(airflow_home() / "airflow.db")
    run_id = con.execute(
        "select run_id from dag_run where dag_id = ? and start_date >= ? "
        "order by start_date limit 1",
        [DAG_ID, before.isoformat(sep=" ")],
    ).fetchone()[0]
    failed = [
        r[0]
        for r in con.execute(
            "select task_id from task_instance where dag_id = ? "
            "and run_id = ? and state = 'failed'",
            [DAG_ID, run_id],
        )
    ]
    rows = con.execute(
        "select task_id, start_date, end_date, state from task_instance "
        "where dag_id = ? and run_id = ? and start_date is not null",
        [DAG_ID, run_id],
    ).fetchall()
    con.close()
    return run_id, failed, rows


def _stage_spans(rows: list[tuple]) -> dict[str, list]:
    """stage -> [first start, last end, task instances] of its finished task instances."""
    spans: dict[str, list] = {}
    for task_id, start, end, state in rows:
        if state not in ("success", "failed") or end is None:
            continue
        start_t, end_t = datetime.fromisoformat(start), datetime.fromisoformat(end)
        span = spans.setdefault(_stage_of(task_id), [start_t, end_t, 0])
        span[0], span[1] = min(span[0], start_t), max(span[1], end_t)
        span[2] += 1
    return spans


def run_dag_timed(input_dir: Path, db_path: Path, label: str, **extra: str) -> dict:
    """One dag_runner run; its wall time and the wall time of each stage from Airflow."""
    env = _airflow_env(input_dir, db_path, **extra)
    load = load_average()
    before = utc_now()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "extractors.warehouse.dag_runner"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    log_file = WORK / f"dag_{re.sub(r'[^a-z0-9]+', '_', label.lower())}.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.write_text(result.stdout + result.stderr)
    run_id, failed, rows = _task_instances(before)
    spans = _stage_spans(rows)
    stages = {name: round((e - s).total_seconds(), 1) for name, (s, e, _n) in spans.items()}
    batches = [tuple(map(int, m)) for m in _BATCH_LINE.findall(result.stdout + result.stderr)]
    out = {
        "label": label,
        "run_id": run_id,
        "state": "success" if result.returncode == 0 else "failed",
        "failed_tasks": failed,
        "log": str(log_file),
        "wall_s": round(wall, 1),
        "stages": stages,
        "tasks": {name: n for name, (_s, _e, n) in spans.items()},
        "documents_parsed": sum(d for d, _w in batches),
        "words": sum(w for _d, w in batches),
        "load": load,
        "after_load": load_average(),
    }
    print(f"  {label}: {out}")
    return out


# no-op and +1 % runs in pairs: the +1 % goal is a few seconds wide, which one pair's
# timings can miss or meet by the machine's noise alone
INCREMENTAL_ROUNDS = 3


def add_republished_copies(corpus: Path, files: list[Path], input_dir: Path, copies: int) -> int:
    """`copies` more of every file under input_dir/copy<k>/, one line added to each so
    that intake takes it for a new document: a corpus several times the size, with the
    same mix of texts. Returns how many files were written."""
    written = 0
    for k in range(1, copies + 1):
        for path in files:
            target = input_dir / f"copy{k}" / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes() + f"\n(Republished, copy {k}.)\n".encode())
            written += 1
    return written


def bench_e2e(
    corpus: Path, docs: int | None, batch_size: int, exclude: set[str], scale: int = 1
) -> dict:
    """Full run, then rounds of a no-op rerun and +1 % new files (copies, one line added).

    scale > 1 runs it all on the corpus plus scale - 1 republished copies of it."""
    files = [  # the corpus as it is, duplicates too
        p
        for p in corpus_files(corpus, docs, unique=False)
        if p.relative_to(corpus).as_posix() not in exclude
    ]
    with tempfile.TemporaryDirectory(prefix="wirehouse-e2e-") as tmp:
        input_dir = copy_inputs(corpus, files, Path(tmp) / "input")
        total = len(files) + add_republished_copies(corpus, files, input_dir, scale - 1)
        added = max(1, total // 100)
        db_path = Path(tmp) / "wh" / "bench.duckdb"
        db_path.parent.mkdir()
        extra = {"WIREHOUSE_BATCH_SIZE": str(batch_size)}
        runs = [run_dag_timed(input_dir, db_path, "full", **extra)]
        # after a failed full run nothing was published: reruns would redo it all
        for n in range(INCREMENTAL_ROUNDS if runs[0]["state"] == "success" else 0):
            runs.append(run_dag_timed(input_dir, db_path, f"no-op rerun {n + 1}", **extra))
            for k, path in enumerate((files * scale)[n * added : (n + 1) * added]):
                target = input_dir / "new" / f"{n}_{k:03d}_{path.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(path.read_bytes() + b"\n(Republished.)\n")
            runs.append(run_dag_timed(input_dir, db_path, f"+{added} new files {n + 1}", **extra))
    return {
        "docs": total,
        "scale": scale,
        "batch_size": batch_size,
        "n_process": int(IN_PROCESS_DEFAULTS["WIREHOUSE_N_PROCESS"]),
        "runs": runs,
        "new_files": added,
        "excluded": sorted(exclude),
    }


def bench_batch_sizes(corpus: Path, docs: int, sizes: list[int]) -> dict:
    """Full DAG runs on a sample at several WIREHOUSE_BATCH_SIZE values."""
    files = corpus_files(corpus, docs)
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="wirehouse-bs-") as tmp:
            input_dir = copy_inputs(corpus, files, Path(tmp) / "input")
            db_path = Path(tmp) / "wh" / "bench.duckdb"
            db_path.parent.mkdir()
            run = run_dag_timed(input_dir, db_path, f"batch {size}", WIREHOUSE_BATCH_SIZE=str(size))
            rows.append({"batch_size": size, **run})
    return {"docs": len(files), "rows": rows}
