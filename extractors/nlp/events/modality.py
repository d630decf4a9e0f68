"""Whether an event is reported as done: hypothetical events and announced intentions.

- `is_hypothetical`: a modal ("would", "may", "will"), a conditional, or a governing verb
  of intent or request ("plans to", "urged ... to"), or a purpose clause;
- `intent_code`: an action the subject announces it will take ("will withdraw", "is
  willing to withdraw", "plans to impose restrictions") is coded as the intention, as
  CAMEO does (0356 intent to de-escalate, 13x threats); "would" counts in reported
  speech ("said they would boycott"), and an action announced "unless" something
  happens is a threat (130).

`is_speculation`: a possibility modal ("could", "may") marks no event at all.

Negation ("did not meet", "refused to meet") is `syntax.in_negated_scope`. The words come
from `extractors/lexicons/modals.csv`, `governing_verbs.csv` and `intent_codes.csv`.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extractors import lexicons
from extractors.nlp.syntax import governing_verbs, governors, is_infinitive

_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_REPORTED_FUTURE = frozenset({"would", "'d"})
THREAT_CODE = "130"


@cache
def modals(use: str = "") -> frozenset[str]:
    """The modal auxiliaries; with `use` (a column: obligation, future), those marked so."""
    return frozenset(r["word"] for r in lexicons.rows("modals") if not use or r[use])


@cache
def _intent_codes() -> dict[str, str]:
    """Prefix of an action's code -> the code of the intention to take it."""
    return {r["action_prefix"]: r["intent_code"] for r in lexicons.rows("intent_codes")}


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals() for c in verb.children) or any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children
    )


def _purpose(verb: Token) -> bool:
    return verb.dep_ == "advcl" and is_infinitive(verb)


def _announced(head: Token) -> bool:
    """ "will withdraw", "plans to withdraw", "is willing to withdraw": the subject's own
    intention, not a request."""
    own = governing_verbs("own_intent")
    if any(c.dep_ == "aux" and c.lower_ in modals("future") for c in head.children):
        return True
    # reported speech shifts "will" back: "said they would boycott"
    if head.dep_ == "ccomp" and any(
        c.dep_ == "aux" and c.lower_ in _REPORTED_FUTURE for c in head.children
    ):
        return True
    return any(
        g.lemma_.lower() in own or g.lower_ in own for g in governors(head, ("xcomp", "acomp"))
    )


def has_intent_form(code: str) -> bool:
    """Whether an announced action of this code is coded as its intention."""
    return any(code[:size] in _intent_codes() for size in (4, 3, 2))


def intent_code(head: Token, code: str) -> str:
    """The intent code for an action the subject announces it will take, else `code`.
    The longest prefix of `code` in the map wins; codes it has no prefix of (statements,
    appeals, demands ...) stay as they are."""
    if head.pos_ != "VERB" or not _announced(head):
        return code
    if _ultimatum(head) and not code.startswith("13"):
        return THREAT_CODE  # "will withdraw its force unless ...": a threat
    for size in (4, 3, 2):
        if code[:size] in _intent_codes():
            return _intent_codes()[code[:size]]
    return code


def _ultimatum(head: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in head.children
    )


def is_speculation(head: Token) -> bool:
    """ "could offer China opportunities", "may sue": what might happen is no event."""
    possible = modals("possibility")
    return any(c.dep_ == "aux" and c.lower_ in possible for c in head.children)


def is_hypothetical(head: Token) -> bool:
    """Modal, conditional, intended or requested rather than reported as done."""
    hypothetical = governing_verbs("hypothetical")
    clause = head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        clause = head.head
        lemma = clause.lemma_.lower()
        if lemma != "be" and lemma in hypothetical:  # "plans an offensive"
            return True
    if _modal(clause) or _purpose(clause):
        return True  # "would meet", "if they attack", "sent a delegation to tell"
    for governor in governors(clause, ("xcomp", "conj", "advcl"), limit=4):
        if governor.lemma_.lower() in hypothetical or _modal(governor) or _purpose(governor):
            return True
    return False
