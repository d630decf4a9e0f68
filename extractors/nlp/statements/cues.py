"""The cue lexicon: which verbs report speech, and what their content is.

A reporting verb of `extractors/lexicons/cues.csv` (one frame per lemma) reports
- `clause`: a clausal complement ("said the delegation had taken questions", also
  post-posed "..., officials said"), or
- `object`: a noun-phrase complement for speech-act verbs ("denied reports ...",
  "accuses Iran of arming ..."), or
- `object_complement`: an object with its predicate ("called the judge a hater");
- `intention`: an infinitive or object ("vowed to repeal", "wants a wall");
- `topic`: what the cue is about ("talked about trade", "called for a ban");
- `raising`: no speaker, the subject with its infinitive ("X appears to have won"; also a
  passive intention verb: "X is expected to run").
How each frame's content is cut out of the parse is `complements`.

The lexicon was fitted on PolNeAR's train split (`make eval` reports dev): a lemma earns
its place when more than a third of its uses there are attributions (below that it costs
F1). It holds spaCy's lemmas as spaCy makes them: "hop" stands for "hoping"/"hoped".
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from extractors import lexicons

FRAMES = frozenset({"clause", "object", "object_complement", "intention", "topic", "raising"})


@cache
def cue_frames() -> dict[str, str]:
    """Reporting-verb lemma -> the frame its content takes (see the module docstring)."""
    frames = {row["lemma"].strip(): row["frame"].strip() for row in lexicons.rows("cues")}
    unknown = {f for f in frames.values() if f not in FRAMES}
    if unknown:
        raise ValueError(f"cues.csv: unknown frames {sorted(unknown)}")
    return frames


def is_cue(token: Token) -> bool:
    """A verb of the cue lexicon used to report."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in cue_frames():
        return False
    # "sent a team to discuss militias": a purpose, not a report.
    return not (token.dep_ == "advcl" and any(c.lower_ == "to" for c in token.children))


def is_raised(cue: Token) -> bool:
    """ "The president is expected to run", "Trump appears to have won": no one is
    named; the content is the subject with its infinitive."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    frame = cue_frames().get(cue.lemma_.lower())
    return frame == "raising" or (
        frame == "intention" and any(c.dep_ == "auxpass" for c in cue.children)
    )


def is_speakerless(cue: Token) -> bool:
    """A question put by someone unnamed ("when asked whether ...") or a passive report
    ("it was reported that ..."): a statement without a speaker."""
    return cue.lemma_.lower() == "ask" or any(c.dep_ == "auxpass" for c in cue.children)
