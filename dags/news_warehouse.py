"""news_warehouse: raw article texts in, an analytics warehouse out.

    plan ─▶ extract (mapped batches, Parquet) ─▶ load ─▶ dbt (Cosmos) ─▶ verify ─▶ docs ─▶ finish

Every task that writes the DuckDB file runs in the one-slot pool ``duckdb_writer``;
extraction never touches the file. spaCy is imported inside the extract task only.
"""

from __future__ import annotations

import os
from datetime import datetime

from airflow.sdk import dag, get_current_context, task
from cosmos import (
    DbtTaskGroup,
    ExecutionConfig,
    ProfileConfig,
    ProjectConfig,
    RenderConfig,
)
from cosmos.constants import InvocationMode, LoadMode, TestBehavior, TestIndirectSelection

from extractors import run_steps
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
        """Find new and changed inputs (by sha256), record rejects, cut batches."""
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

    @task(pool=DUCKDB_POOL)
    def verify() -> None:
        """Every dbt test once more on the finished marts, including the cross-model
        ones (facts to dimensions) that no single model's task can select."""
        from extractors.dbt_commands import run_dbt

        run_dbt(SETTINGS, "test")

    @task(pool=DUCKDB_POOL)
    def docs() -> str:
        """Regenerate the dbt docs site for this warehouse."""
        from extractors.dbt_commands import generate_docs

        return str(generate_docs(SETTINGS))

    @task(pool=DUCKDB_POOL)
    def finish() -> None:
        """Close the run's audit row and drop its staging files."""
        run_steps.finish(SETTINGS, get_current_context()["run_id"])

    dbt_models = DbtTaskGroup(
        group_id="dbt",
        project_config=ProjectConfig(
            dbt_project_path=DBT_DIR,
            manifest_path=DBT_DIR / "target" / "manifest.json",
        ),
        profile_config=ProfileConfig(
            profile_name="wirehouse",
            target_name="dev",
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
            test_behavior=TestBehavior.BUILD,
            emit_datasets=False,
        ),
        operator_args={
            "pool": DUCKDB_POOL,
            "env": {"WIREHOUSE_DB": str(SETTINGS.db_path)},
            "append_env": True,
        },
    )

    batches = plan()
    extracted = extract.expand(batch=batches)
    loaded = load()
    extracted >> loaded >> dbt_models >> verify() >> docs() >> finish()


news_warehouse()
