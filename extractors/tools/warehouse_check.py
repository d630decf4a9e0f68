"""The tools that read the published warehouse say the same thing when there is none."""

from __future__ import annotations

import sys
from pathlib import Path


def warehouse_missing(db_path: Path) -> bool:
    """True, after saying so on stderr, when no warehouse file is at db_path."""
    if db_path.exists():
        return False
    print(f"no warehouse at {db_path}: run `make run` first", file=sys.stderr)
    return True
