"""The corpus samples every part measures, copied where a run may write beside them."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from pathlib import Path

from extractors.settings import PROJECT_ROOT

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "bbc"
WORK = PROJECT_ROOT / "state" / "bench"  # run logs and outputs kept for inspection


def load_average() -> str:
    """The machine's load averages (1, 5, 15 min), noted beside every figure."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def corpus_files(corpus: Path, n: int | None, *, unique: bool = True) -> list[Path]:
    """A fixed pseudo-random sample (all categories mixed); smaller samples are prefixes.

    unique: drop byte-identical copies (the BBC corpus has a few), which wirehouse
    rejects as duplicates, so that both sides of a comparison parse the same texts."""
    from extractors.warehouse.intake import list_input_files

    files = list_input_files(corpus)
    if unique:
        seen: set[bytes] = set()
        kept = []
        for path in files:
            digest = hashlib.sha256(path.read_bytes()).digest()
            if digest not in seen:
                seen.add(digest)
                kept.append(path)
        files = kept
    random.Random(7).shuffle(files)
    return files if n is None else files[:n]


def copy_inputs(corpus: Path, files: list[Path], dest: Path) -> Path:
    for path in files:
        target = dest / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return dest
