"""RSS/Atom feeds: poll politely, fetch the articles that are new, hand them on as Articles.

Politeness and robustness: every request has a timeout; transient failures (connection
errors, timeouts, 429 and 5xx) are retried with exponential backoff, honouring a short
``Retry-After``; feeds are fetched with a conditional GET (ETag / Last-Modified), so an
unchanged feed costs a 304 and no parsing. An entry whose article could not be fetched this
time is not marked seen and is tried again at the next poll; one that can never work (a 4xx)
is reported once and marked seen.
"""

from __future__ import annotations

import calendar
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article
from chancery.ingest.readers import html_to_article

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0
SEEN_LIMIT = 5000  # entry keys remembered per feed; feeds list their latest few dozen entries


class FetchError(Exception):
    """A request that failed for good (after retries, or with a status retrying cannot fix)."""

    def __init__(self, message: str, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass
class FeedState:
    etag: str | None = None
    modified: str | None = None
    seen: list[str] = field(default_factory=list)  # oldest first, at most SEEN_LIMIT

    def mark(self, key: str) -> None:
        if key not in self.seen:
            self.seen.append(key)
            del self.seen[:-SEEN_LIMIT]


def load_states(path: Path) -> dict[str, FeedState]:
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {url: FeedState(**state) for url, state in data.items()}


def save_states(path: Path, states: dict[str, FeedState]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps({url: asdict(s) for url, s in states.items()}, indent=1), encoding="utf-8")
    tmp.replace(path)


def default_state_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("chancery")) / "feeds.json"


class Fetcher:
    """HTTP GET with timeouts and retries with exponential backoff."""

    def __init__(self, timeout: float = 20.0, retries: int = 3, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx

        from chancery import __version__

        self.retries = max(0, retries)
        self.backoff = backoff
        self.sleep = sleep
        self.client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True,
                                   headers={"User-Agent": f"chancery/{__version__} (feed watcher)"})

    def get(self, url: str, headers: dict[str, str] | None = None) -> Any:
        """The response (200 or 304); raises FetchError when the request failed for good."""
        import httpx

        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self.client.get(url, headers=headers or {})
            except httpx.HTTPError as exc:  # connection refused, reset, timeout, bad URL
                if last or isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
                    raise FetchError(f"{type(exc).__name__}: {exc}", transient=not isinstance(
                        exc, httpx.UnsupportedProtocol | httpx.InvalidURL)) from None
                self.sleep(self.backoff * 2**attempt)
                continue
            if response.status_code in RETRY_STATUSES:
                if last:
                    raise FetchError(f"HTTP {response.status_code} after {attempt + 1} attempts", transient=True)
                self.sleep(self._retry_after(response) or self.backoff * 2**attempt)
                continue
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code}", transient=False)
            return response
        raise AssertionError("unreachable")

    @staticmethod
    def _retry_after(response: Any) -> float | None:
        try:
            value = float(response.headers.get("Retry-After", ""))
        except ValueError:
            return None
        return min(max(value, 0.0), MAX_RETRY_AFTER)

    def close(self) -> None:
        self.client.close()


@dataclass(frozen=True)
class FeedEntry:
    key: str  # guid/id, else link, else title
    link: str | None
    title: str | None
    published: str | None
    content: str | None  # the entry's own HTML (content:encoded, or the summary)


def _iso_date(parsed: Any) -> str | None:
    if not parsed:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))


def parse_feed(data: bytes, url: str) -> tuple[str | None, list[FeedEntry]]:
    """(feed title, entries) of an RSS or Atom document."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    entries = []
    for e in parsed.entries:
        content = None
        if e.get("content"):
            content = e["content"][0].get("value")
        content = content or e.get("summary")
        key = e.get("id") or e.get("link") or e.get("title")
        if not key:
            continue
        entries.append(FeedEntry(key=str(key), link=e.get("link"), title=e.get("title"),
                                 published=_iso_date(e.get("published_parsed") or e.get("updated_parsed")),
                                 content=content))
    return parsed.feed.get("title"), entries


def is_feed(data: bytes) -> bool:
    """Whether feedparser recognises an RSS or Atom document (a valid feed may have no entries)."""
    import feedparser

    return bool(feedparser.parse(data).version)


class FeedWatcher:
    """Polls feeds; ``poll(url)`` yields the Articles (or errors) of the entries new since last time."""

    def __init__(self, fetcher: Fetcher, states: dict[str, FeedState] | None = None) -> None:
        self.fetcher = fetcher
        self.states = states if states is not None else {}

    def poll(self, url: str) -> Iterator[Article | InputError]:
        state = self.states.setdefault(url, FeedState())
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
        try:
            response = self.fetcher.get(url, headers)
        except FetchError as exc:
            yield InputError(ErrorCode.UNREADABLE, f"feed not fetched: {exc}", url)
            return
        if response.status_code == 304:
            return
        title, entries = parse_feed(response.content, url)
        if not entries and not response.content.strip():
            yield InputError(ErrorCode.EMPTY, "feed is empty", url)
        elif not entries and not is_feed(response.content):
            yield InputError(ErrorCode.BAD_FEED, "not an RSS or Atom feed (not XML, or no <rss>/<feed> root)", url)
            return
        retry_later = False
        for entry in entries:
            if entry.key in state.seen:
                continue
            item, transient = self._article(entry, title, url)
            if transient:
                retry_later = True
            else:
                state.mark(entry.key)
            yield item
        # Remember the validators only once every entry was dealt with: after a crash mid-feed, or
        # with an article to retry, the next poll must get the full feed, not a 304.
        if not retry_later:
            state.etag = response.headers.get("ETag")
            state.modified = response.headers.get("Last-Modified")

    def _article(self, entry: FeedEntry, outlet: str | None, feed_url: str) -> tuple[Article | InputError, bool]:
        """The entry's article and whether a failure is worth retrying at the next poll."""
        meta = {"url": entry.link, "title": entry.title, "published": entry.published, "outlet": outlet}
        source = entry.link or f"{feed_url}#{entry.key}"
        failure: FetchError | None = None
        if entry.link:
            try:
                response = self.fetcher.get(entry.link)
            except FetchError as exc:
                if exc.transient:  # retry the page next poll rather than settle for the teaser
                    return InputError(ErrorCode.UNREADABLE, f"article not fetched: {exc}", source), True
                failure = exc
            else:
                found = html_to_article(response.text, source, **meta)
                if isinstance(found, Article) or not entry.content:
                    return found, False
        if entry.content:  # no link, or the page failed: the entry's own text is the next best
            found = html_to_article(f"<html><body><article>{entry.content}</article></body></html>", source, **meta)
            if isinstance(found, Article):
                return found, False
        if failure is not None:
            return InputError(ErrorCode.UNREADABLE, f"article not fetched: {failure}", source), False
        return InputError(ErrorCode.NO_TEXT, "feed entry has neither a link nor text", source), False
