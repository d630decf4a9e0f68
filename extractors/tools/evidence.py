"""Evidence pages: every document's text with its actors, events and quotes highlighted.

``write_evidence_site(db_path, out_dir)`` reads the published marts read-only and writes a
static site: ``index.html`` (one row per document: title, source, date, counts) and
``doc/<document_id>.html`` per document. A page shows the exact ``dim_documents.text`` with

- actor mentions, labelled with the resolved actor (canonical name, kind, id),
- event triggers, labelled with the CAMEO code and name and source → target,
- statements: the content span as a quote labelled with its speaker, and the speaker span,

displaCy-style (coloured marks with labels, a colour legend), followed by tables of the
statements, events and actors. Spans overlap freely (a mention inside a quote inside ...):
the renderer nests them, and where two spans cross it closes and reopens the inner one,
so the HTML is always well nested. Every piece of text is escaped.

The site is built in a sibling folder and swapped in, so a reader never sees half a site.
It is incremental: ``pages.json`` keeps a digest of what each page shows (its document's
rows and the actors they name, hashed in DuckDB), and only pages whose digest changed are
read and rendered again; the others are hard-linked from the previous site. Rendering
every page took 3-5 s per run on the BBC corpus, where a 1 % increment changes ~1 %.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from extractors.nlp.long_texts import split_for_parsing
from extractors.settings import Settings
from extractors.warehouse.run_steps import own_working_copy

log = logging.getLogger(__name__)

# span kinds, outermost first when two spans cover the same characters
QUOTE, SPEAKER, MENTION, TRIGGER = "quote", "speaker", "mention", "trigger"
_NESTING = {QUOTE: 0, SPEAKER: 1, MENTION: 2, TRIGGER: 3}
ACTOR_KINDS = ("person", "organization", "country", "location", "group")
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_SAFE_ID = re.compile(r"^[0-9A-Za-z_-]+$")
# a page marks at most this much of a text (a 950 KB article made a 13 MB page)
MAX_SHOWN_CHARS = 100_000


@dataclass(frozen=True)
class Span:
    """A highlighted range of a document's text, [start, end) in Python characters."""

    start: int
    end: int
    kind: str  # QUOTE, SPEAKER, MENTION or TRIGGER
    css: str  # CSS classes of the mark
    label: str  # the visible label
    title: str  # the tooltip: every detail
    anchor: str | None = None  # HTML id of the span's first fragment

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _NESTING[self.kind])


@dataclass
class DocumentEvidence:
    document_id: str
    source_file: str
    title: str | None
    source_name: str | None
    published_date: object
    url: str | None
    text: str
    spans: list[Span] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    actors: Counter = field(default_factory=Counter)  # actor_id -> mentions here
    n_mentions: int = 0


def _e(value: object) -> str:
    """Escape any value for HTML text and attribute values ('' for None)."""
    return "" if value is None else html.escape(str(value), quote=True)


# ------------------------------------------------------------------ reading the marts

_DOCUMENTS_SQL = """
select document_id, source_file, title, source_name, published_date, url, "text"
from marts.dim_documents
{where}
order by published_date desc nulls last, title, document_id
"""

_ACTORS_SQL = """
select actor_id, canonical_name, actor_kind, country_code, sector
from marts.dim_actors
"""

_MENTIONS_SQL = """
select document_id, mention_id, actor_id, start_char, end_char, mention_text, role
from marts.fct_actor_mentions
{where}
order by document_id, start_char, end_char
"""

_EVENTS_SQL = """
select document_id, event_id, source_actor_id, target_actor_id, cameo_code, event_name,
       quad_class, goldstein, trigger_text, trigger_start_char, trigger_end_char, is_negated
from marts.fct_events
{where}
order by document_id, trigger_start_char, event_id
"""

_STATEMENTS_SQL = """
select document_id, statement_id, speaker_actor_id, speaker_text, speaker_start_char,
       speaker_end_char, cue_text, statement_kind, content, content_start_char, content_end_char
from marts.fct_statements
{where}
order by document_id, content_start_char, statement_id
"""


def _rows(con, sql: str, parameters: dict | None = None) -> list[dict]:
    cursor = con.execute(sql, parameters)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _valid(start: object, end: object, text: str) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


# {where}: every document, or only those in $ids
_ALL = ""
_ONLY = "where document_id in (select unnest($ids))"

# what each page shows, hashed: its document row, its mentions, events and statements, and
# the rows of the actors they name (a new document can rename an old document's actor).
# A part's rows are combined with bit_xor of their hashes, which needs no order (BBC
# corpus: 0.15 s with every row sorted and concatenated as text, 0.05-0.07 s this way)
_PAGE_DIGESTS_SQL = f"""
with
documents as (
    select document_id, md5(d::varchar) as digest
    from ({_DOCUMENTS_SQL.format(where=_ALL)}) as d
),
mentions as ({_MENTIONS_SQL.format(where=_ALL)}),
events as ({_EVENTS_SQL.format(where=_ALL)}),
statements as ({_STATEMENTS_SQL.format(where=_ALL)}),
named as (
    select document_id, actor_id from mentions
    union select document_id, source_actor_id from events
    union select document_id, target_actor_id from events
    union select document_id, speaker_actor_id from statements
),
parts as (
    select document_id, 'm' || bit_xor(hash(m))::varchar as digest
    from mentions as m group by document_id
    union all
    select document_id, 'e' || bit_xor(hash(e))::varchar
    from events as e group by document_id
    union all
    select document_id, 's' || bit_xor(hash(s))::varchar
    from statements as s group by document_id
    union all
    select named.document_id, 'a' || bit_xor(hash(a))::varchar
    from named inner join ({_ACTORS_SQL}) as a using (actor_id) group by named.document_id
)
select documents.document_id,
    md5(documents.digest || coalesce(string_agg(parts.digest, '|' order by parts.digest), ''))
from documents left join parts using (document_id)
group by documents.document_id, documents.digest
"""


def page_digests(db_path: Path) -> dict[str, str]:
    """document_id -> digest of its page's content, in the index's order."""
    import duckdb

    with duckdb.connect(str(db_path), read_only=True) as con:
        digests = dict(con.execute(_PAGE_DIGESTS_SQL).fetchall())
        order = [row[0] for row in con.execute(_DOCUMENTS_SQL.format(where=_ALL)).fetchall()]
    return {document_id: digests[document_id] for document_id in order}


def read_evidence(
    db_path: Path, document_ids: list[str] | None = None
) -> tuple[list[DocumentEvidence], dict[str, dict]]:
    """Documents (all, or those of document_ids) with their spans and tables, from the
    marts (read-only)."""
    import duckdb

    def rows(sql: str) -> list[dict]:
        if document_ids is None:
            return _rows(con, sql.format(where=_ALL))
        return _rows(con, sql.format(where=_ONLY), {"ids": document_ids})

    with duckdb.connect(str(db_path), read_only=True) as con:
        documents = rows(_DOCUMENTS_SQL)
        actors = {row["actor_id"]: row for row in _rows(con, _ACTORS_SQL)}
        by_document: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for table, sql in (
            ("mentions", _MENTIONS_SQL),
            ("events", _EVENTS_SQL),
            ("statements", _STATEMENTS_SQL),
        ):
            for row in rows(sql):
                by_document[row["document_id"]][table].append(row)

    evidence = []
    for row in documents:
        doc = DocumentEvidence(**row)
        rows = by_document.get(doc.document_id, {})
        _add_mentions(doc, rows.get("mentions", []), actors)
        _add_events(doc, rows.get("events", []), actors)
        _add_statements(doc, rows.get("statements", []), actors)
        evidence.append(doc)
    return evidence, actors


def _actor_name(actors: dict[str, dict], actor_id: str | None, fallback: str = "?") -> str:
    if actor_id and actor_id in actors:
        return actors[actor_id]["canonical_name"]
    return fallback


def _add_mentions(doc: DocumentEvidence, mentions: list[dict], actors: dict) -> None:
    for m in mentions:
        doc.n_mentions += 1
        doc.actors[m["actor_id"]] += 1
        if not _valid(m["start_char"], m["end_char"], doc.text):
            continue
        actor = actors.get(m["actor_id"], {})
        kind = actor.get("actor_kind") or "unknown"
        name = actor.get("canonical_name") or m["mention_text"]
        details = [
            f"{name} ({kind})",
            f"actor_id {m['actor_id']}",
            f"country {actor.get('country_code') or '-'}, sector {actor.get('sector') or '-'}",
        ]
        if m["role"]:
            details.append(f"role: {m['role']}")
        doc.spans.append(
            Span(
                m["start_char"],
                m["end_char"],
                MENTION,
                f"ent ent-{kind if kind in ACTOR_KINDS else 'unknown'}",
                f"{kind.upper()} · {name}",
                "\n".join(details),
                anchor=f"m-{m['mention_id']}",
            )
        )


def _add_events(doc: DocumentEvidence, events: list[dict], actors: dict) -> None:
    for ev in events:
        source = _actor_name(actors, ev["source_actor_id"], "—")
        target = _actor_name(actors, ev["target_actor_id"], "—")
        quad = ev["quad_class"]
        negated = " (negated)" if ev["is_negated"] else ""
        summary = f"{ev['cameo_code']} {ev['event_name'] or 'unknown CAMEO code'}{negated}"
        doc.events.append({**ev, "source": source, "target": target, "summary": summary})
        if not _valid(ev["trigger_start_char"], ev["trigger_end_char"], doc.text):
            continue
        quad_css = f"quad-{quad}" if quad in QUAD_CLASSES else "quad-unknown"
        details = [
            f"CAMEO {summary}",
            f"{source} → {target}",
            f"quad class {quad} ({QUAD_CLASSES.get(quad, 'unknown')}), Goldstein {ev['goldstein']}",
            f"event_id {ev['event_id']}",
        ]
        doc.spans.append(
            Span(
                ev["trigger_start_char"],
                ev["trigger_end_char"],
                TRIGGER,
                f"trigger {quad_css}" + (" negated" if ev["is_negated"] else ""),
                f"CAMEO {ev['cameo_code']} · {source} → {target}",
                "\n".join(details),
                anchor=f"e-{ev['event_id']}",
            )
        )


def _add_statements(doc: DocumentEvidence, statements: list[dict], actors: dict) -> None:
    speaker_ranges: set[tuple[int, int]] = set()
    for st in statements:
        speaker = _actor_name(actors, st["speaker_actor_id"], st["speaker_text"] or "unknown")
        doc.statements.append({**st, "speaker": speaker})
        if _valid(st["content_start_char"], st["content_end_char"], doc.text):
            details = [
                f"{st['statement_kind']} statement by {speaker}",
                f"cue: {st['cue_text'] or '-'}",
                f"statement_id {st['statement_id']}",
            ]
            if st["speaker_actor_id"]:
                details.append(f"speaker actor_id {st['speaker_actor_id']}")
            doc.spans.append(
                Span(
                    st["content_start_char"],
                    st["content_end_char"],
                    QUOTE,
                    f"quote quote-{st['statement_kind']}",
                    f"QUOTE · {speaker} ({st['statement_kind']})",
                    "\n".join(details),
                    anchor=f"s-{st['statement_id']}",
                )
            )
        speaker_range = (st["speaker_start_char"], st["speaker_end_char"])
        if _valid(*speaker_range, doc.text) and speaker_range not in speaker_ranges:
            speaker_ranges.add(speaker_range)  # one speaker span may introduce several quotes
            doc.spans.append(
                Span(
                    st["speaker_start_char"],
                    st["speaker_end_char"],
                    SPEAKER,
                    "speaker",
                    f"SPEAKER · {speaker}",
                    f"speaker of {st['statement_id']}: {speaker}",
                )
            )


# ------------------------------------------------------------------ rendering


def _open_tag(span: Span, first: bool) -> str:
    classes = span.css if first else f"{span.css} cont"
    anchor = f' id="{_e(span.anchor)}"' if first and span.anchor else ""
    tag = "span" if span.kind == QUOTE else "mark"
    label = ""
    if first and span.kind == QUOTE:
        # a quote's label goes first (it may be long); entity labels go last, displaCy-style
        label = f'<span class="label qlabel" aria-hidden="true">{_e(span.label)}</span>'
    return (
        f'<{tag} class="{_e(classes)}" data-kind="{span.kind}"{anchor} '
        f'title="{_e(span.title)}">{label}'
    )


def _close_tag(span: Span, last: bool) -> str:
    tag = "span" if span.kind == QUOTE else "mark"
    label = ""
    if last and span.kind != QUOTE:
        label = f'<span class="label" aria-hidden="true">{_e(span.label)}</span>'
    return f"{label}</{tag}>"


def render_marked_text(text: str, spans: list[Span]) -> str:
    """The text as escaped HTML with every span as a (well-nested) highlighted element.

    Spans sharing characters nest (the longer one outside; for equal ranges quote, then
    speaker, then mention, then trigger). Where two spans cross, the one opened later is
    closed at the other's end and reopened right after as a continuation (class ``cont``,
    no label), like a browser's adoption of misnested inline elements.
    """
    spans = sorted(
        (s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: s.sort_key
    )
    starts: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        starts[span.start].append(span)
    boundaries = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    position = 0
    for boundary in boundaries:
        out.append(_e(text[position:boundary]))
        position = boundary
        ending = [i for i, span in enumerate(stack) if span.end == boundary]
        if ending:
            lowest = ending[0]
            above = stack[lowest:]
            for span in reversed(above):
                out.append(_close_tag(span, last=span.end == boundary))
            del stack[lowest:]
            for span in above:
                if span.end != boundary:
                    out.append(_open_tag(span, first=False))
                    stack.append(span)
        for span in starts.get(boundary, []):
            out.append(_open_tag(span, first=True))
            stack.append(span)
    assert not stack, "every span ends within the text"
    return "".join(out)


_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1100px; padding: 1.5rem; }
a { color: #0969da; }
h1 { font-size: 1.5rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: 0 0 1rem; }
.meta code { font-size: .85em; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; margin: .5rem 0 1rem;
  font-size: .85rem; }
.legend .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem;
  vertical-align: -.1rem; margin-right: .3rem; border: 1px solid rgba(0,0,0,.15); }
.text { white-space: pre-wrap; line-height: 2.6; font-size: 1rem; border: 1px solid var(--line);
  border-radius: .5rem; padding: 1rem 1.2rem; background: #fff; }
mark { color: inherit; padding: .15em .3em; margin: 0 .1em; border-radius: .35em;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
mark.cont { margin-left: 0; border-top-left-radius: 0; border-bottom-left-radius: 0; }
.label { font-size: .62em; font-weight: 700; letter-spacing: .02em; text-transform: none;
  vertical-align: middle; margin-left: .4em; padding: .05em .35em; border-radius: .25em;
  background: rgba(255,255,255,.75); white-space: nowrap; line-height: 1.2; }
.ent-person { background: #aa9cfc; }
.ent-organization { background: #7aecec; }
.ent-country { background: #feca74; }
.ent-location { background: #ff9561; }
.ent-group { background: #c887fb; }
.ent-unknown { background: #ddd; }
mark.trigger { background: transparent; border: 2px solid; font-weight: 600; }
.quad-1 { border-color: #1a7f37 !important; }
.quad-2 { border-color: #0e7c86 !important; }
.quad-3 { border-color: #bc4c00 !important; }
.quad-4 { border-color: #cf222e !important; }
.quad-unknown { border-color: #888 !important; }
mark.trigger.negated { border-style: dashed; }
mark.speaker { background: transparent; border-bottom: 3px double #0550ae; border-radius: 0;
  padding: 0; }
span.quote { background: #fff8c5; border-bottom: 2px solid #d4a72c; padding: .2em 0;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
span.quote-indirect { background: #eef6ff; border-bottom-color: #54aeff; }
.qlabel { background: #d4a72c; color: #fff; margin: 0 .3em 0 0; }
span.quote-indirect > .qlabel { background: #218bff; }
.sw-quote { background: #fff8c5; } .sw-quote-indirect { background: #eef6ff; }
.sw-speaker { background: #fff; border-bottom: 3px double #0550ae !important; }
.sw-quad-1 { border: 2px solid #1a7f37 !important; }
.sw-quad-2 { border: 2px solid #0e7c86 !important; }
.sw-quad-3 { border: 2px solid #bc4c00 !important; }
.sw-quad-4 { border: 2px solid #cf222e !important; }
:target { outline: 3px solid #0969da; outline-offset: 2px; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _legend() -> str:
    items = [f'<span><span class="swatch ent-{k}"></span>{k}</span>' for k in ACTOR_KINDS]
    items += [
        f'<span><span class="swatch sw-quad-{q}"></span>event trigger: {_e(name)}</span>'
        for q, name in QUAD_CLASSES.items()
    ]
    items += [
        '<span><span class="swatch sw-quote"></span>quote (direct / mixed)</span>',
        '<span><span class="swatch sw-quote-indirect"></span>quote (indirect)</span>',
        '<span><span class="swatch sw-speaker"></span>speaker</span>',
    ]
    return '<div class="legend" aria-label="colour legend">' + "".join(items) + "</div>"


def _link(url: str | None) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f' · <a href="{_e(url)}" rel="noopener noreferrer">original</a>'
    return ""


def _document_meta(doc: DocumentEvidence) -> str:
    parts = [
        _e(doc.source_name or "unknown source"),
        _e(doc.published_date or "date unknown"),
        f"<code>{_e(doc.source_file)}</code>",
        f"document_id <code>{_e(doc.document_id)}</code>",
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


def render_document_page(doc: DocumentEvidence, actors: dict[str, dict]) -> str:
    """The evidence page of one document."""
    title = doc.title or doc.source_file
    text, spans, cut_note = shown_text(doc)
    statements = "".join(
        "<tr>"
        f'<td><a href="#s-{_e(st["statement_id"])}">{_e(st["statement_id"])}</a></td>'
        f"<td>{_e(st['speaker'])}</td><td>{_e(st['cue_text'])}</td>"
        f"<td>{_e(st['statement_kind'])}</td><td>{_e(st['content'])}</td>"
        "</tr>"
        for st in doc.statements
    )
    events = "".join(
        "<tr>"
        f'<td><a href="#e-{_e(ev["event_id"])}">{_e(ev["trigger_text"])}</a></td>'
        f"<td>{_e(ev['source'])}</td><td>{_e(ev['summary'])}</td><td>{_e(ev['target'])}</td>"
        f'<td class="num">{_e(ev["quad_class"])}</td><td class="num">{_e(ev["goldstein"])}</td>'
        "</tr>"
        for ev in doc.events
    )
    actor_rows = "".join(
        "<tr>"
        f"<td>{_e(actors.get(actor_id, {}).get('canonical_name', actor_id))}</td>"
        f"<td>{_e(actors.get(actor_id, {}).get('actor_kind'))}</td>"
        f"<td>{_e(actors.get(actor_id, {}).get('country_code'))}</td>"
        f"<td>{_e(actors.get(actor_id, {}).get('sector'))}</td>"
        f'<td class="num">{n}</td><td><code>{_e(actor_id)}</code></td>'
        "</tr>"
        for actor_id, n in sorted(
            doc.actors.items(),
            key=lambda item: (-item[1], actors.get(item[0], {}).get("canonical_name") or ""),
        )
    )
    body = f"""<p><a href="../index.html">← all documents</a></p>
<h1>{_e(title)}</h1>
<p class="meta">{_document_meta(doc)}</p>
<p class="meta">{len(doc.actors)} actors · {doc.n_mentions} mentions ·
{len(doc.events)} events · {len(doc.statements)} statements</p>
{_legend()}
<div class="text" id="text">{render_marked_text(text, spans)}</div>
{cut_note}
<h2>Statements: who said what</h2>
<table id="statements"><thead><tr><th>statement</th><th>speaker</th><th>cue</th><th>kind</th>
<th>content</th></tr></thead><tbody>{statements}</tbody></table>
<h2>Events: who did what to whom</h2>
<table id="events"><thead><tr><th>trigger</th><th>source</th><th>CAMEO</th><th>target</th>
<th class="num">quad</th><th class="num">Goldstein</th></tr></thead><tbody>{events}</tbody></table>
<h2>Actors</h2>
<table id="actors"><thead><tr><th>actor</th><th>kind</th><th>country</th><th>sector</th>
<th class="num">mentions</th><th>actor_id</th></tr></thead><tbody>{actor_rows}</tbody></table>
<footer>wirehouse evidence page · offsets are 0-based, end-exclusive characters of
<code>marts.dim_documents.text</code></footer>"""
    return _page(f"{title} · wirehouse evidence", body)


def render_index_row(doc: DocumentEvidence) -> str:
    """A document's row of the index (kept in pages.json while its page is unchanged)."""
    return (
        "<tr>"
        f'<td><a href="doc/{_e(doc.document_id)}.html">{_e(doc.title or doc.source_file)}</a></td>'
        f"<td>{_e(doc.source_name)}</td><td>{_e(doc.published_date)}</td>"
        f"<td><code>{_e(doc.source_file)}</code></td>"
        f'<td class="num">{len(doc.actors)}</td><td class="num">{doc.n_mentions}</td>'
        f'<td class="num">{len(doc.events)}</td><td class="num">{len(doc.statements)}</td>'
        "</tr>"
    )


def render_index_page(index_rows: list[str], db_name: str) -> str:
    rows = "".join(index_rows)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = f"""<h1>wirehouse evidence</h1>
<p class="meta">{len(index_rows)} documents in <code>{_e(db_name)}</code> · generated {generated}.
Each page shows the text with its actors, event triggers and quotes highlighted.</p>
<table id="documents"><thead><tr><th>title</th><th>source</th><th>published</th><th>file</th>
<th class="num">actors</th><th class="num">mentions</th><th class="num">events</th>
<th class="num">statements</th></tr></thead><tbody>{rows}</tbody></table>"""
    return _page("wirehouse evidence", body)


# pages rendered by other code are not reused
_RENDERER = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
_MANIFEST = "pages.json"


def _previous_pages(out_dir: Path) -> dict[str, dict]:
    """document_id -> {digest, row} of the pages in the current site that can be reused."""
    try:
        manifest = json.loads((out_dir / _MANIFEST).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    if manifest.get("renderer") != _RENDERER:
        return {}
    return {
        document_id: page
        for document_id, page in manifest["pages"].items()
        if (out_dir / "doc" / f"{document_id}.html").is_file()
    }


def write_evidence_site(db_path: Path, out_dir: Path, reuse_from: Path | None = None) -> Path:
    """Write the evidence site for the warehouse at db_path into out_dir; returns index.html.

    Reads the marts read-only. Unchanged pages of the site in ``reuse_from`` (default:
    out_dir) are linked, not rendered again. The site is written to a sibling folder first
    and then swapped in, so out_dir always holds a complete site."""
    db_path, out_dir = Path(db_path), Path(out_dir)
    reuse_from = Path(reuse_from or out_dir)
    digests = page_digests(db_path)
    previous = _previous_pages(reuse_from)
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
    (building / _MANIFEST).write_text(json.dumps({"renderer": _RENDERER, "pages": pages}))
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
