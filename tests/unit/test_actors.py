import pytest

from extractors.actors import extract_actors, normalise_name


def actors_by_name(extraction):
    return {a.canonical_name: a for a in extraction.actors}


def test_normalise_name():
    assert normalise_name("The  United\nStates") == "united states"
    assert normalise_name("Al-Sadr's") == "al-sadr"
    assert normalise_name("Iran’s") == "iran"


def test_seed_required_actor(seed):
    maliki = actors_by_name(seed)["Nouri al-Maliki"]
    assert (maliki.actor_kind, maliki.country_code, maliki.sector) == ("person", "IRQ", "GOV")
    assert maliki.actor_key == "person:nouri al-maliki"
    texts = {m.mention_text for m in seed.mentions if m.actor_key == maliki.actor_key}
    assert {"Nouri al-Maliki", "al-Maliki", "Al-Maliki"} <= texts


@pytest.mark.parametrize(
    ("name", "kind", "country", "sector"),
    [
        ("Sami al-Askari", "person", None, "LEG"),
        ("Muqtada al-Sadr", "person", None, "REL"),
        ("Ali al-Dabbagh", "person", "IRQ", "GOV"),
        ("Jalal al-Din al-Sagheer", "person", "IRQ", "LEG"),
        ("Robert Gates", "person", "USA", "GOV"),
        ("Qassim Moussawi", "person", "IRQ", "MIL"),
        ("Barham Salih", "person", None, "GOV"),
        ("United Iraqi Alliance", "organization", "IRQ", "PTY"),
        ("Mahdi Army", "organization", None, "REB"),
        ("Reuters", "organization", None, "JRN"),
        ("Iraq", "country", "IRQ", None),
        ("Iran", "country", "IRN", None),
        ("United States", "country", "USA", None),
        ("Basra", "location", "IRQ", None),
        ("Qom", "location", "IRN", None),
        ("Sadr City", "location", "IRQ", None),
    ],
)
def test_seed_actor_attributes(seed, name, kind, country, sector):
    actor = actors_by_name(seed)[name]
    assert (actor.actor_kind, actor.country_code, actor.sector) == (kind, country, sector)


def test_seed_aliases_join(seed):
    key_of = {m.mention_text: m.actor_key for m in seed.mentions}
    assert key_of["UIA"] == "organization:united iraqi alliance"
    assert key_of["Al-Sadr"] == "person:muqtada al-sadr"  # from "Al-Sadr's spokesman"
    assert key_of["Al-Sagheer"] == "person:jalal al-din al-sagheer"
    assert key_of["Iraqi"] == "country:iraq"
    assert key_of["U.S."] == key_of["Washington"] == "country:united states"
    assert not any(m.mention_text.endswith("'s") for m in seed.mentions)


def test_seed_roles(seed):
    roles = {m.mention_text: m.role for m in seed.mentions if m.role}
    assert roles["Nouri al-Maliki"] == "prime minister"
    assert roles["Sami al-Askari"] == "senior lawmaker"
    assert roles["Ali al-Dabbagh"] == "government spokesman"
    assert roles["Jalal al-Din al-Sagheer"] == "member of parliament"
    assert roles["Robert Gates"] == "defense secretary"


def test_capital_as_government_or_place(nlp):
    found = extract_actors(nlp("Tehran accused Washington of lying. Crowds gathered in Tehran."))
    keys = [m.actor_key for m in found.mentions]
    assert keys == ["country:iran", "country:united states", "location:tehran"]
    assert found.actors["location:tehran"].country_code == "IRN"


def test_acronym_by_definition_and_initials(nlp):
    doc = nlp(
        "The Kurdistan Workers' Party (PKK) attacked a post. The PKK denied it. "
        "The European Union met. EU ministers agreed."
    )
    found = extract_actors(doc)
    by_text = {m.text: m.actor_key for m in found.mentions}
    assert by_text.get("PKK") == by_text.get("Kurdistan Workers' Party")
    assert by_text["EU"] == by_text["European Union"] == "organization:european union"


def test_surname_joins_full_name_and_demonym_gives_country(nlp):
    found = extract_actors(nlp("French President Emmanuel Macron spoke. Later, Macron left."))
    macron = found.actors["person:emmanuel macron"]
    assert (macron.country_code, macron.sector, macron.n_mentions) == ("FRA", "GOV", 2)
    assert "group:anti-american" not in extract_actors(nlp("anti-American protests")).actors
