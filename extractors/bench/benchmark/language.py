"""`make bench --only language`: what the intake's language check costs.

Runs in a fresh process (``python -m extractors.bench.benchmark.language CORPUS``) so the
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


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
