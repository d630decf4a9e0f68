"""The events of a document: one per frame and pair of roles that names at least one
actor or country, with its negation, modality, date and place. Sentences (or whole
stories) the discards dictionary marks as sports, games or awards give none.

Within a sentence, one dyad and code give one event. `event_date` is the clause's
temporal expression resolved against the publication date (`extractors.nlp.dates`), its
span in `event_date_start_char`/`_end_char`; None when the clause has none (the mart then
falls back to the document's date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import product
from typing import NamedTuple

from spacy.tokens import Doc, Token

from extractors.lexicons.dictionary_set import dictionary_set, discards
from extractors.lexicons.gazetteer import country_codes
from extractors.nlp.actors import DocActors
from extractors.nlp.actors.codes import agent, with_agent
from extractors.nlp.dates import TimeExpression, clause_time
from extractors.nlp.events.frames import Frame, sentence_frames
from extractors.nlp.events.locations import event_location
from extractors.nlp.events.modality import (
    intent_code,
    is_conditional,
    is_hypothetical,
    is_speculation,
    refusal_code,
)
from extractors.nlp.events.roles import Slot, fight_or_criticism, role_pairs
from extractors.nlp.syntax import doc_text, in_negated_scope, trimmed_sentence
from extractors.records import Event

# intent, appeal, demand, threat: acts of saying, reported as such whatever their mood
_SAYING_ROOTS = ("02", "03", "10", "13")


class _Dyad(NamedTuple):
    source_key: str | None
    target_key: str | None
    source_country: str | None
    target_country: str | None
    source_code: str | None
    target_code: str | None


@dataclass(frozen=True)
class _Setting:
    """What the events of one frame share besides their roles."""

    document_id: str
    sentence_index: int
    evidence: tuple[int, int]  # the sentence's characters, without surrounding whitespace
    negated: bool
    location: str | None
    when: TimeExpression | None


def extract_events(
    doc: Doc, actors: DocActors, document_id: str, published_date: date | None = None
) -> list[Event]:
    events: list[Event] = []
    seen: set[tuple] = set()  # (sentence, dyad, code): one event each
    clause_places: dict[int, str | None] = {}
    text = doc_text(doc)
    if discards().discards_story(text):
        return events  # a sports report, an awards ceremony: not politics
    hits = discards().sentence_hits(text)
    ours = dictionary_set().our_cameo_rules
    for sentence_index, sent in enumerate(doc.sents):
        if any(sent.start_char <= at < sent.end_char for at in hits):
            continue
        evidence = trimmed_sentence(sent)
        if ours and text[evidence[0] : evidence[1]].rstrip("\"'\u201d\u2019").endswith("?"):
            continue  # a question reports no event ("Should the UK approve the treaty?")
        for frame in sentence_frames(sent):
            if ours and is_speculation(frame.head):
                continue
            negated = in_negated_scope(frame.head)
            refused = refusal_code(frame.head, frame.code) if negated and ours else None
            if refused is not None:
                # "refused to release the prisoners": a rejection (1243) that happened
                frame.code, frame.back, negated = refused, None, False
            elif not negated and ours:
                announced = intent_code(frame.head, frame.code)
                if announced != frame.code:
                    # "will visit Sri Lanka": an intention of the visitor, nothing hosted yet
                    frame.code, frame.back = announced, None
                elif _unrealised(frame):
                    continue
            location = event_location(frame.head, actors, clause_places)
            place_country = actors.actors[location].country_code if location else None
            when = clause_time(frame.head, published_date)
            setting = _Setting(document_id, sentence_index, evidence, negated, location, when)
            for source, target, code in _coded_pairs(frame, actors, place_country):
                if not (_has_who(source) or _has_who(target)):
                    continue  # who did what to whom needs at least one who
                for source_code, target_code in product(
                    _member_codes(source, actors), _member_codes(target, actors)
                ):
                    dyad = _Dyad(
                        source.key if source else None,
                        target.key if target else None,
                        _country(source, source_code),
                        _country(target, target_code),
                        source_code,
                        target_code,
                    )
                    identity = (sentence_index, *dyad, code)
                    if identity in seen:
                        continue
                    seen.add(identity)
                    events.append(_event(len(events), doc, frame, code, dyad, setting))
    return events


def _unrealised(frame: Frame) -> bool:
    """An act asked of someone, done only on a condition or for a purpose ("urged
    Labour supporters to remove", "if the cabinet approves", "sent troops to stop"): no
    event of its own (the request, the condition's event, the sending are). Intentions,
    threats, appeals and demands are what such clauses report, and stay."""
    if frame.requested:
        return True  # "demanded that Iran release the sailors": the demand is the event
    if is_conditional(frame.head):
        return True  # "if he accepted China's claim", whatever the act
    return is_hypothetical(frame.head) and not frame.code.startswith(_SAYING_ROOTS)


def _coded_pairs(
    frame: Frame, actors: DocActors, place_country: str | None
) -> list[tuple[Slot | None, Slot | None, str]]:
    """(source, target, code) of each pair of the frame; a two-way code adds each
    dyad with both sides back the other way; a fight with no one armed is criticism."""
    pairs = role_pairs(frame, actors, place_country)
    coded = [(source, target, frame.code) for source, target in pairs]
    if frame.back:
        coded += [(t, s, frame.back) for s, t in pairs if s is not None and t is not None]
    if not dictionary_set().our_cameo_rules:
        return coded
    return [(s, t, fight_or_criticism(code, s, t, actors)) for s, t, code in coded]


def _member_codes(slot: Slot | None, actors: DocActors) -> list[str | None]:
    """The slot's code; a dictionary's compound actor ("FRO/BIL/SAM", the Shire's three
    hobbits) acts as each of its members."""
    code = _actor_code(slot, actors)
    return list(code.split("/")) if code else [code]


def _actor_code(slot: Slot | None, actors: DocActors) -> str | None:
    """The CAMEO code of the slot's actor, else the country it acted for or in, with
    the agent an unnamed actor is ("students" in Indonesia: IDNEDU)."""
    if slot is None:
        return None
    info = actors.actors.get(slot.key) if slot.key else None
    token = slot.token
    if info is not None and (info.kind != "country" or token.i in actors.token_actor):
        return info.cameo_actor_code or slot.country
    # an unnamed agent, or one its country's name modifies ("Rwanda's information
    # minister": RWAGOVMED, "the US commander": USAMIL)
    country = info.cameo_actor_code if info is not None else slot.country
    found = agent(_agent_phrases(token)) if country and token.pos_ == "NOUN" else None
    return with_agent(country, found) if country and found else country


def _agent_phrases(noun: Token) -> list[str]:
    """The noun with its compound words ("information minister"), alone, and its lemma."""
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    start = compounds[0].i if compounds else noun.i
    return [noun.doc[start : noun.i + 1].text, noun.text, noun.lemma_]


def _country(slot: Slot | None, code: str | None) -> str | None:
    """The country the text gives the actor, else the one its dictionary code names
    ("Hamas" -> PSE of PSEREBHMS); an international body's code (IGO...) names none."""
    if slot is None:
        return None
    if slot.country:
        return slot.country
    prefix = (code or "")[:3]
    return prefix if prefix in country_codes() else None


def _has_who(slot: Slot | None) -> bool:
    return slot is not None and (slot.key is not None or slot.country is not None)


def _event(number: int, doc: Doc, frame: Frame, code: str, dyad: _Dyad, at: _Setting) -> Event:
    """The document's event `number`: one frame's code between one dyad."""
    start = frame.start.idx
    end = frame.end.idx + len(frame.end.text)
    return Event(
        event_id=f"{at.document_id}:e{number}",
        document_id=at.document_id,
        sentence_index=at.sentence_index,
        source_actor_key=dyad.source_key,
        target_actor_key=dyad.target_key,
        cameo_code=code,
        # = doc.text[start:end]; spaCy rebuilds doc.text on each access
        trigger_text=doc[frame.start.i : frame.end.i + 1].text,
        trigger_start_char=start,
        trigger_end_char=end,
        is_negated=at.negated,
        event_date=at.when.date if at.when else None,
        location_actor_key=at.location,
        evidence_start_char=at.evidence[0],
        evidence_end_char=at.evidence[1],
        is_hypothetical=is_hypothetical(frame.head),
        source_country_code=dyad.source_country,
        target_country_code=dyad.target_country,
        source_actor_code=dyad.source_code,
        target_actor_code=dyad.target_code,
        event_date_start_char=at.when.start_char if at.when else None,
        event_date_end_char=at.when.end_char if at.when else None,
    )
