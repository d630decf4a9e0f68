"""Long texts are parsed in pieces and joined: offsets stay exact, nothing is lost."""

from __future__ import annotations

import pytest

from extractors.nlp import long_texts, pipeline
from extractors.nlp.long_texts import split_for_parsing
from extractors.nlp.pipeline import extract
from tests.support.articles import make_source


def test_pieces_concatenate_to_the_text_and_end_at_paragraphs():
    text = "First paragraph here.\n\nSecond one, longer than that.\n\nThird.\n\nFourth one."
    pieces = split_for_parsing(text, max_chars=40)
    assert "".join(pieces) == text
    assert pieces == [
        "First paragraph here.\n\n",
        "Second one, longer than that.\n\nThird.\n\n",
        "Fourth one.",
    ]


def test_without_breaks_a_text_is_cut_at_sentences_spaces_then_the_limit():
    assert split_for_parsing("One. Two. Three.", max_chars=11) == ["One. Two. ", "Three."]
    assert split_for_parsing("aaaa bbbb cccc", max_chars=6) == ["aaaa ", "bbbb ", "cccc"]
    assert split_for_parsing("x" * 25, max_chars=10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_for_parsing("short") == ["short"]


def test_a_text_parsed_in_pieces_keeps_exact_offsets(nlp, seed_source, seed, monkeypatch):
    monkeypatch.setattr(long_texts, "MAX_PIECE_CHARS", 1500)
    text = seed.documents[0].text
    assert len(split_for_parsing(text)) >= 3
    pieced = extract(nlp, [seed_source])
    assert pieced.documents[0].text == text
    for mention in pieced.mentions:
        assert text[mention.start_char : mention.end_char] == mention.mention_text
    for statement in pieced.statements:
        assert text[statement.content_start_char : statement.content_end_char] == (
            statement.content
        )

    # cut at paragraph breaks, the pieces find the same people as the whole text
    def people(extraction):
        return {a.actor_key for a in extraction.actors if a.actor_kind == "person"}

    assert people(pieced) == people(seed)


def test_a_text_over_spacys_limit_is_extracted(nlp):
    # long tokens keep the parse short: it is the characters that spaCy limits
    paragraph = "Farmers protested in Paris on Monday. " + "z" * 200 + "\n\n"
    text = paragraph * 4200  # 1.01 M characters
    assert len(text) > nlp.max_length
    extraction = extract(nlp, [make_source(text)])
    assert [len(d.text) for d in extraction.documents] == [len(text.strip())]
    assert extraction.failures == []
    assert len([m for m in extraction.mentions if m.mention_text == "Paris"]) == 4200


def test_a_document_whose_extraction_raises_is_rejected_alone(nlp, monkeypatch):
    real = pipeline.extract_doc

    def fails_on_one(source, cleaned, doc, out):
        if source.source_file == "bad.txt":
            out.documents.append("a partial record")  # dropped with the document
            raise RuntimeError("an extractor bug")
        real(source, cleaned, doc, out)

    monkeypatch.setattr(pipeline, "extract_doc", fails_on_one)
    sources = [
        make_source("The minister said on Monday that taxes would fall.", "good.txt"),
        make_source("The opposition said on Tuesday that they would not.", "bad.txt"),
    ]
    extraction = extract(nlp, sources)
    assert [d.source_file for d in extraction.documents] == ["good.txt"]
    assert extraction.failures == [
        pipeline.ExtractionFailure("bad.txt", "RuntimeError: an extractor bug")
    ]
    [reject] = pipeline.failure_rejects(extraction.failures, "run-1")
    assert (reject.source_file, reject.reason, reject.run_id) == (
        "bad.txt",
        "extract_error",
        "run-1",
    )


@pytest.fixture
def seed(nlp, seed_source):
    """The seed extracted whole (not the session fixture: MAX_PIECE_CHARS is patched later)."""
    return extract(nlp, [seed_source])
