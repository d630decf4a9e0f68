"""`make eval`: every evaluation, then each figure against its floor (exit 1 below one)."""

from __future__ import annotations

import sys

from extractors.bench.evaluation.shared_data import EVAL_DIR


def main() -> int:
    if not EVAL_DIR.exists():
        print(f"skipped: {EVAL_DIR} is absent (the gold sets are not part of the repo)")
        return 0
    from extractors.bench.evaluation.floors import below_floor, load_floors, print_figures
    from extractors.bench.evaluation.run import evaluate
    from extractors.nlp.model import load_nlp

    figures = evaluate(load_nlp())
    floors = load_floors()
    print("\n===== floors =====")
    print_figures(figures, floors)
    failures = below_floor(figures, floors)
    for line in failures:
        print(f"FAILED: {line}")
    if not failures:
        print("every figure holds its floor")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
