"""An article full of markup, ingested through the API with the real pipeline, never runs in the UI:
the pages are checked in headless Chromium with the Content-Security-Policy header stripped, so the
test fails on any escaping bug (the CSP is a second line of defence, checked in test_api_security)."""

from __future__ import annotations

import httpx
import pytest

from chancery.api import create_app
from chancery.settings import Settings
from live_server import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.model]

TOKEN = "ui-escaping-token"
HOSTILE = {
    "text": ("Tuvalu said on 3 May 2012 that it recognises Kosovo as an independent state. "
             "\"We welcome <script>window.__pwned = 1</script> this brave decision,\" the foreign minister "
             "of Kosovo told reporters. The statement <img src=x onerror=\"window.__pwned = 2\"> was posted "
             "online, and officials <svg onload=\"window.__pwned = 3\"></svg> in Belgrade criticised it. "
             "<iframe srcdoc=\"<script>parent.__pwned = 4</script>\"></iframe>"),
    "title": "\"><script>window.__pwned = 5</script><b>Bold title</b>",
    "outlet": "<img src=x onerror=\"window.__pwned = 6\">Harbour Post",
    "url": "javascript:window.__pwned = 7",
    "published": "2012-05-04",
}


def _without_csp(route) -> None:
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
    route.fulfill(response=response, headers=headers)


def _assert_inert(page, where: str) -> None:
    assert page.evaluate("window.__pwned") is None, f"article markup ran on the {where}"
    for tag in ("script", "img", "svg", "iframe"):
        found = page.evaluate(f"[...document.querySelectorAll('#app {tag}')].map(e => e.outerHTML)")
        assert not [f for f in found if "pwned" in f], f"<{tag}> from the article became an element on the {where}"
    hrefs = page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href') || '')")
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")], hrefs
    scripts = page.evaluate("[...document.scripts].map(s => s.outerHTML)")
    assert not [s for s in scripts if "pwned" in s], "an article's <script> reached the document"


def test_an_article_with_markup_is_shown_as_text_and_never_runs(browser, extractor, tmp_path):
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'ledger.db'}", token=TOKEN), extractor=extractor)
    with LiveServer(app) as server:
        stored = httpx.post(f"{server.url}/v1/articles", json=HOSTILE, timeout=120,
                            headers={"Authorization": f"Bearer {TOKEN}"})
        assert stored.status_code == 201, stored.text
        article_id = stored.json()["results"][0]["id"]
        record = httpx.get(f"{server.url}/v1/articles/{article_id}", timeout=30).json()
        assert record["events"], "the pipeline found no event: the page would have no highlights to test"

        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.route("**/*", _without_csp)
        try:
            page.goto(f"{server.url}/articles/{article_id}")
            page.wait_for_selector("#app[data-ready=true]", timeout=60_000)
            shown = page.inner_text("#article-text")
            assert "<script>window.__pwned = 1</script>" in shown  # the markup is visible as text
            assert "<img src=x onerror=" in shown
            assert page.locator("#article-text .hl-trigger").count() >= 1  # highlights split the text
            _assert_inert(page, "article page")

            page.goto(f"{server.url}/")
            page.wait_for_selector("#app[data-ready=true]", timeout=60_000)
            _assert_inert(page, "home page")

            page.goto(f"{server.url}/analyse")
            page.wait_for_selector("#app[data-ready=true]", timeout=60_000)
            page.fill("#analyse-text", HOSTILE["text"])
            page.click("#analyse-run")
            page.wait_for_selector("#records", timeout=60_000)
            assert "<svg onload=" in page.inner_text("#article-text")
            _assert_inert(page, "analyse page")
        finally:
            context.close()
        assert not errors, errors
