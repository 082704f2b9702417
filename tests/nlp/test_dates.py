"""The `chancery_dates` component on a blank pipeline (no model): spans, values, offsets."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from chancery.nlp.pipeline import blank_pipeline


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline(("chancery_dates",))


def run(nlp, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def dates(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(s.text, s._.date.value, s._.date.precision) for s in doc.spans["dates"]]


def test_spans_carry_resolved_values_and_character_offsets(nlp):
    text = "The envoys met on Wednesday and signed the accord on 13 July 2022 in the capital."
    doc = run(nlp, text, "2022-07-14")
    assert dates(doc) == [("Wednesday", "2022-07-13", "day"), ("13 July 2022", "2022-07-13", "day")]
    span = doc.spans["dates"][1]
    value = span._.date
    assert value.basis == "text"
    assert text[value.start:value.end] == "13 July 2022"
    assert value.text == "13 July 2022"


def test_year_boundary(nlp):
    doc = run(nlp, "The two states restored ties on December 30 after a long pause.", "2023-01-03")
    assert dates(doc) == [("December 30", "2022-12-30", "day")]


def test_weekday_with_date_in_brackets_is_one_span(nlp):
    doc = run(nlp, "The accord was announced on Friday (March 10) by both ministries.", "2023-03-11")
    assert dates(doc) == [("Friday (March 10)", "2023-03-10", "day")]


def test_explicit_date_wins_over_an_inconsistent_weekday(nlp):
    doc = run(nlp, "On Thursday, December 18, the minister restated the position.", "2019-12")
    assert dates(doc) == [("Thursday, December 18", "2019-12-18", "day")]


def test_relative_expressions_without_publication_have_no_value(nlp):
    doc = run(nlp, "The ministry said on Wednesday that it had recognised the state in 2008.", None)
    assert dates(doc) == [("Wednesday", None, None), ("2008", "2008", "year")]


def test_future_auxiliary_resolves_forward_without_a_parser(nlp):
    doc = run(nlp, "The ministers will meet on Friday in the capital.", "2022-07-14")
    assert dates(doc) == [("Friday", "2022-07-15", "day")]
    doc = run(nlp, "The ministers met on Friday in the capital.", "2022-07-14")
    assert dates(doc) == [("Friday", "2022-07-08", "day")]


def test_event_relative_expressions_have_offsets_and_no_value(nlp):
    doc = run(nlp, "A day after the talks began, the republic was recognised. Two days later ties followed.",
              "2022-07-14")
    spans = doc.spans["dates"]
    assert [(s.text, s._.date_offset) for s in spans] == [("A day after", 1), ("Two days later", 2)]
    assert all(s._.date.value is None and s._.date.basis == "text" for s in spans)


def test_invalid_date_gives_no_span_and_no_crash(nlp):
    doc = run(nlp, "The summit was planned for 31 February and then for February 30.", "2023-05-01")
    assert dates(doc) == []


def test_partial_and_relative_forms(nlp):
    text = ("Talks resumed around July 12, stalled in mid-July, ended in late June of the next round, "
            "and the office opened last month; earlier this year a visit took place.")
    doc = run(nlp, text, "2023-08-20")
    assert dates(doc) == [
        ("around July 12", "2023-07-12", "day"),
        ("mid-July", "2023-07", "month"),
        ("late June", "2023-06", "month"),
        ("last month", "2023-07", "month"),
        ("earlier this year", "2023", "year"),
    ]


def test_text_without_dates_gets_an_empty_span_group(nlp):
    doc = run(nlp, "The minister praised the decision.", "2023-08-20")
    assert list(doc.spans["dates"]) == []


def test_monthly_publication_gives_month_values(nlp):
    doc = run(nlp, "Yesterday the deal was signed, and today it took effect on Monday.", "2020-09")
    assert dates(doc) == [("Yesterday", None, None), ("today", "2020-09", "month"), ("Monday", "2020-09", "month")]


def test_event_date_without_a_parse_takes_the_nearest_expression(nlp):
    from chancery.nlp.event_dates import event_date

    doc = run(nlp, "In 2008 the council met. The kingdom recognised the republic on Tuesday.", "2022-07-14")
    trigger = [t for t in doc if t.text == "recognised"][0]
    date, planned = event_date(doc, trigger)
    assert (date.value, date.text, planned) == ("2022-07-12", "Tuesday", None)


def test_event_date_on_a_doc_without_date_spans_falls_back_to_publication():
    import spacy

    from chancery.nlp.event_dates import event_date
    from chancery.nlp.extensions import register_extensions

    register_extensions()
    doc = spacy.blank("en")("The kingdom recognised the republic.")
    doc._.published = "2022-07-14"
    date, _ = event_date(doc, doc[2])
    assert (date.value, date.precision, date.basis) == ("2022-07-14", "day", "published")
