"""Accuracy evaluations against the gold sets in ../shared/eval (never shipped in the repo).

Each module measures one extractor beside its baseline, in the same run, prints a report
and returns wirehouse's figures; ``python -m extractors.bench.evaluation`` (``make eval``) runs
them all and fails when a figure falls below its floor (`floors`).
"""
