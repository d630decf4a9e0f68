"""Quoted passages found on the text, before any parsing.

Marks: straight double quotes, curly double quotes, and the typewriter pairs ``...''
and ''...'' (common in wire copy). Single quotes are not quote marks here: inside a
double-quoted passage they nest ("... 'Cut it out!'") and elsewhere they are far more
often apostrophes. Marks are paired within one paragraph (a line): a passage whose
closing mark is missing runs to the end of its paragraph, which is also how a quotation
over several paragraphs is written (each paragraph reopens the mark, only the last one
closes it). A closing curly mark typed where an opening one belongs (at a paragraph's
start or after a space, before a word) opens. Nothing here raises on unbalanced marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest first, so a typewriter pair is one mark.
_MARKS = re.compile(r"''|``|[\"“”„]")
_OPENING = frozenset({"“", "``", "„"})
_CLOSING = frozenset({"”"})
# Trimmed off a passage's edges: whitespace and the comma that hands over to the cue.
_EDGE_TRIM = " \t\u00a0,"


@dataclass(frozen=True)
class Quote:
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when unbalanced
    start: int  # content offsets: marks, edge whitespace and a trailing comma excluded
    end: int
    line_start: int
    line_end: int
    close_end: int | None = None  # offset just after the closing mark


def find_quotes(text: str) -> list[Quote]:
    """Double-quoted passages, paired within each line; an unclosed one runs to line end."""
    quotes: list[Quote] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        opened: re.Match[str] | None = None
        for mark in _MARKS.finditer(line):
            kind = mark.group()
            if opened is None:
                if kind not in _CLOSING or _mistyped_opener(line, mark):
                    opened = mark
                continue
            if kind in _OPENING:
                continue  # a nested or stray opener: keep the first
            quotes.append(_quote(text, line_start, opened, mark, line_end))
            opened = None
        if opened is not None:
            quotes.append(_quote(text, line_start, opened, None, line_end))
        line_start = line_end + 1
    return [q for q in quotes if q.end > q.start]


def _mistyped_opener(line: str, mark: re.Match[str]) -> bool:
    """A closing curly mark after a space or at a paragraph's start and before a word
    opens a quote: '”Fear. I am afraid…”' is a typing slip, common in reader comments."""
    before_ok = mark.start() == 0 or line[mark.start() - 1].isspace()
    return before_ok and line[mark.end() : mark.end() + 1].isalnum()


def _quote(
    text: str,
    line_start: int,
    opened: re.Match[str],
    closed: re.Match[str] | None,
    line_end: int,
) -> Quote:
    start = line_start + opened.end()
    end = line_start + closed.start() if closed is not None else line_end
    while start < end and text[start] in _EDGE_TRIM:
        start += 1
    while end > start and text[end - 1] in _EDGE_TRIM:
        end -= 1
    return Quote(
        open_mark=line_start + opened.start(),
        close_mark=line_start + closed.start() if closed is not None else None,
        start=start,
        end=end,
        line_start=line_start,
        line_end=line_end,
        close_end=line_start + closed.end() if closed is not None else None,
    )
