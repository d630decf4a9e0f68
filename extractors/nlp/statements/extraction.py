"""Statement records of one doc: the statements found, in text order, numbered and dated.

A statement is dated by a time expression on its cue verb ("said on Thursday"), never by
one inside what was said.
"""

from __future__ import annotations

import bisect
from datetime import date

from spacy.tokens import Doc

from extractors.nlp.actors import DocActors
from extractors.nlp.dates import TimeExpression, clause_time
from extractors.nlp.statements.found import FoundStatement
from extractors.nlp.statements.merging import found_statements
from extractors.nlp.statements.token_index import TokenIndex
from extractors.records import Statement


def _said_when(item: FoundStatement, published: date | None) -> TimeExpression | None:
    """The statement's own time expression: one on its cue verb ("said on Thursday",
    "told reporters yesterday"), not one inside what was said ("blames the invasion in
    2003")."""
    if item.cue is None or item.cue.pos_ not in ("VERB", "AUX"):
        return None
    when = clause_time(item.cue, published)
    if when is None or (item.start <= when.start_char and when.end_char <= item.end):
        return None
    return when


def extract_statements(
    doc: Doc, actors: DocActors, document_id: str, published: date | None = None
) -> list[Statement]:
    """The attributed statements of a parsed doc, numbered in text order."""
    tokens = TokenIndex(doc)
    text = tokens.text
    found = found_statements(doc, actors, tokens)

    sentence_starts = tokens.sentence_starts
    statements: list[Statement] = []
    for n, item in enumerate(sorted(found, key=lambda f: (f.start, f.end))):
        speaker_start, speaker_end, key = item.speaker or (None, None, None)
        cue_text = None
        if item.cue is not None:
            cue_text = {"according": "according to", "in": "in"}.get(item.cue.lower_, item.cue.text)
        when = _said_when(item, published)
        statements.append(
            Statement(
                statement_id=f"{document_id}:s{n}",
                document_id=document_id,
                sentence_index=max(0, bisect.bisect_right(sentence_starts, item.start) - 1),
                speaker_actor_key=key,
                speaker_text=text[speaker_start:speaker_end] if item.speaker else None,
                speaker_start_char=speaker_start,
                speaker_end_char=speaker_end,
                cue_text=cue_text,
                statement_kind=item.kind,
                content=text[item.start : item.end],
                content_start_char=item.start,
                content_end_char=item.end,
                statement_date=when.date if when else None,
                statement_date_start_char=when.start_char if when else None,
                statement_date_end_char=when.end_char if when else None,
            )
        )
    return statements
