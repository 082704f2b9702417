"""General (non-recognition) events coded as PLOVER roots (stub, being filled)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chancery.nlp.events.plover import PloverLexicon
from chancery.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc


def general_events(doc: Doc, lexicon: PloverLexicon) -> list[Event]:
    return []
