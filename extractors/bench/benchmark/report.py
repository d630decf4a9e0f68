"""BENCHMARKS.md, rendered from the figures in docs/benchmarks.json.

One function per section; a part without figures has no section. The hand-written notes
below ``NOTES_MARKER`` survive a re-render.
"""

from __future__ import annotations

import statistics

from extractors.bench.benchmark.report_e2e import render_e2e, render_scaled
from extractors.settings import PROJECT_ROOT

REPORT = PROJECT_ROOT / "BENCHMARKS.md"
NOTES_MARKER = "<!-- notes: kept when make bench rewrites the tables -->"


def _header(m: dict) -> list[str]:
    return [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m extractors.bench.benchmark`); rerun one part with",
        "`--only PART`. Raw numbers: `docs/benchmarks.json`. Load = `uptime` load",
        "averages (1, 5, 15 min) when the figure was taken; the machine is shared.",
        "",
        f"Machine: {m.get('nproc')} × {m.get('cpu')}, {m.get('ram_gb')} GB RAM, "
        f"Python {m.get('python')}, spaCy {m.get('spacy')}, model {m.get('model')}.",
        "",
    ]


def _throughput(t: dict) -> list[str]:
    """Section 1: wirehouse's extraction against bare nlp.pipe."""
    return [
        "## 1. Extraction throughput against bare spaCy",
        "",
        f"{t['docs']} BBC documents, {t['words']:,} words, batch size {t['batch_size']}, "
        f"1 process, pipeline {', '.join(t['pipe_names'])}; "
        f"{len(t['wirehouse_s'])} alternating rounds, fastest of each path. "
        f"Measured {t['measured_at']}.",
        "wirehouse = `extractors.warehouse.folder_extraction.extract_folder` (what "
        "`python -m extractors extract` runs: intake, cleaning, nlp.pipe, actors, events, "
        "statements, Parquet). "
        f"Model load (once, not in the figures): {t['model_load_s']} s.",
        "",
        "| path | seconds per round | words/s (fastest round) |",
        "|---|---|---|",
        f"| bare `nlp.pipe` | {', '.join(map(str, t['bare_s']))} | {t['bare_wps']:,} |",
        f"| wirehouse extract | {', '.join(map(str, t['wirehouse_s']))} | {t['wirehouse_wps']:,} |",
        "",
        f"**Ratio wirehouse / bare: {t['ratio']:.2f}** (goal ≥ 0.90; fastest rounds). "
        f"Ratio of the medians: {t.get('ratio_of_medians', t['ratio']):.2f}. "
        f"Load per run: {'; '.join(t['loads'])}.",
        "",
    ]


def _instructions(ins: dict) -> list[str]:
    return [
        "### The same ratio in instructions (callgrind)",
        "",
        f"{ins['docs']} documents, each path in a fresh process under valgrind's "
        "callgrind, after the same warm-up (the model on 3 texts, the extractors on "
        "3 texts: one-time set-up, like the model's load); a third process that only "
        "warms up is subtracted from both. Instruction counts do not move with the "
        "machine's load; they weigh a vectorised spaCy instruction like an interpreted "
        "Python one, so they check the timed ratio rather than replace it. "
        f"Measured {ins['measured_at']}.",
        "",
        "| path | instructions per document |",
        "|---|---|",
        f"| bare `nlp.pipe` | {ins['bare_per_doc']:,} |",
        f"| wirehouse extract | {ins['wirehouse_per_doc']:,} |",
        "",
        f"**Ratio wirehouse / bare, in instructions: {ins['ratio']:.2f}.**",
        "",
    ]


def _profile(p: dict) -> list[str]:
    return [
        "### Where wirehouse's overhead goes (cProfile)",
        "",
        f"One extraction of {p['docs']} documents under cProfile ({p['total_s']} s with "
        f"profiling overhead; load {p['load']}). Cumulative seconds:",
        "",
        "| step | seconds |",
        "|---|---|",
        *[f"| {r['step']} | {r['seconds']} |" for r in p["rows"]],
        "",
    ]


def _processes(pr: dict) -> list[str]:
    """Section 2: one spaCy process against two."""
    lines = [
        "## 2. One process against two",
        "",
        f"Same corpus sample, `n_process` of both paths. Measured {pr['measured_at']}.",
        "",
        "| n_process | bare words/s | wirehouse words/s | ratio | rounds (w / bare, s) | load |",
        "|---|---|---|---|---|---|",
    ]
    for r in pr["by_n_process"]:
        lines.append(
            f"| {r['n_process']} | {r['bare_wps']:,} | {r['wirehouse_wps']:,} | "
            f"{r['ratio']:.2f} | {r['wirehouse_s']} / {r['bare_s']} | {r['loads'][0]} |"
        )
    one, two = pr["by_n_process"][0], pr["by_n_process"][-1]
    return lines + [
        "",
        f"Speed-up of 2 processes: wirehouse ×{two['wirehouse_wps'] / one['wirehouse_wps']:.2f}"
        f", bare ×{two['bare_wps'] / one['bare_wps']:.2f}.",
        "",
    ]


def _batch_sizes(b: dict) -> list[str]:
    return [
        "### WIREHOUSE_BATCH_SIZE",
        "",
        f"Full DAG runs over {b['docs']} documents. Measured {b['measured_at']}.",
        "",
        "| batch size | extract tasks | extract stage s | total wall s | load |",
        "|---|---|---|---|---|",
        *[
            f"| {r['batch_size']} | {r['tasks'].get('extract')} | "
            f"{r['stages'].get('extract')} | {r['wall_s']} | {r['load']} |"
            for r in b["rows"]
        ],
        "",
    ]


def _memory(mem: dict) -> list[str]:
    """Section 5: peak memory of extraction."""
    return [
        "## 5. Peak memory of extraction",
        "",
        "`python -m extractors extract` in a fresh process per size (1 process), peak "
        "RSS of the largest process from getrusage; bare = `nlp.pipe` over the same "
        "files in a fresh process; 2 workers = `--n-process 2` (as `make run`), the "
        "largest of the main process and its spaCy workers. Goal ≤ 1.5 GB per process. "
        f"Measured {mem['measured_at']}.",
        "",
        "| documents | wirehouse peak RSS MB | bare nlp.pipe peak RSS MB "
        "| wirehouse, 2 workers, MB per process | wirehouse s | load |",
        "|---|---|---|---|---|---|",
        *[
            f"| {r['docs']} | {r['wirehouse_mb']} | {r['bare_mb'] or '–'} "
            f"| {r.get('two_process_mb') or '–'} | {r['wirehouse_s']} | {r['load']} |"
            for r in mem["rows"]
        ],
        "",
    ]


def _language(result: dict, throughput: dict | None) -> list[str]:
    """Section 6, beside bare spaCy's parse time per document (section 1)."""
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
        "`extractors.warehouse.language.judge` (py3langid on each article's prose) over "
        f"{result['docs']} BBC articles, in a fresh process; the model loads once per "
        f"process. Measured {result['measured_at']}.",
        "",
        "| model load s | model memory MB | ms per document: mean / median / p99 | total s |",
        "|---|---|---|---|",
        f"| {result['model_load_s']} | {result['model_mb']} | {result['ms_per_doc_mean']} / "
        f"{result['ms_per_doc_median']} / {result['ms_per_doc_p99']} | {result['total_s']} |",
        "",
        *([bare, ""] if bare else []),
    ]


def _evidence(ev: dict) -> list[str]:
    verdict = "met" if ev["met"] else "missed"
    return [
        "## 7. Evidence site of the whole corpus",
        "",
        f"`extractors.tools.evidence` on a warehouse of {ev['documents']:,} documents and "
        f"{ev['actors']:,} actors; the index opened in headless Chromium from file://, then "
        f"the name of **{ev['actor_searched']}** typed key by key into its search until only "
        f"*{ev['document_found']}* is shown. Measured {ev['measured_at']}, load {ev['load']}.",
        "",
        "| site | files | index.html | search.js | write s | unchanged rewrite s |",
        "|---|---|---|---|---|---|",
        f"| {ev['site_mb']} MB | {ev['files']:,} | {ev['index_kb']} KB | "
        f"{ev['search_js_kb']} KB | {ev['write_s']} | {ev['unchanged_rewrite_s']} |",
        "",
        "| open s | search s (typing included) | one search in the page ms | goal |",
        "|---|---|---|---|",
        f"| {ev['open_s']} | {ev['search_s']} | {ev['one_search_ms']} | "
        f"open + search ≤ {ev['goal_s']} s: {verdict} |",
        "",
    ]


# the sections in the report's order, by the part whose figures they show
_SECTIONS = (
    ("throughput", _throughput),
    ("instructions", _instructions),
    ("profile", _profile),
    ("processes", _processes),
    ("e2e", render_e2e),
    ("e2e_scaled", render_scaled),
    ("batch_sizes", _batch_sizes),
    ("memory", _memory),
)


def render(results: dict) -> str:
    lines = _header(results.get("machine", {}))
    for part, section in _SECTIONS:
        if results.get(part):
            lines += section(results[part])
    if results.get("language"):
        lines += _language(results["language"], results.get("throughput"))
    if results.get("evidence"):
        lines += _evidence(results["evidence"])
    # hand-written analysis below the marker survives a re-render
    kept = REPORT.read_text().partition(NOTES_MARKER)[2] if REPORT.exists() else ""
    lines += [NOTES_MARKER + (kept or "\n")]
    return "\n".join(lines)
