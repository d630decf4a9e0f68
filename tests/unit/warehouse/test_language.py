"""Intake's language rule: no English article is refused, other languages are.

The corpus checks read ../shared (CoNLL-2003 and the BBC corpus) and skip without it; the
other-language texts are news prose written for these tests (tests/fixtures/languages).
"""

from __future__ import annotations

import pytest

from extractors.bench.evaluation.actors import read_conll
from extractors.warehouse.decoding import decode_article
from extractors.warehouse.language import identifier, judge, prose_segments
from tests.support.paths import PROJECT_ROOT, SHARED

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
OTHER_LANGUAGES = sorted((FIXTURES / "languages").glob("*.txt"))


def refused_as_not_english(texts: dict[str, bytes]) -> dict[str, str]:
    refused = {}
    for name, data in texts.items():
        decoded = decode_article(data)
        if decoded.reason == "not_english":
            refused[name] = decoded.detail
    return refused


@pytest.mark.parametrize("split", ["train", "valid"])
def test_no_conll_document_is_refused(split):
    path = SHARED / "eval" / "conll2003" / f"{split}.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    documents = read_conll(path)
    assert len(documents) == {"train": 946, "valid": 216}[split]
    texts = {f"{split}#{i}": doc.text.encode() for i, doc in enumerate(documents)}
    assert refused_as_not_english(texts) == {}


def test_no_bbc_article_is_refused():
    corpus = SHARED / "corpora" / "bbc"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    texts = {p.relative_to(corpus).as_posix(): p.read_bytes() for p in corpus.glob("*/*.txt")}
    assert len(texts) == 2225
    assert refused_as_not_english(texts) == {}


def test_sixteen_other_languages_are_refused():
    texts = {p.stem: p.read_bytes() for p in OTHER_LANGUAGES}
    # Latin scripts and five others: Arabic, Cyrillic, Devanagari, Greek, Han/kana
    assert sorted(texts) == [
        "ar", "de", "el", "es", "fr", "hi", "id", "it",
        "ja", "nl", "pl", "pt", "ru", "sv", "tr", "zh",
    ]  # fmt: skip
    assert sorted(refused_as_not_english(texts)) == sorted(texts)


def test_the_reject_detail_names_the_language():
    verdict = judge((FIXTURES / "languages" / "de.txt").read_text(encoding="utf-8"))
    assert not verdict.is_english
    assert "most likely de (1.000)" in verdict.detail
    assert verdict.detail.startswith("100% of ")


def test_a_mostly_english_article_quoting_french_is_kept():
    text = (FIXTURES / "english" / "quotes_french_minister.txt").read_text(encoding="utf-8")
    verdict = judge(text)
    assert verdict.is_english, verdict.detail
    # the French quote alone is refused: it is the proportion that keeps the article
    quote = next(line for line in text.splitlines() if line.startswith('"Nous'))
    assert not judge(quote.split('," the minister')[0]).is_english


def test_a_results_table_is_english():
    """Names and numbers are no evidence: the table's lines are not read as prose."""
    text = (FIXTURES / "english" / "results_table.txt").read_text(encoding="utf-8")
    assert [segment for segment, _ in prose_segments(text)] == [
        "Leading results of a women's World Cup giant slalom on Saturday:"
    ]
    assert judge(text).is_english


def test_too_little_prose_gets_the_benefit_of_the_doubt():
    assert judge("Bonjour.").is_english
    assert judge("").detail == "0 bytes of prose: too little to judge"


def test_the_model_is_loaded_once_per_process():
    for path in OTHER_LANGUAGES[:3]:
        judge(path.read_text(encoding="utf-8"))
    assert identifier() is identifier()
    assert identifier.cache_info().currsize == 1
