"""Who did it to whom: the frame's candidate roles resolved to actors and countries.

`source_country_code` / `target_country_code` are the actor's country; for an actor with
no country of its own (a group such as "Shiite militias", or an unnamed agent such as
"militiamen" or "18 fighters", `extractors/lexicons/generic_agents.csv`) the country of
the event's location, as GDELT-style coders attribute domestic actors. Violence against
an unnamed target ("fired rockets at targets in the capital") is attributed the same way
(the `violence` prefixes of `cameo_kinds.csv`). Conjoined subjects of a mutual predicate
with no object act on each other ("Iran and Iraq fought": the `mutual` prefixes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from extractors import lexicons
from extractors.lexicons.dictionary_set import dictionary_set
from extractors.lexicons.gazetteer import find_place
from extractors.nlp.actors import ActorInfo, DocActors
from extractors.nlp.actors.codes import agent, code_chunks
from extractors.nlp.actors.doc_actors import is_past_member
from extractors.nlp.clauses import clause_subjects, conjuncts, prep_objects
from extractors.nlp.events.frames import Frame, counterpart
from extractors.nlp.syntax import doc_tree, subtree_positions


@dataclass(frozen=True)
class Slot:
    key: str | None
    country: str | None
    token: Token


Pair = tuple[Slot | None, Slot | None]
CRITICISM_CODE = "111"
_AGENT_PLACE_PREPS = frozenset({"in", "throughout", "across", "from"})


@cache
def _code_prefixes(kind: str) -> tuple[str, ...]:
    """CAMEO code prefixes of a kind of event (mutual, violence)."""
    return tuple(r["prefix"] for r in lexicons.rows("cameo_kinds") if r["kind"] == kind)


@cache
def _generic_agents() -> frozenset[str]:
    """Unnamed agents whose country comes from where they act."""
    return frozenset(r["lemma"] for r in lexicons.rows("generic_agents"))


@cache
def _participles(names: str) -> tuple[str, ...]:
    """Participles of a "<Country>-<participle>" modifier that name the country as the
    `origin` of a thing ("Iranian-made missiles": not whose they are) or as the `leader`
    of an action ("the U.S.-led invasion": the leader is the actor)."""
    return tuple(
        r["participle"] for r in lexicons.rows("compound_participles") if r["names"] == names
    )


@cache
def _led_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _participles("leader"))
    # a hyphen, a Unicode hyphen or an en dash: "U.S.-led", "U.S.‐led", "U.S.–led"
    return re.compile(rf"^(?P<name>.+?)[-\u2010\u2013](?:{words})$", re.IGNORECASE)


@cache
def _origin_suffixes() -> tuple[str, ...]:
    """ "-made" of "Iranian-made": the origin participles as a modifier's last part."""
    return tuple(f"-{w}" for w in _participles("origin"))


def _origin_only(token: Token) -> bool:
    origin = _participles("origin")
    # the subtree's positions from the doc tree: a Token only for the words before it
    doc = token.doc
    before = [i for i in subtree_positions(doc_tree(doc), token.i) if i < token.i]
    return any(doc[i].lower_ in origin for i in before) or any(
        t.lower_.endswith(_origin_suffixes()) for t in token.lefts
    )


def _led_by(token: Token, actors: DocActors) -> tuple[str | None, str | None]:
    """(actor key, country) of a "<Country>-led" modifier, using the document's actor for
    that country when there is one."""
    for left in token.lefts:
        match = _led_pattern().match(left.text)
        if not match:
            continue
        place = find_place(match["name"])
        if place is None or place.kind not in ("country", "demonym"):
            continue
        for key, info in actors.actors.items():
            if info.kind == "country" and info.country_code == place.alpha3:
                return key, place.alpha3
        return None, place.alpha3
    return None, None


def _modifier_actor(token: Token, actors: DocActors) -> str | None:
    """An actor named in the left modifiers of a noun phrase: "the U.S. military's raid";
    never a counterpart's possessor ("Putin's opponents"), though its origin is its own
    ("Iraqi opponents")."""
    if is_past_member(token):
        return None
    skipped = (
        ("det", "punct", "nummod", "poss") if counterpart(token) else ("det", "punct", "nummod")
    )
    for left in token.lefts:
        if left.dep_ in skipped:
            continue
        for candidate in left.subtree:
            key = actors.token_actor.get(candidate.i)
            if key and actors.actors[key].kind != "location":
                return key
    return None


def _reporter(pronoun: Token, actors: DocActors) -> str | None:
    """ "Syria says it is willing": a pronoun subject of a reported clause is the reporter."""
    if pronoun.lower_ not in ("it", "they", "we", "he", "she") or pronoun.dep_ != "nsubj":
        return None
    clause = pronoun.head
    while clause.dep_ in ("xcomp", "acomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    for subject in clause_subjects(clause.head):
        if subject.pos_ != "PRON":
            return actors.actor_of(subject) or _modifier_actor(subject, actors)
    return None


def _actor_key(token: Token, actors: DocActors) -> str | None:
    """The actor the phrase names, a pronoun's reporter, or one of its modifiers' actors."""
    if token.i in actors.token_actor:
        return actors.token_actor[token.i]
    if token.pos_ == "PRON" and actors.actor_of(token) is None:
        return _reporter(token, actors)
    # "Peru's foreign minister, Juan Perez,": the one it names, or "Sir Anthony Meyer,
    # the Tory backbencher who challenged": the one it stands beside, when a coder knows
    # who that is (else the noun's own modifiers say more: "Peru's")
    if token.pos_ == "NOUN":
        named = next((c for c in token.children if c.dep_ == "appos"), None)
        if named is None and token.dep_ == "appos":
            named = token.head
        key = actors.actor_of(named) if named is not None else None
        if key is not None and actors.actors[key].cameo_actor_code:
            return key
    if _origin_only(token):
        return None
    return actors.actor_of(token) or _modifier_actor(token, actors)


@cache
def _armed_sectors() -> frozenset[str]:
    return frozenset(r["sector"] for r in lexicons.rows("armed_sectors"))


def _wields_force(slot: Slot, actors: DocActors) -> bool:
    """A country, a place, an unnamed agent ("gunmen", "soldiers") or an actor of an armed
    sector, by its sector or its CAMEO code's roles ("the army", "PSEREBHMS")."""
    if slot.key is None:
        return True
    info = actors.actors[slot.key]
    armed = _armed_sectors()
    roles = set(code_chunks(info.cameo_actor_code))
    return info.kind in ("country", "location") or info.sector in armed or bool(roles & armed)


def fight_or_criticism(
    code: str, source: Slot | None, target: Slot | None, actors: DocActors
) -> str:
    """ "Kennedy attacked Mr Brown", "the Parliament clashed with the Commission": a fight
    (CAMEO 19) between two actors, neither of whom wields force, is criticism (111); a
    one-sided fight stays one ("Maliki launched his military offensive")."""
    if source is None or target is None or not code.startswith(_code_prefixes("force")):
        return code  # one side unknown: nothing says the fight is one of words
    if _wields_force(source, actors) or _wields_force(target, actors):
        return code
    return CRITICISM_CODE


def _placed_in(agent: Token, actors: DocActors) -> str | None:
    """The country of an unnamed agent's own place: "students throughout Indonesia",
    "police in Basra", "refugees from Sudan"."""
    for place in prep_objects(agent, _AGENT_PLACE_PREPS):
        key = actors.token_actor.get(place.i)
        info = actors.actors[key] if key else None
        if info is not None and info.kind in ("country", "location") and info.country_code:
            return info.country_code
    return None


def _takes_part(info: ActorInfo, code: str, role: str) -> bool:
    """Whether the actor can fill the role, as a CAMEO coder sees actors: a person or an
    organisation only with a code (a country, a dictionary entry, an agent: "Andy
    Hertzfeld said" names no political actor); a place only as the target of violence
    ("shelled Basra"), never as who acted."""
    if info.kind == "location":
        return role == "target" and code.startswith(_code_prefixes("violence"))
    return info.kind not in ("person", "organization") or info.cameo_actor_code is not None


def _uncoded_actor(token: Token, actors: DocActors) -> bool:
    key = actors.token_actor.get(token.i)
    info = actors.actors[key] if key else None
    return (
        info is not None and info.kind in ("person", "organization") and not info.cameo_actor_code
    )


def _resolve(
    token: Token,
    actors: DocActors,
    place_country: str | None,
    code: str,
    role: str,
    depth: int = 0,
) -> Slot | None:
    """The slot a candidate phrase fills: its actor, a "<Country>-led" leader, the members
    of "thousands of Iraqi Kurds", or an unnamed agent placed where the event is."""
    key = _actor_key(token, actors)
    if key is not None and _takes_part(actors.actors[key], code, role):
        info = actors.actors[key]
        country = info.country_code
        if country is None and info.kind == "group":
            country = place_country
        return Slot(key, country, token)
    if key is not None:
        return None
    led_key, led_country = _led_by(token, actors)
    if led_key or led_country:
        return Slot(led_key, led_country, token)
    if token.pos_ in ("NOUN", "NUM", "PRON") and depth < 2 and not counterpart(token):
        for member in prep_objects(token, frozenset({"of"})):  # "thousands of Iraqi Kurds"
            slot = _resolve(member, actors, place_country, code, role, depth + 1)
            if slot is not None:
                return Slot(slot.key, slot.country, token)
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if token.lemma_.lower() in _generic_agents() or token.lower_ in _generic_agents():
        country = _placed_in(token, actors) or place_country
        return Slot(None, country, token) if country else None
    if place_country is None:
        return None
    if role == "target" and code.startswith(_code_prefixes("violence")):
        return Slot(None, place_country, token)
    return None


def _first_group(
    tokens: list[Token], actors: DocActors, place_country: str | None, code: str, role: str
) -> list[Slot]:
    """The first candidate phrase that names an actor, with the actors conjoined to it.
    A person or organisation with no code ends the search: it is who the role names
    ("also support Mr Forgeard, and DaimlerChrysler"), not a reason to take the next."""
    for token in tokens:
        slot = _resolve(token, actors, place_country, code, role)
        if slot is None:
            if _uncoded_actor(token, actors):
                return []
            continue
        root = token
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        group = [slot]
        for other in conjuncts(root):
            if other.i != token.i and other in tokens:
                extra = _resolve(other, actors, place_country, code, role)
                if extra is not None:
                    group.append(extra)
        return group
    return []


def _each_other(slots: list[Slot]) -> list[Pair]:
    """Each with each other; never an actor with itself, as the two words of one name
    may be conjoined ("Alliance & Leicester")."""
    return [
        (a, b)
        for a in slots
        for b in slots
        if a.token.i != b.token.i and (a.key is None or a.key != b.key)
    ]


def _reached_places(frame: Frame) -> list[Token]:
    """The place phrases that may name whom a meeting or visit reached: the verb's own
    ("arrived in Britain"), for a visit any ("visited slums in Nairobi"). Elsewhere a
    place is where it happened ("argued for them in Cabinet"), and one deeper in the
    phrase places a thing ("plans to limit casinos in the UK")."""
    if frame.code.startswith(_code_prefixes("travel")) or not dictionary_set().our_cameo_rules:
        return frame.places  # (PETRARCH's reading: any place phrase)
    if frame.code.startswith(_code_prefixes("meeting")):
        return [t for t in frame.places if t.head.head.i == frame.head.i]
    return []


def _owned_at_home(source: Slot, target: Slot, actors: DocActors) -> bool:
    """A country that only owns what an act of one of its own is about ("Blair defended
    the UK's regime", "pledged to clamp down on Britain's compensation culture"): that is
    domestic policy, not an act on the country. Its agents still are the country ("sued
    the Russian government")."""
    if target.key is None or source.country is None or target.country != source.country:
        return False
    if actors.actors[target.key].kind != "country":
        return False
    head = target.token
    if actors.token_actor.get(head.i) == target.key or head.lemma_.lower() in _generic_agents():
        return False
    return agent([head.text, head.lemma_]) is None


def _at_home(place: Slot, sources: list[Slot]) -> bool:
    """ "He arrived in Britain": one's own country is no one met or visited."""
    return any(s.country is not None and s.country == place.country for s in sources)


def role_pairs(frame: Frame, actors: DocActors, place_country: str | None) -> list[Pair]:
    """(source, target) slots of a frame; either may be None (a one-sided event)."""
    ours = dictionary_set().our_cameo_rules
    sources = _first_group(frame.sources, actors, place_country, frame.code, "source")
    targets = _first_group(frame.targets, actors, place_country, frame.code, "target")
    mutual = _first_group(frame.mutual, actors, place_country, frame.code, "target")
    if len(mutual) >= 2:
        return _each_other(mutual)
    if not targets and mutual:
        targets = mutual
    if not targets and len(sources) >= 2 and frame.code.startswith(_code_prefixes("mutual")):
        return _each_other(sources)
    if not targets:
        targets = [
            slot
            for slot in _first_group(_reached_places(frame), actors, None, frame.code, "target")
            if slot.key is not None
            and actors.actors[slot.key].kind != "location"
            and not (ours and _at_home(slot, sources))
        ]
    if not sources:
        return [(None, t) for t in targets]
    pairs: list[Pair] = [
        (s, None if ours and _owned_at_home(s, t, actors) else t)
        for s in sources
        for t in targets
        if s.key is None or s.key != t.key
    ]
    # a target that is only the source itself ("Croatia is investigating war crimes by
    # Croatian extremists") leaves the event one-sided, not gone
    return pairs or [(s, None) for s in sources]
