"""Where the research-only gold sets live, and a clean skip when they are absent."""

from __future__ import annotations

import json
from pathlib import Path

from extractors.settings import PROJECT_ROOT, shared_dir

SHARED_DIR = shared_dir()
EVAL_DIR = SHARED_DIR / "eval"


def eval_path(*parts: str) -> Path | None:
    """The path under ../shared/eval, or None (and the caller skips) when it is absent."""
    path = EVAL_DIR.joinpath(*parts)
    return path if path.exists() else None


def seed_gold_documents() -> list[tuple[dict, Path]]:
    """Each seed gold file with the text it annotates (the repo's copy, else ../shared's);
    gold files whose text is in neither place are left out."""
    folder = eval_path("seed")
    if folder is None:
        return []
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for text_dir in (PROJECT_ROOT / "seeds", SHARED_DIR / "seeds"):
            if (text_dir / gold["document"]).exists():
                out.append((gold, text_dir / gold["document"]))
                break
    return out
