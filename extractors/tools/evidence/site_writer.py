"""Write the evidence site of a warehouse, and the DAG's evidence step.

The site is built in a sibling folder and swapped in, so a reader never sees half a site.
Unchanged document and actor pages are linked from the previous site, and the index and
its search data are assembled from the parts the manifest keeps (see ``page_cache``).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from extractors.settings import Settings
from extractors.tools.evidence.actor_pages import render_actor_page
from extractors.tools.evidence.actor_queries import actor_digests, read_actor_pages
from extractors.tools.evidence.page_cache import (
    FOLDERS,
    changed,
    link_unchanged,
    previous_pages,
    write_manifest,
)
from extractors.tools.evidence.pages import (
    STYLESHEET,
    render_document_page,
    render_index_page,
    render_index_row,
)
from extractors.tools.evidence.queries import filter_choices, page_digests
from extractors.tools.evidence.reading import read_evidence
from extractors.tools.evidence.search_index import (
    FILE as SEARCH_FILE,
)
from extractors.tools.evidence.search_index import (
    actor_entry,
    document_entry,
    render_search_js,
)
from extractors.warehouse.run_steps import own_working_copy

log = logging.getLogger(__name__)

# a document_id or actor_id becomes a file name
_SAFE_ID = re.compile(r"^[0-9A-Za-z_-]+$")
_SCRIPT = Path(__file__).with_name("index.js")


def _file_name(page_id: str) -> str:
    if not _SAFE_ID.match(page_id):
        raise ValueError(f"unexpected id {page_id!r}")
    return f"{page_id}.html"


# a kind of page rendered from a list of ids: (id, HTML, what the manifest keeps beside)
Renderer = Callable[[list[str]], Iterator[tuple[str, str, dict]]]


def _documents(db_path: Path) -> Renderer:
    def rendered(document_ids: list[str]) -> Iterator[tuple[str, str, dict]]:
        documents, actors = read_evidence(db_path, document_ids)
        for doc in documents:
            parts = {"row": render_index_row(doc), "search": document_entry(doc, actors)}
            yield doc.document_id, render_document_page(doc, actors), parts

    return rendered


def _actors(db_path: Path) -> Renderer:
    def rendered(actor_ids: list[str]) -> Iterator[tuple[str, str, dict]]:
        for actor in read_actor_pages(db_path, actor_ids):
            yield actor["actor_id"], render_actor_page(actor), {"search": actor_entry(actor)}

    return rendered


def _pages(
    kind: str, digests: dict[str, str], render: Renderer, previous: Path, building: Path
) -> dict[str, dict]:
    """Each page's manifest entry, in the order of digests: changed pages rendered into
    building, the others linked from the previous site."""
    reusable = previous_pages(previous)[kind]
    entries = {}
    for page_id, page, parts in render(changed(digests, reusable)):
        (building / FOLDERS[kind] / _file_name(page_id)).write_text(page, encoding="utf-8")
        entries[page_id] = {"digest": digests[page_id], **parts}
    link_unchanged(kind, digests.keys() - entries.keys(), previous, building)
    log.info("evidence: %d of %d %s rendered", len(entries), len(digests), FOLDERS[kind])
    return {i: entries.get(i) or reusable[i] for i in digests}


def write_evidence_site(db_path: Path, out_dir: Path, reuse_from: Path | None = None) -> Path:
    """Write the evidence site for the warehouse at db_path into out_dir; returns index.html.

    Reads the marts read-only. Unchanged pages of the site in ``reuse_from`` (default:
    out_dir) are linked, not rendered again. The site is written to a sibling folder first
    and then swapped in, so out_dir always holds a complete site."""
    db_path, out_dir = Path(db_path), Path(out_dir)
    reuse_from = Path(reuse_from or out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    building = out_dir.with_name(f".{out_dir.name}.{os.getpid()}.building")
    shutil.rmtree(building, ignore_errors=True)
    for folder in FOLDERS.values():
        (building / folder).mkdir(parents=True)
    pages = {
        "pages": _pages("pages", page_digests(db_path), _documents(db_path), reuse_from, building),
        "actors": _pages("actors", actor_digests(db_path), _actors(db_path), reuse_from, building),
    }
    (building / "index.html").write_text(
        render_index_page(
            [page["row"] for page in pages["pages"].values()],
            db_path.name,
            *filter_choices(db_path),
        ),
        encoding="utf-8",
    )
    (building / SEARCH_FILE).write_text(
        render_search_js(
            {i: page["search"] for i, page in pages["pages"].items()},
            [page["search"] for page in pages["actors"].values()],
        ),
        encoding="utf-8",
    )
    for static in (_SCRIPT, STYLESHEET):
        shutil.copyfile(static, building / static.name)
    write_manifest(building, pages)
    old = out_dir.with_name(f".{out_dir.name}.{os.getpid()}.old")
    if out_dir.exists():
        out_dir.rename(old)
    building.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    log.info("evidence pages: %s", out_dir / "index.html")
    return out_dir / "index.html"


def evidence_step(settings: Settings, run_id: str) -> Path:
    """The run's evidence pages, from its verified working copy, ready before publish."""
    with own_working_copy(settings, run_id) as working:
        return write_evidence_site(
            working, settings.staged_evidence_dir, reuse_from=settings.evidence_dir
        )
