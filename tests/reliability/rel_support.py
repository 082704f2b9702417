"""Helpers for the reliability tests: our own synthetic articles, the CLI run as a user runs it
(a subprocess with a clean environment), and direct reads of a SQLite ledger file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

STATES = [
    ("Nauru", "Abkhazia"), ("Vanuatu", "South Ossetia"), ("Tuvalu", "Kosovo"), ("Palau", "Kosovo"),
    ("Venezuela", "Abkhazia"), ("Nicaragua", "South Ossetia"), ("Syria", "Abkhazia"), ("Liberia", "Kosovo"),
    ("Ghana", "Kosovo"), ("Fiji", "Kosovo"),
]
MONTHS = ["January", "March", "April", "May", "June", "July", "September", "October", "November", "December"]
OUTLETS = ["Harbour Post", "Coastal Ledger", "Evening Wire", "Island Courier"]


def article_text(n: int) -> str:
    """A short English article of our own wording; every ``n`` gives a different text (so a different id)."""
    state, entity = STATES[n % len(STATES)]
    month = MONTHS[(n // len(STATES)) % len(MONTHS)]
    day = 1 + n % 27
    year = 2009 + n % 12
    return (f"The government of {state} said on {day} {month} {year} that it recognises {entity} as an "
            f"independent state. The foreign minister told reporters in the capital that the decision "
            f"followed months of talks. \"This is a step for peace in the region,\" the minister said. "
            f"Officials in the neighbouring country criticised the move. Report number {n} of the series.")


def corpus_lines(count: int, start: int = 0) -> list[str]:
    return [json.dumps({"text": article_text(n), "published": f"{2009 + n % 12}-12-31",
                        "outlet": OUTLETS[n % len(OUTLETS)], "title": f"Recognition report {n}"})
            for n in range(start, start + count)]


def write_corpus(path: Path, count: int, start: int = 0) -> Path:
    path.write_text("\n".join(corpus_lines(count, start)) + "\n", encoding="utf-8")
    return path


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user with no Chancery settings, whose data dir is a temp folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def chancery_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "chancery", *args]


def run_chancery(*args: str, env: dict[str, str], timeout: float = 300, cwd: Path | None = None
                 ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(chancery_cmd(*args), env=env, capture_output=True, text=True, timeout=timeout,
                          cwd=cwd)


def connect(db: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that waits for writers instead of failing."""
    conn = sqlite3.connect(db, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def article_count(db: Path) -> int:
    """Articles stored so far; 0 while the ledger file or its tables do not exist yet."""
    if not db.exists():
        return 0
    try:
        with connect(db) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


CHILD_TABLES = ("events", "quotes", "people", "mentions")


def consistency_report(db: Path) -> dict[str, object]:
    """What a consistent ledger must show: integrity ok, no orphans, no duplicate articles."""
    conn = connect(db)
    try:
        report: dict[str, object] = {
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "foreign_key_violations": len(conn.execute("PRAGMA foreign_key_check").fetchall()),
            "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "distinct_articles": conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0],
        }
        for table in CHILD_TABLES:  # rows whose article is missing = a half-written article
            report[f"orphan_{table}"] = conn.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]  # noqa: S608
        report["orphan_evidence"] = conn.execute(
            "SELECT count(*) FROM evidence WHERE article_id IS NOT NULL "
            "AND article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        report["evidence_without_fact"] = conn.execute(
            "SELECT count(*) FROM evidence WHERE fact_id NOT IN (SELECT id FROM facts)").fetchone()[0]
        report["wrong_evidence_counts"] = conn.execute(
            "SELECT count(*) FROM facts f WHERE f.evidence_count != "
            "(SELECT count(*) FROM evidence e WHERE e.fact_id = f.id)").fetchone()[0]
        return report
    finally:
        conn.close()


def per_article(db: Path) -> dict[str, tuple[int, ...]]:
    """For each stored article, how many rows of each kind it has (events, quotes, people, mentions)."""
    conn = connect(db)
    try:
        out: dict[str, tuple[int, ...]] = {}
        for (aid,) in conn.execute("SELECT id FROM articles"):
            out[aid] = tuple(conn.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", (aid,)).fetchone()[0]  # noqa: S608
                             for table in CHILD_TABLES)
        return out
    finally:
        conn.close()


def facts(db: Path) -> set[tuple[object, ...]]:
    conn = connect(db)
    try:
        return set(conn.execute("SELECT id, actor, target, type, date_value, evidence_count, disputed FROM facts"))
    finally:
        conn.close()
