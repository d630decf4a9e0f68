"""The CLI's streaming path: chunks of records go to Parquet as they are done."""

from datetime import datetime

import pyarrow.parquet as pq

from extractors.nlp.pipeline import Extraction, extract, extract_chunks
from extractors.records import Document
from extractors.warehouse.staging import STAGING_TABLES, StagingWriter
from tests.support.articles import make_source


def _document(n: int) -> Document:
    return Document(
        f"doc{n}", f"{n}.txt", None, None, None, None, "Text.", 1, "ab" * 32, datetime(2026, 1, 1)
    )


def test_chunks_append_and_every_table_gets_a_file(tmp_path):
    writer = StagingWriter(tmp_path)
    writer.write(Extraction(documents=[_document(1), _document(2)]))
    writer.write(Extraction(documents=[_document(3)]))
    assert not (tmp_path / "documents.parquet").exists()  # only complete files appear
    writer.close()
    ids = pq.read_table(tmp_path / "documents.parquet").column("document_id").to_pylist()
    assert ids == ["doc1", "doc2", "doc3"]
    for name in STAGING_TABLES:
        assert (tmp_path / f"{name}.parquet").exists()
    assert pq.read_table(tmp_path / "events.parquet").num_rows == 0
    assert not list(tmp_path.glob(".*partial"))


def test_extract_chunks_matches_extract(nlp):

    sources = [
        make_source(f"Iraq said on Monday it would talk to Iran. Text {n}.") for n in range(5)
    ]
    chunks = list(extract_chunks(nlp, sources, chunk_size=2))
    assert [len(c.documents) for c in chunks] == [2, 2, 1]
    whole = extract(nlp, sources)
    assert [e.event_id for c in chunks for e in c.events] == [e.event_id for e in whole.events]
