"""The single extraction entry point: source texts in, typed records out.

Each text is cleaned, all texts are parsed in one `nlp.pipe` pass (never twice), and
every parsed doc yields its document, actors, mentions, events and statements. IDs are
derived from the document id and positions, so reruns give identical IDs.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from extractors.nlp.actors import extract_actors
from extractors.nlp.cleaning import CleanText, clean
from extractors.nlp.events import extract_events
from extractors.nlp.long_texts import split_for_parsing
from extractors.nlp.publication import dateline_agency, publication
from extractors.nlp.statements import extract_statements
from extractors.nlp.syntax import remember_text
from extractors.records import (
    EXTRACTED_TABLES,
    Actor,
    Document,
    Event,
    Mention,
    Reject,
    SourceText,
    Statement,
    utc_now,
)

# SourceText lives with the records (intake and staging build it); re-exported here.
__all__ = [
    "PIPE_BATCH_SIZE",
    "Extraction",
    "pipe_layout",
    "SourceText",
    "extract",
    "extract_chunks",
    "extract_doc",
]

log = logging.getLogger(__name__)

# texts per nlp.pipe batch: spaCy's own default; run_steps.pipe_layout uses fewer to
# spread a small batch over its workers
PIPE_BATCH_SIZE = 32


@dataclass(frozen=True)
class ExtractionFailure:
    source_file: str
    detail: str


@dataclass
class Extraction:
    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    failures: list[ExtractionFailure] = field(default_factory=list)


# A batch has one spaCy worker per this many documents at most. Each worker is forked
# from this process with the model loaded, so even a few texts gain (BBC texts, one
# process -> two workers, medians of 3: 4 texts 0.35 -> 0.32 s, 8 texts 0.70 -> 0.52 s,
# 16 texts 1.42 -> 0.95 s, 22 texts 1.94 -> 1.17 s)
DOCUMENTS_PER_WORKER = 4


def pipe_layout(n_documents: int, max_workers: int) -> tuple[int, int]:
    """spaCy worker processes and texts per spaCy batch for ``n_documents`` texts.

    At most ``max_workers``: one where extract tasks already run in parallel (an Airflow
    executor), one per core where they do not (make run's dag.test, the CLI). spaCy deals
    whole batches to its workers in turn, so a batch is at most one worker's share: 22
    texts in one batch of 32 went to a single worker."""
    n_process = min(max_workers, max(1, n_documents // DOCUMENTS_PER_WORKER))
    return n_process, max(1, min(PIPE_BATCH_SIZE, -(-n_documents // n_process)))


def count_words(doc: Doc) -> int:
    """Tokens that are neither space nor punctuation, counted on spaCy's flag arrays."""
    flags = doc.to_array([IS_SPACE, IS_PUNCT])
    return int((flags.sum(axis=1) == 0).sum())


def _document(source: SourceText, cleaned: CleanText, doc: Doc, now: datetime) -> Document:
    meta = source.sidecar  # the sidecar overrides what the text yields
    published = publication(source.source_file, cleaned.text, meta)
    return Document(
        document_id=source.document_id,
        source_file=source.source_file,
        title=meta.get("title") or cleaned.title,
        source_name=(
            meta.get("source_name") or cleaned.source_name or dateline_agency(cleaned.text)
        ),
        published_date=published.date,
        url=meta.get("url"),
        text=cleaned.text,
        n_words=count_words(doc),
        content_sha256=source.content_sha256,
        extracted_at=now,
        published_date_source=published.source,
        section=meta.get("section"),
    )


def extract_doc(source: SourceText, cleaned: CleanText, doc: Doc, out: Extraction) -> None:
    """Append the records of one parsed document to `out`."""
    remember_text(doc, cleaned.text)  # what nlp parsed
    now = utc_now()
    document_id = source.document_id
    out.documents.append(_document(source, cleaned, doc, now))
    published = out.documents[-1].published_date
    resolved = extract_actors(doc, published)
    out.actors.extend(
        Actor(
            document_id=document_id,
            actor_key=info.key,
            canonical_name=info.canonical_name,
            actor_kind=info.kind,
            country_code=info.country_code,
            sector=info.sector,
            n_mentions=info.n_mentions,
            cameo_actor_code=info.cameo_actor_code,
        )
        for info in resolved.actors.values()
    )
    out.mentions.extend(
        Mention(
            mention_id=f"{document_id}:m{n}",
            document_id=document_id,
            actor_key=m.actor_key,
            sentence_index=m.sentence_index,
            start_char=m.start_char,
            end_char=m.end_char,
            mention_text=m.text,
            ner_label=m.ner_label,
            role=m.role,
        )
        for n, m in enumerate(resolved.mentions)
    )
    out.events.extend(extract_events(doc, resolved, document_id, published))
    out.statements.extend(extract_statements(doc, resolved, document_id, published))


def failure_rejects(failures: list[ExtractionFailure], run_id: str) -> list[Reject]:
    now = utc_now()
    return [Reject(f.source_file, "extract_error", f.detail, run_id, now) for f in failures]


def join_pieces(parts: list[Doc]) -> Doc:
    """One doc of a long text's pieces; their texts concatenate to the text exactly."""
    # spaCy's stub omits from_docs's `exclude` (in spaCy since 3.3)
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]


def extract_isolated(source: SourceText, cleaned: CleanText, doc: Doc, out: Extraction) -> None:
    """extract_doc, but a document whose extraction raises costs only itself: its records
    are dropped whole and it is listed in ``out.failures`` (an ``extract_error`` reject)."""
    mine = Extraction()
    try:
        extract_doc(source, cleaned, doc, mine)
    except Exception as error:  # any bug in an extractor, on one text
        log.exception("extraction failed on %s", source.source_file)
        out.failures.append(
            ExtractionFailure(source.source_file, f"{type(error).__name__}: {error}")
        )
        return
    for name in EXTRACTED_TABLES:
        getattr(out, name).extend(getattr(mine, name))


def extract_chunks(
    nlp: Language,
    sources: Iterable[SourceText],
    *,
    chunk_size: float = 200,
    batch_size: int = PIPE_BATCH_SIZE,
    n_process: int = 1,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[Extraction]:
    """The records of every `chunk_size` documents, yielded as they are done, so a caller
    that writes them away keeps memory flat however large the input. One `nlp.pipe`
    pass over all sources (worker processes start once); `on_document` hears of each
    finished document (progress reporting)."""
    out = Extraction()

    def prepared() -> Iterable[tuple[str, tuple[SourceText, CleanText, int]]]:
        for source in sources:
            cleaned = clean(source.raw_text)
            pieces = split_for_parsing(cleaned.text)
            for piece in pieces:
                yield piece, (source, cleaned, len(pieces))

    parts: list[Doc] = []  # the parsed pieces of a long text, in order (nlp.pipe keeps it)
    for doc, (source, cleaned, n_pieces) in nlp.pipe(
        prepared(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        parts.append(doc)
        if len(parts) < n_pieces:
            continue
        whole = parts[0] if n_pieces == 1 else join_pieces(parts)
        parts = []
        extract_isolated(source, cleaned, whole, out)
        if on_document is not None and out.documents[-1:]:
            on_document(out.documents[-1])
        if len(out.documents) + len(out.failures) >= chunk_size:
            yield out
            out = Extraction()
    if out.documents or out.failures:
        yield out


def extract(
    nlp: Language,
    sources: Iterable[SourceText],
    *,
    batch_size: int = PIPE_BATCH_SIZE,
    n_process: int = 1,
    on_document: Callable[[Document], None] | None = None,
) -> Extraction:
    """All records of `sources` at once: for one batch, or a single text."""
    chunks = extract_chunks(
        nlp,
        sources,
        chunk_size=math.inf,
        batch_size=batch_size,
        n_process=n_process,
        on_document=on_document,
    )
    return next(chunks, Extraction())
