"""Peak memory of extraction: ``python -m extractors extract`` in a fresh process per
corpus size, beside bare ``nlp.pipe`` over the same files and a run with two workers."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extractors.bench.benchmark.samples import WORK, copy_inputs, corpus_files, load_average
from extractors.bench.benchmark.throughput import parse_bare
from extractors.settings import PROJECT_ROOT

# runs a command and prints the peak RSS (kB) of the largest process in its tree: the
# command itself and, once waited for, its children (spaCy's n_process workers)
_TREE_PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """(peak RSS in MB of the largest process the command ran, wall seconds)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _TREE_PEAK_RSS, *cmd],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"{cmd} failed: {result.stderr[-2000:]}")
    return int(result.stdout.split()[-1]) / 1024, time.perf_counter() - started


def bench_memory(corpus: Path, sizes: list[int]) -> dict:
    rows = []
    for size in sizes:
        files = corpus_files(corpus, size, unique=False)  # files as a user has them
        largest = size == sizes[-1]
        with tempfile.TemporaryDirectory(prefix="wirehouse-mem-") as tmp:
            input_dir = copy_inputs(corpus, files, Path(tmp) / "input")
            out = Path(tmp) / "out"
            extract = [sys.executable, "-m", "extractors", "extract", "--input", str(input_dir)]
            load = load_average()
            wirehouse_mb, seconds = _peak_rss_mb([*extract, "--out", str(out)])
            kept = WORK / "extract_largest"  # for inspecting the staging output
            shutil.rmtree(kept, ignore_errors=True)
            bare_mb = two_process_mb = None
            if largest:
                shutil.copytree(out, kept)
                # bare spaCy's own growth, for comparison
                bare_mb, _ = _peak_rss_mb(
                    [
                        sys.executable,
                        "-m",
                        "extractors.bench.benchmark",
                        "--bare-child",
                        str(input_dir),
                    ]
                )
                # two spaCy workers (as make run): each holds a model of its own
                two_process_mb, _ = _peak_rss_mb(
                    [*extract, "--out", str(Path(tmp) / "out2"), "--n-process", "2"]
                )
        rows.append(
            {
                "docs": len(files),
                "wirehouse_mb": round(wirehouse_mb),
                "bare_mb": None if bare_mb is None else round(bare_mb),
                "two_process_mb": None if two_process_mb is None else round(two_process_mb),
                "wirehouse_s": round(seconds, 1),
                "load": load,
            }
        )
        print(f"  memory {rows[-1]}")
    return {"rows": rows}


def bare_child(input_dir: str) -> None:
    """Bare spaCy over the folder, for its peak memory (run by bench_memory)."""
    from extractors.nlp.model import load_nlp
    from extractors.warehouse.intake import list_input_files

    parse_bare(load_nlp(), list_input_files(Path(input_dir)))
