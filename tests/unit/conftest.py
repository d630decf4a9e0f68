"""Fixtures for the extractor unit tests: one spaCy pipeline and one parsed seed per session."""

from __future__ import annotations

import hashlib

import pytest

from extractors.nlp.model import load_nlp
from extractors.nlp.pipeline import Extraction, SourceText, extract
from tests.support.articles import make_source
from tests.support.paths import SEED_FILE, SEEDS

SEED_PATH = SEEDS / SEED_FILE


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_source(seed_raw: str) -> SourceText:
    sha = hashlib.sha256(SEED_PATH.read_bytes()).hexdigest()
    return SourceText(SEED_PATH.name, seed_raw, sha, sha[:16], {})


@pytest.fixture(scope="session")
def seed(nlp, seed_source: SourceText) -> Extraction:
    return extract(nlp, [seed_source])


@pytest.fixture(scope="session")
def extract_text(nlp):
    """Run the whole pipeline on a made-up text."""

    def run(text: str) -> Extraction:
        return extract(nlp, [make_source(text)])

    return run
