"""Every dbt analysis compiles with dbt and answers its question on the seed warehouse.

The analyses are compiled by `dbt compile --select resource_type:analysis` against a copy of
the seed warehouse with the same file name (dbt-duckdb renders a ref as
"<file stem>"."marts"."<table>", so the compiled SQL names the seed warehouse's own catalog),
with a private target and log folder, so the project's target/ (the runs' partial-parse
state) is untouched.
The compiled SQL then runs on the seed warehouse opened read-only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.support.dbt_cli import DBT_DIR, run_dbt_cli
from tests.support.duck import query

pytestmark = pytest.mark.e2e

ANALYSES = sorted(path.stem for path in (DBT_DIR / "analyses").glob("*.sql"))


@pytest.fixture(scope="module")
def warehouse(seed_run) -> Path:
    return seed_run[1]


@pytest.fixture(scope="module")
def compiled(warehouse, tmp_path_factory) -> dict:
    """{"sql": {name: compiled SQL}, "manifest": the compile's manifest}."""
    work = tmp_path_factory.mktemp("analyses")
    copy = work / warehouse.name
    shutil.copy(warehouse, copy)
    target = work / "target"
    result = run_dbt_cli(
        work, copy, "compile", "--select", "resource_type:analysis", "--no-partial-parse"
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    folder = target / "compiled" / "wirehouse" / "analyses"
    return {
        "sql": {path.stem: path.read_text() for path in folder.glob("*.sql")},
        "manifest": json.loads((target / "manifest.json").read_text()),
    }


def run_analysis(warehouse: Path, compiled: dict, name: str) -> list[dict]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(compiled["sql"][name])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_there_are_analyses():
    assert {
        "most_active_actors",
        "dyad_quad_class_by_month",
        "goldstein_trend_by_country_pair",
        "who_said_what_about_whom",
        "statements_by_speaker_sector",
    } <= set(ANALYSES)


@pytest.mark.parametrize("name", ANALYSES)
def test_analysis_compiles_runs_and_is_documented(warehouse, compiled, name):
    sql = compiled["sql"][name]
    assert "{{" not in sql and "ref(" not in sql
    assert f'"{warehouse.stem}"."marts".' in sql
    rows = run_analysis(warehouse, compiled, name)
    assert rows, f"{name} returned no rows on the seed"
    node = compiled["manifest"]["nodes"][f"analysis.wirehouse.{name}"]
    assert node["description"].strip(), f"{name} has no description in analyses/_analyses.yml"
    assert list(node["columns"]) == list(rows[0]), "documented columns = result columns"
    assert all(column["description"].strip() for column in node["columns"].values())


def test_exposures_cover_every_analysis(compiled):
    exposures = compiled["manifest"]["exposures"].values()
    described = " ".join(exposure["description"] for exposure in exposures)
    for name in ANALYSES:
        assert f"analyses/{name}.sql" in described, f"no exposure mentions {name}"


def test_most_active_actor_on_the_seed_is_iran(warehouse, compiled):
    rows = run_analysis(warehouse, compiled, "most_active_actors")
    top = rows[0]
    assert top["canonical_name"] == "Iran"
    assert top["activity"] == (
        top["n_events_as_source"] + top["n_events_as_target"] + top["n_statements"]
    )
    activities = [row["activity"] for row in rows]
    assert activities == sorted(activities, reverse=True)
    names = {row["canonical_name"] for row in rows}
    assert {"Nouri al-Maliki", "Sami al-Askari", "United States"} <= names


def test_who_said_what_has_the_askari_statement(warehouse, compiled):
    rows = run_analysis(warehouse, compiled, "who_said_what_about_whom")
    askari = [row for row in rows if row["speaker"] == "Sami al-Askari"]
    assert askari, "no statement by Sami al-Askari"
    assert all(
        row["content"].startswith("The UIA has decided to send a delegation") for row in askari
    )
    assert all(row["statement_kind"] == "direct" for row in askari)
    assert "Sami al-Askari" not in {row["subject"] for row in askari}, "self-mentions left out"
    # every statement appears, also those that mention nobody
    [(n_statements,)] = query(warehouse, "select count(*) from marts.fct_statements")
    assert len({row["statement_id"] for row in rows}) == n_statements
    maliki = [row for row in rows if row["speaker"] == "Nouri al-Maliki"]
    assert any(row["subject"] == "Iran" for row in maliki), "al-Maliki: not Iran's man"


def test_dyad_counts_add_up(warehouse, compiled):
    rows = run_analysis(warehouse, compiled, "dyad_quad_class_by_month")
    [(expected,)] = query(
        warehouse,
        "select count(*) from marts.fct_events where not is_negated "
        "and source_actor_id is not null and target_actor_id is not null",
    )
    assert sum(row["n_events"] for row in rows) == expected
    for row in rows:
        quads = (
            row["n_verbal_cooperation"]
            + row["n_material_cooperation"]
            + row["n_verbal_conflict"]
            + row["n_material_conflict"]
        )
        assert quads == row["n_events"]
    assert any(row["source_actor"] == "Iraq" and row["target_actor"] == "Iran" for row in rows)


def test_goldstein_trend_per_country_pair(warehouse, compiled):
    rows = run_analysis(warehouse, compiled, "goldstein_trend_by_country_pair")
    pairs = {(row["source_country_code"], row["target_country_code"]) for row in rows}
    assert ("IRQ", "IRN") in pairs
    for row in rows:
        assert row["source_country_code"] != row["target_country_code"]
        assert -10 <= row["avg_goldstein"] <= 10
        assert -10 <= row["running_avg_goldstein"] <= 10
        assert row["n_conflict_events"] <= row["n_events"]


def test_statements_by_sector_add_up(warehouse, compiled):
    rows = run_analysis(warehouse, compiled, "statements_by_speaker_sector")
    [(n_statements,)] = query(warehouse, "select count(*) from marts.fct_statements")
    assert sum(row["n_statements"] for row in rows) == n_statements
    assert sum(row["pct_of_statements"] for row in rows) == pytest.approx(100, abs=0.5)
    groups = {row["speaker_group"]: row for row in rows}
    assert groups["GOV"]["sector_description"].startswith("Government")
    assert groups["LEG"]["n_direct"] >= 1  # Sami al-Askari, a lawmaker, quoted directly
