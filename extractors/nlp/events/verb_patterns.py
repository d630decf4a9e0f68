"""A verb's CAMEO code from the verb dictionary, its patterns matched over the parse.

The verb is looked up by its form, then its lemma (a multi-word verb also needs its
other words beside it: "shut down", "wire tap"). Its block's patterns are matched
against the words of the verb's own clause: those before the verb (subject, auxiliaries,
adverbs) against the pattern's part before `*`, those after it (objects, prepositional
phrases, particles) against the part after. A pattern's elements match in order;
`(PREP ...)` is a preposition whose phrase holds the rest; words joined by `_` must be
adjacent. The longest matching pattern decides, else the verb's own code.

`$` and `+` in a pattern say where the source and target stand ("- * LEAVE ^ INTO +"):
the first noun-phrase head after that place.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Token

from extractors import lexicons
from extractors.lexicons.dictionary_set import dictionary_set, verb_dictionary
from extractors.lexicons.verb_dictionary import NO_EVENT, Element, Pattern, Prep, Term, Verb
from extractors.nlp.clauses import non_clausal_positions
from extractors.nlp.syntax import doc_tree, subtree_positions

_HEADS = frozenset({"NOUN", "PROPN", "PRON"})
_SELF = ("self", "selves")  # a reflexive between a verb and its particle


class VerbMatch(NamedTuple):  # one per dictionary verb: cheaper to build than a dataclass
    code: str  # "---": the dictionary knows the verb here and codes nothing
    reverse_code: str | None  # "visit": the host's 043 back to the visitor
    end: Token  # last token of the trigger: the particle of "shut down"
    source: Token | None  # where the pattern's `$` stands
    target: Token | None  # where its `+` stands
    by_pattern: bool  # False: no pattern matched, the verb's own code


def _word_matches(word: str, token: Token) -> bool:
    return token.text.upper() == word or token.lemma_.upper() == word


def _adjacent_words(verb: Token, entry: Verb) -> Token | None:
    """The last token of the verb with its entry's other words, if they stand beside it."""
    if not (entry.before or entry.after):
        return verb  # most entries are one word: nothing to look up beside it
    doc = verb.doc
    start = verb.i - len(entry.before)
    if start < 0 or not all(_word_matches(w, doc[start + k]) for k, w in enumerate(entry.before)):
        return None
    end = verb.i
    for word in entry.after:
        # a particle may stand after the object: "shut the plant down"
        particle = next(
            (c for c in verb.children if c.dep_ == "prt" and c.text.upper() == word), None
        )
        if particle is not None:
            end = max(end, particle.i)
        elif end + 1 < len(doc) and _word_matches(word, doc[end + 1]):
            end += 1
        else:
            return None
    return doc[end]


class _Matcher:
    """Matches pattern elements in order over a list of tokens (a clause's side)."""

    def __init__(self, doc: Doc, tokens: list[int], forms: list[tuple[str, str]], verb: int = -1):
        self.doc = doc
        self.tokens = tokens  # positions in doc: a Token is built only for a preposition
        self.forms = forms  # each token's (text, lemma), upper case, as patterns spell them
        self.verb = verb  # its index: a pattern's preposition hangs near it; -1: anywhere
        self.marks: dict[str, int] = {}

    def run(self, elements: tuple[Element, ...], start: int = 0, stop: int | None = None) -> int:
        """The position after the last element matched from `start`, -1 if one fails."""
        stop = len(self.tokens) if stop is None else stop
        at = start
        for element in elements:
            if isinstance(element, str):
                self.marks.setdefault(element, at)
                continue
            at = self._element(element, at, stop)
            if at < 0:
                return -1
        return at

    def _element(self, element: Term | Prep, start: int, stop: int) -> int:
        for i in range(start, stop):
            end = self._at(element, i, stop)
            if end >= 0:
                return end
        return -1

    def _at(self, element: Term | Prep, i: int, stop: int) -> int:
        """The end of `element` matched starting exactly at position i, -1 if it does not."""
        if isinstance(element, Prep):
            if self.forms[i][0] != element.word:
                return -1
            prep = self.doc[self.tokens[i]]
            if not self._near(prep):
                return -1
            inside = i + 1
            while inside < stop and self.tokens[inside] in _subtree_range(prep):
                inside += 1
            if element.terms and inside == i + 1:
                return -1
            return self.run(element.terms, i + 1, inside) if element.terms else inside
        return self._words(element.words, i, stop, element.adjacent)

    def _near(self, prep: Token) -> bool:
        """On the verb or its object ("called on Iran", "imposed sanctions on Iran"), not
        deep in a phrase ("speaking amid rumours of a rift with Brown" is no "(WITH)")."""
        head = prep.head
        return self.verb < 0 or head.i == self.verb or head.head.i == self.verb

    def _words(self, words: tuple[str, ...], i: int, stop: int, adjacent: bool) -> int:
        """The end of `words` matched from position i (the first exactly there)."""
        if not words:
            return i
        end = self._word(words[0], i, stop)
        if end < 0:
            return -1
        if len(words) == 1:
            return end
        if adjacent:
            if end >= stop or self.tokens[end] != self.tokens[end - 1] + 1:
                return -1
            return self._words(words[1:], end, stop, adjacent)
        for k in range(end, stop):
            found = self._words(words[1:], k, stop, adjacent)
            if found >= 0:
                return found
        return -1

    def _word(self, word: str, i: int, stop: int) -> int:
        """The end of one word, or of the longest member of a set, matched at position i."""
        if not word.startswith("&"):
            return i + 1 if word in self.forms[i] else -1
        members = _synset(word)
        candidates = [m for first in set(self.forms[i]) for m in members.get(first, ())]
        return max((self._words(m, i, stop, True) for m in candidates), default=-1)


def _subtree_range(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


@cache
def _pattern_only() -> frozenset[str]:
    """General verbs that the dictionary codes by pattern only (`pattern_only_verbs.csv`),
    with the shipped set; another set is read as it is."""
    if not dictionary_set().our_cameo_rules:
        return frozenset()
    return frozenset(r["lemma"] for r in lexicons.rows("pattern_only_verbs"))


@cache
def _parallel_roots() -> dict[tuple[str, str], str]:
    """(verb's root, pattern's root) -> the root the code takes (`cameo_parallel_roots.csv`),
    with the shipped set."""
    if not dictionary_set().our_cameo_rules:
        return {}
    rows = lexicons.rows("cameo_parallel_roots")
    return {(r["verb_root"], r["pattern_root"]): r["verb_root"] for r in rows}


def _in_verb_root(code: str, verb_code: str) -> str:
    """ "demanded elections": the DEMAND block's pattern 0241 (appeal) read as 1041."""
    root = _parallel_roots().get((verb_code[:2], code[:2]))
    return root + code[2:] if root else code


@cache
def _synset(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A synonym set's members by their first word: a token is tried only against the
    members it can start."""
    members: dict[str, list[tuple[str, ...]]] = {}
    for member in verb_dictionary().synsets.get(name, ()):
        members.setdefault(member[0], []).append(member)
    return {first: tuple(found) for first, found in members.items()}


def _mark(matcher: _Matcher, mark: str) -> Token | None:
    """The first noun-phrase head at or after the place of a `$` or `+` mark."""
    at = matcher.marks.get(mark)
    if at is None:
        return None
    found = (matcher.doc[i] for i in matcher.tokens[at:])
    return next((t for t in found if t.pos_ in _HEADS and t.dep_ != "compound"), None)


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _clause_sides(verb: Token, end: Token) -> tuple[list[int], list[int]]:
    """The words of the verb's own clause before it and after its last word, without
    its time phrases: "telephoned him on Tuesday" is no "call on" (an appeal); with our
    rules, nor a passive's by-phrase, its source ("a message sent to F-Secure by
    Google's security team" is no "send a team")."""
    doc = verb.doc
    tree = doc_tree(doc)
    deps, children = tree
    words = non_clausal_positions(verb)
    ours = dictionary_set().our_cameo_rules
    when = {
        t
        for prep in words
        if (deps[prep] == "agent" and ours)
        or (
            deps[prep] == "prep"
            and any(
                deps[c] == "pobj" and doc[c].ent_type_ in _TIME_ENTITIES for c in children[prep]
            )
        )
        for t in subtree_positions(tree, prep)
    }
    kept = sorted(i for i in words if i not in when)
    return [i for i in kept if i < verb.i], [i for i in kept if i > end.i]


@lru_cache(maxsize=1)  # the document being extracted
def _word_ids(doc: Doc) -> tuple[list[int], list[int]]:
    """The text and lemma string ids of every token, read from spaCy's arrays once."""
    return doc.to_array(ORTH).tolist(), doc.to_array(LEMMA).tolist()


def _forms(doc: Doc, tokens: list[int]) -> list[tuple[str, str]]:
    """Text and lemma, upper case, of the tokens at these positions: read from the
    arrays, without a Token object for each."""
    texts, lemmas = _word_ids(doc)
    strings = doc.vocab.strings
    return [(strings[texts[i]].upper(), strings[lemmas[i]].upper()) for i in tokens]


class _Needs(NamedTuple):
    """What one side of a clause must hold for a side of a pattern to match it."""

    words: frozenset[str]  # every literal word
    starts: tuple[frozenset[str], ...]  # per synonym set: one of its members' first words

    def starts_met(self, words: set[str]) -> bool:
        return all(not s.isdisjoint(words) for s in self.starts)


def _needs(elements: tuple[Element, ...]) -> _Needs:
    """A clause's side lacking one of these cannot match: `_word` tries a set's members
    only from the words that start them."""
    words: set[str] = set()
    starts: list[frozenset[str]] = []
    for element in elements:
        if isinstance(element, Prep):
            inner = _needs(element.terms)
            words |= {element.word, *inner.words}
            starts.extend(inner.starts)
        elif isinstance(element, Term):
            words.update(w for w in element.words if not w.startswith("&"))
            starts.extend(frozenset(_synset(w)) for w in element.words if w.startswith("&"))
    return _Needs(frozenset(words), tuple(starts))


class _Candidate(NamedTuple):
    pattern: Pattern
    size: int
    before: _Needs
    after: _Needs
    # a pattern of particles alone ("- * TO [030] # HEAD") means what its verb means
    # with them: the verbs its comment names; empty: any verb of the block
    particles_for: frozenset[str]


# prepositions and particles: a pattern of these alone names no sense of its own
_PARTICLES = frozenset(
    [
        "ABOUT",
        "AGAINST",
        "AROUND",
        "AT",
        "AWAY",
        "BACK",
        "BY",
        "DOWN",
        "FOR",
        "FROM",
        "IN",
        "INTO",
        "OF",
        "OFF",
        "ON",
        "OUT",
        "OVER",
        "THROUGH",
        "TO",
        "UP",
        "WITH",
    ]
)


def _particles_for(pattern: Pattern, words: frozenset[str], index: int) -> frozenset[str]:
    """The verbs of block `index` that a particles-only pattern's comment names, by any
    of their forms ("# STEPPED_UP" names +STEP_UP, "# LED" names LEAD)."""
    if not words or not words <= _PARTICLES:
        return frozenset()
    dictionary = verb_dictionary()
    return frozenset(
        verb.word
        for name in pattern.written_for
        for word in name.split("_")
        for verb in dictionary.verbs(word)
        if verb.block == index
    )


def _candidate(pattern: Pattern, index: int) -> _Candidate:
    before, after = _needs(pattern.before), _needs(pattern.after)
    words = before.words | after.words
    return _Candidate(pattern, pattern.size, before, after, _particles_for(pattern, words, index))


class _Block(NamedTuple):
    candidates: tuple[_Candidate, ...]  # in the dictionary's order
    always: tuple[int, ...]  # those that need no word at all
    by_word: dict[str, tuple[int, ...]]  # the others, under the words `_keys` gives


def _keys(candidate: _Candidate) -> frozenset[str]:
    """Words a clause must hold one of for the candidate to match: one word it names (it
    needs them all), else the first words of one of its synonym sets, the fewest (most
    patterns name none of their own, "* &WEAPON": these were most of those tried)."""
    words = candidate.before.words | candidate.after.words
    if words:
        return frozenset({min(words)})
    return min(candidate.before.starts + candidate.after.starts, key=len, default=frozenset())


@cache
def _block(index: int) -> _Block:
    """A block's patterns with their size and needs, worked out once per block: a
    pattern is a deep frozen dataclass, so hashing it to look these up per verb cost
    more than the matching."""
    candidates = tuple(_candidate(p, index) for p in verb_dictionary().blocks[index])
    always: list[int] = []
    by_word: dict[str, list[int]] = {}
    for n, candidate in enumerate(candidates):
        keys = _keys(candidate)
        if not (keys or candidate.before.starts or candidate.after.starts):
            always.append(n)
        for word in keys:
            by_word.setdefault(word, []).append(n)
    return _Block(candidates, tuple(always), {w: tuple(ns) for w, ns in by_word.items()})


def _best(
    doc: Doc,
    index: int,
    before: list[int],
    after: list[int],
    only_for: str | None = None,
    verb: int = -1,
) -> tuple[Pattern, _Matcher, _Matcher] | None:
    """The longest pattern of the block that matches; with `only_for`, no pattern of
    particles alone written for another verb, nor one whose particle is not the verb's."""
    found, found_size = None, 0
    forms_before, forms_after = _forms(doc, before), _forms(doc, after)
    words_before = {w for pair in forms_before for w in pair}
    words_after = {w for pair in forms_after for w in pair}
    # most patterns name a word the clause lacks: only those under a word it has are
    # tried, in the dictionary's order, and set lookups rule out most of the rest
    block = _block(index)
    # a particle is the verb's own beside it or as its particle: "pressed on" is an
    # advance (190), "pressed the US on climate" a demand (the verb's own code)
    own_particles = _own_particles(doc[verb]) if verb >= 0 else None
    tried = {*block.always}
    for word in words_before | words_after:
        tried.update(block.by_word.get(word, ()))
    for n in sorted(tried):
        pattern, size, need_before, need_after, particles_for = block.candidates[n]
        if found is not None and size <= found_size:
            continue
        if particles_for and (
            (only_for is not None and only_for not in particles_for)
            or (own_particles is not None and not need_after.words <= own_particles)
        ):
            continue
        if not (need_before.words <= words_before and need_after.words <= words_after):
            continue
        if not (need_before.starts_met(words_before) and need_after.starts_met(words_after)):
            continue
        first = _Matcher(doc, before, forms_before, verb)
        second = _Matcher(doc, after, forms_after, verb)
        if first.run(pattern.before) >= 0 and second.run(pattern.after) >= 0:
            found, found_size = (pattern, first, second), size
    return found


def _own_particles(verb: Token) -> frozenset[str]:
    """The words that stand as the verb's particles: its `prt` children and the run of
    particles and prepositions right after it, past a reflexive ("hit back at",
    "distanced himself from")."""
    found = {c.text.upper() for c in verb.children if c.dep_ == "prt"}
    for token in verb.doc[verb.i + 1 : verb.i + 4]:
        if token.pos_ not in ("ADP", "ADV", "PART") and not token.lower_.endswith(_SELF):
            break
        found.add(token.text.upper())
    return frozenset(found)


def verb_match(verb: Token) -> VerbMatch | None:
    """The dictionary's reading of `verb`: None when the dictionary does not know it."""
    dictionary = verb_dictionary()
    entries = dictionary.verbs(verb.text) or dictionary.verbs(verb.lemma_)
    placed = [(e, end) for e in entries if (end := _adjacent_words(verb, e)) is not None]
    if not placed:
        return None
    entry, end = max(placed, key=lambda p: len(p[0].before) + len(p[0].after))
    before, after = _clause_sides(verb, end)
    # A pattern of particles alone that was written for a synonym is the synonym's sense
    # ("- * TO [030] # HEAD" does not make "led to the resignation" an intent to
    # cooperate, nor "- * (FOR) [042:043] # HEAD" "ordered a rewrite of the rules for"
    # a visit); PETRARCH's reading, any pattern of the block, with another set.
    ours = dictionary_set().our_cameo_rules
    only_for, near = (entry.word, verb.i) if ours else (None, -1)
    best = _best(verb.doc, entry.block, before, after, only_for, near)
    # a general verb has a political sense only in a pattern ("give aid"); by the
    # dictionary's word too, as the parser may miss the lemma ("hopes" -> "hop")
    general = not _pattern_only().isdisjoint({verb.lemma_.lower(), entry.word.lower()})
    if best is None:
        code = NO_EVENT if general else entry.code
        return VerbMatch(code, entry.reverse_code, end, None, None, False)
    pattern, first, second = best
    return VerbMatch(
        _in_verb_root(pattern.code, entry.code),
        pattern.reverse_code,
        end,
        _mark(first, "$") or _mark(second, "$"),
        _mark(first, "+") or _mark(second, "+"),
        True,
    )


def codes_event(match: VerbMatch) -> bool:
    return match.code != NO_EVENT
