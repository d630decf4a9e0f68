"""Whether an event is reported as done: hypothetical events and announced intentions.

- `is_hypothetical`: a modal ("would", "may", "will"), a conditional, or a governing verb
  of intent or request ("plans to", "urged ... to"), or a purpose clause;
- `intent_code`: an action the subject announces it will take ("will withdraw", "is
  willing to withdraw", "plans to impose restrictions") is coded as the intention, as
  CAMEO does (0356 intent to de-escalate, 13x threats); "would" counts in reported
  speech ("said they would boycott") when its subject can intend (a thing's "would" is
  the speaker's forecast: no event), and an action announced "unless" something
  happens, or one threatened ("threatened to impose a curfew"), is a threat (13x);
- `refusal_code`: an action refused ("refused to release", "will not accept") is CAMEO's
  rejection of it (root 12, `refusal_codes.csv`), an event that happened.

`is_speculation`: a possibility modal ("could", "may") marks no event at all, nor does an
open question ("decide whether to block").

Negation ("did not meet", "refused to meet") is `syntax.in_negated_scope`. The words come
from `extractors/lexicons/modals.csv`, `governing_verbs.csv`, `intent_codes.csv` and
`refusal_codes.csv`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TypeVar

from spacy.tokens import Token

from extractors import lexicons
from extractors.nlp.actors.codes import agent_phrase
from extractors.nlp.syntax import (
    carries_negation,
    governing_verbs,
    governors,
    is_infinitive,
    own_subjects,
)

_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_REPORTED_FUTURE = frozenset({"would", "'d"})
T = TypeVar("T")
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
    return any(c.dep_ == "aux" and c.lower_ in modals() for c in verb.children) or (
        is_conditional(verb)
    )


def is_conditional(verb: Token) -> bool:
    """ "if he accepted China's claim": the verb's own clause is a condition, or what is
    said in one ("if they are saying Brown is ousting Milburn")."""
    reported = [g for g in governors(verb, ("ccomp",)) if g.pos_ in ("VERB", "AUX")]
    return any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS
        for clause in (verb, *reported)
        for c in clause.children
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
    if (
        head.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.lower_ in _REPORTED_FUTURE for c in head.children)
        and _can_intend(head)
    ):
        return True
    if is_intended(head) and head.head.lemma_.lower() in own:
        return True  # "have sworn to fight", parsed as a purpose clause
    return any(
        g.lemma_.lower() in own or g.lower_ in own for g in governors(head, ("xcomp", "acomp"))
    )


def _can_intend(clause: Token) -> bool:
    """Whether a reported clause's subject is someone who can intend: a name, a pronoun or
    an agent ("the government"). Of a thing the speaker forecasts ("said the EU's
    changes would force Britain", "the economy would struggle")."""
    subject = next(iter(own_subjects(clause)), None)
    return (
        subject is None
        or subject.pos_ in ("PRON", "PROPN")
        or bool(subject.ent_type_)
        or agent_phrase(subject.lemma_) is not None
    )


def is_intended(verb: Token) -> bool:
    """The complement of a verb of intent: "offered to hand over", and "sworn to fight"
    when the parser makes it a purpose clause."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and is_infinitive(verb))


def _governed_by(head: Token, effect: str) -> bool:
    """ "refused to release": a governing verb of this `governing_verbs.csv` column."""
    return any(g.lemma_.lower() in governing_verbs(effect) for g in governors(head, ("xcomp",)))


def longest_prefix(code: str, mapping: Mapping[str, T]) -> T | None:
    """The value of the longest prefix of `code` (4, 3 or 2 digits) in `mapping`."""
    return next((mapping[code[:n]] for n in (4, 3, 2) if code[:n] in mapping), None)


def has_intent_form(code: str) -> bool:
    """Whether an announced action of this code is coded as its intention."""
    return longest_prefix(code, _intent_codes()) is not None


def has_refusal_form(code: str) -> bool:
    """Whether a refused action of this code is coded as its rejection."""
    return longest_prefix(code, _refusal_codes()) is not None


def intent_code(head: Token, code: str) -> str:
    """The intent code for an action the subject announces it will take, else `code`.
    The longest prefix of `code` in the map wins; codes it has no prefix of (statements,
    appeals, demands ...) stay as they are. An action announced "unless" something
    happens, or threatened ("threatened to impose a curfew"), is a threat: its own
    threat code (1312 for sanctions) or 130."""
    if head.pos_ != "VERB" or not _announced(head):
        return code
    intended = longest_prefix(code, _intent_codes())
    if (_ultimatum(head) or _governed_by(head, "threatening")) and not code.startswith("13"):
        return intended if intended and intended.startswith("13") else THREAT_CODE
    return intended or code


@cache
def _refusal_codes() -> dict[str, str]:
    """Prefix of an action's code -> the code of refusing it (CAMEO's root 12)."""
    return {r["action_prefix"]: r["refusal_code"] for r in lexicons.rows("refusal_codes")}


def refusal_code(head: Token, code: str) -> str | None:
    """The code of refusing the action a negated head names, when the text refuses it
    ("refused to release", "will not accept", "would not meet their demands"), not just
    reports it undone ("did not meet"); None otherwise or for an action CAMEO has no
    refusal of (a fight not fought is no rejection)."""
    refusing = _governed_by(head, "refusing")
    future = modals("future") | _REPORTED_FUTURE
    declined = carries_negation(head) and any(
        c.dep_ == "aux" and c.lower_ in future for c in head.children
    )
    return longest_prefix(code, _refusal_codes()) if refusing or declined else None


def _ultimatum(head: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in head.children
    )


def is_speculation(head: Token) -> bool:
    """ "could offer China opportunities", "may sue": what might happen is no event; nor
    what is still an open question ("will decide whether to block the auction")."""
    possible = modals("possibility")
    return any(
        (c.dep_ == "aux" and c.lower_ in possible) or (c.dep_ == "mark" and c.lower_ == "whether")
        for c in head.children
    )


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
