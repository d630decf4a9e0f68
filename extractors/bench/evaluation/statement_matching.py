"""Matching predicted statements to gold ones, and the counts of one document.

Matching is one-to-one, an optimal assignment (most pairs, then highest total score):
- lenient: the predicted content covers >= 0.3 of the gold content's characters;
- strict: character Jaccard of predicted and gold content >= 0.5.
Precision is over predictions, recall over (required) gold items; an unmatched prediction
that matches an optional gold item is neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from extractors.bench.evaluation.scoring import precision_recall_f1

LENIENT_COVERAGE = 0.3
STRICT_JACCARD = 0.5
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    content: Spans
    source: Spans = ()
    cue: Spans = ()
    speaker_name: str | None = None  # seed only
    optional: bool = False


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    speaker: tuple[int, int] | None
    speaker_key: str | None
    speaker_text: str | None = None
    kind: str = "direct"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.speaker_checked += other.speaker_checked
        self.speaker_right += other.speaker_right

    @property
    def prf(self) -> tuple[float, float, float]:
        return precision_recall_f1(self.tp, self.fp, self.fn)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_checked if self.speaker_checked else 0.0


def overlap(start: int, end: int, spans: Spans) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def coverage(pred: Pred, gold: Gold) -> float:
    """Share of the gold content's characters that the predicted content covers."""
    size = _length(gold.content)
    return overlap(pred.start, pred.end, gold.content) / size if size else 0.0


def jaccard(pred: Pred, gold: Gold) -> float:
    inter = overlap(pred.start, pred.end, gold.content)
    union = (pred.end - pred.start) + _length(gold.content) - inter
    return inter / union if union else 0.0


def match(
    preds: list[Pred], golds: list[Gold], score: Callable[[Pred, Gold], float], threshold: float
) -> list[tuple[Pred, Gold]]:
    """One-to-one matching with the most pairs, and among those the highest total score
    (an optimal assignment). A greedy best-score-first matching let a long prediction
    that covers two gold items take the one it covers slightly better, leaving unmatched
    a shorter prediction that fits only the other."""
    if not preds or not golds:
        return []
    scores = np.array([[score(p, g) for g in golds] for p in preds])
    eligible = scores >= threshold
    # every eligible pair is worth more than any score difference: cardinality first
    rows, cols = linear_sum_assignment(np.where(eligible, 1.0 + scores, 0.0), maximize=True)
    return [(preds[i], golds[j]) for i, j in zip(rows, cols, strict=True) if eligible[i, j]]


# whether a matched prediction names the gold speaker (None: the gold names none)
SpeakerCheck = Callable[[Pred, Gold], bool | None]


def tally(
    preds: list[Pred],
    golds: list[Gold],
    score: Callable[[Pred, Gold], float],
    threshold: float,
    speaker_ok: SpeakerCheck,
) -> Tally:
    """Counts for one document; an unmatched prediction matching an optional gold is ignored."""
    pairs = match(preds, golds, score, threshold)
    matched_p = {id(p) for p, _ in pairs}
    matched_g = {id(g) for _, g in pairs}
    t = Tally()
    t.tp = sum(1 for _, g in pairs if not g.optional)
    optional = [g for g in golds if g.optional]
    for p in preds:
        if id(p) in matched_p:
            continue
        if any(score(p, g) >= threshold for g in optional):
            continue
        t.fp += 1
    t.fn = sum(1 for g in golds if not g.optional and id(g) not in matched_g)
    for p, g in pairs:
        if g.optional:
            continue
        verdict = speaker_ok(p, g)
        if verdict is not None:
            t.speaker_checked += 1
            t.speaker_right += verdict
    return t
