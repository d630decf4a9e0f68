"""Write the evidence site of a warehouse, and the DAG's evidence step.

The site is built in a sibling folder and swapped in, so a reader never sees half a site.
Unchanged pages are linked from the previous site (see ``page_cache``).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from extractors.settings import Settings
from extractors.tools.evidence.page_cache import previous_pages, write_manifest
from extractors.tools.evidence.pages import (
    render_document_page,
    render_index_page,
    render_index_row,
)
from extractors.tools.evidence.queries import page_digests
from extractors.tools.evidence.reading import read_evidence
from extractors.warehouse.run_steps import own_working_copy

log = logging.getLogger(__name__)

# a document_id becomes a file name
_SAFE_ID = re.compile(r"^[0-9A-Za-z_-]+$")


def write_evidence_site(db_path: Path, out_dir: Path, reuse_from: Path | None = None) -> Path:
    """Write the evidence site for the warehouse at db_path into out_dir; returns index.html.

    Reads the marts read-only. Unchanged pages of the site in ``reuse_from`` (default:
    out_dir) are linked, not rendered again. The site is written to a sibling folder first
    and then swapped in, so out_dir always holds a complete site."""
    db_path, out_dir = Path(db_path), Path(out_dir)
    reuse_from = Path(reuse_from or out_dir)
    digests = page_digests(db_path)
    previous = previous_pages(reuse_from)
    changed = [i for i, digest in digests.items() if previous.get(i, {}).get("digest") != digest]
    documents, actors = read_evidence(db_path, changed)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    building = out_dir.with_name(f".{out_dir.name}.{os.getpid()}.building")
    shutil.rmtree(building, ignore_errors=True)
    (building / "doc").mkdir(parents=True)
    pages = {}
    for doc in documents:
        if not _SAFE_ID.match(doc.document_id):
            raise ValueError(f"unexpected document_id {doc.document_id!r}")
        page = render_document_page(doc, actors)
        (building / "doc" / f"{doc.document_id}.html").write_text(page, encoding="utf-8")
        pages[doc.document_id] = {"digest": digests[doc.document_id], "row": render_index_row(doc)}
    for document_id in digests.keys() - pages.keys():  # unchanged: the same file again
        name = f"{document_id}.html"
        os.link(reuse_from / "doc" / name, building / "doc" / name)
        pages[document_id] = previous[document_id]
    (building / "index.html").write_text(
        render_index_page([pages[i]["row"] for i in digests], db_path.name), encoding="utf-8"
    )
    write_manifest(building, pages)
    old = out_dir.with_name(f".{out_dir.name}.{os.getpid()}.old")
    if out_dir.exists():
        out_dir.rename(old)
    building.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    log.info(
        "evidence pages for %d documents (%d rendered, %d unchanged): %s",
        len(digests),
        len(documents),
        len(digests) - len(documents),
        out_dir / "index.html",
    )
    return out_dir / "index.html"


def evidence_step(settings: Settings, run_id: str) -> Path:
    """The run's evidence pages, from its verified working copy, ready before publish."""
    with own_working_copy(settings, run_id) as working:
        return write_evidence_site(
            working, settings.staged_evidence_dir, reuse_from=settings.evidence_dir
        )
