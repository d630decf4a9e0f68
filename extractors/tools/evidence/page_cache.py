"""Which pages of the previous evidence site can be kept as they are.

The site is incremental: ``pages.json`` keeps a digest of what each page shows (its
document's rows and the actors they name, hashed in DuckDB, see ``queries``), and only
pages whose digest changed are read and rendered again; the others are hard-linked from
the previous site. Rendering every page took 3-5 s per run on the BBC corpus, where a 1 %
increment changes ~1 %.

Pages rendered by other code are not reused: the manifest names the renderer, a digest of
every file of this package (its modules, templates and CSS), so a change to any of them
renders every page again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = "pages.json"
_PACKAGE = Path(__file__).parent
_RENDERER_FILES = ("*.py", "templates/*.html", "*.css")


def _renderer_digest() -> str:
    digest = hashlib.sha256()
    files = sorted({path for pattern in _RENDERER_FILES for path in _PACKAGE.glob(pattern)})
    for path in files:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


RENDERER = _renderer_digest()


def previous_pages(site_dir: Path) -> dict[str, dict]:
    """document_id -> {digest, row} of the pages in the site that can be reused."""
    try:
        manifest = json.loads((site_dir / MANIFEST).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    if manifest.get("renderer") != RENDERER:
        return {}
    return {
        document_id: page
        for document_id, page in manifest["pages"].items()
        if (site_dir / "doc" / f"{document_id}.html").is_file()
    }


def write_manifest(site_dir: Path, pages: dict[str, dict]) -> None:
    """Record each page's digest and index row for the next run."""
    (site_dir / MANIFEST).write_text(json.dumps({"renderer": RENDERER, "pages": pages}))
