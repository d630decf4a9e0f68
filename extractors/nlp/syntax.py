"""Small helpers over parsed docs, shared by the actor, statement and event extractors."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_TEXT_KEY = ("wirehouse", "text")

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


def subjects(verb: Token) -> list[Token]:
    """Active subjects of a verb, inherited from the governing verb when the verb is
    conjoined ("denies ... and blames") or an infinitive ("decided to send")."""
    while True:
        found = [c for c in verb.children if c.dep_ == "nsubj"]
        if found or verb.head is verb:
            return found
        infinitive = verb.dep_ in ("xcomp", "advcl") and is_infinitive(verb)
        if verb.dep_ != "conj" and not infinitive:
            return found
        verb = verb.head


def is_infinitive(verb: Token) -> bool:
    """ "to stop", "not to worry": the verb carries the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_negated(verb: Token) -> bool:
    """ "did not say", and "did not elaborate nor say" (negation on the head verb)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "neg" for c in verb.head.children)


def trimmed_sentence(sent: Span) -> tuple[int, int]:
    """Character range of a sentence without surrounding whitespace."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # = sent.text, not rebuilt
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def speaker_subjects(verb: Token) -> list[Token]:
    """Who performs a reporting verb: its subjects (`subjects`), else those of the verb a
    participle hangs on (", saying ...", "issued a statement saying ..."); a relative
    pronoun subject ("X, who said ...") stands for the noun the clause modifies."""
    found = subjects(verb)
    if not found and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "conj"):
        head = verb.head
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.head is not head:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            found = subjects(head)
    out = []
    for subject in found:
        if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = verb.head
        out.append(subject)
    return out
