"""Where the research-only gold sets live, and a clean skip when they are absent."""

from __future__ import annotations

import os
from pathlib import Path

from extractors.settings import PROJECT_ROOT

SHARED_DIR = Path(os.environ.get("WIREHOUSE_SHARED", PROJECT_ROOT.parent / "shared"))
EVAL_DIR = SHARED_DIR / "eval"


def eval_path(*parts: str) -> Path | None:
    """The path under ../shared/eval, or None (and the caller skips) when it is absent."""
    path = EVAL_DIR.joinpath(*parts)
    return path if path.exists() else None
