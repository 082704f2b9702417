"""Feeds against a real HTTP server on 127.0.0.1: conditional GET, retries, failures, new entries only."""

from __future__ import annotations

import time

import pytest
from feed_server import Route, article_html, atom, rss, serve

from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article
from chancery.ingest.feeds import FeedState, FeedWatcher, Fetcher, load_states, save_states

PARAS = {
    "a1": ["The foreign ministry of Freedonia announced on Tuesday that it had opened an embassy in the "
           "capital of Sylvania, ending a long pause in relations.",
           "Officials said the two governments would exchange ambassadors before the end of the month."],
    "a2": ["Delegations from Ruritania and Grand Fenwick met in a lakeside town to talk about fishing rights "
           "and a disputed border crossing.",
           "Neither side gave details of the talks, which are due to resume in the spring."],
    "a3": ["The parliament of Latveria voted to send medical aid to the flooded provinces of its neighbour.",
           "The first lorries are expected to cross the border at dawn, a spokesman told reporters."],
}
DATES = {"a1": "Tue, 05 Mar 2024 10:00:00 GMT", "a2": "Wed, 06 Mar 2024 09:30:00 GMT",
         "a3": "Thu, 07 Mar 2024 08:15:00 GMT"}


def fast_fetcher(retries: int = 2, timeout: float = 5.0) -> Fetcher:
    return Fetcher(timeout=timeout, retries=retries, backoff=0.01)


def publish(server, guids: list[str], etag: str) -> None:
    for guid in guids:
        server.routes[f"/{guid}.html"] = Route(article_html(f"Story {guid}", PARAS[guid]))
    items = [(guid, f"/{guid}.html", DATES[guid]) for guid in guids]
    server.routes["/feed.xml"] = Route(rss(server.base, "Test Wire", items), "application/rss+xml", etag=etag,
                                       last_modified="Thu, 07 Mar 2024 12:00:00 GMT")


def articles(items: list[Article | InputError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_new_entries_become_articles_with_feed_metadata():
    with serve() as server:
        publish(server, ["a1", "a2"], etag='"v1"')
        watcher = FeedWatcher(fast_fetcher())
        found = list(watcher.poll(server.base + "/feed.xml"))
    assert [type(i) for i in found] == [Article, Article]
    first = found[0]
    assert isinstance(first, Article)
    assert "embassy in the capital of Sylvania" in first.text
    assert first.published == "2024-03-05"
    assert first.url == server.base + "/a1.html"
    assert first.title == "Item a1"
    assert first.outlet == "Test Wire"


def test_unchanged_feed_is_a_304_and_yields_nothing():
    with serve() as server:
        publish(server, ["a1", "a2"], etag='"v1"')
        watcher = FeedWatcher(fast_fetcher())
        url = server.base + "/feed.xml"
        assert len(articles(list(watcher.poll(url)))) == 2
        assert list(watcher.poll(url)) == []
        feed_hits = server.hits("/feed.xml")
    assert [status for _, status in feed_hits] == [200, 304]
    assert "If-None-Match" not in feed_hits[0][0]
    assert feed_hits[1][0]["If-None-Match"] == '"v1"'
    assert feed_hits[1][0]["If-Modified-Since"] == "Thu, 07 Mar 2024 12:00:00 GMT"


def test_only_entries_new_since_the_last_poll_are_fetched():
    with serve() as server:
        publish(server, ["a1", "a2"], etag='"v1"')
        watcher = FeedWatcher(fast_fetcher())
        url = server.base + "/feed.xml"
        list(watcher.poll(url))
        publish(server, ["a1", "a2", "a3"], etag='"v2"')
        second = articles(list(watcher.poll(url)))
        article_hits = {p: len(server.hits(p)) for p in ("/a1.html", "/a2.html", "/a3.html")}
    assert [a.url for a in second] == [server.base + "/a3.html"]
    assert article_hits == {"/a1.html": 1, "/a2.html": 1, "/a3.html": 1}


def test_a_failing_then_recovering_article_is_retried_with_backoff():
    with serve() as server:
        publish(server, ["a1"], etag='"v1"')
        server.routes["/a1.html"].fail_first = 2
        sleeps: list[float] = []
        fetcher = Fetcher(timeout=5, retries=3, backoff=0.01, sleep=lambda s: (sleeps.append(s), time.sleep(s)))
        found = list(FeedWatcher(fetcher).poll(server.base + "/feed.xml"))
        statuses = [s for _, s in server.hits("/a1.html")]
    assert statuses == [503, 503, 200]
    assert sleeps == [0.01, 0.02]  # exponential
    assert len(articles(found)) == 1


def test_article_down_past_the_retries_is_retried_at_the_next_poll():
    with serve() as server:
        publish(server, ["a1", "a2"], etag='"v1"')
        server.routes["/a2.html"].fail_first = 2
        watcher = FeedWatcher(fast_fetcher(retries=1))
        url = server.base + "/feed.xml"
        first = list(watcher.poll(url))
        second = list(watcher.poll(url))
        feed_statuses = [s for _, s in server.hits("/feed.xml")]
    assert isinstance(first[1], InputError) and first[1].code == ErrorCode.UNREADABLE
    assert "503" in first[1].message
    # The failed entry keeps the feed from being treated as unchanged, and only it is fetched again.
    assert feed_statuses == [200, 200]
    assert [a.url for a in articles(second)] == [server.base + "/a2.html"]


def test_feed_down_is_reported_then_recovers():
    with serve() as server:
        publish(server, ["a1"], etag='"v1"')
        server.routes["/feed.xml"].fail_first = 2
        watcher = FeedWatcher(fast_fetcher(retries=1))
        url = server.base + "/feed.xml"
        first = list(watcher.poll(url))
        second = list(watcher.poll(url))
    assert len(first) == 1 and isinstance(first[0], InputError) and first[0].source == url
    assert len(articles(second)) == 1


def test_missing_article_falls_back_to_the_entry_text_and_is_not_retried():
    with serve() as server:
        content = "<p>" + " ".join(PARAS["a3"]) + "</p>"
        server.routes["/atom.xml"] = Route(atom(server.base, "Atom Desk", [
            ("urn:x:1", "/gone.html", "2024-03-01T08:00:00Z", content),
            ("urn:x:2", "", "2024-03-02T08:00:00Z", content.replace("Latveria", "Borduria")),
        ]), "application/atom+xml")
        watcher = FeedWatcher(fast_fetcher())
        url = server.base + "/atom.xml"
        found = list(watcher.poll(url))
        again = list(watcher.poll(url))  # no validators on this feed: full body, but every entry seen
        gone_hits = len(server.hits("/gone.html"))
    assert [a.published for a in articles(found)] == ["2024-03-01", "2024-03-02"]
    assert "Latveria" in articles(found)[0].text and "Borduria" in articles(found)[1].text
    assert articles(found)[0].outlet == "Atom Desk"
    assert again == [] and gone_hits == 1


def test_slow_server_times_out():
    with serve() as server:
        server.routes["/slow.xml"] = Route(b"<rss/>", delay=1.5)
        start = time.monotonic()
        found = list(FeedWatcher(fast_fetcher(retries=0, timeout=0.3)).poll(server.base + "/slow.xml"))
    assert time.monotonic() - start < 1.4
    assert isinstance(found[0], InputError) and "Timeout" in found[0].message


def test_state_survives_a_restart(tmp_path):
    path = tmp_path / "feeds.json"
    save_states(path, {"http://x/feed": FeedState(etag='"e"', modified="m", seen=["g1", "g2"])})
    assert load_states(path) == {"http://x/feed": FeedState(etag='"e"', modified="m", seen=["g1", "g2"])}


@pytest.mark.model
def test_watch_command_stores_new_articles_once(tmp_path):
    from typer.testing import CliRunner

    from chancery.cli.main import app

    db = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    state = str(tmp_path / "feeds.json")
    runner = CliRunner()
    with serve() as server:
        publish(server, ["a1", "a2"], etag='"v1"')
        url = server.base + "/feed.xml"
        first = runner.invoke(app, ["watch", url, "--once", "--db", db, "--state", state])
        second = runner.invoke(app, ["watch", url, "--once", "--db", db, "--state", state])
        feed_statuses = [s for _, s in server.hits("/feed.xml")]
    assert first.exit_code == 0, first.output
    assert "2 new article(s)" in first.output
    assert "0 new article(s)" in second.output
    assert feed_statuses == [200, 304]  # the state file carried the ETag across runs
    from sqlalchemy import create_engine, text

    with create_engine(db).connect() as conn:
        assert conn.execute(text("select count(*) from articles")).scalar() == 2
