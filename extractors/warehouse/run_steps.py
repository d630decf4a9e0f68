"""The steps of one warehouse run, as plain functions.

The Airflow DAG is a thin schedule over these; the CLI reuses the same intake and
extraction code, so what a user runs by hand is what the scheduler runs. Writers work
on a private copy of the warehouse that is published atomically at the end
(see ``publishing``).
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from extractors.settings import STALE_RUN_SECONDS, Settings, safe_name
from extractors.warehouse import freshness as marts_freshness
from extractors.warehouse import warehouse_file
from extractors.warehouse.intake import discover
from extractors.warehouse.loader import finish_run, known_documents, load_run, record_failed_run
from extractors.warehouse.payloads import Batch, BatchResult, LoadSummary
from extractors.warehouse.publishing import (
    check_owner,
    discard,
    owner,
    publish,
    start_working_copy,
    warehouse_lock,
)
from extractors.warehouse.staging import (
    read_sources,
    read_summary,
    remove_stale_runs,
    write_extraction,
    write_intake,
    write_rejects,
)

log = logging.getLogger(__name__)


def _base_file(settings: Settings, run_id: str) -> Path:
    return settings.run_dir(run_id) / "publish_base.json"


def plan(settings: Settings, run_id: str) -> list[Batch]:
    """Start a working copy, discover inputs, stage the accepted texts, cut batches."""
    run_dir = settings.run_dir(run_id)
    shutil.rmtree(run_dir, ignore_errors=True)  # a retried plan starts from scratch
    for stale in remove_stale_runs(settings.staging_dir, STALE_RUN_SECONDS):
        log.warning("removed the staging folder of a run killed long ago: %s", stale)
    working = settings.working_db_path
    healed = start_working_copy(settings.db_path, working, _base_file(settings, run_id), run_id)
    # a run started just after this one may take the copy over (and rewrite it) at once:
    # read it under the lock, as its owner, or stop with WorkingCopyTakenError
    with own_working_copy(settings, run_id) as owned:
        known = known_documents(owned)
    intake = discover(
        settings.input_dir,
        run_id=run_id,
        known=known,
        max_bytes=settings.max_bytes,
    )
    summary = write_intake(run_dir, intake, note=healed)
    log.info(
        "intake of %s: %s",
        settings.input_dir,
        {k: v for k, v in summary.items() if k != "replaces"},
    )
    total = len(intake.to_extract)
    return [
        {
            "batch": n,
            "start": start,
            "stop": min(start + settings.batch_size, total),
            "total": total,
        }
        for n, start in enumerate(range(0, total, settings.batch_size))
    ]


def extract_batch(settings: Settings, run_id: str, batch: Batch) -> BatchResult:
    """Run the extractors over one batch and write its staging Parquet."""
    from extractors.nlp.model import shared_nlp
    from extractors.nlp.pipeline import extract, failure_rejects, pipe_layout
    from extractors.warehouse.progress import Progress

    run_dir = settings.run_dir(run_id)
    sources = read_sources(run_dir, batch["start"], batch["stop"])
    nlp = shared_nlp(settings.spacy_model)  # loaded once per process, not once per batch
    n_process, batch_size = pipe_layout(len(sources), settings.n_process)
    progress = Progress(len(sources), name=f"batch {batch['batch']}")
    started = time.perf_counter()
    extraction = extract(
        nlp, sources, batch_size=batch_size, n_process=n_process, on_document=progress.update
    )
    seconds = time.perf_counter() - started
    progress.close()
    batch_dir = run_dir / "batches" / f"{batch['batch']:05d}"
    write_extraction(batch_dir, extraction)
    # documents whose extraction raised: rejected alone (extract_error), the batch goes on
    write_rejects(batch_dir / "rejects.parquet", failure_rejects(extraction.failures, run_id))
    words = progress.words
    log.info(
        "batch %s: %d documents, %d words in %.1f s (%.0f words/s); documents %d-%d of %d",
        batch["batch"],
        len(sources),
        words,
        seconds,
        words / max(seconds, 1e-9),
        batch["start"] + 1,
        batch["stop"],
        batch["total"],
    )
    return {"documents": len(extraction.documents), "words": words, "seconds": round(seconds, 3)}


@contextmanager
def own_working_copy(settings: Settings, run_id: str) -> Iterator[Path]:
    """The working copy, for one step of the run that owns it: the step holds the
    warehouse lock, so another run can take the copy over only between steps, and the
    next step of this run then stops (WorkingCopyTakenError) instead of writing."""
    with warehouse_lock(settings.db_path):
        check_owner(settings.working_db_path, run_id)
        yield settings.working_db_path


def load(settings: Settings, run_id: str, started_at: datetime) -> LoadSummary:
    with own_working_copy(settings, run_id) as working:
        return load_run(working, settings.run_dir(run_id), run_id, started_at)


def marts_need_build(settings: Settings, run_id: str, load_summary: LoadSummary) -> bool:
    with own_working_copy(settings, run_id) as working:
        needed = marts_freshness.marts_need_build(working, settings.dbt_project_dir, load_summary)
    log.info("marts %s", "need a rebuild" if needed else "are up to date: dbt is skipped")
    return needed


# manifest.json and run_results.json: nothing reads a run's copies, and writing them costs
# about a second per dbt call
NO_ARTIFACTS = "--no-write-json"


# A data-only build: the dbt project is the one the marts were last built from, so what
# depends on the project alone is in place already and is left out: the seeds, the tests
# that read nothing but seeds, the unit tests (fixed inputs) and the views (stored SQL,
# which reads the new rows as it is). Every table is rebuilt and every other test runs;
# `cautious` keeps a mart's relationship test to a seed, which reads new data.
DATA_ONLY_BUILD = (
    *("--select", "config.materialized:table", "resource_type:test"),
    *("--exclude", "resource_type:seed", "resource_type:unit_test"),
    *("--indirect-selection", "cautious"),
)


def build_warehouse(settings: Settings, run_id: str) -> None:
    """Every model with every test, in one `dbt build`.

    One dbt call instead of one per model (astronomer-cosmos, until 2026-12-02): each call
    paid dbt's start-up and a read of its partial-parse state, and the tests that join a
    fact to a dimension needed a call of their own after all models. BBC corpus, same day
    (BENCHMARKS.md): 22.3 -> 11.9-15.1 s in a full run, 17.5 -> 8.0-9.6 s for 22 new files."""
    from extractors.warehouse.dbt_calls import run_dbt

    with own_working_copy(settings, run_id) as working:
        data_only = not marts_freshness.project_changed(working, settings.dbt_project_dir)
        if data_only:
            log.info("dbt project unchanged since the last build: seeds, unit tests, views kept")
        run_dbt(settings, working, "build", NO_ARTIFACTS, *(DATA_ONLY_BUILD if data_only else ()))


_DOCS_STAMP = "wirehouse_fingerprint.txt"


def docs(settings: Settings, run_id: str) -> Path:
    """The dbt docs site, regenerated only when what it shows changed (5-10 s of dbt)."""
    from extractors.warehouse.dbt_calls import docs_site, generate_docs

    with own_working_copy(settings, run_id) as working:
        fingerprint = marts_freshness.docs_fingerprint(working, settings.dbt_project_dir)
        stamp = _DOCS_STAMP
        site = docs_site(settings.docs_dir)
        published = settings.docs_dir / stamp
        if site.exists() and published.exists() and published.read_text() == fingerprint:
            log.info("docs site %s is current: same project, same columns", site)
            return site
        staged = generate_docs(settings, working, settings.staged_docs_dir)
        (settings.staged_docs_dir / stamp).write_text(fingerprint)
        return staged


def _pending_failures(settings: Settings) -> Path:
    """Audit rows of failed runs that could not be written into the published file (it
    was broken, or another run was building): the next run that publishes adds them."""
    return settings.db_path.with_name(f".{settings.db_path.stem}.failed_runs")


def finish(settings: Settings, run_id: str) -> None:
    """Close the run's audit row, publish the working copy, drop the staging files."""
    with own_working_copy(settings, run_id) as working:
        _publish(settings, run_id, working)
    shutil.rmtree(settings.run_dir(run_id), ignore_errors=True)


def _publish(settings: Settings, run_id: str, working: Path) -> None:
    pending = sorted(_pending_failures(settings).glob("*.json"))
    for path in pending:
        failed = json.loads(path.read_text())
        started_at = datetime.fromisoformat(failed["started_at"])
        record_failed_run(working, failed["run_id"], started_at, failed["summary"])
    # reached only after a verified build, or a skip because nothing had changed
    marts_freshness.record_fingerprint(
        working, marts_freshness.dbt_project_fingerprint(settings.dbt_project_dir)
    )
    finish_run(working, run_id, "success")
    sites = [
        (settings.staged_docs_dir, settings.docs_dir),
        (settings.staged_evidence_dir, settings.evidence_dir),
    ]
    publish(working, settings.db_path, _base_file(settings, run_id), run_id, sites)
    for path in pending:
        path.unlink(missing_ok=True)


def record_failure(settings: Settings, run_id: str, started_at: datetime) -> None:
    """A failed run publishes nothing; it leaves one 'failed' row in the audit table."""
    run_dir = settings.run_dir(run_id)
    summary_file = run_dir / "intake" / "summary.json"
    summary = read_summary(run_dir) if summary_file.exists() else None
    working, published = settings.working_db_path, settings.db_path
    with warehouse_lock(published):
        # writing the published file would change it under a run that is building from
        # it (its publish would then refuse), and a broken file is never written
        building = owner(working) not in (None, run_id)
        broken = published.exists() and warehouse_file.problem(published) is not None
        if building or broken:
            pending = _pending_failures(settings) / f"{safe_name(run_id)}.json"
            pending.parent.mkdir(parents=True, exist_ok=True)
            record = {"run_id": run_id, "started_at": started_at.isoformat(), "summary": summary}
            pending.write_text(json.dumps(record, default=str))
            log.warning("failed run %s is recorded by the next run that publishes", run_id)
        else:
            record_failed_run(published, run_id, started_at, summary)
    discard(working, run_id)
    shutil.rmtree(run_dir, ignore_errors=True)
