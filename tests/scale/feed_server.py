"""A small in-process HTTP server on 127.0.0.1 serving feeds and articles, for the feed tests.

Routes are set per test: ``server.routes[path] = Route(...)``. Every request is logged with its
headers so tests can check conditional GETs and retry counts.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    fail_first: int = 0  # answer 503 to this many requests, then serve
    status: int = 200
    delay: float = 0.0
    served: int = 0


@dataclass
class FeedServer:
    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str], int]] = field(default_factory=list)  # (path, headers, status)

    def hits(self, path: str) -> list[tuple[dict[str, str], int]]:
        return [(h, s) for p, h, s in self.log if p == path]


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            route = server.routes.get(self.path)
            headers = {k: v for k, v in self.headers.items()}
            status = self._answer(route)
            server.log.append((self.path, headers, status))

        def _answer(self, route: Route | None) -> int:
            if route is None:
                return self._send(404, b"not here")
            if route.delay:
                time.sleep(route.delay)
            route.served += 1
            if route.served <= route.fail_first:
                return self._send(503, b"try later")
            if route.status != 200:
                return self._send(route.status, b"no")
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                return self._send(304, b"")
            if route.last_modified and not route.etag and \
                    self.headers.get("If-Modified-Since") == route.last_modified:
                return self._send(304, b"")
            extra = {"ETag": route.etag, "Last-Modified": route.last_modified}
            return self._send(200, route.body, route.content_type, extra)

        def _send(self, status: int, body: bytes, content_type: str = "text/plain",
                  extra: dict[str, str | None] | None = None) -> int:
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                if value:
                    self.send_header(key, value)
            self.end_headers()
            if status != 304:
                with contextlib.suppress(BrokenPipeError):  # the client gave up (the timeout test)
                    self.wfile.write(body)
            return status

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    return Handler


@contextmanager
def serve() -> Iterator[FeedServer]:
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def article_html(title: str, paragraphs: list[str], published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Contact us</footer></body></html>").encode()


def rss(base: str, title: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed; items are (guid, path, RFC 822 date)."""
    entries = "".join(
        f"<item><title>Item {guid}</title><link>{base}{path}</link><guid>{guid}</guid>"
        f"<pubDate>{date}</pubDate><description>Short teaser for {guid}.</description></item>"
        for guid, path, date in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/</link><description>test feed</description>{entries}</channel></rss>").encode()


def atom(base: str, title: str, entries: list[tuple[str, str, str, str | None]]) -> bytes:
    """An Atom feed; entries are (id, path or '', ISO timestamp, inline HTML content or None)."""
    parts = []
    for eid, path, updated, content in entries:
        link = f'<link href="{base}{path}"/>' if path else ""
        body = f'<content type="html"><![CDATA[{content}]]></content>' if content else ""
        parts.append(f"<entry><id>{eid}</id><title>Entry {eid}</title>{link}<updated>{updated}</updated>{body}</entry>")
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>{base}/atom</id><updated>2024-03-02T00:00:00Z</updated>"
            f"{''.join(parts)}</feed>").encode()
