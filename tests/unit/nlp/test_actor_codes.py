"""CAMEO actor codes: countries, dictionary entries on the document's date, and a
country with the agent of a title. Sentences written here."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.nlp.actors import extract_actors
from extractors.nlp.actors.codes import agent


@pytest.mark.parametrize(
    ("text", "key", "code"),
    [
        ("Iraqi police arrested three men in Basra.", "group:iraqi police", "IRQCOP"),
        ("Iraqi police arrested three men in Basra.", "country:iraq", "IRQ"),
        ("Officials briefed the UN on Monday.", "organization:united nations", "IGOUNO"),
        (
            "Rwanda's information minister Joseph Bideri spoke on Monday.",
            "person:joseph bideri",
            "RWAGOVMED",
        ),
    ],
)
def test_codes_from_countries_dictionaries_and_agents(nlp, text, key, code):
    assert extract_actors(nlp(text)).actors[key].cameo_actor_code == code


def test_a_dictionary_role_is_chosen_by_the_documents_date(nlp):
    doc = nlp("Tony Blair met the press in London.")
    codes = [
        extract_actors(doc, day).actors["person:tony blair"].cameo_actor_code
        for day in (date(2005, 3, 1), date(2012, 3, 1), None)
    ]
    # 2012: no range holds it, the default (former); undated: the latest range's role
    assert codes == ["GBRGOV", "GBRELI", "GBRGOV"]


def test_the_longest_agent_phrase_wins():
    assert agent(["army spokesman"]) == ("MED", "suffix")  # later of two one-word phrases
    assert agent(["former interior minister"]) == ("GOV", "suffix")
    assert agent(["weather"]) is None


def test_our_agent_rows_add_what_the_dictionary_lacks():
    # "firm" is not in the Phoenix agents; "central bank", a longer dictionary phrase, wins
    assert agent(["Peruvian firm"]) == ("BUS", "suffix")
    assert agent(["central bank"]) == ("GOVBUS", "suffix")
