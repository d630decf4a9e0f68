"""The frames of a sentence: each trigger with its head, code and candidate roles.

A verb of the lexicon makes a frame, a light verb with its event noun makes one ("launched
a crackdown"), an event noun that no verb frame took in makes its own ("accusations from
U.S. officials"), and a reported obligation makes a demand ("said Libya must hand over":
CAMEO 100 from the reporter to Libya). The candidate roles (noun-phrase heads) come from
`extractors.nlp.clauses`: subjects, passives, conjoined actors, control and purpose
clauses, prepositional roles; `roles` turns them into actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Span, Token

from extractors import lexicons
from extractors.lexicons.dictionary_set import dictionary_set
from extractors.lexicons.verb_dictionary import NO_EVENT
from extractors.nlp.clauses import (
    clause_subjects,
    conjuncts,
    non_clausal_positions,
    noun_roles,
    objects,
    verb_sources,
    verb_targets,
)
from extractors.nlp.events.modality import (
    has_intent_form,
    has_refusal_form,
    is_intended,
    longest_prefix,
    modals,
)
from extractors.nlp.events.triggers import VerbRule, light_noun, noun_rule, verb_rule
from extractors.nlp.events.verb_patterns import VerbMatch, codes_event, verb_match
from extractors.nlp.syntax import doc_tree, governing_verbs, pos_ids, subtree_positions

DEMAND_CODE = "100"
APPEAL_CODE = "020"
_YIELD = "08"
STATEMENT_CODE = "010"
_REQUEST_ROOTS = ("02", "10")  # CAMEO appeal, demand
_HEADS = frozenset({NOUN, PROPN})  # parts of speech, as spaCy's symbols
# heads of the noun phrases inside a verb phrase, not modifiers ("Iranian-made")
_PHRASE_HEADS = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "appos", "conj"})
# where and when, not to whom: "met in Paris", "after the talks"
_TIME_PREPS = frozenset({"during", "since", "after", "before"})
_PLACE_AND_TIME_PREPS = frozenset({"in", "at", "near"}) | _TIME_PREPS
# a phrase that sets someone aside or compares with them names no one acted on
_ASIDE_PREPS = frozenset({"despite", "amid", "amidst", "notwithstanding", "like", "unlike", "than"})
_LIKENESS = frozenset({"similar", "comparable", "identical", "akin", "equivalent"})


@dataclass
class Frame:
    head: Token  # carries modality, negation, date and location
    start: Token  # first token of the trigger
    end: Token  # last token of the trigger
    code: str
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    mutual: list[Token] = field(default_factory=list)
    noun: Token | None = None  # the event noun, if any
    # "arrived in Gondor": where it happened, the target when nothing else is and it
    # names an actor that is not just a place ("met in Paris" is not about Paris)
    places: list[Token] = field(default_factory=list)
    # a two-way code's second half: the same dyad back ("visited": 043 from the host)
    back: str | None = None
    requested: bool = False  # an act an appeal or demand asks for, not done


def sentence_frames(sent: Span) -> list[Frame]:
    """The frames of the sentence's verbs in order, then those of the event nouns no verb
    frame took in."""
    frames: list[Frame] = []
    consumed: set[int] = set()  # event nouns a verb frame codes already
    # read by position: a Token is built only for the verbs and nouns
    doc = sent.doc
    tags = pos_ids(doc)
    deps = doc_tree(doc).deps
    for i in range(sent.start, sent.end):
        # a participle used as an adjective describes ("China's rapidly expanding economy")
        if tags[i] in (VERB, AUX) and deps[i] not in ("aux", "amod"):
            token = doc[i]
            if not _adjectival_participle(token):
                frames.extend(_verb_frames(token, consumed))
    for i in range(sent.start, sent.end):
        if tags[i] == NOUN and i not in consumed:
            frame = _noun_frame(doc[i])
            if frame is not None:
                frames.append(frame)
    kept = [
        f
        for f in frames
        if not (_reports_another(f, frames) or _announces_another(f, frames) or _bare_statement(f))
    ]
    if dictionary_set().our_cameo_rules:
        for frame in kept:
            frame.code = _request_for(frame, kept)
    return kept


def _adjectival_participle(token: Token) -> bool:
    """A past participle (parsed so or as a past tense) right after a determiner or a
    preposition modifies the noun that follows, whatever the parse says ("founded by
    assassinated former prime minister Hariri", "the wounded soldiers")."""
    if token.tag_ not in ("VBN", "VBD") or token.i == 0:
        return False
    return token.doc[token.i - 1].pos_ in ("DET", "ADP") and dictionary_set().our_cameo_rules


def _asked_frames(request: Frame, frames: list[Frame]) -> list[Frame]:
    """The frames of the acts an appeal or demand asks for: its complements."""
    return [
        other
        for other in frames
        if other is not request
        and other.head.head == request.head
        and other.head.dep_ in ("xcomp", "ccomp")
    ]


def _bare_statement(frame: Frame) -> bool:
    """CAMEO 010, a statement "not specified below", with the shipped dictionary: who said
    what is fct_statements' (speaker, quote, cue), and a verb of speech with whatever noun
    follows is no event between two actors ("spoke at an event organised by ...")."""
    return frame.code == STATEMENT_CODE and dictionary_set().our_cameo_rules


def _phrase_words(verb: Token) -> list[int]:
    """The positions of the words of the verb's clause, with the participles that modify
    its nouns ("the roads leading into Mordor"), not the clauses it governs, nor the
    by-phrase of a passive (its source) or a gerund's phrase ("accused X of excluding
    Y"). Read by position: a Token is built only for a possible participle."""
    doc = verb.doc
    tree = doc_tree(doc)
    deps, children = tree
    found = non_clausal_positions(verb)
    candidates = found + [c for i in found for c in children[i]]
    for participle in [i for i in candidates if deps[i] == "acl" and _is_participle(doc[i])]:
        found.append(participle)
        found.extend(non_clausal_positions(doc[participle]))
    apart = {t for c in found if deps[c] in ("agent", "pcomp") for t in subtree_positions(tree, c)}
    return [i for i in found if i not in apart]


def _is_participle(token: Token) -> bool:
    """A participle modifying a noun ("the roads leading into Mordor"), not a clause of
    its own ("speculation that his father entered Britain")."""
    return (
        token.dep_ == "acl"
        and token.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _reports_another(frame: Frame, frames: list[Frame]) -> bool:
    """ "Syria said it will withdraw": a bare statement (010) whose reported clause holds
    an event is that event's report, not a second event, as PETRARCH codes it."""
    if frame.code != STATEMENT_CODE or frame.head.pos_ != "VERB":
        return False
    reported = [
        range(c.left_edge.i, c.right_edge.i + 1)
        for c in frame.head.children
        if c.dep_ in ("ccomp", "xcomp")
    ]
    return any(other.head.i in span for other in frames for span in reported)


def _announces_another(frame: Frame, frames: list[Frame]) -> bool:
    """ "offered to hand over the suspects to Britain", "refused to release the sailors":
    a verb of intent or refusal whose complement is an action with an intent (or
    rejection) code is that intention (033 to Britain) or rejection (1243), coded on the
    complement, whose roles it has; not a second, target-less event (030, 120)."""
    if not dictionary_set().our_cameo_rules:
        return False
    lemma = frame.head.lemma_.lower()
    if lemma in governing_verbs("own_intent"):
        coded_on_it = has_intent_form
    elif lemma in governing_verbs("refusing"):
        coded_on_it = has_refusal_form
    else:
        return False
    return any(
        is_intended(other.head) and other.head.head == frame.head and coded_on_it(other.code)
        for other in frames
        if other is not frame
    )


@cache
def _request_codes() -> dict[str, tuple[str, str]]:
    """Prefix of an act's code -> (the appeal for it, the demand for it)."""
    return {
        r["action_prefix"]: (r["appeal_code"], r["demand_code"])
        for r in lexicons.rows("request_codes")
    }


def _request_for(frame: Frame, frames: list[Frame]) -> str:
    """An appeal or demand's code; a bare one (020, 100) for an act another frame codes
    is the appeal or demand for that act ("urged Iran to release the sailors": 0253).
    The acts asked for are marked `requested`: no events of their own."""
    if not frame.code.startswith(_REQUEST_ROOTS):
        return frame.code
    code = frame.code
    for asked in _asked_frames(frame, frames):
        asked.requested = True
        codes = longest_prefix(asked.code, _request_codes())
        if codes is not None and code in (APPEAL_CODE, DEMAND_CODE):
            code = codes[0] if frame.code == APPEAL_CODE else codes[1]
    return code


def _verb_frames(token: Token, consumed: set[int]) -> list[Frame]:
    """A light verb's frame, else a reported demand and the verb's own frame; adds the
    event nouns these code to `consumed`."""
    light = light_noun(token)
    if light is not None:
        noun, noun_code = light
        consumed.add(noun.i)
        return [_light_frame(token, noun, noun_code)]
    if token.pos_ != "VERB":
        return []
    frames = []
    obliged = _obligation(token) if dictionary_set().our_cameo_rules else None
    if obliged is not None:  # "said Libya must hand over": a demand (CAMEO 100)
        frames.append(_demand_frame(token, obliged))
    if _demanded(token):
        return frames  # "said the US should back Ukraine": asked for, not done
    match = verb_match(token)
    if match is not None and _reports_a_claim(token, match):
        return frames  # "suggested Yukos manufactured a case": said, not asked
    rule = verb_rule(token) if dictionary_set().our_cameo_rules else None
    # A pattern of the dictionary is the most specific reading; our own row comes
    # before the dictionary's code for the bare verb (see cameo_verbs.csv's notes).
    if match is not None and (match.by_pattern or rule is None):
        if codes_event(match):
            consumed.update(_same_event_objects(token, match.code))
            frames.extend(_dictionary_frames(token, match))
        return frames
    if rule is not None:
        consumed.update(_same_event_objects(token, rule.cameo_code))
        frames.append(_action_frame(token, rule))
    return frames


def _dictionary_frames(verb: Token, match: VerbMatch) -> list[Frame]:
    """The verb's frame, with the code back from target to source of a two-way code
    ("visited": 042 from the visitor, 043 from the host)."""
    sources = [t for t in [match.source] if t is not None] + verb_sources(verb)
    later, places = _phrase_nouns(verb, match.end)
    targets = [t for t in [match.target] if t is not None] + verb_targets(verb)
    targets += _asked(verb, match.code) + later
    back = match.reverse_code if match.reverse_code != NO_EVENT else None
    return [Frame(verb, verb, match.end, match.code, sources, targets, places=places, back=back)]


def _asked(verb: Token, code: str) -> list[Token]:
    """The one an appeal or demand asks to act: "demanding that Mugabe abandon"."""
    if not (code.startswith(_REQUEST_ROOTS) and dictionary_set().our_cameo_rules):
        return []  # (CAMEO's roots: another set's codes mean something else)
    # a clause before the verb is what was said ("X want Y - the EU urged Z"), not the ask
    return [
        s for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i for s in clause_subjects(c)
    ]


def _phrase_nouns(verb: Token, end: Token) -> tuple[list[Token], list[Token]]:
    """The noun phrases after the verb, in order: any may hold the target, as PETRARCH
    reads a verb phrase ("welcomed a resumption of ties with Osgiliath"); those of
    place and time prepositions apart."""
    doc = verb.doc
    if _parenthetical(verb):
        return [], []
    tree = doc_tree(doc)
    tags = pos_ids(doc)
    words = _phrase_words(verb)
    later = sorted(
        {
            c
            for i in words
            if i > end.i and tags[i] in _HEADS and tree.deps[i] in _PHRASE_HEADS
            for c in conjuncts(doc[i])
        },
        key=lambda t: t.i,
    )
    places = [t for t in later if t.dep_ == "pobj" and t.head.lower_ in _PLACE_AND_TIME_PREPS]
    # nor anyone deeper in a time phrase: "after the arrival of President Bush" (a place
    # phrase may hold the target: "took part in talks with Iran"), nor in a phrase set
    # aside or compared ("despite US objections", "a system similar to Australia's")
    apart = {
        t
        for prep in words
        if tree.deps[prep] == "prep" and _time_or_aside(doc[prep])
        for t in subtree_positions(tree, prep)
    }
    return [
        t for t in later if t not in places and t.i not in apart and _within_reach(t, verb)
    ], places


_OPENING_DEPS = frozenset({"npadvmod", "advmod", "prep", "advcl", "intj"})
_ASIDE_MARKS = frozenset({",", "-", "--", "\u2013", "\u2014"})


def _parenthetical(verb: Token) -> bool:
    """ "as proved, he claimed, by the defection to Labour": a clause set in commas (its
    subject just after one, the verb just before the next, no object of its own) reports
    the sentence around it, whose nouns the parser may hang on it (our rules)."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if not dictionary_set().our_cameo_rules or subject is None or verb.i + 1 >= len(doc):
        return False
    opening = subject.left_edge.i - 1
    before = doc[opening - 1] if opening > 0 else None
    # "Yesterday, they accused, in a statement, Iran": the verb's own opening phrase
    own_words_before = before is not None and any(
        c.dep_ in _OPENING_DEPS and c.left_edge.i <= before.i <= c.right_edge.i for c in verb.lefts
    )
    has_object = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    return (
        opening >= 0
        and doc[opening].text in _ASIDE_MARKS
        and doc[verb.i + 1].text in _ASIDE_MARKS
        and not own_words_before
        and not has_object
    )


# a target lies within two prepositions of its verb ("urged the release of the crew
# of the ship"); deeper it is a detail of a detail ("rejected calls for the
# publication of advice on the legality of the Iraq war")
_MAX_PREPS = 2


def _within_reach(noun: Token, verb: Token) -> bool:
    """Whether the noun is near enough to the verb to be whom it acted on (with another
    dictionary set, PETRARCH's reading: any noun of the verb phrase)."""
    if not dictionary_set().our_cameo_rules:
        return True
    preps = 0
    token = noun
    while token.i != verb.i and token.head.i != token.i:
        preps += token.dep_ == "prep"
        token = token.head
    return preps <= _MAX_PREPS


def _time_or_aside(prep: Token) -> bool:
    if prep.dep_ != "prep":
        return False
    word = prep.lower_
    if word in _TIME_PREPS:
        return True
    if not dictionary_set().our_cameo_rules:
        return False
    head = prep.head.lemma_.lower()
    return (
        word in _ASIDE_PREPS
        or (word == "to" and head in _LIKENESS)
        or (word == "of" and counterpart(prep.head))
    )


@cache
def _counterpart_nouns() -> frozenset[str]:
    return frozenset(r["lemma"] for r in lexicons.rows("counterpart_nouns"))


def counterpart(noun: Token) -> bool:
    """ "opponents of Mr Putin", "the regime's victims": the one the noun's of-phrase or
    possessor names is the other side of the relation, not who the noun stands for (our
    rules; PETRARCH reads any noun of the phrase)."""
    return dictionary_set().our_cameo_rules and noun.lemma_.lower() in _counterpart_nouns()


def _light_frame(verb: Token, noun: Token, rule: VerbRule) -> Frame:
    """ "launched a crackdown on militias": the noun's code, the roles of both."""
    noun_sources, noun_targets, mutual = noun_roles(noun)
    # A passive puts the noun first: "a crackdown was launched".
    first, last = sorted((verb, noun), key=lambda t: t.i)
    return Frame(
        head=verb,
        start=first,
        end=last,
        code=rule.cameo_code,
        sources=verb_sources(verb) + noun_sources,
        targets=noun_targets + verb_targets(verb, event_noun=noun),
        mutual=mutual,
        noun=noun,
    )


@cache
def _demand_verbs() -> frozenset[str]:
    """Reporting verbs whose obligation complement is a demand ("X said Y must ...")."""
    return frozenset(r["lemma"] for r in lexicons.rows("cues") if r["obligation_is_demand"])


def _obligation(verb: Token) -> Token | None:
    """The reported clause of "X said Y must/should ..." (a demand on Y), if any."""
    if verb.lemma_.lower() not in _demand_verbs():
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in modals("obligation") for c in clause.children
        ):
            return clause
    return None


def _demanded(verb: Token) -> bool:
    """The reported clause of a demand ("X said Y must ..."), which is not an event of Y."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i != verb.i
        and dictionary_set().our_cameo_rules
        and _obligation(head) == verb
    )


# "asked whether": a question; a reported clause in the indicative or with "would" is a claim
_QUESTION_MARKS = frozenset({"whether", "if"})
# finite forms; a plural present verb ("demanded that they refuse") may be a subjunctive
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ"})
_FINITE_AUX_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _reports_a_claim(verb: Token, match: VerbMatch) -> bool:
    """An appeal or demand verb whose complement is a claim or a question, not a request:
    "suggested that Parliament could decide", "asked whether the Lib Dems would match",
    "insisted the leadership had made advances" (a request asks for an act: "urged them
    to", "demanded that he resign", "should")."""
    if match.by_pattern or not match.code.startswith(_REQUEST_ROOTS):
        return False
    if not dictionary_set().our_cameo_rules or any(
        c.dep_ in ("dobj", "xcomp") for c in verb.children
    ):
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if marks & _QUESTION_MARKS:
            return True
        if any(a.lower_ in modals("obligation") for a in auxiliaries):
            continue
        # finite: "had broken", "could decide", "manufactured"; not "that he resign";
        # "are" is never a subjunctive ("suggest the Tories are soft")
        if (
            clause.tag_ in _FINITE_VERB_TAGS
            or any(a.tag_ in _FINITE_AUX_TAGS for a in auxiliaries)
            or (clause.lemma_ == "be" and clause.tag_ == "VBP")
        ):
            return True
    return False


def _demand_frame(verb: Token, obliged: Token) -> Frame:
    return Frame(
        head=verb,
        start=verb,
        end=verb,
        code=DEMAND_CODE,
        sources=verb_sources(verb),
        targets=clause_subjects(obliged),
    )


def _same_event_objects(verb: Token, code: str) -> list[int]:
    """ "imposed sanctions": an object event noun of the verb's root code is the same event;
    so is the object of a yielding verb (08: "lifted the blockade" ends it, and reports
    no blockade of its own)."""
    found = []
    for obj in objects(verb):
        object_rule = noun_rule(obj)
        if object_rule and (object_rule.cameo_code[:2] == code[:2] or code.startswith(_YIELD)):
            found.append(obj.i)
    return found


def _action_frame(verb: Token, rule: VerbRule) -> Frame:
    """The verb's own frame; a particle the rule names ends the trigger ("pulled out")."""
    end = verb
    if rule.prep:
        particle = next(
            (c for c in verb.children if c.dep_ == "prt" and c.lower_ == rule.prep), None
        )
        if particle is not None and 0 < particle.i - verb.i <= 3:
            end = particle
    later, places = _phrase_nouns(verb, end)
    asked = _asked(verb, rule.cameo_code)
    return Frame(
        head=verb,
        start=verb,
        end=end,
        code=rule.cameo_code,
        sources=verb_sources(verb),
        targets=verb_targets(verb) + asked + later,
        places=places,
    )


@cache
def _hearsay_nouns() -> frozenset[str]:
    return frozenset(r["lemma"] for r in lexicons.rows("hearsay_nouns"))


def _hearsay(noun: Token) -> bool:
    """ "claims of a clash", "fears of an attack": said or feared, not reported as done."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in _hearsay_nouns()
        and dictionary_set().our_cameo_rules
    )


def _noun_frame(noun: Token) -> Frame | None:
    """An event noun's frame ("accusations from U.S. officials"), if it is one."""
    rule = noun_rule(noun)
    if rule is None or _hearsay(noun):
        return None
    sources, targets, mutual = noun_roles(noun)
    return Frame(
        head=noun,
        start=noun,
        end=noun,
        code=rule.cameo_code,
        sources=[noun, *sources],  # the noun itself: "Iran's attack", "U.S.-led invasion"
        targets=targets,
        mutual=mutual,
        noun=noun,
    )
