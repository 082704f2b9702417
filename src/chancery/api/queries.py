"""Reads the REST API needs that the ledger's query module does not offer: a paged, filtered
listing of extracted events and one article with everything extracted from it. Plain SQLAlchemy
Core over the ledger's tables, so SQLite and PostgreSQL behave the same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, literal, or_, select

from chancery.ledger import schema as t


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    target: str | None = None
    party: str | None = None  # actor or target
    types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    fact_id: str | None = None


def _conditions(f: EventFilter) -> list[Any]:
    ev = t.events.c
    where: list[Any] = []
    if f.actor:
        where.append(ev.actor_code == f.actor)
    if f.target:
        where.append(ev.target_code == f.target)
    if f.party:
        where.append(or_(ev.actor_code == f.party, ev.target_code == f.party))
    if f.types:
        where.append(ev.type.in_(f.types))
    if f.date_from:
        # a partial date ('2022-07') overlaps a range starting inside it ('2022-07-15')
        where.append(or_(ev.date_value >= f.date_from,
                         and_(func.length(ev.date_value) < len(f.date_from),
                              literal(f.date_from).startswith(ev.date_value))))
    if f.date_to:
        where.append(ev.date_value <= f.date_to)
    if f.outlet:
        where.append(func.lower(t.articles.c.outlet) == f.outlet.lower())
    if f.article_id:
        where.append(ev.article_id == f.article_id)
    if f.fact_id:
        where.append(ev.fact_id == f.fact_id)
    return where


def _party(code: str | None, name: str | None) -> dict[str, Any] | None:
    return {"code": code, "name": name} if code or name else None


def event_dict(row: Any) -> dict[str, Any]:
    m = row._mapping
    return {
        "id": m["id"], "article_id": m["article_id"], "seq": m["seq"], "type": m["type"],
        "plover": m["plover"], "cameo": m["cameo"],
        "actor": _party(m["actor_code"], m["actor_name"]), "target": _party(m["target_code"], m["target_name"]),
        "from": _party(m["from_code"], None),
        "date": {"value": m["date_value"], "precision": m["date_precision"], "text": m["date_text"],
                 "basis": m["date_basis"]},
        "planned": m["planned_value"], "modality": m["modality"],
        "sentence": {"start": m["sentence_start"], "end": m["sentence_end"]},
        "trigger": {"text": m["trigger_text"], "start": m["trigger_start"], "end": m["trigger_end"]},
        "confidence": m["confidence"], "attribution": m["attribution"], "fact_id": m["fact_id"],
        "outlet": m.get("outlet"), "published": m.get("published"),
    }


def list_events(conn: Connection, f: EventFilter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of events (newest date first, then article order) and the total that match."""
    source = t.events.join(t.articles, t.articles.c.id == t.events.c.article_id)
    where = _conditions(f)
    total = conn.execute(select(func.count()).select_from(source).where(*where)).scalar_one()
    query = (select(t.events, t.articles.c.outlet, t.articles.c.published).select_from(source).where(*where)
             .order_by(t.events.c.date_value.desc().nulls_last(), t.events.c.article_id, t.events.c.seq)
             .limit(limit).offset(offset))
    return [event_dict(r) for r in conn.execute(query)], int(total)


def get_article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """An article with its text and every record extracted from it, as stored; None if unknown."""
    row = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).first()
    if row is None:
        return None
    a = row._mapping
    mentions = conn.execute(select(t.mentions).where(t.mentions.c.article_id == article_id)
                            .order_by(t.mentions.c.start, t.mentions.c.end))
    events = conn.execute(select(t.events, t.articles.c.outlet, t.articles.c.published)
                          .select_from(t.events.join(t.articles, t.articles.c.id == t.events.c.article_id))
                          .where(t.events.c.article_id == article_id).order_by(t.events.c.seq))
    quotes = conn.execute(select(t.quotes.c.data).where(t.quotes.c.article_id == article_id)
                          .order_by(t.quotes.c.seq))
    people = conn.execute(select(t.people.c.data).where(t.people.c.article_id == article_id)
                          .order_by(t.people.c.seq))
    record: dict[str, Any] = {
        "id": a["id"], "published": a["published"], "url": a["url"], "title": a["title"],
        "outlet": a["outlet"], "source": a["source_profile"], "ingested_at": a["ingested_at"], "text": a["text"],
        "entities": [{k: m[k] for k in ("code", "name", "kind", "text", "start", "end", "country")}
                     for m in (r._mapping for r in mentions)],
        "events": [event_dict(r) for r in events],
        "quotes": [r.data for r in quotes],
        "people": [r.data for r in people],
    }
    if "loaded" in a:  # kept by the ledger (a later schema); else the caller finds them
        record["loaded"] = list(a["loaded"] or [])
    return record


def list_articles(conn: Connection, limit: int, offset: int, outlet: str | None = None
                  ) -> tuple[list[dict[str, Any]], int]:
    """One page of ingested articles, newest publication first (no text)."""
    a = t.articles.c
    where = [func.lower(a.outlet) == outlet.lower()] if outlet else []
    total = conn.execute(select(func.count()).select_from(t.articles).where(*where)).scalar_one()
    n_events = (select(func.count()).select_from(t.events).where(t.events.c.article_id == a.id)
                .correlate(t.articles).scalar_subquery())
    query = (select(a.id, a.title, a.published, a.outlet, a.url, a.ingested_at, n_events.label("events"))
             .where(*where).order_by(a.published.desc().nulls_last(), a.id).limit(limit).offset(offset))
    return [dict(r._mapping) for r in conn.execute(query)], int(total)
