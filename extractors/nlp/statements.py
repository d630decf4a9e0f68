"""Attributed statements: direct quotes, indirect speech, and mixed forms.

Direct quotes are found on the text (`extractors.nlp.quotes`) and attributed through a cue
right after (""...," said X", ""...?" X asked") or right before ("X said: "..."",
"X said, "..."", or a paragraph ending "X said:"), or closed by a dash and a name
(""..." ― Jane Roe"). Pieces of one quotation interrupted by its attribution (""A," he
said. "B."") are one statement. A paragraph that opens with a quote and has no cue
continues the previous speaker (cue null). A quote with words before it in its sentence
("using the tax ''is misguided,'' said X") or after it ("said that, "..." against the
attacks") is part of a mixed statement that spans the sentence.

Indirect speech comes from the dependency parse: a reporting verb of the cue lexicon
(`data/cues.csv`, one frame per lemma) with
- `clause`: a clausal complement ("said the delegation had taken questions", also
  post-posed "..., officials said"), or
- `object`: a noun-phrase complement for speech-act verbs ("denied reports ...",
  "accuses Iran of arming ..."), or
- `object_complement`: an object with its predicate ("called the judge a hater");
- `intention`: an infinitive or object ("vowed to repeal", "wants a wall");
- `topic`: what the cue is about ("talked about trade", "called for a ban");
- `raising`: no speaker, the subject with its infinitive ("X appears to have won"; also a
  passive intention verb: "X is expected to run").
Clause and object cues also fall back to "warned of/about/against X"; a clause cue with
only a pro-form reports it ("said so", "said the same of X"); a cue set off by commas
mid-sentence ("X, he said, Y") reports the whole sentence.
"according to X" attributes its clause to X, a sentence-initial "In a <poll/statement...>"
(`data/source_nouns.csv`) the rest of a cue-less sentence, and a line "Name: ..." (a
headline or a transcript, also one that opens with a quote mark) its text. A participle
inherits the speaker of the verb it hangs on (", saying ..."). Negated cues ("did not
say") report nothing, and a cue inside its own speaker's content ("sought to show his
independence") adds nothing.

The rules and the cue lexicon were fitted on PolNeAR's train split (`make eval` reports
dev): a lemma earns its place when more than a third of its uses there are attributions
(below that it costs F1). The lexicon holds spaCy's lemmas as spaCy makes them: "hop"
stands for "hoping"/"hoped".

An indirect statement whose content holds a quoted fragment is "mixed" (the content then
runs to the end of the quotation); one whose content is entirely inside a quotation is
"direct".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.attrs import IDX, LEMMA, LOWER, SENT_START
from spacy.tokens import Doc, Token

from extractors import lexicons
from extractors.nlp.actors import DocActors
from extractors.nlp.dates import TimeExpression, clause_time
from extractors.nlp.quotes import Quote, find_quotes
from extractors.nlp.syntax import doc_text, is_negated, speaker_subjects
from extractors.records import Statement

__all__ = ["Quote", "cue_frames", "cue_lexicon", "extract_statements", "find_quotes"]

FRAMES = frozenset({"clause", "object", "object_complement", "intention", "topic", "raising"})
# What a cue is about when it has no clause or object: "warned of", "talked about",
# "called for"; a topic-frame cue has only this.
_TOPIC_PREPS = frozenset({"about", "of", "against", "for"})
_OBJECT_DEPS = frozenset({"dobj", "prep", "ccomp", "xcomp", "dative", "attr", "oprd", "advcl"})
_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "ccomp", "attr", "dobj", "npadvmod"})
_OBJECT_PREDICATE_DEPS = frozenset({"oprd", "acl", "xcomp", "appos", "amod"})
_LEADING_MARKERS = frozenset({"that", "if", "whether"})
_TRAILING_TRIM = " \t\n\u00a0,.;:—–-"
_LEADING_TRIM = " \t\n\u00a0,;:—–-"
# How far (in tokens) a cue may sit after a closing quote mark.
_MAX_CUE_DISTANCE = 25
# Longest gap (characters) between two pieces of one interrupted quotation.
_MAX_INTERRUPTION = 250
_MIN_CONTENT_TOKENS = 2
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "conj"})
_MAX_ADDRESSEE = 5
_PRO_FORMS = frozenset({"so", "that", "this", "it", "yes", "no", "same"})
_LEAD_IN_BREAKS = frozenset({".", "?", "!", ":", ";", "-", "--", "—", "–"})


@cache
def cue_frames() -> dict[str, str]:
    """Reporting-verb lemma -> the frame its content takes (see the module docstring)."""
    frames = {row["lemma"].strip(): row["frame"].strip() for row in lexicons.rows("cues")}
    unknown = {f for f in frames.values() if f not in FRAMES}
    if unknown:
        raise ValueError(f"cues.csv: unknown frames {sorted(unknown)}")
    return frames


@cache
def cue_lexicon() -> dict[str, bool]:
    """Reporting-verb lemma -> whether its object (not only a clause) is the content."""
    return {lemma: frame != "clause" for lemma, frame in cue_frames().items()}


@cache
def source_nouns() -> frozenset[str]:
    """Nouns that name where a claim comes from: "In a Des Moines Register poll, ..." """
    return frozenset(row["lemma"].strip() for row in lexicons.rows("source_nouns"))


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    cue: Token | None
    speaker: tuple[int, int, str | None] | None  # start_char, end_char, actor_key
    line_start: int = -1
    quotes: list[Quote] = field(default_factory=list)


class _Tokens:
    """Character offset -> token lookups on one doc, and its text read once (spaCy
    rebuilds `Doc.text` from the tokens on every access)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        # columns, not Token objects: building one per token was the step's main cost
        columns = doc.to_array([IDX, LEMMA, LOWER, SENT_START])
        self.starts: list[int] = columns[:, 0].tolist()
        self.lemmas: list[int] = columns[:, 1].tolist()
        self.lowers: list[int] = columns[:, 2].tolist()
        self.sentence_starts = [
            start
            for n, (start, flag) in enumerate(zip(self.starts, columns[:, 3].tolist(), strict=True))
            if n == 0 or flag == 1
        ]

    def at(self, char: int) -> Token | None:
        """The token that starts at a character offset."""
        found = self.between(char, char + 1)
        return found[0] if found else None

    def indices_within(self, spans: list[tuple[int, int]]) -> set[int]:
        """Indices of the tokens that start inside any of the character spans."""
        inside: set[int] = set()
        for start, end in spans:
            lo = bisect.bisect_left(self.starts, start)
            inside.update(range(lo, bisect.bisect_left(self.starts, end)))
        return inside

    def candidate_cues(self) -> list[int]:
        """Indices of the tokens that may open a statement: a cue lemma, "according"
        or "in" (see `_indirect`)."""
        strings = self.doc.vocab.strings
        frames = cue_frames()
        lemmas = {h for h in set(self.lemmas) if strings[h].lower() in frames}
        lowers = {strings["according"], strings["in"]}
        return [
            n
            for n, (lemma, lower) in enumerate(zip(self.lemmas, self.lowers, strict=True))
            if lemma in lemmas or lower in lowers
        ]

    def between(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return list(self.doc[lo:hi])


def _is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in cue_frames():
        return False
    # "sent a team to discuss militias": a purpose, not a report.
    return not (token.dep_ == "advcl" and any(c.lower_ == "to" for c in token.children))


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


def _speaker_of(heads: list[Token], actors: DocActors) -> tuple[int, int, str | None] | None:
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


def _speaker(cue: Token, actors: DocActors) -> tuple[int, int, str | None] | None:
    return _speaker_of(speaker_subjects(cue), actors)


def _has_right_clause(cue: Token) -> bool:
    """The cue reports a clause of its own after it ("..., he said the plan would fail");
    one after a comma is a misparsed apposition ("said X, who heads Correct the Record")."""
    doc = cue.doc
    return any(
        c.dep_ == "ccomp"
        and c.i > cue.i
        and not any(t.text == "," for t in doc[cue.i + 1 : c.left_edge.i])
        for c in cue.children
    )


def _cue_after(quote: Quote, text: str, tokens: _Tokens) -> Token | None:
    if quote.close_mark is None or quote.close_end is None:
        return None
    after = text[quote.close_end : quote.line_end]
    inner_end = text[quote.open_mark : quote.close_mark].rstrip()
    if not (after.lstrip().startswith((",", "—", "–")) or inner_end.endswith((",", "?", "!"))):
        return None
    following = tokens.between(quote.close_end, quote.line_end)[:_MAX_CUE_DISTANCE]
    for n, token in enumerate(following):
        if token.text in ('"', "“", "''", "``") or (n and token.text in (".", "!", "?")):
            break
        # '"...," referencing its donations': a participle after a quote is the next
        # clause, not the quote's attribution
        if _is_cue(token) and not is_negated(token) and token.tag_ != "VBG":
            return None if _has_right_clause(token) else token
    return None


def _cue_before(quote: Quote, text: str, tokens: _Tokens) -> Token | None:
    before = text[quote.line_start : quote.open_mark].rstrip()
    lead_start, lead_end = quote.line_start, quote.open_mark
    if not before:
        # 'X said:' closing the previous paragraph introduces a quote paragraph.
        previous = text[: max(quote.line_start - 1, 0)].rstrip()
        if not previous.endswith(":"):
            return None
        lead_start, lead_end = previous.rfind("\n") + 1, len(previous)
    elif not before.endswith((":", ",")):
        return None
    cues = [t for t in tokens.between(lead_start, lead_end) if _is_cue(t) and not is_negated(t)]
    if not cues:
        return None
    cue = cues[-1]
    # The cue must govern what follows it, not an earlier clause of its own.
    if any(t.text in (".", "!", "?") for t in tokens.between(cue.idx, lead_end)):
        return None
    return cue


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _LEADING_MARKERS or doc[start].is_punct):
        if doc[start].text in ('"', "“", "''", "``"):
            break
        start += 1
    return start, end


def _complement(cue: Token) -> tuple[int, int] | None:
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
    if _raised(cue):
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
        return (start, end) if end - start >= _MIN_CONTENT_TOKENS else None
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
    start, end = _trim(cue.doc, start, end)
    # an object may be one word: "endorsed Trump", "support deportation"
    shortest = 1 if frame == "object" and objects else _MIN_CONTENT_TOKENS
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
        predicate = _misparsed_predicate(cue)
        return predicate.left_edge.i, predicate.right_edge.i + 1
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
    if any(c.left_edge.lower_ in _LEADING_MARKERS for c in cue.rights):
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
    if len(before) < _MIN_CONTENT_TOKENS or len(after) < _MIN_CONTENT_TOKENS:
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
    if cue.dep_ != "parataxis" or cue.head is cue:
        return None
    own = {t.i for t in cue.subtree}
    outside = [t for t in cue.head.subtree if t.i not in own and not t.is_punct]
    if len(outside) < 3:
        return None
    start, end = outside[0].i, outside[-1].i + 1
    return _trim(cue.doc, start, end)


def _according_to(token: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "..., according to X" / "According to X, ...": (X's head, content token range)."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = token.sent
    phrase = {t.i for t in token.subtree}
    first, last = min(phrase), max(phrase)
    words = [t for t in sent if t.i not in phrase and not (t.is_punct or t.is_space)]
    before = [t for t in words if t.i < first]
    after = [t for t in words if t.i > last]
    side = after if len(after) >= len(before) else before
    if len(side) < 3:
        return None
    return source, _trim(token.doc, side[0].i, side[-1].i + 1)


def _in_source(token: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "In a Des Moines Register poll last month, Mr. Cruz had a lead": a sentence-initial
    "in <poll/survey/statement...>" attributes the rest of a cue-less sentence."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in source_nouns():
        return None
    sent = token.sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or words[0] is not token or any(_is_cue(t) for t in sent):
        return None
    last = max(t.i for t in token.subtree)
    rest = [t for t in words if t.i > last]
    if len(rest) < 3:
        return None
    return source, _trim(token.doc, rest[0].i, rest[-1].i + 1)


# A transcript quoted paragraph by paragraph opens each line with a mark: '"PENCE: Well, ...'
_HEADLINE_SPEAKER = re.compile(
    r"^([\"“]?)([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S.{8,})$"
)
_NOT_SPEAKERS = frozenset(
    {
        "note",
        "update",
        "photo",
        "video",
        "watch",
        "read",
        "related",
        "editor's note",
        "source",
        "sources",
        "credit",
        "correction",
        "image",
        "caption",
        "warning",
        "breaking",
        "listen",
        "more",
        "see also",
        "also",
        "tags",
        "topics",
        "posted",
        "filed under",
    }
)


def _headline_speakers(doc: Doc, actors: DocActors, tokens: _Tokens) -> list[_Found]:
    """ "Carson: Cruz taking 'Benghazi' approach" and transcript lines "Q: ...": a line
    that opens with a short capitalised name and a colon is that name's statement."""
    found = []
    line_start = 0
    text = tokens.text
    for line in text.split("\n"):
        match = _HEADLINE_SPEAKER.match(line)
        if match and match[2].lower() not in _NOT_SPEAKERS and not match[2][-1].isdigit():
            speaker = doc.char_span(
                line_start + match.start(2), line_start + match.end(2), alignment_mode="expand"
            )
            if speaker is not None and not any(t.pos_ in ("VERB", "AUX") for t in speaker):
                start = line_start + match.start(3)
                end = line_start + len(line.rstrip(_TRAILING_TRIM + '"”'))
                content = text[start:end]
                kind = "direct" if match[1] or content[:1] in "\"“‘'" else "indirect"
                found.append(
                    _Found(
                        start,
                        end,
                        kind,
                        None,
                        (speaker.start_char, speaker.end_char, actors.actor_of(speaker.root)),
                        line_start,
                    )
                )
        line_start += len(line) + 1
    return found


def _raised(cue: Token) -> bool:
    """ "The president is expected to run", "Trump appears to have won": no one is
    named; the content is the subject with its infinitive."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    frame = cue_frames().get(cue.lemma_.lower())
    return frame == "raising" or (
        frame == "intention" and any(c.dep_ == "auxpass" for c in cue.children)
    )


def _speakerless(cue: Token) -> bool:
    """A question put by someone unnamed ("when asked whether ...") or a passive report
    ("it was reported that ..."): a statement without a speaker."""
    return cue.lemma_.lower() == "ask" or any(c.dep_ == "auxpass" for c in cue.children)


def _char_range(doc: Doc, start: int, end: int, text: str) -> tuple[int, int]:
    begin, finish = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    while finish > begin and text[finish - 1] in _TRAILING_TRIM:
        finish -= 1
    while begin < finish and text[begin] in _LEADING_TRIM:
        begin += 1
    return begin, finish


def _runs_on(quote: Quote, text: str) -> bool:
    """The sentence goes on after the closing mark ('"a disaster" for every family'):
    the quote is a fragment of a larger statement, not a statement of its own."""
    if quote.close_mark is None or quote.close_end is None:
        return False
    if text[quote.open_mark : quote.close_mark].rstrip().endswith((",", ".", "?", "!", ";", ":")):
        return False
    return text[quote.close_end : quote.line_end].lstrip()[:1].isalnum()


def _lead_in(quote: Quote, doc: Doc, tokens: _Tokens, text: str) -> int | None:
    """Start of the words before a quote in its sentence ("However laudable the goal,
    using the tax ''is misguided,'' said X"): the statement is mixed and starts there."""
    mark = tokens.at(quote.open_mark)
    if mark is None:
        return None
    lead = list(doc[mark.sent.start : mark.i])
    # spaCy often ends the previous sentence after the opening mark; a colon or a dash
    # introduces the quote rather than leading into it
    ends = [n for n, t in enumerate(lead) if t.text in _LEAD_IN_BREAKS]
    if ends:
        lead = lead[ends[-1] + 1 :]
    words = [t for t in lead if not (t.is_punct or t.is_space)]
    if len(words) < _MIN_CONTENT_TOKENS or any(_is_cue(t) for t in words):
        return None
    return _char_range(doc, words[0].i, mark.i, text)[0]


def _sentence_end(quote: Quote, tokens: _Tokens, text: str) -> int:
    """End of the sentence a run-on quote sits in, without its final punctuation."""
    mark = tokens.at(quote.close_mark)
    if mark is None:
        return quote.end
    sent = mark.sent
    return _char_range(sent.doc, sent.start, sent.end, text)[1]


_BYLINE = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][\w.'’ -]{1,60}?)[ \t.]*(?:,[^\n]*)?$")


def _byline(
    quote: Quote, doc: Doc, text: str, actors: DocActors
) -> tuple[int, int, str | None] | None:
    """'"..." ― Sonya Herridge': a quote closed by a dash and a name (reader comments,
    epigraphs) is that person's statement."""
    if quote.close_end is None:
        return None
    match = _BYLINE.match(text, quote.close_end, quote.line_end)
    if not match:
        return None
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if name is None or len(name) > 6 or not all(t.text[:1].isupper() or t.is_punct for t in name):
        return None
    return name.start_char, name.end_char, actors.actor_of(name.root)


def _direct(doc: Doc, actors: DocActors, tokens: _Tokens) -> tuple[list[_Found], list[Quote]]:
    text = tokens.text
    found: list[_Found] = []
    fragments: list[Quote] = []
    last_direct: _Found | None = None
    for quote in find_quotes(text):
        after = _cue_after(quote, text, tokens)
        cue = after or _cue_before(quote, text, tokens)
        runs_on = _runs_on(quote, text)
        previous = found[-1] if found and found[-1].line_start == quote.line_start else None
        if previous is not None and previous.quotes[-1].close_mark is not None and not runs_on:
            gap = quote.open_mark - previous.end
            interrupted = (
                previous.cue is not None
                and previous.end <= previous.cue.idx < quote.open_mark
                and gap <= _MAX_INTERRUPTION
            )
            if (cue is not None and previous.cue is cue) or (cue is None and interrupted):
                previous.end = quote.end
                previous.quotes.append(quote)
                continue
        if cue is not None:
            item = _Found(
                quote.start, quote.end, "direct", cue, _speaker(cue, actors), quote.line_start
            )
            lead_in = _lead_in(quote, doc, tokens, text) if after is not None else None
            if lead_in is not None:
                item.start, item.kind = lead_in, "mixed"
            elif after is None and runs_on:
                item.end, item.kind = _sentence_end(quote, tokens, text), "mixed"
        elif byline := _byline(quote, doc, text, actors):
            item = _Found(quote.start, quote.end, "direct", None, byline, quote.line_start)
        elif (
            not text[quote.line_start : quote.open_mark].strip()
            and last_direct is not None
            and not runs_on
        ):
            item = _Found(
                quote.start, quote.end, "direct", None, last_direct.speaker, quote.line_start
            )
        else:
            fragments.append(quote)
            continue
        item.quotes.append(quote)
        found.append(item)
        last_direct = item
    return found, fragments


def _quoted_spans(found: _Found) -> list[tuple[int, int]]:
    """A direct statement's text, less the narration between its quotes where the cue
    goes on with a reporting participle: in '"A," she said, adding that B. "C."' the
    clause after "adding" is a statement of its own (PolNeAR annotates it so), though A
    and C are one quote."""
    quotes = found.quotes
    if (
        len(quotes) <= 1
        or found.cue is None
        or not any(
            child.tag_ == "VBG" and _is_cue(child) and quotes[0].end <= child.idx < quotes[-1].start
            for child in found.cue.children
        )
    ):
        return [(found.start, found.end)]
    inner = [(q.start, q.end) for q in quotes[1:-1]]
    return [(found.start, quotes[0].end), *inner, (quotes[-1].start, found.end)]


def _indirect(
    doc: Doc,
    actors: DocActors,
    direct: list[_Found],
    fragments: list[Quote],
    tokens: _Tokens,
) -> list[_Found]:
    text = tokens.text
    used = {f.cue.i for f in direct if f.cue is not None}
    spans = [span for f in direct for span in _quoted_spans(f)]
    quoted = tokens.indices_within(spans)
    found: list[_Found] = []
    seen: set[tuple[int, int]] = set()
    for index in tokens.candidate_cues():
        if index in used or index in quoted:
            continue
        token = doc[index]
        according = _according_to(token) or _in_source(token)
        speakerless = False
        if according is not None:
            source, complement = according
            cue, speaker = token, _speaker_of([source], actors)
        elif _is_cue(token) and not is_negated(token):
            complement, cue = _complement(token), token
            raised = _raised(token)
            speaker = _speaker(token, actors) if complement and not raised else None
            speakerless = raised or (speaker is None and _speakerless(token))
        else:
            continue
        if complement is None or (speaker is None and not speakerless):
            continue
        if complement[1] - complement[0] < 1:
            continue
        start, end = _char_range(doc, *complement, text)
        if end <= start or (start, end) in seen:
            continue
        if any(start < e and s < end for s, e in spans):
            continue
        kind = "indirect"
        inside = [q for q in fragments if q.start < end and start < q.end]
        if inside:
            kind = "mixed"
            whole = inside[0]
            if len(inside) == 1 and whole.start <= start + 1 and end <= whole.end + 1:
                kind, start, end = "direct", whole.start, whole.end
            else:
                end = max([end, *(q.end for q in inside if q.start >= start)])
        seen.add((start, end))
        found.append(_Found(start, end, kind, cue, speaker))
    return [f for f in found if not any(_nested(f, other) for other in found)]


def _nested(inner: _Found, outer: _Found) -> bool:
    """ "sought to show his independence": the cue and content of `inner` lie inside the
    content of `outer`, said by the same speaker: one statement, not two."""
    return (
        inner is not outer
        and inner.speaker == outer.speaker
        and inner.cue is not None
        and outer.start <= inner.cue.idx < outer.end
        and outer.start <= inner.start
        and inner.end <= outer.end
    )


def _line_start(text: str, char: int) -> int:
    return text.rfind("\n", 0, char) + 1


def _sentence_quotes(text: str, found: list[_Found], fragments: list[Quote]) -> list[_Found]:
    """A quoted sentence mid-paragraph with no cue of its own (""A" before the incident,
    she said. "B."") belongs to the statement before it in the paragraph: it extends that
    statement when its cue sits in between, else it is a new quote by the same speaker."""
    extra: list[_Found] = []
    for quote in fragments:
        if any(quote.start < f.end and f.start < quote.end for f in found + extra):
            continue
        before = text[quote.line_start : quote.open_mark].rstrip()
        if not before or not before.endswith((".", "?", "!", '"', "”", "''")):
            continue
        earlier = [
            f
            for f in found + extra
            if f.end <= quote.open_mark
            and _line_start(text, f.start) == quote.line_start
            and f.speaker is not None
        ]
        if not earlier:
            continue
        previous = max(earlier, key=lambda f: f.end)
        cue = previous.cue
        if cue is not None and previous.end <= cue.idx < quote.open_mark:
            previous.end = quote.end
            if previous.kind == "indirect":
                previous.kind = "mixed"
        else:
            extra.append(_Found(quote.start, quote.end, "direct", None, previous.speaker))
    return extra


def _overlaps(a: _Found, b: _Found) -> bool:
    return a.start < b.end and b.start < a.end


def _said_when(item: _Found, published: date | None) -> TimeExpression | None:
    """The statement's own time expression: one on its cue verb ("said on Thursday",
    "told reporters yesterday"), not one inside what was said ("blames the invasion in
    2003")."""
    if item.cue is None or item.cue.pos_ not in ("VERB", "AUX"):
        return None
    when = clause_time(item.cue, published)
    if when is None or (item.start <= when.start_char and when.end_char <= item.end):
        return None
    return when


def extract_statements(
    doc: Doc, actors: DocActors, document_id: str, published: date | None = None
) -> list[Statement]:
    tokens = _Tokens(doc)
    text = tokens.text
    direct, fragments = _direct(doc, actors, tokens)
    found = direct + _indirect(doc, actors, direct, fragments, tokens)
    found += _sentence_quotes(text, found, fragments)
    # a "Name: ..." line names its speaker; it beats a cue-less guess on the same text
    headlines = _headline_speakers(doc, actors, tokens)
    found = [f for f in found if f.cue is not None or not any(_overlaps(f, h) for h in headlines)]
    found += [h for h in headlines if not any(_overlaps(h, f) for f in found)]

    sentence_starts = tokens.sentence_starts
    statements: list[Statement] = []
    for n, item in enumerate(sorted(found, key=lambda f: (f.start, f.end))):
        speaker_start, speaker_end, key = item.speaker or (None, None, None)
        cue_text = None
        if item.cue is not None:
            cue_text = {"according": "according to", "in": "in"}.get(item.cue.lower_, item.cue.text)
        when = _said_when(item, published)
        statements.append(
            Statement(
                statement_id=f"{document_id}:s{n}",
                document_id=document_id,
                sentence_index=max(0, bisect.bisect_right(sentence_starts, item.start) - 1),
                speaker_actor_key=key,
                speaker_text=text[speaker_start:speaker_end] if item.speaker else None,
                speaker_start_char=speaker_start,
                speaker_end_char=speaker_end,
                cue_text=cue_text,
                statement_kind=item.kind,
                content=text[item.start : item.end],
                content_start_char=item.start,
                content_end_char=item.end,
                statement_date=when.date if when else None,
                statement_date_start_char=when.start_char if when else None,
                statement_date_end_char=when.end_char if when else None,
            )
        )
    return statements
