from extractors.statements import cue_frames, cue_lexicon, find_quotes


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
        "Iraq's prime minister has sent": ("indirect", "said", "group:iraqi officials"),
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
    assert {"say", "tell", "deny", "accuse", "warn", "insist", "claim", "describe"} <= set(
        cue_lexicon()
    )
    assert {"blame", "announce", "confirm", "urge"} <= set(cue_lexicon())
    assert cue_lexicon()["accuse"] is True and cue_lexicon()["say"] is False
    assert cue_frames()["call"] == "object_complement"


def test_find_quotes_typewriter_pairs_and_nested_single():
    text = "''We won,'' he said.\n\"It said: 'Cut it out!'\" she said."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["We won", "It said: 'Cut it out!'"]


def test_interrupted_quote_is_one_statement(extract_text):
    result = extract_text('"We will win," Smith said. "Nobody can stop us."')
    (only,) = result.statements
    assert (only.statement_kind, only.cue_text, only.speaker_text) == ("direct", "said", "Smith")
    assert only.content.startswith("We will win") and only.content.endswith("stop us.")


def test_multi_paragraph_quote_continues_speaker(extract_text):
    result = extract_text(
        'Jane Doe said: "The first paragraph runs on.\n\n"The second one closes it."'
    )
    assert [(s.cue_text, s.speaker_text) for s in result.statements] == [
        ("said", "Jane Doe"),
        (None, "Jane Doe"),
    ]


def test_according_to_and_postposed_cue(extract_text):
    result = extract_text(
        "According to the ministry, the talks will resume next week.\n\n"
        "The economy is growing faster than expected, officials said."
    )
    got = [(s.cue_text, s.speaker_text, s.content) for s in result.statements]
    assert got == [
        ("according to", "the ministry", "the talks will resume next week"),
        ("said", "officials", "The economy is growing faster than expected"),
    ]


def test_mixed_quote_runs_to_end_of_fragment(extract_text):
    result = extract_text('Smith said the plan was "a disaster for every family in the state."')
    (only,) = result.statements
    assert only.statement_kind == "mixed"
    assert only.content.endswith("every family in the state.")


def test_participle_inherits_speaker(extract_text):
    result = extract_text(
        "The ministry issued a statement on Monday, saying the border would stay closed."
    )
    (only,) = result.statements
    assert (only.cue_text, only.speaker_text) == ("saying", "The ministry")
    assert only.content == "the border would stay closed"
