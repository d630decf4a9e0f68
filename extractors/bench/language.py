"""`make bench --only language`: what the intake's language check costs.

Runs in a fresh process (``python -m extractors.bench.language CORPUS``) so that the
model's load time and memory are its own: numpy is imported first, because spaCy imports
it anyway, and the resident memory is read before and after the model loads. Then every
corpus file is decoded and judged as intake does, and each judgement is timed.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def measure(corpus: Path) -> dict:
    import numpy  # noqa: F401  (already loaded in any process that runs spaCy)

    from extractors.warehouse.decoding import decode_article
    from extractors.warehouse.language import identifier, judge

    before = _rss_mb()
    started = time.perf_counter()
    identifier()
    load_s = time.perf_counter() - started
    model_mb = _rss_mb() - before
    texts = [decode_article(p.read_bytes()).text or "" for p in sorted(corpus.glob("*/*.txt"))]
    costs_ms = []
    for text in texts:
        started = time.perf_counter()
        judge(text)
        costs_ms.append((time.perf_counter() - started) * 1000)
    costs_ms.sort()
    return {
        "docs": len(texts),
        "model_load_s": round(load_s, 2),
        "model_mb": round(model_mb),
        "ms_per_doc_mean": round(statistics.fmean(costs_ms), 2),
        "ms_per_doc_median": round(statistics.median(costs_ms), 2),
        "ms_per_doc_p99": round(costs_ms[int(0.99 * (len(costs_ms) - 1))], 2),
        "total_s": round(sum(costs_ms) / 1000, 2),
    }


def render(result: dict, throughput: dict | None) -> list[str]:
    """Section 6 of BENCHMARKS.md, beside bare spaCy's parse time per document (section 1)."""
    bare = ""
    if throughput:
        bare_ms = statistics.median(throughput["bare_s"]) / throughput["docs"] * 1000
        bare = (
            f"For comparison, bare `nlp.pipe` parses a document in {bare_ms:.0f} ms "
            f"(section 1, {throughput['measured_at']}): the check costs "
            f"{result['ms_per_doc_mean'] / bare_ms:.0%} of a parse."
        )
    return [
        "## 6. Language identification at intake",
        "",
        f"`extractors.warehouse.language.judge` (py3langid on each article's prose) over {result['docs']} "
        "BBC articles, in a fresh process; the model loads once per process. "
        f"Measured {result['measured_at']}.",
        "",
        "| model load s | model memory MB | ms per document: mean / median / p99 | total s |",
        "|---|---|---|---|",
        f"| {result['model_load_s']} | {result['model_mb']} | {result['ms_per_doc_mean']} / "
        f"{result['ms_per_doc_median']} / {result['ms_per_doc_p99']} | {result['total_s']} |",
        "",
        *([bare, ""] if bare else []),
    ]


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
