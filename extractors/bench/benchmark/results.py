"""Each part's figures, kept in docs/benchmarks.json with the machine they were taken on."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from extractors.settings import PROJECT_ROOT, load_settings

RESULTS = PROJECT_ROOT / "docs" / "benchmarks.json"


def machine() -> dict:
    import spacy

    from extractors.nlp.model import DEFAULT_MODEL

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024**2, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": load_settings().spacy_model or DEFAULT_MODEL,
    }


def load_results() -> dict:
    return json.loads(RESULTS.read_text()) if RESULTS.exists() else {}


def save_result(part: str, result: dict) -> None:
    results = load_results()
    results[part] = {**result, "measured_at": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"}
    results["machine"] = machine()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
