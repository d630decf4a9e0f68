"""Atomic publication: readers never blocked, racing runs never both publish."""

import duckdb
import pytest

from extractors.publishing import WarehouseChangedError, publish, start_working_copy


def make_warehouse(path, value: int) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("create or replace table t as select ? as v", [value])


def read_value(path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select v from t").fetchone()[0]


def test_a_run_builds_in_a_copy_and_publishes_by_rename(tmp_path):
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    working = tmp_path / ".w.run1.building.duckdb"
    start_working_copy(published, working, tmp_path / "base1.json")
    make_warehouse(working, 2)
    assert read_value(published) == 1  # nothing visible before publishing
    publish(working, published, tmp_path / "base1.json")
    assert read_value(published) == 2
    assert not working.exists()


def test_readers_keep_querying_while_a_run_builds_and_publishes(tmp_path):
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    reader = duckdb.connect(str(published), read_only=True)
    working = tmp_path / ".w.run1.building.duckdb"
    start_working_copy(published, working, tmp_path / "base1.json")
    make_warehouse(working, 2)
    publish(working, published, tmp_path / "base1.json")
    assert reader.execute("select v from t").fetchone()[0] == 1  # its snapshot stays whole
    reader.close()
    assert read_value(published) == 2


def test_the_second_of_two_racing_runs_fails_cleanly(tmp_path):
    published = tmp_path / "w.duckdb"
    make_warehouse(published, 1)
    first, second = tmp_path / ".w.a.building.duckdb", tmp_path / ".w.b.building.duckdb"
    start_working_copy(published, first, tmp_path / "a.json")
    start_working_copy(published, second, tmp_path / "b.json")
    make_warehouse(first, 2)
    make_warehouse(second, 3)
    publish(first, published, tmp_path / "a.json")
    with pytest.raises(WarehouseChangedError, match="published by another run"):
        publish(second, published, tmp_path / "b.json")
    assert read_value(published) == 2
    assert not second.exists()


def test_the_first_run_starts_from_nothing(tmp_path):
    published = tmp_path / "new" / "w.duckdb"
    working = tmp_path / "new" / ".w.r.building.duckdb"
    start_working_copy(published, working, tmp_path / "base.json")
    assert not working.exists()
    make_warehouse(working, 7)
    publish(working, published, tmp_path / "base.json")
    assert read_value(published) == 7
