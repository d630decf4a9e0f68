"""The shared seed run also reads a file of every awkward kind: each ends up either as a
document or as a row in ops.rejects with its reason, and the run succeeds."""

from __future__ import annotations

import pytest

from tests.support.duck import query, seed_document_id
from tests.support.paths import SEED_FILE
from tests.support.seed_run_inputs import WEIRD_NAME

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def warehouse(seed_run):
    return seed_run[1]


def test_every_refused_file_has_its_reason(warehouse):
    [(latin_id,)] = query(
        warehouse, "select document_id from marts.dim_documents where source_file = 'latin1.txt'"
    )
    rows = query(warehouse, "select source_file, reason, duplicate_of from ops.rejects")
    assert {f: (reason, dup) for f, reason, dup in rows} == {
        "copy of seed.txt": ("duplicate", seed_document_id(warehouse)),
        "empty.txt": ("empty", None),
        "blank.txt": ("empty", None),
        "photo.txt": ("binary", None),
        "latin1_copy.txt": ("duplicate", latin_id),
        "undecodable.txt": ("encoding", None),
        "empty page.txt": ("html", None),
        "huge.txt": ("too_large", None),
        "french.txt": ("not_english", None),
        "escape.txt": ("symlink_outside", None),
    }


def test_every_accepted_file_is_one_document_with_its_text_decoded(warehouse):
    texts = dict(query(warehouse, "select source_file, text from marts.dim_documents"))
    assert set(texts) == {SEED_FILE, "latin1.txt", "utf16.txt", "page.txt", WEIRD_NAME}
    assert "Caf\u00e9 owners were \u201cdelighted\u201d." in texts["latin1.txt"]
    assert "Farmers were not." in texts["utf16.txt"]
    assert "Shares rose & bonds fell." in texts["page.txt"]
    assert "<p>" not in texts["page.txt"] and "track()" not in texts["page.txt"]


def test_the_first_run_is_audited_with_its_counts(warehouse):
    assert query(
        warehouse,
        "select state, files_seen, documents_new, files_rejected from ops.pipeline_runs "
        "order by started_at limit 1",
    ) == [("success", 15, 5, 10)]
