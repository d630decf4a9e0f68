"""What the words around a person's name say about them: the role ("Iraqi government
spokesman Ali al-Dabbagh", "Sami al-Askari, a senior lawmaker") and the tokens that hint
at their country or the body they belong to ("a lawmaker in the UIA").

The title run before the name and the apposition after it are where news names a
person's office; they are read off the parse here, and the country and sector steps
interpret them later.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.nlp.actors.mentions import RawMention

# Title-run tokens may belong to these entity types ("U.S. Defense Secretary").
_TITLE_ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG"})
# Dependencies a title word may have when the parser attached it away from the name; a
# compound elsewhere modifies another noun ("The UK Nintendo DS launch": UK -> launch).
_MODIFIER_DEPS = frozenset({"conj", "appos"})
# Prepositions that attach a person to the body or person they belong to: "a lawmaker in
# the UIA", "a close confidant of al-Maliki", "spokesman for the ministry".
_AFFILIATION_PREPS = frozenset({"in", "of", "for", "from", "with"})


def person_context(raw: RawMention) -> None:
    """Set a person mention's role (unless its entity had one) and its hint tokens."""
    run = title_run(raw.span)
    appos = _apposition(raw.span)
    raw.role = raw.role or _role_text(run) or _role_text(appos)
    raw.hints = run + appos


def title_run(span: Span) -> list[Token]:
    """The titles and modifiers right before a name: "Iraqi government spokesman"."""
    doc = span.doc
    run: list[Token] = []
    if doc[span.start].ent_iob_ == "I":
        return run  # the words before belong to another name the NER ran into this one
    # a title modifies the name or another title word; in "attacked the way Tony Blair's
    # government works" the noun before the name is the verb's object. A modifier the
    # small parser attached elsewhere ("... and Manchester United manager Sir Alex
    # Ferguson", "manager" a conjunct) is kept.
    attached = set(range(span.start, span.end))
    i = span.start - 1
    # back to the sentence's first token at most, told by the flag of the one after
    # (`span.sent` builds the whole sentence for its start)
    while i >= 0 and not doc[i + 1].is_sent_start:
        token = doc[i]
        in_entity = token.ent_type_ and token.ent_type_ not in _TITLE_ENTITY_LABELS
        hyphen = token.text == "-" and not doc[i - 1].whitespace_ and not token.whitespace_
        if _country_possessive(token):
            run[:0] = [doc[i - 1], token]  # "Australia's Lleyton Hewitt"
            break
        if in_entity or not (hyphen or token.pos_ in ("PROPN", "NOUN", "ADJ")):
            break
        governs_name = span.root.head.i == i  # "minister Joseph Bideri" parsed as appos
        if token.head.i not in attached and token.dep_ not in _MODIFIER_DEPS and not governs_name:
            break
        attached.add(i)
        run.insert(0, token)
        i -= 1
    return run


def _country_possessive(token: Token) -> bool:
    """The "'s" of a place that owns what follows: "Russia's Yukos"."""
    return token.tag_ == "POS" and token.i > token.sent.start and token.nbor(-1).ent_type_ == "GPE"


def title_role(span: Span) -> str | None:
    """The role words of the title run before any name: "telecoms regulator" (Ofcom)."""
    return _role_text(title_run(span))


def _role_text(tokens: list[Token]) -> str | None:
    """Role words of a title run or apposition, without names of places or groups."""
    words = [t for t in tokens if not t.ent_type_ and t.pos_ != "DET" and t.tag_ != "POS"]
    if not words:
        return None
    doc = words[0].doc
    return (
        doc[words[0].i : words[-1].i + 1].text.lower()
        if _contiguous(words)
        else (" ".join(t.lower_ for t in words))
    )


def _contiguous(tokens: list[Token]) -> bool:
    return all(b.i == a.i + 1 for a, b in zip(tokens, tokens[1:], strict=False))


def _apposition(span: Span) -> list[Token]:
    """Role tokens of an apposition: "Sami al-Askari, a senior lawmaker" -> senior lawmaker."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return []
    for child in span.root.children:
        if child.dep_ != "appos" or child.pos_ not in ("NOUN", "PROPN"):
            continue
        if child.left_edge.i != span.end + 1:
            continue  # an apposition must follow the name directly
        tokens = [c for c in child.lefts if c.dep_ in ("amod", "compound", "nmod", "det")]
        tokens.append(child)
        for prep in child.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objs = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
                if objs and not list(objs[0].children):
                    tokens.extend([prep, objs[0]])
        return sorted(tokens, key=lambda t: t.i)
    return []


def affiliation(span: Span) -> list[Token]:
    """Tokens of what an apposition attaches the person to: "a lawmaker in the Shiite
    alliance and a close confidant of al-Maliki" -> the Shiite alliance, al-Maliki."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return []
    heads = [
        c
        for c in span.root.children
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.left_edge.i == span.end + 1
    ]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    tokens: list[Token] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _AFFILIATION_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        tokens.extend(obj.subtree)
    return tokens
