"""Browser fixtures: a real server on a free loopback port and headless Debian Chromium (Playwright)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from live import samples

from chancery.api import create_app
from chancery.ledger import Ledger
from chancery.settings import Settings
from live_server import LiveServer


@pytest.fixture(scope="session")
def browser_ledger(tmp_path_factory) -> Iterator[Ledger]:
    path = tmp_path_factory.mktemp("browser") / "ledger.db"
    with Ledger.open(f"sqlite:///{path}") as ledger:
        for text, extraction in (samples.recognition_article(), samples.talks_article()):
            ledger.ingest(text, extraction)
        yield ledger


@pytest.fixture(scope="session")
def live_server(browser_ledger) -> Iterator[LiveServer]:
    with LiveServer(create_app(Settings(), ledger=browser_ledger)) as server:
        yield server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.js_errors = errors  # type: ignore[attr-defined]
    yield opened
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """docs/screenshots when CHANCERY_SCREENSHOTS names it; a temp folder otherwise."""
    chosen = os.environ.get("CHANCERY_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
