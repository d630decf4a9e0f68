"""Who said it: the speaker of a reporting verb, as a character span and an actor.

The speaker is the cue's subject (`syntax.subjects`), with two readings of its own: a
relative pronoun subject stands for the noun its clause modifies ("X, who said ..."), and
a participle inherits the subject of the verb it hangs on (", saying ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.nlp.actors import DocActors
from extractors.nlp.statements.found import Speaker
from extractors.nlp.syntax import own_subjects, subjects


def speaker_subjects(verb: Token) -> list[Token]:
    """Who performs a reporting verb: its own subjects, a relative pronoun among them
    known by the word ("who", "that", ...); else those it inherits (`subjects`), a
    relative pronoun there left as it is; else those of the verb a participle hangs on
    (", saying ...", "issued a statement saying ...")."""
    found = own_subjects(verb, relative="word") or subjects(verb)
    if not found and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "conj"):
        head = verb.head
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            found = subjects(head)
    return found


def _noun_phrase(head: Token) -> tuple[int, int]:
    """Token range of a speaker, cut before an apposition, relative clause or comma."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("appos", "punct", "relcl", "cc", "conj") or child.text in '"“”':
            break
        end = child.right_edge.i + 1
    start = head.left_edge.i
    while start < head.i and (head.doc[start].is_punct or head.doc[start].is_space):
        start += 1
    return start, end


def speaker_of(heads: list[Token], actors: DocActors) -> Speaker | None:
    """The span covering the noun phrases of `heads`, and the actor of the last one that
    has one."""
    if not heads:
        return None
    doc = heads[0].doc
    ranges = [_noun_phrase(s) for s in heads]
    start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
    key = None
    for subject in reversed(heads):
        key = actors.actor_of(subject)
        if key:
            break
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), key


def cue_speaker(cue: Token, actors: DocActors) -> Speaker | None:
    """The speaker of a reporting verb."""
    return speaker_of(speaker_subjects(cue), actors)
