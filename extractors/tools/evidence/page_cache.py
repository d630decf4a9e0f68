"""Which pages of the previous evidence site can be kept as they are.

The site is incremental: ``pages.json`` keeps a digest of what each page shows (a
document's rows and the actors they name, see ``queries``; an actor's rows and the
documents they name, see ``actor_queries``), hashed in DuckDB, and only pages whose digest
changed are read and rendered again; the others are hard-linked from the previous site.
Beside each digest the manifest keeps what the site's shared files take from that page
(its index row, its search entry), so those are assembled without rendering it again.
Rendering every document page took 3-5 s per run on the BBC corpus, where a 1 % increment
changes ~1 %.

Pages rendered by other code are not reused: the manifest names the renderer, a digest of
every file of this package (its modules, templates, CSS and script), so a change to any of
them renders every page again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

MANIFEST = "pages.json"
# each kind of page: its key in the manifest -> its folder in the site
FOLDERS = {"pages": "doc", "actors": "actor"}
_PACKAGE = Path(__file__).parent
_RENDERER_FILES = ("*.py", "templates/*.html", "*.css", "*.js")


def _renderer_digest() -> str:
    digest = hashlib.sha256()
    files = sorted({path for pattern in _RENDERER_FILES for path in _PACKAGE.glob(pattern)})
    for path in files:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


RENDERER = _renderer_digest()


def previous_pages(site_dir: Path) -> dict[str, dict[str, dict]]:
    """For each kind of page, id -> {digest, ...} of the pages in the site that can be
    reused."""
    try:
        manifest = json.loads((site_dir / MANIFEST).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        manifest = {}
    reusable = manifest.get("renderer") == RENDERER
    return {
        kind: {
            page_id: page
            for page_id, page in (manifest.get(kind, {}) if reusable else {}).items()
            if (site_dir / folder / f"{page_id}.html").is_file()
        }
        for kind, folder in FOLDERS.items()
    }


def changed(digests: dict[str, str], previous: dict[str, dict]) -> list[str]:
    """The ids whose page must be rendered: new, or with another digest than before."""
    return [i for i, digest in digests.items() if previous.get(i, {}).get("digest") != digest]


def link_unchanged(kind: str, page_ids: set[str], reuse_from: Path, building: Path) -> None:
    """The previous site's pages of these ids, hard-linked into the site being built."""
    folder = FOLDERS[kind]
    for page_id in page_ids:
        name = f"{page_id}.html"
        os.link(reuse_from / folder / name, building / folder / name)


def write_manifest(site_dir: Path, pages: dict[str, dict[str, dict]]) -> None:
    """Record each page's digest and shared parts (by kind of page) for the next run."""
    (site_dir / MANIFEST).write_text(json.dumps({"renderer": RENDERER, **pages}))
