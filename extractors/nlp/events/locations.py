"""Where an event happened: `location_actor_key`.

The place named in a locative phrase ("in Basra", "the southern city of Basra") of the
event's clause, else of the clause it is embedded in, else the nearest one inside the
clause's own subordinate phrases. The place's country also stands for actors without a
country of their own (`roles`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from extractors.nlp.actors import LOCATIVE_PREPS, DocActors
from extractors.nlp.clauses import clause_heads, non_clausal_positions
from extractors.nlp.syntax import CLAUSAL_DEPS, doc_tree


def _phrase(token: Token) -> Iterator[Token]:
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


def _place_in(tokens: Iterable[Token], actors: DocActors) -> str | None:
    for candidate in tokens:
        key = actors.token_actor.get(candidate.i)
        if key and actors.actors[key].kind in ("location", "country"):
            return key
    return None


def _locatives(tokens: Iterable[Token]) -> list[Token]:
    return [t for t in tokens if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS]


def _clause_place(clause: Token, actors: DocActors, known: dict[int, str | None]) -> str | None:
    """The place of the first locative phrase of a clause that names one. Frames of one
    sentence share the clauses they are embedded in: `known` reads each clause once."""
    if clause.i not in known:
        doc = clause.doc
        deps = doc_tree(doc).deps
        # a locative is a preposition's object: no Token is built for the other words
        objects = (doc[i] for i in non_clausal_positions(clause) if deps[i] == "pobj")
        places = (_place_in(_phrase(t), actors) for t in _locatives(objects))
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
