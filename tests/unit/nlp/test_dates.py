from datetime import date

from extractors.nlp.dates import resolve

PUBLISHED = date(2008, 4, 24)  # a Thursday


def test_weekdays_and_relative_expressions():
    assert resolve("on Wednesday", PUBLISHED) == date(2008, 4, 23)
    assert resolve("Wednesday afternoon", PUBLISHED) == date(2008, 4, 23)
    assert resolve("Thursday", PUBLISHED) == PUBLISHED
    assert resolve("Friday", PUBLISHED, future=True) == date(2008, 4, 25)
    assert resolve("yesterday", PUBLISHED) == date(2008, 4, 23)
    assert resolve("last week", PUBLISHED) == date(2008, 4, 14)
    assert resolve("this week", PUBLISHED) == date(2008, 4, 21)
    assert resolve("last month", PUBLISHED) == date(2008, 3, 1)


def test_months_and_explicit_dates():
    assert resolve("in late March", PUBLISHED) == date(2008, 3, 21)
    assert resolve("early April", PUBLISHED) == date(2008, 4, 1)
    assert resolve("Dec. 12", PUBLISHED) == date(2007, 12, 12)
    assert resolve("April 24, 2008", None) == date(2008, 4, 24)
    assert resolve("24 April 2008", None) == date(2008, 4, 24)
    assert resolve("2003", None) == date(2003, 1, 1)


def test_unresolvable_without_publication_date():
    assert resolve("on Wednesday", None) is None
    assert resolve("last week", None) is None
    assert resolve("in late March", None) is None
    assert resolve("the night", PUBLISHED) is None
    assert resolve("in the 1980s", PUBLISHED) is None
