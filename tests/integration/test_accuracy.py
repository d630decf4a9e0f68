"""`make eval` as a regression guard: each figure of the evaluation against its floor
(`extractors/bench/evaluation/floors.csv`).

The evaluation runs once for the module (about 70 s) on every gold set `make eval` reads,
except the crash check over all 864 PolNeAR train and dev articles (about 3 minutes),
which only `make eval` runs. Skipped when ../shared/eval is absent.
"""

from __future__ import annotations

import pytest

from extractors.bench.evaluation.floors import below_floor, load_floors
from extractors.bench.evaluation.shared_data import EVAL_DIR

FLOORS = load_floors()
MAKE_EVAL_ONLY = {"statements.polnear_train_dev.documents_without_crash"}

pytestmark = [
    pytest.mark.accuracy,
    pytest.mark.skipif(not EVAL_DIR.exists(), reason=f"{EVAL_DIR} is absent"),
]


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    from extractors.bench.evaluation.run import evaluate
    from extractors.nlp.model import load_nlp

    return evaluate(load_nlp(), crash_check=False)


def test_every_figure_has_a_floor(figures):
    assert set(figures) - set(FLOORS) == set()


@pytest.mark.parametrize("name", sorted(set(FLOORS) - MAKE_EVAL_ONLY))
def test_figure_holds_its_floor(figures, name):
    if name not in figures:
        pytest.skip(f"{name} not measured: its gold set under {EVAL_DIR} is absent")
    assert below_floor({name: figures[name]}, FLOORS) == []
