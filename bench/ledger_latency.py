"""Latency of `ledger status --as-of` on a big ledger.

Fills a ledger with synthetic articles and N extracted events (default 1,000,000), each event
evidence for one of ~25,000 facts (recognitions, withdrawals, restorations of 50 entities by 190
states over 40 years), then times ``Ledger.status(entity, as_of)`` — what `chancery ledger status
ENTITY --as-of DATE` runs after start-up — for random entities and dates. Prints p50/p95/p99.

    .venv/bin/python bench/ledger_latency.py                      # temp SQLite file, 1M events
    .venv/bin/python bench/ledger_latency.py --db postgresql://… --events 200000
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from chancery.ledger import Ledger
from chancery.ledger import schema as t
from chancery.ledger.dates import interval

CONTESTED = ["DPR", "LPR", "ABK", "SOS", "TRN", "ART", "XKX", "ESH", "NCY", "SML", "TWN", "PSE"]
EVENTS_PER_ARTICLE = 100
CHUNK = 20_000


def _states(rng: random.Random) -> list[str]:
    import pycountry

    codes = sorted(c.alpha_3 for c in pycountry.countries)
    return rng.sample(codes, 190)


def _day(rng: random.Random) -> str:
    return (date(1985, 1, 1) + timedelta(days=rng.randrange(40 * 365))).isoformat()


def synthetic_facts(rng: random.Random) -> list[dict]:
    targets = CONTESTED + [f"Q{i:02d}" for i in range(38)]
    facts = []
    for target in targets:
        for actor in _states(rng):
            if rng.random() < 0.35:
                continue
            days = sorted(_day(rng) for _ in range(rng.choice([1, 1, 2, 3, 4])))
            for i, day in enumerate(days):
                kind = "recognize" if i % 2 == 0 else rng.choice(["withdraw_recognition", "suspend_recognition"])
                if i >= 2 and i % 2 == 0:
                    kind = "restore_recognition"
                first, last = interval(day)
                facts.append({"id": f"f-syn-{target}-{actor}-{i}", "actor": actor, "target": target, "from_code": None,
                              "type": kind, "date_value": day, "date_precision": "day", "date_first": first,
                              "date_last": last, "origin": "extracted", "evidence_count": 0, "disputed": False})
    return facts


def bulk(conn, table, rows: list[dict]) -> None:
    """Insert many rows; on SQLite through the driver directly (SQLAlchemy's per-row work dominates there)."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    columns = list(rows[0])
    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join('?' * len(columns))})"
    conn.exec_driver_sql(sql, [tuple(r[c] for c in columns) for r in rows])


def fill(ledger: Ledger, n_events: int, rng: random.Random) -> int:
    facts = synthetic_facts(rng)
    picks = [rng.randrange(len(facts)) for _ in range(n_events)]  # which fact each event reports
    for index in picks:
        facts[index]["evidence_count"] += 1
    with ledger.engine.begin() as conn:
        conn.execute(insert(t.facts), facts)
    articles: list[dict] = []
    events: list[dict] = []
    evidence: list[dict] = []

    def flush(conn) -> None:
        bulk(conn, t.articles, articles)
        bulk(conn, t.events, events)
        bulk(conn, t.evidence, evidence)
        articles.clear(), events.clear(), evidence.clear()

    with ledger.engine.begin() as conn:
        for n, index in enumerate(picks):
            seq = n % EVENTS_PER_ARTICLE
            aid = f"a-syn{n // EVENTS_PER_ARTICLE:08d}"
            if seq == 0:
                articles.append({"id": aid, "published": _day(rng), "text": "synthetic", "ingested_at": "bench",
                                 "url": None, "title": None, "outlet": "bench", "source_profile": None})
            fact = facts[index]
            eid = f"{aid}:e{seq}"
            events.append({"id": eid, "article_id": aid, "seq": seq, "type": fact["type"], "plover": "",
                           "cameo": "", "actor_code": fact["actor"], "actor_name": fact["actor"],
                           "target_code": fact["target"], "target_name": fact["target"], "from_code": None,
                           "date_value": fact["date_value"], "date_precision": "day", "date_text": None,
                           "date_basis": "text", "planned_value": None, "modality": "asserted",
                           "sentence_start": 0, "sentence_end": 9, "trigger_text": "synthetic",
                           "trigger_start": 0, "trigger_end": 9, "confidence": 1.0, "attribution": None,
                           "fact_id": fact["id"]})
            evidence.append({"id": f"e-{eid}", "fact_id": fact["id"], "kind": "extracted", "stance": "asserts",
                             "article_id": aid, "event_id": eid, "date_value": fact["date_value"],
                             "date_precision": "day", "sentence": "synthetic", "sentence_start": 0,
                             "sentence_end": 9})
            if len(events) >= CHUNK:
                flush(conn)
        flush(conn)
    return len(facts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="ledger URL (default: a new SQLite file in a temp dir)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tmp = tempfile.TemporaryDirectory(prefix="chancery-bench-")
    url = args.db or f"sqlite:///{Path(tmp.name) / 'bench.sqlite3'}"
    with Ledger.open(url) as ledger:
        started = time.perf_counter()
        n_facts = fill(ledger, args.events, rng)
        fill_s = time.perf_counter() - started
        counts = ledger.counts()
        print(f"filled {url.split('?')[0]}: {counts['events']:,} events, {counts['evidence']:,} evidence rows, "
              f"{counts['facts']:,} facts ({n_facts:,} synthetic) in {fill_s:.1f} s")
        entities = CONTESTED + [f"Q{i:02d}" for i in range(38)]
        for _ in range(20):  # warm the cache and the connection pool
            ledger.status(rng.choice(entities), _day(rng))
        timings, cpu, sizes = [], [], []
        for _ in range(args.queries):
            entity, as_of = rng.choice(entities), _day(rng)
            t0, c0 = time.perf_counter(), time.process_time()
            rows = ledger.status(entity, as_of=as_of)
            timings.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            sizes.append(len(rows))
    for label, values in (("wall", timings), ("cpu", cpu)):
        cuts = statistics.quantiles(values, n=100)
        print(f"status --as-of, {args.queries} random (entity, date) queries, {statistics.mean(sizes):.0f} rows avg, "
              f"{label}: p50 {cuts[49]:.2f} ms, p95 {cuts[94]:.2f} ms, p99 {cuts[98]:.2f} ms, max {max(values):.2f} ms")
    tmp.cleanup()


if __name__ == "__main__":
    main()
