"""news_warehouse: raw article texts in, an analytics warehouse out.

    plan ─▶ extract (mapped batches, Parquet) ─▶ load ─▶ dbt (Cosmos) ─▶ verify ─▶ docs
        ─▶ evidence ─▶ finish

Every task that writes DuckDB runs in the one-slot pool ``duckdb_writer``; extraction
never touches it. Writers build in a private copy that ``finish`` publishes atomically;
if anything fails, ``record_failure`` logs the run as failed and nothing is published.
spaCy is imported inside the extract task only.
"""

from __future__ import annotations

import os
from datetime import datetime

from airflow.sdk import dag, get_current_context, task
from airflow.sdk.exceptions import AirflowFailException
from cosmos import (
    DbtTaskGroup,
    ExecutionConfig,
    ProfileConfig,
    ProjectConfig,
    RenderConfig,
)
from cosmos.constants import InvocationMode, LoadMode, TestBehavior, TestIndirectSelection

from extractors import dbt_commands, run_steps
from extractors.settings import PROJECT_ROOT, load_settings

DUCKDB_POOL = "duckdb_writer"
SETTINGS = load_settings()
DBT_DIR = SETTINGS.dbt_project_dir


@dag(
    dag_id="news_warehouse",
    schedule=os.environ.get("WIREHOUSE_SCHEDULE", "@hourly"),
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["wirehouse"],
    doc_md=__doc__,
)
def news_warehouse():
    @task(pool=DUCKDB_POOL)
    def plan() -> list[dict]:
        """Copy the warehouse to work in, find new and changed inputs, cut batches."""
        return run_steps.plan(SETTINGS, get_current_context()["run_id"])

    @task(max_active_tis_per_dagrun=os.cpu_count() or 1)
    def extract(batch: dict) -> dict:
        """spaCy extraction of one batch into staging Parquet."""
        return run_steps.extract_batch(SETTINGS, get_current_context()["run_id"], batch)

    @task(pool=DUCKDB_POOL, trigger_rule="none_failed")
    def load() -> dict:
        """Apply the run's staging Parquet to schema raw in one transaction."""
        context = get_current_context()
        return run_steps.load(SETTINGS, context["run_id"], context["dag_run"].start_date)

    @task.short_circuit(ignore_downstream_trigger_rules=False)
    def marts_changed(load_summary: dict) -> bool:
        """Skip dbt, its tests and the docs when no document changed and neither did dbt."""
        return run_steps.marts_need_build(SETTINGS, get_current_context()["run_id"], load_summary)

    @task(pool=DUCKDB_POOL)
    def verify() -> None:
        """The cross-model dbt tests (facts to dimensions, singular tests) on the
        finished marts: no single model's task can be sure to select them."""
        run_steps.verify(SETTINGS, get_current_context()["run_id"])

    @task(pool=DUCKDB_POOL)
    def docs() -> str:
        """Regenerate the dbt docs site for this warehouse."""
        return str(run_steps.docs(SETTINGS, get_current_context()["run_id"]))

    @task
    def evidence() -> str:
        """HTML evidence pages: each text with its actors, triggers and quotes marked."""
        return str(run_steps.evidence(SETTINGS, get_current_context()["run_id"]))

    @task(pool=DUCKDB_POOL, trigger_rule="none_failed")
    def finish() -> None:
        """Close the audit row, publish the working copy atomically, drop staging."""
        run_steps.finish(SETTINGS, get_current_context()["run_id"])

    @task(pool=DUCKDB_POOL, trigger_rule="one_failed")
    def record_failure() -> None:
        """Runs only when a task failed: nothing is published, the audit row says so.

        It is the DAG's only leaf, so it fails itself to keep the run marked failed."""
        context = get_current_context()
        run_steps.record_failure(SETTINGS, context["run_id"], context["dag_run"].start_date)
        raise AirflowFailException("an upstream task failed; recorded in ops.pipeline_runs")

    dbt_models = DbtTaskGroup(
        group_id="dbt",
        project_config=ProjectConfig(
            dbt_project_path=DBT_DIR,
            manifest_path=DBT_DIR / "target" / "manifest.json",
        ),
        profile_config=ProfileConfig(
            profile_name=dbt_commands.DBT_PROFILE,
            target_name=dbt_commands.DBT_TARGET,
            profiles_yml_filepath=DBT_DIR / "profiles.yml",
        ),
        execution_config=ExecutionConfig(
            dbt_executable_path=str(PROJECT_ROOT / ".venv" / "bin" / "dbt"),
            invocation_mode=InvocationMode.DBT_RUNNER,
            # a model's task runs the tests whose other parents are already built upstream;
            # "eager" would run a relationships test with a seed, before its model exists
            test_indirect_selection=TestIndirectSelection.BUILDABLE,
        ),
        render_config=RenderConfig(
            load_method=LoadMode.AUTOMATIC,
            exclude=list(run_steps.STAGING_SELECTION),  # built together by `staging` below
            test_behavior=TestBehavior.BUILD,
            emit_datasets=False,
        ),
        operator_args={
            "pool": DUCKDB_POOL,
            "env": {
                # dbt builds in the working copy, never in the published file
                "WIREHOUSE_DB": str(SETTINGS.working_db_path),
                # a model's task needs no manifest.json or run_results.json of its own:
                # writing them took half of each task's time
                "DBT_WRITE_JSON": "false",
            },
            "append_env": True,
        },
    )

    @task(pool=DUCKDB_POOL, task_group=dbt_models)
    def staging() -> None:
        """Seeds, staging views and ops views with their tests, in one dbt build."""
        run_steps.build_staging(SETTINGS, get_current_context()["run_id"])

    model_roots = dbt_models.roots  # taken before `staging` joins the group
    staging() >> model_roots

    planned = plan()
    extracted = extract.expand(batch=planned)
    loaded = load()
    checked = verify()
    documented = docs()
    highlighted = evidence()
    finished = finish()
    extracted >> loaded
    marts_changed(loaded) >> dbt_models >> checked >> documented >> highlighted >> finished
    steps = [planned, extracted, loaded, dbt_models, checked, documented, highlighted, finished]
    steps >> record_failure()


news_warehouse()
