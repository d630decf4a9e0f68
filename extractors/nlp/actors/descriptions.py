"""Definite descriptions as mentions: "the cleric", "the Shiite alliance", "Iraq's prime
minister" name the one person or organisation of the document they fit.

News often refers back to an actor by role rather than by name, and statements and
events attributed to "the cleric" would otherwise lose their actor. A description joins
an actor only when exactly one fits: a role that is the description beats one that ends
with it, and a country the description names must not contradict the actor's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extractors.lexicons.gazetteer import find_place, find_sector
from extractors.nlp.actors.doc_actors import DocActors
from extractors.nlp.actors.doc_index import DocIndex
from extractors.nlp.actors.names import normalise_name

# Each describable actor with the word lists a description of it can match.
Describable = list[tuple[str, list[list[str]]]]


@dataclass
class _Description:
    """A singular noun phrase that may describe an actor, with the words it matches by."""

    head: Token
    dets: list[Token]
    owners: list[Token]
    modifiers: list[Token]
    words: list[str]
    country: str | None


def add_descriptions(index: DocIndex, result: DocActors, roles: dict[str, set[str]]) -> None:
    """Definite descriptions that fit exactly one person or organisation of the document:
    "the cleric" (role), "the Shiite alliance" (name), "Iraq's prime minister"."""
    # Descriptions add mentions, never actors or roles: what can be described is fixed.
    describable = _describable(result, roles)
    for token in index.singular_nouns:
        if token.i in result.token_actor:
            continue
        description = _description(token, result)
        if description is None:
            continue
        key = _described(description, describable, result)
        if key is not None:
            _add(description, key, result, index)


def _describable(result: DocActors, roles: dict[str, set[str]]) -> Describable:
    """Each person and organisation with the word lists a description of it can match:
    its roles and, for an organisation, its name."""
    found = []
    for key, info in result.actors.items():
        if info.kind not in ("person", "organization"):
            continue
        names = set(roles.get(key, ()))
        if info.kind == "organization":
            names.add(normalise_name(info.canonical_name))
        found.append((key, [name.lower().split() for name in names]))
    return found


def _description(token: Token, result: DocActors) -> _Description | None:
    """The description `token` heads, if it is definite ("the", or a country's) and
    names no one else ("the leader of the party", a title before a name)."""
    doc = token.doc
    lefts = list(token.lefts)
    dets = [c for c in lefts if c.dep_ == "det" and c.lower_ == "the"]
    owners = [
        c for c in lefts if c.dep_ == "poss" and result.actors.get(result.token_actor.get(c.i, ""))
    ]
    owner = result.actors[result.token_actor[owners[0].i]] if owners else None
    if not dets and not (owner and owner.kind == "country"):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
        return None  # "the leader of the party" is someone else
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.ent_type_ in ("PERSON", "ORG"):
        return None  # a title before a name, already part of that mention
    modifiers = [c for c in lefts if c.dep_ in ("amod", "compound", "nmod")]
    words = [m.lower_ for m in modifiers if not m.ent_type_] + [token.lower_]
    country = owner.country_code if owner else None
    for m in modifiers:
        place = find_place(m.text) if m.ent_type_ else None
        if place and place.kind in ("country", "demonym"):
            country = place.alpha3
    return _Description(token, dets, owners, modifiers, words, country)


def _described(
    description: _Description, describable: Describable, result: DocActors
) -> str | None:
    """The one actor the description fits, preferring roles that are exactly it."""
    matches: dict[str, str] = {}
    for key, names in describable:
        country = description.country
        if country and result.actors[key].country_code not in (None, country):
            continue
        found = {_description_matches(description.words, r) for r in names} - {None}
        if found:
            matches[key] = "exact" if "exact" in found else "suffix"
    exact = [k for k, how in matches.items() if how == "exact"]
    chosen = exact if exact else list(matches)
    return chosen[0] if len(chosen) == 1 else None


# a role with one of these just before the description's words is another office: "the
# prime minister" is not the deputy prime minister (who is still "the minister"), "the
# home secretary" not the shadow home secretary
_OTHER_OFFICE_WORDS = frozenset(
    {"deputy", "vice", "assistant", "junior", "shadow", "former", "acting", "under", "ex"}
)


def _description_matches(words: list[str], role_words: list[str]) -> str | None:
    """`exact` when a role is the description, `suffix` when it ends with it."""
    if role_words == words:
        return "exact"
    extra = role_words[: -len(words)]
    if extra and role_words[-len(words) :] == words and extra[-1] not in _OTHER_OFFICE_WORDS:
        return "suffix"
    return None


def _add(description: _Description, key: str, result: DocActors, index: DocIndex) -> None:
    """Record the description as a mention of `key`; its role may give a sector, and a
    person its country."""
    head, modifiers = description.head, description.modifiers
    parts = (*description.dets, *description.owners, *modifiers, head)
    start = min(c.left_edge.i for c in parts)
    role = " ".join(description.words)
    span = index.doc[start : head.i + 1]
    result.add_mention(key, span, None, role, index.sentence_of[span.start])
    for t in (*modifiers, head):
        if not t.ent_type_:
            result.token_actor[t.i] = key
    info = result.actors[key]
    info.sector = info.sector or find_sector(role)
    country = description.country if info.kind == "person" else None
    info.country_code = info.country_code or country
