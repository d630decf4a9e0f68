"""Names as a corpus needs them: honorifics, party nicknames, dictionary countries and
entity spans that stop where the name stops. Sentences written here."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extractors.nlp.actors import extract_actors
from extractors.nlp.actors.classification import label_by_head, org_country
from extractors.nlp.actors.mentions import RawMention, one_kind_per_name


@pytest.fixture(scope="module")
def actors_of(nlp):
    def run(text: str):
        result = extract_actors(nlp(text))
        mentions = {m.text: m for m in result.mentions}
        return result.actors, mentions

    return run


def test_an_honorific_is_the_role_not_the_name(actors_of):
    actors, mentions = actors_of("Gordon Brown spoke first. Later Mr Brown said taxes would fall.")
    assert mentions["Brown"].actor_key == "person:gordon brown"
    assert mentions["Brown"].role == "mr"


def test_a_surname_alone_keeps_its_gendered_honorific_in_the_key(actors_of):
    actors, mentions = actors_of("Mr Brown said taxes would fall, and Mrs Lee agreed with him.")
    assert "person:mr brown" in actors
    assert "person:mrs lee" in actors


def test_mrs_never_joins_a_man_the_text_calls_mr(actors_of):
    actors, _ = actors_of(
        "Tony Blair arrived late. Mr Blair then spoke. Mrs Blair stayed at home in London."
    )
    assert "person:mrs blair" in actors
    assert actors["person:tony blair"].n_mentions == 2


@pytest.mark.parametrize(
    ("text", "surface", "name", "country", "sector"),
    [
        ("The Lib Dems said the plan would fail.", "Lib Dems", "liberal democrats", "GBR", "PTY"),
        ("Voters deserted Labour in the north.", "Labour", "labour party", "GBR", "PTY"),
        ("The Tories promised lower taxes.", "Tories", "conservative party", "GBR", "PTY"),
        ("Turkey's talks with the EU resumed.", "EU", "european union", None, None),
    ],
)
def test_party_and_body_nicknames_are_one_organisation(
    actors_of, text, surface, name, country, sector
):
    actors, mentions = actors_of(text)
    key = f"organization:{name}"
    assert mentions[surface].actor_key == key
    info = actors[key]
    assert (info.kind, info.country_code, info.sector) == ("organization", country, sector)


def test_a_party_in_the_title_places_its_leader(actors_of):
    actors, _ = actors_of("Tory leader Michael Howard attacked the plan on Tuesday.")
    howard = actors["person:michael howard"]
    assert (howard.country_code, howard.sector) == ("GBR", "PTY")


def test_the_phoenix_dictionaries_give_a_country(actors_of):
    actors, _ = actors_of("Alan Greenspan said rates would rise. Sony shares fell.")
    assert actors["person:alan greenspan"].country_code == "USA"
    assert actors["organization:sony"].country_code == "JPN"


def test_a_demonym_before_an_organisation_places_it(actors_of):
    actors, _ = actors_of("Shares in Russian oil firm Vostokneft fell sharply on Friday.")
    [firm] = [a for a in actors.values() if a.kind == "organization"]
    assert firm.country_code == "RUS"


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "The ministers - led out by John Prescott - were soberly suited.",
            "John Prescott",
            "John Prescott - were",
        ),
        (
            "In the talks with Tanzania Mr Brown said the UK would pay.",
            "Brown",
            "Tanzania Mr Brown",
        ),
        ("He thanked David Blunkett\n\nSheffield voters were not told.", "David Blunkett", None),
    ],
)
def test_a_mention_stops_where_the_name_stops(actors_of, text, expected, not_expected):
    _, mentions = actors_of(text)
    assert expected in mentions
    assert not any("\n" in m or " - " in m for m in mentions)
    if not_expected:
        assert not_expected not in mentions


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Leeds United", "PERSON", "ORG"),
        ("Tory Party", "GPE", "ORG"),
        ("Acme Holdings", "NORP", "ORG"),
        ("Royal Mail Group", "GPE", "GPE"),  # "group" does not outweigh a place label
        ("West Bank", "GPE", "GPE"),
        ("United", "PERSON", "PERSON"),  # one word is no name with a head
    ],
)
def test_an_organisations_head_word_outweighs_the_ner_label(nlp, text, label, expected):
    doc = nlp.make_doc(text)
    assert label_by_head(Span(doc, 0, len(doc)), label) == expected


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("London Stock Exchange", "GBR"),
        ("Manchester Wanderers", "GBR"),
        ("Orange Telecom", None),  # a town of 140,000 is not evidence for a firm's name
        ("Manchester", None),  # a name that is only a city is not an organisation's evidence
    ],
)
def test_a_big_city_in_an_organisations_name_places_it(nlp, name, country):
    doc = nlp.make_doc(name)
    assert org_country(Span(doc, 0, len(doc)), []) == country


def test_a_surname_the_ner_called_a_group_is_the_person(actors_of):
    actors, mentions = actors_of(
        "Martin Scorsese's film led the field. Scorsese has never won the award."
    )
    assert mentions["Scorsese"].actor_key == "person:martin scorsese"
    assert not [a for a in actors.values() if a.kind == "group"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("He lost to Australia's Lleyton Hewitt in the final.", "person:lleyton hewitt", "AUS"),
        ("Shares in Russia's Yukos fell again.", "organization:yukos", "RUS"),
    ],
)
def test_a_countrys_possessive_places_the_name_after_it(actors_of, text, name, country):
    actors, _ = actors_of(text)
    assert actors[name].country_code == country


def test_a_role_named_with_a_country_elsewhere_places_only_an_office(actors_of):
    actors, _ = actors_of(
        "Ray star Jamie Foxx is the favourite. British star Clive Owen is nominated too."
    )
    assert actors["person:jamie foxx"].country_code is None
    assert actors["person:clive owen"].country_code == "GBR"


def test_an_organisations_title_makes_every_mention_of_the_name_one(actors_of):
    actors, mentions = actors_of("Oil firm Yukos said it would appeal. Yukos has large debts.")
    assert "person:yukos" not in actors
    assert actors["organization:yukos"].n_mentions == 2


def test_an_honorific_makes_a_name_a_person_wherever_the_ner_said_otherwise(nlp):
    doc = nlp.make_doc("Ebbers Ebbers Ebbers Williams Williams Williams")
    raws = [
        RawMention(doc[0:1], "PERSON", "person", "Ebbers", role="mr"),
        RawMention(doc[1:2], "ORG", "organization", "Ebbers"),
        RawMention(doc[2:3], "ORG", "organization", "Ebbers"),
        RawMention(doc[3:4], "ORG", "organization", "Williams"),
        RawMention(doc[4:5], "ORG", "organization", "Williams"),
        RawMention(doc[5:6], "PERSON", "person", "Williams"),
    ]
    one_kind_per_name(raws)
    assert [r.kind for r in raws] == ["person"] * 3 + ["organization"] * 3


def test_a_noun_that_belongs_to_the_verb_is_no_title(actors_of):
    _, mentions = actors_of("He also attacked the way Tony Blair's government operates.")
    assert mentions["Tony Blair"].role is None


def test_a_place_modifying_another_noun_does_not_place_the_name(actors_of):
    actors, _ = actors_of("The UK Nintendo DS launch line-up is still to be confirmed.")
    assert actors["organization:nintendo"].country_code is None
