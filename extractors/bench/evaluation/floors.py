"""Each figure of `make eval` against its floor: a regression guard, run in CI.

The floors are data (`floors.csv`): a figure's name, its floor, and the value and date it
was set from. A floor is 0.02 under that value, except that the shares of documents
extracted without a crash have floor 1 (no crash is allowed). A figure below its floor
fails `make eval` and the accuracy tests (`tests/test_accuracy.py`). Raise a floor by hand
when a figure improves for good; lower one only with a reason in the commit that does it.
Only wirehouse's figures have floors; the baselines beside them are printed, not guarded.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

FLOORS_PATH = Path(__file__).with_name("floors.csv")


@dataclass(frozen=True)
class Floor:
    figure: str
    floor: float
    value: float  # the value the floor was set from
    set_on: str


def load_floors(path: Path = FLOORS_PATH) -> dict[str, Floor]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["figure"]: Floor(
                row["figure"], float(row["floor"]), float(row["value"]), row["set_on"]
            )
            for row in csv.DictReader(handle)
        }


def below_floor(figures: dict[str, float], floors: dict[str, Floor]) -> list[str]:
    """One line per measured figure under its floor (figures not measured are not judged)."""
    return [
        f"{name} {figures[name]:.3f} is below its floor {floor.floor:.3f} "
        f"(set {floor.set_on} from {floor.value:.3f})"
        for name, floor in floors.items()
        if name in figures and figures[name] < floor.floor
    ]


def print_figures(figures: dict[str, float], floors: dict[str, Floor]) -> None:
    print(f"{'figure':<52} {'value':>6} {'floor':>6}")
    for name in sorted(set(figures) | set(floors)):
        floor = floors.get(name)
        value = f"{figures[name]:6.3f}" if name in figures else "   n/a"
        limit = f"{floor.floor:6.3f}" if floor else "  none"
        verdict = ""
        if floor is None:
            verdict = "  (no floor)"
        elif name not in figures:
            verdict = "  (not measured: its gold set is absent)"
        elif figures[name] < floor.floor:
            verdict = "  BELOW FLOOR"
        print(f"{name:<52} {value} {limit}{verdict}")
