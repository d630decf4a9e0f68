"""The statement evaluation's matcher, on hand-made spans (no gold data needed)."""

from extractors.bench.evaluation.statement_matching import (
    LENIENT_COVERAGE,
    Gold,
    Pred,
    coverage,
    match,
)


def pred(start: int, end: int) -> Pred:
    return Pred(start, end, None, None)


def test_a_long_prediction_does_not_take_the_gold_that_a_short_one_fits():
    # '"A," she said, adding that B. "C."': gold A+C (two fragments) and gold B; the long
    # prediction covers B wholly and A+C all but two characters
    gold_quote = Gold(content=((0, 120), (226, 272)))
    gold_clause = Gold(content=((149, 224),))
    long_quote, clause = pred(1, 271), pred(154, 224)
    pairs = match([long_quote, clause], [gold_clause, gold_quote], coverage, LENIENT_COVERAGE)
    assert sorted((p.start, g.content) for p, g in pairs) == [
        (1, gold_quote.content),
        (154, gold_clause.content),
    ]


def test_each_gold_and_prediction_is_used_once_and_below_threshold_never():
    golds = [Gold(content=((0, 100),)), Gold(content=((200, 300),))]
    twins = [pred(0, 100), pred(10, 100), pred(290, 300)]  # the last covers 0.1 of its gold
    pairs = match(twins, golds, coverage, LENIENT_COVERAGE)
    assert [(p.start, g.content) for p, g in pairs] == [(0, ((0, 100),))]
    assert match([], golds, coverage, LENIENT_COVERAGE) == []
