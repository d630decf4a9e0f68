"""Publication dates come from a sidecar, a dateline at the very top, or the file name."""

from datetime import date

import pytest

from extractors.nlp.publication import (
    Publication,
    dateline_agency,
    dateline_date,
    file_name_date,
    publication,
)


@pytest.mark.parametrize(
    "top,expected",
    [
        ("Rates held\n\nFRANKFURT, 8 March 2012 - The central bank kept", date(2012, 3, 8)),
        ("OTTAWA, Nov. 3, 2015 (Reuters) - Canada's new cabinet", date(2015, 11, 3)),
        ("CAIRO, Thursday, June 5, 2014 (AFP) — Voters", date(2014, 6, 5)),
        ("Storm nears\nSAN JUAN, Puerto Rico, Sept. 19, 2017 (AP) — Winds", date(2017, 9, 19)),
        ("Wheat harvest\nCANBERRA 1997-02-11\nFarmers expect a record", date(1997, 2, 11)),
        ("Harbour dues rise\nGDANSK, Poland 1997-02-11\nThe port said", date(1997, 2, 11)),
        ("Budget row\n\nPublished: 14 May 2019\nThe treasury said", date(2019, 5, 14)),
        ("Updated Feb. 2, 2021 6:45 a.m. ET\nSnow closed schools", date(2021, 2, 2)),
        ("First published on 3rd of July 2018\nA ferry", date(2018, 7, 3)),
        ("Posted 2019-10-30 by the newsdesk\nA bridge", date(2019, 10, 30)),
        ("2016-09-27 14:03 UTC\nOil prices rose", date(2016, 9, 27)),
        ("2020-01-15T08:30:00Z | Markets\nStocks fell", date(2020, 1, 15)),
        ("Monday 6 January 2020 - Floods\nRivers burst", date(2020, 1, 6)),
    ],
)
def test_datelines_at_the_top(top, expected):
    assert dateline_date(top) == expected


def test_a_year_less_wire_dateline_takes_the_year_of_the_file_name_date():
    wire = "Talks resume\n\nNAIROBI, March 2 (Reuters) - Negotiators met again"
    assert dateline_date(wire) is None  # no year: not guessed
    assert dateline_date(wire, reference=date(2010, 3, 2)) == date(2010, 3, 2)
    # a January file dated "December 30" is last year's
    late = "MOSCOW, Dec. 30 (Reuters) - The rouble fell"
    assert dateline_date(late, reference=date(2011, 1, 2)) == date(2010, 12, 30)
    assert publication("wire_2011-01-02.txt", late, {}) == Publication(
        date(2010, 12, 30), "dateline"
    )


def test_a_dateline_without_a_date_ends_the_search():
    text = "WASHINGTON (AP) — The Senate voted on Tuesday.\nPublished: 14 May 2019"
    assert dateline_date(text) is None
    assert publication("ap/story.txt", text, {}) == Publication(None, None)
    assert publication("ap/2019-05-14 story.txt", text, {}) == Publication(
        date(2019, 5, 14), "file_name"
    )


@pytest.mark.parametrize(
    "top,agency",
    [
        ("OTTAWA, Nov. 3, 2015 (Reuters) - Canada's new cabinet", "Reuters"),
        ("Storm nears\nSAN JUAN, Puerto Rico, Sept. 19, 2017 (AP) — Winds", "AP"),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "AP"),
        ("Rates held\n\nFRANKFURT, 8 March 2012 - The central bank kept", None),
        # a BBC article: headline and prose, no dateline at all
        ("Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant", None),
        # a bracket in the prose is no dateline
        ("Talks\n\nThe minister (Labour) said on Monday (in Paris) that", None),
    ],
)
def test_the_agency_a_dateline_names(top, agency):
    assert dateline_agency(top) == agency


@pytest.mark.parametrize(
    "body",
    [
        # BBC-like articles: a headline, then prose that mentions dates
        "Author dies at 84\n\nThe novelist, who has died at 84, was born on 5 April 1920 in "
        "Luton.\n\nHis first book sold a million copies.",
        "Firms win more time\n\nRegulators extended the deadline until 15 July 2006.",
        "Tourism recovers\n\nVisitor numbers have recovered since 11 September 2001, the "
        "board said.",
        "Mobiles turn 20\n\nPhones are 20 years old.\n\n1 January 1985 saw the first call.",
        # a match preview's kick-off line has no year; "2000 GMT" is a time
        "Leeds v Bath\n\nHeadingley\n\nFriday, 25 February\n\n2000 GMT\n\nLeeds make changes.",
        # a date deeper than the top lines is body text
        "A\n\nB\n\nC\n\nD\n\nLONDON, 24 April 2016 - this is no dateline any more",
        "Quiet year\n\nIn a statement dated 3 March 2004, the club thanked its fans.",
    ],
)
def test_dates_in_the_body_give_no_publication_date(body):
    assert publication("business/004.txt", body, {}) == Publication(None, None)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("huff-post_2016-09-27_latinos-share-their-most.txt", date(2016, 9, 27)),
        ("reuters/20160927-oil.txt", date(2016, 9, 27)),
        ("2016/09/27/story.txt", date(2016, 9, 27)),
        ("feeds/2015-01-01/wire_2017_01_02.txt", date(2017, 1, 2)),  # nearest the name
        ("000_3ae85de6b780ec68.txt", None),  # the seed: a hash, no date
        ("business/004.txt", None),
        ("ab20160927.txt", None),  # digits glued to letters are an id, not a date
        ("report_2016-13-01.txt", None),  # no month 13
        ("2016-02-30.txt", None),
    ],
)
def test_file_name_dates(name, expected):
    assert file_name_date(name) == expected


def test_sources_in_order_of_trust():
    wire = "Vote delayed\n\nBRUSSELS, 12 June 2018 - Ministers"
    sidecar = {"published_date": date(2018, 6, 13)}
    assert publication("eu_2018-06-11.txt", wire, sidecar) == Publication(
        date(2018, 6, 13), "sidecar"
    )
    assert publication("eu_2018-06-11.txt", wire, {}) == Publication(date(2018, 6, 12), "dateline")
    assert publication("eu_2018-06-11.txt", "Vote delayed\n\nMinisters met.", {}) == Publication(
        date(2018, 6, 11), "file_name"
    )
    # a sidecar without a date leaves the text and the name to decide
    assert publication("eu.txt", wire, {"title": "T"}) == Publication(date(2018, 6, 12), "dateline")
