"""Rows of the marts turned into what a page shows: spans over the text, table rows.

A span whose offsets do not fit the text is left out of the marked text; its row still
appears in the page's tables.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from extractors.tools.evidence.queries import (
    ACTORS_SQL,
    ALL_DOCUMENTS,
    DOCUMENTS_SQL,
    EVENTS_SQL,
    MENTIONS_SQL,
    ONLY_IDS,
    STATEMENTS_SQL,
    fetch_rows,
)
from extractors.tools.evidence.spans import (
    ACTOR_KINDS,
    MENTION,
    QUAD_CLASSES,
    QUOTE,
    SPEAKER,
    TRIGGER,
    DocumentEvidence,
    Span,
)


def read_evidence(
    db_path: Path, document_ids: list[str] | None = None
) -> tuple[list[DocumentEvidence], dict[str, dict]]:
    """Documents (all, or those of document_ids) with their spans and tables, from the
    marts (read-only)."""
    import duckdb

    def rows(sql: str) -> list[dict]:
        if document_ids is None:
            return fetch_rows(con, sql.format(where=ALL_DOCUMENTS))
        return fetch_rows(con, sql.format(where=ONLY_IDS), {"ids": document_ids})

    with duckdb.connect(str(db_path), read_only=True) as con:
        documents = rows(DOCUMENTS_SQL)
        actors = {row["actor_id"]: row for row in fetch_rows(con, ACTORS_SQL)}
        by_document: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for table, sql in (
            ("mentions", MENTIONS_SQL),
            ("events", EVENTS_SQL),
            ("statements", STATEMENTS_SQL),
        ):
            for row in rows(sql):
                by_document[row["document_id"]][table].append(row)

    evidence = []
    for row in documents:
        doc = DocumentEvidence(**row)
        tables = by_document.get(doc.document_id, {})
        _add_mentions(doc, tables.get("mentions", []), actors)
        _add_events(doc, tables.get("events", []), actors)
        _add_statements(doc, tables.get("statements", []), actors)
        evidence.append(doc)
    return evidence, actors


def _valid(start: object, end: object, text: str) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def _actor_name(actors: dict[str, dict], actor_id: str | None, fallback: str = "?") -> str:
    if actor_id and actor_id in actors:
        return actors[actor_id]["canonical_name"]
    return fallback


def _add_mentions(doc: DocumentEvidence, mentions: list[dict], actors: dict) -> None:
    for m in mentions:
        doc.n_mentions += 1
        doc.actors[m["actor_id"]] += 1
        if not _valid(m["start_char"], m["end_char"], doc.text):
            continue
        actor = actors.get(m["actor_id"], {})
        kind = actor.get("actor_kind") or "unknown"
        name = actor.get("canonical_name") or m["mention_text"]
        code = actor.get("cameo_actor_code")
        details = [
            f"{name} ({kind})",
            f"actor_id {m['actor_id']}, CAMEO actor code {code or '-'}",
            f"country {actor.get('country_code') or '-'}, sector {actor.get('sector') or '-'}",
        ]
        if m["role"]:
            details.append(f"role: {m['role']}")
        doc.spans.append(
            Span(
                m["start_char"],
                m["end_char"],
                MENTION,
                f"ent ent-{kind if kind in ACTOR_KINDS else 'unknown'}",
                f"{kind.upper()} · {name}" + (f" · {code}" if code else ""),
                "\n".join(details),
                anchor=f"m-{m['mention_id']}",
            )
        )


def _add_events(doc: DocumentEvidence, events: list[dict], actors: dict) -> None:
    for ev in events:
        source = _actor_name(actors, ev["source_actor_id"], "—")
        target = _actor_name(actors, ev["target_actor_id"], "—")
        quad = ev["quad_class"]
        negated = " (negated)" if ev["is_negated"] else ""
        summary = f"{ev['cameo_code']} {ev['event_name'] or 'unknown CAMEO code'}{negated}"
        # the codes are the event's own (as of its document), and a side with no actor may
        # still have one (the country the event is attributed to)
        codes = [ev["source_actor_code"], ev["target_actor_code"]]
        dyad = " · {} → {}".format(*(c or "—" for c in codes)) if any(codes) else ""
        doc.events.append({**ev, "source": source, "target": target, "summary": summary})
        if not _valid(ev["trigger_start_char"], ev["trigger_end_char"], doc.text):
            continue
        quad_css = f"quad-{quad}" if quad in QUAD_CLASSES else "quad-unknown"
        details = [
            f"CAMEO {summary}",
            f"{source} → {target}{dyad}",
            f"quad class {quad} ({QUAD_CLASSES.get(quad, 'unknown')}), Goldstein {ev['goldstein']}",
            f"event_id {ev['event_id']}",
        ]
        doc.spans.append(
            Span(
                ev["trigger_start_char"],
                ev["trigger_end_char"],
                TRIGGER,
                f"trigger {quad_css}" + (" negated" if ev["is_negated"] else ""),
                f"CAMEO {ev['cameo_code']} · {source} → {target}{dyad}",
                "\n".join(details),
                anchor=f"e-{ev['event_id']}",
            )
        )


def _add_statements(doc: DocumentEvidence, statements: list[dict], actors: dict) -> None:
    speaker_ranges: set[tuple[int, int]] = set()
    for st in statements:
        speaker = _actor_name(actors, st["speaker_actor_id"], st["speaker_text"] or "unknown")
        doc.statements.append({**st, "speaker": speaker})
        if _valid(st["content_start_char"], st["content_end_char"], doc.text):
            details = [
                f"{st['statement_kind']} statement by {speaker}",
                f"cue: {st['cue_text'] or '-'}",
                f"statement_id {st['statement_id']}",
            ]
            if st["speaker_actor_id"]:
                details.append(f"speaker actor_id {st['speaker_actor_id']}")
            doc.spans.append(
                Span(
                    st["content_start_char"],
                    st["content_end_char"],
                    QUOTE,
                    f"quote quote-{st['statement_kind']}",
                    f"QUOTE · {speaker} ({st['statement_kind']})",
                    "\n".join(details),
                    anchor=f"s-{st['statement_id']}",
                )
            )
        speaker_range = (st["speaker_start_char"], st["speaker_end_char"])
        if _valid(*speaker_range, doc.text) and speaker_range not in speaker_ranges:
            speaker_ranges.add(speaker_range)  # one speaker span may introduce several quotes
            doc.spans.append(
                Span(
                    st["speaker_start_char"],
                    st["speaker_end_char"],
                    SPEAKER,
                    "speaker",
                    f"SPEAKER · {speaker}",
                    f"speaker of {st['statement_id']}: {speaker}",
                )
            )
