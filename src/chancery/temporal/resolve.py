"""Resolve a parsed temporal expression to an ISO value and a precision, given the publication date.

Pure functions: no spaCy, no disk. Precision rules are documented in docs/dates.md.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "year"]
Resolution = tuple[str | None, Precision | None]
UNRESOLVED: Resolution = (None, None)


@dataclass(frozen=True)
class Reference:
    """The publication date with its own precision ("2022-07" is month precision)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None

    def iso(self) -> str:
        return iso(self.year, self.month, self.day)


@dataclass(frozen=True)
class TemporalExpression:
    """What a surface expression says, before anchoring.

    kind:
      date      explicit calendar parts (year/month/day, any may be missing; weekday may be set too)
      weekday   a weekday alone ("on Wednesday"), ``direction`` past | future | either | None
      relative  a period counted from publication: ``unit`` day/week/month/year and ``shift``
      offset    event-relative: ``shift`` days from the previous event; ``unit`` its coarsest grain
    """

    kind: Literal["date", "weekday", "relative", "offset"]
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None  # early | mid | late
    approximate: bool = False
    unit: str | None = None
    shift: int = 0
    direction: str | None = None
    year_shift: int | None = None  # "in March last year": the year is publication's year + shift


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


REFERENCE = re.compile(r"\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?![\d])")


def parse_reference(published: str | None) -> Reference | None:
    """Read "YYYY-MM-DD", "YYYY-MM" or "YYYY" (also with / or .; a timestamp is cut to its date)."""
    match = REFERENCE.match(str(published)) if published else None
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return Reference(year)
    if not 1 <= month <= 12:
        return None
    if day is None:
        return Reference(year, month)
    return Reference(year, month, day) if valid_day(year, month, day) else None


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def resolve(expr: TemporalExpression, published: str | None, future: bool = False) -> Resolution:
    """Anchor ``expr`` on ``published``; ``future`` says the context looks forward (next occurrence)."""
    ref = parse_reference(published)
    if expr.kind == "date":
        return _resolve_date(expr, ref, future)
    if expr.kind == "weekday":
        return _resolve_weekday(expr, ref, future)
    if expr.kind == "relative":
        return _resolve_relative(expr, ref)
    return UNRESOLVED  # offsets need the previous event: see apply_offset


def apply_offset(expr: TemporalExpression, previous_value: str | None,
                 previous_precision: str | None) -> Resolution:
    """Move the previous event's date by the offset's days; the result is no finer than either."""
    if expr.kind != "offset" or not previous_value or not previous_precision:
        return UNRESOLVED
    ref = parse_reference(previous_value)
    if ref is None:
        return UNRESOLVED
    grain = expr.unit or "day"
    if ref.precision == "day" and grain in ("day", "week"):
        moved = ref.as_date()
        assert moved is not None
        moved += timedelta(days=expr.shift)
        return moved.isoformat(), "day"
    if grain == "year" or ref.precision == "year":
        years = round(expr.shift / 365) if grain == "year" else 0
        return iso(ref.year + years), "year"
    months = round(expr.shift / 30) if grain == "month" else 0
    year, month = _add_months(ref.year, ref.month or 1, months)
    return iso(year, month), "month"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _resolve_date(expr: TemporalExpression, ref: Reference | None, future: bool) -> Resolution:
    if expr.year is None and expr.year_shift is not None:
        if ref is None:
            return UNRESOLVED
        expr = replace(expr, year=ref.year + expr.year_shift)
    if expr.month is None:
        if expr.year is None:
            return UNRESOLVED
        return iso(expr.year), "year"  # "early 2023" is still only a year
    if expr.day is not None:
        year = expr.year if expr.year is not None else _year_for_day(expr.month, expr.day, ref, future)
        if year is None or not valid_day(year, expr.month, expr.day):
            return UNRESOLVED
        return iso(year, expr.month, expr.day), "day"
    if not 1 <= expr.month <= 12:
        return UNRESOLVED
    year = expr.year if expr.year is not None else _year_for_month(expr.month, ref, future)
    if year is None:
        return UNRESOLVED
    return iso(year, expr.month), "month"  # "mid-July", "late June": the month, never a guessed day


def _year_for_day(month: int, day: int, ref: Reference | None, future: bool) -> int | None:
    """The year of the most recent past occurrence (or next one when ``future``)."""
    if ref is None:
        return None
    if ref.precision != "day":
        return _year_for_month(month, ref, future)
    anchor = ref.as_date()
    assert anchor is not None
    candidates = [y for y in (ref.year - 1, ref.year, ref.year + 1) if valid_day(y, month, day)]
    if not candidates:
        return None
    if future:
        ahead = [y for y in candidates if date(y, month, day) >= anchor]
        return ahead[0] if ahead else candidates[-1]
    # A day of grace: datelines are often a day ahead of the stored publication date.
    behind = [y for y in candidates if date(y, month, day) <= anchor + timedelta(days=1)]
    return behind[-1] if behind else candidates[0]


def _year_for_month(month: int, ref: Reference | None, future: bool) -> int | None:
    if ref is None:
        return None
    if ref.month is None:
        return ref.year
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _resolve_weekday(expr: TemporalExpression, ref: Reference | None, future: bool) -> Resolution:
    if ref is None or expr.weekday is None:
        return UNRESOLVED
    anchor = ref.as_date()
    if anchor is None:
        # Without a publication day the week is unknown; its month is the best honest answer.
        return ref.iso(), ref.precision
    direction = expr.direction if expr.direction in ("past", "future") else ("future" if future else "past")
    strict = expr.direction in ("past", "future")  # "last Friday" is never today
    if direction == "future":
        days = (expr.weekday - anchor.weekday()) % 7
        if strict and days == 0:
            days = 7
        return (anchor + timedelta(days=days)).isoformat(), "day"
    days = (anchor.weekday() - expr.weekday) % 7
    if strict and days == 0:
        days = 7
    return (anchor - timedelta(days=days)).isoformat(), "day"


def _resolve_relative(expr: TemporalExpression, ref: Reference | None) -> Resolution:
    if ref is None:
        return UNRESOLVED
    unit = expr.unit
    if unit == "year":
        return iso(ref.year + expr.shift), "year"
    if unit == "month":
        if ref.month is None:
            return UNRESOLVED if expr.shift else (iso(ref.year), "year")
        year, month = _add_months(ref.year, ref.month, expr.shift)
        return iso(year, month), "month"
    anchor = ref.as_date()
    if anchor is None:
        # "yesterday" against a month-only publication date: only the shift-0 month is knowable.
        return (ref.iso(), ref.precision) if expr.shift == 0 else UNRESOLVED
    if unit == "day":
        return (anchor + timedelta(days=expr.shift)).isoformat(), "day"
    if unit == "week":
        return _week_month(anchor, expr.shift), "month"
    return UNRESOLVED


def _week_month(anchor: date, shift: int) -> str:
    """The month holding most days of the week (Monday to Sunday) ``shift`` weeks from ``anchor``.

    For the current week only the days up to publication count ("this week" means so far)."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
    last = anchor if shift == 0 else monday + timedelta(days=6)
    counts: dict[tuple[int, int], int] = {}
    day = monday
    while day <= last:
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
        day += timedelta(days=1)
    # Ties go to the later month (the one nearer publication).
    year, month = max(counts, key=lambda ym: (counts[ym], ym))
    return iso(year, month)
