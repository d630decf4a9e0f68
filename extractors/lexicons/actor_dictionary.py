"""PETRARCH-2 actor dictionaries read as rows of names.

``../shared/reference/petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt``
(MIT, Open Event Data Alliance; format in ``dictionaries.rst`` there) list named people and
bodies: an entry line, ``+`` lines with its other names, and ``[CODE dates]`` lines.
``actor_rows`` keeps, per name, the entry's primary
name, its CAMEO actor code for an undated document (the undated one, else the latest date
range), its date-ranged codes (``dated_codes``: ``CODE YYYYMMDD YYYYMMDD`` joined by ``;``)
and the country that code carries (``GBRGOV`` -> GBR, ``MNCUSA`` -> USA; ``IGOUNO`` has none).
``make seeds`` writes the shipped set's rows to ``phoenix_actors.csv``, the licence to
``petrarch2/LICENSE`` beside the shipped dictionaries; another dictionary set is read as
it is. Rows are sorted, so an unchanged dictionary gives the same file.

Names that are patterns rather than words (``!`` stems, ``{`` alternatives) are skipped,
as are names whose words are all lower case in news (none are: the files are upper case).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

DICTIONARIES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
COLUMNS = ["name", "primary_name", "cameo_code", "dated_codes", "country_code", "dictionary"]

_CODE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")
_PLAIN_NAME = re.compile(r"^[A-Z0-9][A-Z0-9 .'&-]*$")
# Codes that name a kind of body, not a country: the country, if any, follows them.
_NON_STATE_PREFIXES = ("MNC", "NGO", "IGO", "IMG", "UIS", "UAF")


@dataclass
class _Entry:
    names: list[str]
    codes: list[tuple[str, str]] = field(default_factory=list)


def _name(raw: str) -> str | None:
    """ "TONY_BLAIR_" -> "TONY BLAIR"; None for patterns."""
    name = re.sub(r"_+", " ", raw).strip()
    return name if _PLAIN_NAME.match(name) else None


def _entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    for line in text.splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        codes = _CODE.findall(body)
        head = _CODE.sub("", body).strip()
        if body[0].isspace() or not head:
            if entries:
                entries[-1].codes += codes
            continue
        if head.startswith("+"):
            if entries and (name := _name(head[1:])):
                entries[-1].names.append(name)
            continue
        entries.append(_Entry([n for n in [_name(head)] if n], list(codes)))
    return [e for e in entries if e.names and e.codes]


def _day(digits: str) -> str:
    """A dictionary date as YYYYMMDD: "970502" -> 19970502 (two-digit years above the
    current decade's are the 1900s)."""
    digits = digits.strip()
    return digits if len(digits) == 8 else ("19" if digits[0] > "2" else "20") + digits


def _range(dates: str) -> tuple[str, str] | None:
    """(first day, last day) of "970502-070627", ">970502" or "<970502"; None if undated."""
    dates = dates.replace(" ", "")
    if not dates:
        return None
    if dates.startswith(">"):
        return _day(dates[1:]), "99991231"
    if dates.startswith("<"):
        return "00000101", _day(dates[1:])
    start, _, end = dates.partition("-")
    start = start[-8:] if len(start) > 8 else start  # "1997050208": a stray digit pair
    return (_day(start) if start else "00000101"), (_day(end) if end else "99991231")


def _chosen_code(codes: list[tuple[str, str]]) -> str:
    """The code for a document of unknown date: the undated one (PETRARCH's default
    outside every range), else the one whose range ends last."""
    undated = [code for code, dates in codes if not dates.strip()]
    if undated:
        return undated[-1]
    return max(codes, key=lambda item: (_range(item[1]) or ("", ""))[1])[0]


def _dated_codes(codes: list[tuple[str, str]]) -> str:
    """ "GBRGOV 19970502 20070627;..." : the date-ranged codes, chosen by a document's date."""
    ranged = [(code.lstrip("~"), _range(dates)) for code, dates in codes]
    return ";".join(f"{code} {span[0]} {span[1]}" for code, span in ranged if span)


def _country(code: str) -> str:
    code = code.lstrip("~")
    for candidate in (code[:3], code[3:6] if code.startswith(_NON_STATE_PREFIXES) else ""):
        if candidate and pycountry.countries.get(alpha_3=candidate):
            return candidate
    return ""


def actor_rows(paths: list[Path]) -> list[dict[str, str]]:
    """One row per name of the dictionaries, the first file's entry winning."""
    rows: dict[str, dict[str, str]] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for entry in _entries(text):
            code = _chosen_code(entry.codes)
            for name in entry.names:
                rows.setdefault(
                    name.lower(),
                    {
                        "name": name.lower(),
                        "primary_name": entry.names[0].title(),
                        "cameo_code": code.lstrip("~"),
                        "dated_codes": _dated_codes(entry.codes),
                        "country_code": _country(code),
                        # Phoenix.Countries.actors.txt -> Countries
                        "dictionary": path.name.split(".")[1],
                    },
                )
    return sorted(rows.values(), key=lambda r: r["name"])


def actors_csv(paths: list[Path]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(actor_rows(paths))
    return buffer.getvalue()
