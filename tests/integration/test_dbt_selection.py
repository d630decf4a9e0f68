"""What a data-only run's one `dbt build` leaves out: the seeds, the tests that read
nothing but seeds, the unit tests and the views. Every table and every other data test
still runs, the views' tests and a mart's relationship test to a seed among them. Listed
by the real `dbt ls`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.warehouse.run_steps import DATA_ONLY_BUILD
from tests.support.dbt_cli import DBT_DIR, run_dbt_cli

STAGED = ("actors", "documents", "events", "mentions", "pipeline_runs", "rejects", "statements")
ANALYTICS = {path.stem for path in (DBT_DIR / "models" / "analytics").glob("*.sql")}


def dbt_ls(tmp: Path, *selection: str) -> dict[str, dict]:
    """unique_id -> node of every seed, model, test and unit test the selection builds."""
    result = run_dbt_cli(
        tmp,
        tmp / "ls.duckdb",
        "ls",
        *("--resource-types", "seed", "model", "test", "unit_test"),
        *("--output", "json", "--output-keys", "unique_id resource_type depends_on config"),
        "--quiet",
        *selection,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    nodes = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {n["unique_id"]: n for n in nodes}


@pytest.fixture(scope="module")
def selections(tmp_path_factory) -> tuple[dict, dict]:
    tmp = tmp_path_factory.mktemp("dbt_ls")
    return dbt_ls(tmp), dbt_ls(tmp, *DATA_ONLY_BUILD)


def test_data_only_build_leaves_out_exactly_what_depends_on_the_project_alone(selections):
    everything, data_only = selections
    seeds = {uid for uid, n in everything.items() if n["resource_type"] == "seed"}
    unit_tests = {uid for uid, n in everything.items() if n["resource_type"] == "unit_test"}
    seed_only_tests = {
        uid
        for uid, n in everything.items()
        if n["resource_type"] == "test" and set(n["depends_on"]["nodes"]) <= seeds
    }
    views = {
        uid for uid, n in everything.items() if n.get("config", {}).get("materialized") == "view"
    }
    assert len(seeds) == 7 and len(seed_only_tests) > 20 and len(unit_tests) == 3
    assert {uid.split(".")[-1] for uid in views} == {
        *(f"stg_raw__{entity}" for entity in STAGED),
        "rejects",
        "pipeline_runs",
        *ANALYTICS,
    }
    assert set(everything) - set(data_only) == seeds | seed_only_tests | unit_tests | views
    assert set(data_only) <= set(everything)


def data_tests_reading(nodes: dict[str, dict], *id_prefixes: str) -> set[str]:
    """The data tests among nodes that read a node of each given unique_id prefix."""
    return {
        uid
        for uid, n in nodes.items()
        if n["resource_type"] == "test"
        and all(any(d.startswith(p) for d in n["depends_on"]["nodes"]) for p in id_prefixes)
    }


def test_data_only_build_still_tests_the_views(selections):
    _everything, data_only = selections
    staging_tests = data_tests_reading(data_only, "model.wirehouse.stg_raw__")
    ops_tests = data_tests_reading(data_only, "model.wirehouse.rejects")
    assert any("unique_stg_raw__documents_document_id" in uid for uid in staging_tests)
    assert any("not_null_rejects_reason" in uid for uid in ops_tests)
    # a view kept from the last build still has its keys checked on the new rows
    analytics_tests = data_tests_reading(data_only, "model.wirehouse.events")
    assert any("unique_events_event_id" in uid for uid in analytics_tests)


def test_data_only_build_still_checks_marts_against_the_seeds(selections):
    _everything, data_only = selections
    to_seeds = data_tests_reading(data_only, "seed.", "model.")
    assert any("fct_events_cameo_code" in uid for uid in to_seeds)
    assert any("dim_actors_country_code" in uid for uid in to_seeds)
