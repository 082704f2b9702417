"""The shipped reference facts (``chancery/data/recognitions/recognitions.csv``): the ledger's
starting knowledge, loaded on first use and kept apart as ``reference`` evidence."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from importlib import resources
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, insert, select, update

from chancery.ledger import schema as t
from chancery.ledger.dates import interval, precision_of
from chancery.ledger.store import Act, WriteReport, choose_fact, evidence_key, record_act, short_hash

META_KEY = "reference_sha1"
_FROM = re.compile(r"^from ([A-Z]{3})\b")


def reference_csv() -> str:
    return resources.files("chancery.data").joinpath("recognitions", "recognitions.csv").read_text(encoding="utf-8")


def _parse(row: dict[str, str]) -> tuple[Act, dict[str, Any]]:
    note = (row.get("note") or "").strip()
    source = _FROM.match(note)
    act = Act(actor=row["actor"].strip(), target=row["target"].strip(), type=row["event"].strip(),
              date_value=row["date"].strip(), from_code=source.group(1) if source else None)
    evidence = {"kind": "reference", "article_id": None, "event_id": None, "date_value": act.date_value,
                "date_precision": row.get("date_precision"), "date_text": None, "sentence": None,
                "url": row.get("source_url"), "note": note or None, "outlet": None}
    return act, evidence


def bulk_load(conn: Connection, rows: list[tuple[Act, dict[str, Any]]]) -> WriteReport:
    """Into an empty ledger: the same merge rules as :func:`record_act`, applied in memory, written in bulk."""
    report = WriteReport()
    facts: dict[tuple[str, str, str], list[SimpleNamespace]] = {}
    evidence_rows: list[dict[str, Any]] = []
    dispute_rows: list[dict[str, Any]] = []
    for act, evidence in rows:
        known = facts.setdefault((act.actor, act.target, act.type), [])
        fact, dispute = choose_fact(known, act)
        if fact is None:
            first, last = interval(act.date_value)
            fact = SimpleNamespace(
                id="f-" + short_hash(act.actor, act.target, act.type, act.date_value), actor=act.actor,
                target=act.target, from_code=act.from_code, type=act.type, date_value=act.date_value,
                date_precision=precision_of(act.date_value), date_first=first, date_last=last, origin="reference",
                evidence_count=0, disputed=False)
            known.append(fact)
            known.sort(key=lambda f: f.date_first)
            report.facts_created += 1
        else:
            report.facts_merged += 1
        evidence_id = evidence_key(fact.id, act, evidence)
        if any(e["id"] == evidence_id for e in evidence_rows):
            continue
        evidence_rows.append({"id": evidence_id, "fact_id": fact.id, "stance": act.stance, **evidence})
        fact.evidence_count += 1
        if dispute:
            fact.disputed = True
            dispute_rows.append({"id": "d-" + short_hash(evidence_id), "fact_id": fact.id, "evidence_id": evidence_id,
                                 "kind": dispute, "detail": f"reported on {act.date_value}; ledger date {fact.date_value}"})
            report.disputes += 1
    all_facts = [vars(f) for group in facts.values() for f in group]
    if all_facts:
        conn.execute(insert(t.facts), all_facts)
    if evidence_rows:
        conn.execute(insert(t.evidence), evidence_rows)
    if dispute_rows:
        conn.execute(insert(t.disputes), dispute_rows)
    return report


def load_reference(conn: Connection, text: str | None = None) -> WriteReport | None:
    """Load the reference rows once (again only when the shipped file changed); None if already loaded."""
    text = reference_csv() if text is None else text
    digest = hashlib.sha1(text.encode()).hexdigest()
    current = conn.execute(select(t.meta.c.value).where(t.meta.c.key == META_KEY)).scalar()
    if current == digest:
        return None
    rows = [_parse(row) for row in csv.DictReader(io.StringIO(text))]
    empty = conn.execute(select(t.facts.c.id).limit(1)).first() is None
    report = bulk_load(conn, rows) if empty else WriteReport()
    if not empty:
        for act, evidence in rows:
            report.add(record_act(conn, act, evidence, origin="reference"))
    if current is None:
        conn.execute(insert(t.meta).values(key=META_KEY, value=digest))
    else:
        conn.execute(update(t.meta).where(t.meta.c.key == META_KEY).values(value=digest))
    return report
