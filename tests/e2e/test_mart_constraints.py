"""The marts' not-null columns are contract constraints, not dbt tests: DuckDB refuses a
null while dbt writes the table, and the table analysts query stays as it was."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.support.dbt_cli import run_dbt_cli
from tests.support.duck import query

pytestmark = pytest.mark.e2e  # reads the shared seed run (a real DAG run)


def test_a_null_in_a_not_null_mart_column_fails_the_build_and_keeps_the_table(seed_run, tmp_path):
    _input_dir, published = seed_run
    db_path = tmp_path / published.name
    shutil.copy(published, db_path)
    with duckdb.connect(str(db_path)) as con:
        [(event_id,)] = con.execute("select min(event_id) from raw.events").fetchall()
        # a code the cameo_codes seed lacks: the event gets no event_name
        con.execute("update raw.events set cameo_code = '999' where event_id = ?", [event_id])
    before = query(db_path, "select event_id, event_name from marts.fct_events order by 1")

    result = run_dbt_cli(tmp_path, db_path, "build", "--select", "fct_events")

    log = result.stdout + result.stderr
    assert result.returncode == 1, log[-3000:]
    assert "NOT NULL constraint failed: fct_events__dbt_tmp.event_name" in log, log[-3000:]
    assert query(db_path, "select event_id, event_name from marts.fct_events order by 1") == before
    assert event_id in {row[0] for row in before}
