"""Find temporal expressions in plain text with regular expressions built from ``dates.toml``.

One pass per expression family over the whole text (C-speed regex, never a per-token parser);
overlaps are settled longest-first, then a weekday is merged with the calendar date that follows
it ("Friday (March 10)", "Tuesday, October 31").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from chancery.temporal.resolve import TemporalExpression, valid_day

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
# An impossible calendar date ("31 February"): it claims its text, so no shorter reading
# ("February") is taken from it, and is then dropped.
INVALID = TemporalExpression("date")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    expr: TemporalExpression


def _alternation(words: list[str], capitalised: bool = False) -> str:
    """Longest first; spaces match any whitespace; ``capitalised`` demands a capital first letter."""
    out = []
    for word in sorted(set(words), key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in word.split())
        if capitalised:
            out.append(f"{word[0].upper()}(?i:{re.escape(word[1:])})" if len(word) > 1 else re.escape(word.upper()))
        else:
            out.append(f"(?i:{body})")
    return "(?:" + "|".join(out) + ")"


class DateGrammar:
    """Compiled patterns over one lexicon (built once per component, reused for every doc)."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        self.months: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["months"].items()}
        self.weekdays: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["weekdays"].items()}
        self.numbers: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["numbers"].items()}
        self.parts: dict[str, str] = {k.lower(): v for k, v in lexicon["parts"].items()}
        self.relative: dict[str, dict[str, Any]] = {k.lower(): v for k, v in lexicon["relative"].items()}
        self.event_relative: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["event_relative"].items()}
        self.units: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["offset_units"].items()}
        self.directions: dict[str, int] = {k.lower(): int(v) for k, v in lexicon["offset_directions"].items()}
        self.weekday_modifiers: dict[str, str] = dict(lexicon["weekday_modifiers"])
        self.prepositions = {w.lower() for w in lexicon["temporal_prepositions"]}
        self.count_nouns = {w.lower() for w in lexicon["count_nouns"]}
        approx = _alternation(lexicon["approximations"])
        parts = _alternation(list(self.parts))
        full = [name for name in self.months if len(name) > 4 or name in ("may", "june", "july")]
        short = [name for name in self.months if name not in full]
        month = (r"(?:" + _alternation(full, capitalised=True) + r"\b|"
                 + _alternation(short, capitalised=True) + r"\b\.?)")
        weekday = _alternation(list(self.weekdays), capitalised=True) + r"\b"
        tod = _alternation(lexicon["times_of_day"])
        day = rf"(?P<day>[0-3]?\d){ORDINAL_SUFFIX}"
        # Modifiers are matched backwards from a found core ("mid-" before "July"), which keeps
        # every core pattern starting with a cheap literal test instead of trying them everywhere.
        self.calendar_prefix = re.compile(
            rf"(?:\b(?P<approx>{approx})\s+)?(?:\b(?P<part>{parts})(?:-|\s+)(?:(?i:in|of)\s+)?)?\Z")
        self.weekday_prefix = re.compile(
            r"(?:\b(?P<mod>(?i:last|past|next|coming|this))\s+)?(?:\b(?i:later|earlier|early|late)(?:\s+(?i:on))?\s+)?\Z")
        words = re.IGNORECASE
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            ("iso", re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d-])")),
            ("numeric", re.compile(r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)")),
            ("dmy", re.compile(rf"(?<![\w.,]){day}(?:\s+(?i:of))?\s+(?P<month>{month})(?:,?\s+(?P<year>{YEAR})\b)?")),
            ("mdy", re.compile(rf"\b(?=[A-Z])(?P<month>{month})\s+{day}(?![\d:])\b(?:,?\s+(?P<year>{YEAR})\b)?")),
            ("my", re.compile(rf"\b(?=[A-Z])(?P<month>{month})(?:\s+(?i:of))?,?\s+(?P<year>{YEAR})\b")),
            ("month", re.compile(rf"\b(?=[A-Z])(?P<month>{month})")),
            ("year", re.compile(rf"(?<![\w$€£,.])(?<!\d[-–])(?P<year>{YEAR})(?![\w-])(?!,\d)(?!\.\d)")),
            ("weekday", re.compile(rf"\b(?=[A-Z])(?P<weekday>{weekday})(?:['’]s)?(?:\s+(?P<tod>{tod}))?")),
            ("relative", re.compile(rf"\b(?P<phrase>{_plain(list(self.relative))})\b", words)),
            ("event", re.compile(rf"\b(?P<phrase>{_plain(list(self.event_relative))})\b", words)),
            ("offset", re.compile(
                rf"\b(?P<count>{_plain(list(self.numbers))}|\d{{1,3}})\s+(?P<unit>{_plain(list(self.units))})"
                rf"\s+(?P<direction>{_plain(list(self.directions))})\b", words)),
        ]

    def find(self, text: str) -> list[Found]:
        candidates: list[tuple[int, int, int, TemporalExpression]] = []
        for rank, (name, pattern) in enumerate(self.patterns):
            for match in pattern.finditer(text):
                start = match.start()
                prefix = self._prefix(name, text, start)
                if prefix is not None and prefix.start() < prefix.end():
                    start = prefix.start()
                expr = self._build(name, match, text, prefix)
                if expr is not None:
                    candidates.append((start, match.end(), rank, expr))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken: list[tuple[int, int, TemporalExpression]] = []
        for start, end, _rank, expr in candidates:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, expr))
        taken = sorted((t for t in taken if t[2] is not INVALID), key=lambda t: t[0])
        return self._merge_weekdays(text, [Found(s, e, x) for s, e, x in taken])

    def _prefix(self, name: str, text: str, start: int) -> re.Match[str] | None:
        if name in ("dmy", "mdy", "my", "month", "year"):
            return self.calendar_prefix.search(text, max(0, start - 40), start)
        if name == "weekday":
            return self.weekday_prefix.search(text, max(0, start - 40), start)
        return None

    def _merge_weekdays(self, text: str, found: list[Found]) -> list[Found]:
        """"Friday (March 10)" and "Tuesday, October 31" are one expression: the date wins; so are
        "March last year" and "May 5 this year"."""
        out: list[Found] = []
        for item in found:
            prev = out[-1] if out else None
            if (prev is not None and prev.expr.kind == "date" and prev.expr.year is None
                    and prev.expr.month is not None and item.expr.kind == "relative" and item.expr.unit == "year"
                    and re.fullmatch(r"\s*,?\s*", text[prev.end:item.start])):
                # "in March last year", "on May 5 this year": the month with a year counted from publication
                out[-1] = Found(prev.start, item.end, replace(prev.expr, year_shift=item.expr.shift))
            elif (prev is not None and prev.expr.kind == "weekday" and item.expr.kind == "date"
                    and item.expr.day is not None
                    and re.fullmatch(r"\s*[,(–—-]?\s*", text[prev.end:item.start])):
                end = item.end
                close = re.match(r"\s*\)", text[end:])
                if "(" in text[prev.end:item.start] and close:
                    end += close.end()
                out[-1] = Found(prev.start, end, replace(item.expr, weekday=prev.expr.weekday))
            else:
                out.append(item)
        return out

    def _build(self, name: str, m: re.Match[str], text: str,
               prefix: re.Match[str] | None) -> TemporalExpression | None:
        g = {**(prefix.groupdict() if prefix else {}), **{k: v for k, v in m.groupdict().items() if v is not None}}
        if name == "iso":
            return _calendar(int(g["year"]), int(g["month"]), int(g["day"]))
        if name == "numeric":
            a, b = int(g["a"]), int(g["b"])
            # Dots are day-first (13.07.2022); slashes are month-first unless that cannot be (US style).
            day, month = (a, b) if g["sep"] == "." or a > 12 else (b, a)
            return _calendar(int(g["year"]), month, day)
        if name in ("dmy", "mdy", "my", "month", "year"):
            return self._build_calendar(name, m, g, text)
        if name == "weekday":
            mod = (g.get("mod") or "").lower()
            return TemporalExpression("weekday", weekday=self.weekdays[g["weekday"].lower()],
                                      direction=self.weekday_modifiers.get(mod))
        if name == "relative":
            entry = self.relative[" ".join(g["phrase"].lower().split())]
            return TemporalExpression("relative", unit=str(entry["unit"]), shift=int(entry["shift"]))
        if name == "event":
            days = self.event_relative[" ".join(g["phrase"].lower().split())]
            return TemporalExpression("offset", unit="day", shift=days)
        count_word = " ".join(g["count"].lower().split())
        count = int(count_word) if count_word.isdigit() else self.numbers[count_word]
        unit_days = self.units[g["unit"].lower()]
        direction = g["direction"].lower()
        grain = {1: "day", 7: "week", 30: "month"}.get(unit_days, "year")
        if direction == "ago":  # counted back from publication, not from an event
            if grain in ("day", "week"):
                return TemporalExpression("relative", unit="day", shift=-count * unit_days)
            unit = "month" if grain == "month" else "year"
            return TemporalExpression("relative", unit=unit, shift=-count)
        return TemporalExpression("offset", unit=grain, shift=count * unit_days * self.directions[direction])

    def _build_calendar(self, name: str, m: re.Match[str], g: dict[str, Any],
                        text: str) -> TemporalExpression | None:
        part = self.parts.get(" ".join((g.get("part") or "").lower().split())) if g.get("part") else None
        approximate = bool(g.get("approx"))
        year = int(g["year"]) if g.get("year") else None
        month = self.months[g["month"].rstrip(".").lower()] if g.get("month") else None
        day = int(g["day"]) if g.get("day") else None
        if name in ("month", "year") and not part and not approximate:
            before = text[max(0, m.start() - 25):m.start()].split()
            previous = before[-1].lower().strip("(,") if before else ""
            if previous not in self.prepositions and not (name == "year" and self._looks_like_year(m, text)):
                return None
        if day is not None:
            if month is None or not valid_day(year if year is not None else 2000, month, day):
                return INVALID  # "31 February": no date rather than a wrong one
            part = None  # "early July 12" keeps the day
        return TemporalExpression("date", year=year, month=month, day=day, part=part, approximate=approximate)

    def _looks_like_year(self, m: re.Match[str], text: str) -> bool:
        """A bare four-digit number is a year when used as a modifier ("the 1974 invasion")."""
        after = text[m.end():m.end() + 20]
        if after.startswith(("'s", "’s")):
            return True
        words = after.split()
        nxt = words[0].strip(".,;:") if words else ""
        return bool(nxt) and nxt.isalpha() and nxt.islower() and nxt not in self.count_nouns


def _plain(words: list[str]) -> str:
    """Longest first, for a pattern compiled case-insensitively; spaces match any whitespace."""
    parts = [r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(set(words), key=len, reverse=True)]
    return "(?:" + "|".join(parts) + ")"


def _calendar(year: int, month: int, day: int) -> TemporalExpression:
    if not 1 <= month <= 12 or not valid_day(year, month, day):
        return INVALID
    return TemporalExpression("date", year=year, month=month, day=day)
