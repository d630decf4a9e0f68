"""A document's text as HTML with every span highlighted, always well nested.

Spans overlap freely (a mention inside a quote inside ...): the renderer nests them, and
where two spans cross it closes and reopens the inner one, so the HTML is always well
nested. Every piece of text is escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict

from extractors.tools.evidence.spans import QUOTE, Span


def escape(value: object) -> str:
    """Escape any value for HTML text and attribute values ('' for None)."""
    return "" if value is None else html.escape(str(value), quote=True)


def _open_tag(span: Span, first: bool) -> str:
    classes = span.css if first else f"{span.css} cont"
    anchor = f' id="{escape(span.anchor)}"' if first and span.anchor else ""
    tag = "span" if span.kind == QUOTE else "mark"
    label = ""
    if first and span.kind == QUOTE:
        # a quote's label goes first (it may be long); entity labels go last, displaCy-style
        label = f'<span class="label qlabel" aria-hidden="true">{escape(span.label)}</span>'
    return (
        f'<{tag} class="{escape(classes)}" data-kind="{span.kind}"{anchor} '
        f'title="{escape(span.title)}">{label}'
    )


def _close_tag(span: Span, last: bool) -> str:
    tag = "span" if span.kind == QUOTE else "mark"
    label = ""
    if last and span.kind != QUOTE:
        label = f'<span class="label" aria-hidden="true">{escape(span.label)}</span>'
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
        out.append(escape(text[position:boundary]))
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
