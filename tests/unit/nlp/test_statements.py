from extractors.nlp.quotes import find_quotes
from extractors.nlp.statements import cue_frames
from extractors.nlp.statements.speakers import speaker_subjects


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
    kinds = _statements(
        extract_text,
        '"We will win," said John Smith, a senior lawmaker.\n\n'
        '"Nobody can stop us."\n\n'
        'Prime Minister Jane Doe said: "The economy is growing. Jobs are back."',
    )
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
        cue_frames()
    )
    assert {"blame", "announce", "confirm", "urge"} <= set(cue_frames())
    assert cue_frames()["accuse"] == "object" and cue_frames()["say"] == "clause"
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


def _statements(extract_text, text):
    return [
        (s.statement_kind, s.cue_text, s.speaker_text, s.content)
        for s in extract_text(text).statements
    ]


def test_dash_byline_and_mistyped_opening_mark(extract_text):
    got = _statements(
        extract_text,
        "”Hope. We still believe the mill will reopen.” ― Maria L. Ostrowski\n\n"
        "“The most unqualified candidate ever.” — Jane Roe, 34, teacher",
    )
    assert got == [
        ("direct", None, "Maria L. Ostrowski", "Hope. We still believe the mill will reopen."),
        ("direct", None, "Jane Roe", "The most unqualified candidate ever."),
    ]


def test_quote_with_a_lead_in_is_mixed(extract_text):
    (only,) = extract_text(
        "Whatever the savings, closing the rural clinics ''would be a grave mistake,'' "
        "said Ms. Hallett."
    ).statements
    assert (only.statement_kind, only.speaker_text) == ("mixed", "Ms. Hallett")
    assert only.content.startswith("Whatever the savings") and only.content.endswith("mistake")


def test_lead_in_stops_at_the_previous_sentence_and_at_a_colon(extract_text):
    got = _statements(
        extract_text,
        "He left early. ''You'd have to be insane,'' he said.\n\n"
        "Murphy lamented the fundraising: “There’s a ton of nonsense in this job,” he said.",
    )
    assert got[0] == ("direct", "said", "he", "You'd have to be insane")
    assert got[-1] == ("direct", "said", "he", "There’s a ton of nonsense in this job")


def test_quote_that_runs_on_is_part_of_a_mixed_statement(extract_text):
    got = _statements(
        extract_text,
        'Spokesman John Doe said that, "Of course the mayor will appeal the ruling" despite '
        "what the council calls a routine decision.\n\n"
        '"This is simply unfair," Ortega said. "You cut the pensions of retired '
        'nurses" to balance the city budget, she said.',
    )
    assert got[0][:3] == ("mixed", "said", "Spokesman John Doe")
    assert got[0][3].endswith("a routine decision")
    assert got[1] == ("direct", "said", "Ortega", "This is simply unfair")
    assert got[2][:3] == ("mixed", "said", "she")
    assert got[2][3].endswith("to balance the city budget")


def test_cue_set_off_by_commas_reports_the_whole_sentence(extract_text):
    (only,) = extract_text(
        "Although the first merger went smoothly, she said, a second one would be far "
        "more difficult."
    ).statements
    assert only.speaker_text == "she"
    assert only.content == (
        "Although the first merger went smoothly, she said, a second one would be far "
        "more difficult"
    )


def test_object_and_call_frames(extract_text):
    got = _statements(
        extract_text,
        "Polls show a narrow lead for the governor.\n\n"
        "Okafor called on the mayor to stop cutting bus routes.\n\n"
        'Jeb Bush called the use of executive orders "quite dangerous."\n\n'
        "Trump called his rival yesterday.",
    )
    assert got == [
        ("indirect", "show", "Polls", "a narrow lead for the governor"),
        ("indirect", "called", "Okafor", "the mayor to stop cutting bus routes"),
        ("mixed", "called", "Jeb Bush", 'the use of executive orders "quite dangerous.'),
    ]


def test_transcript_lines_name_their_speaker(extract_text):
    got = _statements(
        extract_text,
        '"BRENNAN: Let me begin with the budget vote tonight.\n\n'
        '"HARLOW: Well, frankly, this is a bad deal for the taxpayers.',
    )
    assert [(kind, speaker) for kind, _, speaker, _ in got] == [
        ("direct", "BRENNAN"),
        ("direct", "HARLOW"),
    ]
    assert got[1][3] == "Well, frankly, this is a bad deal for the taxpayers"


def test_a_cue_inside_its_own_speakers_statement_adds_nothing(extract_text):
    got = _statements(extract_text, "Al-Maliki has sought to show his independence from Iran.")
    assert got == [("indirect", "sought", "Al-Maliki", "to show his independence from Iran")]


def test_pro_form_contents(extract_text):
    got = _statements(
        extract_text,
        "Asked if he was ever bullied, the candidate said no.\n\n"
        "Three-quarters said the same of Sanders.",
    )
    assert [(cue, speaker, content) for _, cue, speaker, content in got] == [
        ("said", "the candidate", "no"),
        ("said", "Three-quarters", "the same of Sanders"),
    ]


def test_clause_hung_on_a_phrase_between_it_and_its_cue(extract_text):
    got = _statements(
        extract_text,
        "Adelson said during a news conference that he may wait until February.\n\n"
        "He said legalizing it could put thousands of people to work.",
    )
    assert [content for *_, content in got] == [
        "he may wait until February",
        "legalizing it could put thousands of people to work",
    ]


def test_one_word_object_and_gerund_object(extract_text):
    got = _statements(
        extract_text,
        "Christie endorsed Trump last week.\n\nMr. Cruz supports tightening enforcement.",
    )
    assert [(cue, content) for _, cue, _, content in got] == [
        ("endorsed", "Trump"),
        ("supports", "tightening enforcement"),
    ]


def test_participle_after_a_quote_is_not_its_cue(extract_text):
    first, *_ = extract_text(
        'Hillary Clinton said the foundation had "overwhelming disclosure," referencing '
        "its donations."
    ).statements
    assert (first.statement_kind, first.cue_text, first.speaker_text) == (
        "mixed",
        "said",
        "Hillary Clinton",
    )
    assert (
        first.content == 'the foundation had "overwhelming disclosure," referencing its donations'
    )


def test_raising_verb_with_an_adjective(extract_text):
    (only,) = extract_text("Trump’s supporters seemed equally unperturbed.").statements
    assert (only.speaker_text, only.cue_text) == (None, "seemed")
    assert only.content == "Trump’s supporters seemed equally unperturbed"


def test_cue_set_off_by_commas_with_its_addressee(extract_text):
    (only,) = extract_text(
        "His policy, Trump told CNN, would merely be to go after them."
    ).statements
    assert (only.speaker_text, only.cue_text) == ("Trump", "told")
    assert only.content == "His policy, Trump told CNN, would merely be to go after them"


def test_adding_that_between_two_quotes_is_its_own_statement(extract_text):
    kinds = _statements(
        extract_text,
        "“Nobody cares when you spend your own money,” the party official said, adding that "
        "small donors may not be sympathetic to the campaign. “Most campaigns run on a much "
        "tighter budget.”",
    )
    quote = kinds[0]
    assert quote[:3] == ("direct", "said", "the party official")
    assert quote[3].startswith("Nobody cares") and quote[3].endswith("tighter budget.")
    assert kinds[1] == (
        "indirect",
        "adding",
        "the party official",
        "small donors may not be sympathetic to the campaign",
    )
    assert len(kinds) == 2


def test_relative_pronoun_speaker_is_resolved_on_its_own_verb_only(nlp):
    doc = nlp("The minister, who arrived and said the talks would resume, left.")
    arrived, said = (t for t in doc if t.text in ("arrived", "said"))
    assert [s.text for s in speaker_subjects(arrived)] == ["minister"]
    # inherited through "and", the pronoun stays: the rule as it was fitted
    assert [s.text for s in speaker_subjects(said)] == ["who"]


def test_line_labels_are_not_speakers(extract_text):
    result = extract_text(
        "Photo: The minister arrives at the summit in Geneva\n"
        "Carson: Cruz taking the Benghazi approach on this"
    )
    assert [(s.speaker_text, s.content) for s in result.statements] == [
        ("Carson", "Cruz taking the Benghazi approach on this")
    ]
