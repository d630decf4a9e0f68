"""The Phoenix actor dictionaries compiled to a lexicon: entries, other names and codes."""

import pytest

from extractors.lexicons import LEXICON_DIR
from extractors.lexicons.actor_dictionary import DICTIONARIES, actor_rows, actors_csv
from tests.support.paths import SHARED

PETRARCH = SHARED / "reference" / "petrarch2"

# The dictionaries' format (dictionaries.rst), with names made up here.
SAMPLE = """\
# a comment line
ANNA_KOWALCZYK_  # CountryInfo.txt
+PRESIDENT_ANNA_KOWALCZYK_
\t[POLELI 900101-041231]
\t[POLGOV 050101-091231]
\t[POLELI]
NORTHWIND_AUTOMOTIVE_\t[MNCDEU]\t# a company
UNITED_WIDGET_ORGANIZATION_ [IGOWID]
+UWO
PATTERN_WITH_!STEM!_ [USAGOV]
"""


@pytest.fixture
def sample_dir(tmp_path):
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        (tmp_path / name).write_text(SAMPLE if "Countries" in name else "", encoding="utf-8")
    (tmp_path / "Phoenix.MilNonState.actors.txt").write_text("", encoding="utf-8")
    return tmp_path


def test_entries_other_names_codes_and_countries(sample_dir):
    rows = {r["name"]: r for r in actor_rows([sample_dir / n for n in DICTIONARIES])}
    assert set(rows) == {
        "anna kowalczyk",
        "president anna kowalczyk",
        "northwind automotive",
        "united widget organization",
        "uwo",
    }
    assert rows["president anna kowalczyk"]["primary_name"] == "Anna Kowalczyk"
    assert rows["anna kowalczyk"]["cameo_code"] == "POLELI"  # the undated code
    assert rows["anna kowalczyk"]["dated_codes"] == (
        "POLELI 19900101 20041231;POLGOV 20050101 20091231"
    )
    assert rows["anna kowalczyk"]["country_code"] == "POL"
    assert rows["northwind automotive"]["country_code"] == "DEU"  # MNC + country
    assert rows["uwo"]["cameo_code"] == "IGOWID"
    assert rows["uwo"]["country_code"] == ""  # an international body has none


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="needs ../shared/reference/petrarch2")
def test_the_shipped_lexicon_is_the_compiled_dictionaries():
    shipped = (LEXICON_DIR / "phoenix_actors.csv").read_text(encoding="utf-8")
    assert shipped == actors_csv([PETRARCH / name for name in DICTIONARIES])
    licence = (LEXICON_DIR / "petrarch2" / "LICENSE").read_text(encoding="utf-8")
    assert licence == (PETRARCH / "LICENSE").read_text(encoding="utf-8")
