"""Schema `analytics` and the README's query cookbook, answered on the seed warehouse.

The seed run's `dbt build` creates every view of dbt_project/models/analytics; each view is
read here and its rows are checked against what the seed article says (and, where a view
aggregates, against a count taken straight from the marts). The cookbook's queries are read
from README.md itself, so the README cannot show a query that fails or answers otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.support.dbt_cli import DBT_DIR
from tests.support.duck import cli_json, query
from tests.support.paths import PROJECT_ROOT

pytestmark = pytest.mark.e2e

VIEWS = sorted(path.stem for path in (DBT_DIR / "models" / "analytics").glob("*.sql"))

Rows = list[dict]


@pytest.fixture(scope="module")
def warehouse(seed_run) -> Path:
    return seed_run[1]


@pytest.fixture(scope="module")
def manifest(warehouse) -> dict:
    """The manifest of the docs site that the seed run's docs task generated."""
    site = warehouse.with_name(f"{warehouse.stem}_docs")
    return json.loads((site / "manifest.json").read_text())


def rows(warehouse: Path, sql: str, params: list | None = None) -> Rows:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def view(warehouse: Path, name: str) -> Rows:
    return rows(warehouse, f"select * from analytics.{name}")


def count(warehouse: Path, sql: str, params: list | None = None) -> int:
    [(n,)] = query(warehouse, sql, params)
    return n


def only(found: Rows) -> dict:
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------------------- the views


def test_the_schema_holds_every_view_of_the_project(warehouse):
    listed = query(
        warehouse,
        "select table_name, table_type from information_schema.tables "
        "where table_schema = 'analytics' order by table_name",
    )
    assert listed == [(name, "VIEW") for name in VIEWS]
    assert {
        "events",
        "statements",
        "actor_mentions",
        "most_active_actors",
        "conflict_between_actors",
        "dyad_quad_class_by_month",
        "goldstein_trend_by_country_pair",
        "who_said_what_about_whom",
        "statements_by_speaker_sector",
        "events_by_type",
    } <= set(VIEWS)


@pytest.mark.parametrize("name", VIEWS)
def test_view_answers_a_stated_question_column_by_column(warehouse, manifest, name):
    node = manifest["nodes"][f"model.wirehouse.{name}"]
    assert node["schema"] == "analytics" and node["config"]["materialized"] == "view"
    description = node["description"]
    assert description.startswith("**Question:") and "Grain: one row per" in description
    found = view(warehouse, name)
    assert found, f"analytics.{name} is empty on the seed"
    assert list(node["columns"]) == list(found[0]), "documented columns = the view's columns"
    assert all(column["description"].strip() for column in node["columns"].values())
    # the description travels inside the warehouse file, for any client to read
    [(comment,)] = query(
        warehouse,
        "select comment from duckdb_views() where schema_name = 'analytics' and view_name = ?",
        [name],
    )
    assert comment.startswith("**Question:")


def test_events_read_as_english(warehouse):
    events = view(warehouse, "events")
    assert len(events) == count(warehouse, "select count(*) from marts.fct_events")
    war = [row for row in events if "eight-year war" in (row["evidence_text"] or "")]
    assert {(row["source_actor"], row["target_actor"]) for row in war} == {
        ("Iran", "Iraq"),
        ("Iraq", "Iran"),
    }
    for row in war:
        assert row["trigger_text"] == "fought"
        assert row["event_name"] == "Use conventional military force, not specified below"
        assert row["root_event_name"] == "fight"
        assert row["quad_class_name"] == "material conflict"
        assert row["goldstein"] == -10
        assert (row["source_country"], row["target_country"]) == (
            row["source_actor"],
            row["target_actor"],
        )
    # "sent a delegation" is coded both ways: a visit by al-Maliki, hosted by Iran
    visits = {
        (row["source_actor"], row["event_name"], row["target_actor"])
        for row in events
        if row["trigger_text"] == "sent"
    }
    assert ("Nouri al-Maliki", "Make a visit", "Iran") in visits
    assert ("Iran", "Host a visit", "Nouri al-Maliki") in visits
    negated = only([row for row in events if row["is_negated"]])
    assert (negated["trigger_text"], negated["target_actor"]) == ("meet", "Muqtada al-Sadr")
    words = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict"}
    for row in events:
        assert row["quad_class_name"] == words.get(row["quad_class"], "material conflict")
        assert (row["source_actor"] is None) == (row["source_actor_id"] is None)
        assert row["trigger_text"] in row["evidence_text"]


def test_statements_carry_the_speaker_and_whom_they_are_about(warehouse):
    statements = view(warehouse, "statements")
    assert len(statements) == count(warehouse, "select count(*) from marts.fct_statements")
    maliki = only([row for row in statements if row["content"] == "I am not Iran's man in Iraq."])
    assert maliki["speaker"] == "Nouri al-Maliki"
    assert (maliki["speaker_kind"], maliki["speaker_country"]) == ("person", "Iraq")
    assert (maliki["speaker_sector"], maliki["statement_kind"]) == ("GOV", "direct")
    assert (maliki["about_actors"], maliki["n_about_actors"]) == ("Iran; Iraq", 2)
    askari = only([row for row in statements if row["speaker"] == "Sami al-Askari"])
    assert askari["speaker_sector_description"].startswith("Legislature")
    assert askari["about_actors"] == "United Iraqi Alliance; Iran"
    # a speaker who is no resolved actor keeps the words the text names them by
    unresolved = [row for row in statements if row["speaker_actor_id"] is None]
    assert unresolved and all(row["speaker"] == row["speaker_text"] for row in unresolved)
    assert any(row["speaker"].startswith("an official travelling with") for row in unresolved)
    assert all(row["speaker_kind"] is None for row in unresolved)


def test_mentions_name_the_actor_they_resolve_to(warehouse):
    mentions = view(warehouse, "actor_mentions")
    assert len(mentions) == count(warehouse, "select count(*) from marts.fct_actor_mentions")
    premier = [row for row in mentions if row["mention_text"] == "Iraq's prime minister"]
    assert premier
    for row in premier:
        assert (row["actor"], row["role"]) == ("Nouri al-Maliki", "prime minister")
        assert (row["actor_country"], row["actor_sector"]) == ("Iraq", "GOV")
    tehran = [row for row in mentions if row["mention_text"] == "Tehran"]
    assert tehran and {(row["actor"], row["actor_kind"]) for row in tehran} == {("Iran", "country")}
    assert all(row["actor"] for row in mentions)


def test_most_active_actor_on_the_seed_is_iran(warehouse):
    found = view(warehouse, "most_active_actors")
    assert len(found) == count(warehouse, "select count(*) from marts.dim_actors")
    assert [row["activity_rank"] for row in found] == list(range(1, len(found) + 1))
    top = found[0]
    assert top["canonical_name"] == "Iran"
    assert top["activity"] == (
        top["n_events_as_source"] + top["n_events_as_target"] + top["n_statements"]
    )
    assert top["n_statements"] == 2  # "denies the charges", "blames the U.S.-led invasion"
    activities = [row["activity"] for row in found]
    assert activities == sorted(activities, reverse=True)
    assert found[1]["canonical_name"] == "Nouri al-Maliki"
    assert {"Sami al-Askari", "United States"} <= {row["canonical_name"] for row in found}


def test_conflict_between_actors_adds_up(warehouse):
    found = view(warehouse, "conflict_between_actors")
    assert sum(row["n_events"] for row in found) == count(
        warehouse,
        "select count(*) from marts.fct_events where not is_negated "
        "and source_actor_id is not null and target_actor_id is not null",
    )
    pairs = {(row["source_actor"], row["target_actor"]): row for row in found}
    crackdown = pairs["Nouri al-Maliki", "Shiite militias"]
    assert (crackdown["n_conflict_events"], crackdown["avg_goldstein"]) == (1, -9.0)
    assert pairs["Iran", "Iraq"]["n_conflict_events"] == 1  # the 1980s war


def test_dyad_counts_add_up(warehouse):
    found = view(warehouse, "dyad_quad_class_by_month")
    expected = count(
        warehouse,
        "select count(*) from marts.fct_events where not is_negated "
        "and source_actor_id is not null and target_actor_id is not null",
    )
    assert sum(row["n_events"] for row in found) == expected
    for row in found:
        quads = (
            row["n_verbal_cooperation"]
            + row["n_material_cooperation"]
            + row["n_verbal_conflict"]
            + row["n_material_conflict"]
        )
        assert quads == row["n_events"]
    assert any(row["source_actor"] == "Iraq" and row["target_actor"] == "Iran" for row in found)


def test_goldstein_trend_per_country_pair(warehouse):
    found = view(warehouse, "goldstein_trend_by_country_pair")
    pairs = {(row["source_country_code"], row["target_country_code"]): row for row in found}
    iraq_iran = pairs["IRQ", "IRN"]
    assert (iraq_iran["source_country"], iraq_iran["target_country"]) == ("Iraq", "Iran")
    assert pairs["USA", "IRN"]["avg_goldstein"] < 0  # criticism, sanctions threatened
    for row in found:
        assert row["source_country_code"] != row["target_country_code"]
        assert -10 <= row["avg_goldstein"] <= 10
        assert -10 <= row["running_avg_goldstein"] <= 10
        assert row["n_conflict_events"] <= row["n_events"]


def test_who_said_what_has_the_askari_statement(warehouse):
    found = view(warehouse, "who_said_what_about_whom")
    askari = [row for row in found if row["speaker"] == "Sami al-Askari"]
    assert askari, "no statement by Sami al-Askari"
    assert all(
        row["content"].startswith("The UIA has decided to send a delegation") for row in askari
    )
    assert all(row["statement_kind"] == "direct" for row in askari)
    assert "Sami al-Askari" not in {row["subject"] for row in askari}, "self-mentions left out"
    # every statement appears, also those that mention nobody
    n_statements = count(warehouse, "select count(*) from marts.fct_statements")
    assert len({row["statement_id"] for row in found}) == n_statements
    maliki = [row for row in found if row["speaker"] == "Nouri al-Maliki"]
    assert any(row["subject"] == "Iran" for row in maliki), "al-Maliki: not Iran's man"


def test_statements_by_sector_add_up(warehouse):
    found = view(warehouse, "statements_by_speaker_sector")
    n_statements = count(warehouse, "select count(*) from marts.fct_statements")
    assert sum(row["n_statements"] for row in found) == n_statements
    assert sum(row["pct_of_statements"] for row in found) == pytest.approx(100, abs=0.5)
    groups = {row["speaker_group"]: row for row in found}
    assert groups["GOV"]["sector_description"].startswith("Government")
    assert groups["LEG"]["n_direct"] >= 1  # Sami al-Askari, a lawmaker, quoted directly


def test_events_by_type_count_every_event_once(warehouse):
    found = {row["cameo_root_code"]: row for row in view(warehouse, "events_by_type")}
    assert sum(row["n_events"] + row["n_negated"] for row in found.values()) == count(
        warehouse, "select count(*) from marts.fct_events"
    )
    fight = found["19"]
    assert (fight["root_event_name"], fight["quad_class_name"]) == ("fight", "material conflict")
    assert fight["most_common_event_name"] == "Use conventional military force, not specified below"
    assert fight["n_happened"] == count(
        warehouse,
        "select count(*) from marts.fct_events "
        "where cameo_root_code = '19' and not is_negated and not is_hypothetical",
    )
    assert found["04"]["n_negated"] == 1  # "denied reports the delegation would meet the cleric"
    for row in found.values():
        assert row["n_happened"] + row["n_hypothetical"] == row["n_events"]


# --------------------------------------------------------------------- the cookbook


def cookbook() -> dict[int, tuple[str, str]]:
    """{number: (question, SQL)} of the README's "Query cookbook" section."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    start = readme.index("### Query cookbook")
    section = readme[start : readme.index("\n## ", start)]
    found = re.findall(r"\*\*(\d+)\. ([^*\n]+)\*\*\n\n```sql\n(.*?)```", section, re.DOTALL)
    assert len(found) == section.count("```sql"), "every SQL block has its numbered question"
    return {int(number): (question, sql) for number, question, sql in found}


COOKBOOK = cookbook()


def test_the_cookbook_asks_ten_questions():
    assert sorted(COOKBOOK) == list(range(1, 11))
    assert sorted(COOKBOOK) == sorted(ANSWERS), "every question has its answer checked"


def test_the_cookbook_exposure_names_what_the_cookbook_reads(manifest):
    read = {
        name
        for _, sql in COOKBOOK.values()
        for name in re.findall(r"\b(?:analytics|marts|ops)\.(\w+)", sql)
    }
    exposure = manifest["exposures"]["exposure.wirehouse.query_cookbook"]
    assert {node.rsplit(".", 1)[1] for node in exposure["depends_on"]["nodes"]} == read


def answer_1(warehouse: Path, found: Rows) -> None:
    assert [row["activity_rank"] for row in found] == list(range(1, 11))
    assert [row["canonical_name"] for row in found[:2]] == ["Iran", "Nouri al-Maliki"]
    assert {"Iraq", "United States"} <= {row["canonical_name"] for row in found}


def answer_2(warehouse: Path, found: Rows) -> None:
    said = {(row["speaker"], row["content"]) for row in found}
    assert ("Nouri al-Maliki", "I am not Iran's man in Iraq.") in said
    assert ("Muqtada al-Sadr", "the cleric was in Iran") in said
    assert any(speaker == "Sami al-Askari" for speaker, _ in said)
    # one row per statement whose content names Iran, the speaker's own words about itself aside
    assert len(found) == count(
        warehouse,
        "select count(*) from marts.bridge_statement_actors join marts.dim_actors "
        "using (actor_id) where canonical_name = 'Iran' and not is_speaker",
    )


def answer_3(warehouse: Path, found: Rows) -> None:
    assert [row["content"] for row in found] == [
        "to show his independence",
        "I am not Iran's man in Iraq.",
    ]
    assert [row["statement_kind"] for row in found] == ["indirect", "direct"]


def answer_4(warehouse: Path, found: Rows) -> None:
    assert len(found) == 5
    first = found[0]
    assert (first["source_actor"], first["target_actor"]) == ("Nouri al-Maliki", "Shiite militias")
    assert first["avg_goldstein"] == -9.0
    scores = [row["avg_goldstein"] for row in found]
    assert scores == sorted(scores) and all(score < 0 for score in scores)


def answer_5(warehouse: Path, found: Rows) -> None:
    pairs = {(row["source_country"], row["target_country"]): row for row in found}
    assert set(pairs) == {
        ("Iran", "Iraq"),
        ("Iran", "United States"),
        ("Iraq", "Iran"),
        ("United States", "Iran"),
    }
    assert pairs["United States", "Iran"]["avg_goldstein"] < 0


def answer_6(warehouse: Path, found: Rows) -> None:
    assert [row["quad_class_name"] for row in found] == [
        "verbal cooperation",
        "material cooperation",
        "verbal conflict",
        "material conflict",
    ]
    for row in found:
        assert row["n_happened"] == count(
            warehouse,
            "select count(*) from marts.fct_events "
            "where quad_class = ? and not is_negated and not is_hypothetical",
            [row["quad_class"]],
        )
    assert sum(row["n_negated"] for row in found) == 1


def answer_7(warehouse: Path, found: Rows) -> None:
    assert len(found) == count(
        warehouse,
        "select count(*) from marts.fct_events "
        "where quad_class = 4 and not is_negated and not is_hypothetical",
    )
    assert any(
        row["source_actor"] == "Iran"
        and row["target_actor"] == "Iraq"
        and "eight-year war" in row["evidence_text"]
        for row in found
    )
    crackdown = only([row for row in found if row["target_actor"] == "Shiite militias"])
    assert crackdown["event_name"] == "Use tactics of violent repression"
    assert "crackdown" in crackdown["evidence_text"]
    scores = [row["goldstein"] for row in found]
    assert scores == sorted(scores)


def answer_8(warehouse: Path, found: Rows) -> None:
    aliases = {row["alias"]: row for row in found}
    assert {"al-Maliki", "Iraq's prime minister", "Nouri al-Maliki"} <= set(aliases)
    assert found[0]["alias"] == "al-Maliki"
    assert all(row["n_documents"] == 1 for row in found)  # one seed article


def answer_9(warehouse: Path, found: Rows) -> None:
    assert (found[0]["actor"], found[0]["named_with"]) == ("Iran", "Iraq")
    assert found[0]["n_sentences"] == count(
        warehouse,
        "select count(*) from (select document_id, sentence_index "
        "from marts.fct_actor_mentions join marts.dim_actors using (actor_id) "
        "group by all having count(distinct canonical_name) "
        "filter (where canonical_name in ('Iran', 'Iraq')) = 2)",
    )
    assert len(found) == 10
    assert all(row["actor"] < row["named_with"] for row in found)


def answer_10(warehouse: Path, found: Rows) -> None:
    files = {row["reason"]: row["files"] for row in found}
    assert {
        "empty": "blank.txt, empty.txt",
        "binary": "photo.txt",
        "encoding": "undecodable.txt",
        "html": "empty page.txt",
        "not_english": "french.txt",
        "too_large": "huge.txt",
        "symlink_outside": "escape.txt",
    }.items() <= files.items()
    duplicates = {
        name
        for reason, names in files.items()
        if reason.startswith("duplicate")
        for name in names.split(", ")
    }
    assert duplicates == {"copy of seed.txt", "latin1_copy.txt"}
    assert sum(row["n_files"] for row in found) == 10


ANSWERS: dict[int, Callable[[Path, Rows], None]] = {
    1: answer_1,
    2: answer_2,
    3: answer_3,
    4: answer_4,
    5: answer_5,
    6: answer_6,
    7: answer_7,
    8: answer_8,
    9: answer_9,
    10: answer_10,
}


@pytest.mark.parametrize("number", sorted(COOKBOOK))
def test_cookbook_question_is_answered(warehouse, number):
    question, sql = COOKBOOK[number]
    found = rows(warehouse, sql)
    assert found, f"no answer to {question}"
    ANSWERS[number](warehouse, found)
    # as written, in the DuckDB 1.x command line that `make query` opens
    assert len(cli_json(warehouse, sql)) == len(found)
