"""Shared fixtures. Model-dependent fixtures load the spaCy model once per session."""

from __future__ import annotations

import pytest

from chancery.settings import Settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(published="2022-07-14")


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline with the statistical model (tests using it are marked `model`)."""
    from chancery.nlp.pipeline import build_pipeline

    return build_pipeline(Settings())


@pytest.fixture(scope="session")
def extractor(nlp):
    from chancery.extract import Extractor

    return Extractor(Settings(), nlp=nlp)
