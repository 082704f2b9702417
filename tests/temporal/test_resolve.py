"""Pure resolution: parsed expressions (via the grammar) anchored on a publication date."""

from __future__ import annotations

import pytest

from chancery.lang.loader import load_lexicon
from chancery.temporal.grammar import DateGrammar
from chancery.temporal.resolve import (
    TemporalExpression,
    apply_offset,
    parse_reference,
    resolve,
)


@pytest.fixture(scope="module")
def grammar() -> DateGrammar:
    return DateGrammar(load_lexicon("dates"))


def one(grammar: DateGrammar, text: str) -> tuple[str, TemporalExpression]:
    found = grammar.find(text)
    assert len(found) == 1, [text[f.start:f.end] for f in found]
    return text[found[0].start:found[0].end], found[0].expr


def resolved(grammar: DateGrammar, text: str, published: str | None, future: bool = False):
    return resolve(one(grammar, text)[1], published, future=future)


@pytest.mark.parametrize("text", [
    "The envoys met on 13 July 2022 in the capital.",
    "The envoys met on July 13, 2022 in the capital.",
    "The envoys met on 13.07.2022 in the capital.",
    "The envoys met on 2022-07-13 in the capital.",
    "The envoys met on the 13th of July 2022.",
])
def test_absolute_forms(grammar, text):
    assert resolved(grammar, text, "2024-01-01") == ("2022-07-13", "day")


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Talks began around July 12 in the port city.", "around July 12", ("2023-07-12", "day")),
    ("The vote is held in September each time.", "September", ("2022-09", "month")),
    ("Fighting resumed in mid-July near the border.", "mid-July", ("2023-07", "month")),
    ("The mission closed in late June after a review.", "late June", ("2023-06", "month")),
    ("The office opened in early 2023 after a review.", "early 2023", ("2023", "year")),
    ("Ties were cut in 2016 after the riots.", "2016", ("2016", "year")),
    ("The envoy left in January 2016 after the riots.", "January 2016", ("2016-01", "month")),
    ("The treaty was signed at the end of March by both sides.", "the end of March", ("2023-03", "month")),
])
def test_partial_forms(grammar, text, surface, expected):
    found, expr = one(grammar, text)
    assert found == surface
    assert resolve(expr, "2023-08-20") == expected


def test_month_day_without_year_takes_the_most_recent_past_occurrence(grammar):
    assert resolved(grammar, "They restored ties on December 30.", "2023-01-03") == ("2022-12-30", "day")
    assert resolved(grammar, "They restored ties on January 2.", "2023-01-03") == ("2023-01-02", "day")


def test_month_day_in_future_context_takes_the_next_occurrence(grammar):
    assert resolved(grammar, "They will meet on January 2.", "2022-12-28", future=True) == ("2023-01-02", "day")
    assert resolved(grammar, "They met on January 2.", "2022-12-28") == ("2022-01-02", "day")


def test_month_alone_in_future_context(grammar):
    assert resolved(grammar, "It will recognise the state in September.", "2023-10-05", future=True) == \
        ("2024-09", "month")
    assert resolved(grammar, "It recognised the state in September.", "2023-10-05") == ("2023-09", "month")


def test_weekday_resolves_to_the_most_recent_one_on_or_before_publication(grammar):
    # 2022-07-14 is a Thursday.
    assert resolved(grammar, "The ministry said on Wednesday it agreed.", "2022-07-14") == ("2022-07-13", "day")
    assert resolved(grammar, "The ministry said on Thursday it agreed.", "2022-07-14") == ("2022-07-14", "day")
    assert resolved(grammar, "The ministry said on Friday it agreed.", "2022-07-14") == ("2022-07-08", "day")


def test_weekday_in_future_context_resolves_forward(grammar):
    assert resolved(grammar, "The envoys will meet on Friday.", "2022-07-14", future=True) == ("2022-07-15", "day")
    assert resolved(grammar, "The envoys will meet on Thursday.", "2022-07-14", future=True) == ("2022-07-14", "day")


def test_last_and_next_weekday_are_strict(grammar):
    assert resolved(grammar, "It happened last Thursday.", "2022-07-14") == ("2022-07-07", "day")
    assert resolved(grammar, "It happens next Thursday.", "2022-07-14") == ("2022-07-21", "day")


def test_weekday_with_time_of_day_keeps_day_precision(grammar):
    text, expr = one(grammar, "The president spoke on Friday evening in the capital.")
    assert text == "Friday evening"
    assert resolve(expr, "2024-04-06") == ("2024-04-05", "day")


def test_weekday_against_a_month_only_publication_gives_the_month(grammar):
    assert resolved(grammar, "The deal was agreed on Friday.", "2020-09") == ("2020-09", "month")


def test_weekday_with_explicit_date_is_one_expression_and_the_date_wins(grammar):
    # 2023-03-10 was a Friday; 2019-12-18 a Wednesday, so "Thursday" is inconsistent.
    text, expr = one(grammar, "The announcement came on Friday (March 10) from both capitals.")
    assert text == "Friday (March 10)"
    assert resolve(expr, "2023-03-11") == ("2023-03-10", "day")
    text, expr = one(grammar, "On Thursday, December 18, the minister spoke.")
    assert text == "Thursday, December 18"
    assert resolve(expr, "2019-12") == ("2019-12-18", "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("He spoke yesterday in the capital.", ("2022-07-13", "day")),
    ("He spoke today in the capital.", ("2022-07-14", "day")),
    ("He spoke last month in the capital.", ("2022-06", "month")),
    ("He spoke earlier this month in the capital.", ("2022-07", "month")),
    ("He spoke earlier this year in the capital.", ("2022", "year")),
    ("He spoke this week in the capital.", ("2022-07", "month")),
    ("He spoke two weeks ago in the capital.", ("2022-06-30", "day")),
])
def test_relative_to_publication(grammar, text, expected):
    assert resolved(grammar, text, "2022-07-14") == expected


def test_last_week_near_a_month_edge_takes_the_month_of_most_of_that_week(grammar):
    # Published Wed 2023-03-01: last week is Mon 20 to Sun 26 February.
    assert resolved(grammar, "They met last week.", "2023-03-01") == ("2023-02", "month")
    # Published Mon 2023-07-03: last week is Mon 26 June to Sun 2 July (5 days in June).
    assert resolved(grammar, "They met last week.", "2023-07-03") == ("2023-06", "month")
    # Published Mon 2023-05-08: last week is 1 to 7 May.
    assert resolved(grammar, "They met last week.", "2023-05-08") == ("2023-05", "month")


def test_last_month_across_a_year_boundary(grammar):
    assert resolved(grammar, "They met last month.", "2023-01-03") == ("2022-12", "month")


def test_relative_without_publication_is_unresolved(grammar):
    assert resolved(grammar, "They met on Wednesday.", None) == (None, None)
    assert resolved(grammar, "They met yesterday.", None) == (None, None)
    assert resolved(grammar, "They met on July 12.", None) == (None, None)
    assert resolved(grammar, "They met on 12 July 2021.", None) == ("2021-07-12", "day")


def test_invalid_calendar_date_is_no_date(grammar):
    assert grammar.find("The summit is set for 31 February 2023.") == []
    assert grammar.find("The summit is set for February 30.") == []
    assert grammar.find("It was 29.02.2023 on the form.") == []
    assert resolve(TemporalExpression("date", year=2023, month=2, day=31), "2023-05-01") == (None, None)


@pytest.mark.parametrize(("text", "days"), [
    ("A day after the talks opened, the state acted.", 1),
    ("The state acted a day later.", 1),
    ("The state acted the next day.", 1),
    ("The state acted the following day.", 1),
    ("The state had acted a day earlier.", -1),
    ("The state had acted two days before.", -2),
    ("The state acted hours later.", 0),
    ("Later that day the state acted.", 0),
    ("The state acted a week later.", 7),
])
def test_event_relative_expressions_are_offsets(grammar, text, days):
    _, expr = one(grammar, text)
    assert expr.kind == "offset"
    assert expr.shift == days
    assert resolve(expr, "2022-07-14") == (None, None)


def test_apply_offset_moves_the_previous_date():
    plus_one = TemporalExpression("offset", unit="day", shift=1)
    assert apply_offset(plus_one, "2022-12-31", "day") == ("2023-01-01", "day")
    assert apply_offset(plus_one, "2022-12", "month") == ("2022-12", "month")
    assert apply_offset(plus_one, None, None) == (None, None)
    five_months = TemporalExpression("offset", unit="month", shift=150)
    assert apply_offset(five_months, "2017-09-10", "day") == ("2018-02", "month")


def test_words_that_only_look_like_dates_are_ignored(grammar):
    assert grammar.find("Officials may decide; 2000 troops and 1,500 people march.") == []
    assert grammar.find("The 193 member states voted 27 to 0.") == []


def test_bare_year_as_modifier_is_a_year(grammar):
    text, expr = one(grammar, "Since the 1974 invasion the island has been divided.")
    assert text == "1974"
    assert resolve(expr, None) == ("1974", "year")


def test_dateline_month_abbreviation(grammar):
    text, expr = one(grammar, "CAPITAL, Feb. 24 (Agency) -- The minister spoke.")
    assert text == "Feb. 24"
    assert resolve(expr, "2022-02-25") == ("2022-02-24", "day")


def test_parse_reference_precisions():
    assert parse_reference("2022-07-14").precision == "day"
    assert parse_reference("2022-07").precision == "month"
    assert parse_reference("2022").precision == "year"
    assert parse_reference("2022-07-14T10:00:00Z").iso() == "2022-07-14"
    assert parse_reference("not a date") is None
    assert parse_reference("2022-02-31") is None
    assert parse_reference(None) is None


def test_month_with_a_relative_year_is_one_expression(grammar):
    text, expr = one(grammar, "The embassy closed in March last year after the vote.")
    assert text == "March last year"
    assert resolve(expr, "2023-02-01") == ("2022-03", "month")
    text, expr = one(grammar, "The envoys met on May 5 this year in the port.")
    assert text == "May 5 this year"
    assert resolve(expr, "2023-06-01") == ("2023-05-05", "day")
    assert resolve(expr, None) == (None, None)


def test_decades_and_ranges_are_not_years(grammar):
    assert grammar.find("In the 1990s and over the 2014-2015 period nothing moved.") == []


def test_modifiers_need_a_word_boundary(grammar):
    assert [f.expr.part for f in grammar.find("They ate chocolate June 5.")] == [None]


def test_parse_reference_accepts_other_separators():
    assert parse_reference("2022/07/14").iso() == "2022-07-14"
    assert parse_reference("2022-13-01") is None
