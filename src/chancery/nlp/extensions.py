"""Custom attributes our components read and write, registered once per process.

Registering touches no disk or model, but it changes spaCy's global Doc/Span classes, so it
happens when a pipeline is built (or a test asks), never at import.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

# doc.spans keys
ACTORS = "actors"  # gazetteer + NER mentions; span._.actor is a Resolved
DATES = "dates"  # temporal expressions; span._.date is a records.DateValue


@dataclass(frozen=True)
class Resolved:
    """What a mention refers to: canonical code, name and kind (see records.ActorKind)."""

    code: str | None
    name: str
    kind: str
    country: str | None = None  # for people, bodies and outlets: the state they belong to


def register_extensions() -> None:
    doc_attrs = {
        "published": None,  # ISO date string the article carries (reference for relative dates)
        "article_id": None,
        "outlet": None,
        "url": None,  # the article's URL; the outlet profile falls back to its domain
        "events": None,  # list[records.Event], written by `events`
        "quotes": None,  # list[dict], written by `quotes`
        "people": None,  # list[dict], written by `quotes`
        "loaded": None,  # list[dict], written by `loaded_language`
        "source_profile": None,  # dict, the article outlet's profile, written by `attribution`
    }
    for name, default in doc_attrs.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("actor", "date"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
