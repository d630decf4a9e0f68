"""The two statement extractors compared: wirehouse's and textacy's `direct_quotations`.

textacy raises on a document with an odd number of quote marks; such documents count as
no textacy predictions (``TEXTACY_BAILOUTS`` notes them for the report). textacy's
speakers go through wirehouse's actor resolution, so both systems are judged alike.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from extractors.bench.evaluation.statement_matching import Pred
from extractors.nlp.actors import DocActors
from extractors.nlp.statements import extract_statements


def wirehouse_predictions(doc: Doc, actors: DocActors) -> list[Pred]:
    return [
        Pred(
            s.content_start_char,
            s.content_end_char,
            (s.speaker_start_char, s.speaker_end_char)
            if s.speaker_start_char is not None and s.speaker_end_char is not None
            else None,
            s.speaker_actor_key,
            s.speaker_text,
            s.statement_kind,
        )
        for s in extract_statements(doc, actors, "eval")
    ]


def _head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])


TEXTACY_BAILOUTS: list[str] = []


def textacy_predictions(doc: Doc, actors: DocActors) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    preds = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on an odd number of quote marks
        TEXTACY_BAILOUTS.append(doc[:8].text)
        return []
    for triple in triples:
        content: Span = triple.content
        start, end = content.start_char, content.end_char
        while start < end and doc.text[start] in "\"“” '‘’":
            start += 1
        while end > start and doc.text[end - 1] in "\"“” '‘’,":
            end -= 1
        speaker = None
        key = None
        if triple.speaker:
            first, last = (
                min(triple.speaker, key=lambda t: t.i),
                max(triple.speaker, key=lambda t: t.i),
            )
            speaker = (first.idx, last.idx + len(last.text))
            key = actors.actor_of(_head(list(triple.speaker)))
        preds.append(
            Pred(start, end, speaker, key, doc.text[speaker[0] : speaker[1]] if speaker else None)
        )
    return preds


SYSTEMS: dict[str, Callable[[Doc, DocActors], list[Pred]]] = {
    "wirehouse": wirehouse_predictions,
    "textacy": textacy_predictions,
}
