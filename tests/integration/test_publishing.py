"""Atomic publication: readers never blocked, a taken-over run never loads or publishes."""

import duckdb
import pytest

from extractors.warehouse.publishing import (
    WarehouseChangedError,
    WorkingCopyTakenError,
    check_owner,
    discard,
    previous_version,
    publish,
    start_working_copy,
)
from extractors.warehouse.warehouse_file import problem, storage_version


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
    assert storage_version(working) == "v1.4.0+"  # an empty file that DuckDB 1.4 reads
    make_warehouse(working, 7)
    publish(working, published, tmp_path / "base.json", "r")
    assert read_value(published) == 7
    assert storage_version(published) == "v1.4.0+"
    assert not previous_version(published).exists()  # there was none


def test_a_warehouse_in_a_newer_format_is_converted_in_the_copy(tmp_path, paths):
    published, working = paths
    make_warehouse(published, 4)  # the Python package's own default format
    assert storage_version(published) == "v2.0.0+"
    start_working_copy(published, working, tmp_path / "base.json", "r")
    assert storage_version(working) == "v1.4.0+" and read_value(working) == 4
    publish(working, published, tmp_path / "base.json", "r")
    assert storage_version(published) == "v1.4.0+" and read_value(published) == 4


def test_a_broken_published_file_is_set_aside_and_the_previous_version_restored(tmp_path, paths):
    published, working = paths
    for run, value in (("r1", 1), ("r2", 2)):
        start_working_copy(published, working, tmp_path / f"{run}.json", run)
        make_warehouse(working, value)
        publish(working, published, tmp_path / f"{run}.json", run)
    assert read_value(previous_version(published)) == 1
    with published.open("r+b") as handle:  # a disk that filled up mid-copy
        handle.truncate(published.stat().st_size // 3)
    assert problem(published) is not None
    healed = start_working_copy(published, working, tmp_path / "r3.json", "r3")
    assert healed.startswith("published warehouse was broken (")
    assert healed.endswith("restored the previous version")
    assert read_value(published) == 1 and read_value(working) == 1
    [broken] = tmp_path.glob("w.broken-*.duckdb")
    assert problem(broken) is not None  # kept for a person to look at


def test_a_broken_file_without_a_previous_version_starts_from_nothing(tmp_path, paths):
    published, working = paths
    published.write_bytes(b"DUCK" + b"\0" * 100)
    healed = start_working_copy(published, working, tmp_path / "r.json", "r")
    assert healed.endswith("no sound previous version")
    assert not published.exists() and storage_version(working) == "v1.4.0+"
