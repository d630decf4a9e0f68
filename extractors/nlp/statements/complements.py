"""What a cue reports: the token range of its content, read off the parse by its frame.

A clause or object cue's content is its complement (`cues` lists the frames); when the
parse offers none, the cue may still report:
- through a pro-form ("said so", "said the same of X");
- about something: "warned of/about/against X", "called for a ban";
- the whole sentence, when the cue and its speaker are set off by commas mid-sentence
  ("X, he said, Y") or the cue is a parenthetical ("At the time, she said, Grayson was ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.nlp.statements.cues import cue_frames, is_raised
from extractors.nlp.statements.edges import LEADING_MARKERS, MIN_CONTENT_TOKENS, trim_markers
from extractors.nlp.statements.speakers import speaker_subjects

# What a cue is about when it has no clause or object: "warned of", "talked about",
# "called for"; a topic-frame cue has only this.
_TOPIC_PREPS = frozenset({"about", "of", "against", "for"})
_OBJECT_DEPS = frozenset({"dobj", "prep", "ccomp", "xcomp", "dative", "attr", "oprd", "advcl"})
_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "ccomp", "attr", "dobj", "npadvmod"})
_OBJECT_PREDICATE_DEPS = frozenset({"oprd", "acl", "xcomp", "appos", "amod"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "conj"})
_MAX_ADDRESSEE = 5
# Words that stand for what was said; a closed class of pronouns and answers, with
# "same" read on by the code below ("the same of X"), so kept here rather than as a lexicon.
_PRO_FORMS = frozenset({"so", "that", "this", "it", "yes", "no", "same"})


def reported_range(cue: Token) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports, or None."""
    frame = cue_frames().get(cue.lemma_.lower(), "clause")
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    if frame == "object" and not objects:
        # a gerund is the object of "supports squeezing out ..."
        objects = [c for c in cue.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    clauses.sort(key=lambda c: c.i < cue.i)  # a clause after the cue first
    intents = [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
    if frame == "clause" and not (clauses or objects):
        clauses = _misattached_clauses(cue, intents)
    if frame == "clause" and not clauses and (pro_form := _pro_form(cue)):
        return pro_form
    if is_raised(cue):
        # "appears to have won", also "seemed equally unperturbed", "seems intent on"
        rest = intents or [c for c in cue.rights if c.dep_ in ("acomp", "attr", "oprd")]
        if rest:
            subject = next(c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass"))
            return subject.left_edge.i, rest[0].right_edge.i + 1
    topic = _topic(cue, frame)
    wants = frame == "intention" or (frame == "object_complement" and not (objects or topic))
    if wants and intents and not clauses:
        # "vowed to repeal", "called to ban"
        start, end = intents[0].left_edge.i, intents[0].right_edge.i + 1
        return (start, end) if end - start >= MIN_CONTENT_TOKENS else None
    if frame == "object_complement" and (objects or _misparsed_predicate(cue)):
        span = _object_and_predicate(cue, objects)
        if span is None:
            return None
        start, end = span
    elif frame in ("object", "intention") and objects:
        start = objects[0].left_edge.i
        parts = [c for c in cue.rights if c.dep_ in _OBJECT_DEPS and c.i >= objects[0].i]
        end = max(c.right_edge.i for c in parts) + 1
    elif bracketed := _comma_bracketed(cue):
        start, end = bracketed
    elif clauses:
        start, end = _clause_range(cue, clauses[0])
    elif topic is not None:
        # "called on Trump to stop attacking": the topic and what it is asked to do
        start = topic.left_edge.i + 1
        end = max([topic.right_edge.i] + [c.right_edge.i for c in intents if c.i > topic.i]) + 1
    else:
        return _parenthetical(cue)
    start, end = trim_markers(cue.doc, start, end)
    # an object may be one word: "endorsed Trump", "support deportation"
    shortest = 1 if frame == "object" and objects else MIN_CONTENT_TOKENS
    return (start, end) if end - start >= shortest else None


def _clause_range(cue: Token, clause: Token) -> tuple[int, int]:
    """A clause after its cue, or one before it ending where the cue's subject begins
    ("The economy is growing, officials said")."""
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if clause.i > cue.i:
        return max(start, cue.i + 1), end
    subject_starts = [s.left_edge.i for s in speaker_subjects(cue) if s.i < cue.i]
    return start, min([end, cue.i, *subject_starts])


def _misparsed_predicate(cue: Token) -> Token | None:
    """The object parsed inside its predicate: "called [the government "smarter"]"."""
    return next(
        (
            c
            for c in cue.rights
            if c.dep_ == "oprd" and any(o.dep_ in ("npadvmod", "nsubj") for o in c.lefts)
        ),
        None,
    )


def _object_and_predicate(cue: Token, objects: list[Token]) -> tuple[int, int] | None:
    """ "called the judge a hater", "views X as Y", "called X ''an Aunt Tom''"."""
    if not objects:
        predicate = _misparsed_predicate(cue)  # the caller saw one
        return None if predicate is None else (predicate.left_edge.i, predicate.right_edge.i + 1)
    obj = objects[0]
    predicates = [
        c
        for c in cue.rights
        if c.i > obj.i
        and (c.dep_ in _PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ == "as"))
        and c.ent_type_ not in ("DATE", "TIME")  # "called his rival yesterday"
    ]
    # the parser often hangs the predicate on the object
    predicates += [c for c in obj.rights if c.dep_ in _OBJECT_PREDICATE_DEPS]
    if not predicates:
        return None
    return obj.left_edge.i, max(c.right_edge.i for c in predicates) + 1


def _misattached_clauses(cue: Token, intents: list[Token]) -> list[Token]:
    """The parser hangs a reported clause on a phrase between it and its cue: "said
    during a news conference that he may wait" (a relative clause of "conference"),
    "said legalizing it could put people to work" (under a gerund)."""
    for token in cue.doc[cue.i + 1 : cue.right_edge.i + 1]:
        if token.dep_ == "mark" and token.lower_ == "that" and token.head.dep_ == "relcl":
            return [token.head]
    return [c for c in intents if c.tag_ == "VBG" and any(g.dep_ == "ccomp" for g in c.children)]


def _pro_form(cue: Token) -> tuple[int, int] | None:
    """ "said so", "said that", "said it", "said yes", "said the same of Sanders": a word
    standing for what was said is the content, short as it is."""
    rights = [c for c in cue.rights if not c.is_punct]
    if not rights or any(c.dep_ in _PREDICATE_DEPS - {"dobj"} for c in rights):
        return None
    first = rights[0]
    if first.dep_ not in ("dobj", "advmod", "intj") or first.lower_ not in _PRO_FORMS:
        return None
    end = first.right_edge.i + 1
    if first.lower_ == "same":
        end = max([end] + [c.right_edge.i + 1 for c in rights[1:2] if c.dep_ == "prep"])
    return first.left_edge.i, end


def _comma_bracketed(cue: Token) -> tuple[int, int] | None:
    """ "Though that transition was seamless, he said, replacing Clinton would be
    harder": a speaker and cue set off by commas mid-sentence, with nothing of their own
    after the cue but a short addressee or time ("he told friends,"), report the whole
    sentence around them."""
    if any(c.left_edge.lower_ in LEADING_MARKERS for c in cue.rights):
        return None
    subjects = [s for s in speaker_subjects(cue) if s.i < cue.i]
    if not subjects:
        return None
    own = [c for c in cue.rights if not c.is_punct and c.dep_ not in _CLAUSE_DEPS]
    last = max([cue.i] + [c.right_edge.i for c in own])
    doc, sent = cue.doc, cue.sent
    first = min(s.left_edge.i for s in subjects)
    if first - 1 < sent.start or last + 1 >= sent.end or last - cue.i > _MAX_ADDRESSEE:
        return None
    if doc[first - 1].text != "," or doc[last + 1].text != ",":
        return None
    before = [t for t in doc[sent.start : first - 1] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[last + 2 : sent.end] if not (t.is_punct or t.is_space)]
    if len(before) < MIN_CONTENT_TOKENS or len(after) < MIN_CONTENT_TOKENS:
        return None
    return before[0].i, after[-1].i + 1


def _topic(cue: Token, frame: str) -> Token | None:
    """The preposition introducing what a cue is about ("warned of", "called for")."""
    preps = _TOPIC_PREPS | ({"on", "to"} if frame == "topic" else set())
    if frame == "object_complement":
        preps |= {"on"}
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in preps and child.right_edge.i > child.i:
            if child.lower_ == "for" and frame not in ("topic", "object_complement"):
                continue
            return child
    return None


def _parenthetical(cue: Token) -> tuple[int, int] | None:
    """ "At the time, she said, Grayson was ...": a cue set off by commas inside the
    clause it reports (parsed as parataxis): the content is that clause."""
    if cue.dep_ != "parataxis" or cue.head.i == cue.i:
        return None
    own = {t.i for t in cue.subtree}
    outside = [t for t in cue.head.subtree if t.i not in own and not t.is_punct]
    if len(outside) < 3:
        return None
    start, end = outside[0].i, outside[-1].i + 1
    return trim_markers(cue.doc, start, end)
