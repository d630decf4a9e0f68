"""Typed records that extraction produces and the warehouse loads.

Each dataclass is one staging table: the extract step writes one Parquet file per
table per batch, and the loader copies them into DuckDB schema ``raw`` under the
table name given by ``TABLE``. Field order is column order.

Offsets are 0-based, end-exclusive Python character offsets into ``Document.text``.
Actors are referenced by ``actor_key``: a stable, cross-document key
(``<kind>:<normalised name>``) that dbt hashes into ``actor_id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime


@dataclass(frozen=True)
class SourceText:
    """A decoded input file, ready for extraction (not a staging table)."""

    source_file: str  # path relative to the input folder
    raw_text: str  # decoded file contents
    content_sha256: str  # sha256 hex of the file bytes
    document_id: str  # content_sha256[:16]
    sidecar: dict  # from metadata.read_sidecar (may be empty)


@dataclass(frozen=True)
class Document:
    TABLE = "documents"
    document_id: str
    source_file: str
    title: str | None
    source_name: str | None
    published_date: date | None
    url: str | None
    text: str
    n_words: int
    content_sha256: str
    extracted_at: datetime
    # where published_date came from: 'sidecar', 'dateline', 'file_name' (publication.py)
    published_date_source: str | None = None
    # the sidecar's "section"; null without one (dbt falls back on the input's folder)
    section: str | None = None


@dataclass(frozen=True)
class Actor:
    """One resolved entity within one document (a cluster of mentions)."""

    TABLE = "actors"
    document_id: str
    actor_key: str
    canonical_name: str
    actor_kind: str
    country_code: str | None
    sector: str | None
    n_mentions: int
    # new columns go last; the loader adds them in place
    cameo_actor_code: str | None = None  # "IRQGOV", "IGOUNO" (nlp/actors/codes)


@dataclass(frozen=True)
class Mention:
    TABLE = "mentions"
    mention_id: str
    document_id: str
    actor_key: str
    sentence_index: int
    start_char: int
    end_char: int
    mention_text: str
    ner_label: str | None
    role: str | None


@dataclass(frozen=True)
class Event:
    TABLE = "events"
    event_id: str
    document_id: str
    sentence_index: int
    source_actor_key: str | None
    target_actor_key: str | None
    cameo_code: str
    trigger_text: str
    trigger_start_char: int
    trigger_end_char: int
    is_negated: bool
    event_date: date | None
    location_actor_key: str | None
    evidence_start_char: int
    evidence_end_char: int
    # Added by the event coder (new columns go last; the loader adds them in place).
    is_hypothetical: bool = False  # modal, conditional, intended or requested
    source_country_code: str | None = None  # the source's country, or where it acted
    target_country_code: str | None = None  # the target's country, or where it was hit
    # the time expression that gives event_date (dates.clause_time); None when undated
    event_date_start_char: int | None = None
    event_date_end_char: int | None = None
    # the CAMEO codes of source and target in this document ("USAMIL"), else their country
    source_actor_code: str | None = None
    target_actor_code: str | None = None


@dataclass(frozen=True)
class Statement:
    TABLE = "statements"
    statement_id: str
    document_id: str
    sentence_index: int
    speaker_actor_key: str | None
    speaker_text: str | None
    speaker_start_char: int | None
    speaker_end_char: int | None
    cue_text: str | None
    statement_kind: str
    content: str
    content_start_char: int
    content_end_char: int
    statement_date: date | None  # from the statement's own time expression ("said on Monday")
    statement_date_start_char: int | None = None  # that expression's span; None when undated
    statement_date_end_char: int | None = None


@dataclass(frozen=True)
class Reject:
    """An input file that was not loaded, and why (reason codes per the contract)."""

    TABLE = "rejects"
    source_file: str
    reason: str
    detail: str
    run_id: str
    rejected_at: datetime
    # reason "duplicate": the document_id of the loaded file with the same bytes (new
    # columns go last; the loader adds them in place)
    duplicate_of: str | None = None


RECORD_TYPES = (Document, Actor, Mention, Event, Statement, Reject)
# what extraction yields per document, one staging table each
EXTRACTED_TABLES = tuple(t.TABLE for t in (Document, Actor, Mention, Event, Statement))


def utc_now() -> datetime:
    """Records' timestamps: UTC without a zone, as the warehouse's ``timestamp`` columns
    (DuckDB's, and Arrow's ``timestamp("us")`` in staging) hold them."""
    return datetime.now(UTC).replace(tzinfo=None)
