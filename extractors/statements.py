"""Attributed statements: direct quotes, indirect speech, and mixed forms.

Direct quotes are found on the text (double quote marks, paired per line) and attributed
through a say-type cue right before ("X said: "...") or after (""...," said X) the quote.
A line that opens with a quote and has no cue continues the previous speaker. Indirect
speech is a cue verb with a subject and a clausal complement on the dependency parse;
one that contains a quoted fragment is "mixed".
"""

from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from extractors.actors import DocActors
from extractors.gazetteer import DATA_DIR
from extractors.records import Statement
from extractors.syntax import is_negated, subjects

OPEN_MARKS = frozenset('"“')
CLOSE_MARKS = frozenset('"”')
_COMPLEMENT_DEPS = frozenset({"dobj", "prep", "ccomp", "xcomp", "dative", "attr", "oprd"})
_LEADING_MARKERS = frozenset({"that", "if", "whether"})
_TRAILING_TRIM = " \t\n,.;:"
# How far (in tokens) a cue may sit after a closing quote mark.
_MAX_CUE_DISTANCE = 25


@cache
def cue_lexicon() -> dict[str, bool]:
    """Reporting-verb lemma -> whether its object (not only a clause) is the content."""
    with (DATA_DIR / "cues.csv").open(encoding="utf-8", newline="") as handle:
        return {row["lemma"]: row["takes_object"] == "1" for row in csv.DictReader(handle)}


@dataclass(frozen=True)
class Quote:
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when unbalanced
    start: int  # content offsets: marks, edge whitespace and a trailing comma excluded
    end: int
    line_start: int
    line_end: int


def find_quotes(text: str) -> list[Quote]:
    """Double-quoted passages, paired within each line; an unclosed one runs to line end."""
    quotes: list[Quote] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        opened: int | None = None
        for offset, char in enumerate(line):
            pos = line_start + offset
            if opened is None and char in OPEN_MARKS:
                opened = pos
            elif opened is not None and char in CLOSE_MARKS:
                quotes.append(_quote(text, opened, pos, line_start, line_end))
                opened = None
        if opened is not None:
            quotes.append(_quote(text, opened, None, line_start, line_end))
        line_start = line_end + 1
    return [q for q in quotes if q.end > q.start]


def _quote(text: str, opened: int, closed: int | None, line_start: int, line_end: int) -> Quote:
    start, end = opened + 1, closed if closed is not None else line_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return Quote(opened, closed, start, end, line_start, line_end)


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    cue: Token | None
    speaker: tuple[int, int, str | None] | None  # start_char, end_char, actor_key


class _Tokens:
    """Character offset -> token lookups on one doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, char: int) -> Token:
        return self.doc[max(0, bisect.bisect_right(self.starts, char) - 1)]

    def between(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return list(self.doc[lo:hi])


def _is_cue(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cue_lexicon()


def _noun_phrase(head: Token) -> tuple[int, int]:
    """Token range of a subject, cut before an apposition, relative clause or comma."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("appos", "punct", "relcl", "cc", "conj"):
            break
        end = child.right_edge.i + 1
    return head.left_edge.i, end


def _speaker(cue: Token, actors: DocActors) -> tuple[int, int, str | None] | None:
    heads = subjects(cue)
    if not heads:
        return None
    doc = cue.doc
    ranges = [_noun_phrase(s) for s in heads]
    start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
    key = None
    for subject in reversed(heads):
        key = actors.actor_of(subject)
        if key:
            break
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), key


def _cue_after(quote: Quote, text: str, tokens: _Tokens) -> Token | None:
    if quote.close_mark is None:
        return None
    after = text[quote.close_mark + 1 : quote.line_end]
    inner_end = text[quote.open_mark + 1 : quote.close_mark].rstrip()
    if not (after.lstrip().startswith(",") or inner_end.endswith((",", "?", "!"))):
        return None
    following = tokens.between(quote.close_mark + 1, quote.line_end)[:_MAX_CUE_DISTANCE]
    for token in following:
        if token.text in OPEN_MARKS:
            break
        if _is_cue(token):
            return token
    return None


def _cue_before(quote: Quote, text: str, tokens: _Tokens) -> Token | None:
    before = text[quote.line_start : quote.open_mark].rstrip()
    lead_start, lead_end = quote.line_start, quote.open_mark
    if not before:
        # 'X said:' closing the previous paragraph introduces a quote paragraph.
        previous = text[: max(quote.line_start - 1, 0)].rstrip()
        if not previous.endswith(":"):
            return None
        lead_start, lead_end = previous.rfind("\n") + 1, len(previous)
    elif not before.endswith((":", ",")):
        return None
    cues = [t for t in tokens.between(lead_start, lead_end) if _is_cue(t)]
    return cues[-1] if cues else None


def _complement(cue: Token) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports, or None."""
    takes_object = cue_lexicon().get(cue.lemma_.lower(), False)
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if takes_object and objects:
        start = objects[0].left_edge.i
        parts = [c for c in cue.rights if c.dep_ in _COMPLEMENT_DEPS and c.i >= objects[0].i]
        end = max(c.right_edge.i for c in parts) + 1
    elif clauses:
        clause = clauses[0]
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        if clause.i < cue.i:
            end = min(end, cue.i)
        else:
            start = max(start, cue.i + 1)
    else:
        return None
    doc = cue.doc
    while start < end and (doc[start].lower_ in _LEADING_MARKERS or doc[start].is_punct):
        start += 1
    return (start, end) if start < end else None


def _char_range(doc: Doc, start: int, end: int, text: str) -> tuple[int, int]:
    begin, finish = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    while finish > begin and text[finish - 1] in _TRAILING_TRIM:
        finish -= 1
    return begin, finish


def extract_statements(doc: Doc, actors: DocActors, document_id: str) -> list[Statement]:
    text = doc.text
    tokens = _Tokens(doc)
    found: list[_Found] = []
    fragments: list[Quote] = []
    used_cues: set[int] = set()
    last_direct: _Found | None = None

    for quote in find_quotes(text):
        cue = _cue_after(quote, text, tokens) or _cue_before(quote, text, tokens)
        if cue is not None:
            item = _Found(quote.start, quote.end, "direct", cue, _speaker(cue, actors))
            used_cues.add(cue.i)
        elif not text[quote.line_start : quote.open_mark].strip():
            speaker = last_direct.speaker if last_direct else None
            item = _Found(quote.start, quote.end, "direct", None, speaker)
        else:
            fragments.append(quote)
            continue
        found.append(item)
        last_direct = item

    direct_spans = [(f.start, f.end) for f in found]
    for token in doc:
        if token.i in used_cues or not _is_cue(token) or is_negated(token):
            continue
        if any(s <= token.idx < e for s, e in direct_spans):
            continue
        complement = _complement(token)
        speaker = _speaker(token, actors)
        if complement is None or speaker is None:
            continue
        start, end = _char_range(doc, *complement, text)
        if any(start < e and s < end for s, e in direct_spans):
            continue
        mixed = any(q.start < end and start < q.end for q in fragments)
        found.append(_Found(start, end, "mixed" if mixed else "indirect", token, speaker))

    sentence_starts = [s.start_char for s in doc.sents]
    statements: list[Statement] = []
    for n, item in enumerate(sorted(found, key=lambda f: (f.start, f.end))):
        speaker_start, speaker_end, key = item.speaker or (None, None, None)
        statements.append(
            Statement(
                statement_id=f"{document_id}:s{n}",
                document_id=document_id,
                sentence_index=bisect.bisect_right(sentence_starts, item.start) - 1,
                speaker_actor_key=key,
                speaker_text=text[speaker_start:speaker_end] if item.speaker else None,
                speaker_start_char=speaker_start,
                speaker_end_char=speaker_end,
                cue_text=item.cue.text if item.cue is not None else None,
                statement_kind=item.kind,
                content=text[item.start : item.end],
                content_start_char=item.start,
                content_end_char=item.end,
                statement_date=None,
            )
        )
    return statements
