"""`make query`: the DuckDB 1.x command line (the `duckdb-cli` package), read-only, on the
published warehouse, which is written in a storage version that DuckDB 1.4+ reads."""

import os
import subprocess

import pytest

from extractors.warehouse.warehouse_file import STORAGE_VERSION, storage_version
from tests.support.contract import CONTRACT
from tests.support.duck import DUCKDB_CLI, cli_json, query
from tests.support.paths import PROJECT_ROOT

pytestmark = pytest.mark.e2e  # reads the shared seed run (a real DAG run)


def make_query(db_path, statements: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "-s", "query"],
        input=statements,
        cwd=PROJECT_ROOT,
        env={**os.environ, "WIREHOUSE_DB": str(db_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_cli_is_duckdb_1x():
    version = subprocess.run([DUCKDB_CLI, "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("v1.5."), version.stdout


# every row of a table as text, in one digest: DuckDB 1.5 and 2.0 print rows alike
DIGEST = "select count(*) as n, md5(string_agg(t::varchar, chr(10) order by t::varchar)) as md5"


def test_duckdb_1x_reads_every_mart_of_the_published_file(seed_run):
    db_path = seed_run[1]
    # dbt-duckdb wrote the marts into the run's v1.4 working copy, and it stayed v1.4
    assert storage_version(db_path) == f"{STORAGE_VERSION}+"
    listed = cli_json(
        db_path,
        "select table_schema || '.' || table_name as name from information_schema.tables "
        "where table_schema in ('marts', 'ops', 'analytics') order by name",  # and views
    )
    marts = [row["name"] for row in listed]
    assert set(CONTRACT) | {"marts.bridge_statement_actors"} <= set(marts), marts
    for table in marts:
        [expected] = query(db_path, f"{DIGEST} from {table} as t")
        assert cli_json(db_path, f"{DIGEST} from {table} as t") == [
            {"n": expected[0], "md5": expected[1]}
        ], table
        assert expected[0] > 0, table  # the seed run fills every mart
    [maliki] = cli_json(
        db_path,
        "select a.country_code, count(*) as n from marts.fct_statements s "
        "join marts.dim_actors a on a.actor_id = s.speaker_actor_id "
        "where a.canonical_name = 'Nouri al-Maliki' group by all",
    )
    assert maliki["country_code"] == "IRQ" and maliki["n"] >= 1


def test_answers_queries_over_several_lines(seed_run):
    result = make_query(
        seed_run[1],
        "select canonical_name, country_code from marts.dim_actors\n"
        "where canonical_name = 'Nouri al-Maliki';\n.tables\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Nouri al-Maliki" in result.stdout and "IRQ" in result.stdout
    assert "fct_statements" in result.stdout and "pipeline_runs" in result.stdout
    assert "read-only" in result.stderr


def test_refuses_to_write(seed_run):
    before = query(seed_run[1], "select count(*) from marts.dim_actors")
    result = make_query(seed_run[1], "delete from marts.dim_actors;\n")
    assert "read-only mode" in result.stderr + result.stdout
    assert query(seed_run[1], "select count(*) from marts.dim_actors") == before


def test_says_when_there_is_no_warehouse_yet(tmp_path):
    result = make_query(tmp_path / "none.duckdb", "")
    assert result.returncode != 0
    assert f"no warehouse at {tmp_path / 'none.duckdb'}: run make run first" in result.stderr
