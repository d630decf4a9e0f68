"""Speakers named by layout rather than by a verb.

A line "Name: ..." (a headline "Carson: Cruz taking 'Benghazi' approach", or a transcript
line, also one that opens with a quote mark) is that name's statement, unless the name is
a label such as "Photo" or "Editor's note" (`extractors/lexicons/not_speakers.csv`). A
quote closed by a dash and a name (""..." ― Sonya Herridge") is that person's.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from extractors import lexicons
from extractors.nlp.actors import DocActors
from extractors.nlp.quotes import Quote
from extractors.nlp.statements.edges import TRAILING_TRIM
from extractors.nlp.statements.found import FoundStatement, Speaker
from extractors.nlp.statements.token_index import TokenIndex

# A transcript quoted paragraph by paragraph opens each line with a mark: '"PENCE: Well, ...'
_HEADLINE_SPEAKER = re.compile(
    r"^([\"“]?)([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S.{8,})$"
)
_BYLINE = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][\w.'’ -]{1,60}?)[ \t.]*(?:,[^\n]*)?$")


@cache
def not_speakers() -> frozenset[str]:
    """Labels that open a "Label: ..." line without naming a speaker ("Photo", "Update")."""
    return frozenset(row["label"].strip() for row in lexicons.rows("not_speakers"))


def headline_speakers(doc: Doc, actors: DocActors, tokens: TokenIndex) -> list[FoundStatement]:
    """ "Carson: Cruz taking 'Benghazi' approach" and transcript lines "Q: ...": a line
    that opens with a short capitalised name and a colon is that name's statement."""
    found = []
    line_start = 0
    text = tokens.text
    for line in text.split("\n"):
        match = _HEADLINE_SPEAKER.match(line)
        if match and match[2].lower() not in not_speakers() and not match[2][-1].isdigit():
            speaker = doc.char_span(
                line_start + match.start(2), line_start + match.end(2), alignment_mode="expand"
            )
            if speaker is not None and not any(t.pos_ in ("VERB", "AUX") for t in speaker):
                start = line_start + match.start(3)
                end = line_start + len(line.rstrip(TRAILING_TRIM + '"”'))
                content = text[start:end]
                kind = "direct" if match[1] or content[:1] in "\"“‘'" else "indirect"
                found.append(
                    FoundStatement(
                        start,
                        end,
                        kind,
                        None,
                        (speaker.start_char, speaker.end_char, actors.actor_of(speaker.root)),
                        line_start,
                    )
                )
        line_start += len(line) + 1
    return found


def byline_speaker(quote: Quote, doc: Doc, text: str, actors: DocActors) -> Speaker | None:
    """'"..." ― Sonya Herridge': a quote closed by a dash and a name (reader comments,
    epigraphs) is that person's statement."""
    if quote.close_end is None:
        return None
    match = _BYLINE.match(text, quote.close_end, quote.line_end)
    if not match:
        return None
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if name is None or len(name) > 6 or not all(t.text[:1].isupper() or t.is_punct for t in name):
        return None
    return name.start_char, name.end_char, actors.actor_of(name.root)
