"""The PETRARCH verb-dictionary format read as data: sets, verb forms, patterns, codes."""

import pytest

from extractors.lexicons.discards import load_discards
from extractors.lexicons.verb_dictionary import Prep, Term, load_verb_dictionary

# The format of dictionaries.rst, with entries made up here.
SAMPLE = """\
# a comment
&HARBOUR
+DOCK
+QUAY_
+BOAT_YARD

&PLACES_
+&HARBOUR
+TOWN

---  MOOR   [042:043]  ---
MOOR
BERTH {BERTHS BERTHED BERTHING} [040]
+TIE_UP {+TIES_UP +TIED_UP +TYING_UP}
- * (AT &HARBOUR) [046]
- * {NAVAL VESSEL} + [---]
- PIRATES * [180]  # pirates moored
~ a (a b MOOR) SAY = a b 010

---  DRIFT   [---]  ---
DRIFT
- * (TOWARD &PLACES) $ [0871]
"""


@pytest.fixture
def dictionary(tmp_path):
    path = tmp_path / "sample.verbs.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return load_verb_dictionary(path)


def test_synsets_make_plurals_unless_told_not_to(dictionary):
    assert dictionary.synsets["&HARBOUR"] == (
        ("DOCK",),
        ("DOCKS",),
        ("QUAY",),
        ("BOAT", "YARD"),
        ("BOAT", "YARDS"),
    )
    # a set named with "_" makes no plurals; a member set is taken in whole
    assert dictionary.synsets["&PLACES"] == (*dictionary.synsets["&HARBOUR"], ("TOWN",))


def test_verb_forms_codes_and_multi_word_verbs(dictionary):
    moored = dictionary.verbs("moored")
    assert [(v.word, v.code, v.reverse_code) for v in moored] == [("MOOR", "042", "043")]
    # irregular forms replace the regular ones; the verb's own code beats the block's
    assert [v.code for v in dictionary.verbs("berthing")] == ["040"]
    assert dictionary.verbs("berthes") == []
    tied = dictionary.verbs("tied")
    assert [(v.word, v.after) for v in tied] == [("TIE", ("UP",))]  # a form of TIE_UP
    assert [v.code for v in dictionary.verbs("drifts")] == ["---"]


def test_patterns_parse_into_elements(dictionary):
    block = dictionary.blocks[dictionary.verbs("moor")[0].block]
    at, naval, pirates = block
    assert at.after == (Prep("AT", (Term(("&HARBOUR",)),)),) and at.code == "046"
    assert naval.after == (Term(("NAVAL", "VESSEL"), adjacent=False), "+")
    assert naval.code == "---"
    assert pirates.before == (Term(("PIRATES",)),) and pirates.code == "180"
    assert len(dictionary.blocks) == 2  # the transformation line is not a pattern


def test_discards_match_stems_and_whole_words_but_not_dates(tmp_path):
    path = tmp_path / "sample.discards.txt"
    path.write_text(
        "BASEBALL\nGRAND PRIX_\n+WORLD CUP  # the whole story\n2003\nYEARS AGO\n",
        encoding="utf-8",
    )
    discards = load_discards(path)
    assert discards.sentence_hits("The baseballs flew.") == [4]
    assert discards.sentence_hits("the Grand  Prix in Monaco. And baseball.") == [4, 31]
    assert discards.sentence_hits("the Grand Prixes") == []
    assert discards.discards_story("Brazil won the World Cup") == "World Cup"
    assert discards.discards_story("Baseball") is None  # a sentence discard only
    assert discards.sentence_hits("the invasion in 2003, five years ago") == []
