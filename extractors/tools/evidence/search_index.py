"""The index page's search data: ``search.js``, one entry per document and per actor.

The site opens from file://, where browsers refuse fetch(), so the data is a script that
sets ``window.WIREHOUSE_SEARCH``. Entries are built with their pages and kept in the
manifest, so a run only builds those of changed pages. Text is folded here (lower case,
no accents) the way ``index.js`` folds what is typed: "Jose" finds "José".
"""

from __future__ import annotations

import json
import unicodedata

from extractors.tools.evidence.spans import DocumentEvidence

FILE = "search.js"


def fold(text: str) -> str:
    """Lower case without marks (Unicode category M), as index.js's fold()."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M")).lower()


def document_entry(doc: DocumentEvidence, actors: dict[str, dict]) -> str:
    """What a search matches for a document: its title and its actors' names, folded."""
    names = sorted(actors[i]["canonical_name"] for i in doc.actors if i in actors)
    return fold("\n".join([doc.title or doc.source_file, *names]))


def actor_entry(actor: dict) -> list:
    """An actor as a search offers it: [actor_id, name, kind, documents]."""
    return [actor["actor_id"], actor["canonical_name"], actor["actor_kind"], len(actor["mentions"])]


def render_search_js(documents: dict[str, str], actors: list[list]) -> str:
    """search.js: documents (document_id -> entry) and actors, most documents first."""
    ranked = sorted(actors, key=lambda a: (-a[3], a[1]))
    data = json.dumps({"documents": documents, "actors": ranked}, ensure_ascii=False)
    return f"window.WIREHOUSE_SEARCH = {data};\n"
