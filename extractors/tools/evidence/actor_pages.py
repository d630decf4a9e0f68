"""The HTML of an actor's page: the documents that mention it, its events, its statements.

Every row links to the document page at the highlighted span (``#m-``, ``#e-``, ``#s-``
anchors), and the other side of an event to that actor's page.
"""

from __future__ import annotations

from extractors.tools.evidence.marking import escape
from extractors.tools.evidence.pages import counts, standalone_page, template

_ACTOR_BODY = template("actor.html")


def _document_link(row: dict, anchor: str, text: object) -> str:
    href = f"../doc/{escape(row['document_id'])}.html#{escape(anchor)}"
    return f'<a href="{href}">{escape(text)}</a>'


def _title(row: dict) -> str:
    return row["title"] or row["source_file"]


def _none_row(columns: int, what: str) -> str:
    return f'<tr><td colspan="{columns}" class="none">no {what}</td></tr>'


def _mention_rows(actor: dict) -> str:
    return "".join(
        "<tr>"
        f"<td>{_document_link(m, 'm-' + m['first_mention_id'], _title(m))}</td>"
        f"<td>{escape(m['section'])}</td><td>{escape(m['published_date'])}</td>"
        f'<td>{escape(m["written"])}</td><td class="num">{m["n_mentions"]}</td>'
        "</tr>"
        for m in actor["mentions"]
    ) or _none_row(5, "mentions")


def _other_side(ev: dict) -> str:
    if not ev["other_id"]:
        return "—"
    return f'<a href="{escape(ev["other_id"])}.html">{escape(ev["other_name"])}</a>'


def _event_rows(actor: dict) -> str:
    return "".join(
        "<tr>"
        f"<td>{_document_link(ev, 'e-' + ev['event_id'], ev['trigger_text'])}</td>"
        f"<td>{escape(_title(ev))}</td><td>{ev['side']}</td>"
        f"<td>{escape(ev['cameo_code'])} {escape(ev['event_name'])}"
        f"{' (negated)' if ev['is_negated'] else ''}</td>"
        f"<td>{_other_side(ev)}</td><td>{escape(ev['event_date'])}</td>"
        "</tr>"
        for ev in actor["events"]
    ) or _none_row(6, "events")


def _statement_rows(actor: dict) -> str:
    return "".join(
        "<tr>"
        f"<td>{_document_link(st, 's-' + st['statement_id'], st['statement_id'])}</td>"
        f"<td>{escape(_title(st))}</td><td>{escape(st['cue_text'])}</td>"
        f"<td>{escape(st['statement_kind'])}</td><td>{escape(st['content'])}</td>"
        "</tr>"
        for st in actor["statements"]
    ) or _none_row(5, "statements")


def _meta(actor: dict) -> str:
    parts = [
        escape(actor["actor_kind"]),
        f"country {escape(actor['country_code'] or '—')}",
        f"sector {escape(actor['sector'] or '—')}",
        f"CAMEO actor code <code>{escape(actor['cameo_actor_code'])}</code>"
        if actor["cameo_actor_code"]
        else "no CAMEO actor code",
        f"actor_id <code>{escape(actor['actor_id'])}</code>",
    ]
    return " · ".join(parts)


def render_actor_page(actor: dict) -> str:
    """The page of one actor (a row of ``read_actor_pages``)."""
    name = escape(actor["canonical_name"])
    body = _ACTOR_BODY.substitute(
        name=name,
        meta=_meta(actor),
        counts=counts(
            document=len(actor["mentions"]),
            mention=sum(m["n_mentions"] for m in actor["mentions"]),
            event=len(actor["events"]),
            statement=len(actor["statements"]),
        ),
        mentions=_mention_rows(actor),
        events=_event_rows(actor),
        statements=_statement_rows(actor),
    )
    return standalone_page(f"{actor['canonical_name']} · wirehouse evidence", body)
