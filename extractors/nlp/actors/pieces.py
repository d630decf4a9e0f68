"""Where one NER entity is really several names, or runs past a name's end.

A small model joins what the text keeps apart: across a spaced dash ("John Prescott -
were"), across a line break (a heading's "Blunkett" and the next line's "Sheffield"), and
two names with no punctuation between them ("Tanzania Mr Brown", "Foreign Policy
Centre Mr Straw"). The entity is cut at each of these; a piece that starts with an
honorific is a person whatever the entity's label, and lower-case words trailing a
person's name ("Howard - can") are dropped.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.nlp.actors.names import honorific_length

_DASHES = frozenset({"-", "–", "—", "--"})


def _cut_before(token: Token) -> bool:
    """A line break or a spaced dash separates this token from the one before."""
    before = token.doc[token.i - 1]
    return "\n" in before.whitespace_ or token.is_space or before.is_space


def entity_pieces(ent: Span) -> list[tuple[Span, str]]:
    """The names `ent` holds, each with the label it should carry."""
    doc = ent.doc
    bounds: list[tuple[int, int]] = []
    start = ent.start
    for i in range(ent.start + 1, ent.end):
        token = doc[i]
        spaced_dash = token.text in _DASHES and bool(token.whitespace_)
        if _cut_before(token) or spaced_dash or (i > start and honorific_length(ent, i)):
            bounds.append((start, i))
            start = i + 1 if spaced_dash or token.is_space else i
    bounds.append((start, ent.end))
    pieces = []
    for first, end in bounds:
        while first < end and (doc[first].is_space or doc[first].text in _DASHES):
            first += 1
        label = "PERSON" if first < end and honorific_length(ent, first) else ent.label_
        if label == "PERSON":
            while end > first and doc[end - 1].is_lower:
                end -= 1
        if first < end:
            pieces.append((Span(doc, first, end, label=label), label))
    return pieces
