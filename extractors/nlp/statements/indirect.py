"""Indirect speech: statements read off the dependency parse around a cue.

Every candidate cue of the doc (`TokenIndex.candidate_cues`) not already inside a direct
quote is tried: an attribution phrase (`attributions`), else a reporting verb with its
content (`complements`) and speaker (`speakers`). Negated cues ("did not say") report
nothing; a passive or "asked" cue may have no speaker; a raising cue has none. An
indirect statement whose content holds a quoted fragment is "mixed" (the content then
runs to the end of the quotation); one whose content is entirely inside a quotation is
"direct". A cue inside its own speaker's content ("sought to show his independence")
adds nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.nlp.actors import DocActors
from extractors.nlp.quotes import Quote
from extractors.nlp.statements.attributions import according_to, in_source
from extractors.nlp.statements.complements import reported_range
from extractors.nlp.statements.cues import is_cue, is_raised, is_speakerless
from extractors.nlp.statements.direct import quoted_spans
from extractors.nlp.statements.edges import char_range
from extractors.nlp.statements.found import FoundStatement
from extractors.nlp.statements.speakers import cue_speaker, speaker_of
from extractors.nlp.statements.token_index import TokenIndex
from extractors.nlp.syntax import carries_negation


def find_indirect(
    doc: Doc,
    actors: DocActors,
    direct: list[FoundStatement],
    fragments: list[Quote],
    tokens: TokenIndex,
) -> list[FoundStatement]:
    """The statements around the doc's cues outside its direct quotes; `fragments`,
    the unattributed quotes, make one mixed or direct."""
    text = tokens.text
    used = {f.cue.i for f in direct if f.cue is not None}
    spans = [span for f in direct for span in quoted_spans(f)]
    quoted = tokens.indices_within(spans)
    found: list[FoundStatement] = []
    seen: set[tuple[int, int]] = set()
    complement: tuple[int, int] | None  # token range of the content
    for index in tokens.candidate_cues():
        if index in used or index in quoted:
            continue
        token = doc[index]
        according = according_to(token) or in_source(token)
        speakerless = False
        if according is not None:
            source, complement = according
            cue, speaker = token, speaker_of([source], actors)
        elif is_cue(token) and not carries_negation(token):
            complement, cue = reported_range(token), token
            raised = is_raised(token)
            speaker = cue_speaker(token, actors) if complement and not raised else None
            speakerless = raised or (speaker is None and is_speakerless(token))
        else:
            continue
        if complement is None or (speaker is None and not speakerless):
            continue
        if complement[1] - complement[0] < 1:
            continue
        start, end = char_range(doc, *complement, text)
        if end <= start or (start, end) in seen:
            continue
        if any(start < e and s < end for s, e in spans):
            continue
        kind = "indirect"
        inside = [q for q in fragments if q.start < end and start < q.end]
        if inside:
            kind = "mixed"
            whole = inside[0]
            if len(inside) == 1 and whole.start <= start + 1 and end <= whole.end + 1:
                kind, start, end = "direct", whole.start, whole.end
            else:
                end = max([end, *(q.end for q in inside if q.start >= start)])
        seen.add((start, end))
        found.append(FoundStatement(start, end, kind, cue, speaker))
    return [f for f in found if not any(_nested(f, other) for other in found)]


def _nested(inner: FoundStatement, outer: FoundStatement) -> bool:
    """ "sought to show his independence": the cue and content of `inner` lie inside the
    content of `outer`, said by the same speaker: one statement, not two."""
    return (
        inner is not outer
        and inner.speaker == outer.speaker
        and inner.cue is not None
        and outer.start <= inner.cue.idx < outer.end
        and outer.start <= inner.start
        and inner.end <= outer.end
    )
