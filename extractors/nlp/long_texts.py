"""Cut a long text into pieces that spaCy parses one at a time.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters), and the memory of a
parse grows with the text parsed at once. A long article is parsed in pieces of at most
``MAX_PIECE_CHARS``, cut at the last paragraph break before the limit
(else a line break, else a sentence end, else a space, else the limit itself), and the
pieces' docs are joined again (``Doc.from_docs``): their texts concatenate to the whole
text exactly, so every offset still indexes it.
"""

from __future__ import annotations

# a 950 KB article in one DAG run (make run): peak RSS 1.32 GB with pieces of 100,000
# characters, 0.81 GB with pieces of 20,000 (and 94 -> 87 s); the seed alone takes 0.63 GB
MAX_PIECE_CHARS = 20_000
# the last of these before the limit ends a piece; it stays with the piece it ends
_BREAKS = ("\n\n", "\n", ". ", " ")


def split_for_parsing(text: str, max_chars: int | None = None) -> list[str]:
    """Pieces of at most max_chars (default MAX_PIECE_CHARS) whose concatenation is text."""
    max_chars = max_chars or MAX_PIECE_CHARS
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        cut = limit
        for mark in _BREAKS:
            found = text.rfind(mark, start + 1, limit - len(mark) + 1)
            if found != -1:
                cut = found + len(mark)
                break
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
