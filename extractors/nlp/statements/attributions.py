"""Attributions without a reporting verb: "according to X" and "In a <poll> ...".

"according to X" attributes its clause to X; a sentence-initial "In a <poll/statement...>"
(`extractors/lexicons/source_nouns.csv`) the rest of a cue-less sentence to the poll.
Each returns the source's head token and the content's token range.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extractors import lexicons
from extractors.nlp.statements.cues import is_cue
from extractors.nlp.statements.edges import trim_markers


@cache
def source_nouns() -> frozenset[str]:
    """Nouns that name where a claim comes from: "In a Des Moines Register poll, ..." """
    return frozenset(row["lemma"].strip() for row in lexicons.rows("source_nouns"))


def according_to(token: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "..., according to X" / "According to X, ...": (X's head, content token range)."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = token.sent
    phrase = {t.i for t in token.subtree}
    first, last = min(phrase), max(phrase)
    words = [t for t in sent if t.i not in phrase and not (t.is_punct or t.is_space)]
    before = [t for t in words if t.i < first]
    after = [t for t in words if t.i > last]
    side = after if len(after) >= len(before) else before
    if len(side) < 3:
        return None
    return source, trim_markers(token.doc, side[0].i, side[-1].i + 1)


def in_source(token: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "In a Des Moines Register poll last month, Mr. Cruz had a lead": a sentence-initial
    "in <poll/survey/statement...>" attributes the rest of a cue-less sentence."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in source_nouns():
        return None
    sent = token.sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or words[0].i != token.i or any(is_cue(t) for t in sent):
        return None
    last = max(t.i for t in token.subtree)
    rest = [t for t in words if t.i > last]
    if len(rest) < 3:
        return None
    return source, trim_markers(token.doc, rest[0].i, rest[-1].i + 1)
