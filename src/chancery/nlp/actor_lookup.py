"""Public lookups over ``doc.spans["actors"]`` for the other components, and plain-string resolution.

    actors_in(doc, start_tok, end_tok)  -> actor spans inside a token range, in text order
    actor_at(doc, token)                -> the actor span covering a token, or None
    resolve(text, lexicon_dir=None)     -> Resolved | None for a plain string (CLI, speaker affiliation)

Every span returned carries ``span._.actor`` (a ``Resolved``). For many strings build one
``Gazetteer.load(lexicon_dir)`` and call its ``resolve`` to load the tables once.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from chancery.nlp.extensions import ACTORS, Resolved
from chancery.nlp.gazetteer import Gazetteer
from chancery.nlp.span_index import SpanIndex

__all__ = ["Gazetteer", "Resolved", "actor_at", "actors_in", "resolve", "actor_spans"]


def actor_spans(doc: Doc) -> list[Span]:
    """All actor spans of the doc, in text order (empty if the component has not run)."""
    return list(SpanIndex(doc, ACTORS))


def actors_in(doc: Doc, start_tok: int, end_tok: int) -> list[Span]:
    """Actor spans lying wholly inside tokens ``[start_tok, end_tok)``, in text order."""
    return SpanIndex(doc, ACTORS).within(start_tok, end_tok)


def actor_at(doc: Doc, token: Token | int) -> Span | None:
    """The actor span that covers ``token`` (a Token or a token index), or None."""
    i = token if isinstance(token, int) else token.i
    index = SpanIndex(doc, ACTORS)
    # Mentions do not overlap (the longest match wins): only spans starting at or before i can cover it.
    k = index.last_starting_at_or_before(i)
    while k >= 0:
        span = index.at(k)
        if span.end > i:
            return span
        if span.start < i:
            return None
        k -= 1
    return None


def resolve(text: str, lexicon_dir: str | None = None) -> Resolved | None:
    """One-off resolution of a plain string; loads the gazetteer each call (see module doc)."""
    return Gazetteer.load(lexicon_dir).resolve(text)
