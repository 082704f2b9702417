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


def test_sentence_final_reporting_clause_dates_the_reported_event(nlp):
    text = "The island has decided to cut its ties with the republic, the prime minister said Thursday."
    date, _ = date_of(nlp, text, "2022-07-16", "cut")
    assert (date.value, date.text) == ("2022-07-14", "Thursday")


def test_date_modifying_another_noun_is_not_taken(nlp):
    text = ("In the first call since the senator's Jan. 20 swearing-in, the two presidents discussed "
            "the border dispute.")
    date, _ = date_of(nlp, text, "2025-02-12", "discussed")
    assert date.basis == "published"


def test_announced_the_decision_on_a_day_links_to_the_act(nlp):
    text = ("The republic has decided to sever its diplomatic ties with its neighbour. "
            "Its president announced the decision on Friday evening in a televised address.")
    date, _ = date_of(nlp, text, "2024-04-06", "sever")
    assert (date.value, date.text) == ("2024-04-05", "Friday evening")


def test_same_day_offset_follows_the_previous_event(nlp):
    previous = DateValue("2019-09-16", "day", "Monday", "text")
    text = "Earlier that day, the parliament had backed ties with the larger power."
    date, _ = date_of(nlp, text, "2019-09-17", "backed", previous=previous)
    assert (date.value, date.text) == ("2019-09-16", "Earlier that day")


def test_statement_noun_in_a_following_sentence_dates_the_claimed_act(nlp):
    text = ("The archipelago is among the states that have withdrawn their recognition of the province. "
            "This statement was made by the minister on March 3, 2020, at a ceremony.")
    date, _ = date_of(nlp, text, None, "withdrawn")
    assert (date.value, date.basis) == ("2020-03-03", "text")


def test_sentence_referring_back_to_the_decision_continues_the_previous_act(nlp):
    text = ("The kingdom on Friday formally recognised the island republic. A joint declaration "
            "sealed the decision and put mutual recognition in place.")
    doc = parse(nlp, text, "2025-03-08")
    first, _ = event_date(doc, token(doc, "recognised"))
    assert (first.value, first.text) == ("2025-03-07", "Friday")
    second, _ = event_date(doc, token(doc, "recognition"), previous=first)
    assert (second.value, second.text) == ("2025-03-07", "Friday")
    # Without an anaphor the next act is not assumed to be the same one.
    doc = parse(nlp, "The kingdom on Friday formally recognised the island republic. "
                     "A neighbour cut its ties with the kingdom.", "2025-03-08")
    third, _ = event_date(doc, token(doc, "cut"), previous=first)
    assert third.basis == "published"


def test_lead_without_date_takes_the_date_of_the_quoted_statement_that_follows(nlp):
    text = ("The island nation has announced its decision to recognise the state. "
            "\"We stand for a negotiated peace,\" the foreign minister said on Tuesday in a statement.")
    date, _ = date_of(nlp, text, "2024-04-24", "recognise")
    assert (date.value, date.text) == ("2024-04-23", "Tuesday")


def test_a_decision_with_its_own_complement_is_not_an_anaphor(nlp):
    previous = DateValue("2024-04-01", "day", "Monday", "text", 0, 6)
    text = "Earlier talks stalled. The republic announced the decision to recognise the state."
    doc = parse(nlp, text, "2024-04-24")
    date, _ = event_date(doc, token(doc, "recognise"), previous=previous)
    assert date.basis == "published"


def test_participle_adjunct_shares_its_date_with_the_main_clause(nlp):
    text = "Meeting Wednesday at a lakeside resort, the two presidents reached agreement on border patrols."
    date, _ = date_of(nlp, text, "2023-11-16", "reached")
    assert (date.value, date.text) == ("2023-11-15", "Wednesday")


def test_date_of_an_issued_statement_dates_what_it_says(nlp):
    text = "In a statement issued on Monday, the ministry said it had withdrawn its recognition."
    date, _ = date_of(nlp, text, "2021-06-10", "withdrawn")
    assert (date.value, date.text) == ("2021-06-07", "Monday")


def test_restating_clause_in_the_same_sentence_dates_the_reported_act(nlp):
    text = ("The announcement was made yesterday by the foreign minister, who said the country "
            "recognises the republic.")
    date, _ = date_of(nlp, text, "2021-06-10", "recognises")
    assert (date.value, date.text) == ("2021-06-09", "yesterday")


def test_weekday_right_after_a_verb_belongs_to_it(nlp):
    text = "The premier said Tuesday the state would recognise the republic by the end of the year."
    date, planned = date_of(nlp, text, "2021-06-10", "recognise", future=True)
    assert (date.value, date.text) == ("2021-06-08", "Tuesday")
    assert planned is not None and (planned.value, planned.precision) == ("2021", "year")


def test_statement_date_from_a_participle_of_the_reporting_clause(nlp):
    text = "Speaking at a rally on Saturday, the leader vowed never to recognise the province."
    date, planned = date_of(nlp, text, "2021-06-10", "recognise", future=True)
    assert (date.value, date.text, planned) == ("2021-06-05", "Saturday", None)
