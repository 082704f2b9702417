"""Shared fixtures. Model-dependent fixtures load the spaCy model once per session."""

from __future__ import annotations

import os
from pathlib import Path

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


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run: Playwright's sync API allows one live
    instance per thread, so every browser test shares this one."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium, or make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()
