"""Names as strings: the normal form that keys actors, and the word-level facts about
names that trimming a mention, spelling an acronym and finding a surname rely on.

Every resolution step compares names through `normalise_name`, so "the Mahdi Army's"
and "Mahdi Army" are one key. Lower-case name particles ("bin Salman", "van Gogh") are
parts of a name, never a title before it; `name_particles.csv` lists them and says which
an acronym skips.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from extractors import lexicons

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WHITESPACE_RUN = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Function words an acronym leaves out ("Council of the Union" -> CU), besides the name
# particles that name_particles.csv marks as skipped.
_INITIAL_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on"})


@lru_cache(maxsize=1 << 16)  # called for every name pair the resolution compares
def normalise_name(name: str) -> str:
    """Lower-case, whitespace-collapsed, without possessive and leading "the"."""
    name = _WHITESPACE_RUN.sub(" ", name).strip()
    name = _POSSESSIVE.sub("", name).strip()
    name = _LEADING_THE.sub("", name)
    return name.lower()


@cache
def _name_particles() -> frozenset[str]:
    """Lower-case parts of names: "al-Maliki", "bin Salman", "van Gogh"."""
    return frozenset(row["particle"] for row in lexicons.rows("name_particles"))


@cache
def _initial_stopwords() -> frozenset[str]:
    skipped = (
        row["particle"]
        for row in lexicons.rows("name_particles")
        if row["in_initials"] == "skipped"
    )
    return _INITIAL_FUNCTION_WORDS | frozenset(skipped)


@cache
def honorifics() -> dict[str, str]:
    """honorific (lower case, no period) -> gender ('' when it says none)."""
    return {row["honorific"]: row["gender"] for row in lexicons.rows("honorifics")}


def honorific_length(tokens: Span, start: int) -> int:
    """How many tokens from `start` form an honorific followed by a capitalised word
    ("Mr Brown", "Prime Minister Tony Blair"); 0 if none does."""
    doc = tokens.doc
    for width in (2, 1):
        end = start + width
        if end >= tokens.end:
            continue
        words = " ".join(t.lower_.rstrip(".") for t in doc[start:end])
        if words in honorifics() and doc[start].is_title and doc[end].is_title:
            return width
    return 0


def honorific_gender(role: str | None) -> str:
    """'male' or 'female' when a role ends in a gendered honorific ("mr", "former mrs"),
    else ''."""
    words = (role or "").split()
    return honorifics().get(words[-1], "") if words else ""


def initials(name: str) -> str:
    """The acronym a name abbreviates to: "United Iraqi Alliance" -> UIA."""
    words = re.split(r"[\s-]+", name)
    return "".join(w[0] for w in words if w and w.lower() not in _initial_stopwords()).upper()


def trim(ent: Span) -> tuple[Span, str | None] | None:
    """Strip a leading article / role word and a trailing possessive or generic noun.

    Returns the trimmed span and the role text taken off it ("cleric al-Sadr" ->
    "cleric"; "the Mahdi Army militia" -> "militia").
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    role = None
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s", "'")):
        end -= 1
    if ent.label_ == "PERSON":
        lead = start
        while lead < end - 1 and _is_role_word(doc[lead]):
            lead += 1
        lead += honorific_length(ent, lead)
        if lead > start:
            role = " ".join(t.lower_.rstrip(".") for t in doc[start:lead])
            start = lead
    elif ent.label_ == "ORG":
        tail = end
        while tail > start + 1 and doc[tail - 1].is_lower and doc[tail - 1].is_alpha:
            tail -= 1
        if tail < end:
            role = doc[tail:end].text.lower()
            end = tail
    if start >= end:
        return None
    return doc[start:end], role


def _is_role_word(token: Token) -> bool:
    """A lower-case word inside a PERSON entity that is a title, not a name particle."""
    return (
        token.is_lower
        and token.is_alpha
        and bool(token.whitespace_)
        and token.lower_ not in _name_particles()
    )


def surname_word(name: str) -> str | None:
    """The surname of a multi-word person name ("Jalal al-Din al-Sagheer" -> al-sagheer)."""
    words = normalise_name(name).split()
    return words[-1] if len(words) >= 2 else None


@lru_cache(maxsize=1 << 12)  # news names the same people day after day
def whole_word(word: str) -> re.Pattern[str]:
    """A pattern for `word` as a whole word: not inside "al-Sadri" or "Sadrist"."""
    # The word first, then the lookbehind over it and the character before: the same
    # matches as a leading `(?<![\w-])`, which re tests at every position of the text;
    # a literal first is rejected faster (surname search over the BBC texts 2.5x faster).
    escaped = re.escape(word)
    return re.compile(rf"{escaped}(?<![\w-]{escaped})(?![\w-])", re.IGNORECASE)
