"""Whole-document lookups shared by the resolution steps, each computed at most once per
document.

spaCy rebuilds `Doc.text` from all tokens on every access, `span.sent` scans for the
sentence's boundaries, and finding a word by `for t in doc` builds a Token object per
step. The steps ask this index instead; BENCHMARKS.md records what that saved.
"""

from __future__ import annotations

from functools import cache, cached_property

import numpy as np
from spacy.attrs import ENT_TYPE, LOWER, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.symbols import NOUN
from spacy.tokens import Doc, Token

from extractors.lexicons.gazetteer import group_head_words
from extractors.nlp.syntax import doc_text


class DocIndex:
    """The lookups of one parsed document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @property
    def text(self) -> str:
        return doc_text(self.doc)

    @cached_property
    def sentence_of(self) -> list[int]:
        """Token index -> index of its sentence in `doc.sents` (which starts one at the
        first token and at every token whose SENT_START is 1), without building Spans."""
        starts = self.doc.to_array(SENT_START) == 1
        if len(starts):
            starts[0] = True
        return (np.cumsum(starts) - 1).tolist()

    @cached_property
    def _lower_ids(self):  # numpy array: the StringStore id of each token's `lower_`
        return self.doc.to_array(LOWER)

    @cached_property
    def singular_nouns(self) -> list[Token]:
        """Singular common nouns outside entities: what can head a definite description."""
        pos, tag, ent_type = self.doc.to_array([POS, TAG, ENT_TYPE]).T
        strings = self.doc.vocab.strings
        plural = (tag == strings["NNS"]) | (tag == strings["NNPS"])
        found = ((pos == NOUN) & ~plural & (ent_type == 0)).nonzero()[0]
        return [self.doc[i] for i in found.tolist()]

    def tokens_of(self, lower: str) -> list[int]:
        """Indices of the tokens whose `lower_` is `lower`."""
        return (self._lower_ids == self.doc.vocab.strings[lower]).nonzero()[0].tolist()

    def group_head_tokens(self) -> list[int]:
        """Indices of the tokens that may head a group actor, found on the ids of their
        `lower_` instead of a Token object per token (in a set: `np.isin` sorts both
        arrays on every call, 0.05 ms a BBC article against 0.02 ms)."""
        heads = _group_head_ids()
        return [i for i, lower in enumerate(self._lower_ids.tolist()) if lower in heads]


@cache
def _group_head_ids() -> frozenset[int]:
    return frozenset(get_string_id(w) for w in group_head_words())
