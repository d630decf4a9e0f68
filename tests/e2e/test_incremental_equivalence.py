"""A warehouse grown run by run holds exactly what one fresh run over the same files builds.

Actor resolution is corpus-wide: a document added later can change the actor that another,
older document's surname joins. The grown warehouse must follow, value for value.
"""

from __future__ import annotations

import json

import pytest

from tests.support.dag import run_dag
from tests.support.duck import query
from tests.support.marts import COMPARED, rows

pytestmark = pytest.mark.e2e

SURNAME_ONLY = (
    "Talks on the budget resumed in Baghdad on Tuesday.\n\n"
    "Maliki said the government would not accept new conditions, and Iraqi lawmakers "
    "criticised the delay.\n"
)
FULL_NAME = (
    "Iraqi Prime Minister Nouri al-Maliki met Iranian officials in Tehran on Monday.\n\n"
    "Nouri al-Maliki said the two countries would cooperate on security along the border.\n"
)
MARKETS = "Shares in London rose on Friday, the Bank of England said. {}\n"


def docs_site(db_path):
    return db_path.with_name(f"{db_path.stem}_docs") / "static_index.html"


def catalog_columns(db_path) -> dict:
    """Each documented relation's columns and types, as the docs site shows them."""
    catalog = json.loads((docs_site(db_path).parent / "catalog.json").read_text())
    return {
        node_id: {name: column["type"] for name, column in node["columns"].items()}
        for kind in ("nodes", "sources")
        for node_id, node in catalog[kind].items()
    }


def maliki_resolves_to(db_path) -> str:
    sql = (
        "select distinct corpus_actor_key from intermediate.int_actor_keys__resolved "
        "where actor_key = 'person:maliki'"
    )
    [(key,)] = query(db_path, sql)
    return key


@pytest.fixture(scope="module")
def grown_and_fresh(tmp_path_factory) -> tuple:
    root = tmp_path_factory.mktemp("equivalence")
    grown_input, grown_db = root / "grown", root / "grown_wh" / "grown.duckdb"
    grown_input.mkdir()
    (grown_input / "surname.txt").write_text(SURNAME_ONLY)
    (grown_input / "markets.txt").write_text(MARKETS.format("Bonds fell."))
    run_dag(grown_input, grown_db)
    resolved_before = maliki_resolves_to(grown_db)
    docs_written = docs_site(grown_db).stat().st_mtime_ns
    # the rerun: one new document that owns the surname, one changed document
    (grown_input / "full name.txt").write_text(FULL_NAME)
    (grown_input / "markets.txt").write_text(MARKETS.format("Bonds fell, then recovered."))
    run_dag(grown_input, grown_db)

    fresh_input, fresh_db = root / "fresh", root / "fresh_wh" / "fresh.duckdb"
    fresh_input.mkdir()
    for path in grown_input.iterdir():
        (fresh_input / path.name).write_bytes(path.read_bytes())
    run_dag(fresh_input, fresh_db)
    return grown_db, fresh_db, resolved_before, docs_written


def test_the_new_document_changes_an_old_documents_actor(grown_and_fresh):
    grown_db, _fresh_db, resolved_before, _docs_written = grown_and_fresh
    assert resolved_before == "person:maliki"
    assert maliki_resolves_to(grown_db) == "person:nouri al-maliki"


@pytest.mark.parametrize("table", COMPARED)
def test_grown_warehouse_equals_a_fresh_build(grown_and_fresh, table):
    grown_db, fresh_db, _resolved_before, _docs_written = grown_and_fresh
    grown = rows(grown_db, table)
    assert grown, f"{table} is empty: nothing compared"
    assert grown == rows(fresh_db, table)


def test_a_data_only_rerun_keeps_a_docs_site_equal_to_a_fresh_one(grown_and_fresh):
    grown_db, fresh_db, _resolved_before, docs_written = grown_and_fresh
    assert docs_site(grown_db).stat().st_mtime_ns == docs_written  # not regenerated
    grown = catalog_columns(grown_db)
    assert "model.wirehouse.fct_events" in grown
    assert grown == catalog_columns(fresh_db)
