"""Which temporal expression dates which trigger (`event_date`), on parsed sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from chancery.nlp.event_dates import event_date, published_date
from chancery.records import DateValue

pytestmark = pytest.mark.model


def parse(nlp, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def token(doc: Doc, text: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == text][nth]


def date_of(nlp, text: str, published: str | None, trigger: str, previous: DateValue | None = None,
            future: bool = False) -> tuple[DateValue, DateValue | None]:
    doc = parse(nlp, text, published)
    return event_date(doc, token(doc, trigger), previous, future)


def test_expression_in_the_triggers_own_clause(nlp):
    date, planned = date_of(nlp, "The republic recognised the breakaway region on Tuesday.", "2022-07-14",
                            "recognised")
    assert (date.value, date.precision, date.text, date.basis) == ("2022-07-12", "day", "Tuesday", "text")
    assert planned is None


def test_expression_of_another_verb_is_not_taken(nlp):
    text = "The republic, which had recognised the region in 2008, cut diplomatic ties with Georgia on Tuesday."
    doc = parse(nlp, text, "2022-07-14")
    assert event_date(doc, token(doc, "recognised"))[0].value == "2008"
    assert event_date(doc, token(doc, "cut"))[0].value == "2022-07-12"


def test_reporting_verb_dates_the_reported_event(nlp):
    date, _ = date_of(nlp, "The government said on Monday that it was opening diplomatic relations with Chile.",
                      "2018-05-01", "opening")
    assert date.value == "2018-04-30"


def test_no_expression_falls_back_to_publication(nlp):
    date, planned = date_of(nlp, "The kingdom has recognised the republic.", "2021-03-04", "recognised")
    assert date == DateValue("2021-03-04", "day", None, "published")
    assert planned is None
    date, _ = date_of(nlp, "The kingdom has recognised the republic.", "2021-03", "recognised")
    assert date == DateValue("2021-03", "month", None, "published")
    date, _ = date_of(nlp, "The kingdom has recognised the republic.", None, "recognised")
    assert date == DateValue(None, None, None, None)


def test_relative_expression_without_publication_gives_no_value(nlp):
    date, _ = date_of(nlp, "The kingdom recognised the republic on Wednesday.", None, "recognised")
    assert date.value is None


def test_event_relative_offset_applies_to_the_previous_event(nlp):
    previous = DateValue("2022-07-12", "day", "Tuesday", "text")
    text = "A day after the talks were launched, the country decided to recognise the republics."
    date, _ = date_of(nlp, text, "2022-07-20", "decided", previous=previous)
    assert (date.value, date.text) == ("2022-07-13", "A day after")
    date, _ = date_of(nlp, "The neighbouring state cut its ties the next day.", "2022-07-20", "cut",
                      previous=previous)
    assert date.value == "2022-07-13"


def test_event_relative_offset_without_a_dated_previous_event_falls_back(nlp):
    published = DateValue("2022-07-20", "day", None, "published")
    date, _ = date_of(nlp, "The neighbouring state cut its ties the next day.", "2022-07-20", "cut",
                      previous=published)
    assert date.basis == "published"


def test_future_event_is_dated_by_the_statement_and_planned_by_its_own_expression(nlp):
    text = "The foreign minister said on Monday that the country will recognise the state in September."
    date, planned = date_of(nlp, text, "2023-06-14", "recognise", future=True)
    assert (date.value, date.text) == ("2023-06-12", "Monday")
    assert planned is not None
    assert (planned.value, planned.precision) == ("2023-09", "month")


def test_future_weekday_goes_forward(nlp):
    text = "The minister said the two states will establish relations on Friday."
    date, planned = date_of(nlp, text, "2022-07-14", "establish", future=True)
    assert date.basis == "published"
    assert planned is not None and planned.value == "2022-07-15"


def test_linked_neighbour_sentence_dates_the_same_act(nlp):
    text = ("The two rivals restored full diplomatic relations. The announcement came on Friday (March 10) "
            "from both capitals.")
    date, _ = date_of(nlp, text, "2023-03-11", "restored")
    assert (date.value, date.basis) == ("2023-03-10", "text")


def test_unlinked_neighbour_sentence_is_not_used(nlp):
    text = "The two rivals restored full diplomatic relations. The ministers met on Friday to discuss trade."
    date, _ = date_of(nlp, text, "2023-03-11", "restored")
    assert date.basis == "published"


def test_coordinated_verbs_share_a_date(nlp):
    text = "The island state cut its ties with Taipei and opened relations with Beijing on Monday."
    date, _ = date_of(nlp, text, "2017-06-14", "cut")
    assert date.value == "2017-06-12"


def test_published_date_helper():
    assert published_date("2022-07-14") == DateValue("2022-07-14", "day", None, "published")
    assert published_date("garbage") == DateValue(None, None, None, None)
