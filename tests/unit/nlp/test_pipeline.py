from collections import Counter
from datetime import date

from extractors.nlp.pipeline import extract
from tests.support.articles import make_source


def test_seed_document(seed, seed_source):
    (doc,) = seed.documents
    assert doc.document_id == seed_source.content_sha256[:16]
    assert doc.title == "Iraq PM sends team to Iran to discuss militias"
    assert doc.source_name == "Reuters"
    assert doc.published_date is None
    assert 700 < doc.n_words < 900
    assert doc.extracted_at.tzinfo is None


def test_seed_invariants(seed):
    text = seed.documents[0].text
    for m in seed.mentions:
        assert text[m.start_char : m.end_char] == m.mention_text
    for e in seed.events:
        assert text[e.trigger_start_char : e.trigger_end_char] == e.trigger_text
        assert 0 <= e.evidence_start_char < e.evidence_end_char <= len(text)
    for s in seed.statements:
        assert text[s.content_start_char : s.content_end_char] == s.content
        if s.speaker_text is not None:
            assert text[s.speaker_start_char : s.speaker_end_char] == s.speaker_text
    keys = {a.actor_key for a in seed.actors}
    assert len(keys) == len(seed.actors)
    referenced = {m.actor_key for m in seed.mentions}
    referenced |= {k for e in seed.events for k in (e.source_actor_key, e.target_actor_key)}
    referenced |= {e.location_actor_key for e in seed.events}
    referenced |= {s.speaker_actor_key for s in seed.statements}
    assert referenced - {None} <= keys
    ids = [m.mention_id for m in seed.mentions] + [e.event_id for e in seed.events]
    ids += [s.statement_id for s in seed.statements]
    assert len(ids) == len(set(ids))
    counts = Counter(m.actor_key for m in seed.mentions)
    assert all(a.n_mentions == counts[a.actor_key] for a in seed.actors)
    assert len(seed.statements) >= 15 and len(seed.events) >= 8


def test_rerun_gives_identical_ids(nlp, seed, seed_source):
    again = extract(nlp, [seed_source])
    assert [m.mention_id for m in again.mentions] == [m.mention_id for m in seed.mentions]
    assert again.events == seed.events and again.statements == seed.statements


def test_sidecar_overrides_text_and_batches_keep_context(nlp):
    first = make_source("Headline one\n\nPublished: 24 April 2008\nIran criticized Iraq.", "a.txt")
    second = make_source(
        "Headline two\n\nIraq praised Iran.",
        "b.txt",
        {"title": "Sidecar title", "published_date": date(2020, 1, 2), "url": "http://x"},
    )
    result = extract(nlp, [first, second], batch_size=1)
    a, b = result.documents
    assert (a.title, a.published_date) == ("Headline one", date(2008, 4, 24))
    assert (b.source_file, b.title, b.published_date, b.url) == (
        "b.txt",
        "Sidecar title",
        date(2020, 1, 2),
        "http://x",
    )
    assert {e.document_id for e in result.events} == {a.document_id, b.document_id}


def test_the_remembered_text_is_the_parsed_docs_text(nlp, seed_raw):
    """extract_doc hands the extractors the text it parsed instead of spaCy's rebuild of
    it; the two must be the same string, whitespace and odd characters included."""
    from extractors.nlp.cleaning import clean
    from extractors.nlp.syntax import doc_text

    odd = "  Two\u00a0spaces,\ttabs\n\nand \u201cquotes\u201d ... \u2014 end.  "
    texts = [clean(seed_raw).text, odd]
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        rebuilt = doc.text
        assert doc_text(doc) == rebuilt == text


def test_word_count_skips_spaces_and_punctuation(nlp):
    from extractors.nlp.pipeline import count_words

    assert count_words(nlp("Hello,  world! It's 9 a.m. \n\n Bye.")) == 7
