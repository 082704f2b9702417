"""The shipped reference facts (``chancery/data/recognitions/recognitions.csv``): the ledger's
starting knowledge, loaded on first use and kept apart as ``reference`` evidence."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from importlib import resources

from sqlalchemy import Connection, insert, select, update

from chancery.ledger import schema as t
from chancery.ledger.store import Act, WriteReport, record_act

META_KEY = "reference_sha1"
_FROM = re.compile(r"^from ([A-Z]{3})\b")


def reference_csv() -> str:
    return resources.files("chancery.data").joinpath("recognitions", "recognitions.csv").read_text(encoding="utf-8")


def load_reference(conn: Connection, text: str | None = None) -> WriteReport | None:
    """Load the reference rows once (again only when the shipped file changed); None if already loaded."""
    text = reference_csv() if text is None else text
    digest = hashlib.sha1(text.encode()).hexdigest()
    current = conn.execute(select(t.meta.c.value).where(t.meta.c.key == META_KEY)).scalar()
    if current == digest:
        return None
    report = WriteReport()
    for row in csv.DictReader(io.StringIO(text)):
        note = (row.get("note") or "").strip()
        source = _FROM.match(note)
        act = Act(actor=row["actor"].strip(), target=row["target"].strip(), type=row["event"].strip(),
                  date_value=row["date"].strip(), from_code=source.group(1) if source else None)
        evidence = {"kind": "reference", "article_id": None, "event_id": None, "date_value": act.date_value,
                    "date_precision": row.get("date_precision"), "date_text": None, "sentence": None,
                    "url": row.get("source_url"), "note": note or None, "outlet": None}
        report.add(record_act(conn, act, evidence, origin="reference"))
    if current is None:
        conn.execute(insert(t.meta).values(key=META_KEY, value=digest))
    else:
        conn.execute(update(t.meta).where(t.meta.c.key == META_KEY).values(value=digest))
    return report
