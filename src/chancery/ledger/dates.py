"""Dates of acts as intervals: a month or year date covers every day in it, never a guessed day."""

from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def precision_of(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "day")


def interval(value: str) -> tuple[str, str]:
    """First and last ISO day a date allows: '2022-07' → ('2022-07-01', '2022-07-31')."""
    match = _DATE.match(value or "")
    if not match:
        raise ValueError(f"not an ISO date: {value!r}")
    year, month, day = match.group(1), match.group(2), match.group(3)
    if day:
        date(int(year), int(month), int(day))  # validates
        return value, value
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def as_of_day(value: str) -> str:
    """The last day a query date covers: 'as of 2022-07' means through the end of July."""
    return interval(value)[1]


def overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def gap_days(a: tuple[str, str], b: tuple[str, str]) -> int:
    """Days between two disjoint intervals (0 when they overlap)."""
    if overlaps(a, b):
        return 0
    first, second = (a, b) if a[1] < b[0] else (b, a)
    return (date.fromisoformat(second[0]) - date.fromisoformat(first[1])).days
