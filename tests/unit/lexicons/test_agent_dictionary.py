"""The PETRARCH agents dictionary compiled to a lexicon: sets, plurals, placements."""

import pytest

from extractors.lexicons import LEXICON_DIR
from extractors.lexicons.agent_dictionary import agent_rows, agents_csv
from tests.support.paths import SHARED

PETRARCH = SHARED / "reference" / "petrarch2"

# The dictionary's format (dictionaries.rst), with entries made up here.
SAMPLE = """\
# a comment
!PERSON! = MAN, MEN
HARBOUR_PILOT [~BUS]
FERRY!PERSON! [~BUS]
COAST_GUARD {COAST_GUARDS} [~MIL]
HARBOUR_AUTHORITY_ [~GOV]
RELIEF_MISSION [NGO~]
CLERGY [~REL_]  # no plural
"""


@pytest.fixture
def rows(tmp_path):
    (tmp_path / "Phoenix.agents.txt").write_text(SAMPLE, encoding="utf-8")
    return {
        r["phrase"]: (r["agent_code"], r["placement"])
        for r in agent_rows(tmp_path / "Phoenix.agents.txt")
    }


def test_phrases_sets_and_plurals(rows):
    assert rows == {
        "harbour pilot": ("BUS", "suffix"),
        "harbour pilots": ("BUS", "suffix"),
        "ferryman": ("BUS", "suffix"),
        "ferrymen": ("BUS", "suffix"),
        "coast guard": ("MIL", "suffix"),
        "coast guards": ("MIL", "suffix"),
        "harbour authority": ("GOV", "suffix"),
        "relief mission": ("NGO", "prefix"),
        "relief missions": ("NGO", "prefix"),
        "clergy": ("REL", "suffix"),
    }


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="needs ../shared/reference/petrarch2")
def test_the_shipped_lexicon_is_the_compiled_dictionary():
    shipped = (LEXICON_DIR / "cameo_agents.csv").read_text(encoding="utf-8")
    assert shipped == agents_csv(PETRARCH / "Phoenix.agents.txt"), "run `make seeds`"
