"""Small helpers over parsed docs, shared by the actor, statement and event extractors."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from spacy.attrs import DEP, HEAD, POS
from spacy.tokens import Doc, Span, Token

from extractors import lexicons

_TEXT_KEY = "wirehouse.text"  # spaCy types user_data keys as str

# Dependents that open a new clause: their content is not part of this clause's frame.
CLAUSAL_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "parataxis", "csubj"})


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc: spaCy joins it from every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record the text a doc was parsed from, so `doc_text` need not rebuild it: spaCy's
    tokenizer keeps every character, so the two are equal."""
    doc.user_data[_TEXT_KEY] = text


class Tree(NamedTuple):
    """A doc's dependency tree as plain lists, indexed by token position."""

    deps: list[str]
    children: list[list[int]]  # in order, as `Token.children` gives them


@lru_cache(maxsize=1)  # the document being extracted (docs are not changed meanwhile)
def doc_tree(doc: Doc) -> Tree:
    """The tree of `doc`, read from spaCy's arrays once: spaCy builds a new Token on
    every `.head` and `.children` step and looks `dep_` up anew, and the extractors walk
    the same clauses for every verb, frame and place."""
    offsets = doc.to_array(HEAD).astype("int64").tolist()  # head's position - own
    children: list[list[int]] = [[] for _ in offsets]
    for i, offset in enumerate(offsets):
        if offset:
            children[i + offset].append(i)
    strings = doc.vocab.strings
    return Tree([strings[d] for d in doc.to_array(DEP).tolist()], children)


def subtree_positions(tree: Tree, i: int) -> list[int]:
    """Token `i` and its descendants: the positions of `Token.subtree`, not in order."""
    found = [i]
    for j in found:  # what is appended meanwhile is walked too
        found.extend(tree.children[j])
    return found


@lru_cache(maxsize=1)  # the document being extracted
def pos_ids(doc: Doc) -> list[int]:
    """Each token's coarse part of speech as spaCy's symbol (`spacy.symbols.VERB`...),
    read from its array: no Token object and no string per token."""
    return doc.to_array(POS).tolist()


_NOMINAL_SUBJECT = frozenset({"nsubj"})
# A relative pronoun subject stands for the noun its clause modifies. Which tokens count
# is each caller's, kept as each was fitted: speakers go by the word, clause roles by the
# tag (which also takes "what", and leaves out a "that" the tagger did not call WDT).
RelativeBy = Literal["word", "tag"]
_RELATIVE_WORDS = frozenset({"who", "that", "which", "whom"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def own_subjects(
    verb: Token, deps: frozenset[str] = _NOMINAL_SUBJECT, relative: RelativeBy | None = None
) -> list[Token]:
    """The subjects hanging on `verb` itself. With `relative`, a relative pronoun subject
    of a relative clause ("the militia that attacked", "X, who said") is the noun the
    clause modifies."""
    found = [c for c in verb.children if c.dep_ in deps]
    if len(found) > 1:
        # a clause has one subject (conjoined ones hang on it): two is a misparse, and
        # the nearer is the verb's ("Mr Straw, visiting Beijing, noted arms embargoes
        # applied to China": embargoes, not Straw, applied)
        words = [s for s in found if not s.is_punct] or found  # "co - chairman": "-"
        found = [min(words, key=lambda s: abs(verb.i - s.i))]
    if relative is None or verb.dep_ != "relcl":
        return found
    if relative == "word":
        return [verb.head if s.lower_ in _RELATIVE_WORDS else s for s in found]
    return [verb.head if s.tag_ in _RELATIVE_TAGS else s for s in found]


def shares_subject(verb: Token) -> bool:
    """A conjoined verb ("denies ... and blames") or an infinitive ("decided to send",
    "sent troops to stop") has the subject of the verb it hangs on."""
    return verb.dep_ == "conj" or (verb.dep_ in ("xcomp", "advcl") and is_infinitive(verb))


def subjects(
    verb: Token,
    *,
    deps: frozenset[str] = _NOMINAL_SUBJECT,
    relative: RelativeBy | None = None,
    climbs: Callable[[Token], bool] = shares_subject,
    controller: Callable[[Token], Token | None] | None = None,
    conjoined: Callable[[Token], list[Token]] | None = None,
    levels: int | None = None,
) -> list[Token]:
    """Active subjects of a verb: its own (`own_subjects`, with `deps` and `relative`),
    else those of the verb it hangs on, upwards while `climbs` (by default
    `shares_subject`). A caller that reads more adds `controller`, a noun that stands as
    the subject of a verb without one; `conjoined`, each subject with the heads conjoined
    to it; `levels`, how many verbs to look at (None: up to the root)."""
    for _ in range(levels) if levels is not None else itertools.count():
        found = own_subjects(verb, deps, relative)
        if found or verb.head.i == verb.i:
            break
        noun = controller(verb) if controller is not None else None
        if noun is not None:
            found = [noun]
            break
        if not climbs(verb):
            break
        verb = verb.head
    else:
        return []  # `levels` verbs looked at, none with a subject
    return [t for s in found for t in conjoined(s)] if conjoined is not None else found


def is_infinitive(verb: Token) -> bool:
    """ "to stop", "not to worry": the verb carries the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def carries_negation(verb: Token) -> bool:
    """ "did not say", and "did not elaborate nor say": a negation on the verb, or on the
    verb it is conjoined to. A negated cue reports nothing; `in_negated_scope` extends
    this to what makes an event not happen."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "neg" for c in verb.head.children)


def governors(token: Token, deps: tuple[str, ...], limit: int = 3) -> Iterator[Token]:
    """Heads reached from `token` while the link is one of `deps`, at most `limit`."""
    current = token
    for _ in range(limit):
        if current.dep_ not in deps or current.head.i == current.i:
            return
        current = current.head
        yield current


@cache
def governing_verbs(effect: str) -> frozenset[str]:
    """The words of `extractors/lexicons/governing_verbs.csv` marked with `effect` (a
    column: hypothetical, own_intent, object_control, negating, denial, refusing,
    threatening): what a verb (or adjective) does to the complement it governs."""
    return frozenset(r["word"] for r in lexicons.rows("governing_verbs") if r[effect])


def in_negated_scope(head: Token) -> bool:
    """An event that did not happen: `carries_negation`, a "no" or "never" ("no talks"),
    a governing verb that carries negation or negates its complement ("did not agree to
    meet", "refused to meet"), or a governing denial ("denied reports the delegation
    would meet the cleric")."""
    if carries_negation(head) or any(
        c.lower_ in ("never", "no") and c.dep_ in ("neg", "det") for c in head.children
    ):
        return True
    for governor in governors(head, ("xcomp",)):
        if carries_negation(governor) or governor.lemma_.lower() in governing_verbs("negating"):
            return True
    if head.pos_ == "VERB":
        for governor in governors(head, ("ccomp", "acl", "relcl", "dobj", "xcomp")):
            if governor.lemma_.lower() in governing_verbs("denial") and governor.pos_ == "VERB":
                return True
    return False


def trimmed_sentence(sent: Span) -> tuple[int, int]:
    """Character range of a sentence without surrounding whitespace."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # = sent.text, not rebuilt
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())
