"""The event dictionaries in use: the shipped CAMEO verbs and Phoenix discards, actors
and agents, or another PETRARCH-format set named by WIREHOUSE_EVENT_DICTIONARIES (the
PETRARCH-2 validation set, for its unit-test records; a project's own set).

The shipped actors and agents are read from the CSVs `make seeds` compiles from
`../shared/reference/petrarch2`; another set's are read from its text files.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.lexicons import LEXICON_DIR, rows
from extractors.lexicons.discards import Discards, load_discards
from extractors.lexicons.verb_dictionary import VerbDictionary, load_verb_dictionary, recoded
from extractors.settings import event_dictionaries

SHIPPED = LEXICON_DIR / "petrarch2"


@dataclass(frozen=True)
class DictionarySet:
    verbs: Path
    discards: Path | None
    agents: Path | None  # None: the compiled cameo_agents.csv
    actors: tuple[Path, ...]  # empty: the compiled phoenix_actors.csv
    # Our own rows (cameo_verbs.csv) and code rewrites (intent_codes.csv, reported
    # obligations as demands) are written in CAMEO 2.0's codes: they supplement the
    # shipped set only, never a set with codes of its own (the validation set's WEIS).
    our_cameo_rules: bool = False


def _one(folder: Path, suffix: str) -> Path | None:
    found = sorted(folder.glob(f"*{suffix}"))
    return found[0] if found else None


@cache
def dictionary_set() -> DictionarySet:
    folder = event_dictionaries()
    if folder is None:
        return DictionarySet(
            SHIPPED / "CAMEO.2.0.txt", SHIPPED / "Phoenix.discards.txt", None, (), True
        )
    verbs = _one(folder, "verbs.txt")
    if verbs is None:
        raise FileNotFoundError(f"WIREHOUSE_EVENT_DICTIONARIES: no *verbs.txt in {folder}")
    return DictionarySet(
        verbs,
        _one(folder, "discards.txt"),
        _one(folder, "agents.txt"),
        tuple(sorted(folder.glob("*actors.txt"))),
    )


@cache
def verb_dictionary() -> VerbDictionary:
    """The set's verbs; the shipped ones with the codes the CAMEO codebook of the
    warehouse lacks replaced (`cameo_code_fallbacks.csv`)."""
    dictionary = load_verb_dictionary(dictionary_set().verbs)
    if not dictionary_set().our_cameo_rules:
        return dictionary
    fallbacks = {r["code"]: r["fallback"] for r in rows("cameo_code_fallbacks")}
    return recoded(dictionary, fallbacks)


@cache
def discards() -> Discards:
    """The set's discards; with the shipped set, also our own for sports, entertainment
    and markets (`wirehouse.discards.txt`)."""
    found = dictionary_set()
    paths = [found.discards] if found.discards else []
    if found.our_cameo_rules:
        paths.append(LEXICON_DIR / "wirehouse.discards.txt")
    return load_discards(*paths, scores=found.our_cameo_rules) if paths else Discards.empty()
