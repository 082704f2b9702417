"""Sentence and paragraph boundaries that work with the parser and without it."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\"“‘«„(]?[A-Z0-9])|\n+")
ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sen", "rep", "gov", "st", "u.s", "u.n",
                           "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no", "prof", "vs", "jr", "sr"})


def _fallback(doc: Doc) -> list[Span]:
    text = doc.text
    bounds = [0]
    for m in SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)[.]\W*$", text[max(0, m.start() - 12):m.start() + 1])
        if word and "\n" not in m.group(0) and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue
        bounds.append(m.end())
    bounds.append(len(text))
    spans: list[Span] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span) and (not spans or span.start >= spans[-1].end):
            spans.append(span)
    return spans


class Sentences:
    """Sentences of a doc as Spans, with lookups by token and by character."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spans: list[Span]
        if doc.has_annotation("SENT_START"):
            self.spans = list(doc.sents)
        else:
            self.spans = _fallback(doc)
        self.starts = [s.start for s in self.spans]
        self.char_starts = [s.start_char for s in self.spans]
        self.paragraph_breaks = [m.start() for m in re.finditer(r"\n", doc.text)]

    def index_of_token(self, i: int) -> int:
        return max(0, bisect_right(self.starts, i) - 1)

    def index_of_char(self, c: int) -> int:
        return max(0, bisect_right(self.char_starts, c) - 1)

    def of_token(self, i: int) -> Span:
        return self.spans[self.index_of_token(i)]

    def paragraph_of_char(self, c: int) -> int:
        return bisect_right(self.paragraph_breaks, c)
