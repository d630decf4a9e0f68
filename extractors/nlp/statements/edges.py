"""Where a statement's content begins and ends.

Content is cut from the parse as a token range; its edges are then cleaned the same way
whatever rule found it: a leading complementizer ("said that ...") and punctuation off
the token range, trailing punctuation and dashes off the characters.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Complementizers that open a reported clause; not part of what was said.
LEADING_MARKERS = frozenset({"that", "if", "whether"})
TRAILING_TRIM = " \t\n\u00a0,.;:—–-"
_LEADING_TRIM = " \t\n\u00a0,;:—–-"
MIN_CONTENT_TOKENS = 2


def trim_markers(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A token range without its leading complementizers and punctuation (an opening
    quote mark stays: the quotation starts there)."""
    while start < end and (doc[start].lower_ in LEADING_MARKERS or doc[start].is_punct):
        if doc[start].text in ('"', "“", "''", "``"):
            break
        start += 1
    return start, end


def char_range(doc: Doc, start: int, end: int, text: str) -> tuple[int, int]:
    """Character range of a token range, without edge punctuation and whitespace."""
    begin, finish = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    while finish > begin and text[finish - 1] in TRAILING_TRIM:
        finish -= 1
    while begin < finish and text[begin] in _LEADING_TRIM:
        begin += 1
    return begin, finish
