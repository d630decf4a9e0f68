"""The document's actor mentions before they are merged: the NER's entities, trimmed and
classified, and the bare surnames the NER missed.

A small NER model misses or mislabels many repeat mentions of a person ("Salih told
Reuters" after "Barham Salih"); one sense per discourse recovers them: a capitalised
word that is the surname of the document's one person with it is that person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extractors.lexicons.gazetteer import find_place
from extractors.nlp.actors.classification import (
    ACTOR_LABELS,
    classify,
    is_modifier,
    label_by_head,
    role_names_an_organisation,
)
from extractors.nlp.actors.doc_index import DocIndex
from extractors.nlp.actors.known import known_actor
from extractors.nlp.actors.names import (
    honorific_gender,
    normalise_name,
    surname_word,
    trim,
    whole_word,
)
from extractors.nlp.actors.pieces import entity_pieces

# the kinds a name's mentions vote between; countries and places keep theirs
_NAME_KINDS = frozenset({"person", "organization", "group"})


@dataclass
class RawMention:
    """A trimmed entity mention before clustering."""

    span: Span
    label: str
    kind: str
    name: str
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    known: bool = False  # kind and name fixed by the alias list
    hints: list[Token] = field(default_factory=list)
    cluster: int = -1


def unique_surnames(raws: list[RawMention]) -> dict[str, str]:
    """surname -> the one full person name (normalised) that ends with it."""
    owners: dict[str, set[str]] = {}
    for raw in raws:
        if raw.kind == "person" and (surname := surname_word(raw.name)):
            owners.setdefault(surname, set()).add(normalise_name(raw.name))
    return {s: next(iter(names)) for s, names in owners.items() if len(names) == 1}


def entity_raws(doc: Doc) -> list[RawMention]:
    """The NER entities that name actors, cut into names, trimmed and classified."""
    raws: list[RawMention] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        for piece, label in entity_pieces(ent):
            raw = _raw_mention(piece, label)
            if raw is not None:
                raws.append(raw)
    _surnames_as_persons(raws)
    return raws


def _raw_mention(piece: Span, label: str) -> RawMention | None:
    trimmed = trim(piece)
    if trimmed is None:
        return None
    span, role = trimmed
    widened = _alias_with_words_before(span)
    if widened is not None:
        span, label = widened, "ORG"
    label = label_by_head(span, label)
    classified = classify(span, label)
    if classified is None:
        return None
    kind, name, country = classified
    raw = RawMention(span=span, label=label, kind=kind, name=name, country=country, role=role)
    known = known_actor(name, kind) if kind in ("person", "organization", "group") else None
    if known is not None:
        raw.name = known.name
        raw.country = raw.country or known.country
        raw.sector = known.sector
        if known.kind is not None:  # the alias list: kind and country fixed ("EU": none)
            raw.kind, raw.known, raw.country = known.kind, True, known.country
    if raw.kind == "group" and is_modifier(span):
        return None
    return raw


def _alias_with_words_before(span: Span) -> Span | None:
    """The entity with the proper nouns just before it, when together they are an
    organisation our alias list knows and the NER took only the last word ("the Liberal
    Democrat's spokesman": the entity is "Democrat", a NORP)."""
    doc = span.doc
    for start in range(span.start - 1, max(span.start - 3, -1), -1):
        if doc[start].pos_ != "PROPN" or doc[start].ent_type_:
            return None
        wider = doc[start : span.end]
        known = known_actor(wider.text, "organization")
        if known is not None and known.kind == "organization":
            return wider
    return None


def _surnames_as_persons(raws: list[RawMention]) -> None:
    """One sense per discourse: a one-word name the NER called an organisation, a place
    or a group ("Scorsese" tagged NORP) that is the surname of the document's one person
    with it is that person."""
    surnames = unique_surnames(raws)
    for raw in raws:
        if (
            raw.kind in ("organization", "location", "group")
            and not raw.known
            and " " not in raw.name
            and normalise_name(raw.name) in surnames
            and not _names_a_place(raw.name)
        ):
            raw.kind, raw.country = "person", None


def one_kind_per_name(raws: list[RawMention]) -> None:
    """One sense per discourse for kinds: a name the NER calls a person here and an
    organisation there ("Williams" the racing team) takes the kind most of its mentions
    have; a title outweighs them: an honorific ("Mr Williams") makes it a person, an
    organisation's noun ("oil firm Yukos") an organisation. A tie changes nothing."""
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for raw in raws:
        if raw.kind in _NAME_KINDS and not raw.known:
            titled = honorific_gender(raw.role) or role_names_an_organisation(raw.role)
            weight = len(raws) if titled else 1
            votes[normalise_name(raw.name)][raw.kind] += weight
    for raw in raws:
        vote = votes.get(normalise_name(raw.name)) if raw.kind in _NAME_KINDS else None
        if raw.known or not vote or len(vote) < 2:
            continue
        (first, n_first), (_, n_second) = vote.most_common(2)
        if n_first > n_second:
            raw.kind = first


def _names_a_place(name: str) -> bool:
    """A country, capital or big city: "Chelsea" the club is not kept from a person."""
    place = find_place(name)
    return place is not None and place.overrides_ner


def surname_raws(index: DocIndex, raws: list[RawMention]) -> list[RawMention]:
    """Bare surnames the NER missed: "Salih told Reuters" after "Barham Salih"."""
    surnames = unique_surnames(raws)
    taken = {i for raw in raws for i in range(raw.span.start, raw.span.end)}
    found: list[RawMention] = []
    for surname in surnames:
        for match in whole_word(surname).finditer(index.text):
            if match.group().islower():
                continue  # names are capitalised; "brown" is not Brown
            span = index.doc.char_span(match.start(), match.end())
            if span is None or any(t.i in taken or t.ent_type_ for t in span):
                continue
            if len(span) == 1 and span.root.pos_ != "PROPN":
                continue
            found.append(RawMention(span=span, label="PERSON", kind="person", name=span.text))
            taken.update(range(span.start, span.end))
    return found
