"""What the run's steps hand each other through Airflow's XCom, as typed dicts.

XCom carries JSON, so the payloads stay plain dicts at run time; these types say which
keys each one has, and mypy checks every producer and reader against them."""

from __future__ import annotations

from typing import TypedDict


class Batch(TypedDict):
    """Rows start..stop of the run's intake, the n-th of the mapped extract tasks."""

    batch: int
    start: int
    stop: int
    total: int


class BatchResult(TypedDict):
    documents: int
    words: int
    seconds: float


class IntakeSummary(TypedDict):
    """What plan found: counts, and which documents replace or lost their file."""

    files_seen: int
    documents_new: int
    documents_changed: int
    documents_unchanged: int
    files_rejected: int
    replaces: dict[str, str]  # new document_id -> the id of its file's old version
    missing: list[str]  # source files gone since the last run
    note: str | None  # what healing did to the published file, if anything


class LoadSummary(IntakeSummary):
    documents_loaded: int
