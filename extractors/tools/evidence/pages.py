"""The HTML of the evidence pages: a document's page and the index of all documents.

A page is ``templates/page.html`` around a body (``templates/document.html``,
``templates/index.html`` or, in ``actor_pages``, ``templates/actor.html``), styled by the
site's one ``evidence.css``. Table
rows are built here, every value escaped. A very long text is marked up only in part.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from string import Template

from extractors.nlp.long_texts import split_for_parsing
from extractors.tools.evidence.marking import escape, render_marked_text
from extractors.tools.evidence.spans import ACTOR_KINDS, QUAD_CLASSES, DocumentEvidence, Span

HERE = Path(__file__).parent
# one stylesheet for the site: inline, its 4 KB made a third of 13,000 BBC actor pages
STYLESHEET = HERE / "evidence.css"


def template(name: str) -> Template:
    return Template((HERE / "templates" / name).read_text(encoding="utf-8"))


_PAGE = template("page.html")
_DOCUMENT_BODY = template("document.html")
_INDEX_BODY = template("index.html")

# a page marks at most this much of a text (a 950 KB article made a 13 MB page)
MAX_SHOWN_CHARS = 100_000


def standalone_page(title: str, body: str, root: str = "../") -> str:
    """A whole HTML file: the body in ``templates/page.html``; root is the way from the
    page's folder to the site's, where the stylesheet is."""
    return _PAGE.substitute(title=escape(title), root=root, body=body)


def _legend() -> str:
    items = [f'<span><span class="swatch ent-{k}"></span>{k}</span>' for k in ACTOR_KINDS]
    items += [
        f'<span><span class="swatch sw-quad-{q}"></span>event trigger: {escape(name)}</span>'
        for q, name in QUAD_CLASSES.items()
    ]
    items += [
        '<span><span class="swatch sw-quote"></span>quote (direct / mixed)</span>',
        '<span><span class="swatch sw-quote-indirect"></span>quote (indirect)</span>',
        '<span><span class="swatch sw-speaker"></span>speaker</span>',
        "<span>labels: KIND · actor · CAMEO actor code; "
        "CAMEO event · source → target · source code → target code</span>",
    ]
    return '<div class="legend" aria-label="colour legend">' + "".join(items) + "</div>"


def _link(url: str | None) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f' · <a href="{escape(url)}" rel="noopener noreferrer">original</a>'
    return ""


def _document_meta(doc: DocumentEvidence) -> str:
    parts = [
        escape(doc.source_name or "unknown source"),
        *([f"section {escape(doc.section)}"] if doc.section else []),
        escape(doc.published_date or "date unknown"),
        f"<code>{escape(doc.source_file)}</code>",
        f"document_id <code>{escape(doc.document_id)}</code>",
    ]
    return " · ".join(parts) + _link(doc.url)


def shown_text(doc: DocumentEvidence) -> tuple[str, list[Span], str]:
    """The part of a long text that its page marks up (paragraphs up to MAX_SHOWN_CHARS),
    the spans inside it, and a note on what was left out ("" when nothing was)."""
    if len(doc.text) <= MAX_SHOWN_CHARS:
        return doc.text, doc.spans, ""
    shown = split_for_parsing(doc.text, MAX_SHOWN_CHARS)[0]
    spans = [span for span in doc.spans if span.end <= len(shown)]
    note = (
        f'<p class="meta" id="cut">The text is {len(doc.text):,} characters long; this page '
        f"marks its first {len(shown):,}. The tables below list every statement, event and "
        "actor of the whole text, and <code>marts.dim_documents.text</code> holds all of it."
        "</p>"
    )
    return shown, spans, note


def _with_code(name: object, code: str | None) -> str:
    """A name, escaped, followed by its CAMEO actor code if it has one."""
    return escape(name) + (f" <code>{escape(code)}</code>" if code else "")


def _statement_rows(doc: DocumentEvidence) -> str:
    return "".join(
        "<tr>"
        f'<td><a href="#s-{escape(st["statement_id"])}">{escape(st["statement_id"])}</a></td>'
        f"<td>{escape(st['speaker'])}</td><td>{escape(st['cue_text'])}</td>"
        f"<td>{escape(st['statement_kind'])}</td><td>{escape(st['content'])}</td>"
        "</tr>"
        for st in doc.statements
    )


def _event_rows(doc: DocumentEvidence) -> str:
    return "".join(
        "<tr>"
        f'<td><a href="#e-{escape(ev["event_id"])}">{escape(ev["trigger_text"])}</a></td>'
        f"<td>{_with_code(ev['source'], ev['source_actor_code'])}</td>"
        f"<td>{escape(ev['summary'])}</td>"
        f"<td>{_with_code(ev['target'], ev['target_actor_code'])}</td>"
        f'<td class="num">{escape(ev["quad_class"])}</td>'
        f'<td class="num">{escape(ev["goldstein"])}</td>'
        "</tr>"
        for ev in doc.events
    )


def _actor_rows(doc: DocumentEvidence, actors: dict[str, dict]) -> str:
    """The document's actors, most mentioned first."""
    return "".join(
        "<tr>"
        f'<td><a href="../actor/{escape(actor_id)}.html">'
        f"{escape(actors.get(actor_id, {}).get('canonical_name', actor_id))}</a></td>"
        f"<td>{escape(actors.get(actor_id, {}).get('actor_kind'))}</td>"
        f"<td>{escape(actors.get(actor_id, {}).get('country_code'))}</td>"
        f"<td>{escape(actors.get(actor_id, {}).get('sector'))}</td>"
        f"<td><code>{escape(actors.get(actor_id, {}).get('cameo_actor_code'))}</code></td>"
        f'<td class="num">{n}</td><td><code>{escape(actor_id)}</code></td>'
        "</tr>"
        for actor_id, n in sorted(
            doc.actors.items(),
            key=lambda item: (-item[1], actors.get(item[0], {}).get("canonical_name") or ""),
        )
    )


def counts(**numbers: int) -> str:
    """ "1 actor · 3 mentions": each count with its noun, singular for one."""
    return " · ".join(f"{n} {noun if n == 1 else noun + 's'}" for noun, n in numbers.items())


def render_document_page(doc: DocumentEvidence, actors: dict[str, dict]) -> str:
    """The evidence page of one document."""
    title = doc.title or doc.source_file
    text, spans, cut_note = shown_text(doc)
    body = _DOCUMENT_BODY.substitute(
        title=escape(title),
        meta=_document_meta(doc),
        counts=counts(
            actor=len(doc.actors),
            mention=doc.n_mentions,
            event=len(doc.events),
            statement=len(doc.statements),
        ),
        legend=_legend(),
        marked_text=render_marked_text(text, spans),
        cut_note=cut_note,
        statements=_statement_rows(doc),
        events=_event_rows(doc),
        actors=_actor_rows(doc, actors),
    )
    return standalone_page(f"{title} · wirehouse evidence", body)


def render_index_row(doc: DocumentEvidence) -> str:
    """A document's row of the index (kept in pages.json while its page is unchanged).

    ``data-section`` and ``data-roots`` (its events' CAMEO roots) are what the index's
    filters match."""
    title = escape(doc.title or doc.source_file)
    roots = " ".join(sorted({ev["cameo_root_code"] for ev in doc.events if ev["cameo_root_code"]}))
    return (
        f'<tr data-id="{escape(doc.document_id)}" data-section="{escape(doc.section)}" '
        f'data-roots="{roots}">'
        f'<td><a href="doc/{escape(doc.document_id)}.html">{title}</a></td>'
        f"<td>{escape(doc.section)}</td><td>{escape(doc.source_name)}</td>"
        f"<td>{escape(doc.published_date)}</td>"
        f"<td><code>{escape(doc.source_file)}</code></td>"
        f'<td class="num">{len(doc.actors)}</td><td class="num">{doc.n_mentions}</td>'
        f'<td class="num">{len(doc.events)}</td><td class="num">{len(doc.statements)}</td>'
        "</tr>"
    )


def _options(choices: list[tuple[str, str, int]]) -> str:
    """<option>s of a filter: (value, label, documents)."""
    return "".join(
        f'<option value="{escape(value)}">{escape(label)} ({n})</option>'
        for value, label, n in choices
    )


def render_index_page(
    index_rows: list[str],
    db_name: str,
    sections: list[tuple[str, str, int]],
    roots: list[tuple[str, str, int]],
) -> str:
    """The index of all documents; sections and roots are its filters' choices."""
    body = _INDEX_BODY.substitute(
        n_documents=len(index_rows),
        db_name=escape(db_name),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        sections=_options(sections),
        roots=_options(roots),
        rows="".join(index_rows),
    )
    return standalone_page("wirehouse evidence", body, root="")
