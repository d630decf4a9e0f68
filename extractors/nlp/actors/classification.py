"""What an entity mention names: a person, an organisation, a country, a location or a
group, and the country a name itself carries.

The gazetteer decides for places, so a demonym ("Iraqi") and a country's other names
("U.S.", "Washington" as a government) all become the one country actor; the parse
decides whether a capital acts ("Tehran accused") or is where something happens
("gathered in Tehran").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from extractors import lexicons
from extractors.lexicons.gazetteer import country_name, find_place

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Prepositions after which a capital is a place rather than its government.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across"})
_NAMED_CITY_POPULATION = 250_000


def capital_as_government(span: Span) -> bool:
    """A capital that acts ("Tehran accused", "Baghdad's unease") stands for its government."""
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ not in LOCATIVE_PREPS
    return token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "compound", "agent")


@cache
def _org_heads() -> dict[str, bool]:
    """head word -> whether it outweighs a place label too ("Tory Party" tagged GPE)."""
    return {row["word"]: row["places_too"] == "yes" for row in lexicons.rows("org_heads")}


def label_by_head(span: Span, label: str) -> str:
    """ORG for a name of two words or more that ends in an organisation's head word
    ("Manchester United" tagged PERSON, "Tory Party" tagged GPE), else `label`."""
    if len(span) < 2 or label == "ORG":
        return label
    places_too = _org_heads().get(span[-1].lower_.rstrip("."))
    if places_too is None or (label in ("GPE", "LOC", "FAC") and not places_too):
        return label
    return "ORG"


@cache
def _org_nouns() -> frozenset[str]:
    return frozenset(row["noun"] for row in lexicons.rows("org_nouns"))


def role_names_an_organisation(role: str | None) -> bool:
    """A title whose head noun only an organisation takes: "oil firm" (Yukos), "rock
    band" (U2), "Premiership side" (Chelsea)."""
    words = (role or "").split()
    return bool(words) and words[-1] in _org_nouns()


def classify(span: Span, label: str) -> tuple[str, str, str | None] | None:
    """(kind, canonical name, country code), or None for mentions that name no actor."""
    text = span.text
    known = find_place(text)
    if (
        label in ("PERSON", "ORG")
        and known
        and known.kind in ("country", "capital", "city")
        and known.overrides_ner
    ):
        label = "GPE"  # a small model's NER slip: "Kyiv" tagged PERSON
    if label == "PERSON":
        return "person", text, None
    if label == "ORG":
        return "organization", text, None
    if label == "NORP" and text.lower().startswith(("anti-", "pro-")):
        return None  # an attitude ("anti-American"), not an actor
    place = find_place(text)
    if place is not None:
        if place.kind in ("country", "demonym") or (
            place.kind == "capital" and capital_as_government(span)
        ):
            return "country", country_name(place.alpha3), place.alpha3
        if label != "NORP":
            return "location", text, place.alpha3
    if label == "NORP":
        return "group", text, None
    return "location", text, None


def is_modifier(span: Span) -> bool:
    """ "Shiite" in "Shiite cleric": an attribute of another noun, not an actor."""
    root = span.root
    return (
        root.dep_ in ("amod", "compound", "nmod")
        and not (span.start <= root.head.i < span.end)
        and root.head.pos_ in ("NOUN", "PROPN")
    )


def org_country(name_tokens: Span, title: list[Token]) -> str | None:
    """The country an organisation's name or the words before it carry: "Iraqi Islamic
    Party", "Russian oil giant Yukos", and a city inside a longer name ("London Stock
    Exchange", "Manchester United"). Only cities of `_NAMED_CITY_POPULATION` count: a
    small town's name is more often an ordinary word of a firm's name ("Orange")."""
    for token in (*name_tokens, *title):
        place = find_place(token.text)
        if place is not None and place.kind in ("country", "demonym"):
            return place.alpha3
    for token in name_tokens if len(name_tokens) > 1 else ():
        place = find_place(token.text)
        if place is not None and place.population >= _NAMED_CITY_POPULATION:
            return place.alpha3
    return None
