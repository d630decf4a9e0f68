"""PETRARCH-2's unit-test records as a conformance suite for the event coder.

The 284 records (`eval/events/PETR.UnitTest.records.gold.jsonl`) test coding mechanics
(synonym sets, patterns, compounds, passives, date-restricted actors, agents, discards)
with fictional actors whose codes only the suite's own dictionaries know. So the suite
runs in a process of its own with WIREHOUSE_EVENT_DICTIONARIES set to the folder of
`PETR.Validate.*`: the coder under test is the production one, reading that set.
Actors are found by the suite's actor dictionary (`petrarch_actors`), so this measures
the coder, not NER. Scored exactly: micro P/R/F1 over each record's set of (source code,
target code, event code), the ERROR category (malformed input) left out.

`python -m extractors.bench.evaluation.conformance` prints the result as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date

from extractors.bench.evaluation.petrarch_actors import dictionary_actors, phrase_codes
from extractors.bench.evaluation.scoring import precision_recall_f1
from extractors.bench.evaluation.shared_data import eval_path
from extractors.lexicons.dictionary_set import dictionary_set
from extractors.nlp.events import extract_events
from extractors.nlp.model import load_nlp
from extractors.settings import PROJECT_ROOT

RECORDS = "PETR.UnitTest.records.gold.jsonl"


def _gold(record: dict) -> set[tuple[str, str, str]]:
    return {
        (g["sourcecode"], g["targetcode"], g["eventcode"])
        for g in record["gold_events"]
        if g.get("sourcecode") and g.get("targetcode") and g.get("eventcode")
    }


def run_suite() -> dict:
    """Score the records with the configured dictionary set (call in the suite's process)."""
    records_path = eval_path("events", RECORDS)
    assert records_path is not None
    dictionary = phrase_codes(list(dictionary_set().actors))
    records = [json.loads(line) for line in records_path.read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if r["category"] != "ERROR"]
    nlp = load_nlp()
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        when = int(record["date"])  # YYYYMMDD
        actors = dictionary_actors(doc, dictionary, when)
        published = date(when // 10000, when // 100 % 100, when % 100)
        predicted = {
            (e.source_actor_code, e.target_actor_code, e.cameo_code)
            for e in extract_events(doc, actors, record["id"], published)
            if e.source_actor_code and e.target_actor_code
        }
        gold = _gold(record)
        counts = per_category[record["category"]]
        for i, n in enumerate(
            (len(predicted & gold), len(predicted - gold), len(gold - predicted))
        ):
            counts[i] += n
        if predicted != gold:
            misses.append(
                {"id": record["id"], "gold": sorted(gold), "predicted": sorted(predicted)}
            )
    tp, fp, fn = (sum(c[i] for c in per_category.values()) for i in range(3))
    return {
        "records": len(records),
        "prf": precision_recall_f1(tp, fp, fn),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "per_category": dict(per_category),
        "misses": misses,
    }


def suite_in_own_process() -> dict | None:
    """The suite's result from a process reading the Validate dictionaries; None when
    ../shared/eval/events is absent."""
    folder = eval_path("events")
    if folder is None or eval_path("events", RECORDS) is None:
        return None
    env = {**os.environ, "WIREHOUSE_EVENT_DICTIONARIES": str(folder)}
    done = subprocess.run(
        [sys.executable, "-m", __name__],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


if __name__ == "__main__":
    json.dump(run_suite(), sys.stdout)
