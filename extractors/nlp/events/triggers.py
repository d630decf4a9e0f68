"""Which words trigger an event, and with which CAMEO code.

Triggers come from the lexicon in `extractors/lexicons/cameo_verbs.csv` (one row per
pattern):
- `pos` empty or `verb`: a verb lemma, optionally with a particle/preposition (`prep`) and
  an object noun (`object`); the most specific matching row wins ("launch" + "offensive"
  beats a bare "launch");
- `pos=noun`: an event noun ("accusation", "crackdown"), optionally with the preposition
  that makes it one ("rhetoric" + "against");
- `pos=light`: a light verb ("launch", "step up", "carry out") whose object event noun
  carries the code: "launched a crackdown on militias" is the crackdown, coded 175, with
  the trigger spanning "launched a crackdown".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from extractors import lexicons
from extractors.nlp.clauses import objects, prep_objects


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
def _noun_lexicon() -> dict[str, tuple[VerbRule, ...]]:
    """Event-noun patterns by lemma."""
    return _by_lemma("noun")


@cache
def _light_verbs() -> dict[str, tuple[VerbRule, ...]]:
    """Light verbs (with the particle they need, if any), whose event noun is coded."""
    return _by_lemma("light")


def _particles(token: Token) -> set[str]:
    """Particles and prepositions of a trigger; an infinitive complement counts as "to"
    ("agreed to cooperate", "declined to resign"). A preposition after an object's
    predicate is the predicate's, whatever the parse says: "called Labour a machine for
    talking" names Labour, it calls for nothing."""
    predicate = next((c.i for c in token.children if c.dep_ == "oprd"), len(token.doc))
    found = {
        c.lower_
        for c in token.children
        if c.dep_ in ("prt", "prep", "agent", "dative") and c.i < predicate
    }
    if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in token.children):
        found.add("to")
    return found


def _best(rules: tuple[VerbRule, ...], particles: set[str], nouns: set[str]) -> VerbRule | None:
    matching = [
        r
        for r in rules
        if (not r.prep or r.prep in particles) and (not r.object or r.object in nouns)
    ]
    return max(matching, key=lambda r: r.specificity) if matching else None


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


def verb_rule(verb: Token) -> VerbRule | None:
    """The most specific verb rule the verb's frame satisfies."""
    # Most verbs have no rule: look that up before reading the frame off the parse.
    rules = cameo_lexicon().get(verb.lemma_.lower())
    if not rules:
        return None
    nouns = _object_nouns(verb)
    nouns |= {o.lemma_.lower() for o in verb.children if o.dep_ == "nsubjpass"}
    nouns |= {o.lemma_.lower() for o in prep_objects(verb, frozenset({"to", "for", "on", "in"}))}
    return _best(rules, _particles(verb), nouns)


def noun_rule(noun: Token) -> VerbRule | None:
    """The rule of an event noun ("accusations", "rhetoric against"); its of-objects
    are what a row's object names ("a suspension of air links")."""
    rules = _noun_lexicon().get(noun.lemma_.lower()) or _noun_lexicon().get(noun.lower_)
    if not rules:
        return None
    of_objects = {
        t.lemma_.lower()
        for pobj in prep_objects(noun, frozenset({"of"}))
        for t in (pobj, *(c for c in pobj.children if c.dep_ == "compound"))
    }
    return _best(rules, _particles(noun), of_objects)


def light_noun(verb: Token) -> tuple[Token, VerbRule] | None:
    """The event noun a light verb takes as its object ("launched a crackdown"), with
    the noun's rule, or the light verb's own for that noun where it has one ("lodged a
    protest" is an official complaint, 114, not a demonstration)."""
    rules = _light_verbs().get(verb.lemma_.lower())
    if not rules:
        return None
    particles = _particles(verb)
    for obj in objects(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"]:
        found = noun_rule(obj)
        rule = _best(rules, particles, {obj.lemma_.lower()}) if found is not None else None
        if found is not None and rule is not None:
            return obj, rule if rule.cameo_code else found
    return None
