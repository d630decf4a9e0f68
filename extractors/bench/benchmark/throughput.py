"""Wirehouse's extraction against bare ``nlp.pipe`` of the same pipeline: words per second.

Both paths parse the same texts with the same batch size and process count, in
alternating rounds (the machine is shared: a slow spell should hit both). The headline
ratio is of each path's fastest round: on a shared machine a slower round measures the
neighbours, not the code (the reasoning of Python's ``timeit``); on 2026-12-06 one path's
rounds here spread from 32.9 to 44.8 s. The ratio of medians is reported beside it.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from extractors.bench.benchmark.results import load_results
from extractors.bench.benchmark.samples import copy_inputs, corpus_files, load_average

# 3 rounds x 2 paths x 2 process counts over all 2,225 texts would take ~45 min here
ROUNDS_DOCS = 500


def _time_wirehouse(nlp, input_dir: Path, out: Path, n_process: int, batch_size: int) -> tuple:
    # imported here, as in every part: the bare-spaCy child processes (memory,
    # instructions) import this module and must not load pyarrow and DuckDB with it
    from extractors.warehouse.folder_extraction import extract_folder

    shutil.rmtree(out, ignore_errors=True)
    load = load_average()
    started = time.perf_counter()
    counts = extract_folder(nlp, input_dir, out, n_process=n_process, batch_size=batch_size)
    return time.perf_counter() - started, counts, load


def parse_bare(nlp, files: list[Path], n_process: int = 1, batch_size: int = 32) -> None:
    """The bare spaCy side of every comparison: read, parse, discard."""
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in files)
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass


def _time_bare(nlp, files: list[Path], n_process: int, batch_size: int) -> tuple:
    load = load_average()
    started = time.perf_counter()
    parse_bare(nlp, files, n_process, batch_size)
    return time.perf_counter() - started, load


def compare(nlp, corpus: Path, files: list[Path], n_process: int, rounds: int, batch_size: int):
    """Alternating rounds of wirehouse and bare nlp.pipe; medians and per-round figures."""
    with tempfile.TemporaryDirectory(prefix="wirehouse-bench-") as tmp:
        input_dir = copy_inputs(corpus, files, Path(tmp) / "input")
        out = Path(tmp) / "out"
        list(nlp.pipe((p.read_text() for p in files[:20]), batch_size=batch_size))  # warm-up
        wirehouse, bare, loads, words = [], [], [], 0
        for n in range(rounds):
            order = ("w", "b") if n % 2 == 0 else ("b", "w")
            for which in order:
                if which == "w":
                    seconds, counts, load = _time_wirehouse(
                        nlp, input_dir, out, n_process, batch_size
                    )
                    wirehouse.append(seconds)
                    words = counts["words"]
                else:
                    seconds, load = _time_bare(nlp, files, n_process, batch_size)
                    bare.append(seconds)
                loads.append(load)
                print(f"  n_process={n_process} {which} round {n}: {seconds:.1f} s (load {load})")
    w, b = min(wirehouse), min(bare)
    return {
        "docs": len(files),
        "words": words,
        "n_process": n_process,
        "batch_size": batch_size,
        "wirehouse_s": [round(x, 2) for x in wirehouse],
        "bare_s": [round(x, 2) for x in bare],
        "wirehouse_wps": round(words / w),
        "bare_wps": round(words / b),
        "ratio": round(b / w, 3),
        "ratio_of_medians": round(statistics.median(bare) / statistics.median(wirehouse), 3),
        "loads": loads,
    }


def bench_throughput(corpus: Path, docs: int | None, rounds: int, batch_size: int) -> dict:
    from extractors.nlp.model import load_nlp

    started = time.perf_counter()
    nlp = load_nlp()
    load_seconds = time.perf_counter() - started
    files = corpus_files(corpus, docs)
    result = compare(nlp, corpus, files, 1, rounds, batch_size)
    result["model_load_s"] = round(load_seconds, 2)
    result["pipe_names"] = nlp.pipe_names
    return result


def bench_processes(corpus: Path, docs: int | None, rounds: int, batch_size: int) -> dict:
    from extractors.nlp.model import load_nlp

    nlp = load_nlp()
    files = corpus_files(corpus, docs)
    one = load_results().get("throughput")
    if not (one and one["docs"] == len(files) and one["batch_size"] == batch_size):
        one = compare(nlp, corpus, files, 1, rounds, batch_size)  # else reuse part 1's
    return {"by_n_process": [one, compare(nlp, corpus, files, 2, rounds, batch_size)]}
