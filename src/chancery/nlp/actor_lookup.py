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

__all__ = ["Gazetteer", "Resolved", "actor_at", "actors_in", "resolve", "actor_spans"]


def actor_spans(doc: Doc) -> list[Span]:
    """All actor spans of the doc, in text order (empty if the component has not run)."""
    if ACTORS not in doc.spans:
        return []
    return sorted(doc.spans[ACTORS], key=lambda s: (s.start, s.end))


def actors_in(doc: Doc, start_tok: int, end_tok: int) -> list[Span]:
    """Actor spans lying wholly inside tokens ``[start_tok, end_tok)``, in text order."""
    return [s for s in actor_spans(doc) if s.start >= start_tok and s.end <= end_tok]


def actor_at(doc: Doc, token: Token | int) -> Span | None:
    """The actor span that covers ``token`` (a Token or a token index), or None."""
    i = token if isinstance(token, int) else token.i
    for span in actor_spans(doc):
        if span.start <= i < span.end:
            return span
        if span.start > i:
            break
    return None


def resolve(text: str, lexicon_dir: str | None = None) -> Resolved | None:
    """One-off resolution of a plain string; loads the gazetteer each call (see module doc)."""
    return Gazetteer.load(lexicon_dir).resolve(text)
