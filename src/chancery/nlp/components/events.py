"""`chancery_events`: who did what to whom → ``doc._.events`` (list of ``records.Event``).

Reads the parse, ``doc.spans["actors"]`` and ``doc.spans["dates"]``. Finds the recognition
family (nlp/events/recognition.py), takes the general PLOVER events (nlp/events/general.py),
drops general events that restate a recognition-family act, sets modality, dates every event
in document order (each may be relative to the one before) and writes them sorted by trigger.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from chancery.lang.loader import load_lexicon
from chancery.nlp.events.arguments import Arguments, load_argument_cues
from chancery.nlp.events.merge import (
    DateFinder,
    act_tokens,
    apply_modality,
    attach_dates,
    dedupe,
    drop_misread,
    drop_restating,
    found_to_events,
    inherit_arguments,
    merge_switches,
)
from chancery.nlp.events.modality import load_modality_cues
from chancery.nlp.events.recognition import RecognitionFinder, load_recognition_lexicon
from chancery.nlp.extensions import register_extensions
from chancery.records import Event


def _optional(module: str, name: str) -> Any:
    """A collaborator function from a module that may not be installed in a trimmed build."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None


class EventTagger:
    def __init__(self, lexicon_dir: str | None = None, general: bool = True) -> None:
        register_extensions()
        self.cues = load_modality_cues(lexicon_dir)
        self.argument_cues = load_argument_cues(lexicon_dir)
        self.lexicon = load_recognition_lexicon(lexicon_dir)
        self.labelling_verbs = frozenset(
            w.lower() for w in load_lexicon("events", lexicon_dir=lexicon_dir)["general"]["labelling_verbs"])
        self.date_finder: DateFinder | None = _optional("chancery.nlp.event_dates", "event_date")
        self.general: Callable[[Doc, Any], list[Event]] | None = None
        self.plover_lexicon: Any = None
        if general:
            general_events = _optional("chancery.nlp.events.general", "general_events")
            load_plover = _optional("chancery.nlp.events.plover", "load_plover_lexicon")
            if general_events is not None and load_plover is not None:
                self.general = general_events
                self.plover_lexicon = load_plover(lexicon_dir)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.events = []
            return doc
        arguments = Arguments(doc, self.argument_cues)
        found = RecognitionFinder(doc, arguments, self.lexicon, self.cues).find()
        inherit_arguments(found)
        recognition = merge_switches(found_to_events(doc, found, self.lexicon, arguments, self.cues))
        general = self.general(doc, self.plover_lexicon) if self.general is not None else []
        general = drop_restating(general, recognition, doc, act_tokens(found))
        general = drop_misread(doc, general, self.cues, self.labelling_verbs)
        apply_modality(doc, general, self.cues)
        events = dedupe(sorted(recognition + general, key=lambda e: (e.trigger.start, e.trigger.end)))
        attach_dates(doc, events, self.date_finder)
        doc._.events = events
        return doc


@Language.factory(
    "chancery_events",
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "doc.spans"],
    default_config={"lexicon_dir": None},
)
def make_events(nlp: Language, name: str, lexicon_dir: str | None) -> EventTagger:
    return EventTagger(lexicon_dir)
