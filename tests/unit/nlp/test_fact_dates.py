"""Statements and events are dated by their own time expression, resolved against the
document's publication date; the expression's span is kept. (The fallback to the
document's date, and the *_date_source columns, are the marts' job: see the e2e test.)"""

from datetime import date

import pytest

from extractors.nlp.pipeline import extract
from tests.support.articles import make_source

THURSDAY = date(2016, 9, 29)
TEXT = (
    "Taxes to fall\n\n"
    "The finance minister said on Monday that taxes would fall next year. "
    "Union leaders told reporters yesterday that they would strike. "
    '"We will not back down," the union\'s general secretary said. '
    "Officials said last week that the bridge was safe. "
    "The mayor said on March 3 that the budget was balanced. "
    "A police spokesman said the attack happened on Tuesday. "
    "According to the ministry, exports rose by 4 percent. "
    "Mexico denies the charges and blames the drought in 2012 for the shortage."
)


def _dated(statements):
    return {
        s.content: (
            s.statement_date,
            None
            if s.statement_date_start_char is None
            else TEXT[s.statement_date_start_char : s.statement_date_end_char],
        )
        for s in statements
    }


@pytest.fixture(scope="module")
def published_on_thursday(nlp):
    return extract(nlp, [make_source(TEXT, sidecar={"published_date": THURSDAY})])


def test_statement_dates_from_the_cue_verbs_time_expression(published_on_thursday):
    assert _dated(published_on_thursday.statements) == {
        # a weekday is the latest such day on or before publication
        "taxes would fall next year": (date(2016, 9, 26), "Monday"),
        "they would strike": (date(2016, 9, 28), "yesterday"),
        "We will not back down": (None, None),
        "the bridge was safe": (date(2016, 9, 19), "last week"),  # that week's Monday
        "the budget was balanced": (date(2016, 3, 3), "March 3"),
        # a date inside what was said dates the attack, not the statement
        "the attack happened on Tuesday": (None, None),
        "exports rose by 4 percent": (None, None),
        "the charges": (None, None),
        # "in 2012" hangs off "blames" but lies inside what is blamed
        "the drought in 2012 for the shortage": (None, None),
    }


def test_without_a_publication_date_only_explicit_dates_resolve(nlp):
    undated = extract(nlp, [make_source(TEXT)])
    assert {content: when for content, when in _dated(undated.statements).items() if when[0]} == {}
    explicit = TEXT.replace("on March 3", "on March 3, 2016")
    dated = extract(nlp, [make_source(explicit)]).statements
    assert [(s.statement_date, s.content) for s in dated if s.statement_date] == [
        (date(2016, 3, 3), "the budget was balanced")
    ]


def test_event_dates_keep_their_time_expression(nlp):
    text = (
        "Russia attacked Ukraine on Wednesday. Germany imposed sanctions on Russia. "
        # the year is the invasion's, not the blame's
        "Poland blames the Russian invasion in 2022 for the crisis."
    )
    result = extract(nlp, [make_source(text, sidecar={"published_date": date(2024, 5, 10)})])
    spans = [
        (
            e.event_date,
            None
            if e.event_date_start_char is None
            else text[e.event_date_start_char : e.event_date_end_char],
        )
        for e in result.events
    ]
    assert spans == [
        (date(2024, 5, 8), "Wednesday"),
        (None, None),
        (None, None),
        (date(2022, 1, 1), "2022"),
    ]


def test_a_wire_dateline_dates_the_document_and_its_weekdays(nlp):
    text = (
        "Port reopens\n\nMOMBASA, Aug. 4, 2016 (Reuters) - Kenya's port authority said on "
        "Tuesday that the harbour had reopened."
    )
    result = extract(nlp, [make_source(text, name="wire/port.txt")])
    (document,) = result.documents
    assert (document.published_date, document.published_date_source) == (
        date(2016, 8, 4),
        "dateline",
    )
    assert [s.statement_date for s in result.statements] == [date(2016, 8, 2)]
