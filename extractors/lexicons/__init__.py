"""Word lists and code maps as data: one CSV file each, described in README.md.

Every extractor reads them through `rows`, so each file is parsed once per process.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `<name>.csv` in this folder, as dicts keyed by its header."""
    with (LEXICON_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))
