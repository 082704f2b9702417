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
from chancery.nlp.event_dates import ANAPHORS, expression_owner
from chancery.nlp.extensions import DATES, register_extensions
from chancery.records import DateValue, Precision
from chancery.temporal.grammar import DateGrammar
from chancery.temporal.resolve import TemporalExpression, resolve

# Span extensions this component owns (besides span._.date from extensions.py).
OFFSET = "date_offset"  # int days from the previous event ("a day later" → 1), else None
EXPRESSION = "date_expr"  # the parsed TemporalExpression, so callers can re-resolve with a tense hint
RESTATES = "date_restates"  # True: the expression dates an act named anaphorically ("The decision came on Friday")
REPORTING = "date_reporting"  # True: the expression modifies a verb of saying ("…, the minister said Thursday")


def register_date_extensions() -> None:
    register_extensions()
    for name in (OFFSET, EXPRESSION, RESTATES, REPORTING):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class DateTagger:
    def __init__(self, lexicon: dict[str, Any]) -> None:
        register_date_extensions()
        self.grammar = DateGrammar(lexicon)
        self.future_auxiliaries = {w.lower() for w in lexicon["future_auxiliaries"]}
        self.future_governors = {w.lower() for w in lexicon["future_governors"]}
        self.anaphoric_nouns = {w.lower() for w in lexicon["anaphoric_event_nouns"]}
        self.anaphoric_determiners = {w.lower() for w in lexicon["anaphoric_determiners"]}
        self.reporting_verbs = {w.lower() for w in lexicon["reporting_verbs"]}

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
            verb = governing_verb(span) if doc.has_annotation("DEP") else None
            span._.set(RESTATES, verb is not None and self.restates(verb))
            span._.set(REPORTING, verb is not None and self.reports(verb))
            if expr.kind == "offset":
                grain: Precision = "day" if expr.unit in ("day", "week") else "month" if expr.unit == "month" else "year"
                span._.date = DateValue(None, grain, span.text, "text", span.start_char, span.end_char)
            else:
                span._.date = DateValue(value, precision, span.text, "text", span.start_char, span.end_char)
            spans.append(span)
        doc.spans[DATES] = spans
        doc.spans[ANAPHORS] = self.anaphors(doc)
        return doc

    def anaphors(self, doc: Doc) -> list[Span]:
        """Definite mentions of an act ("the decision", "this move"): a sentence holding one
        continues the act dated before it (see event_dates)."""
        if not doc.has_annotation("DEP"):
            return []
        # "the decision to recognise", "the move that …" name the act instead of pointing back.
        return [doc[t.i:t.i + 1] for t in doc
                if t.lemma_.lower() in self.anaphoric_nouns and t.pos_ == "NOUN"
                and any(d.dep_ in ("det", "poss") and d.lower_ in self.anaphoric_determiners for d in t.children)
                and not any(c.dep_ in ("acl", "relcl") for c in t.children)]

    def reports(self, verb: Token) -> bool:
        """A verb of saying, or one qualifying a statement ("in a statement issued on Monday")."""
        if verb.lemma_.lower() in self.reporting_verbs:
            return True
        return verb.dep_ == "acl" and verb.head.lemma_.lower() in self.anaphoric_nouns

    def restates(self, verb: Token) -> bool:
        """Does the expression date a verb whose subject or object is "the decision", "this move"…?
        ("The announcement came on Friday", "The president announced the decision on Friday")"""
        if verb.dep_ in ("relcl", "acl", "advcl"):
            return False
        return any(arg.dep_ in ("nsubj", "nsubjpass", "dobj") and arg.lemma_.lower() in self.anaphoric_nouns
                   and any(d.dep_ in ("det", "poss") and d.lower_ in self.anaphoric_determiners
                           for d in arg.children)
                   for arg in verb.children)

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
        """"will recognise", "is expected to follow suit and recognize", "is going to cut"."""
        chain = [verb]
        while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 5:
            chain.append(chain[-1].head)
        for depth, token in enumerate(chain):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.future_auxiliaries for c in token.children):
                return True
            governed = depth and chain[depth - 1].dep_ == "xcomp"
            if governed and (token.lemma_.lower() in self.future_governors or token.lower_ == "going"):
                return True
        return False


def governing_verb(span: Span) -> Token | None:
    """The verb the expression modifies (None when it modifies a noun: "the Jan. 20 inauguration")."""
    owner = expression_owner(span)
    return owner if owner.pos_ in ("VERB", "AUX") else None


@Language.factory("chancery_dates", assigns=["doc.spans", "span._.date", "span._.date_offset",
                                              "span._.date_expr", "span._.date_restates", "span._.date_reporting"],
                  requires=["doc._.published"], default_config={"lexicon_dir": None})
def make_dates(nlp: Language, name: str, lexicon_dir: str | None) -> DateTagger:
    return DateTagger(load_lexicon("dates", lexicon_dir=lexicon_dir))
