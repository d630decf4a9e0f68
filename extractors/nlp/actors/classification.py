"""What an entity mention names: a person, an organisation, a country, a location or a
group, and the country a name itself carries.

The gazetteer decides for places, so a demonym ("Iraqi") and a country's other names
("U.S.", "Washington" as a government) all become the one country actor; the parse
decides whether a capital acts ("Tehran accused") or is where something happens
("gathered in Tehran").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.lexicons.gazetteer import country_name, find_place

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# Prepositions after which a capital is a place rather than its government.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across"})


def capital_as_government(span: Span) -> bool:
    """A capital that acts ("Tehran accused", "Baghdad's unease") stands for its government."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ not in LOCATIVE_PREPS
    return token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "compound", "agent")


def classify(span: Span, label: str) -> tuple[str, str, str | None] | None:
    """(kind, canonical name, country code), or None for mentions that name no actor."""
    text = span.text
    known = find_place(text)
    if label in ("PERSON", "ORG") and known and known.kind in ("country", "capital", "city"):
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
    Party", "Russian oil giant Yukos"."""
    for token in (*name_tokens, *title):
        place = find_place(token.text)
        if place is not None and place.kind in ("country", "demonym"):
            return place.alpha3
    return None
