"""The PETRARCH2 suite's own actor dictionary, for scoring the event coder apart from NER.

The unit-test records name fictional actors (Arnor, Gondor...); ``load_petrarch_actors``
reads the suite's dictionary (`PETR.Validate.actors.txt`, with its date restrictions) and
``dictionary_actors`` finds them in a parsed record by longest match.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractors.nlp.actors import ActorInfo, DocActors


def petrarch_date(text: str, century: str = "19") -> int:
    return int(text if len(text) == 8 else century + text)


def _parse_code_block(block: str) -> tuple[str, int, int] | None:
    block = block.split("#")[0].strip()
    match = re.match(r"\[\s*([^\]\s]+)\s*([^\]]*)\]", block)
    if not match:
        return None
    code, restriction = match[1].split("/")[0].upper(), match[2].replace(" ", "")
    low, high = 0, 99999999
    if restriction.startswith("<"):
        high = petrarch_date(restriction[1:]) - 1
    elif restriction.startswith(">"):
        low = petrarch_date(restriction[1:]) + 1
    elif "-" in restriction:
        a, b = restriction.split("-", 1)
        low, high = petrarch_date(a), petrarch_date(b)
    return code, low, high


def load_petrarch_actors(path: Path) -> dict[tuple[str, ...], list[tuple[str, int, int]]]:
    """Phrase (upper-case words) -> [(code, from, to)] from a PETRARCH actor dictionary."""
    actors: dict[tuple[str, ...], list[tuple[str, int, int]]] = {}
    names: list[tuple[str, ...]] = []
    codes: list[tuple[str, int, int]] = []

    def flush() -> None:
        for name in names:
            actors[name] = list(codes)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stripped = line.split("#")[0].rstrip()
        if not stripped.strip() or stripped.lstrip().startswith("<"):
            continue
        if line[0] in " \t":
            block = _parse_code_block(stripped.strip())
            if block:
                codes.append(block)
            continue
        if stripped.startswith("+"):
            names.append(tuple(w for w in re.split(r"[_\s]+", stripped[1:].strip().upper()) if w))
            continue
        flush()
        head, _, rest = stripped.partition("[")
        names = [tuple(w for w in re.split(r"[_\s]+", head.strip().upper()) if w)]
        codes = []
        if rest:
            block = _parse_code_block("[" + rest)
            if block:
                codes.append(block)
    flush()
    return {k: v for k, v in actors.items() if k}


def _word_matches(word: str, token: str) -> bool:
    token = token.upper()
    return token == word or (len(word) >= 5 and token.startswith(word) and token[:1].isalpha())


def dictionary_actors(doc, dictionary, when: int) -> DocActors:
    """Actors of a doc found by longest dictionary match (capitalised tokens only)."""
    result = DocActors()
    phrases = sorted(dictionary.items(), key=lambda item: -len(item[0]))
    taken: set[int] = set()
    for token in doc:
        if token.i in taken or not token.text[:1].isupper():
            continue
        for words, codes in phrases:
            end = token.i + len(words)
            if end > len(doc) or any(i in taken for i in range(token.i, end)):
                continue
            if not all(_word_matches(w, doc[token.i + k].text) for k, w in enumerate(words)):
                continue
            dated = [c for c, low, high in codes if low <= when <= high]
            code = dated[0] if dated else None
            if not code or not code[:3].isalpha():
                break  # a dictionary entry with no usable code ("---")
            key = f"country:{code[:3].lower()}"
            result.actors.setdefault(key, ActorInfo(key, code[:3], "country", code[:3], None))
            result.actors[key].n_mentions += 1
            for i in range(token.i, end):
                result.token_actor[i] = key
                taken.add(i)
            break
    return result
