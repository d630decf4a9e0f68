"""What an evidence page shows of one document: its highlighted spans and table rows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# span kinds, outermost first when two spans cover the same characters
QUOTE, SPEAKER, MENTION, TRIGGER = "quote", "speaker", "mention", "trigger"
_NESTING = {QUOTE: 0, SPEAKER: 1, MENTION: 2, TRIGGER: 3}
ACTOR_KINDS = ("person", "organization", "country", "location", "group")
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class Span:
    """A highlighted range of a document's text, [start, end) in Python characters."""

    start: int
    end: int
    kind: str  # QUOTE, SPEAKER, MENTION or TRIGGER
    css: str  # CSS classes of the mark
    label: str  # the visible label
    title: str  # the tooltip: every detail
    anchor: str | None = None  # HTML id of the span's first fragment

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _NESTING[self.kind])


@dataclass
class DocumentEvidence:
    document_id: str
    source_file: str
    title: str | None
    source_name: str | None
    published_date: object
    url: str | None
    text: str
    section: str | None = None
    spans: list[Span] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    actors: Counter = field(default_factory=Counter)  # actor_id -> mentions here
    n_mentions: int = 0
