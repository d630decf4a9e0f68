"""A cheap, dependency-free English check based on function-word frequency.

English news prose is roughly 35-50 % function words; other Latin-script languages
share few of them, and non-Latin scripts share none. Short texts get the benefit of
the doubt because the ratio is noisy on a handful of words.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    """a about after all also an and are as at be been but by for from had has have he her
    his i in into is it its more not of on or our said she that the their there they this
    to was we were which who will with would you""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

MIN_WORDS = 20
MIN_FUNCTION_WORD_SHARE = 0.12


def function_word_share(text: str, sample_chars: int = 20_000) -> tuple[float, int]:
    words = _WORD.findall(text[:sample_chars].lower())
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w in _FUNCTION_WORDS)
    return hits / len(words), len(words)


def non_ascii_letter_share(text: str, sample_chars: int = 20_000) -> float:
    letters = [ch for ch in text[:sample_chars] if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if not ch.isascii()) / len(letters)


def looks_english(text: str) -> bool:
    if non_ascii_letter_share(text) > 0.3:
        return False
    share, n_words = function_word_share(text)
    if n_words < MIN_WORDS:
        return n_words > 0
    return share >= MIN_FUNCTION_WORD_SHARE
