"""Lookup tables for places, countries, demonyms and PLOVER sectors.

The one source of truth for both the extractors and the warehouse:
- ISO 3166-1 codes and names come from pycountry;
- `places.csv` (name, alpha3, kind) curates what pycountry lacks: the short names
  news uses (`canonical`), other names (`alias`: "U.S.", "Britain"), `demonym`s
  ("Iraqi"), `capital`s (which may stand for their government) and other `city`s;
- `sectors.csv` (term, sector, group_head) maps titles and head nouns to PLOVER
  sector codes; `group_head` marks plural nouns that name a group actor on their own
  (`alone`: "militiamen") or only with a country or community modifier (`modified`:
  "U.S. officials", "Shiite clerics").
dbt loads the same CSVs as seeds (`dbt_project/seeds/places.csv`, `sectors.csv`,
`countries.csv`), written by `make seeds` (extractors/tools/seeds.py); a unit test checks
they are identical. Everything is loaded once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry

from extractors import lexicons


def lookup_key(name: str) -> str:
    """Case-, period- and article-insensitive key: "the U.S." and "US" both give "us"."""
    key = re.sub(r"\s+", " ", name.replace(".", "").strip().lower())
    return key.removeprefix("the ")


@dataclass(frozen=True)
class Place:
    alpha3: str
    kind: str  # country | demonym | capital | city


@cache
def _country_names() -> dict[str, str]:
    """alpha3 -> the short name news uses ("Iran", not "Iran, Islamic Republic of")."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        names[country.alpha_3] = name.split(",")[0]
    for row in lexicons.rows("places"):
        if row["kind"] == "canonical":
            names[row["alpha3"]] = row["name"]
    return names


@cache
def _places() -> dict[str, Place]:
    places: dict[str, Place] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                places[lookup_key(value)] = Place(country.alpha_3, "country")
                places.setdefault(
                    lookup_key(value.split(",")[0]), Place(country.alpha_3, "country")
                )
    for row in lexicons.rows("places"):
        kind = "country" if row["kind"] in ("canonical", "alias") else row["kind"]
        places[lookup_key(row["name"])] = Place(row["alpha3"], kind)
    return places


def find_place(name: str) -> Place | None:
    """A place or demonym by name; plural demonyms ("Iraqis") resolve too."""
    places = _places()
    key = lookup_key(name)
    place = places.get(key)
    if place is None and key.endswith("s"):
        singular = places.get(key[:-1])
        place = singular if singular and singular.kind == "demonym" else None
    return place


def country_name(alpha3: str) -> str:
    return _country_names().get(alpha3, alpha3)


@cache
def demonym(alpha3: str) -> str | None:
    """The first demonym `places.csv` lists for a country ("USA" -> "American")."""
    for row in lexicons.rows("places"):
        if row["kind"] == "demonym" and row["alpha3"] == alpha3:
            return row["name"]
    return None


@cache
def _sector_terms() -> list[tuple[re.Pattern[str], str]]:
    rows = sorted(lexicons.rows("sectors"), key=lambda r: len(r["term"]), reverse=True)
    return [
        (re.compile(rf"\b{re.escape(r['term'])}(?:s|es)?\b", re.IGNORECASE), r["sector"])
        for r in rows
    ]


def find_sector(text: str | None) -> str | None:
    """The PLOVER sector of the longest sector term (or its plural) in a role or name."""
    if not text:
        return None
    for pattern, sector in _sector_terms():
        if pattern.search(text):
            return sector
    return None


@cache
def _group_heads() -> dict[str, str]:
    return {r["term"]: r["group_head"] for r in lexicons.rows("sectors") if r["group_head"]}


def group_head(word: str) -> str | None:
    """`alone` or `modified` when a plural noun names a group actor (see module doc)."""
    return _group_heads().get(word.lower())


def group_head_words() -> frozenset[str]:
    """Every plural noun that can head a group actor."""
    return frozenset(_group_heads())


def countries() -> list[tuple[str, str]]:
    """(alpha3, the name the warehouse uses) for every ISO 3166-1 country."""
    return sorted(_country_names().items())
