"""CAMEO-coded events (who did what to whom, where, when) from the dependency parse.

Triggers come from the lexicon in `data/cameo_verbs.csv` (one row per pattern):
- `pos` empty or `verb`: a verb lemma, optionally with a particle/preposition (`prep`) and
  an object noun (`object`); the most specific matching row wins ("launch" + "offensive"
  beats a bare "launch");
- `pos=noun`: an event noun ("accusation", "crackdown"), optionally with the preposition
  that makes it one ("rhetoric" + "against");
- `pos=light`: a light verb ("launch", "step up", "carry out") whose object event noun
  carries the code: "launched a crackdown on militias" is the crackdown, coded 175, with
  the trigger spanning "launched a crackdown".

Roles come from `extractors.nlp.clauses` (subjects, passives, conjoined actors, control and
purpose clauses, prepositional roles). Each event also gets:
- `is_negated`: "not", "never", a negated governing verb ("did not agree to meet"),
  a governing "refuse/fail to", or a denial that contains it ("denied reports the
  delegation would meet the cleric");
- `is_hypothetical`: a modal ("would", "may", "will"), a conditional, or a governing
  verb of intent or request ("plans to", "urged ... to"), or a purpose clause;
- `event_date`: the clause's temporal expression resolved against the publication date
  (see `extractors.nlp.dates`), its span in `event_date_start_char`/`_end_char`; None when
  the clause has none (the mart then falls back to the document's date);
- `location_actor_key`: the place named in a locative phrase of the clause, or of the
  clause it is embedded in;
- `source_country_code` / `target_country_code`: the actor's country; for an actor with
  no country of its own (a group such as "Shiite militias", or an unnamed agent such as
  "militiamen" or "18 fighters") the country of the event's location, as GDELT-style
  coders attribute domestic actors. Violence (roots 18-20) against an unnamed target
  ("fired rockets at targets in the capital") is attributed the same way.

Events inside statements stay events (as GDELT codes them); dbt links them to the
statement whose content contains the trigger. Within a sentence, one dyad and code
give one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from extractors import lexicons
from extractors.lexicons.gazetteer import find_place
from extractors.nlp.actors import LOCATIVE_PREPS, DocActors
from extractors.nlp.clauses import (
    clause_heads,
    clause_subjects,
    conjuncts,
    non_clausal_descendants,
    noun_roles,
    objects,
    prep_objects,
    verb_sources,
    verb_targets,
)
from extractors.nlp.dates import clause_time
from extractors.nlp.syntax import CLAUSAL_DEPS, trimmed_sentence
from extractors.nlp.syntax import is_negated as _has_negation
from extractors.records import Event

# Codes whose predicate is mutual: conjoined subjects with no object act on each other
# ("Iran and Iraq fought", "the two sides met").
SYMMETRIC_PREFIXES = ("04", "057", "06", "19")
# Unnamed agents whose country comes from where they act.
GENERIC_AGENTS = frozenset(
    {
        "militia",
        "militiaman",
        "militant",
        "gunman",
        "fighter",
        "rebel",
        "insurgent",
        "guerrilla",
        "soldier",
        "troop",
        "force",
        "police",
        "policeman",
        "army",
        "protester",
        "demonstrator",
        "attacker",
        "bomber",
        "official",
        "government",
        "authority",
        "civilian",
        "villager",
        "resident",
        "student",
        "worker",
        "opposition",
        "security",
        "activist",
        "youth",
        "supporter",
        "opponent",
        "prisoner",
        "settler",
        "farmer",
        "refugee",
        "hacker",
        "inhabitant",
        "leader",
        "elder",
        "member",
        "diplomat",
        "agent",
        "crowd",
    }
)
# "X said Y must ...": reporting verbs whose obligation complement is a demand on Y.
REPORTING_LEMMAS = frozenset(
    {"say", "reiterate", "insist", "conclude", "state", "stress", "tell", "add", "declare"}
)
OBLIGATION_MODALS = frozenset({"must", "should"})
DEMAND_CODE = "100"
MODALS = frozenset(
    {
        "would",
        "could",
        "may",
        "might",
        "will",
        "shall",
        "should",
        "can",
        "must",
        "'d",
        "'ll",
        "wo",
        "ca",
    }
)
# Governing verbs that make their complement intended, requested or conditional.
INTENT_LEMMAS = frozenset(
    {
        "plan",
        "intend",
        "want",
        "hope",
        "seek",
        "aim",
        "expect",
        "try",
        "attempt",
        "propose",
        "consider",
        "prepare",
        "threaten",
        "promise",
        "pledge",
        "vow",
        "offer",
        "agree",
        "decide",
        "wish",
        "ask",
        "urge",
        "tell",
        "call",
        "demand",
        "press",
        "need",
        "order",
        "push",
        "encourage",
        "request",
        "appeal",
        "warn",
        "be",
    }
)
NEGATING_CONTROL = frozenset({"refuse", "fail", "decline", "avoid", "deny"})
DENIAL_LEMMAS = frozenset({"deny", "dismiss", "refute", "reject"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


@dataclass(frozen=True)
class VerbRule:
    lemma: str
    prep: str  # "" = any
    object: str  # "" = any
    cameo_code: str
    pos: str = "verb"  # verb | noun | light

    @property
    def specificity(self) -> int:
        return 2 * bool(self.object) + bool(self.prep)


@cache
def _rules() -> tuple[VerbRule, ...]:
    return tuple(
        VerbRule(
            row["lemma"].strip().lower(),
            row["prep"].strip().lower(),
            row["object"].strip().lower(),
            row["cameo_code"].strip(),
            (row.get("pos") or "verb").strip() or "verb",
        )
        for row in lexicons.rows("cameo_verbs")
    )


def _by_lemma(pos: str) -> dict[str, tuple[VerbRule, ...]]:
    rules: dict[str, list[VerbRule]] = {}
    for rule in _rules():
        if rule.pos == pos:
            rules.setdefault(rule.lemma, []).append(rule)
    return {lemma: tuple(items) for lemma, items in rules.items()}


@cache
def cameo_lexicon() -> dict[str, tuple[VerbRule, ...]]:
    """Verb patterns by lemma."""
    return _by_lemma("verb")


@cache
def noun_lexicon() -> dict[str, tuple[VerbRule, ...]]:
    """Event-noun patterns by lemma."""
    return _by_lemma("noun")


@cache
def light_verbs() -> dict[str, tuple[VerbRule, ...]]:
    """Light verbs (with the particle they need, if any), whose event noun is coded."""
    return _by_lemma("light")


def _particles(token: Token) -> set[str]:
    """Particles and prepositions of a trigger; an infinitive complement counts as "to"
    ("agreed to cooperate", "declined to resign")."""
    found = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent", "dative")}
    if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in token.children):
        found.add("to")
    return found


def _best(rules: tuple[VerbRule, ...], particles: set[str], nouns: set[str]):
    matching = [
        r
        for r in rules
        if (not r.prep or r.prep in particles) and (not r.object or r.object in nouns)
    ]
    return max(matching, key=lambda r: r.specificity) if matching else None


def code_verb(verb: Token) -> str | None:
    """The CAMEO code of the most specific verb rule the verb's frame satisfies."""
    rule = _verb_rule(verb)
    return rule.cameo_code if rule else None


def _object_nouns(verb: Token) -> set[str]:
    """Lemmas of the object phrase heads, their compounds and of-objects: "tons of food
    aid" and "aid deliveries" both name aid."""
    nouns: set[str] = set()
    for obj in objects(verb):
        nouns.add(obj.lemma_.lower())
        nouns.update(c.lemma_.lower() for c in obj.children if c.dep_ == "compound")
        for pobj in prep_objects(obj, frozenset({"of"})):
            nouns.add(pobj.lemma_.lower())
            nouns.update(c.lemma_.lower() for c in pobj.children if c.dep_ == "compound")
    return nouns


def _verb_rule(verb: Token) -> VerbRule | None:
    # Most verbs have no rule: look that up before reading the frame off the parse.
    rules = cameo_lexicon().get(verb.lemma_.lower())
    if not rules:
        return None
    nouns = _object_nouns(verb)
    nouns |= {o.lemma_.lower() for o in verb.children if o.dep_ == "nsubjpass"}
    nouns |= {o.lemma_.lower() for o in prep_objects(verb, frozenset({"to", "for", "on", "in"}))}
    return _best(rules, _particles(verb), nouns)


def _noun_rule(noun: Token) -> VerbRule | None:
    rules = noun_lexicon().get(noun.lemma_.lower()) or noun_lexicon().get(noun.lower_)
    return _best(rules, _particles(noun), set()) if rules else None


def _light_noun(verb: Token) -> tuple[Token, VerbRule] | None:
    """The event noun a light verb takes as its object ("launched a crackdown")."""
    rules = light_verbs().get(verb.lemma_.lower())
    rule = _best(rules, _particles(verb), set()) if rules else None
    if rule is None:
        return None
    for obj in objects(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"]:
        noun_rule = _noun_rule(obj)
        if noun_rule is not None:
            return obj, noun_rule
    return None


# ----------------------------------------------------------------------------- frames


@dataclass
class Frame:
    head: Token  # carries modality, negation, date and location
    start: Token  # first token of the trigger
    end: Token  # last token of the trigger
    code: str
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    mutual: list[Token] = field(default_factory=list)
    noun: Token | None = None  # the event noun, if any


def _obligation(verb: Token) -> Token | None:
    """The reported clause of "X said Y must/should ..." (a demand on Y), if any."""
    if verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children
        ):
            return clause
    return None


def _frames(sent) -> list[Frame]:
    frames: list[Frame] = []
    consumed: set[int] = set()
    tokens = list(sent)  # iterating a Span builds each Token anew
    for token in tokens:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ == "aux":
            continue
        light = _light_noun(token)
        if light is not None:
            noun, rule = light
            consumed.add(noun.i)
            noun_sources, noun_targets, mutual = noun_roles(noun)
            # A passive puts the noun first: "a crackdown was launched".
            first, last = sorted((token, noun), key=lambda t: t.i)
            frames.append(
                Frame(
                    head=token,
                    start=first,
                    end=last,
                    code=rule.cameo_code,
                    sources=verb_sources(token) + noun_sources,
                    targets=noun_targets + verb_targets(token, event_noun=noun),
                    mutual=mutual,
                    noun=noun,
                )
            )
            continue
        if token.pos_ != "VERB":
            continue
        obliged = _obligation(token)
        if obliged is not None:  # "said Libya must hand over": a demand (CAMEO 100)
            frames.append(
                Frame(
                    head=token,
                    start=token,
                    end=token,
                    code=DEMAND_CODE,
                    sources=verb_sources(token),
                    targets=clause_subjects(obliged),
                )
            )
        rule = _verb_rule(token)
        if rule is None:
            continue
        for obj in objects(token):  # "imposed sanctions": the noun is the same event
            noun_rule = _noun_rule(obj)
            if noun_rule and noun_rule.cameo_code[:2] == rule.cameo_code[:2]:
                consumed.add(obj.i)
        end = token
        if rule.prep:
            particle = next(
                (c for c in token.children if c.dep_ == "prt" and c.lower_ == rule.prep), None
            )
            if particle is not None and 0 < particle.i - token.i <= 3:
                end = particle
        frames.append(
            Frame(
                head=token,
                start=token,
                end=end,
                code=rule.cameo_code,
                sources=verb_sources(token),
                targets=verb_targets(token),
            )
        )
    for token in tokens:
        if token.pos_ != "NOUN" or token.i in consumed:
            continue
        rule = _noun_rule(token)
        if rule is None:
            continue
        sources, targets, mutual = noun_roles(token)
        frames.append(
            Frame(
                head=token,
                start=token,
                end=token,
                code=rule.cameo_code,
                sources=[token, *sources],  # the noun itself: "Iran's attack", "U.S.-led invasion"
                targets=targets,
                mutual=mutual,
                noun=token,
            )
        )
    return frames


# ----------------------------------------------------------------------------- attributes


def _governors(token: Token, deps: tuple[str, ...], limit: int = 3):
    """Heads reached from `token` while the link is one of `deps`."""
    current = token
    for _ in range(limit):
        if current.dep_ not in deps or current.head is current:
            return
        current = current.head
        yield current


def is_negated(head: Token) -> bool:
    if _has_negation(head) or any(
        c.lower_ in ("never", "no") and c.dep_ in ("neg", "det") for c in head.children
    ):
        return True
    for governor in _governors(head, ("xcomp",)):
        if _has_negation(governor) or governor.lemma_.lower() in NEGATING_CONTROL:
            return True
    if head.pos_ == "VERB":
        for governor in _governors(head, ("ccomp", "acl", "relcl", "dobj", "xcomp")):
            if governor.lemma_.lower() in DENIAL_LEMMAS and governor.pos_ == "VERB":
                return True
    return False


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children
    )


# CAMEO codes an announced intention to act as its own event: "is willing to withdraw"
# is 0356 (intent to de-escalate), "plans to impose restrictions" a threat. Longest
# prefix of the action's code -> the intent code.
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "08": "035",
    "081": "0351",
    "082": "0352",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
    "15": "130",
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "17": "130",
    "172": "132",
    "1723": "1323",
    "1724": "1324",
    "175": "137",
    "18": "1383",
    "19": "138",
    "191": "1381",
    "192": "1382",
    "20": "1385",
}
# Governors that make their complement the subject's own intention (not a request).
OWN_INTENT = frozenset(
    {
        "plan",
        "intend",
        "want",
        "hope",
        "seek",
        "aim",
        "agree",
        "decide",
        "promise",
        "pledge",
        "vow",
        "offer",
        "prepare",
        "ready",
        "willing",
        "prepared",
        "commit",
        "committed",
        "threaten",
    }
)


def intent_code(head: Token, code: str) -> str:
    """The intent code for an action the subject announces it will take, else `code`."""
    if head.pos_ != "VERB" or code[:2] in ("01", "02", "03", "10", "11", "12", "13", "14"):
        return code
    own = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in head.children)
    for governor in _governors(head, ("xcomp", "acomp")):
        if governor.lemma_.lower() in OWN_INTENT or governor.lower_ in OWN_INTENT:
            own = True
    if not own:
        return code
    for size in (4, 3, 2):
        if code[:size] in INTENT_CODES:
            return INTENT_CODES[code[:size]]
    return code


def _purpose(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_hypothetical(head: Token) -> bool:
    """Modal, conditional, intended or requested rather than reported as done."""
    clause = head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        clause = head.head
        if clause.lemma_.lower() in INTENT_LEMMAS - {"be"}:
            return True
    if _modal(clause) or _purpose(clause):
        return True  # "would meet", "if they attack", "sent a delegation to tell"
    for governor in _governors(clause, ("xcomp", "conj", "advcl"), limit=4):
        if governor.lemma_.lower() in INTENT_LEMMAS or _modal(governor) or _purpose(governor):
            return True
    return False


def _phrase(token: Token):
    """A place phrase: the head with its compounds, modifiers, appositions and of-phrases
    ("the southern city of Basra"), not its other prepositional phrases."""
    stack = [token]
    while stack:
        current = stack.pop(0)
        yield current
        for child in current.children:
            if child.dep_ in ("compound", "amod", "nmod", "appos", "poss", "conj"):
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                stack.extend(c for c in child.children if c.dep_ == "pobj")


def _place_in(tokens, actors: DocActors) -> str | None:
    for candidate in tokens:
        key = actors.token_actor.get(candidate.i)
        if key and actors.actors[key].kind in ("location", "country"):
            return key
    return None


def _locatives(tokens):
    return [t for t in tokens if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS]


def _clause_place(clause: Token, actors: DocActors, known: dict[int, str | None]) -> str | None:
    """The place of the first locative phrase of a clause that names one. Frames of one
    sentence share the clauses they are embedded in: `known` reads each clause once."""
    if clause.i not in known:
        places = (
            _place_in(_phrase(t), actors) for t in _locatives(non_clausal_descendants(clause))
        )
        known[clause.i] = next((place for place in places if place), None)
    return known[clause.i]


def event_location(head: Token, actors: DocActors, known: dict[int, str | None]) -> str | None:
    """The place in a locative phrase of the clause, else of the clauses it is embedded
    in, else the nearest locative place inside the clause's own subordinate phrases
    ("killed 18 fighters in clashes ... in Sadr City"). `known`: places of the
    document's clauses read so far."""
    for clause in clause_heads(head):
        place = _clause_place(clause, actors, known)
        if place:
            return place
    inside = [t for c in head.children if c.dep_ not in CLAUSAL_DEPS for t in c.subtree]
    nested = sorted(_locatives(inside), key=lambda t: abs(t.i - head.i))
    for token in nested:
        place = _place_in(_phrase(token), actors)
        if place:
            return place
    return None


# ----------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class Slot:
    key: str | None
    country: str | None
    token: Token


# "Iranian-made missiles" names where the missiles come from, not whose they are.
_ORIGIN_WORDS = frozenset({"made", "built", "manufactured", "produced", "supplied"})
# "the U.S.-led invasion": the leader is the actor.
_LED = re.compile(r"^(?P<name>.+?)[-‐–](?:led|run|dominated|controlled)$", re.IGNORECASE)


def _origin_only(token: Token) -> bool:
    return any(t.lower_ in _ORIGIN_WORDS and t.i < token.i for t in token.subtree) or any(
        t.lower_.endswith(tuple(f"-{w}" for w in _ORIGIN_WORDS)) for t in token.lefts
    )


def _led_by(token: Token, actors: DocActors) -> tuple[str | None, str | None]:
    """(actor key, country) of a "<Country>-led" modifier, using the document's actor for
    that country when there is one."""
    for left in token.lefts:
        match = _LED.match(left.text)
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
    """An actor named in the left modifiers of a noun phrase: "the U.S. military's raid"."""
    for left in token.lefts:
        if left.dep_ in ("det", "punct", "nummod"):
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
    while clause.dep_ in ("xcomp", "acomp", "conj") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head is clause:
        return None
    for subject in clause_subjects(clause.head):
        if subject.pos_ != "PRON":
            return actors.actor_of(subject) or _modifier_actor(subject, actors)
    return None


def _resolve(
    token: Token,
    actors: DocActors,
    place_country: str | None,
    code: str,
    role: str,
    depth: int = 0,
) -> Slot | None:
    if token.i in actors.token_actor:
        key = actors.token_actor[token.i]
    elif token.pos_ == "PRON" and actors.actor_of(token) is None:
        key = _reporter(token, actors)
    elif _origin_only(token):
        key = None
    else:
        key = actors.actor_of(token) or _modifier_actor(token, actors)
    if key is None:
        led_key, led_country = _led_by(token, actors)
        if led_key or led_country:
            return Slot(led_key, led_country, token)
    if key is not None:
        info = actors.actors[key]
        country = info.country_code
        if country is None and info.kind == "group":
            country = place_country
        return Slot(key, country, token)
    if token.pos_ in ("NOUN", "NUM", "PRON") and depth < 2:
        for member in prep_objects(token, frozenset({"of"})):  # "thousands of Iraqi Kurds"
            slot = _resolve(member, actors, place_country, code, role, depth + 1)
            if slot is not None:
                return Slot(slot.key, slot.country, token)
    if token.pos_ not in ("NOUN", "PROPN") or place_country is None:
        return None
    if token.lemma_.lower() in GENERIC_AGENTS or token.lower_ in GENERIC_AGENTS:
        return Slot(None, place_country, token)
    if role == "target" and code[:2] in ("18", "19", "20"):
        return Slot(None, place_country, token)
    return None


def _first_group(
    tokens: list[Token], actors: DocActors, place_country: str | None, code: str, role: str
) -> list[Slot]:
    """The first candidate phrase that names an actor, with the actors conjoined to it."""
    for token in tokens:
        slot = _resolve(token, actors, place_country, code, role)
        if slot is None:
            continue
        root = token
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        group = [slot]
        for other in conjuncts(root):
            if other.i != token.i and other in tokens:
                extra = _resolve(other, actors, place_country, code, role)
                if extra is not None:
                    group.append(extra)
        return group
    return []


def _pairs(frame: Frame, actors: DocActors, place_country: str | None):
    sources = _first_group(frame.sources, actors, place_country, frame.code, "source")
    targets = _first_group(frame.targets, actors, place_country, frame.code, "target")
    mutual = _first_group(frame.mutual, actors, place_country, frame.code, "target")
    if len(mutual) >= 2:
        return [(a, b) for a in mutual for b in mutual if a.token.i != b.token.i]
    if not targets and mutual:
        targets = mutual
    if not targets and len(sources) >= 2 and frame.code.startswith(SYMMETRIC_PREFIXES):
        return [(a, b) for a in sources for b in sources if a.token.i != b.token.i]
    if not sources:
        return [(None, t) for t in targets]
    if not targets:
        return [(s, None) for s in sources]
    return [(s, t) for s in sources for t in targets if s.key is None or s.key != t.key]


def _has_who(slot: Slot | None) -> bool:
    return slot is not None and (slot.key is not None or slot.country is not None)


def extract_events(
    doc: Doc, actors: DocActors, document_id: str, published_date: date | None = None
) -> list[Event]:
    events: list[Event] = []
    seen: set[tuple] = set()
    clause_places: dict[int, str | None] = {}
    for sentence_index, sent in enumerate(doc.sents):
        evidence_start, evidence_end = trimmed_sentence(sent)
        for frame in _frames(sent):
            negated = is_negated(frame.head)
            if not negated:
                frame.code = intent_code(frame.head, frame.code)
            location = event_location(frame.head, actors, clause_places)
            place_country = actors.actors[location].country_code if location else None
            when = clause_time(frame.head, published_date)
            for source, target in _pairs(frame, actors, place_country):
                if not (_has_who(source) or _has_who(target)):
                    continue  # who did what to whom needs at least one who
                source_key = source.key if source else None
                target_key = target.key if target else None
                source_country = source.country if source else None
                target_country = target.country if target else None
                identity = (
                    sentence_index,
                    source_key,
                    target_key,
                    source_country,
                    target_country,
                    frame.code,
                )
                if identity in seen:
                    continue
                seen.add(identity)
                start = frame.start.idx
                end = frame.end.idx + len(frame.end.text)
                events.append(
                    Event(
                        event_id=f"{document_id}:e{len(events)}",
                        document_id=document_id,
                        sentence_index=sentence_index,
                        source_actor_key=source_key,
                        target_actor_key=target_key,
                        cameo_code=frame.code,
                        # = doc.text[start:end]; spaCy rebuilds doc.text on each access
                        trigger_text=doc[frame.start.i : frame.end.i + 1].text,
                        trigger_start_char=start,
                        trigger_end_char=end,
                        is_negated=negated,
                        event_date=when.date if when else None,
                        location_actor_key=location,
                        evidence_start_char=evidence_start,
                        evidence_end_char=evidence_end,
                        is_hypothetical=is_hypothetical(frame.head),
                        source_country_code=source_country,
                        target_country_code=target_country,
                        event_date_start_char=when.start_char if when else None,
                        event_date_end_char=when.end_char if when else None,
                    )
                )
    return events
