"""Event-coder accuracy on three gold sets (read from ../shared/eval, never copied here).

Scoring is GDELT-style: an event is its dyad at country level plus its CAMEO root,
(source country, target country, root). Negated events did not happen and are not
scored; one-sided events (a source or a target without a country) cannot match a
dyadic gold event and are counted separately, not as errors.

- seed (`eval/seed/*.gold.json`): a required gold event is found when an event in a
  sentence overlapping the gold text has its dyad and one of its defensible roots.
  Precision is over the document's distinct predicted tuples: a tuple matching a
  required event is right, one matching only optional events is ignored, any other is
  wrong.
- PETRARCH2 unit-test records: a conformance suite scored exactly, run in a process of
  its own with the suite's dictionaries (`conformance`).
- PLOVER gold standard (`eval/events/PLOVER_GSR_CAMEO.json`): real-world sentences with
  our own actors; the record's event is the predicted event whose trigger overlaps the
  gold EVT markup (else the first), among those with a PLOVER type (CAMEO2PLOVER maps no
  statement or appeal, 01 and 02: converted to PLOVER they are no events). Type
  agreement: its PLOVER type (CAMEO->PLOVER map of the `cameo_codes` seed) equals the
  gold type (old labels mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
  FIGHT->ASSAULT); root agreement: its CAMEO root is one whose codes map to the gold
  type. Records without a prediction count as wrong.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language

from extractors.bench.evaluation.conformance import suite_in_own_process
from extractors.bench.evaluation.scoring import precision_recall_f1
from extractors.bench.evaluation.shared_data import eval_path, seed_gold_documents
from extractors.nlp.actors import extract_actors
from extractors.nlp.events import extract_events
from extractors.nlp.pipeline import SourceText, extract
from extractors.settings import PROJECT_ROOT

OLD_PLOVER = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def _tuple(event) -> tuple[str, str, str] | None:
    if event.is_negated or not event.source_country_code or not event.target_country_code:
        return None
    return (event.source_country_code, event.target_country_code, event.cameo_code[:2])


# ----------------------------------------------------------------------------- seed


def _sentence_ranges(text: str, snippet: str) -> list[tuple[int, int]]:
    pattern = r"\s+".join(re.escape(w) for w in snippet.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


@dataclass
class SeedTotals:
    required: int = 0  # required gold events
    found: int = 0  # of them, found
    tp: int = 0  # distinct predicted tuples matching a required event
    fp: int = 0  # distinct predicted tuples matching no gold event
    one_sided: int = 0  # events without a source or target country, not scored
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _count_required(totals: SeedTotals, gold: dict, text: str, events: list) -> None:
    """Which required gold events an event of an overlapping sentence finds."""
    for item in gold["events"]:
        if item.get("optional"):
            continue
        totals.required += 1
        spans = _sentence_ranges(text, item["text"])
        hit = any(
            (t := _tuple(e)) is not None
            and t[:2] == (item["source"], item["target"])
            and t[2] in item["roots"]
            and any(
                e.evidence_start_char < end and start < e.evidence_end_char for start, end in spans
            )
            for e in events
        )
        totals.found += hit
        if not hit:
            totals.misses.append(f"{item['trigger']} {item['source']}->{item['target']}")


def _count_predicted(totals: SeedTotals, gold: dict, events: list) -> None:
    """Each distinct predicted tuple: right, ignored (optional only) or wrong."""
    for tup in sorted({t for e in events if (t := _tuple(e))}):
        matching = [
            g
            for g in gold["events"]
            if (g["source"], g["target"]) == tup[:2] and tup[2] in g["roots"]
        ]
        if any(not g.get("optional") for g in matching):
            totals.tp += 1
        elif not matching:
            totals.fp += 1
            totals.wrong.append("->".join(tup[:2]) + " " + tup[2])


def evaluate_seed(nlp: Language) -> SeedTotals | None:
    folder = eval_path("seed")
    if folder is None:
        return None
    totals = SeedTotals()
    for gold, path in seed_gold_documents():
        raw = path.read_text(encoding="utf-8")
        result = extract(nlp, [SourceText(path.name, raw, "0" * 64, "seed", {})])
        events = [e for e in result.events if not e.is_negated]
        totals.one_sided += sum(1 for e in events if _tuple(e) is None)
        _count_required(totals, gold, result.documents[0].text, events)
        _count_predicted(totals, gold, events)
    return totals


# ----------------------------------------------------------------------------- PLOVER


def cameo_to_plover() -> dict[str, str]:
    path = PROJECT_ROOT / "dbt_project" / "seeds" / "cameo_codes.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["cameo_code"]: row["plover_type"]
            for row in csv.DictReader(handle)
            if row["plover_type"]
        }


def _plover_type(code: str, mapping: dict[str, str]) -> str | None:
    for prefix in (code, code[:3], code[:2]):
        if prefix in mapping:
            return mapping[prefix]
    return None


def _evt_spans(record: dict) -> list[str]:
    info = record.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
    return [m.strip() for m in re.findall(r"\(EVT:\s*([^)]*)\)", markup)]


def evaluate_plover(nlp: Language) -> dict | None:
    path = eval_path("events", "PLOVER_GSR_CAMEO.json")
    if path is None:
        return None
    mapping = cameo_to_plover()
    root_types: dict[str, set[str]] = defaultdict(set)
    for code, kind in mapping.items():
        root_types[code[:2]].add(kind)
    records = [
        r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"
    ]
    counts: dict[str, int] = {
        "records": len(records),
        "with_event": 0,
        "type": 0,
        "root": 0,
        "any_type": 0,
        "source_country": 0,
    }
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold_type = OLD_PLOVER.get(record["event"], record["event"])
        events = [
            e for e in extract_events(doc, extract_actors(doc), record["id"]) if not e.is_negated
        ]
        if not events:
            confusion[(gold_type, "-")] += 1
            continue
        counts["with_event"] += 1
        evt_words = {w.lower() for phrase in _evt_spans(record) for w in phrase.split()}
        # statements and appeals (CAMEO 01, 02) have no PLOVER type: not PLOVER events
        typed = [e for e in events if _plover_type(e.cameo_code, mapping)] or events
        aligned = [e for e in typed if set(e.trigger_text.lower().split()) & evt_words]
        main = (aligned or typed)[0]
        predicted = _plover_type(main.cameo_code, mapping)
        confusion[(gold_type, predicted or "?")] += 1
        counts["type"] += predicted == gold_type
        counts["root"] += gold_type in root_types.get(main.cameo_code[:2], set())
        counts["any_type"] += any(_plover_type(e.cameo_code, mapping) == gold_type for e in events)
        gold_sources = {s.get("code") for s in record.get("source") or [] if isinstance(s, dict)}
        counts["source_country"] += main.source_country_code in gold_sources
    return {**counts, "confusion": dict(confusion)}


# ----------------------------------------------------------------------------- report


def _report_seed(nlp: Language) -> dict[str, float]:
    seed = evaluate_seed(nlp)
    if seed is None:
        print("seed: skipped (../shared/eval/seed absent)")
        return {}
    recall = seed.found / seed.required if seed.required else 0.0
    precision = seed.tp / (seed.tp + seed.fp) if seed.tp + seed.fp else 0.0
    print(
        f"seed: required recall {recall:.2f} ({seed.found}/{seed.required}), "
        f"precision {precision:.2f} ({seed.tp} right, {seed.fp} wrong dyad-root tuples; "
        f"{seed.one_sided} one-sided events not scored)"
    )
    if seed.misses:
        print(f"  missed: {'; '.join(seed.misses)}")
    if seed.wrong:
        print(f"  not in gold: {'; '.join(seed.wrong)}")
    return {"events.seed.required_recall": recall, "events.seed.precision": precision}


def _report_petrarch() -> dict[str, float]:
    petr = suite_in_own_process()
    if petr is None:
        print("PETRARCH unit tests: skipped (../shared/eval/events absent)")
        return {}
    p, r, f = petr["prf"]
    print(
        f"PETRARCH2 unit-test records ({petr['records']}, Validate dictionaries): exact "
        f"(source code, target code, event code) precision {p:.2f} recall {r:.2f} F1 {f:.2f} "
        f"(tp {petr['tp']}, fp {petr['fp']}, fn {petr['fn']})"
    )
    for category, (tp, fp, fn) in sorted(petr["per_category"].items()):
        cp, cr, cf = precision_recall_f1(tp, fp, fn)
        print(f"  {category:10s} P {cp:.2f} R {cr:.2f} F1 {cf:.2f}")
    return {
        f"events.petrarch_conformance.{name}": value
        for name, value in zip(("precision", "recall", "f1"), petr["prf"], strict=True)
    }


def _report_plover(nlp: Language) -> dict[str, float]:
    plover = evaluate_plover(nlp)
    if plover is None:
        print("PLOVER gold standard: skipped (../shared/eval/events absent)")
        return {}
    n = plover["records"]
    covered = plover["with_event"]
    print(
        f"PLOVER gold standard ({n} records, {covered} with an event): "
        f"type agreement {plover['type'] / n:.2f}, root agreement {plover['root'] / n:.2f} "
        f"(over records with an event: type {plover['type'] / max(covered, 1):.2f}, "
        f"root {plover['root'] / max(covered, 1):.2f}); gold type among any event "
        f"{plover['any_type'] / n:.2f}; source country {plover['source_country'] / n:.2f}"
    )
    worst = sorted(
        ((k, v) for k, v in plover["confusion"].items() if k[0] != k[1]), key=lambda kv: -kv[1]
    )[:8]
    print(
        "  most frequent confusions (gold -> predicted): "
        + ", ".join(f"{g}->{p} {c}" for (g, p), c in worst)
    )
    return {
        f"events.plover.{figure}": plover[key] / n
        for figure, key in (
            ("type_agreement", "type"),
            ("root_agreement", "root"),
            ("source_country", "source_country"),
        )
    }


def report(nlp: Language) -> dict[str, float]:
    """Print the report; return its figures."""
    return {**_report_seed(nlp), **_report_petrarch(), **_report_plover(nlp)}
