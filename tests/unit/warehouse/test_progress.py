import logging
from datetime import datetime

from extractors.records import Document
from extractors.warehouse.progress import Progress


def document(n_words: int) -> Document:
    return Document(
        document_id="d",
        source_file="d.txt",
        title=None,
        source_name=None,
        published_date=None,
        url=None,
        text="",
        n_words=n_words,
        content_sha256="0" * 64,
        extracted_at=datetime(2026, 1, 1),
    )


def test_progress_logs_documents_out_of_total_and_words(caplog):
    caplog.set_level(logging.INFO, logger="extractors.warehouse.progress")
    progress = Progress(3, name="batch 7", every_seconds=0)
    progress.update(document(100))
    progress.update(document(50))
    progress.close()
    lines = [r.getMessage() for r in caplog.records]
    assert [line.split(" (")[0] for line in lines] == [
        "batch 7: 1/3 documents",
        "batch 7: 2/3 documents",
        "batch 7: 2/3 documents",
    ]
    assert all("words/s" in line for line in lines)
    assert (progress.documents, progress.words) == (2, 150)


def test_progress_is_quiet_between_intervals(caplog):
    caplog.set_level(logging.INFO, logger="extractors.warehouse.progress")
    progress = Progress(1000, name="x", every_seconds=3600)
    for _ in range(10):
        progress.update(document(10))
    assert caplog.records == []
    progress.close()
    assert "10/1000 documents (1%)" in caplog.records[-1].getMessage()
