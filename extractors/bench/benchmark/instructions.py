"""The throughput ratio in instructions counted by valgrind's callgrind, not seconds.

On this shared machine the same run's CPU time varies by up to 30 %; instruction counts
do not. Each path runs in a fresh process under callgrind (slow: ~10 documents).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extractors.bench.benchmark.samples import copy_inputs, corpus_files
from extractors.bench.benchmark.throughput import parse_bare
from extractors.settings import PROJECT_ROOT

# callgrind runs ~100x slower than native: 10 texts take about 10 minutes
INSTRUCTION_DOCS = 10


def instructions_child(mode: str, input_dir: str) -> None:
    """Load the model and warm up both paths, then parse the folder: bare, wirehouse, or
    not at all ("none": the load and warm-up alone, subtracted from the other two).

    The warm-up runs the wirehouse extractors too, in every mode: their one-time set-up
    (imports, gazetteer, lexicons) is paid once per process, like the model's load, and
    on ten documents it would otherwise count as a tenth of itself per document."""
    from extractors.nlp.model import load_nlp
    from extractors.nlp.pipeline import extract
    from extractors.warehouse.folder_extraction import extract_folder
    from extractors.warehouse.intake import discover, list_input_files

    files = list_input_files(Path(input_dir))
    nlp = load_nlp()
    list(nlp.pipe(p.read_text() for p in files[:3]))
    extract(nlp, discover(Path(input_dir), run_id="warm-up").to_extract[:3])
    if mode == "bare":
        parse_bare(nlp, files)
    elif mode == "wirehouse":
        with tempfile.TemporaryDirectory(prefix="wirehouse-instr-") as tmp:
            extract_folder(nlp, Path(input_dir), Path(tmp) / "out")


def _count_instructions(mode: str, input_dir: Path, out_dir: Path) -> subprocess.Popen:
    out = out_dir / f"callgrind.{mode}.out"
    return subprocess.Popen(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-m",
            "extractors.bench.benchmark",
            "--instructions-child",
            mode,
            str(input_dir),
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # same dict layouts, same count
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def bench_instructions(corpus: Path, docs: int) -> dict | None:
    if shutil.which("valgrind") is None:
        print("instructions skipped: valgrind is not installed")
        return None
    files = corpus_files(corpus, docs)
    with tempfile.TemporaryDirectory(prefix="wirehouse-instr-") as tmp:
        input_dir = copy_inputs(corpus, files, Path(tmp) / "input")
        started = time.perf_counter()
        running = {m: _count_instructions(m, input_dir, Path(tmp)) for m in ("bare", "none")}
        running["wirehouse"] = _count_instructions("wirehouse", input_dir, Path(tmp))
        counts = {}
        for mode, proc in running.items():
            _out, err = proc.communicate()
            if proc.returncode:
                raise RuntimeError(f"callgrind {mode} failed: {err[-2000:]}")
            total = re.search(r"I\s+refs:\s+([\d,]+)", err)
            if total is None:
                raise RuntimeError(f"callgrind {mode} counted nothing: {err[-2000:]}")
            counts[mode] = int(total.group(1).replace(",", ""))
    bare, wirehouse = counts["bare"] - counts["none"], counts["wirehouse"] - counts["none"]
    return {
        "docs": len(files),
        "instructions": counts,
        "bare_per_doc": round(bare / len(files)),
        "wirehouse_per_doc": round(wirehouse / len(files)),
        "ratio": round(bare / wirehouse, 3),
        "seconds": round(time.perf_counter() - started),
    }
