"""A PETRARCH discards list: phrases that mark a sentence (or, with `+`, a whole story)
as outside politics (sports, games, awards, historical chronologies), so nothing in it
is coded as an event. With our own rules a game's score ("26-21") marks one too.

A phrase matches at the start of a word, case-insensitively, blanks standing for any
whitespace; it is a stem ("BASEBALL" matches "baseballs") unless it ends with `_`, when
the word must end there too.

Dates are not read as discards: bare years ("1914" ... "2010" in Phoenix's list) and
relative times ("MONTHS AGO", "WEEKS LATER"). They keep chronologies out of Phoenix, but
they also drop every sentence that dates its event ("the invasion in 2003", "a curfew
imposed six months ago"); the event's own date (`extractors.nlp.dates`) says when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_NEVER = re.compile(r"(?!x)x")


@dataclass(frozen=True)
class Discards:
    sentence: re.Pattern[str]
    story: re.Pattern[str]

    @classmethod
    def empty(cls) -> Discards:
        return cls(_NEVER, _NEVER)

    def discards_story(self, text: str) -> str | None:
        match = self.story.search(text)
        return match.group() if match else None

    def sentence_hits(self, text: str) -> list[int]:
        """Where a sentence discard starts in `text`, for a caller that asks of each
        sentence whether one falls inside it (one pass over a document, not one per
        sentence)."""
        return [m.start() for m in self.sentence.finditer(text)]


def _regex(phrases: list[str]) -> re.Pattern[str]:
    """Longer phrases first, grouped by their first letter: "(?:b(?:aseball|oxing)|...)".

    re tries every branch of an alternation at every word start (ignoring case, it has
    no quick first-letter test), so a flat list of some 400 phrases took 2.6 ms a BBC
    article, a fifth of extraction's own time. Only phrases of the same first letter can match at a
    place, and within a group they keep their order, so the matches are the same."""
    if not phrases:
        return _NEVER
    groups: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        whole_word = phrase.endswith("_")
        words = phrase.rstrip("_").split()
        body = r"\s+".join([re.escape(words[0][1:]), *map(re.escape, words[1:])])
        groups.setdefault(phrase[0].lower(), []).append(body + (r"(?![\w])" if whole_word else ""))
    branches = [re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in groups.items()]
    return re.compile(r"(?<![\w])(?:" + "|".join(branches) + ")", re.IGNORECASE)


def _is_date(phrase: str) -> bool:
    return phrase.isdigit() or phrase.upper().endswith((" AGO", " LATER"))


# a game's score ("beat Fiji 26-21", "won 7-5 6-4", "beaten 5-0"): a sports result;
# not an age band or a span of time ("18-25 year olds", "a 10-12 week wait")
GAME_SCORE = (
    r"(?<![\w.,£$€-])\d{1,2}-\d{1,2}(?![\w-])(?!\s*(?:years?|months?|weeks?|days?|hours?|per|%))"
)


def load_discards(*paths: Path, scores: bool = False) -> Discards:
    """The discards of every file, as one list; with `scores`, a game's score marks a
    sentence too."""
    sentence: list[str] = []
    story: list[str] = []
    lines = [
        raw
        for path in paths
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    for raw in lines:
        line = raw.split("#", 1)[0].split(";", 1)[0].strip()
        if not line or line.startswith("<") or _is_date(line.lstrip("+")):
            continue
        if line.startswith("+"):
            story.append(line[1:].strip())
        else:
            sentence.append(line)
    phrases = _regex(sentence)
    if scores:
        phrases = re.compile(f"{phrases.pattern}|{GAME_SCORE}", phrases.flags)
    return Discards(phrases, _regex(story))
