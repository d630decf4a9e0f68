"""A run's staging files written directly, without spaCy: the loader's test inputs."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from extractors.records import Actor, Document, Mention, SourceText
from extractors.warehouse.intake import Intake
from extractors.warehouse.staging import write_extraction, write_intake

STARTED = datetime(2026, 1, 1, 12, 0)


def document(doc_id: str, source_file: str, text: str) -> Document:
    return Document(doc_id, source_file, "T", None, None, None, text, 2, doc_id * 4, STARTED)


def extraction(doc: Document) -> SimpleNamespace:
    key = "person:ann lee"
    return SimpleNamespace(
        documents=[doc],
        actors=[Actor(doc.document_id, key, "Ann Lee", "person", None, None, 1)],
        mentions=[
            Mention(
                f"{doc.document_id}:m0", doc.document_id, key, 0, 0, 7, "Ann Lee", "PERSON", None
            )
        ],
        events=[],
        statements=[],
    )


def stage(run_dir, docs: list[Document], replaces=None, rejects=()) -> None:
    intake = Intake(
        to_extract=[
            SourceText(d.source_file, d.text, d.content_sha256, d.document_id, {}) for d in docs
        ],
        replaces=replaces or {},
        rejects=list(rejects),
        files_seen=len(docs) + len(rejects),
    )
    write_intake(run_dir, intake)
    for n, doc in enumerate(docs):
        write_extraction(run_dir / "batches" / f"{n:05d}", extraction(doc))
