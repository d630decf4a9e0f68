"""Turn a raw article file into the exact document text that every offset indexes.

Only whole boilerplate lines are removed (plus line-ending normalisation and a BOM);
every kept line stays byte-for-byte, so spans found later are spans of the article.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Whole-line web furniture seen in scraped news pages. Kept as data: add a pattern,
# not a branch. Each pattern must match the full (stripped) line.
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(IE|Internet Explorer) ?\d* is not supported\b.*",
        r".*\b(update|upgrade|switch) (your|to a (newer|modern|different)) browser\b.*",
        r".*\bvisit our site on another browser\b.*",
        r".*\b(this|our) (site|website) uses cookies\b.*",
        r".*\b(accept|manage) (all )?cookies\b.*",
        r"advertisement|sponsored( content)?|ad feedback",
        r"(share|tweet|email|print|copy link)( (this|on facebook|on twitter|on x|article|story))?",
        r"(share on )?(facebook|twitter|x|linkedin|whatsapp|reddit|email)"
        r"( ?[|·•/,] ?(facebook|twitter|x|linkedin|whatsapp|reddit|email))*",
        r"(subscribe|sign up) (now|to our newsletter|for our newsletter)\b.*",
        r"(skip to (main )?content|skip navigation|back to top)",
        r"(read more|related( articles| stories)?|recommended( for you)?)\s*:?",
        r"javascript (is )?(required|disabled)\b.*",
    )
)

# "Source: Reuters" or "/ Source: Reuters": a credit line, kept as metadata only.
SOURCE_LINE = re.compile(r"^\s*/?\s*Source\s*:\s*(?P<name>[^\n]{1,80}?)\s*$", re.IGNORECASE)

# A headline is short and does not end like a sentence.
_MAX_TITLE_CHARS = 150

# Some plain-text corpora keep an HTML character reference (BBC: "&#163;1.8m indecency
# fine"). The text keeps it, as offsets index the text; the title is only shown, so it
# gets the character. Only complete references: "M&S" and "Q&A" stay as they are.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);")


@dataclass(frozen=True)
class CleanText:
    text: str
    title: str | None
    source_name: str | None


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and any(p.fullmatch(stripped) for p in BOILERPLATE_PATTERNS)


def _looks_like_title(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= _MAX_TITLE_CHARS
        and not stripped.endswith((".", ":", ";", ","))
        and any(ch.isalpha() for ch in stripped)
    )


def clean(raw_text: str) -> CleanText:
    """Drop boilerplate and credit lines; read the title and source name."""
    text = raw_text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    source_name: str | None = None
    for line in text.split("\n"):
        match = SOURCE_LINE.match(line)
        if match:
            source_name = source_name or match.group("name")
            continue
        if is_boilerplate(line):
            continue
        kept.append(line)
    # Blank lines left at the top by removed boilerplate carry no content.
    cleaned = "\n".join(kept).lstrip("\n").rstrip()
    title = next(
        (line.strip() for line in cleaned.split("\n") if line.strip()),
        None,
    )
    if title is not None and not _looks_like_title(title):
        title = None
    if title is not None:
        title = _CHARACTER_REFERENCE.sub(lambda ref: html.unescape(ref.group()), title)
    return CleanText(text=cleaned, title=title, source_name=source_name)
