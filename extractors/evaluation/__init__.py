"""Accuracy evaluations against the gold sets in ../shared/eval (never shipped in the repo).

Each module measures one extractor beside its baseline, in the same run, and prints a
report; ``python -m extractors.evaluation`` runs them all (``make eval``).
"""
