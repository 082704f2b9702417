"""Attach a date to an event trigger: which temporal expression belongs to it, and the fallback.

Reads ``doc.spans["dates"]`` (written by ``chancery_dates``: ``span._.date``, ``span._.date_offset``,
``span._.date_expr``) and ``doc._.published``. The rules, in order (docs/dates.md):

1. an expression in the trigger's own clause (reached from the expression without crossing
   another verb), the most precise, then the nearest; event-relative ones ("a day later") move
   ``previous``;
2. one shared with a coordinated verb ("cut ties and opened relations on Monday");
3. the statement's: one on a governing clause, climbing through complements ("said on Monday
   that it was opening relations") but never out of a relative clause, or one on a verb of
   saying in the sentence ("…, the president said Thursday");
4. for a sentence without expressions: ``previous`` when the sentence refers back to "the
   decision" and that date came from the sentences just before; a neighbouring sentence that
   only dates the same act ("The decision came on Friday."); the next sentence when it is a
   dated quotation;
5. the publication date (``basis="published"``); without one, an empty DateValue.

With ``future=True`` the event is dated by the statement (rules 3-5) and an expression of its own
clause that lies on or after that date is returned as ``planned``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from chancery.nlp.extensions import DATES
from chancery.nlp.span_index import SpanIndex
from chancery.records import DateValue
from chancery.temporal.resolve import apply_offset, parse_reference, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ANAPHORS = "date_anaphors"  # doc.spans key: "the decision", "this move" (written by chancery_dates)
CLAUSE_POS = ("VERB", "AUX")
NO_CLIMB = ("relcl",)  # a relative clause is background to the noun it qualifies
QUOTE_MARKS = "\"“”«»„"
NOUN_MODIFIER = ("compound", "poss", "nmod", "amod", "nummod")  # "the Jan. 20 inauguration" dates the noun
NO_PARSE_WINDOW = 15  # tokens around a trigger searched when the doc has no dependency parse
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def published_date(published: str | None) -> DateValue:
    """The fallback: the publication date with its own precision, or nothing at all."""
    ref = parse_reference(published)
    if ref is None:
        return DateValue(None, None, None, None)
    return DateValue(ref.iso(), ref.precision, None, "published")


def event_date(doc: Doc, trigger: Token, previous: DateValue | None = None,
               future: bool = False) -> tuple[DateValue, DateValue | None]:
    """Return ``(date, planned)`` for the event whose trigger is ``trigger`` (see module doc)."""
    spans = SpanIndex(doc, DATES)
    published = doc._.published
    if not doc.has_annotation("DEP"):
        window = spans.starting_in(trigger.i - NO_PARSE_WINDOW, trigger.i + NO_PARSE_WINDOW + 1)
        near = [s for s in window if _same_sentence(s, trigger)]
        near.sort(key=lambda s: abs(s.start - trigger.i))
        found = _first_resolved(near, previous)
        return (found or published_date(published)), None
    sentence = trigger.sent
    in_sentence = spans.within(sentence.start, sentence.end)
    owners = {s.start: expression_owner(s).i for s in in_sentence}
    clause = _clause_head(trigger)
    own = [s for s in in_sentence if owners[s.start] in (trigger.i, clause.i)]
    own.sort(key=lambda s: (PRECISION_RANK.get(getattr(s._.date, "precision", None) or "", 3),
                            abs(s.start - trigger.i)))
    shared = [s for s in in_sentence if owners[s.start] in {c.i for c in _conjuncts(clause)}]
    governing: list[Span] = []
    for head in _governing_clauses(clause):
        heads = {head.i} | {p.i for p in _participles(head)}
        governing.extend(s for s in in_sentence if owners[s.start] in heads)
    # The small parser often hangs a sentence-final "…, X said Thursday" on the wrong word.
    governing.extend(s for s in in_sentence if _flag(s, "date_reporting") and s not in own + governing)
    governing.extend(s for s in in_sentence if _flag(s, "date_restates") and s not in own + governing)
    statement = (_first_resolved(governing, previous) or _continued_act(doc, sentence, spans, previous)
                 or _linked_sentence_date(doc, sentence, spans)
                 or published_date(published))
    if not future:
        return (_first_resolved(own + shared, previous) or statement), None
    planned = None
    for span in own:
        value = _resolve_forward(span, published)
        if value is None or value.value is None:
            continue
        common = min(len(value.value), len(statement.value or ""))
        if statement.value is None or value.value[:common] >= statement.value[:common]:
            planned = value
        else:  # "said yesterday it would recognise": the expression dates the statement
            return value, None
        break
    return statement, planned


def _flag(span: Span, name: str) -> bool:
    return bool(span.has_extension(name) and span._.get(name))


def _same_sentence(span: Span, trigger: Token) -> bool:
    if not trigger.doc.has_annotation("SENT_START"):
        return True
    return span.sent.start == trigger.sent.start


def _resolved(span: Span, previous: DateValue | None) -> DateValue | None:
    date: DateValue | None = span._.date
    if date is None:
        return None
    offset = span._.get("date_offset") if span.has_extension("date_offset") else None
    if offset is None:
        return date if date.value else None
    if previous is None or not previous.value or previous.basis != "text":
        return None  # a day after an undated event is not a day after publication
    expr = span._.get("date_expr")
    value, precision = apply_offset(expr, previous.value, previous.precision) if expr else (None, None)
    if value is None:
        return None
    return DateValue(value, precision, span.text, "text", span.start_char, span.end_char)


def _first_resolved(spans: Iterable[Span], previous: DateValue | None) -> DateValue | None:
    for span in spans:
        value = _resolved(span, previous)
        if value is not None:
            return value
    return None


def _resolve_forward(span: Span, published: str | None) -> DateValue | None:
    expr = span._.get("date_expr") if span.has_extension("date_expr") else None
    if expr is None or expr.kind == "offset":
        return None
    value, precision = resolve(expr, published, future=True)
    return DateValue(value, precision, span.text, "text", span.start_char, span.end_char)


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds ``token`` (the token itself when it is a verb)."""
    current = token
    for _ in range(20):
        if current.pos_ in CLAUSE_POS or current.head.i == current.i:
            return current
        current = current.head
    return current


def expression_owner(span: Span) -> Token:
    """The first verb (or the sentence root) above the expression, outside it; the noun when the
    expression modifies a noun.

    "A day after the talks were launched, X decided": the expression's subordinator ties it to
    "launched", but it dates the main clause, so the owner is the verb that clause hangs on."""
    before = span.start - 1
    if before >= 1 and span.doc[before].lower_ == "on":
        before -= 1
    if before >= span.sent.start and span.doc[before].pos_ == "VERB":
        return span.doc[before]  # "said Tuesday the state would…": adjacency beats a shaky parse
    token = span.root
    if token.dep_ in NOUN_MODIFIER and token.head.pos_ in ("NOUN", "PROPN") and token.head.i not in range(
            span.start, span.end):
        return token.head  # "Trump's Jan. 20 inauguration", "the 1974 invasion": dates the noun
    for _ in range(20):
        if token.head.i == token.i:
            break
        token = token.head
        if span.start <= token.i < span.end:
            continue
        if token.pos_ in CLAUSE_POS:
            break
    marks = [t for t in span if t.dep_ == "mark" and t.head.i == token.i]
    if marks and token.dep_ == "advcl" and token.head.i != token.i:
        return _clause_head(token.head)
    return token


def _conjuncts(clause: Token) -> list[Token]:
    """Verbs sharing the clause's time: coordinated ones, and a participle adjunct without a
    subordinator ("Meeting on Wednesday, the leaders reached agreement")."""
    out = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in CLAUSE_POS] + _participles(clause)
    if clause.dep_ == "conj":
        out.append(clause.head)
    return out


def _participles(clause: Token) -> list[Token]:
    return [c for c in clause.children if c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN")
            and not any(m.dep_ == "mark" for m in c.children) and c.i < clause.i]


def _governing_clauses(clause: Token) -> list[Token]:
    heads: list[Token] = []
    current = clause
    for _ in range(10):
        if current.head.i == current.i or current.dep_ in NO_CLIMB:
            break
        current = _clause_head(current.head)
        heads.append(current)
    return heads


def _has_dates(sentence: Span, spans: SpanIndex) -> bool:
    """Does the sentence hold an expression of its own (an unresolvable offset does not count)?"""
    return any(not (s.has_extension("date_offset") and s._.get("date_offset") is not None)
               for s in spans.within(sentence.start, sentence.end))


def _continued_act(doc: Doc, sentence: Span, spans: SpanIndex, previous: DateValue | None) -> DateValue | None:
    """A sentence without a date that refers back to "the decision", "the move"… continues the
    previous event's act, when that event was dated from the text in the sentences just before."""
    if previous is None or previous.basis != "text" or previous.start is None or _has_dates(sentence, spans):
        return None
    if not SpanIndex(doc, ANAPHORS).within(sentence.start, sentence.end):
        return None
    earlier, _ = _neighbours(sentence, before=2, after=0)
    if earlier and earlier[0].start_char <= previous.start < sentence.start_char:
        return previous
    return None


def _neighbours(sentence: Span, before: int, after: int) -> tuple[list[Span], list[Span]]:
    """Up to ``before`` sentences before ``sentence`` and ``after`` after it, in order, found from its
    edges: listing ``doc.sents`` for every event made a long article quadratic."""
    doc = sentence.doc
    earlier: list[Span] = []
    later: list[Span] = []
    current = sentence
    while len(later) < after and current.end < len(doc):
        current = doc[current.end].sent
        later.append(current)
    current = sentence
    while len(earlier) < before and current.start > 0:
        current = doc[current.start - 1].sent
        earlier.insert(0, current)
    return earlier, later


def _linked_sentence_date(doc: Doc, sentence: Span, spans: SpanIndex) -> DateValue | None:
    """The sentence just before, or one of the next three, that only dates the same act ("The
    decision came on Friday."): its expression is marked ``span._.date_restates`` by the dates
    component; else the next sentence when it is a quotation with a dated verb of saying.
    Used only when the trigger's sentence has no expression at all."""
    if _has_dates(sentence, spans):
        return None
    before, after = _neighbours(sentence, before=1, after=3)
    window = after + before
    for other in window:
        for span in spans.within(other.start, other.end):
            if _flag(span, "date_restates"):
                found = _resolved(span, None)
                if found is not None:
                    return found
    # A lead stating an act, then the quoted statement with its date: "X has decided to recognise Y.
    # 'We stand for peace,' the minister said on Tuesday in a statement."
    following = after[0] if after else None
    if following is not None and any(ch in following.text for ch in QUOTE_MARKS):
        for span in spans.within(following.start, following.end):
            if _flag(span, "date_reporting"):
                found = _resolved(span, None)
                if found is not None:
                    return found
    return None
