"""Atomic publication: readers never blocked, a taken-over run never loads or publishes."""

import duckdb
import pytest

from extractors.publishing import (
    WarehouseChangedError,
    WorkingCopyTakenError,
    check_owner,
    discard,
    publish,
    start_working_copy,
)


def make_warehouse(path, value: int) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("create or replace table t as select ? as v", [value])


def read_value(path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select v from t").fetchone()[0]


@pytest.fixture
def paths(tmp_path):
    published = tmp_path / "w.duckdb"
    return published, tmp_path / ".w.building" / "w.duckdb"


def test_a_run_builds_in_a_copy_and_publishes_by_rename(tmp_path, paths):
    published, working = paths
    make_warehouse(published, 1)
    start_working_copy(published, working, tmp_path / "base1.json", "run1")
    make_warehouse(working, 2)
    assert read_value(published) == 1  # nothing visible before publishing
    publish(working, published, tmp_path / "base1.json", "run1")
    assert read_value(published) == 2
    assert not working.parent.exists()  # the copy and its owner file are gone


def test_readers_keep_querying_while_a_run_builds_and_publishes(tmp_path, paths):
    published, working = paths
    make_warehouse(published, 1)
    reader = duckdb.connect(str(published), read_only=True)
    start_working_copy(published, working, tmp_path / "base1.json", "run1")
    make_warehouse(working, 2)
    publish(working, published, tmp_path / "base1.json", "run1")
    assert reader.execute("select v from t").fetchone()[0] == 1  # its snapshot stays whole
    reader.close()
    assert read_value(published) == 2


def test_a_run_whose_copy_was_taken_over_neither_writes_nor_publishes(tmp_path, paths):
    published, working = paths
    make_warehouse(published, 1)
    start_working_copy(published, working, tmp_path / "a.json", "a")
    make_warehouse(working, 2)  # run a's half-built copy
    start_working_copy(published, working, tmp_path / "b.json", "b")
    assert read_value(working) == 1  # b starts again from the published file
    with pytest.raises(WorkingCopyTakenError, match="belongs to run 'b'"):
        check_owner(working, "a")
    with pytest.raises(WorkingCopyTakenError):
        publish(working, published, tmp_path / "a.json", "a")
    discard(working, "a")  # a's failure handler leaves b's copy alone
    make_warehouse(working, 3)
    publish(working, published, tmp_path / "b.json", "b")
    assert read_value(published) == 3


def test_a_run_does_not_publish_over_a_file_changed_since_its_copy(tmp_path, paths):
    published, working = paths
    make_warehouse(published, 1)
    start_working_copy(published, working, tmp_path / "a.json", "a")
    make_warehouse(working, 2)
    make_warehouse(published, 5)  # e.g. a failed run's audit row, written in place
    with pytest.raises(WarehouseChangedError, match="changed after this run copied it"):
        publish(working, published, tmp_path / "a.json", "a")
    assert read_value(published) == 5
    assert not working.exists()


def test_the_first_run_starts_from_nothing(tmp_path):
    published = tmp_path / "new" / "w.duckdb"
    working = tmp_path / "new" / ".w.building" / "w.duckdb"
    start_working_copy(published, working, tmp_path / "base.json", "r")
    assert not working.exists()
    make_warehouse(working, 7)
    publish(working, published, tmp_path / "base.json", "r")
    assert read_value(published) == 7
