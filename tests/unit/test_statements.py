from extractors.statements import cue_lexicon, find_quotes


def by_content_start(extraction, words):
    return next(s for s in extraction.statements if s.content.startswith(words))


def test_seed_required_statement(seed):
    askari = by_content_start(seed, "The UIA has decided")
    assert "Sami al-Askari" in askari.speaker_text
    assert askari.speaker_actor_key == "person:sami al-askari"
    assert (askari.statement_kind, askari.cue_text) == ("direct", "said")
    assert askari.content.endswith("the armed groups")  # trailing comma and mark excluded


def test_seed_statement_kinds_and_speakers(seed):
    cases = {
        "Iraq's prime minister has sent": ("indirect", "said", "country:iraq"),
        "They will discuss all issues": ("direct", "said", "person:ali al-dabbagh"),
        "the delegation was sent after": ("mixed", "said", "person:jalal al-din al-sagheer"),
        "I am not Iran's man in Iraq.": ("direct", "said", "person:nouri al-maliki"),
        "We cannot afford": ("direct", "told", "person:barham salih"),
        "The time has come": ("direct", None, "person:barham salih"),
        "Iran of arming": ("indirect", "accuses", "country:united states"),
        "the cleric was in Iran": ("indirect", "denied", "person:muqtada al-sadr"),
    }
    for start, expected in cases.items():
        s = by_content_start(seed, start)
        assert (s.statement_kind, s.cue_text, s.speaker_actor_key) == expected, start


def test_continuation_keeps_previous_speaker(seed):
    first = by_content_start(seed, "The Iraqis wish")
    follow = by_content_start(seed, "First and foremost")
    assert follow.cue_text is None
    assert follow.speaker_text == first.speaker_text
    assert first.speaker_text.startswith("an official travelling with")
    assert follow.content.endswith("Cut it out!'")


def test_find_quotes_straight_curly_and_unbalanced():
    text = 'A said "one, two," then.\n“Curly,” she said.\nHe said "never closed'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["one, two", "Curly", "never closed"]
    assert quotes[-1].close_mark is None
    assert find_quotes('"') == [] and find_quotes('""') == []


def test_cue_before_and_after(extract_text):
    result = extract_text(
        '"We will win," said John Smith, a senior lawmaker.\n\n'
        '"Nobody can stop us."\n\n'
        'Prime Minister Jane Doe said: "The economy is growing. Jobs are back."'
    )
    kinds = [(s.statement_kind, s.cue_text, s.speaker_text, s.content) for s in result.statements]
    assert kinds == [
        ("direct", "said", "John Smith", "We will win"),
        ("direct", None, "John Smith", "Nobody can stop us."),
        ("direct", "said", "Prime Minister Jane Doe", "The economy is growing. Jobs are back."),
    ]


def test_indirect_and_negated(extract_text):
    result = extract_text("Germany warned that sanctions would follow. Macron did not say why.")
    assert [(s.statement_kind, s.cue_text, s.content) for s in result.statements] == [
        ("indirect", "warned", "sanctions would follow")
    ]
    assert result.statements[0].speaker_actor_key == "country:germany"


def test_unbalanced_quote_does_not_crash(extract_text):
    result = extract_text('He said "oops and left.\nShe said nothing.')
    assert all(s.content for s in result.statements)


def test_cue_lexicon_is_data():
    assert {"say", "tell", "deny", "accuse", "warn"} <= set(cue_lexicon())
    assert cue_lexicon()["accuse"] is True and cue_lexicon()["say"] is False
