"""`chancery ingest` killed with SIGKILL at several points leaves a consistent ledger, and a rerun
completes it with no duplicates and nothing lost (compared with a ledger ingested without a crash)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from rel_support import (
    article_count,
    chancery_cmd,
    clean_env,
    consistency_report,
    facts,
    per_article,
    run_chancery,
    write_corpus,
)

ARTICLES = 100
CONSISTENT = {"integrity": "ok", "foreign_key_violations": 0, "orphan_events": 0, "orphan_quotes": 0,
              "orphan_people": 0, "orphan_mentions": 0, "orphan_evidence": 0, "evidence_without_fact": 0,
              "wrong_evidence_counts": 0}


def _has_tables(db: Path) -> bool:
    if not db.exists():
        return False
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0] == 1


def _kill(proc: subprocess.Popen[str], when: str, db: Path, deadline: float) -> str:
    """SIGKILL ``proc`` at ``when`` ('1s', '3s', or 'writing:N' = once N or more articles are stored,
    polled every 20 ms); returns what was observed at the kill."""
    if when.endswith("s"):
        time.sleep(float(when[:-1]))
    else:
        wanted = int(when.split(":")[1])
        while article_count(db) < wanted:
            assert proc.poll() is None, f"ingest ended before the kill point: {proc.communicate()}"
            assert time.monotonic() < deadline, "no articles written in time"
            time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"process ended by itself first ({proc.returncode})"
    return when


def _assert_consistent(db: Path, moment: str) -> None:
    if not _has_tables(db):
        return  # killed before the schema was created: nothing to check but the file's integrity
    report = consistency_report(db)
    assert {k: report[k] for k in CONSISTENT} == CONSISTENT, (moment, report)
    assert report["articles"] == report["distinct_articles"], (moment, report)


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory, extractor) -> Path:
    """The same corpus ingested in one go (same extraction, same write path) as the reference."""
    from chancery.ingest.readers import read_inputs
    from chancery.ledger import Ledger

    folder = tmp_path_factory.mktemp("reference")
    corpus = write_corpus(folder / "corpus.jsonl", ARTICLES)
    db = folder / "reference.db"
    articles = list(read_inputs([str(corpus)]))
    with Ledger.open(f"sqlite:///{db}") as ledger:
        for article, extraction in extractor.extract_pairs(articles):
            ledger.ingest(article.text, extraction)
    return db


@pytest.mark.model
def test_sigkill_mid_ingest_leaves_a_consistent_ledger_and_a_rerun_completes_it(tmp_path, uninterrupted):
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    db = tmp_path / "ledger.db"
    env = clean_env(tmp_path)
    args = chancery_cmd("ingest", str(corpus), "--db", f"sqlite:///{db}")
    started = time.monotonic()
    observed = []
    for when in ("1s", "3s", "writing:1", "writing:40"):
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _kill(proc, when, db, deadline=time.monotonic() + 150)
        observed.append((when, article_count(db)))
        _assert_consistent(db, f"after SIGKILL at {when}")
    assert observed[-1][1] < ARTICLES, f"the last kill came after the run finished: {observed}"

    rerun = run_chancery("ingest", str(corpus), "--db", f"sqlite:///{db}", env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "database is locked" not in rerun.stderr
    _assert_consistent(db, "after the rerun")
    report = consistency_report(db)
    assert report["articles"] == report["distinct_articles"] == ARTICLES, report
    # nothing lost and nothing doubled: every article holds exactly what an uninterrupted ingest stored
    assert per_article(db) == per_article(uninterrupted)
    assert facts(db) == facts(uninterrupted)
    print(f"kill points (moment, articles stored): {observed}; total {time.monotonic() - started:.0f}s")
