"""Every evaluation in one process, sharing one loaded spaCy pipeline; their figures."""

from __future__ import annotations

from spacy.language import Language

from extractors.bench.evaluation import actors, events, statements


def evaluate(nlp: Language, crash_check: bool = True) -> dict[str, float]:
    """Print each evaluation's report and return its figures by name. The crash check
    (every PolNeAR train and dev article, about 3 minutes) is left out when asked."""
    figures: dict[str, float] = {}
    for module in (actors, statements, events):
        print(f"\n===== {module.__name__.rsplit('.', 1)[-1]} =====")
        figures.update(module.report(nlp))
    if crash_check:
        figures.update(statements.crash_report(nlp))
    return figures
