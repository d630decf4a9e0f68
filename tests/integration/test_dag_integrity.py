"""The DAG file parses cleanly, cheaply, and wires the pipeline as designed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support.paths import PROJECT_ROOT

# Parsed in a fresh interpreter so that sys.modules shows exactly what parsing imports.
PARSE_SCRIPT = """
import json, sys
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1])
dag = bag.get_dag("news_warehouse")
print(json.dumps({
    "errors": {k: str(v) for k, v in bag.import_errors.items()},
    "heavy_modules": sorted(m for m in ("spacy", "py3langid", "dbt") if m in sys.modules),
    "schedule": str(dag.schedule),
    "catchup": dag.catchup,
    "max_active_runs": dag.max_active_runs,
    "tasks": {
        t.task_id: {
            "pool": t.pool,
            "upstream": sorted(t.upstream_task_ids),
            "trigger_rule": getattr(t.trigger_rule, "value", t.trigger_rule),
            "timeout_s": t.execution_timeout and t.execution_timeout.total_seconds(),
            "queue": t.queue,
            "retries": t.retries,
        }
        for t in dag.tasks
    },
}))
"""


@pytest.fixture(scope="module")
def parsed() -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PARSE_SCRIPT, str(PROJECT_ROOT / "dags")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-5000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_import_errors(parsed):
    assert parsed["errors"] == {}


def test_parsing_imports_neither_spacy_nor_the_language_model_nor_dbt(parsed):
    assert parsed["heavy_modules"] == []


def test_schedule_is_hourly_without_catchup_and_one_run_at_a_time(parsed):
    assert parsed["schedule"] == "@hourly"
    assert parsed["catchup"] is False
    assert parsed["max_active_runs"] == 1


def test_pipeline_order(parsed):
    tasks = parsed["tasks"]
    assert tasks["extract"]["upstream"] == ["plan"]
    assert tasks["load"]["upstream"] == ["extract"]
    assert tasks["marts_changed"]["upstream"] == ["load"]
    assert tasks["dbt_build"]["upstream"] == ["marts_changed"]
    assert tasks["docs"]["upstream"] == ["dbt_build"]
    assert tasks["evidence"]["upstream"] == ["docs"]
    assert tasks["finish"]["upstream"] == ["evidence"]
    # finish also runs when nothing changed and dbt was skipped, never after a failure
    assert tasks["finish"]["trigger_rule"] == "none_failed"


def test_every_duckdb_writer_shares_the_one_slot_pool(parsed):
    writers = ("plan", "load", "dbt_build", "docs", "finish", "record_failure")
    assert {parsed["tasks"][t]["pool"] for t in writers} == {"duckdb_writer"}
    assert parsed["tasks"]["extract"]["pool"] != "duckdb_writer"


def test_any_failure_is_recorded_and_nothing_published(parsed):
    tasks = parsed["tasks"]
    failure = tasks["record_failure"]
    assert failure["trigger_rule"] == "one_failed"
    # a failure anywhere leaves `finish` failed or upstream_failed, which triggers it
    steps = {"plan", "extract", "load", "dbt_build", "docs", "evidence", "finish"}
    assert steps <= set(failure["upstream"])


def test_every_task_has_a_timeout(parsed):
    """A stuck task (a hung read, a dead database lock) fails and frees the writer pool."""
    timeouts = {name: task["timeout_s"] for name, task in parsed["tasks"].items()}
    assert timeouts == dict.fromkeys(timeouts, 3600.0)


def test_without_queue_settings_every_task_keeps_airflows_default_queue_and_no_retries(parsed):
    """What LocalExecutor runs get; `make cluster` sets the queues and extract's retries."""
    assert {task["queue"] for task in parsed["tasks"].values()} == {"default"}
    assert {task["retries"] for task in parsed["tasks"].values()} == {0}
