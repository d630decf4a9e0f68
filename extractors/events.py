"""CAMEO-coded events from subject-verb-object clauses of the dependency parse.

A verb whose lemma (plus particle/preposition and object noun, where the lexicon asks
for them) is in `data/cameo_verbs.csv` is an event; its subject is the source and its
object (or the object of to/against/on/with/...) the target, when those are actors.
Say-type verbs are left to the statement extractor.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from extractors.actors import LOCATIVE_PREPS, DocActors
from extractors.gazetteer import DATA_DIR
from extractors.records import Event
from extractors.syntax import CLAUSAL_DEPS, is_negated, subjects, trimmed_sentence

# Prepositions whose object is the one acted upon: "fired at", "accusations against".
TARGET_PREPS = ("to", "against", "on", "with", "at", "into", "toward", "towards", "over", "from")


@dataclass(frozen=True)
class VerbRule:
    lemma: str
    prep: str  # "" = any
    object: str  # "" = any
    cameo_code: str

    @property
    def specificity(self) -> int:
        return 2 * bool(self.object) + bool(self.prep)


@cache
def cameo_lexicon() -> dict[str, tuple[VerbRule, ...]]:
    rules: dict[str, list[VerbRule]] = {}
    with (DATA_DIR / "cameo_verbs.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rule = VerbRule(row["lemma"], row["prep"], row["object"], row["cameo_code"])
            rules.setdefault(rule.lemma, []).append(rule)
    return {lemma: tuple(items) for lemma, items in rules.items()}


def _objects(verb: Token) -> list[Token]:
    direct = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return direct + [c for d in direct for c in d.children if c.dep_ == "conj"]


def code_verb(verb: Token) -> str | None:
    """The CAMEO code of the most specific lexicon rule the verb's frame satisfies."""
    rules = cameo_lexicon().get(verb.lemma_.lower())
    if not rules:
        return None
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "agent")}
    objects = {o.lemma_.lower() for o in _objects(verb)}
    matching = [
        r
        for r in rules
        if (not r.prep or r.prep in particles) and (not r.object or r.object in objects)
    ]
    return max(matching, key=lambda r: r.specificity).cameo_code if matching else None


def _prep_objects(token: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _target(verb: Token, actors: DocActors, source: str | None) -> str | None:
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    objects = _objects(verb)
    candidates = passive + objects + _prep_objects(verb, TARGET_PREPS)
    candidates += [p for o in objects for p in _prep_objects(o, TARGET_PREPS)]
    for token in candidates:
        key = actors.actor_of(token)
        if key and key != source:
            return key
    return None


def _source(verb: Token, actors: DocActors) -> str | None:
    agents = [
        pobj
        for a in verb.children
        if a.dep_ == "agent"
        for pobj in a.children
        if pobj.dep_ == "pobj"
    ]
    for token in subjects(verb) + agents:
        key = actors.actor_of(token)
        if key:
            return key
    return None


def _location(verb: Token, actors: DocActors) -> str | None:
    """First place named in a locative phrase of the clause ("in the city of Basra")."""
    stack = [c for c in verb.children if c.dep_ not in CLAUSAL_DEPS]
    while stack:
        token = stack.pop(0)
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
            for candidate in token.subtree:
                key = actors.token_actor.get(candidate.i)
                if key and actors.actors[key].kind in ("location", "country"):
                    return key
        stack.extend(c for c in token.children if c.dep_ not in CLAUSAL_DEPS)
    return None


def extract_events(doc: Doc, actors: DocActors, document_id: str) -> list[Event]:
    events: list[Event] = []
    seen: set[tuple[int, str | None, str | None, str]] = set()
    for sentence_index, sent in enumerate(doc.sents):
        evidence_start, evidence_end = trimmed_sentence(sent)
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            code = code_verb(verb)
            if code is None:
                continue
            source = _source(verb, actors)
            target = _target(verb, actors, source)
            if source is None and target is None:
                continue  # who did what to whom needs at least one who
            identity = (sentence_index, source, target, code)
            if identity in seen:
                continue
            seen.add(identity)
            events.append(
                Event(
                    event_id=f"{document_id}:e{len(events)}",
                    document_id=document_id,
                    sentence_index=sentence_index,
                    source_actor_key=source,
                    target_actor_key=target,
                    cameo_code=code,
                    trigger_text=verb.text,
                    trigger_start_char=verb.idx,
                    trigger_end_char=verb.idx + len(verb.text),
                    is_negated=is_negated(verb),
                    event_date=None,
                    location_actor_key=_location(verb, actors),
                    evidence_start_char=evidence_start,
                    evidence_end_char=evidence_end,
                )
            )
    return events
