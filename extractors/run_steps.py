"""The steps of one warehouse run, as plain functions.

The Airflow DAG is a thin schedule over these; the CLI reuses the same intake and
extraction code, so what a user runs by hand is what the scheduler runs.
"""

from __future__ import annotations

import logging
import re
import shutil
import time
from datetime import datetime
from pathlib import Path

from extractors.intake import discover
from extractors.loader import finish_run, known_documents, load_run
from extractors.settings import Settings
from extractors.staging import read_sources, write_extraction, write_intake

log = logging.getLogger(__name__)


def run_dir_for(settings: Settings, run_id: str) -> Path:
    """A filesystem-safe staging folder per run (run ids contain ':' and '+')."""
    return settings.staging_dir / re.sub(r"[^A-Za-z0-9._-]+", "_", run_id)


def plan(settings: Settings, run_id: str) -> list[dict]:
    """Discover inputs, stage the accepted texts, and cut them into extract batches."""
    run_dir = run_dir_for(settings, run_id)
    shutil.rmtree(run_dir, ignore_errors=True)  # a retried plan starts from scratch
    intake = discover(
        settings.input_dir,
        run_id=run_id,
        known=known_documents(settings.db_path),
        max_bytes=settings.max_bytes,
    )
    summary = write_intake(run_dir, intake)
    log.info(
        "intake of %s: %s",
        settings.input_dir,
        {k: v for k, v in summary.items() if k != "replaces"},
    )
    total = len(intake.to_extract)
    return [
        {"batch": n, "start": start, "stop": min(start + settings.batch_size, total)}
        for n, start in enumerate(range(0, total, settings.batch_size))
    ]


def extract_batch(settings: Settings, run_id: str, batch: dict) -> dict:
    """Run the extractors over one batch and write its staging Parquet."""
    from extractors.nlp import load_nlp
    from extractors.pipeline import extract

    run_dir = run_dir_for(settings, run_id)
    sources = read_sources(run_dir, batch["start"], batch["stop"])
    nlp = load_nlp(settings.spacy_model)
    started = time.perf_counter()
    extraction = extract(nlp, sources)
    seconds = time.perf_counter() - started
    write_extraction(run_dir / "batches" / f"{batch['batch']:05d}", extraction)
    words = sum(d.n_words for d in extraction.documents)
    log.info(
        "batch %s: %d documents, %d words in %.1f s (%.0f words/s)",
        batch["batch"],
        len(sources),
        words,
        seconds,
        words / max(seconds, 1e-9),
    )
    return {"documents": len(extraction.documents), "words": words, "seconds": round(seconds, 3)}


def load(settings: Settings, run_id: str, started_at: datetime) -> dict:
    return load_run(settings.db_path, run_dir_for(settings, run_id), run_id, started_at)


def finish(settings: Settings, run_id: str, state: str = "success") -> None:
    finish_run(settings.db_path, run_id, state)
    shutil.rmtree(run_dir_for(settings, run_id), ignore_errors=True)
