"""Spans of one ``doc.spans`` group in text order, found by bisection.

Components look spans up per sentence, per event and per argument; scanning or sorting the whole
group on every lookup made long articles quadratic. The order is cached in ``doc.user_data`` as
plain integers (a Doc must stay serialisable) and rebuilt when the group changes size.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Span


class SpanIndex:
    def __init__(self, doc: Doc, key: str) -> None:
        self.group = doc.spans.get(key, [])
        cache_key = f"chancery.span_index.{key}"
        cached = doc.user_data.get(cache_key)
        if cached is None or cached[0] != len(self.group):
            order = sorted(range(len(self.group)), key=lambda k: (self.group[k].start, self.group[k].end))
            cached = (len(self.group), order, [self.group[k].start for k in order])
            if key in doc.spans:
                doc.user_data[cache_key] = cached
        self.order: list[int] = cached[1]
        self.starts: list[int] = cached[2]

    def __len__(self) -> int:
        return len(self.order)

    def __iter__(self) -> Iterator[Span]:
        return (self.group[k] for k in self.order)

    def at(self, k: int) -> Span:
        return self.group[self.order[k]]

    def starting_in(self, start: int, end: int) -> list[Span]:
        """Spans whose first token lies in ``[start, end)``, in text order."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.at(k) for k in range(lo, hi)]

    def within(self, start: int, end: int) -> list[Span]:
        """Spans lying wholly inside tokens ``[start, end)``, in text order."""
        return [s for s in self.starting_in(start, end) if s.end <= end]

    def last_starting_at_or_before(self, i: int) -> int:
        """Position (for :meth:`at`) of the last span starting at or before token ``i``; -1 if none."""
        return bisect_right(self.starts, i) - 1
