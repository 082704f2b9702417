"""A picklable extractor factory for pool tests: a blank English pipeline, no model to load."""

from __future__ import annotations

from dataclasses import replace

from chancery.extract import Extractor
from chancery.settings import Settings


def blank_extractor(settings: Settings) -> Extractor:
    import spacy

    from chancery.nlp.extensions import register_extensions

    register_extensions()
    return Extractor(replace(settings, workers=1), nlp=spacy.blank("en"))


class DyingExtractor:
    """Loads fine, then its process dies on the first task (as an OOM kill would look)."""

    nlp = None

    def extract_in_process(self, items):
        import os

        os._exit(7)


def dying_extractor(settings: Settings) -> DyingExtractor:
    return DyingExtractor()
