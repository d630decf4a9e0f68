import csv

import pycountry
import pytest

from extractors import lexicons
from extractors.lexicons import LEXICON_DIR
from extractors.lexicons.gazetteer import (
    country_name,
    demonym,
    find_place,
    find_sector,
    group_head,
)
from extractors.tools.seeds import SEED_DIR, lexicon_seeds


def _rows(name: str) -> list[dict[str, str]]:
    with (LEXICON_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_dbt_seeds_are_the_extractor_tables():
    """dbt reads the same facts: regenerate with `make seeds`."""
    for name, text in lexicon_seeds().items():
        assert (SEED_DIR / name).read_text(encoding="utf-8") == text, name


def test_places_are_iso_countries_and_unique():
    codes = {c.alpha_3 for c in pycountry.countries}
    rows = _rows("places.csv")
    assert {r["alpha3"] for r in rows} <= codes
    assert {r["kind"] for r in rows} <= {"canonical", "alias", "demonym", "capital", "city"}
    names = [r["name"].lower() for r in rows]
    assert len(names) == len(set(names))


def test_sectors_are_plover_codes():
    with (SEED_DIR / "plover_sectors.csv").open(encoding="utf-8", newline="") as handle:
        plover = {r["sector_code"] for r in csv.DictReader(handle)}
    rows = _rows("sectors.csv")
    assert {r["sector"] for r in rows} <= plover
    assert {r["group_head"] for r in rows} <= {"", "alone", "modified"}


def test_lookups():
    assert find_place("the U.S.").alpha3 == "USA"
    assert (find_place("Iraqis").alpha3, find_place("Iraqis").kind) == ("IRQ", "demonym")
    assert find_place("Tehran").kind == "capital"
    assert country_name("IRN") == "Iran"
    assert demonym("USA") == "American"
    assert find_sector("senior lawmaker") == "LEG"
    assert find_sector("deputy prime minister") == "GOV"
    assert find_sector("Major-General") == "MIL"
    assert find_sector("clerics") == "REL"  # plurals of terms
    assert find_sector("baker") is None
    assert group_head("militiamen") == "alone"
    assert group_head("officials") == "modified"
    assert group_head("delegation") is None


@pytest.mark.parametrize(
    ("name", "alpha3", "kind", "overrides_ner"),
    [
        ("Sheffield", "GBR", "city", False),  # GeoNames, not a hand list
        ("London", "GBR", "capital", True),  # the most populous of its name (not Ontario's)
        ("Basra", "IRQ", "city", True),  # by another Latin-script name of a big city
        ("Chelsea", "GBR", "city", False),  # a town's name may still be a club's
        ("Newcastle", "GBR", "city", True),  # places.csv, with its note, over GeoNames
    ],
)
def test_geonames_cities(name, alpha3, kind, overrides_ner):
    place = find_place(name)
    assert (place.alpha3, place.kind, place.overrides_ner) == (alpha3, kind, overrides_ner)


def test_english_words_are_no_cities():
    assert find_place("The") is None
    assert find_place("Of") is None


def test_airport_codes_are_no_cities():
    # GeoNames lists IATA codes among other names: "SBC" (a Brazilian city) would make
    # SBC Communications Brazilian; a mixed-case other name still counts ("Basra" above)
    assert find_place("SBC") is None
    assert find_place("CAB") is None


def test_every_curated_city_says_why_geonames_is_not_enough():
    rows = [r for r in lexicons.rows("places") if r["kind"] in ("capital", "city")]
    assert rows and all(r["note"] for r in rows)


def test_a_us_state_is_the_state_not_a_foreign_town():
    # GeoNames' cities alone give "Virginia" to a South African town
    assert (find_place("Virginia").alpha3, find_place("Virginia").kind) == ("USA", "region")
    # a US city, a capital and a country keep their names
    assert find_place("New York").kind == "city"
    assert find_place("Washington").kind == "capital"
    assert find_place("Georgia").alpha3 == "GEO"
