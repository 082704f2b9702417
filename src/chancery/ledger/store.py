"""The write path: one transaction per article; facts merge reports of the same act.

An act is (actor, target, type, date). A new report of an act already in the ledger — same
actor, target and type with an overlapping date interval — becomes more evidence for that fact.
A report close in time but with a date that cannot be the same (e.g. 25 vs 26 February) is
evidence too, and a ``date_conflict`` dispute; a negated report of a known act is a ``denial``.
Neither overwrites the fact.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, insert, select, update

from chancery.ledger import schema as t
from chancery.ledger.dates import gap_days, interval, overlaps, precision_of

# Event types that become ledger facts (the recognition family, plus the reference table's
# suspend/restore rows).
FACT_TYPES = frozenset({
    "recognize", "withdraw_recognition", "switch_recognition", "suspend_recognition", "restore_recognition",
    "announce_intent_to_recognize", "refuse_recognition", "talks_on_recognition",
    "establish_relations", "sever_relations",
})
# Reports this many days apart (or fewer) are read as one act with disputed dates, not two acts.
SAME_ACT_WINDOW_DAYS = 31
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def short_hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Act:
    actor: str
    target: str
    type: str
    date_value: str
    from_code: str | None = None
    stance: Literal["asserts", "denies"] = "asserts"
    weak_date: bool = False  # dated only by publication: the act happened on or before that day


@dataclass
class WriteReport:
    facts_created: int = 0
    facts_merged: int = 0
    disputes: int = 0
    fact_id: str | None = None  # the fact the last report was attached to

    def add(self, other: WriteReport) -> None:
        self.facts_created += other.facts_created
        self.facts_merged += other.facts_merged
        self.disputes += other.disputes


def _candidates(conn: Connection, act: Act) -> list[Any]:
    query = select(t.facts).where(t.facts.c.actor == act.actor, t.facts.c.target == act.target,
                                  t.facts.c.type == act.type).order_by(t.facts.c.date_first)
    return list(conn.execute(query))


def choose_fact(rows: list[Any], act: Act) -> tuple[Any | None, str | None]:
    """The fact this report belongs to (if any) and the dispute it raises (if any)."""
    span = interval(act.date_value)
    if act.weak_date:
        earlier = [r for r in rows if r.date_first <= span[1]]
        return (earlier[-1], None) if earlier else (None, None)
    matching = [r for r in rows if overlaps((r.date_first, r.date_last), span)]
    if matching:
        return min(matching, key=lambda r: _PRECISION_RANK.get(r.date_precision, 3)), None
    near = [r for r in rows if gap_days((r.date_first, r.date_last), span) <= SAME_ACT_WINDOW_DAYS]
    if near:
        return min(near, key=lambda r: gap_days((r.date_first, r.date_last), span)), "date_conflict"
    return None, None


def evidence_key(fact_id: str, act: Act, evidence: dict[str, Any]) -> str:
    return "e-" + short_hash(fact_id, evidence.get("event_id") or evidence.get("note"), evidence.get("url"),
                             act.date_value, act.stance)


def record_act(conn: Connection, act: Act, evidence: dict[str, Any], origin: str) -> WriteReport:
    """Attach one report (with its evidence row) to the ledger's facts, inside the caller's transaction."""
    report = WriteReport()
    rows = _candidates(conn, act)
    dispute: str | None
    if act.stance == "denies":
        before = [r for r in rows if r.date_first <= interval(act.date_value)[1]] or rows
        if not before:
            return report  # a denial of an act nobody reported is no fact
        fact, dispute = before[-1], "denial"
    else:
        fact, dispute = choose_fact(rows, act)
    if fact is None:
        first, last = interval(act.date_value)
        fact_id = "f-" + short_hash(act.actor, act.target, act.type, act.date_value)
        conn.execute(insert(t.facts).values(
            id=fact_id, actor=act.actor, target=act.target, from_code=act.from_code, type=act.type,
            date_value=act.date_value, date_precision=precision_of(act.date_value), date_first=first,
            date_last=last, origin=origin, evidence_count=0, disputed=False))
        report.facts_created += 1
    else:
        fact_id = fact.id
        report.facts_merged += 1
    evidence_id = evidence_key(fact_id, act, evidence)
    report.fact_id = fact_id
    if conn.execute(select(t.evidence.c.id).where(t.evidence.c.id == evidence_id)).first() is not None:
        return WriteReport(fact_id=fact_id)  # this very report is already recorded
    conn.execute(insert(t.evidence).values(id=evidence_id, fact_id=fact_id, stance=act.stance, **evidence))
    changes: dict[str, Any] = {"evidence_count": t.facts.c.evidence_count + 1}
    if fact is not None and dispute is None and act.stance == "asserts" and not act.weak_date \
            and _PRECISION_RANK[precision_of(act.date_value)] < _PRECISION_RANK.get(fact.date_precision, 3):
        first, last = interval(act.date_value)  # a finer date inside the known one refines it
        changes.update(date_value=act.date_value, date_precision=precision_of(act.date_value),
                       date_first=first, date_last=last)
    if dispute is not None and fact is not None:
        detail = (f"reported as {'not having happened' if dispute == 'denial' else 'on ' + act.date_value}; "
                  f"ledger date {fact.date_value}")
        conn.execute(insert(t.disputes).values(id="d-" + short_hash(evidence_id), fact_id=fact_id,
                                               evidence_id=evidence_id, kind=dispute, detail=detail))
        changes["disputed"] = True
        report.disputes += 1
    conn.execute(update(t.facts).where(t.facts.c.id == fact_id).values(**changes))
    return report


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        found = value.get("name") or value.get("text")
        return str(found) if found else None
    return str(value) if value else None


def event_act(event: Any, published: str | None) -> Act | None:
    """The ledger act an extracted event reports, or None when it is no fact (negated, possible, unresolved)."""
    if event.type not in FACT_TYPES or event.actor is None or event.target is None:
        return None
    if not event.actor.code or not event.target.code or event.actor.code == event.target.code:
        return None
    allowed = {"asserted", "future", "conditional"} if event.type == "announce_intent_to_recognize" else {"asserted"}
    if event.modality == "negated" and event.type == "recognize":
        stance: Literal["asserts", "denies"] = "denies"
    elif event.modality in allowed:
        stance = "asserts"
    else:
        return None
    value = event.date.value or published
    if not value:
        return None
    try:
        interval(value)
    except ValueError:
        return None
    weak = event.date.basis != "text" or not event.date.value
    return Act(actor=event.actor.code, target=event.target.code, type=event.type, date_value=value,
               from_code=event.source.code if event.source else None, stance=stance, weak_date=weak)


@dataclass
class ArticleResult:
    article_id: str
    stored: bool  # False: it was already in the ledger (re-ingest is a no-op)
    events: int = 0
    writes: WriteReport | None = None


def store_article(conn: Connection, text: str, extraction: Any) -> ArticleResult:
    """Write one article and everything extracted from it, in the caller's (single) transaction."""
    aid = extraction.id
    if conn.execute(select(t.articles.c.id).where(t.articles.c.id == aid)).first() is not None:
        return ArticleResult(aid, stored=False)
    conn.execute(insert(t.articles).values(
        id=aid, published=extraction.published, url=extraction.url, title=extraction.title,
        outlet=extraction.outlet, source_profile=extraction.source, text=text, ingested_at=now_iso()))
    if extraction.entities:
        conn.execute(insert(t.mentions), [
            {"article_id": aid, "code": a.code, "name": a.name, "kind": a.kind, "text": a.text,
             "start": a.start, "end": a.end, "country": a.country} for a in extraction.entities])
    for seq, quote in enumerate(extraction.quotes):
        conn.execute(insert(t.quotes).values(
            id=f"{aid}:q{seq}", article_id=aid, seq=seq, text=str(quote.get("text", "")),
            speaker=_name(quote.get("speaker")), channel=_name(quote.get("channel")), data=quote))
    for seq, person in enumerate(extraction.people):
        aff = person.get("affiliation")
        conn.execute(insert(t.people).values(
            id=f"{aid}:p{seq}", article_id=aid, seq=seq, name=str(person.get("name") or person.get("text") or ""),
            role=person.get("role"), affiliation=aff.get("code") if isinstance(aff, dict) else aff, data=person))
    writes = WriteReport()
    for seq, ev in enumerate(extraction.events):
        event_id = f"{aid}:e{seq}"
        conn.execute(insert(t.events).values(
            id=event_id, article_id=aid, seq=seq, type=ev.type, plover=ev.plover, cameo=ev.cameo,
            actor_code=ev.actor.code if ev.actor else None, actor_name=ev.actor.name if ev.actor else None,
            target_code=ev.target.code if ev.target else None, target_name=ev.target.name if ev.target else None,
            from_code=ev.source.code if ev.source else None, date_value=ev.date.value,
            date_precision=ev.date.precision, date_text=ev.date.text, date_basis=ev.date.basis,
            planned_value=ev.planned.value if ev.planned else None, modality=ev.modality,
            sentence_start=ev.sentence.start, sentence_end=ev.sentence.end, trigger_text=ev.trigger.text,
            trigger_start=ev.trigger.start, trigger_end=ev.trigger.end, confidence=float(ev.confidence),
            attribution=ev.attribution))
        act = event_act(ev, extraction.published)
        if act is None:
            continue
        attribution = ev.attribution or {}
        evidence = {
            "kind": "extracted", "article_id": aid, "event_id": event_id, "date_value": ev.date.value,
            "date_precision": ev.date.precision, "date_text": ev.date.text,
            "sentence_start": ev.sentence.start, "sentence_end": ev.sentence.end,
            "sentence": text[ev.sentence.start:ev.sentence.end], "trigger_text": ev.trigger.text,
            "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
            "speaker": _name(attribution.get("speaker")), "channel": _name(attribution.get("channel")),
            "outlet": extraction.outlet, "url": extraction.url, "note": None,
        }
        result = record_act(conn, act, evidence, origin="extracted")
        writes.add(result)
        if result.fact_id is not None:
            conn.execute(update(t.events).where(t.events.c.id == event_id).values(fact_id=result.fact_id))
    return ArticleResult(aid, stored=True, events=len(extraction.events), writes=writes)
