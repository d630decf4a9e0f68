"""Document metadata from an optional JSON sidecar and from datelines in the text."""

from __future__ import annotations

import json
import logging
import re
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)

SIDECAR_KEYS = ("title", "source_name", "published_date", "url")

_MONTHS = {
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
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# Ordered most specific first; all are searched only near the top of the text.
_DATELINE_PATTERNS = (
    # "April 24, 2008" / "Apr. 24 2008"
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    # "24 April 2008"
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    # "2008-04-24"
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month_n>\d{2})-(?P<day>\d{2})\b"),
    # Wire dateline without a year: "BAGHDAD, April 24 (Reuters) -"
    re.compile(
        r"^[A-Z][A-Z .'-]+,\s+" + _MONTH + r"\s+(?P<day>\d{1,2})\s*\([^)]+\)\s*[-–—]",
        re.I | re.M,
    ),
)
_TOP_CHARS = 600


def parse_sidecar(data: object) -> dict:
    """The known keys of decoded sidecar JSON, with published_date as a date."""
    if not isinstance(data, dict):
        raise ValueError("sidecar is not a JSON object")
    meta = {k: data[k] for k in SIDECAR_KEYS if data.get(k) not in (None, "")}
    if "published_date" in meta:
        meta["published_date"] = date.fromisoformat(str(meta["published_date"])[:10])
    return meta


def read_sidecar(text_path: Path) -> dict:
    """Known keys of `<name>.meta.json` beside `<name>.txt`; {} when absent or broken."""
    path = Path(text_path).with_suffix(".meta.json")
    if not path.is_file():
        return {}
    try:
        return parse_sidecar(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        log.warning("ignoring broken sidecar %s: %s", path, exc)
        return {}


def find_dateline_date(text: str, *, default_year: int | None = None) -> date | None:
    """A publication date from a dateline near the top of the text, if any.

    A year-less wire dateline ("BAGHDAD, April 24 (Reuters) -") only yields a date when
    `default_year` is given: guessing the year would invent data.
    """
    top = text[:_TOP_CHARS]
    for pattern in _DATELINE_PATTERNS:
        for match in pattern.finditer(top):
            groups = match.groupdict()
            month = (
                int(groups["month_n"])
                if groups.get("month_n")
                else _MONTHS[groups["month"].lower()]
            )
            year = int(groups["year"]) if groups.get("year") else default_year
            if year is None:
                continue
            try:
                return date(year, month, int(groups["day"]))
            except ValueError:
                continue
    return None
