"""Temporal expressions of a clause, resolved to a calendar date.

Explicit dates ("April 24, 2008", "24 April 2008", "2008-04-24") resolve on their own.
Everything relative ("on Wednesday", "yesterday", "last week", "in late March",
"this month") needs the document's publication date and resolves to None without it.

Periods resolve to their first day ("last week" -> the Monday of last week, "in March"
-> March 1; "early/mid/late March" -> the 1st/11th/21st), so that an analyst can group
by week or month without guessing. A bare weekday is the most recent such day on or
before publication ("on Wednesday" in a Thursday story is yesterday), or the next one
when the clause is in the future tense ("will meet on Friday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"


def calendar_forms(*, year_required: bool) -> tuple[str, ...]:
    """Regex texts of a calendar date, "April 24, 2008", "24th of April 2008" or
    "2008-04-24", in groups month (a name, any case) or month_n, day and year; the year
    may be left out unless `year_required`."""
    year = rf",?\s+{_YEAR}" if year_required else rf"(?:,?\s+{_YEAR})?"
    return (
        rf"(?i:\b{_MONTH}\s+{_DAY}{year})\b",
        rf"(?i:\b{_DAY}\s+(?:of\s+)?{_MONTH}{year})\b",
        rf"\b{_YEAR}(?P<sep>[-/.])(?P<month_n>\d{{2}})(?P=sep)(?P<day>\d{{2}})(?!\d)",
    )


_EXPLICIT = tuple(re.compile(form) for form in calendar_forms(year_required=False))
_MONTH_ONLY = re.compile(
    r"\b(?:(?P<part>early|mid|late|end of|beginning of|middle of)[\s-]+)?"
    + _MONTH
    + r"(?:,?\s+"
    + _YEAR
    + r")?\b",
    re.I,
)
_YEAR_ONLY = re.compile(r"^(?:in\s+)?" + _YEAR + r"$", re.I)
_PART_DAY = {"early": 1, "beginning of": 1, "mid": 11, "middle of": 11, "late": 21, "end of": 21}
# Prepositions whose date is not the event's time ("improved since 2003").
NON_EVENT_TIME_PREPS = frozenset({"since", "until", "till", "before", "after", "by", "from"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def _shift_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def year_for(month: int, day: int, published: date | None) -> int | None:
    """The year of a year-less month/day: the publication year, or the year before when
    that would put the date well after publication (a January story on "December 12")."""
    if published is None:
        return None
    year = published.year
    try:
        if date(year, month, day) > published + timedelta(days=31):
            year -= 1
    except ValueError:
        return None
    return year


def resolve(text: str, published: date | None, *, future: bool = False) -> date | None:
    """The date a temporal expression names, or None if it names none we can resolve.

    The kinds are tried in order: a full date, a year alone, a weekday, a month, then
    expressions relative to the publication date ("last week")."""
    phrase = re.sub(r"\s+", " ", text.strip().lower())
    phrase = re.sub(r"^(?:on|in|during|at|of|over)\s+", "", phrase)
    phrase = re.sub(r"^the\s+", "", phrase)
    for pattern in _EXPLICIT:
        match = pattern.search(phrase)
        if match:
            return _explicit_date(match, published)
    year_only = _YEAR_ONLY.match(phrase)
    if year_only:
        return date(int(year_only["year"]), 1, 1)
    words = phrase.split()
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None:
        return _weekday_date(weekday, words, published, future)
    month_only = _MONTH_ONLY.search(phrase)
    if month_only:
        month = MONTHS[month_only["month"]]
        day = _PART_DAY.get((month_only["part"] or "").lower(), 1)
        year = int(month_only["year"]) if month_only["year"] else year_for(month, day, published)
        return date(year, month, day) if year is not None else None
    return _relative_date(phrase, published) if published is not None else None


def _explicit_date(match: re.Match[str], published: date | None) -> date | None:
    groups = match.groupdict()
    month = int(groups["month_n"]) if groups.get("month_n") else MONTHS[groups["month"]]
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else year_for(month, day, published)
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_date(
    weekday: int, words: list[str], published: date | None, future: bool
) -> date | None:
    if published is None:
        return None
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    back = (published.weekday() - weekday) % 7
    if "last" in words and back == 0:
        back = 7
    return published - timedelta(days=back)


def _relative_date(phrase: str, published: date) -> date | None:
    relative = {
        "today": published,
        "tonight": published,
        "yesterday": published - timedelta(days=1),
        "tomorrow": published + timedelta(days=1),
        "this week": _monday(published),
        "last week": _monday(published) - timedelta(days=7),
        "past week": published - timedelta(days=7),
        "next week": _monday(published) + timedelta(days=7),
        "this month": _month_start(published.year, published.month),
        "last month": _shift_month(published, -1),
        "past month": published - timedelta(days=30),
        "next month": _shift_month(published, 1),
        "this year": date(published.year, 1, 1),
        "last year": date(published.year - 1, 1, 1),
        "past year": published - timedelta(days=365),
        "next year": date(published.year + 1, 1, 1),
        "earlier this week": _monday(published),
        "earlier this month": _month_start(published.year, published.month),
        "earlier this year": date(published.year, 1, 1),
    }
    for key in sorted(relative, key=len, reverse=True):
        if re.search(r"\b" + key + r"\b", phrase):
            return relative[key]
    return None


def entity_around(token: Token) -> Span | None:
    """The named entity that contains token, found from its IOB tags: ``doc.ents`` builds
    every entity of the document, which per token made long texts quadratic."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _date_spans(clause: Token) -> list[Span]:
    """DATE/TIME entities attached to the clause head itself: "on Wednesday", "last week",
    "in late March"; not dates inside its objects ("blames the invasion in 2003" is not
    dated 2003... unless the phrase hangs off the verb) nor phrases that name another
    time ("since 2003", "after the war")."""
    doc = clause.doc
    candidates: list[Token] = []
    for child in clause.children:
        if child.dep_ in ("npadvmod", "tmod", "advmod", "obl", "nmod"):
            candidates.append(child)
        elif child.dep_ == "prep" and child.lower_ not in NON_EVENT_TIME_PREPS:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    spans: list[Span] = []
    for token in candidates:
        if not (token.ent_type_ in ("DATE", "TIME") or token.lower_ in ("yesterday", "today")):
            continue
        span = entity_around(token) or doc[token.i : token.i + 1]
        if all(s.start != span.start for s in spans):
            spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def _simple_present(verb: Token) -> bool:
    """ "Iran denies the charges and blames the invasion in 2003": a verb in the simple
    present says what holds as the text is written, so a time phrase the parser hangs on
    it belongs to something else (here the invasion, an event noun of its own)."""
    return verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


@dataclass(frozen=True)
class TimeExpression:
    """The time expression that dates a clause, and the date it resolves to."""

    date: date
    start_char: int  # span of the expression in the document text
    end_char: int


def clause_time(trigger: Token, published: date | None) -> TimeExpression | None:
    """The dated time expression of the clause headed by `trigger` (a verb, or an event
    noun), following conjoined and controlled verbs up to the verb whose tense they share."""
    # an event noun reaches its date through the verb it hangs on ("blames the invasion
    # in 2003"), whatever that verb's tense; a verb in the simple present has none
    nominal = trigger.pos_ not in ("VERB", "AUX")
    clause = trigger
    for _ in range(4):
        future = any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in clause.children)
        undated = not nominal and _simple_present(clause)
        for span in [] if undated else _date_spans(clause):
            found = resolve(span.text, published, future=future)
            if found is not None:
                return TimeExpression(found, span.start_char, span.end_char)
        if clause.dep_ in ("conj", "xcomp", "dobj", "pobj", "prep") and clause.head.i != clause.i:
            clause = clause.head
        else:
            break
    return None
