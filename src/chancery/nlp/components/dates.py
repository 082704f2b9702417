"""`chancery_dates`: temporal expressions → ``doc.spans["dates"]`` with ``span._.date`` resolved.

Works on a blank pipeline (regular expressions over the text); with a parser it also reads the
tense of the governing verb, so "will meet on Wednesday" resolves forward. The model's DATE
entities are not needed: every form they catch that we can resolve is in the grammar.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from chancery.lang.loader import load_lexicon
from chancery.nlp.extensions import DATES, register_extensions
from chancery.records import DateValue
from chancery.temporal.grammar import DateGrammar
from chancery.temporal.resolve import TemporalExpression, resolve

# Span extensions this component owns (besides span._.date from extensions.py).
OFFSET = "date_offset"  # int days from the previous event ("a day later" → 1), else None
EXPRESSION = "date_expr"  # the parsed TemporalExpression, so callers can re-resolve with a tense hint


def register_date_extensions() -> None:
    register_extensions()
    for name in (OFFSET, EXPRESSION):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class DateTagger:
    def __init__(self, lexicon: dict[str, Any]) -> None:
        register_date_extensions()
        self.grammar = DateGrammar(lexicon)
        self.future_auxiliaries = {w.lower() for w in lexicon["future_auxiliaries"]}
        self.future_governors = {w.lower() for w in lexicon["future_governors"]}

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        spans: list[Span] = []
        for found in self.grammar.find(doc.text):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None or any(s.start < span.end and span.start < s.end for s in spans):
                continue
            expr = found.expr
            future = self.is_future(span, expr)
            value, precision = resolve(expr, published, future=future)
            span._.set(EXPRESSION, expr)
            span._.set(OFFSET, expr.shift if expr.kind == "offset" else None)
            if expr.kind == "offset":
                precision = {"day": "day", "week": "day", "month": "month"}.get(expr.unit or "", "year")
                span._.date = DateValue(None, precision, span.text, "text", span.start_char, span.end_char)
            else:
                span._.date = DateValue(value, precision, span.text, "text", span.start_char, span.end_char)
            spans.append(span)
        doc.spans[DATES] = spans
        return doc

    def is_future(self, span: Span, expr: TemporalExpression) -> bool:
        """Does the context look forward? Needs the parse; without it, a word window."""
        if expr.kind not in ("weekday", "date") or expr.direction in ("past", "future"):
            return False
        doc = span.doc
        if doc.has_annotation("DEP"):
            verb = governing_verb(span)
            return verb is not None and self._verb_is_future(verb)
        sentence_start = span.sent.start if doc.has_annotation("SENT_START") else 0
        window = doc[max(sentence_start, span.start - 8):span.start]
        return any(t.lower_ in self.future_auxiliaries for t in window)

    def _verb_is_future(self, verb: Token) -> bool:
        for token in (verb, verb.head):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.future_auxiliaries for c in token.children):
                return True
            if token is not verb and token.lemma_.lower() in self.future_governors and verb.dep_ == "xcomp":
                return True
            if any(c.lower_ == "going" for c in token.children) and verb.dep_ == "xcomp":
                return True
        return False


def governing_verb(span: Span) -> Token | None:
    """The verb (or root) the expression modifies: walk up from the span's root, outside the span."""
    token = span.root
    for _ in range(12):
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        if token.pos_ in ("VERB", "AUX") and not (span.start <= token.i < span.end):
            return token
    return None


@Language.factory("chancery_dates", assigns=["doc.spans", "span._.date", "span._.date_offset",
                                              "span._.date_expr"],
                  requires=["doc._.published"], default_config={"lexicon_dir": None})
def make_dates(nlp: Language, name: str, lexicon_dir: str | None) -> DateTagger:
    return DateTagger(load_lexicon("dates", lexicon_dir=lexicon_dir))
