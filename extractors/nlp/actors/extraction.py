"""`extract_actors`: the resolution steps of the package, run in order on one document.

The order matters: clustering needs every name mention, descriptions need the actors'
roles, groups need the country actors their modifiers name, and countries of people need
all of them (see the package docstring for the rules).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from extractors.nlp.actors.classification import org_country, role_names_an_organisation
from extractors.nlp.actors.clustering import Keyed, actors_from_clusters, cluster
from extractors.nlp.actors.codes import actor_code, code_sector
from extractors.nlp.actors.countries import place_domestic_actors, place_people
from extractors.nlp.actors.descriptions import add_descriptions
from extractors.nlp.actors.doc_actors import DocActors
from extractors.nlp.actors.doc_index import DocIndex
from extractors.nlp.actors.groups import add_groups
from extractors.nlp.actors.mentions import (
    RawMention,
    entity_raws,
    one_kind_per_name,
    surname_raws,
)
from extractors.nlp.actors.person_context import person_context, title_role, title_run


def extract_actors(doc: Doc, published: date | None = None) -> DocActors:
    """Resolve the NER mentions of one document into actors; `published` dates the
    roles of people the actor dictionaries know."""
    index = DocIndex(doc)
    raws = _raw_mentions(index)
    result = DocActors()
    keyed, roles = actors_from_clusters(cluster(raws, index), result)
    _add_name_mentions(index, result, keyed)
    # people first placed, so that "the Peruvian president" picks the Peruvian one
    place_people(index, result, keyed)
    add_descriptions(index, result, roles)
    add_groups(index, result)
    place_domestic_actors(index, result)
    result.mentions.sort(key=lambda m: (m.start_char, m.end_char))
    _count_mentions(result)
    _code_actors(result, published)
    return result


def _raw_mentions(index: DocIndex) -> list[RawMention]:
    """Name mentions with the role and country their own words and context give them."""
    raws = entity_raws(index.doc)
    raws += surname_raws(index, raws)
    for raw in raws:
        if raw.kind == "person":
            person_context(raw)
            if role_names_an_organisation(raw.role) and not raw.known:
                raw.kind = "organization"  # "oil firm Yukos" tagged PERSON
    one_kind_per_name(raws)
    for raw in raws:
        if raw.kind == "organization" and not raw.known:
            raw.role = raw.role or title_role(raw.span)  # its sector: "telecoms regulator"
            raw.country = raw.country or org_country(raw.span, title_run(raw.span))
    return raws


def _add_name_mentions(index: DocIndex, result: DocActors, keyed: Keyed) -> None:
    """Record each name mention, in text order, and map its tokens to its actor."""
    for raw, key in sorted(keyed, key=lambda item: item[0].span.start):
        for token in raw.span:
            result.token_actor[token.i] = key
        result.add_mention(key, raw.span, raw.label, raw.role, index.sentence_of[raw.span.start])


def _code_actors(result: DocActors, published: date | None) -> None:
    """Each actor's CAMEO code, from its roles in every mention (names and descriptions);
    an actor no word list gives a sector takes the one its code names."""
    roles: dict[str, set[str]] = {}
    for mention in result.mentions:
        if mention.role:
            roles.setdefault(mention.actor_key, set()).add(mention.role)
    for info in result.actors.values():
        info.cameo_actor_code = actor_code(info, roles.get(info.key, set()), published)
        if info.sector is None and info.kind != "country":  # "Reuters": MED -> JRN
            info.sector = code_sector(info.cameo_actor_code)


def _count_mentions(result: DocActors) -> None:
    for info in result.actors.values():
        info.n_mentions = 0
    for mention in result.mentions:
        result.actors[mention.actor_key].n_mentions += 1
