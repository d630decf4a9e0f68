from extractors.nlp.model import DEFAULT_MODEL, load_nlp


def test_default_pipeline(nlp):
    assert nlp.meta["name"] in DEFAULT_MODEL
    assert {"parser", "ner", "lemmatizer", "newline_sentences"} <= set(nlp.pipe_names)
    assert "senter" not in nlp.component_names  # excluded, never loaded
    assert nlp.pipe_names.index("newline_sentences") < nlp.pipe_names.index("parser")


def test_model_from_environment(monkeypatch):
    monkeypatch.setenv("WIREHOUSE_SPACY_MODEL", "no_such_model_xyz")
    try:
        load_nlp()
    except OSError as exc:
        assert "no_such_model_xyz" in str(exc)
    else:
        raise AssertionError("the environment variable was not used")


def test_line_breaks_start_sentences(nlp):
    doc = nlp("Questions for Iran\nIraqi officials said the team left.")
    assert [s.text.strip() for s in doc.sents] == [
        "Questions for Iran",
        "Iraqi officials said the team left.",
    ]
