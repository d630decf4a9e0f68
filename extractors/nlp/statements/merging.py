"""All the statements of a doc, the rules' findings merged.

Direct quotes come first; indirect statements skip what they quote; a quoted sentence
with no cue of its own joins the statement before it in its paragraph; a "Name: ..."
line beats a cue-less guess on the same text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.nlp.actors import DocActors
from extractors.nlp.quotes import Quote
from extractors.nlp.statements.direct import find_direct
from extractors.nlp.statements.found import FoundStatement, overlaps
from extractors.nlp.statements.headlines import headline_speakers
from extractors.nlp.statements.indirect import find_indirect
from extractors.nlp.statements.token_index import TokenIndex


def _line_start(text: str, char: int) -> int:
    return text.rfind("\n", 0, char) + 1


def _sentence_quotes(
    text: str, found: list[FoundStatement], fragments: list[Quote]
) -> list[FoundStatement]:
    """A quoted sentence mid-paragraph with no cue of its own (""A" before the incident,
    she said. "B."") belongs to the statement before it in the paragraph: it extends that
    statement when its cue sits in between, else it is a new quote by the same speaker."""
    extra: list[FoundStatement] = []
    for quote in fragments:
        if any(quote.start < f.end and f.start < quote.end for f in found + extra):
            continue
        before = text[quote.line_start : quote.open_mark].rstrip()
        if not before or not before.endswith((".", "?", "!", '"', "”", "''")):
            continue
        earlier = [
            f
            for f in found + extra
            if f.end <= quote.open_mark
            and _line_start(text, f.start) == quote.line_start
            and f.speaker is not None
        ]
        if not earlier:
            continue
        previous = max(earlier, key=lambda f: f.end)
        cue = previous.cue
        if cue is not None and previous.end <= cue.idx < quote.open_mark:
            previous.end = quote.end
            if previous.kind == "indirect":
                previous.kind = "mixed"
        else:
            extra.append(FoundStatement(quote.start, quote.end, "direct", None, previous.speaker))
    return extra


def found_statements(doc: Doc, actors: DocActors, tokens: TokenIndex) -> list[FoundStatement]:
    """Every statement of the doc, unordered and unnumbered."""
    direct, fragments = find_direct(doc, actors, tokens)
    found = direct + find_indirect(doc, actors, direct, fragments, tokens)
    found += _sentence_quotes(tokens.text, found, fragments)
    # a "Name: ..." line names its speaker; it beats a cue-less guess on the same text
    headlines = headline_speakers(doc, actors, tokens)
    found = [f for f in found if f.cue is not None or not any(overlaps(f, h) for h in headlines)]
    found += [h for h in headlines if not any(overlaps(h, f) for f in found)]
    return found
