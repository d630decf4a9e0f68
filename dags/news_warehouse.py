"""news_warehouse: raw article texts in, an analytics warehouse out.

    plan ─▶ extract (mapped batches, Parquet) ─▶ load ─▶ marts_changed ─▶ dbt_build ─▶ docs
        ─▶ evidence ─▶ finish

Every task that writes DuckDB runs in the one-slot pool ``duckdb_writer``; extraction
never touches it. On Celery, extract runs on WIREHOUSE_NLP_QUEUE and every other task on
WIREHOUSE_WAREHOUSE_QUEUE, the queue of the node that holds the warehouse file. Writers
build in a private copy that ``finish`` publishes atomically; if anything fails,
``record_failure`` logs the run as failed and nothing is published.
spaCy is imported inside the extract task only, dbt inside the dbt tasks only.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from airflow.sdk import dag, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException

from extractors.settings import load_settings
from extractors.warehouse import run_steps
from extractors.warehouse.payloads import Batch, BatchResult, LoadSummary

DUCKDB_POOL = "duckdb_writer"
SETTINGS = load_settings()


def _started_at() -> datetime:
    """When this DAG run started, for its audit row."""
    start_date = get_current_context()["dag_run"].start_date
    assert start_date is not None  # Airflow sets it when the run starts, before any task
    return start_date


@task(pool=DUCKDB_POOL)
def plan() -> list[Batch]:
    """Copy the warehouse to work in, find new and changed inputs, cut batches."""
    return run_steps.plan(SETTINGS, get_current_context()["run_id"])


@task(
    max_active_tis_per_dagrun=os.cpu_count() or 1,
    queue=SETTINGS.nlp_queue,
    retries=SETTINGS.extract_retries,
)
def extract(batch: Batch) -> BatchResult:
    """spaCy extraction of one batch into staging Parquet."""
    return run_steps.extract_batch(SETTINGS, get_current_context()["run_id"], batch)


@task(pool=DUCKDB_POOL, trigger_rule="none_failed")
def load() -> LoadSummary:
    """Apply the run's staging Parquet to schema raw in one transaction."""
    return run_steps.load(SETTINGS, get_current_context()["run_id"], _started_at())


@task.short_circuit(ignore_downstream_trigger_rules=False)
def marts_changed(load_summary: LoadSummary) -> bool:
    """Skip dbt, its tests and the docs when no document changed and neither did dbt."""
    return run_steps.marts_need_build(SETTINGS, get_current_context()["run_id"], load_summary)


@task(pool=DUCKDB_POOL)
def dbt_build() -> None:
    """Seeds, staging views, intermediate and mart tables with all their tests, in one
    `dbt build`; its log lists every model and test with its result."""
    run_steps.build_warehouse(SETTINGS, get_current_context()["run_id"])


@task(pool=DUCKDB_POOL)
def docs() -> str:
    """Regenerate the dbt docs site for this warehouse."""
    return str(run_steps.docs(SETTINGS, get_current_context()["run_id"]))


@task
def evidence() -> str:
    """HTML evidence pages: each text with its actors, triggers and quotes marked."""
    from extractors.tools.evidence import evidence_step

    return str(evidence_step(SETTINGS, get_current_context()["run_id"]))


@task(pool=DUCKDB_POOL, trigger_rule="none_failed")
def finish() -> None:
    """Close the audit row, publish the working copy atomically, drop staging."""
    run_steps.finish(SETTINGS, get_current_context()["run_id"])


@task(pool=DUCKDB_POOL, trigger_rule="one_failed")
def record_failure() -> None:
    """Runs only when a task failed: nothing is published, the audit row says so.

    It is the DAG's only leaf, so it fails itself to keep the run marked failed."""
    run_steps.record_failure(SETTINGS, get_current_context()["run_id"], _started_at())
    raise AirflowFailException("an upstream task failed; recorded in ops.pipeline_runs")


@dag(
    dag_id="news_warehouse",
    schedule=SETTINGS.schedule,
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["wirehouse"],
    doc_md=__doc__,
    # a stuck task fails and frees its slot (the writer pool has one) instead of blocking
    # every later run
    default_args={
        "execution_timeout": timedelta(minutes=SETTINGS.task_timeout_minutes),
        # every task but extract reads or writes the warehouse or its working copy
        "queue": SETTINGS.warehouse_queue,
    },
)
def news_warehouse():
    planned = plan()
    extracted = extract.expand(batch=planned)
    loaded = load()
    built = dbt_build()
    documented = docs()
    highlighted = evidence()
    finished = finish()
    extracted >> loaded
    marts_changed(loaded) >> built >> documented >> highlighted >> finished
    steps = [planned, extracted, loaded, built, documented, highlighted, finished]
    steps >> record_failure()


news_warehouse()
