"""`chancery serve` and `chancery ingest` write one SQLite ledger at once while many API readers
read it: every write lands, and no "database is locked" ever reaches a user."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections import Counter

import httpx
import pytest
from rel_support import chancery_cmd, clean_env, consistency_report, corpus_lines, write_corpus

from live_server import free_port

TOKEN = "reliability-token-5678"
CLI_ARTICLES = 60
API_ARTICLES = 12
READERS = 8
READ_PATHS = ["/v1/entities/ABK/status", "/v1/entities/XKX/timeline", "/v1/states/RUS/positions",
              "/v1/events?limit=20", "/v1/articles?limit=20", "/v1/entities?as_of=2015-01-01"]


def _wait_up(base: str, proc: subprocess.Popen[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(f"{base}/v1/entities", timeout=5)
            return
        except httpx.TransportError:
            if proc.poll() is not None:
                raise AssertionError(f"server exited: {proc.communicate()}") from None
            assert time.monotonic() < deadline, "server did not come up"
            time.sleep(0.3)


def _reader(base: str, stop: threading.Event, statuses: Counter[int], problems: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        n = 0
        while not stop.is_set():
            path = READ_PATHS[n % len(READ_PATHS)]
            n += 1
            response = client.get(path)
            statuses[response.status_code] += 1
            if response.status_code != 200 or "locked" in response.text:
                problems.append(f"GET {path}: {response.status_code} {response.text[:300]}")


@pytest.mark.model
def test_serve_and_ingest_write_one_sqlite_ledger_with_concurrent_readers(tmp_path):
    db = tmp_path / "shared.db"
    url = f"sqlite:///{db}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # all readers share 127.0.0.1: the per-client rate limit (tested on its own) is lifted here
    env = clean_env(tmp_path, CHANCERY_TOKEN=TOKEN, CHANCERY_RATE_LIMIT="0")
    server = subprocess.Popen(chancery_cmd("serve", "--db", url, "--port", str(port)), env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()
    statuses: Counter[int] = Counter()
    problems: list[str] = []
    readers = [threading.Thread(target=_reader, args=(base, stop, statuses, problems), daemon=True)
               for _ in range(READERS)]
    try:
        _wait_up(base, server)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        # load the server's pipeline first, so its writes overlap the CLI's instead of waiting for a model
        warm = httpx.post(f"{base}/v1/extract", json={"text": "Nauru recognised Abkhazia in 2009."}, timeout=180)
        assert warm.status_code == 200, warm.text
        corpus = write_corpus(tmp_path / "cli.jsonl", CLI_ARTICLES)
        ingest = subprocess.Popen(chancery_cmd("ingest", str(corpus), "--db", url), env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for thread in readers:
            thread.start()
        # the API writes its own articles plus some the CLI writes too (the same content id)
        api_lines = corpus_lines(API_ARTICLES, start=1000) + corpus_lines(6, start=CLI_ARTICLES - 6)
        write_results = []
        with httpx.Client(base_url=base, timeout=120, headers=auth) as writer:
            for line in api_lines:
                response = writer.post("/v1/articles", json=json.loads(line))
                write_results.append((response.status_code, response.text))
                if ingest.poll() is not None and len(write_results) >= API_ARTICLES:
                    break
        cli_out, cli_err = ingest.communicate(timeout=240)
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=60)
        server.terminate()
        _, server_err = server.communicate(timeout=60)

    assert ingest.returncode == 0, cli_err
    for text in (cli_out, cli_err, server_err):
        assert "locked" not in text.lower(), text[-2000:]
    bad_writes = [(s, t) for s, t in write_results if s not in (200, 201) or "locked" in t]
    assert not bad_writes, bad_writes
    assert not problems, problems[:5]
    assert sum(statuses.values()) >= READERS, statuses  # the readers really ran alongside the writers
    report = consistency_report(db)
    assert report["integrity"] == "ok" and report["foreign_key_violations"] == 0, report
    # every article landed exactly once: the CLI's, the API's own, and the ones both sent
    assert report["articles"] == report["distinct_articles"] == CLI_ARTICLES + API_ARTICLES, report
    assert report["orphan_events"] == 0 and report["wrong_evidence_counts"] == 0, report
    print(f"reads: {dict(statuses)}; API writes: {Counter(s for s, _ in write_results)}")

