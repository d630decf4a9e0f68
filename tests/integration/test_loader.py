"""The single DuckDB writer: atomic, idempotent, replacing changed documents."""

import json

import duckdb

from extractors.records import Reject
from extractors.warehouse.loader import finish_run, known_documents, load_run, record_failed_run
from extractors.warehouse.warehouse_file import storage_version
from tests.support.staged_runs import STARTED, document, stage


def counts(db_path) -> dict:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {
            t: con.execute(f"select count(*) from raw.{t}").fetchone()[0]
            for t in ("documents", "actors", "mentions", "rejects", "pipeline_runs")
        }


def test_load_is_idempotent_per_run(tmp_path):
    db = tmp_path / "w.duckdb"
    reject = Reject("bad.txt", "empty", "no bytes", "run1", STARTED)
    stage(tmp_path / "run1", [document("aaaa", "a.txt", "Ann Lee spoke.")], rejects=[reject])
    load_run(db, tmp_path / "run1", "run1", STARTED)
    load_run(db, tmp_path / "run1", "run1", STARTED)
    assert counts(db) == {
        "documents": 1,
        "actors": 1,
        "mentions": 1,
        "rejects": 1,
        "pipeline_runs": 1,
    }
    assert known_documents(db) == {"aaaa": "a.txt"}


def test_a_changed_file_replaces_every_row_of_its_old_version(tmp_path):
    db = tmp_path / "w.duckdb"
    stage(tmp_path / "run1", [document("aaaa", "a.txt", "Ann Lee spoke.")])
    load_run(db, tmp_path / "run1", "run1", STARTED)
    stage(
        tmp_path / "run2", [document("bbbb", "a.txt", "Ann Lee wrote.")], replaces={"bbbb": "aaaa"}
    )
    load_run(db, tmp_path / "run2", "run2", STARTED)
    assert known_documents(db) == {"bbbb": "a.txt"}
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select distinct document_id from raw.mentions").fetchall() == [
            ("bbbb",)
        ]


def test_finish_closes_the_run_row(tmp_path):
    db = tmp_path / "w.duckdb"
    stage(tmp_path / "run1", [])
    load_run(db, tmp_path / "run1", "run1", STARTED)
    finish_run(db, "run1", "success")
    with duckdb.connect(str(db), read_only=True) as con:
        state, finished = con.execute("select state, finished_at from raw.pipeline_runs").fetchone()
    assert state == "success" and finished is not None


def test_known_documents_of_a_missing_warehouse_is_empty(tmp_path):
    assert known_documents(tmp_path / "none.duckdb") == {}


def test_an_older_raw_table_gains_new_record_columns(tmp_path):
    db = tmp_path / "w.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema raw")
        con.execute("create table raw.events (event_id varchar, document_id varchar)")
    stage(tmp_path / "run1", [document("aaaa", "a.txt", "Ann Lee spoke.")])
    load_run(db, tmp_path / "run1", "run1", STARTED)
    with duckdb.connect(str(db), read_only=True) as con:
        columns = [r[0] for r in con.execute("describe raw.events").fetchall()]
    assert columns[:2] == ["event_id", "document_id"]
    assert {"cameo_code", "trigger_start_char", "evidence_end_char"} <= set(columns)


def test_a_deleted_input_keeps_its_rows_and_is_marked(tmp_path):
    db = tmp_path / "w.duckdb"
    stage(tmp_path / "run1", [document("aaaa", "a.txt", "Ann Lee spoke.")])
    load_run(db, tmp_path / "run1", "run1", STARTED)
    stage(tmp_path / "run2", [])
    summary = json.loads((tmp_path / "run2" / "intake" / "summary.json").read_text())
    summary["missing"] = ["a.txt"]
    (tmp_path / "run2" / "intake" / "summary.json").write_text(json.dumps(summary))
    load_run(db, tmp_path / "run2", "run2", STARTED)
    with duckdb.connect(str(db), read_only=True) as con:
        [(missing_since,)] = con.execute(
            "select source_missing_since from raw.documents"
        ).fetchall()
    assert missing_since is not None
    assert counts(db)["mentions"] == 1


def test_files_the_loader_creates_are_readable_by_duckdb_1_4(tmp_path):
    stage(tmp_path / "run1", [document("aaaa", "a.txt", "Ann Lee spoke.")])
    load_run(tmp_path / "loaded.duckdb", tmp_path / "run1", "run1", STARTED)
    record_failed_run(tmp_path / "failed.duckdb", "run2", STARTED, None)
    for name in ("loaded", "failed"):
        assert storage_version(tmp_path / f"{name}.duckdb") == "v1.4.0+"  # not 2.0's v2.0.0+
    assert counts(tmp_path / "failed.duckdb")["pipeline_runs"] == 1
