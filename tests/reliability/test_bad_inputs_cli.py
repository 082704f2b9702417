"""Bad inputs through the CLI as a user runs it: each gets its coded error on stderr, and everything
else in the same run lands in the ledger."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

import psutil
import pytest
from feed_stub import StubServer
from rel_support import article_text, chancery_cmd, clean_env, consistency_report, run_chancery

NAV_ONLY_HTML = """<!doctype html><html><head><title>Ministry portal</title>
<script>var tracking = 1;</script><style>nav {display: flex}</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></nav>
<div class="cookie">We use cookies.</div><footer>(c) Ministry</footer></body></html>"""
FEB_31 = ("The foreign ministry of Nauru said on 31 February 2023 that it recognises Abkhazia as an "
          "independent state. Officials in the capital confirmed the decision on 30 February.")


def _db_rows(db: Path, query: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, params).fetchall()


def _skipped(stderr: str) -> dict[str, str]:
    """source → error code, from the CLI's 'skipped SOURCE[:LINE]: MESSAGE [CODE] (HINT)' lines."""
    found = {}
    for match in re.finditer(r"^skipped (\S+?): .*?\[(E_[A-Z_]+)\]", stderr, re.M):
        found[Path(match.group(1)).name] = match.group(2)
    return found


@pytest.mark.model
def test_ingest_reports_each_bad_input_and_stores_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(article_text(1), encoding="utf-8")
    (tmp_path / "nav-only.html").write_text(NAV_ONLY_HTML, encoding="utf-8")
    (tmp_path / "feb31.txt").write_text(FEB_31, encoding="utf-8")
    sentence = "The delegation met the ambassador and discussed trade, transport and fishing rights. "
    huge = tmp_path / "over-max-length.txt"  # 1.1 million characters: over spaCy's max_length
    huge.write_text(sentence * (1_100_000 // len(sentence) + 1), encoding="utf-8")
    lines = [json.dumps({"text": article_text(2), "published": "2011-01-01"}), '{"text": "broken',
             json.dumps({"text": article_text(3), "published": "2012-01-01"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "ledger.db"
    inputs = ["good.txt", "nav-only.html", "feb31.txt", "over-max-length.txt", "batch.jsonl"]

    started = time.monotonic()
    done = run_chancery("ingest", *inputs, "--db", f"sqlite:///{db}", "--published", "2023-03-10",
                        env=clean_env(tmp_path), cwd=tmp_path, timeout=400)
    elapsed = time.monotonic() - started

    assert done.returncode == 3, done.stderr  # some inputs skipped, the rest processed
    assert "Traceback" not in done.stderr
    assert _skipped(done.stderr) == {"nav-only.html": "E_NO_TEXT", "over-max-length.txt": "E_TOO_LARGE",
                                     "batch.jsonl:2": "E_BAD_JSON"}, done.stderr
    assert "ingested 4 article(s)" in done.stderr
    report = consistency_report(db)
    assert report["articles"] == 4 and report["integrity"] == "ok", report
    # "31 February" is no date: the event keeps the publication date as its basis, no day is invented
    (feb_id,) = _db_rows(db, "SELECT id FROM articles WHERE text LIKE '%31 February%'")[0]
    events = _db_rows(db, "SELECT date_value, date_precision, date_basis, date_text FROM events "
                          "WHERE article_id = ?", feb_id)
    assert events, "the recognition in the 31 February article was not extracted"
    for value, precision, basis, text in events:
        assert value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), value
        assert not (value or "").endswith(("-31", "-30")) or not (value or "").startswith("2023-02"), value
        if basis == "text":
            assert precision != "day", (value, text)  # a day that does not exist was turned into one
        assert "February" not in (text or "") or precision != "day", (value, text)
    print(f"ingest of 5 inputs with 3 bad ones: {elapsed:.1f}s")


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Post</title><link>{base}/</link><description>news</description>
<item><title>Report one</title><guid>r-1</guid><pubDate>Tue, 15 Dec 2009 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{one}</p>]]></content:encoded></item>
<item><title>Report two</title><guid>r-2</guid><pubDate>Wed, 16 Dec 2009 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{two}</p>]]></content:encoded></item>
</channel></rss>"""


@pytest.mark.model
def test_watch_reports_a_feed_that_is_not_xml_and_still_stores_the_good_feed(tmp_path):
    routes: dict[str, tuple[bytes, str]] = {
        "/not-xml": (b'{"this": "is json, not a feed"} <<< >>>', "application/rss+xml"),
        "/html-page": (NAV_ONLY_HTML.encode(), "text/html"),
    }
    with StubServer(routes) as server:
        routes["/good.rss"] = (RSS.format(base=server.base, one=article_text(4), two=article_text(5)).encode(),
                               "application/rss+xml")
        db = tmp_path / "ledger.db"
        urls = [f"{server.base}/not-xml", f"{server.base}/good.rss", f"{server.base}/html-page"]
        done = run_chancery("watch", *urls, "--once", "--db", f"sqlite:///{db}",
                            "--state", str(tmp_path / "feeds.json"), env=clean_env(tmp_path), timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert re.search(r"skipped \S+/not-xml: .*\[E_BAD_FEED\]", done.stderr), done.stderr
    assert re.search(r"skipped \S+/html-page: .*\[E_BAD_FEED\]", done.stderr), done.stderr
    assert "poll 1: 2 new article(s), 0 already stored, 2 failed" in done.stderr
    titles = sorted(t for (t,) in _db_rows(db, "SELECT title FROM articles"))
    assert titles == ["Report one", "Report two"]


def _peak_rss(proc: psutil.Popen, timeout: float) -> tuple[int, float]:
    """Wait for ``proc``; return the peak resident memory of it and its worker processes together
    (bytes, polled every 0.1 s) and the wall time."""
    peak = 0
    started = time.monotonic()
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if time.monotonic() - started > timeout:
            proc.kill()
            raise AssertionError(f"still running after {timeout} s")
        time.sleep(0.1)
    proc.wait()
    return peak, time.monotonic() - started


@pytest.mark.model
def test_an_article_of_ten_thousand_sentences_is_extracted_in_bounded_time_and_memory(tmp_path):
    subjects = ["The minister", "A spokesman", "The delegation", "The envoy", "Officials"]
    objects = ["the ambassador", "the committee", "his counterpart", "the council", "the press"]
    sentences = [f"{subjects[i % 5]} met {objects[(i // 5) % 5]} on day {i}." for i in range(10_000)]
    text = "Nauru said on 14 December 2009 that it recognises Abkhazia. " + " ".join(sentences)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "ledger.db"
    proc = psutil.Popen(chancery_cmd("ingest", str(path), "--db", f"sqlite:///{db}"), env=clean_env(tmp_path),
                        stdout=open(tmp_path / "out.txt", "w"), stderr=open(tmp_path / "err.txt", "w"))  # noqa: SIM115
    peak, elapsed = _peak_rss(proc, timeout=480)
    stderr = (tmp_path / "err.txt").read_text()
    assert proc.returncode == 0, stderr
    assert "ingested 1 article(s)" in stderr
    (length,) = _db_rows(db, "SELECT length(text) FROM articles")[0]
    assert length == len(text)  # processed whole, not cut
    targets = _db_rows(db, "SELECT actor_code, target_code FROM events WHERE type = 'recognize'")
    assert ("NRU", "ABK") in targets
    assert peak < 4_000_000_000, f"peak RSS {peak / 1e6:.0f} MB"  # parent + one pipeline per worker
    print(f"10,000 sentences ({len(text):,} chars): {elapsed:.1f}s wall, peak RSS {peak / 1e6:.0f} MB")
