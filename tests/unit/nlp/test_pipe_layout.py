"""How an extract task spreads its batch over spaCy worker processes."""

import dataclasses

import pytest

from extractors.nlp.pipeline import extract, pipe_layout
from tests.support.articles import make_source


@pytest.mark.parametrize(
    ("documents", "layout"),
    [(0, (1, 1)), (7, (1, 7)), (8, (2, 4)), (22, (2, 11)), (64, (2, 32)), (200, (2, 32))],
)
def test_two_workers_get_a_share_each_from_eight_documents(documents, layout):
    assert pipe_layout(documents, 2) == layout


def test_one_worker_when_tasks_run_side_by_side():
    assert pipe_layout(200, 1) == (1, 32)


def _records(extraction) -> dict:
    """Every record of an extraction but the documents' extraction timestamps."""
    tables = dataclasses.asdict(extraction)
    for document in tables["documents"]:
        del document["extracted_at"]
    return tables


def test_two_workers_extract_the_same_records_as_one(nlp):
    sources = [
        make_source(
            f'"We will not talk to Iran," the Iraqi foreign minister said on Monday. '
            f"Police in Baghdad arrested {n + 2} protesters.",
            name=f"{n}.txt",
        )
        for n in range(8)
    ]
    one = extract(nlp, sources)
    two = extract(nlp, sources, n_process=2, batch_size=4)
    assert len(one.statements) == 8
    assert _records(two) == _records(one)
