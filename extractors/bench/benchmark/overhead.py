"""Where wirehouse's own time goes: one extraction under cProfile, its steps by
cumulative time (the profile part of `make bench`)."""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from pathlib import Path

from extractors.bench.benchmark.samples import copy_inputs, corpus_files, load_average


def bench_profile(corpus: Path, docs: int | None, batch_size: int) -> dict:
    """Where wirehouse's own time goes: cumulative seconds of its top-level steps."""
    from extractors.nlp.model import load_nlp
    from extractors.warehouse.folder_extraction import extract_folder

    nlp = load_nlp()
    files = corpus_files(corpus, min(docs or 400, 400))
    with tempfile.TemporaryDirectory(prefix="wirehouse-prof-") as tmp:
        input_dir = copy_inputs(corpus, files, Path(tmp) / "input")
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        extract_folder(nlp, input_dir, Path(tmp) / "out", batch_size=batch_size)
        profile.disable()
        total = time.perf_counter() - started
    stats = pstats.Stats(profile)
    wanted = {
        ("pipeline.py", "extract_doc"): "all wirehouse extraction (extract_doc)",
        ("actors/extraction.py", "extract_actors"): "actors",
        ("events/extraction.py", "extract_events"): "events",
        ("statements/extraction.py", "extract_statements"): "statements",
        ("pipeline.py", "_document"): "document record (n_words, dateline)",
        ("cleaning.py", "clean"): "cleaning",
        ("intake.py", "discover"): "intake (read, sha256, decode)",
        ("staging.py", "write"): "Parquet writing",
        ("language.py", "__call__"): "spaCy components (Language.__call__ / pipe)",
    }
    # the raw table: (file, line, function) -> (calls, ..., cumulative time, callers)
    table: dict = stats.stats  # type: ignore[attr-defined]  # typeshed leaves it out
    rows = []
    for (filename, _line, func), (_cc, _nc, _tt, cumtime, _callers) in table.items():
        for (file_suffix, name), label in wanted.items():
            if func == name and filename.endswith(file_suffix) and "extractors" in filename:
                rows.append({"step": label, "seconds": round(cumtime, 2)})
    spacy_s = sum(
        st[3]
        for (fn, _l, func), st in table.items()
        if func in ("pipe", "__call__")
        and ("spacy/pipeline" in fn or fn.endswith(".pyx"))
        and "extractors" not in fn
    )
    buffer = io.StringIO()
    pstats.Stats(profile, stream=buffer).sort_stats("tottime").print_stats(15)
    return {
        "docs": len(files),
        "total_s": round(total, 2),
        "rows": sorted(rows, key=lambda r: -r["seconds"]),
        "spacy_pipe_s_approx": round(spacy_s, 2),
        "top_tottime": buffer.getvalue()[-6000:],
        "load": load_average(),
    }
