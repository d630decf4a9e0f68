"""Actors across a real corpus: the DAG on all 2,225 BBC articles (../shared/corpora/bbc),
then the warehouse read as an analyst would. About three minutes; skipped without ../shared.

The entities are in tests/data/bbc_entities.csv, written down before the resolution was
built (10 of 60 passed then); tests/support/corpus_entities.py says what passing means.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpus_entities import judge, report
from tests.support.dag import run_dag
from tests.support.duck import query
from tests.support.paths import PROJECT_ROOT, SHARED

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (SHARED / "corpora" / "bbc").is_dir(), reason="needs ../shared/corpora/bbc"
    ),
]

BBC = SHARED / "corpora" / "bbc"
OVERRIDES = PROJECT_ROOT / "dbt_project" / "seeds" / "actor_overrides.csv"
# the share of the 60 entities that must be one actor of the right kind and country
ENTITY_FLOOR = 0.65


@pytest.fixture(scope="module")
def bbc_warehouse(tmp_path_factory) -> Path:
    db_path = tmp_path_factory.mktemp("bbc") / "bbc.duckdb"
    run_dag(BBC, db_path, WIREHOUSE_N_PROCESS="2")
    return db_path


def test_the_written_down_entities_are_one_actor_each(bbc_warehouse):
    verdicts = judge(bbc_warehouse)
    print(report(verdicts))
    passed = sum(v.passed for v in verdicts)
    assert passed / len(verdicts) >= ENTITY_FLOOR, report(verdicts)


def test_one_name_is_one_kind(bbc_warehouse):
    """A party is never also a person: no name is two actors of different kinds among
    people, organisations and groups."""
    split = query(
        bbc_warehouse,
        """
        select lower(canonical_name), list(distinct actor_kind)
        from marts.dim_actors
        where actor_kind in ('person', 'organization', 'group')
        group by 1
        having count(distinct actor_kind) > 1
        """,
    )
    assert split == []


def test_mentions_stop_at_dashes_and_line_breaks(bbc_warehouse):
    crossing = query(
        bbc_warehouse,
        """
        select mention_text from marts.fct_actor_mentions
        where contains(mention_text, chr(10)) or contains(mention_text, ' - ')
        """,
    )
    assert crossing == []


def test_aliases_show_what_was_merged(bbc_warehouse):
    rows = query(
        bbc_warehouse,
        """
        select alias.alias, alias.resolved_by
        from marts.dim_actor_aliases as alias
        inner join marts.dim_actors as actor using (actor_id)
        where actor.canonical_name = 'Tony Blair'
        """,
    )
    aliases = dict(rows)
    assert {"Tony Blair", "Blair"} <= set(aliases)
    assert "surname" in aliases.values()
    # every mention is counted under exactly one alias of its actor
    [(mismatches,)] = query(
        bbc_warehouse,
        """
        select count(*) from marts.dim_actors as actor
        inner join (
            select actor_id, sum(n_mentions) as n from marts.dim_actor_aliases group by 1
        ) as alias using (actor_id)
        where alias.n <> actor.n_mentions
        """,
    )
    assert mismatches == 0


def test_an_ambiguous_surname_says_so(bbc_warehouse):
    rows = query(
        bbc_warehouse,
        "select ambiguity from marts.dim_actors where ambiguity is not null",
    )
    assert rows
    assert all(text.startswith("surname of ") for (text,) in rows)


def test_an_override_applies_on_the_next_run(bbc_warehouse):
    """An analyst keeps "Blair" apart and merges "Kilroy" into Robert Kilroy-Silk; the next run
    re-extracts nothing and applies both."""
    [(blair_key,)] = query(
        bbc_warehouse, "select actor_key from marts.dim_actors where canonical_name = 'Tony Blair'"
    )
    original = OVERRIDES.read_text(encoding="utf-8")
    try:
        OVERRIDES.write_text(
            original + "Blair,keep_apart,,a test\nKilroy,merge,person:robert kilroy-silk,\n",
            encoding="utf-8",
        )
        run_dag(BBC, bbc_warehouse, WIREHOUSE_N_PROCESS="2")
    finally:
        OVERRIDES.write_text(original, encoding="utf-8")
    by_alias = dict(
        query(
            bbc_warehouse,
            """
            select alias.alias || '/' || actor.actor_key, alias.resolved_by
            from marts.dim_actor_aliases as alias
            inner join marts.dim_actors as actor using (actor_id)
            where alias.alias in ('Blair', 'Kilroy')
            """,
        )
    )
    assert f"Blair/{blair_key}" in by_alias  # Blair inside Tony Blair's documents stays his
    assert by_alias.get("Blair/person:blair") == "override"
    assert by_alias.get("Kilroy/person:robert kilroy-silk") == "override"
