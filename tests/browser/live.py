"""Helpers for browser tests: the sample articles and waiting for a page to be ready."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _load_samples():
    spec = importlib.util.spec_from_file_location("api_samples", Path(__file__).parents[1] / "api" / "samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


samples = _load_samples()


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#app[data-ready=true]", timeout=30_000)
