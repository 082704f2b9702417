"""A picklable extractor factory for pool tests: a blank English pipeline, no model to load."""

from __future__ import annotations

from dataclasses import replace

from chancery.extract import Extractor
from chancery.settings import Settings


def blank_extractor(settings: Settings) -> Extractor:
    from chancery.nlp.pipeline import blank_pipeline

    return Extractor(replace(settings, workers=1), nlp=blank_pipeline(()))
