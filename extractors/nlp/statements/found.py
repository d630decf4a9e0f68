"""A statement as the rules find it, before it is numbered, dated and made a record.

Each rule (direct quotes, indirect speech, headline speakers) yields these; later rules
extend or drop earlier ones, so the record is mutable and keeps its cue token and quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from extractors.nlp.quotes import Quote

# A speaker's start_char, end_char and actor_key (None when no actor was resolved).
Speaker = tuple[int, int, str | None]


@dataclass
class FoundStatement:
    start: int
    end: int
    kind: str  # "direct", "indirect" or "mixed"
    cue: Token | None
    speaker: Speaker | None
    line_start: int = -1
    quotes: list[Quote] = field(default_factory=list)


def overlaps(a: FoundStatement, b: FoundStatement) -> bool:
    """The two statements share some text."""
    return a.start < b.end and b.start < a.end
