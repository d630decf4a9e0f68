"""Names the field's dictionaries and our alias list know: what kind of actor a name is,
the one name its short forms and nicknames stand for, and the country it belongs to.

Two sources, in order:
- `actor_aliases.csv`: party and organisation nicknames and acronyms that no dictionary
  lists ("Tories", "Lib Dems", "EU"), each row with a note; they fix the kind too, so
  "Labour" is an organisation wherever the NER called it a person.
- `phoenix_actors.csv`: the Phoenix actor dictionaries of PETRARCH-2 compiled by
  `make seeds` (extractors/lexicons/actor_dictionary.py): an entry's CAMEO code gives a
  country ("Alan Greenspan" -> USA, "Sony" -> JPN). The name stays as the text spells
  it (the dictionaries' upper-case names would lose "al-Maliki" and "DiCaprio"), and
  they say nothing about kind, so the NER's label stands; a one-word person name is
  never looked up (a surname is no evidence).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extractors import lexicons
from extractors.lexicons.gazetteer import lookup_key


@dataclass(frozen=True)
class Known:
    name: str
    kind: str | None  # None: the dictionary does not say; keep the NER's kind
    country: str | None
    sector: str | None


@cache
def _aliases() -> dict[str, Known]:
    return {
        lookup_key(row["alias"]): Known(
            row["name"], row["kind"], row["country_code"] or None, row["sector"] or None
        )
        for row in lexicons.rows("actor_aliases")
    }


@cache
def _phoenix_countries() -> dict[str, str]:
    return {
        lookup_key(row["name"]): row["country_code"]
        for row in lexicons.rows("phoenix_actors")
        if row["country_code"]
    }


def known_actor(text: str, kind: str) -> Known | None:
    """What the alias list or the Phoenix dictionaries say about a person or organisation
    name `text` (the NER's kind `kind`)."""
    key = lookup_key(text)
    if key in _aliases():
        return _aliases()[key]
    if kind == "person" and " " not in key:
        return None
    country = _phoenix_countries().get(key)
    return Known(text, None, country, None) if country else None
