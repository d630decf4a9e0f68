"""Character offsets to tokens on one doc, fast.

Statements are found on the text (quote marks, lines) and on the parse (cues, clauses);
this index goes from one to the other. It reads spaCy's columns once instead of building
a Token object per token, which was the statement step's main cost.
"""

from __future__ import annotations

import bisect

from spacy.attrs import IDX, LEMMA, LOWER, SENT_START
from spacy.tokens import Doc, Token

from extractors.nlp.statements.cues import cue_frames
from extractors.nlp.syntax import doc_text


class TokenIndex:
    """Character offset -> token lookups on one doc, and its text read once (spaCy
    rebuilds `Doc.text` from the tokens on every access)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        # columns, not Token objects: building one per token was the step's main cost
        columns = doc.to_array([IDX, LEMMA, LOWER, SENT_START])
        self.starts: list[int] = columns[:, 0].tolist()
        self.lemmas: list[int] = columns[:, 1].tolist()
        self.lowers: list[int] = columns[:, 2].tolist()
        opens = columns[:, 3] == 1  # picked by numpy: a loop over every token cost more
        opens[:1] = True  # the first token opens one whatever its flag
        self.sentence_starts: list[int] = columns[opens, 0].tolist()

    def at(self, char: int) -> Token | None:
        """The token that starts at a character offset."""
        found = self.between(char, char + 1)
        return found[0] if found else None

    def indices_within(self, spans: list[tuple[int, int]]) -> set[int]:
        """Indices of the tokens that start inside any of the character spans."""
        inside: set[int] = set()
        for start, end in spans:
            lo = bisect.bisect_left(self.starts, start)
            inside.update(range(lo, bisect.bisect_left(self.starts, end)))
        return inside

    def candidate_cues(self) -> list[int]:
        """Indices of the tokens that may open a statement: a cue lemma, "according"
        or "in" (see `attributions`)."""
        strings = self.doc.vocab.strings
        frames = cue_frames()
        lemmas = {h for h in set(self.lemmas) if strings[h].lower() in frames}
        lowers = {strings["according"], strings["in"]}
        return [
            n
            for n, (lemma, lower) in enumerate(zip(self.lemmas, self.lowers, strict=True))
            if lemma in lemmas or lower in lowers
        ]

    def between(self, start: int, end: int) -> list[Token]:
        """The tokens that start inside a character range."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return list(self.doc[lo:hi])
