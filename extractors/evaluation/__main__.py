"""Run every evaluation in one process, sharing one loaded spaCy pipeline."""

from __future__ import annotations

import importlib
import sys

from extractors.evaluation.shared_data import EVAL_DIR

EVALUATIONS = ("actors", "statements", "events")


def main() -> int:
    if not EVAL_DIR.exists():
        print(f"skipped: {EVAL_DIR} is absent (the gold sets are not part of the repo)")
        return 0
    from extractors.nlp import load_nlp

    nlp = load_nlp()
    for name in EVALUATIONS:
        print(f"\n===== {name} =====")
        importlib.import_module(f"extractors.evaluation.{name}").report(nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
