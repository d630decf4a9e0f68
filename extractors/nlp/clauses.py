"""Who-did-what-to-whom roles of a clause, read off the dependency parse.

A clause is headed by a verb ("Iran attacked Iraq"), by a light verb and its event noun
("launched a crackdown on militias", "stepped up their rhetoric against Iran") or by an
event noun alone ("accusations from U.S. officials", "talks between Iran and Iraq").
Roles are noun-phrase heads (tokens); the caller turns them into actors.

Covered constructions:
- active subjects, conjoined ("Iran and Iraq fought"), inherited by conjoined verbs
  ("denies ... and blames") and by controlled verbs: subject control ("decided to send"),
  object control ("told Iranian officials to stop backing" -> officials back), purpose
  clauses ("sent a delegation to Tehran to tell" -> the sender tells);
- passives: the passive subject is the target, the by-agent the source;
- relative clauses: "the militia that attacked" -> the militia;
- targets: direct and dative objects, objects of target prepositions, and of those
  prepositions on the object ("launched a crackdown on militias").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.nlp.syntax import (
    CLAUSAL_DEPS,
    doc_tree,
    governing_verbs,
    shares_subject,
    subjects,
)

# Prepositions whose object is the one acted upon: "fired at", "accusations against".
TARGET_PREPS = frozenset(
    {"to", "against", "on", "with", "at", "into", "toward", "towards", "over", "upon", "in"}
)
# "in" only names a target after some verbs ("invest in", "intervene in"); see below.
_IN_TARGET_LEMMAS = frozenset({"intervene", "invest", "interfere", "meddle"})
# Prepositions that name the source of an event noun: "accusations from", "attack by".
SOURCE_PREPS_NOUN = frozenset({"by", "from"})
TARGET_PREPS_NOUN = frozenset({"against", "on", "with", "at", "into", "toward", "towards", "to"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


def conjuncts(token: Token) -> list[Token]:
    """A noun phrase head and the heads conjoined to it ("Iran, ..., and Iraq")."""
    found = [token]
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        conj = stack.pop(0)
        if conj.pos_ in ("NOUN", "PROPN", "PRON"):
            found.append(conj)
        stack.extend(c for c in conj.children if c.dep_ == "conj")
    return found


def clause_subjects(verb: Token) -> list[Token]:
    """The active subjects of `verb` (`syntax.subjects`), clausal ones too, each with its
    conjuncts, following conjunction and control upwards over at most six verbs; a
    relative pronoun subject is known by its tag ("the militia that attacked")."""
    return subjects(
        verb,
        deps=_SUBJECT_DEPS,
        relative="tag",
        climbs=_shares_clause_subject,
        controller=_controller,
        conjoined=conjuncts,
        levels=6,
    )


def _shares_clause_subject(verb: Token) -> bool:
    """Besides conjoined verbs and infinitives (purpose clauses too: the subject of the
    main clause), a complement has its head's subject: "is willing to withdraw", "is
    ready to contribute", "kept fighting"; so has a participle clause ("police opened
    fire, killing one person")."""
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    return verb.dep_ in ("acomp", "xcomp") or participle or shares_subject(verb)


def _controller(verb: Token) -> Token | None:
    """The noun that stands as the subject of a verb without one: the object of an
    object-control verb ("told Iranian officials to stop backing" -> officials), the noun
    a relative clause or participle modifies ("militiamen firing rockets")."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ != "ADJ":
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if objects and head.lemma_.lower() in governing_verbs("object_control"):
            return objects[0]
        return None
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return head
    return None


# a headline ends at its line break, with no stop; a longer line is a sentence
_HEADLINE_TOKENS = 16
_SENTENCE_ENDS = frozenset(".!?:;\"'\u201d\u2019")


def headline_passive(verb: Token) -> bool:
    """ "Straw attacked on China arms": a headline drops the passive's auxiliary, and
    tells what someone did in the present tense ("Mandelson warns BBC"), so a past form
    heading it with a subject and neither auxiliary nor object is a passive."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "dative") for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    sent = verb.sent
    last = sent[-1]
    if not (last.is_space and "\n" in last.text) or len(sent) > _HEADLINE_TOKENS:
        return False
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text[-1] not in _SENTENCE_ENDS


def passive_subjects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not found and headline_passive(verb):
        found = [c for c in verb.children if c.dep_ == "nsubj"]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]  # "18 fighters killed by U.S. forces"
    if not found and verb.dep_ == "conj" and verb.tag_ == "VBN":
        found = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return [t for s in found for t in conjuncts(s)]


def agents(verb: Token) -> list[Token]:
    """Objects of the passive by-phrase."""
    return [
        t
        for a in verb.children
        if a.dep_ == "agent"
        for pobj in a.children
        if pobj.dep_ == "pobj"
        for t in conjuncts(pobj)
    ]


def objects(verb: Token) -> list[Token]:
    direct = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return [t for d in direct for t in conjuncts(d)]


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        t
        for prep in token.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for t in conjuncts(pobj)
    ]


def verb_targets(verb: Token, event_noun: Token | None = None) -> list[Token]:
    """Candidate targets, most direct first."""
    preps = TARGET_PREPS if verb.lemma_.lower() in _IN_TARGET_LEMMAS else TARGET_PREPS - {"in"}
    found = passive_subjects(verb)
    direct = objects(verb)
    if event_noun is not None:
        found += prep_objects(event_noun, TARGET_PREPS_NOUN | {"of"})
        direct = [d for d in direct if d.i != event_noun.i]
    found += direct + prep_objects(verb, preps)
    found += [p for o in objects(verb) for p in prep_objects(o, preps)]
    return found


def verb_sources(verb: Token) -> list[Token]:
    if headline_passive(verb):
        return agents(verb)  # its subject is the one acted on
    return clause_subjects(verb) + agents(verb)


def noun_roles(noun: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """(sources, targets, mutual) of an event noun.

    Sources: by/from phrases ("accusations from U.S. officials"); targets: against/on/
    with/at/to phrases; mutual: the members of "between A and B" (talks between).
    The noun's own possessive or nationality modifier is left to the caller.
    """
    sources = prep_objects(noun, SOURCE_PREPS_NOUN)
    targets = prep_objects(noun, TARGET_PREPS_NOUN)
    mutual = prep_objects(noun, frozenset({"between"}))
    return sources, targets, mutual


def clause_heads(token: Token):
    """`token`, then the heads of the clauses it is embedded in, up to the root."""
    seen = 0
    while seen < 8:
        yield token
        if token.head.i == token.i:
            return
        token = token.head
        seen += 1


def non_clausal_positions(token: Token) -> list[int]:
    """The positions of `non_clausal_descendants`, for a caller that reads the tree by
    position and builds Token objects only for the few words it keeps."""
    deps, children = doc_tree(token.doc)
    queue = [c for c in children[token.i] if deps[c] not in CLAUSAL_DEPS]
    for i in queue:  # what is appended meanwhile comes after: breadth first
        queue.extend([c for c in children[i] if deps[c] not in CLAUSAL_DEPS])
    return queue


def non_clausal_descendants(token: Token) -> Iterator[Token]:
    """Breadth-first descendants that stay in the clause of `token`."""
    doc = token.doc
    return (doc[i] for i in non_clausal_positions(token))
