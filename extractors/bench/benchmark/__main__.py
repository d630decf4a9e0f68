"""`make bench`'s command line: measure the parts asked for, then rewrite BENCHMARKS.md."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from extractors.bench import benchmark
from extractors.bench.benchmark.dag_runs import bench_batch_sizes, bench_e2e
from extractors.bench.benchmark.evidence_site import bench_evidence
from extractors.bench.benchmark.instructions import (
    INSTRUCTION_DOCS,
    bench_instructions,
    instructions_child,
)
from extractors.bench.benchmark.memory import bare_child, bench_memory
from extractors.bench.benchmark.overhead import bench_profile
from extractors.bench.benchmark.report import REPORT, render
from extractors.bench.benchmark.results import load_results, machine, save_result
from extractors.bench.benchmark.samples import DEFAULT_CORPUS, corpus_files, load_average
from extractors.bench.benchmark.throughput import ROUNDS_DOCS, bench_processes, bench_throughput
from extractors.settings import PROJECT_ROOT
from extractors.warehouse.dag_runner import IN_PROCESS_DEFAULTS

PARTS = (
    "throughput",
    "processes",
    "memory",
    "e2e",
    "profile",
    "instructions",
    "language",
    "evidence",
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extractors.bench.benchmark",
        description=benchmark.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--docs",
        type=int,
        default=None,
        help="documents per part (default: all for e2e and memory, "
        f"{ROUNDS_DOCS} for the alternating throughput rounds)",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", default=",".join(PARTS), help=f"any of {','.join(PARTS)}")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument(
        "--dag-batch-size",
        type=int,
        default=int(IN_PROCESS_DEFAULTS["WIREHOUSE_BATCH_SIZE"]),  # as make run
        help="WIREHOUSE_BATCH_SIZE",
    )
    parser.add_argument(
        "--batch-sizes", default="", help="also: DAG runs at these WIREHOUSE_BATCH_SIZEs"
    )
    parser.add_argument(
        "--exclude", default="", help="e2e: leave out these files (comma-separated, relative)"
    )
    parser.add_argument("--mem-sizes", default="", help="memory: only these corpus sizes")
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        help="e2e: the corpus plus SCALE-1 republished copies (written to section 4b)",
    )
    parser.add_argument(
        "--warehouse",
        type=Path,
        default=None,
        help="evidence: a warehouse of the corpus (default: build one with a DAG run)",
    )
    parser.add_argument("--bare-child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--instructions-child", nargs=2, default=None, help=argparse.SUPPRESS)
    return parser


def _measure_memory(args: argparse.Namespace) -> None:
    total = len(corpus_files(args.corpus, args.docs, unique=False))
    sizes = sorted({min(n, total) for n in (200, 1000, total)})
    if args.mem_sizes:  # measure only these; keep the other sizes' earlier rows
        sizes = [int(n) for n in args.mem_sizes.split(",")]
    rows = bench_memory(args.corpus, sizes)["rows"]
    earlier = [
        r for r in load_results().get("memory", {}).get("rows", []) if r["docs"] not in sizes
    ]
    save_result("memory", {"rows": sorted(earlier + rows, key=lambda r: r["docs"])})


def _measure_language(corpus: Path) -> None:
    """In a fresh process, so that the model's load time and memory are its own."""
    measured = subprocess.run(
        [sys.executable, "-m", "extractors.bench.benchmark.language", str(corpus)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    save_result("language", json.loads(measured.stdout))


def _measure(args: argparse.Namespace, parts: list[str]) -> None:
    """Each part asked for, in a fixed order; each saves its figures as soon as it ends."""
    docs = args.docs or ROUNDS_DOCS
    if "throughput" in parts:
        save_result("throughput", bench_throughput(args.corpus, docs, args.rounds, args.batch_size))
    if "profile" in parts:
        save_result("profile", bench_profile(args.corpus, args.docs or 400, args.batch_size))
    if "processes" in parts:
        save_result("processes", bench_processes(args.corpus, docs, args.rounds, args.batch_size))
    if "memory" in parts:
        _measure_memory(args)
    if "e2e" in parts:
        exclude = {x.strip() for x in args.exclude.split(",") if x.strip()}
        save_result(
            "e2e" if args.scale == 1 else "e2e_scaled",
            bench_e2e(args.corpus, args.docs, args.dag_batch_size, exclude, args.scale),
        )
    if "instructions" in parts:
        counted = bench_instructions(args.corpus, args.docs or INSTRUCTION_DOCS)
        if counted:
            save_result("instructions", counted)
    if "language" in parts:
        _measure_language(args.corpus)
    if "evidence" in parts:
        save_result("evidence", bench_evidence(args.corpus, args.warehouse))
    if args.batch_sizes:
        sizes = [int(s) for s in args.batch_sizes.split(",")]
        save_result("batch_sizes", bench_batch_sizes(args.corpus, args.docs or 500, sizes))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.bare_child:
        bare_child(args.bare_child)
        return 0
    if args.instructions_child:
        instructions_child(*args.instructions_child)
        return 0
    if not args.corpus.is_dir():
        print(f"benchmark skipped: no corpus at {args.corpus}")
        return 0
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    print(f"machine: {machine()}  load: {load_average()}")
    _measure(args, parts)
    REPORT.write_text(render(load_results()))
    print(f"wrote {REPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
