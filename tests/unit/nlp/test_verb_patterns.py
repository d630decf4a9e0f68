"""The CAMEO verb dictionary over the parse: patterns, two-way codes, discards."""

from extractors.nlp.events.verb_patterns import verb_match


def coded(result):
    return sorted(
        (e.source_country_code or "", e.target_country_code or "", e.cameo_code, e.trigger_text)
        for e in result.events
        if not e.is_negated
    )


def test_a_visit_is_coded_both_ways(extract_text):
    # SEND block, "- * DELEGATION [042:043]": the visitor travels, the host receives
    result = extract_text("Iraq sent a delegation to Iran.")
    assert coded(result) == [("IRN", "IRQ", "043", "sent"), ("IRQ", "IRN", "042", "sent")]


def test_a_prepositional_pattern_with_a_synonym_set(extract_text):
    # AGREE block, "- * (TO &CEASEFIRE) [0356]"
    result = extract_text("Syria agreed to a ceasefire with Israel.")
    assert ("SYR", "ISR", "0356", "agreed") in coded(result)


def test_the_target_is_the_first_actor_in_the_verb_phrase(extract_text):
    result = extract_text("Japan welcomed the resumption of talks with China.")
    assert [(s, t) for s, t, _, trigger in coded(result) if trigger == "welcomed"] == [
        ("JPN", "CHN")
    ]


def test_compound_sources_give_one_event_per_pair(extract_text):
    result = extract_text("France and Germany condemned the attack on Ukraine.")
    condemned = [(s, t) for s, t, _, trigger in coded(result) if trigger == "condemned"]
    assert condemned == [("DEU", "UKR"), ("FRA", "UKR")]


def test_a_verb_the_dictionary_does_not_code(nlp):
    appeared = nlp("The minister appeared on television.")[2]
    assert verb_match(appeared).code == "---"  # APPEAR's block codes nothing
    assert verb_match(nlp("They painted the house.")[1]) is None  # not in the dictionary


def test_sports_stories_are_discarded(extract_text):
    # Phoenix discards, story level: "+WORLD CUP"
    assert extract_text("Brazil beat Germany in the World Cup final.").events == []
    assert coded(extract_text("Brazil attacked Germany."))  # the same verb, coded


def test_a_time_phrase_satisfies_no_preposition_of_a_pattern(extract_text):
    # CALL block: "- * (ON) [020]" is "called on X to", not a call made on a Tuesday
    called = extract_text("Peru telephoned Chile on Tuesday.")
    assert coded(called) == [
        ("CHL", "PER", "041", "telephoned"),
        ("PER", "CHL", "041", "telephoned"),
    ]
    appeal = extract_text("Peru called on Chile to open its ports.")
    assert ("PER", "CHL", "020", "called") in coded(appeal)


def test_a_particle_pattern_needs_the_particle_beside_its_verb(extract_text):
    # PRESS block, "- * ON [190]": pressing on is an advance; pressing someone on a
    # matter is the block's own demand (100)
    text = "Chile is pressing Peru on the border dispute. The Chilean army pressed on towards Lima."
    pressed = extract_text(text)
    assert coded(pressed) == [("CHL", "PER", "100", "pressing"), ("CHL", "PER", "190", "pressed")]
