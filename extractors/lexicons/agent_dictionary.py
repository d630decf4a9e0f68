"""A PETRARCH-2 agents dictionary read as rows of generic agents.

``../shared/reference/petrarch2/Phoenix.agents.txt`` (MIT, Open Event Data Alliance;
format in ``dictionaries.rst`` there) lists nouns for unnamed actors ("police", "foreign
minister", "rebels") with the code they add to the actor's country: ``[~COP]`` after it
("Iraqi police" -> IRQCOP), ``[NGO~]`` before it. ``agent_rows`` gives one row per
phrase, lower case and spaced (``make seeds`` writes them to ``cameo_agents.csv``; another
dictionary set is read as it is):

- ``!SET!`` substitution sets are expanded ("BUSINESS!PERSON!" -> businessman,
  businessmen, ...), with no plurals made of the expansions (the set lists them);
- regular plurals are generated as the dictionary says (``-s``, ``-ies`` after a
  consonant and ``y``, ``-es`` after ``ss``), none for a phrase or code ending in ``_``
  or a last word that is plural already or a preposition ("observers in"), and the
  irregular ones given in ``{...}`` are added;
- a blank between words (words may come between) is read as a plain space: the
  extractor matches phrases inside a title, which gives the same words in order.

Rows are sorted, so an unchanged dictionary gives the same file.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

COLUMNS = ["phrase", "agent_code", "placement"]

_SET_DEFINITION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_ENTRY = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")
_SET = re.compile(r"![A-Z]+!")


def _plural(word: str) -> str | None:
    """The regular plural, or None where the last word cannot take one ("observers in")."""
    last = word.rsplit(" ", 1)[-1]
    if last.endswith("s") or len(last) <= 2:
        return None
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("ss"):
        return word + "es"
    return word + "s"


def _expanded(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Every phrase a `!SET!` pattern stands for ("CATTLE!PERSON!" -> cattleman, ...)."""
    match = _SET.search(phrase)
    if match is None:
        return [phrase]
    return [
        expansion
        for member in sets.get(match.group(), [])
        for expansion in _expanded(phrase[: match.start()] + member + phrase[match.end() :], sets)
    ]


def _spaced(phrase: str) -> str:
    return re.sub(r"[\s_]+", " ", phrase).strip().lower()


def agent_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    sets: dict[str, list[str]] = {}
    rows: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if definition := _SET_DEFINITION.match(body):
            sets[definition[1]] = [m.strip() for m in definition[2].split(",") if m.strip()]
            continue
        entry = _ENTRY.match(body)
        if entry is None:
            continue
        code = entry["code"].strip()
        placement = "prefix" if code.endswith("~") else "suffix"
        agent_code = code.strip("~").rstrip("_")
        # a set lists its own plurals ("MAN, MEN"): none are made for its expansions
        no_plural = code.endswith("_") or "!" in entry["phrase"]
        for raw in _expanded(entry["phrase"].strip(), sets):
            phrase = _spaced(raw)
            forms = [phrase]
            if not (no_plural or raw.endswith("_") or entry["plurals"] is not None):
                forms += [p for p in [_plural(phrase)] if p]
            forms += [_spaced(p) for p in (entry["plurals"] or "").split(",") if p.strip()]
            for form in forms:
                rows.setdefault(
                    form, {"phrase": form, "agent_code": agent_code, "placement": placement}
                )
    return sorted(rows.values(), key=lambda r: r["phrase"])


def agents_csv(path: Path) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(agent_rows(path))
    return buffer.getvalue()
