"""A document's publication date, and where it came from.

Three places state when a text was published: a sidecar (`x.meta.json` beside `x.txt`),
a dateline at the very top of the text ("BAGHDAD, April 24 (Reuters) -", "Published:
24 April 2008", a first line "2016-09-27 14:03 UTC") and a date in the file name
(`..._2016-09-27_...`, `20160927`). They are trusted in that order. A date anywhere else
in the body names something else (a birth date, a deadline, 11 September 2001), so a
text with none of the three has no publication date rather than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import PurePath

from extractors.nlp.dates import MONTHS, calendar_forms, year_for

SIDECAR, DATELINE, FILE_NAME = "sidecar", "dateline", "file_name"

# a dateline is the first line of the body, under a headline and perhaps a byline or a
# "Published:" line; a BBC fixture's "Tuesday, 1 March" as a third line has no year
_TOP_LINES = 4
_MAX_SPLITS = 200  # lines split off the top to look in: the rest of a long text stays whole

_WEEKDAY = r"(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"


def _forms(*, year_required: bool) -> tuple[str, ...]:
    """A calendar date, perhaps after its weekday ("Thursday, April 24, 2008")."""
    return tuple(_WEEKDAY + form for form in calendar_forms(year_required=year_required))


# "BAGHDAD", "NEW YORK", "ST. LOUIS", "SAN JUAN, Puerto Rico"
_PLACE = r"[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]*)*(?:,\s[A-Z][A-Za-z.'’-]*(?:\s[A-Z][a-z.]*)*)?"
_AGENCY = r"\((?P<agency>[^()\n]{1,40})\)"  # "(Reuters)": the wire or publisher
_DASH = r"\s*[-–—:]"
# a clock time after a bare date: "14:03 UTC", "10:00 a.m. ET", "T14:03:00Z"
_TIME = (
    r"(?:(?:,|\s+at|T|\s)\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?\s*(?:Z|[A-Z]{2,4})?)?"
)
_KEYWORD = r"(?i:(?:first\s+|last\s+)?(?:published|updated|posted|dated?)(?:\s+on)?\s*:?\s*)"

_DATELINES = (
    # "BAGHDAD, April 24 (Reuters) -", "LONDON, 24 April 2016 -", a line "BRUSSELS
    # 1996-08-22": the year may be missing
    *(
        rf"^{_PLACE},?\s+{form}\s*(?:{_AGENCY})?(?:\s*$|{_DASH})"
        for form in _forms(year_required=False)
    ),
    # "WASHINGTON (AP) —": a dateline without a date
    rf"^{_PLACE}\s*{_AGENCY}{_DASH}",
    # "Published: 24 April 2008", "Updated April 24, 2008 10:00 ET"
    *(rf"^{_KEYWORD}{form}" for form in _forms(year_required=True)),
    # a date alone at the top: "2016-09-27 14:03 UTC", "24 April 2016 - ..."
    *(rf"^{form}{_TIME}\s*(?:$|[-–—|/•·(])" for form in _forms(year_required=True)),
)
_DATELINE_PATTERNS = tuple(re.compile(p) for p in _DATELINES)

# "..._2016-09-27_...", "2016_09_27", "20160927", "2016/09/27/story.txt"
_FILE_NAME_DATE = re.compile(
    r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d{2})(?P<sep>[-_./]?)(?P<month_n>0[1-9]|1[0-2])"
    r"(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)


@dataclass(frozen=True)
class Publication:
    date: date | None
    source: str | None  # SIDECAR, DATELINE, FILE_NAME; None with the date


def _to_date(match: re.Match, reference: date | None = None) -> date | None:
    groups = match.groupdict()
    month = int(groups["month_n"]) if groups.get("month_n") else MONTHS[groups["month"].lower()]
    day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else year_for(month, day, reference)
    try:
        return date(year, month, day) if year is not None else None
    except ValueError:
        return None


def file_name_date(source_file: str) -> date | None:
    """The date in the file's path nearest its name (`2016/09/27/story.txt` counts)."""
    stem = str(PurePath(source_file).with_suffix("")).replace("\\", "/")
    dates = [_to_date(match) for match in _FILE_NAME_DATE.finditer(stem)]
    return next((found for found in reversed(dates) if found is not None), None)


def dateline_date(text: str, *, reference: date | None = None) -> date | None:
    """The date of the dateline at the very top of `text`, if there is one.

    A year-less wire dateline ("BAGHDAD, April 24 (Reuters) -") takes its year from
    `reference` (a date known from elsewhere, e.g. the file name) and gives None without
    one: guessing the year would invent data. The first dateline found ends the search,
    dated or not ("WASHINGTON (AP) -"): whatever follows it is the body.
    """
    match = _dateline(text)
    if match is None or "day" not in match.groupdict():
        return None
    return _to_date(match, reference)


def dateline_agency(text: str) -> str | None:
    """The agency a dateline at the very top of `text` names ("BAGHDAD, April 24
    (Reuters) -" gives "Reuters"); None when the dateline names none or there is none."""
    match = _dateline(text)
    agency = (match.groupdict().get("agency") or "").strip() if match is not None else ""
    return agency or None


def _dateline(text: str) -> re.Match | None:
    """The first dateline among the top lines of `text`: it ends the search, dated or not."""
    lines = (line.strip() for line in text.split("\n", _MAX_SPLITS) if line.strip())
    for line in islice(lines, _TOP_LINES):
        for pattern in _DATELINE_PATTERNS:
            match = pattern.match(line)
            if match:
                return match
    return None


def publication(source_file: str, text: str, sidecar: dict) -> Publication:
    """When the document was published, from its sidecar, dateline or file name."""
    if sidecar.get("published_date"):
        return Publication(sidecar["published_date"], SIDECAR)
    named = file_name_date(source_file)
    dated = dateline_date(text, reference=named)
    if dated is not None:
        return Publication(dated, DATELINE)
    if named is not None:
        return Publication(named, FILE_NAME)
    return Publication(None, None)
