"""Lookup tables for places, countries, demonyms and PLOVER sectors.

Curated data lives in `extractors/data/*.csv`; ISO country names come from pycountry.
Everything is loaded once per process.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

DATA_DIR = Path(__file__).parent / "data"


def lookup_key(name: str) -> str:
    """Case-, period- and article-insensitive key: "the U.S." and "US" both give "us"."""
    key = re.sub(r"\s+", " ", name.replace(".", "").strip().lower())
    return key.removeprefix("the ")


@dataclass(frozen=True)
class Place:
    alpha3: str
    kind: str  # country | demonym | capital | city


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def _country_names() -> dict[str, str]:
    """alpha3 -> the short name news uses ("Iran", not "Iran, Islamic Republic of")."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        names[country.alpha_3] = name.split(",")[0]
    for row in _read_csv("places.csv"):
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
    for row in _read_csv("places.csv"):
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
def _sector_terms() -> list[tuple[re.Pattern[str], str]]:
    rows = sorted(_read_csv("sectors.csv"), key=lambda r: len(r["term"]), reverse=True)
    return [(re.compile(rf"\b{re.escape(r['term'])}\b", re.IGNORECASE), r["sector"]) for r in rows]


def find_sector(text: str | None) -> str | None:
    """The PLOVER sector of the longest sector term in a role or name, if any."""
    if not text:
        return None
    for pattern, sector in _sector_terms():
        if pattern.search(text):
            return sector
    return None
