"""A PETRARCH-2 verb dictionary (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`) as data.

The format (`dictionaries.rst` of PETRARCH-2, summarised):

- `&NAME` starts a synonym set whose members follow as `+WORD_WORD` lines; a member
  may name another set. Nouns get their regular plurals unless the member or the set's
  name ends in `_`.
- `--- DESCRIPTION [CODE] ---` starts a verb block; the verbs follow one per line, each
  with optional irregular forms in `{...}` and its own code in `[...]`. `+SHUT_DOWN`
  or `WIRE_+TAP` is a multi-word verb whose `+` word is the verb.
- `- PRE * POST [CODE]` is a pattern of the block: words before and after the verb,
  `{A B}` a phrase whose last word is its head, `(PREP ...)` a prepositional phrase,
  `&SET` any member of a set, `$` and `+` where the source and target stand, `^` a
  phrase to skip. `_` between words asks for them to be adjacent, a blank lets words
  come between.
- A code `A:B` is two events: A from source to target, B back ("visit" gives 042 from
  the visitor and 043 from the host). `---` codes nothing.
- A pattern's comment names the verb(s) it was first written for ("# HEAD",
  "# CLASH , STRIKE"), as CAMEO.2.0's header says; kept as `written_for`.

Transformations (`~` lines) are not read: none of our rules combines two verbs' codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

NO_EVENT = "---"


@dataclass(frozen=True)
class Term:
    """One pattern element: words in order, adjacent if joined by `_`; a word `&NAME`
    stands for any member of that synonym set."""

    words: tuple[str, ...]
    adjacent: bool = True


@dataclass(frozen=True)
class Prep:
    """`(PREP TERMS...)`: a preposition and what its object phrase must hold."""

    word: str
    terms: tuple[Term, ...]


Element = Term | Prep | str  # str: one of the markers "$", "+", "^"


@dataclass(frozen=True)
class Pattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str  # "---" for no event
    reverse_code: str | None  # the second code of "A:B"
    line: int  # order in the file: of two equally long patterns the earlier wins
    written_for: tuple[str, ...] = ()  # the verbs its comment names, upper case

    @property
    def size(self) -> int:
        """How much text the pattern asks for: the longer match is the more specific."""
        return sum(_size(e) for e in (*self.before, *self.after))


def _size(element: Element) -> int:
    if isinstance(element, Prep):
        return 1 + sum(_size(t) for t in element.terms)
    if isinstance(element, Term):
        return len(element.words) or 1
    return 0


@dataclass
class Verb:
    """One verb of a block: its word, the words that must stand beside it, its codes."""

    word: str
    before: tuple[str, ...]  # "WIRE" of WIRE_+TAP
    after: tuple[str, ...]  # "DOWN" of +SHUT_DOWN
    code: str
    reverse_code: str | None
    block: int  # index into VerbDictionary.blocks


@dataclass
class VerbDictionary:
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    blocks: list[list[Pattern]] = field(default_factory=list)
    forms: dict[str, list[Verb]] = field(default_factory=dict)  # any form, lower case -> verbs

    def verbs(self, form: str) -> list[Verb]:
        return self.forms.get(form.lower(), [])


_CODE = re.compile(r"\[\s*([^\]\s]*)\s*\]")
_BLOCK = re.compile(r"^---\s*(.*?)\s*(\[[^\]]*\])?\s*---")


def _codes(text: str | None) -> tuple[str, str | None] | None:
    """ "[042:043]" -> ("042", "043"); None when there is no code."""
    match = _CODE.search(text or "")
    if not match:
        return None
    first, _, second = match[1].rstrip("!").partition(":")  # "[080!]": a typo in CAMEO.2.0
    return first or NO_EVENT, second or None


def _plurals(word: str) -> tuple[str, ...]:
    if word.endswith("Y") and word[-2:-1] not in tuple("AEIOU"):
        return (word, word[:-1] + "IES")
    if word.endswith("SS"):
        return (word, word + "ES")
    if word.endswith("S"):
        return (word,)
    return (word, word + "S")


def _verb_forms(word: str) -> tuple[str, ...]:
    """Regular forms: -S, -ED, -ING (with the usual spelling changes)."""
    if word.endswith("E"):
        return (word, word + "S", word + "D", word[:-1] + "ING")
    if word.endswith("Y") and word[-2:-1] not in tuple("AEIOU"):
        return (word, word[:-1] + "IES", word[:-1] + "IED", word + "ING")
    if re.search(r"(SH|CH|SS|X|Z|O)$", word):
        return (word, word + "ES", word + "ED", word + "ING")
    return (word, word + "S", word + "ED", word + "ING")


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[_\s]+", text.strip().upper()) if w)


def _terms(text: str) -> list[Element]:
    """The elements of one side of a pattern."""
    elements: list[Element] = []
    for match in re.finditer(r"\(([^)]*)\)|\{([^}]*)\}|(\S+)", text):
        if match[1] is not None:
            inner = _terms(match[1])
            word = inner[0] if inner else None
            if isinstance(word, Term) and len(word.words) == 1 and word.words[0][0] != "&":
                terms = tuple(t for t in inner[1:] if isinstance(t, Term))
                elements.append(Prep(word.words[0], terms))
        elif match[2] is not None:
            words = [w for t in _terms(match[2]) if isinstance(t, Term) for w in t.words]
            if words:
                elements.append(Term(tuple(words), adjacent=False))
        else:
            elements.extend(_token_terms(match[3]))
    return elements


def _token_terms(token: str) -> list[Element]:
    if token in ("$", "+", "^"):
        return [token]
    if token in ("%", "*"):
        return []
    parts = tuple(p for p in token.upper().split("_") if p)
    return [Term(parts)] if parts else []


_COMMENT_VERB = re.compile(r"^[A-Z][A-Z_-]*$")


def _written_for(comment: str) -> tuple[str, ...]:
    """ "CLASH , STRIKE" -> ("CLASH", "STRIKE"); a coder's initials and date after a
    name ("ABANDON  sls 3/4/08") are not verbs."""
    names = (part.split()[0] for part in comment.split(",") if part.split())
    return tuple(name for name in names if _COMMENT_VERB.match(name))


def _pattern(body: str, code_text: str, line: int, comment: str) -> Pattern | None:
    codes = _codes(code_text)
    if codes is None or "*" not in body:
        return None
    before, _, after = body.partition("*")
    return Pattern(
        tuple(_terms(before)),
        tuple(_terms(after)),
        codes[0],
        codes[1],
        line,
        _written_for(comment),
    )


def _verb_entry(line: str, block_code: tuple[str, str | None]) -> list[tuple[str, Verb]]:
    """(form, verb) for every form of a verb line ("HURRY {HURRIES HURRIED}", "+SHUT_DOWN")."""
    head, _, rest = line.partition("{")
    irregular, _, tail = rest.partition("}") if rest else ("", "", head)
    codes = _codes(tail if rest else head) or block_code
    base = head.split("[")[0].strip()
    if not base:
        return []

    def split(phrase: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        words = [w for w in phrase.upper().split("_") if w]
        at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        return words[at].lstrip("+"), tuple(words[:at]), tuple(words[at + 1 :])

    word, before, after = split(base)
    forms = [split(f) for f in irregular.split()] if irregular.strip() else []
    words = {word, *(f[0] for f in forms)}
    if not rest:  # no braces: the regular forms
        words.update(_verb_forms(word))
    return [(w, Verb(word, before, after, codes[0], codes[1], -1)) for w in sorted(words)]


def recoded(dictionary: VerbDictionary, fallbacks: dict[str, str]) -> VerbDictionary:
    """The dictionary with each code in `fallbacks` replaced by its fallback."""

    def code(value: str) -> str:
        return fallbacks.get(value, value)

    def reverse(value: str | None) -> str | None:
        return code(value) if value else value

    for block in dictionary.blocks:
        block[:] = [
            replace(p, code=code(p.code), reverse_code=reverse(p.reverse_code)) for p in block
        ]
    for verbs in dictionary.forms.values():
        for verb in verbs:
            verb.code, verb.reverse_code = code(verb.code), reverse(verb.reverse_code)
    return dictionary


def load_verb_dictionary(path: Path) -> VerbDictionary:
    result = VerbDictionary()
    block_code: tuple[str, str | None] = (NO_EVENT, None)
    synset: str | None = None
    members: list[tuple[str, ...]] = []
    plural_set = True

    def close_synset() -> None:
        nonlocal synset
        if synset:
            result.synsets[synset] = tuple(members)
        synset = None

    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        if raw.startswith("<!--"):
            continue
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith("~"):
            continue
        if line.startswith("&"):
            close_synset()
            name = line.split()[0].upper()
            plural_set = not name.endswith("_")
            synset, members = name.rstrip("_"), []
        elif line.startswith("+") and synset:
            member = line[1:].strip().upper()
            if member.startswith("&"):
                members.extend(result.synsets.get(member.rstrip("_"), ()))
                continue
            words = _words(member)
            if not words:
                continue
            members.append(words)
            if plural_set and not member.endswith("_"):
                members.extend(words[:-1] + (p,) for p in _plurals(words[-1])[1:])
        elif block := _BLOCK.match(line):
            close_synset()
            block_code = _codes(block[2]) or (NO_EVENT, None)
            result.blocks.append([])
        elif line.startswith("-"):
            body, _, code_text = line[1:].partition("[")
            comment = raw.partition("#")[2]
            pattern = _pattern(body, "[" + code_text, number, comment)
            if pattern is not None and result.blocks:
                result.blocks[-1].append(pattern)
        elif result.blocks:
            close_synset()
            for form, verb in _verb_entry(line.strip(), block_code):
                verb.block = len(result.blocks) - 1
                result.forms.setdefault(form.lower(), []).append(verb)
    close_synset()
    return result
