"""Direct quotes and their cues.

Quotes are found on the text (`extractors.nlp.quotes`) and attributed through a cue
right after (""...," said X", ""...?" X asked") or right before ("X said: "..."",
"X said, "..."", or a paragraph ending "X said:"), or closed by a dash and a name
(""..." ― Jane Roe", `headlines.byline_speaker`). Pieces of one quotation interrupted by its
attribution (""A," he said. "B."") are one statement. A paragraph that opens with a quote
and has no cue continues the previous speaker (cue null). A quote with words before it in
its sentence ("using the tax ''is misguided,'' said X") or after it ("said that, "..."
against the attacks") is part of a mixed statement that spans the sentence. Quotes left
unattributed are fragments, for the indirect statements that contain them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extractors.nlp.actors import DocActors
from extractors.nlp.quotes import Quote, find_quotes
from extractors.nlp.statements.cues import is_cue
from extractors.nlp.statements.edges import MIN_CONTENT_TOKENS, char_range
from extractors.nlp.statements.found import FoundStatement
from extractors.nlp.statements.headlines import byline_speaker
from extractors.nlp.statements.speakers import cue_speaker
from extractors.nlp.statements.token_index import TokenIndex
from extractors.nlp.syntax import carries_negation

# How far (in tokens) a cue may sit after a closing quote mark.
_MAX_CUE_DISTANCE = 25
# Longest gap (characters) between two pieces of one interrupted quotation.
_MAX_INTERRUPTION = 250
_LEAD_IN_BREAKS = frozenset({".", "?", "!", ":", ";", "-", "--", "—", "–"})


def _has_right_clause(cue: Token) -> bool:
    """The cue reports a clause of its own after it ("..., he said the plan would fail");
    one after a comma is a misparsed apposition ("said X, who heads Correct the Record")."""
    doc = cue.doc
    return any(
        c.dep_ == "ccomp"
        and c.i > cue.i
        and not any(t.text == "," for t in doc[cue.i + 1 : c.left_edge.i])
        for c in cue.children
    )


def _cue_after(quote: Quote, text: str, tokens: TokenIndex) -> Token | None:
    """The cue right after a quote that hands over with a comma, dash, "?" or "!"
    (""...," said X", ""...?" X asked")."""
    if quote.close_mark is None or quote.close_end is None:
        return None
    after = text[quote.close_end : quote.line_end]
    inner_end = text[quote.open_mark : quote.close_mark].rstrip()
    if not (after.lstrip().startswith((",", "—", "–")) or inner_end.endswith((",", "?", "!"))):
        return None
    following = tokens.between(quote.close_end, quote.line_end)[:_MAX_CUE_DISTANCE]
    for n, token in enumerate(following):
        if token.text in ('"', "“", "''", "``") or (n and token.text in (".", "!", "?")):
            break
        # '"...," referencing its donations': a participle after a quote is the next
        # clause, not the quote's attribution
        if is_cue(token) and not carries_negation(token) and token.tag_ != "VBG":
            return None if _has_right_clause(token) else token
    return None


def _cue_before(quote: Quote, text: str, tokens: TokenIndex) -> Token | None:
    """The cue of the words that introduce a quote with a colon or comma ('X said:
    "..."', 'X said, "..."'), or of a previous paragraph ending "X said:"."""
    before = text[quote.line_start : quote.open_mark].rstrip()
    lead_start, lead_end = quote.line_start, quote.open_mark
    if not before:
        # 'X said:' closing the previous paragraph introduces a quote paragraph.
        previous = text[: max(quote.line_start - 1, 0)].rstrip()
        if not previous.endswith(":"):
            return None
        lead_start, lead_end = previous.rfind("\n") + 1, len(previous)
    elif not before.endswith((":", ",")):
        return None
    cues = [
        t for t in tokens.between(lead_start, lead_end) if is_cue(t) and not carries_negation(t)
    ]
    if not cues:
        return None
    cue = cues[-1]
    # The cue must govern what follows it, not an earlier clause of its own.
    if any(t.text in (".", "!", "?") for t in tokens.between(cue.idx, lead_end)):
        return None
    return cue


def _runs_on(quote: Quote, text: str) -> bool:
    """The sentence goes on after the closing mark ('"a disaster" for every family'):
    the quote is a fragment of a larger statement, not a statement of its own."""
    if quote.close_mark is None or quote.close_end is None:
        return False
    if text[quote.open_mark : quote.close_mark].rstrip().endswith((",", ".", "?", "!", ";", ":")):
        return False
    return text[quote.close_end : quote.line_end].lstrip()[:1].isalnum()


def _lead_in(quote: Quote, doc: Doc, tokens: TokenIndex, text: str) -> int | None:
    """Start of the words before a quote in its sentence ("However laudable the goal,
    using the tax ''is misguided,'' said X"): the statement is mixed and starts there."""
    mark = tokens.at(quote.open_mark)
    if mark is None:
        return None
    lead = list(doc[mark.sent.start : mark.i])
    # spaCy often ends the previous sentence after the opening mark; a colon or a dash
    # introduces the quote rather than leading into it
    ends = [n for n, t in enumerate(lead) if t.text in _LEAD_IN_BREAKS]
    if ends:
        lead = lead[ends[-1] + 1 :]
    words = [t for t in lead if not (t.is_punct or t.is_space)]
    if len(words) < MIN_CONTENT_TOKENS or any(is_cue(t) for t in words):
        return None
    return char_range(doc, words[0].i, mark.i, text)[0]


def _sentence_end(quote: Quote, tokens: TokenIndex, text: str) -> int:
    """End of the sentence a run-on quote sits in, without its final punctuation."""
    mark = tokens.at(quote.close_mark) if quote.close_mark is not None else None
    if mark is None:
        return quote.end
    sent = mark.sent
    return char_range(sent.doc, sent.start, sent.end, text)[1]


def find_direct(
    doc: Doc, actors: DocActors, tokens: TokenIndex
) -> tuple[list[FoundStatement], list[Quote]]:
    """The quotes of the doc attributed to a speaker (pieces of one quotation joined),
    and those left unattributed: fragments, for the indirect statements around them."""
    text = tokens.text
    found: list[FoundStatement] = []
    fragments: list[Quote] = []
    last_direct: FoundStatement | None = None
    for quote in find_quotes(text):
        after = _cue_after(quote, text, tokens)
        cue = after or _cue_before(quote, text, tokens)
        runs_on = _runs_on(quote, text)
        previous = found[-1] if found and found[-1].line_start == quote.line_start else None
        if previous is not None and previous.quotes[-1].close_mark is not None and not runs_on:
            gap = quote.open_mark - previous.end
            interrupted = (
                previous.cue is not None
                and previous.end <= previous.cue.idx < quote.open_mark
                and gap <= _MAX_INTERRUPTION
            )
            if (cue is not None and previous.cue is cue) or (cue is None and interrupted):
                previous.end = quote.end
                previous.quotes.append(quote)
                continue
        if cue is not None:
            item = FoundStatement(
                quote.start, quote.end, "direct", cue, cue_speaker(cue, actors), quote.line_start
            )
            lead_in = _lead_in(quote, doc, tokens, text) if after is not None else None
            if lead_in is not None:
                item.start, item.kind = lead_in, "mixed"
            elif after is None and runs_on:
                item.end, item.kind = _sentence_end(quote, tokens, text), "mixed"
        elif byline := byline_speaker(quote, doc, text, actors):
            item = FoundStatement(quote.start, quote.end, "direct", None, byline, quote.line_start)
        elif (
            not text[quote.line_start : quote.open_mark].strip()
            and last_direct is not None
            and not runs_on
        ):
            item = FoundStatement(
                quote.start, quote.end, "direct", None, last_direct.speaker, quote.line_start
            )
        else:
            fragments.append(quote)
            continue
        item.quotes.append(quote)
        found.append(item)
        last_direct = item
    return found, fragments


def quoted_spans(found: FoundStatement) -> list[tuple[int, int]]:
    """A direct statement's text, less the narration between its quotes where the cue
    goes on with a reporting participle: in '"A," she said, adding that B. "C."' the
    clause after "adding" is a statement of its own (PolNeAR annotates it so), though A
    and C are one quote."""
    quotes = found.quotes
    if (
        len(quotes) <= 1
        or found.cue is None
        or not any(
            child.tag_ == "VBG" and is_cue(child) and quotes[0].end <= child.idx < quotes[-1].start
            for child in found.cue.children
        )
    ):
        return [(found.start, found.end)]
    inner = [(q.start, q.end) for q in quotes[1:-1]]
    return [(found.start, quotes[0].end), *inner, (quotes[-1].start, found.end)]
