import csv

import pytest
from spacy.tokens import Doc

from extractors import lexicons
from extractors.lexicons import LEXICON_DIR
from extractors.lexicons.dictionary_set import verb_dictionary
from extractors.nlp.events import cameo_lexicon
from extractors.nlp.events.frames import sentence_frames
from extractors.nlp.events.triggers import verb_rule
from tests.support.paths import SHARED

SHARED_CODES = SHARED / "reference" / "cameo" / "cameo_codes_combined.csv"


def all_rules():
    return [r for rules in cameo_lexicon().values() for r in rules]


def test_own_rows_and_the_dictionary_cover_all_twenty_roots():
    codes = {r.cameo_code for r in all_rules()}
    assert all(c.isdigit() and len(c) in (3, 4) for c in codes)
    dictionary = verb_dictionary()
    codes |= {p.code for block in dictionary.blocks for p in block if p.code.isdigit()}
    assert {c[:2] for c in codes} == {f"{n:02d}" for n in range(1, 21)}
    assert "say" not in cameo_lexicon()  # speech is the statement extractor's job


def test_own_rows_say_why_the_dictionary_needs_them():
    rows = lexicons.rows("cameo_verbs")
    assert all(r["why"] for r in rows)
    dictionary = verb_dictionary()
    for r in rows:  # a bare verb's row differs from the dictionary's code for it
        if (r["pos"] or "verb") == "verb" and not (r["prep"] or r["object"]):
            codes = {v.code for v in dictionary.verbs(r["lemma"]) if not (v.before or v.after)}
            assert r["cameo_code"] not in codes, r


@pytest.mark.skipif(not SHARED_CODES.exists(), reason="../shared reference tables absent")
def test_lexicon_codes_exist_in_cameo():
    with SHARED_CODES.open(encoding="utf-8") as handle:
        known = {row["cameo_code"] for row in csv.DictReader(handle)}
    assert {r.cameo_code for r in all_rules()} <= known
    intents = lexicons.rows("intent_codes")
    assert {r["intent_code"] for r in intents} | {r["action_prefix"] for r in intents} <= known
    assert {r["prefix"] for r in lexicons.rows("cameo_kinds")} <= known


def test_lexicon_file_keeps_leading_zeros():
    text = (LEXICON_DIR / "cameo_verbs.csv").read_text(encoding="utf-8")
    assert "welcome,,,013" in text and "talk,,,040" in text


@pytest.mark.parametrize(
    ("name", "flags"),
    [
        (
            "governing_verbs",
            (
                "hypothetical",
                "own_intent",
                "object_control",
                "negating",
                "denial",
                "refusing",
                "threatening",
            ),
        ),
        ("modals", ("obligation", "future", "possibility")),
        ("cues", ("obligation_is_demand",)),
    ],
)
def test_flag_columns_hold_yes_or_nothing(name, flags):
    # the readers test a flag by truth: a "no" would mark the word
    assert {row[flag] for row in lexicons.rows(name) for flag in flags} <= {"yes", ""}


def test_intent_codes_are_intents_and_threats():
    rows = lexicons.rows("intent_codes")
    assert len({row["action_prefix"] for row in rows}) == len(rows)
    assert {row["intent_code"][:2] for row in rows} == {"03", "13"}
    assert {row["kind"] for row in lexicons.rows("cameo_kinds")} == {
        "mutual",
        "violence",
        "force",
        "travel",
        "meeting",
    }
    assert {row["names"] for row in lexicons.rows("compound_participles")} == {"origin", "leader"}


def events_of(extraction):
    return [
        (e.cameo_code, e.trigger_text, e.source_actor_key, e.target_actor_key)
        for e in extraction.events
    ]


def country_dyads_of(extraction):
    return [
        (e.cameo_code, e.trigger_text, e.source_country_code, e.target_country_code)
        for e in extraction.events
    ]


def test_seed_events(seed):
    found = events_of(seed)
    # the CAMEO dictionary's "accuse ... of <act>" pattern: 111 criticize or denounce
    assert ("111", "accuses", "country:united states", "country:iran") in found
    assert ("042", "sent", "person:nouri al-maliki", "country:iran") in found
    assert ("016", "denies", "country:iran", None) in found
    dyads = country_dyads_of(seed)
    assert ("042", "sent", "IRQ", "IRN") in dyads  # the prime minister acts for Iraq
    killed = next(e for e in seed.events if e.trigger_text == "killed")
    assert killed.source_actor_key == "group:american forces"  # "they" -> U.S. forces
    assert killed.source_country_code == "USA"
    crackdown = next(e for e in seed.events if e.trigger_text == "launched a crackdown")
    assert crackdown.cameo_code == "175"  # light verb "launch" + event noun "crackdown"
    assert crackdown.location_actor_key == "location:basra"
    assert crackdown.target_country_code == "IRQ"  # Shiite militias, acting in Basra
    blames = next(e for e in seed.events if e.trigger_text == "blames")
    assert blames.target_actor_key == "country:united states"  # "the U.S.-led invasion"
    assert not blames.is_negated  # "denies" governs its own object, not the conjoined verb
    # the CAMEO dictionary's STEP_UP pattern "- * RHETORIC [132]"
    rhetoric = next(e for e in seed.events if e.trigger_text == "stepped up")
    assert (rhetoric.cameo_code, rhetoric.target_actor_key) == ("132", "country:iran")
    fired = next(e for e in seed.events if e.trigger_text == "fired")
    assert (fired.source_country_code, fired.target_country_code) == ("IRQ", "IRQ")
    fought = {
        (e.source_actor_key, e.target_actor_key) for e in seed.events if e.trigger_text == "fought"
    }
    assert fought == {("country:iran", "country:iraq"), ("country:iraq", "country:iran")}
    killed = next(e for e in seed.events if e.trigger_text == "killed")
    assert killed.target_country_code == "IRQ"  # 18 fighters in Sadr City


def test_seed_event_spans(seed):
    text = seed.documents[0].text
    for e in seed.events:
        assert text[e.trigger_start_char : e.trigger_end_char] == e.trigger_text
        evidence = text[e.evidence_start_char : e.evidence_end_char]
        assert e.trigger_text in evidence and evidence == evidence.strip()


def test_negation_location_and_specific_rule(extract_text):
    result = extract_text(
        "Russia did not attack Ukraine. Russia attacked Ukraine in Kharkiv. "
        "Germany imposed sanctions on Russia."
    )
    assert events_of(result) == [
        ("190", "attack", "country:russia", "country:ukraine"),
        ("190", "attacked", "country:russia", "country:ukraine"),
        ("163", "imposed", "country:germany", "country:russia"),
    ]
    assert [e.is_negated for e in result.events] == [True, False, False]
    assert result.events[1].location_actor_key == "location:kharkiv"


def test_no_event_without_actors_and_dedupe(extract_text):
    assert extract_text("The men attacked the building.").events == []
    twice = extract_text("Iran attacked Iraq and attacked Iraq again.")
    assert events_of(twice) == [("190", "attacked", "country:iran", "country:iraq")]


def test_passive_conjoined_and_control(extract_text):
    result = extract_text(
        "Ten soldiers were killed by Russia in Kharkiv. "
        "France and Germany met in Paris. "
        "Britain urged Iran to release the sailors."
    )
    found = events_of(result)
    assert ("190", "killed", "country:russia", "group:soldiers") in found
    assert ("040", "met", "country:france", "country:germany") in found
    assert ("040", "met", "country:germany", "country:france") in found
    # object control: Britain asks Iran; the release asked for is no event of its own
    assert ("0253", "urged", "country:united kingdom", "country:iran") in found  # for release
    assert [e for e in result.events if e.trigger_text == "release"] == []


def test_negation_and_modality(extract_text):
    result = extract_text(
        "Russia never attacked Ukraine. Russia may attack Ukraine. "
        "Iran denied reports that it would meet Iraq."
    )
    by_sentence = {
        e.sentence_index: e
        for e in result.events
        if e.cameo_code.startswith(("19", "13", "04", "03"))
    }
    assert by_sentence[0].is_negated and not by_sentence[0].is_hypothetical
    assert 1 not in by_sentence  # "may attack": speculation, no event
    meet = next(e for e in result.events if e.trigger_text == "meet")
    assert meet.is_negated and meet.is_hypothetical


def test_event_dates_resolve_against_publication(nlp):
    from datetime import date

    from extractors.nlp.pipeline import extract
    from tests.support.articles import make_source

    text = "Russia attacked Ukraine on Wednesday. Germany imposed sanctions on Russia last week."
    dated = extract(nlp, [make_source(text, sidecar={"published_date": date(2024, 5, 10)})])
    assert [e.event_date for e in dated.events] == [date(2024, 5, 8), date(2024, 4, 29)]
    undated = extract(nlp, [make_source(text)])
    assert [e.event_date for e in undated.events] == [None, None]


def test_passive_light_verb_trigger_runs_forward(extract_text):
    text = "A crackdown on Shiite militias was launched by Iraq in Basra."
    (crackdown,) = extract_text(text).events
    assert crackdown.cameo_code == "175"
    assert (crackdown.source_actor_key, crackdown.target_actor_key) == (
        "country:iraq",
        "group:shiite militias",
    )
    assert crackdown.trigger_start_char < crackdown.trigger_end_char
    span = text[crackdown.trigger_start_char : crackdown.trigger_end_char]
    assert span == crackdown.trigger_text == "crackdown on Shiite militias was launched"


def test_what_describes_asks_or_dies_is_no_event(extract_text):
    # a participle used as an adjective describes a thing
    economy = extract_text("India's fast growing economy worries Pakistan.")
    assert [e.trigger_text for e in economy.events] == ["worries"]
    # an appeal verb reporting a claim or asking a question asks nothing of anyone
    claim = extract_text("France suggested that Germany had broken the rules.")
    assert [e for e in claim.events if e.trigger_text == "suggested"] == []
    question = extract_text("Spain asked whether Portugal would join the talks.")
    assert [e for e in question.events if e.trigger_text == "asked"] == []
    request = extract_text("France suggested that Germany should leave the talks.")
    assert ("020", "suggested", "country:france", "country:germany") in events_of(request)
    # the one who died did not attack the place where they died
    assert events_of(extract_text("The Egyptian president died in France.")) == []


def test_roles_stop_at_an_uncoded_name(extract_text):
    # the object is the uncoded person, not the next actor of the phrase
    praised = extract_text("Germany praised Mr Hannes Koppel for his work with Poland.")
    assert events_of(praised) == [("051", "praised", "country:germany", None)]


def test_attacking_a_policy_is_criticism(extract_text):
    criticism = extract_text("Russia attacked the British government's energy policy.")
    assert [(e.cameo_code, e.source_country_code) for e in criticism.events] == [("111", "RUS")]
    force = extract_text("Russia attacked Georgia.")
    assert [e.cameo_code for e in force.events] == ["190"]


def test_a_fight_needs_someone_who_wields_force(extract_text):
    # two bodies with no arms "clash" in words: criticism, not military force
    words = extract_text("The European Parliament clashed with the European Commission.")
    assert {e.cameo_code for e in words.events} == {"111"}
    # troops, or a country, do fight
    troops = extract_text("Indian troops clashed with Pakistani troops in Kashmir.")
    assert {e.cameo_code for e in troops.events} == {"190"}


def test_an_obligation_reported_is_a_demand_not_the_act(extract_text):
    result = extract_text("Sweden said that Norway should back Finland's bid.")
    assert events_of(result) == [("100", "said", "country:sweden", "country:norway")]


def test_an_announced_visit_is_an_intention_of_the_visitor(extract_text):
    result = extract_text("The Chilean president will visit Peru next month.")
    assert country_dyads_of(result) == [("036", "visit", "CHL", "PER")]


def test_an_offer_to_act_is_coded_once_on_the_act(extract_text):
    # the offer is the intention to hand over (033), with its target, not a bare 030
    result = extract_text("Ghana offered to hand over the two suspects to Togo.")
    assert country_dyads_of(result) == [("033", "hand over", "GHA", "TGO")]


def test_speculation_and_questions_are_no_events(extract_text):
    assert events_of(extract_text("Chile could offer Bolivia access to the sea.")) == []
    assert events_of(extract_text("Will Chile offer Bolivia access to the sea?")) == []
    offered = extract_text("Chile offered Bolivia access to the sea.")
    assert [(e.source_actor_key, e.target_actor_key) for e in offered.events] == [
        ("country:chile", "country:bolivia")
    ]


def test_a_refusal_is_a_rejection_and_a_threat_a_threat(extract_text):
    refused = extract_text("Peru refused to release the Chilean fishermen.")
    assert [(e.cameo_code, e.is_negated) for e in refused.events] == [("1243", False)]
    assert country_dyads_of(refused)[0][2:] == ("PER", "CHL")
    declined = extract_text("Peru said it will not accept the proposal from Chile.")
    assert [e.cameo_code[:2] for e in declined.events if not e.is_negated] == ["12"]
    # a release that did not happen is no rejection
    undone = extract_text("Peru did not release the Chilean fishermen.")
    assert [(e.cameo_code, e.is_negated) for e in undone.events] == [("0841", True)]
    threat = extract_text("Peru threatened to open its ports to Bolivia.")
    assert [e.cameo_code for e in threat.events] == ["130"]


def test_an_event_whose_target_is_its_source_stays_one_sided(extract_text):
    result = extract_text("Peru is investigating crimes by Peruvian extremists.")
    assert events_of(result) == [("090", "investigating", "country:peru", None)]


def test_a_protest_lodged_is_an_official_complaint(extract_text):
    lodged = extract_text("Peru lodged a protest with Chile.")
    assert country_dyads_of(lodged) == [("114", "lodged a protest", "PER", "CHL")]
    staged = extract_text("Peruvian students staged a protest against Chile.")
    assert [e.cameo_code for e in staged.events] == ["141"]


def test_a_vow_parsed_as_a_purpose_is_still_an_intention(extract_text):
    vowed = extract_text("Peruvian rebels have sworn to fight until they win.")
    assert [e.cameo_code for e in vowed.events] == ["138"]


def test_a_participle_clause_has_the_subject_of_its_clause(extract_text):
    result = extract_text("Peruvian police opened fire on Monday, arresting twelve Chilean miners.")
    arrested = [e for e in result.events if e.trigger_text == "arresting"]
    assert [(e.cameo_code, e.source_country_code) for e in arrested] == [("173", "PER")]


def test_an_act_asked_for_or_on_a_condition_is_no_event(extract_text):
    asked = extract_text("Peru urged its allies to remove Chilean officials.")
    assert [e.trigger_text for e in asked.events] == ["urged"]
    conditional = extract_text("If Peru attacks Chile, Bolivia will protest.")
    assert "attacks" not in [e.trigger_text for e in conditional.events]
    # what is said in a condition is no more done than the condition itself
    said = extract_text("Lima is wrong if it is saying Chile is attacking Peru.")
    assert [e.trigger_text for e in said.events] == []
    reported = extract_text("Lima is saying Chile is attacking Peru.")
    assert "attacking" in [e.trigger_text for e in reported.events]
    attempted = extract_text("Peruvian rebels tried to assassinate the Chilean president.")
    assert [(e.trigger_text, e.is_hypothetical) for e in attempted.events] == [
        ("assassinate", False)
    ]


def test_an_appeal_or_demand_is_for_the_act_it_asks(extract_text):
    urged = extract_text("Peru urged Chile to release the fishermen.")
    assert country_dyads_of(urged) == [("0253", "urged", "PER", "CHL")]
    demanded = extract_text("Peru demanded that Chile release the fishermen.")
    assert country_dyads_of(demanded) == [("1053", "demanded", "PER", "CHL")]


def test_lifting_a_blockade_reports_no_blockade(extract_text):
    lifted = extract_text("Peru lifted its blockade of Chilean ports.")
    assert [(e.cameo_code, e.trigger_text) for e in lifted.events] == [("0872", "lifted")]


def test_a_one_sided_offensive_stays_a_fight(extract_text):
    # a head of government (IRQGOV), no one named on the other side
    result = extract_text("Prime Minister Nouri al-Maliki launched an offensive on Tuesday.")
    assert [e.cameo_code[:2] for e in result.events] == ["19"]


def test_a_general_verb_of_the_cooperation_blocks_is_no_event_alone(extract_text):
    # CAMEO.2.0 codes these bare verbs 060 (their blocks' code): none is cooperation here
    for sentence in (
        "The Peruvian holding company controls 51% of a Chilean bank.",
        "The Peruvian exchange combines the Lima and Santiago markets.",
        "Peru's court ruled that Chile could not extend the pact.",
        "The Peruvian conductor founded the Chilean orchestra.",
    ):
        assert extract_text(sentence).events == [], sentence


def test_a_place_deep_in_the_phrase_is_not_whom_the_act_reached(extract_text):
    planned = extract_text("Peru's minister announced plans to limit casinos in Chile.")
    assert [e.target_country_code for e in planned.events] == [None]
    arrived = extract_text("The Peruvian president arrived in Chile on Sunday.")
    assert country_dyads_of(arrived) == [("040", "arrived", "PER", "CHL")]


def test_a_former_member_and_a_country_of_origin_are_not_the_actor(extract_text):
    former = extract_text("Peru asked a former IMF director to run its central bank.")
    assert [e.target_actor_code for e in former.events] == [None]
    based = extract_text("The Chilean-based company criticised Peru.")
    assert [e.source_country_code for e in based.events] == [None]


def test_a_particle_pattern_keeps_the_sense_of_the_verb_it_was_written_for(extract_text):
    # "- * TO [030] # HEAD" of the OVERSEE_MANAGE block: no sense of "lead"
    led = extract_text("The Peruvian scandal led to the resignation of Chile's minister.")
    assert led.events == []


def test_a_noun_with_a_named_apposition_is_the_one_named(extract_text):
    text = (
        "British Foreign Secretary Jack Straw flew to Paris on Monday. "
        "The Labour party's veteran, Mr Straw, accused France of spying."
    )
    accused = [e for e in extract_text(text).events if e.trigger_text == "accused"]
    assert [(e.source_actor_key, e.target_actor_key) for e in accused] == [
        ("person:jack straw", "country:france")
    ]


def test_a_game_score_marks_a_sports_result(extract_text):
    assert extract_text("England beat France 26-21 at Twickenham on Sunday.").events == []
    assert extract_text("Peru's Maria Diaz strikes gold in Chile.").events == []
    kept = extract_text("Peru accused Chile of recruiting 18-25 year olds.")
    assert [e.cameo_code for e in kept.events] == ["112"]


def test_an_event_noun_is_coded_by_what_its_of_phrase_names(extract_text):
    suspended = extract_text("Peru announced a suspension of diplomatic ties with Chile.")
    assert [(e.cameo_code, e.source_country_code) for e in suspended.events] == [("161", "PER")]
    player = extract_text("Peru announced the suspension of its goalkeeper.")
    assert player.events == []


def test_what_is_claimed_or_feared_is_no_event(extract_text):
    claimed = extract_text("The deal proved claims of a clash between Peru and Chile were wrong.")
    assert claimed.events == []
    feared = extract_text("Fears of an attack by Peru on Chile grew.")
    assert feared.events == []


def test_a_place_is_whom_only_a_meeting_or_visit_reached(extract_text):
    argued = extract_text("The Peruvian minister argued for the plan in the Chilean Senate.")
    assert [e.target_actor_key for e in argued.events] == [None]
    shared = extract_text("Peru shares the same values as Chile.")
    assert shared.events == []


def test_a_participle_after_a_preposition_describes(nlp):
    # the parse the model gave a sentence of this shape: "assassinated" a relative
    # clause of "Shares", past tense, with the company as its subject
    words = ["Shares", "of", "the", "firm", "founded", "by", "assassinated", "president", "Diaz"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[0, 0, 3, 1, 3, 4, 0, 8, 6],
        deps=["ROOT", "prep", "det", "pobj", "acl", "agent", "relcl", "compound", "dobj"],
        pos=["NOUN", "ADP", "DET", "NOUN", "VERB", "ADP", "VERB", "PROPN", "PROPN"],
        tags=["NNS", "IN", "DT", "NN", "VBN", "IN", "VBD", "NNP", "NNP"],
        lemmas=["share", "of", "the", "firm", "found", "by", "assassinate", "president", "Diaz"],
        sent_starts=[True] + [False] * 8,
    )
    assert [f.head.text for f in sentence_frames(doc[:])] == []


def test_a_pattern_preposition_is_the_verbs_not_one_deep_in_its_phrase(extract_text):
    # "- * (FOR) [042:043] # HEAD": a particles-only pattern of another verb of ORDER's block
    ordered = extract_text(
        "The Peruvian committee ordered a rewrite of the rules for Chilean banks."
    )
    assert [e.cameo_code for e in ordered.events] == ["100"]
    # "- * (WITH) [046:046]": the "with" of "a rift with Chile" is not the speaking's
    text = "The Peruvian president was speaking to reporters amid rumours of a rift with Chile."
    assert extract_text(text).events == []


def test_thinking_consults_no_one_and_passing_secrets_shares_them(extract_text):
    thought = extract_text("The Peruvian minister is thought likely to attend Chile's summit.")
    assert [e.trigger_text for e in thought.events] == ["attend"]
    passed = extract_text("The Peruvian spy began passing secrets to Chilean intelligence.")
    assert [e.cameo_code for e in passed.events] == ["064"]


def test_a_phrase_set_aside_or_compared_names_no_target(extract_text):
    despite = extract_text(
        "The Peruvian minister wanted the ban to end, despite Chilean objections."
    )
    assert [(e.cameo_code, e.target_country_code) for e in despite.events] == [("030", None)]
    similar = extract_text("Peru is proposing a points system similar to Chile's.")
    assert [e.target_country_code for e in similar.events] == [None]


def test_a_passive_by_phrase_is_its_source_not_words_of_a_pattern(extract_text):
    # "- * TEAM [036] # SEND": the team here is who sent, not what was sent
    text = "A message sent to a Chilean bank by Peru's security team said it was fine."
    assert [e.cameo_code for e in extract_text(text).events] != ["036"]


def test_a_condition_a_distant_detail_or_a_hearing_is_no_event(extract_text):
    conditional = extract_text("He said Peru was naive if it accepted Chile's claim.")
    assert [e.trigger_text for e in conditional.events] == []
    deep = extract_text(
        "Peru rejected calls for the publication of advice on the legality of Chile's war."
    )
    rejected = [e for e in deep.events if e.trigger_text == "rejected"]
    assert [e.target_country_code for e in rejected] == [None]
    heard = extract_text("A Peruvian judge will hear motions from the Chilean bank.")
    assert heard.events == []


def test_ones_own_country_is_no_counterpart_of_a_domestic_act(extract_text):
    home = extract_text("Peruvian President Juan Ortega arrived in Peru on Sunday.")
    assert country_dyads_of(home) == [("040", "arrived", "PER", None)]
    owned = extract_text(
        "Peruvian President Juan Ortega pledged to clamp down on Peru's compensation culture."
    )
    assert [(e.source_country_code, e.target_country_code) for e in owned.events] == [("PER", None)]
    # the country's agents are still the country
    sued = extract_text("The Peruvian mining company Minera Andina sued the Peruvian government.")
    assert [(e.source_country_code, e.target_country_code) for e in sued.events] == [("PER", "PER")]


def test_a_counterpart_noun_does_not_stand_for_whom_it_names(extract_text):
    # the other side of a relation is not who the noun stands for ...
    opponents = extract_text("The Chilean minister met opponents of the Peruvian government.")
    assert country_dyads_of(opponents) == [("040", "met", "CHL", None)]
    possessed = extract_text("The Chilean minister met the Peruvian government's critics.")
    assert country_dyads_of(possessed) == [("040", "met", "CHL", None)]
    # ... while its own origin is its own, and a crowd of people is its members
    own = extract_text("Peruvian opponents of the government met the Chilean ambassador.")
    assert country_dyads_of(own) == [("040", "met", "PER", "CHL")]
    members = extract_text("Thousands of Peruvian farmers attacked the Chilean embassy.")
    assert country_dyads_of(members) == [("190", "attacked", "PER", "CHL")]


def test_a_clause_set_in_commas_takes_no_target_from_the_sentence_around_it(extract_text):
    aside = extract_text(
        "The gap was narrow - as proved, Peruvian officials claimed, by the defection to"
        " Chile of a general - that only their party offered an alternative."
    )
    claimed = [e for e in aside.events if e.trigger_text == "claimed"]
    assert [(e.source_country_code, e.target_country_code) for e in claimed] == [("PER", None)]
    # a verb's own opening phrase does not make it an aside
    opened = extract_text("Today, Peruvian officials accused, in a statement, Chile of attacks.")
    assert [(e.source_country_code, e.target_country_code) for e in opened.events] == [
        ("PER", "CHL")
    ]


def test_of_two_subjects_the_parser_hangs_on_a_verb_the_nearer_is_its(extract_text):
    # the parser makes both Straw and "embargoes" subjects of "returned"; Straw did not
    # return to Burma
    text = (
        "British Foreign Secretary Jack Straw visited China on Monday. "
        "Mr Straw, visiting Beijing, noted arms embargoes returned to Burma and Zimbabwe."
    )
    returned = [e for e in extract_text(text).events if e.trigger_text == "returned"]
    assert [(e.source_actor_key, e.target_country_code) for e in returned] == [
        (None, "MMR"),
        (None, "ZWE"),
    ]
    # a hyphen the parser makes a second subject is no word of the subject's
    hyphen = extract_text("The Tory co-chairman attacked Labour's six new pledges.")
    assert country_dyads_of(hyphen) == [("111", "attacked", "GBR", "GBR")]


def test_a_relative_clause_on_an_apposition_is_the_named_ones_act(extract_text):
    # "Sir Juan Perez, the Labour backbencher who challenged": Perez, not Labour
    text = (
        "Sir Juan Perez, the Labour backbencher who challenged Tony Blair for the party"
        " leadership in 1999, has died."
    )
    challenged = extract_text(text).events
    assert [(e.cameo_code, e.source_actor_key, e.target_actor_key) for e in challenged] == [
        ("1041", "person:juan perez", "person:tony blair")
    ]


def test_a_headline_past_form_is_a_passive(extract_text):
    # headlines drop the passive's auxiliary and tell deeds in the present tense
    attacked = extract_text("Peru attacked on Chile trade\nPeru's minister spoke today.")
    assert country_dyads_of(attacked) == [("190", "attacked", None, "PER")]
    attacks = extract_text("Peru attacks Chile's ships near Lima\nPeru's minister spoke today.")
    assert country_dyads_of(attacks) == [("190", "attacks", "PER", "CHL")]
    # a sentence with its stop is no headline
    told = extract_text("Peru attacked Chile's ships near Lima.")
    assert country_dyads_of(told) == [("190", "attacked", "PER", "CHL")]


def test_an_agent_its_countrys_name_modifies_takes_the_agents_code(extract_text):
    # the agents dictionary's role beside the country the text gives the agent
    text = "Peru's information minister criticised the Chilean commander and a Bolivian company."
    codes = [(e.source_actor_code, e.target_actor_code) for e in extract_text(text).events]
    assert codes == [("PERGOVMED", "CHLMIL"), ("PERGOVMED", "BOLBUS")]
    # a country named as itself keeps its own code
    named = extract_text("Peru criticised Chile.")
    assert [(e.source_actor_code, e.target_actor_code) for e in named.events] == [("PER", "CHL")]


def test_a_club_of_nations_named_after_a_city_is_not_that_citys_country(extract_text):
    # the Paris Club is creditor nations, not France; a local body's city still places it
    club = extract_text("Peru accepted the Paris Club offer on Monday.")
    assert country_dyads_of(club) == [("030", "accepted", "PER", None)]
    exchange = extract_text("Chile criticised the Lima Stock Exchange on Monday.")
    assert country_dyads_of(exchange) == [("111", "criticised", "CHL", "PER")]


def test_a_firm_its_countrys_name_modifies_is_that_countrys_business(extract_text):
    pulled = extract_text("A Chilean firm pulled out of Peru.")
    assert [(e.source_actor_code, e.target_actor_code) for e in pulled.events] == [
        ("CHLBUS", "PER")
    ]


def test_what_a_speaker_says_a_thing_would_do_is_a_forecast(extract_text):
    # a thing cannot intend: "would" of it is the speaker's forecast, no event
    forecast = extract_text("Peru's minister said Chile's new rules would force Bolivia to act.")
    assert country_dyads_of(forecast) == []
    # of an actor, the reported "would" is its intention (a threat, for coercion)
    threat = extract_text("Peru's minister said Chile would force Bolivia to act.")
    assert country_dyads_of(threat) == [("130", "force", "CHL", "BOL")]


def test_a_hope_a_name_or_a_claim_appeals_to_no_one(nlp, extract_text):
    # "hopes" (parsed with the lemma "hop") is the dictionary's HOPE: a pattern codes it
    assert events_of(extract_text("Peru hopes to join the WTO.")) == []
    hoped = extract_text("Peru hoped for peace with Chile.")
    assert country_dyads_of(hoped) == [("013", "hoped", "PER", "CHL")]
    # the preposition after an object's predicate is the predicate's, not "call for"
    # (the parser hangs this "for" on "called")
    naming = nlp("Garcia called Labour a brilliant machine for talking about things.")
    assert verb_rule(naming[1]) is None
    # "are" is no subjunctive: a claim, not a suggestion to act
    claim = extract_text("Peru's president suggested the Chileans are soft on crime.")
    assert [e for e in claim.events if e.trigger_text == "suggested"] == []


def test_an_opening_he_continues_the_last_sentences_subject(extract_text):
    # not the last person named: the subject before, by name or by an earlier title
    titled = extract_text(
        "Peruvian President Alan Garcia spoke in Lima on Monday. On Tuesday the Peruvian "
        "president met Chilean President Ricardo Lagos in Santiago. "
        "He is due to visit Bolivia on Friday."
    )
    visit = next(e for e in titled.events if e.cameo_code == "042")
    assert (visit.source_actor_key, visit.target_country_code) == ("person:alan garcia", "BOL")
    named = extract_text(
        "Alan Garcia of Peru criticised Chilean President Ricardo Lagos on Monday. "
        "He accused Chile of hoarding water."
    )
    assert country_dyads_of(named)[-1] == ("112", "accused", "PER", "CHL")
    # through an opening "he" before it, to whom that one continued
    chained = extract_text(
        "Alan Garcia of Peru spoke in Lima on Monday. He flew to Santiago, where he met "
        "Chilean President Ricardo Lagos. He is due to visit Bolivia on Friday."
    )
    visit = next(e for e in chained.events if e.cameo_code == "042")
    assert visit.source_actor_key == "person:alan garcia"
    # not from outside a quotation into it: the quoted "he" is the one quoted about
    quoted = extract_text(
        "Alan Garcia of Peru spoke in Lima on Monday. He said Chilean President Ricardo "
        'Lagos was honest: "He was the first to ask for the inquiry. He accused Bolivia '
        'of lying."'
    )
    accused = next(e for e in quoted.events if e.trigger_text == "accused")
    assert accused.source_actor_key == "person:ricardo lagos"
    # a later "he" of a sentence that opens with "he" is the opening one
    later = extract_text(
        "Alan Garcia of Peru spoke in Lima on Monday. He phoned Chilean President Ricardo "
        "Lagos before he accused Bolivia of lying."
    )
    accused = next(e for e in later.events if e.trigger_text == "accused")
    assert accused.source_actor_key == "person:alan garcia"


def test_an_open_question_is_no_event(extract_text):
    assert (
        extract_text("A Peruvian court will decide whether to block Chile's exports.").events == []
    )
    blocked = extract_text("A Peruvian court blocked Chile's exports.")
    assert country_dyads_of(blocked) == [("144", "blocked", "PER", "CHL")]
