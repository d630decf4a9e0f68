"""Countries of people and organisations, which need the other actors of the document.

In order: a title or apposition that names a country or a national organisation ("Iraqi
government spokesman", "a lawmaker in the UIA"), the same office of state named with a
country elsewhere ("Iraq's prime minister"), and, for actors of a state or its society (the
sectors in `domestic_sectors.csv`: GOV, LEG, MIL, PTY, REB, REL...), the document's focus
country (the first it names, or one named clearly more often, by its name or by its
state's people: `_focus`), when the story names it before the actor's own sentence.
International sectors (JRN, BUS...) take no focus country: Reuters is not Iraqi.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extractors import lexicons
from extractors.lexicons.gazetteer import find_sector
from extractors.nlp.actors.clustering import Keyed
from extractors.nlp.actors.codes import agent
from extractors.nlp.actors.doc_actors import ActorInfo, DocActors, MentionSpan
from extractors.nlp.actors.doc_index import DocIndex
from extractors.nlp.actors.known import known_actor
from extractors.nlp.actors.person_context import affiliation


@cache
def _domestic_sectors() -> frozenset[str]:
    return frozenset(row["sector"] for row in lexicons.rows("domestic_sectors"))


def place_people(index: DocIndex, result: DocActors, keyed: Keyed) -> None:
    """Give each person without a country the one their context names, and without a
    sector the one of the domestic body in their title ("Tory leader")."""
    # Title/apposition modifiers that are countries or national organisations, then what
    # the apposition attaches them to (an organisation or a person of known country).
    # Two passes, so a confidant of a person placed in pass one is.
    for _ in range(2):
        for raw, key in keyed:
            info = result.actors[key]
            if info.kind != "person" or info.country_code:
                continue
            info.country_code = (
                _hint_country(result, raw.hints, ("country", "organization"))
                or _alias_country(raw.hints)
                or _hint_country(result, affiliation(raw.span), ("organization", "person"))
            )
    for raw, key in keyed:
        info = result.actors[key]
        if info.kind == "person" and not info.sector:
            info.sector = _hint_sector(result, raw.hints)
        if (
            info.kind == "person"
            and not info.country_code
            and raw.role
            and find_sector(raw.role) in _domestic_sectors()
        ):
            info.country_code = _role_country(index, raw.role, result)


def place_domestic_actors(index: DocIndex, result: DocActors) -> None:
    """People and organisations of a domestic sector without a country take the focus
    country, when the story names it before their own sentence (headline, dateline,
    lede): the first country of the sentence that names them is no evidence of theirs
    ("Mitterrand welcomed South Africa's de Klerk" does not make Mitterrand South
    African)."""
    focus = _focus(index, result)
    if focus is None:
        return
    country, focus_sentence = focus
    first_sentence: dict[str, int] = {}
    for mention in result.mentions:
        seen = first_sentence.get(mention.actor_key, mention.sentence_index)
        first_sentence[mention.actor_key] = min(seen, mention.sentence_index)
    for key, info in result.actors.items():
        if (
            info.kind in ("person", "organization")
            and info.country_code is None
            and info.sector in _domestic_sectors()
            and first_sentence.get(key, focus_sentence) > focus_sentence
        ):
            info.country_code = country


def _hint_country(result: DocActors, tokens: list[Token], kinds: tuple[str, ...]) -> str | None:
    """The country of the first token that belongs to an actor of one of `kinds`."""
    for hint in tokens:
        hint_key = result.token_actor.get(hint.i)
        hint_info = result.actors.get(hint_key) if hint_key else None
        if hint_info and hint_info.kind in kinds and hint_info.country_code:
            return hint_info.country_code
    return None


def _alias_country(tokens: list[Token]) -> str | None:
    """The country of a body our alias list knows, named by title words the NER did not
    take for it whole ("Liberal Democrat leader": "Democrat" alone is its entity)."""
    for start, first in enumerate(tokens):
        for last in tokens[start + 1 :]:
            known = known_actor(first.doc[first.i : last.i + 1].text, "organization")
            if known is not None and known.kind == "organization" and known.country:
                return known.country
    return None


def _hint_sector(result: DocActors, tokens: list[Token]) -> str | None:
    """The sector of a domestic body in the person's title: "Tory leader" -> PTY."""
    for hint in tokens:
        hint_info = result.actors.get(result.token_actor.get(hint.i, ""))
        if (
            hint_info
            and hint_info.kind == "organization"
            and hint_info.sector in _domestic_sectors()
        ):
            return hint_info.sector
    return None


def _role_country(index: DocIndex, role: str, actors: DocActors) -> str | None:
    """Country of an office named elsewhere with its country: "Iraq's prime minister".
    Only offices of a state (a domestic sector) are one per country: "British star" later
    in a text does not make its "Ray star Jamie Foxx" British."""
    words = role.split()
    doc = index.doc
    for last in index.tokens_of(words[-1]):
        if last < len(words):
            continue
        first = last - len(words) + 1
        if [t.lower_ for t in doc[first : last + 1]] != words:
            continue
        before = doc[first - 1]
        if before.tag_ == "POS" and first >= 2:
            before = doc[first - 2]
        key = actors.token_actor.get(before.i)
        if key and actors.actors[key].kind == "country":
            return actors.actors[key].country_code
    return None


# how much more often another country must be named to be the story's country instead of
# the first named: a near tie keeps the headline's ("Iraq PM sends team to Iran")
_FOCUS_MARGIN = 1.25


def _focus(index: DocIndex, result: DocActors) -> tuple[str, int] | None:
    """The country a story is about, with the first sentence that names it: the first it
    names, unless another is named clearly more often. A country is named by its name or
    a place in it, as an actor, and by the people and bodies of its state and society
    already placed there (Tony Blair, the Tories: a story of British politics seldom says
    "Britain"). A headline's first country is often only the story's angle ("UK firm
    faces Venezuelan land row": a story of Venezuela's government). Read by hand over the
    BBC corpus, counting names over the first named was right for 34 actors and wrong for
    12; counting the state's people too, right for about 90 more (British MPs, ministers
    and Parliament that had no country or Iraq's) and wrong for 7. A country named as
    what is acted on or talked about ("denied being leant on to make the case for
    invading Iraq", "the Iraq war") is no evidence of where the story's officials come
    from; nor is a firm's (Sony is Japanese, the story of its US launch is not)."""
    named: dict[str, list[int]] = {}  # country -> the sentences naming it, in order
    for mention in sorted(result.mentions, key=lambda m: m.start_char):
        info = result.actors[mention.actor_key]
        if info.country_code and _names_the_country(index, info, mention):
            named.setdefault(info.country_code, []).append(mention.sentence_index)
    if not named:
        return None
    first = next(iter(named))
    most = max(named, key=lambda code: len(named[code]))
    country = most if len(named[most]) >= _FOCUS_MARGIN * len(named[first]) else first
    return country, named[country][0]


def _names_the_country(index: DocIndex, info: ActorInfo, mention: MentionSpan) -> bool:
    if info.kind in ("person", "organization"):
        return info.sector in _domestic_sectors()
    if info.kind not in ("country", "location"):
        return False
    span = index.doc.char_span(mention.start_char, mention.end_char)
    return span is None or _names_an_actor(span.root)


# what an act is done to; a prepositional object stays a focus ("crime in Britain rose":
# the story is British), and counting it as acted on cost the BBC entity test 2 actors
_ACTED_ON = frozenset({"dobj", "dative", "oprd"})


@cache
def _origin_participles() -> frozenset[str]:
    rows = lexicons.rows("compound_participles")
    return frozenset(r["participle"] for r in rows if r["names"] == "origin")


def _agent_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return find_sector(lemma) is not None or agent([noun.text.lower(), lemma]) is not None


def _names_an_actor(token: Token) -> bool:
    """A country that acts or speaks ("Kenya votes"), or whose agent is named ("the UK's
    high commissioner"), not one in an object's phrase ("the case for invading Iraq",
    "defends the Iraq war")."""
    phrase = token
    while phrase.dep_ in ("compound", "amod", "nmod", "poss") and phrase.head.i != phrase.i:
        phrase = phrase.head
        if phrase.lower_ in _origin_participles():
            return False  # "Las Vegas-style casinos": a likeness, not the story's country
        if _agent_noun(phrase):
            return True
    return phrase.dep_ not in _ACTED_ON
