"""Sections, duplicate rejects and event clusters, on a real DAG run over a small folder.

tests/fixtures/clusters holds three short wire stories in which Russia accuses Georgia:
two of them (world/, Reuters on 8 August 2008 and AP the next day) report the same
accusation; the third (top level, 25 August, section from its sidecar) reports a later one.
The run also reads a byte-for-byte copy of the AP story, which is rejected."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.support.dag import run_dag
from tests.support.duck import query
from tests.support.paths import SEED_FILE

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clusters"
COPY = "zz_copies/clash_ap.txt"  # sorted after world/clash_ap.txt, so it is the duplicate


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("clusters") / "input"
    shutil.copytree(FIXTURES, folder)
    (folder / COPY).parent.mkdir()
    shutil.copy(folder / "world" / "clash_ap.txt", folder / COPY)
    db_path = tmp_path_factory.mktemp("warehouse") / "clusters.duckdb"
    run_dag(folder, db_path)
    return db_path


def document_id(db_path: Path, source_file: str) -> str:
    sql = "select document_id from marts.dim_documents where source_file = ?"
    [(found,)] = query(db_path, sql, [source_file])
    return found


def test_sections_come_from_the_folder_or_the_sidecar(warehouse):
    rows = query(warehouse, "select source_file, section, source_name from marts.dim_documents")
    assert sorted(rows) == [
        ("later.txt", "follow-ups", "Reuters"),  # the sidecar names the section
        ("world/clash_ap.txt", "world", "AP"),  # the agencies come from the datelines
        ("world/clash_reuters.txt", "world", "Reuters"),
    ]


def test_a_top_level_file_without_a_sidecar_has_no_section(seed_run):
    sql = "select section, source_name from marts.dim_documents where source_file = ?"
    # the seed's source_name comes from its credit line "/ Source: Reuters"
    assert query(seed_run[1], sql, [SEED_FILE]) == [(None, "Reuters")]


def test_a_duplicate_names_its_original_in_its_own_column(warehouse):
    rows = query(warehouse, "select source_file, reason, duplicate_of, detail from ops.rejects")
    original = document_id(warehouse, "world/clash_ap.txt")
    assert rows == [(COPY, "duplicate", original, "same bytes as world/clash_ap.txt")]
    [(n_groups,)] = query(warehouse, "select count(distinct reason) from ops.rejects")
    assert n_groups == 1


def clusters_of(db_path: Path) -> dict[str, dict]:
    """event_cluster_id -> its fct_event_clusters row and the documents of its events."""
    rows = query(
        db_path,
        """
        select
            clusters.event_cluster_id,
            clusters.cameo_root_code,
            clusters.source_actor_code,
            clusters.target_actor_code,
            clusters.n_mentions,
            clusters.n_documents,
            clusters.n_sources,
            clusters.first_seen,
            clusters.last_seen,
            clusters.cluster_basis,
            list(distinct documents.source_file order by documents.source_file) as files
        from marts.fct_event_clusters as clusters
        join marts.fct_events as events using (event_cluster_id)
        join marts.dim_documents as documents using (document_id)
        group by all
        """,
    )
    names = [
        "root",
        "source",
        "target",
        "n_mentions",
        "n_documents",
        "n_sources",
        "first_seen",
        "last_seen",
        "basis",
        "files",
    ]
    return {row[0]: dict(zip(names, row[1:], strict=True)) for row in rows}


def test_two_reports_of_one_accusation_are_one_cluster(warehouse):
    accusations = [
        c for c in clusters_of(warehouse).values() if (c["source"], c["target"]) == ("RUS", "GEO")
    ]
    by_files = {tuple(c["files"]): c for c in accusations}
    assert set(by_files) == {("world/clash_ap.txt", "world/clash_reuters.txt"), ("later.txt",)}
    same = by_files[("world/clash_ap.txt", "world/clash_reuters.txt")]
    # headline and body of each story: four rows, two documents, two agencies, one day apart
    assert same == {
        "root": "11",
        "source": "RUS",
        "target": "GEO",
        "n_mentions": 4,
        "n_documents": 2,
        "n_sources": 2,
        "first_seen": date(2008, 8, 8),
        "last_seen": date(2008, 8, 9),
        "basis": "date_window",
        "files": ["world/clash_ap.txt", "world/clash_reuters.txt"],
    }
    # sixteen days later is another accusation: more than the 3-day window apart
    later = by_files[("later.txt",)]
    assert (later["root"], later["n_documents"], later["first_seen"]) == (
        "11",
        1,
        date(2008, 8, 25),
    )


def test_every_event_row_has_a_cluster_of_its_own_root(warehouse):
    [(n_events, n_clustered, n_mixed)] = query(
        warehouse,
        """
        select
            count(*),
            count(clusters.event_cluster_id),
            count(*) filter (where events.cameo_root_code != clusters.cameo_root_code)
        from marts.fct_events as events
        left join marts.fct_event_clusters as clusters using (event_cluster_id)
        """,
    )
    assert n_events >= 5
    assert (n_clustered, n_mixed) == (n_events, 0)
    # the rejection of the accusation by "Georgian officials" has no target: alone
    [(n_rows, basis)] = query(
        warehouse,
        "select n_mentions, cluster_basis from marts.fct_event_clusters "
        "where target_actor_id is null and target_actor_code is null",
    )
    assert (n_rows, basis) == (1, "single_row")
