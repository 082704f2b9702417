"""The web UI in headless Chromium: the map follows the date slider, articles show their
highlights and stay inert, the analyse box annotates pasted text. Screenshots of each page."""

from __future__ import annotations

import pytest
from live import open_page, samples

from chancery.api import create_app
from chancery.api.assets import Assets
from chancery.settings import Settings
from live_server import LiveServer

pytestmark = pytest.mark.browser


def assert_no_placeholders(page) -> None:
    words = page.inner_text("#app").split()
    assert "null" not in words and "undefined" not in words and "NaN" not in words


def state_of(page, code: str) -> str:
    return page.get_attribute(f"#world-map [data-code='{code}']", "data-state") or ""


def test_entity_page_map_follows_the_date_slider(page, live_server, screenshot_dir):
    missing = Assets.from_setting(None).missing()
    assert not missing, f"web packages missing ({missing}): run `npm ci --prefix src/chancery/web`"
    open_page(page, f"{live_server.url}/entities/DPR?as_of=2015-01-01")
    page.wait_for_selector("#world-map")
    assert state_of(page, "RUS") == "none"
    assert state_of(page, "SOS") == "recognises"  # South Ossetia, drawn as a dot
    assert state_of(page, "DPR") == "self"
    assert "1 recognise" in page.inner_text("#status-summary")

    page.focus("#as-of-slider")
    page.keyboard.press("End")  # the slider to today
    page.wait_for_selector("#world-map [data-code='RUS'][data-state='recognises']")
    for code in ("SYR", "PRK"):
        assert state_of(page, code) == "recognises"
    assert page.locator("#recognisers tbody tr").count() >= 5
    assert "as_of=" in page.url

    page.fill("#as-of-date", "2022-03-01")
    page.dispatch_event("#as-of-date", "change")
    page.wait_for_selector("#world-map [data-code='SYR'][data-state='none']")
    assert state_of(page, "RUS") == "recognises"
    page.fill("#as-of-date", "2022-07-20")
    page.dispatch_event("#as-of-date", "change")
    page.wait_for_selector("#world-map [data-code='PRK'][data-state='recognises']")
    rows = page.locator("#recognisers tbody tr")
    assert rows.nth(rows.count() - 1).get_attribute("data-code") == "PRK"  # newest recogniser last
    page.focus("#as-of-slider")
    page.screenshot(path=str(screenshot_dir / "entity.png"), full_page=True)

    page.click("#recognisers tr[data-code='PRK'] a.fact-link")
    page.wait_for_selector("#evidence")
    assert page.locator("#evidence .evidence-item").count() == 2  # the reference row and the article
    assert "recognises" in page.inner_text("#evidence mark")
    assert_no_placeholders(page)
    page.screenshot(path=str(screenshot_dir / "fact.png"), full_page=True)


def test_article_page_highlights_and_never_runs_article_markup(page, live_server, screenshot_dir):
    text, extraction = samples.recognition_article()
    open_page(page, f"{live_server.url}/articles/{extraction.id}")
    body = page.locator("#article-text")
    assert body.inner_text().strip() == text.strip()  # the <script> in the text is shown as text
    assert page.evaluate("window.__pwned") is None
    assert "pwned" not in page.title()
    assert page.inner_text("#article-text .hl-trigger") == "recognises"
    assert "brave decision" in page.inner_text("#article-text .hl-quote")
    assert page.inner_text("#article-text .hl-loaded") == "puppet regime"
    entities = page.locator("#article-text .hl-entity").all_inner_texts()
    assert {"Pyongyang", "Donetsk People's Republic", "Natalya Nikonorova", "Kyiv"} <= set(entities)
    assert "Telegram" in page.inner_text("#records .quote")

    assert_no_placeholders(page)
    page.click("#records li.event")
    assert page.locator("#article-text .hl-trigger.focus").count() == 1
    page.screenshot(path=str(screenshot_dir / "article.png"), full_page=True)
    page.click("#records .event a.fact-link")
    page.wait_for_selector("#evidence")


def test_timeline_positions_and_home_pages(page, live_server, screenshot_dir):
    open_page(page, f"{live_server.url}/entities/DPR/timeline")
    dates = page.locator("#timeline li.fact .date").all_inner_texts()
    assert len(dates) >= 5 and dates == sorted(dates)
    assert_no_placeholders(page)
    page.screenshot(path=str(screenshot_dir / "timeline.png"), full_page=True)

    open_page(page, f"{live_server.url}/")
    page.fill("#state-code", "Russia")
    page.press("#state-code", "Enter")
    page.wait_for_selector("#positions")
    held = page.locator("#positions tbody tr").all_inner_texts()
    assert any("Abkhazia" in row for row in held) and any("Donetsk" in row for row in held)
    assert_no_placeholders(page)
    page.screenshot(path=str(screenshot_dir / "positions.png"), full_page=True)

    open_page(page, f"{live_server.url}/entities/XKX?as_of=2021-01-01")
    page.wait_for_selector("#world-map [data-code='USA'][data-state='recognises']")
    assert state_of(page, "XKX") == "self" and state_of(page, "SRB") == "none"
    page.focus("#as-of-slider")
    page.screenshot(path=str(screenshot_dir / "entity-kosovo.png"), full_page=False)

    open_page(page, f"{live_server.url}/")
    assert page.locator("#entity-grid li").count() >= 12
    assert page.locator("#article-list li").count() == 2
    page.screenshot(path=str(screenshot_dir / "home.png"), full_page=True)


@pytest.mark.model
def test_analyse_box_annotates_pasted_text(page, extractor, browser_ledger, screenshot_dir):
    with LiveServer(create_app(Settings(), ledger=browser_ledger, extractor=extractor)) as server:
        open_page(page, f"{server.url}/analyse")
        page.fill("#analyse-text", "Tuvalu recognised the independence of Transnistria on 3 May 2024, its "
                                   "foreign ministry said. \"This is a day of friendship,\" Foreign Minister "
                                   "Ana Tefolau told reporters. <b>not bold</b>")
        page.fill("#analyse-published", "2024-05-04")
        page.click("#analyse-run")
        page.wait_for_selector("#records", timeout=60_000)
        assert "recognised" in page.locator("#article-text .hl-trigger").all_inner_texts()
        assert "Transnistria" in page.locator("#article-text .hl-entity").all_inner_texts()
        assert "<b>not bold</b>" in page.inner_text("#article-text")
        assert page.locator("#article-text b").count() == 0
        assert "events" in page.inner_text("#analyse-status")
        page.screenshot(path=str(screenshot_dir / "analyse.png"), full_page=True)

        page.fill("#analyse-text", "   ")
        page.click("#analyse-run")
        assert "Paste some text" in page.inner_text("#analyse-status")
