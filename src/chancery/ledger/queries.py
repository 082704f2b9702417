"""Read side of the ledger: status as of a date, timelines, positions, evidence (plain dataclasses)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, case, or_, select

from chancery.ledger import schema as t
from chancery.ledger.dates import as_of_day
from chancery.ledger.names import Names

# How each act changes an actor's stance towards the entity it concerns.
_RECOGNISING = {"recognize", "restore_recognition", "establish_relations"}
_ENDING = {"withdraw_recognition": "withdrawn", "suspend_recognition": "suspended", "sever_relations": "severed"}
STATE_TYPES = _RECOGNISING | set(_ENDING) | {"switch_recognition"}


@dataclass
class StatusRow:
    order: int | None  # 1-based rank among actors recognising on the date (None when not recognising)
    actor: str
    name: str
    kind: str
    first_date: str | None  # first recognition (the day, month or year the ledger knows)
    first_precision: str | None
    state: str  # recognises | withdrawn | suspended | switched | severed
    since: str  # date of the act that set the state
    evidence: int
    disputed: bool
    facts: list[str] = field(default_factory=list)

    @property
    def recognises(self) -> bool:
        return self.state == "recognises"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "recognises": self.recognises}


@dataclass
class FactRow:
    id: str
    date: str
    precision: str
    actor: str
    actor_name: str
    type: str
    target: str
    target_name: str
    from_code: str | None
    origin: str
    evidence: int
    disputed: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class EvidenceRow:
    id: str
    kind: str  # reference | extracted
    stance: str  # asserts | denies
    date: str | None
    date_text: str | None
    article_id: str | None
    sentence: str | None
    sentence_start: int | None
    sentence_end: int | None
    trigger: str | None
    trigger_start: int | None
    trigger_end: int | None
    speaker: str | None
    channel: str | None
    outlet: str | None
    url: str | None
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FactEvidence:
    fact: FactRow
    evidence: list[EvidenceRow]
    disputes: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.fact.to_dict(), "evidence": [e.to_dict() for e in self.evidence],
                "disputes": self.disputes}


def _fact_row(row: Any, names: Names) -> FactRow:
    return FactRow(id=row.id, date=row.date_value, precision=row.date_precision, actor=row.actor,
                   actor_name=names.name(row.actor), type=row.type, target=row.target,
                   target_name=names.name(row.target), from_code=row.from_code, origin=row.origin,
                   evidence=row.evidence_count, disputed=bool(row.disputed))


def _fold(rows: Sequence[Any], subject: str, key: str, names: Names) -> list[StatusRow]:
    """Replay acts (already in date order) per counterpart into a state each; ``key`` says whose
    view: 'actor' (an entity's recognisers) or 'target' (a state's positions)."""
    states: dict[str, StatusRow] = {}
    by_actor = key == "actor"
    for fact_id, actor, target, from_code, type_, value, precision, _first, count, disputed in rows:
        if type_ == "switch_recognition":
            if by_actor:
                effects = [(actor, "switched" if from_code == subject and target != subject else "recognises")]
            else:
                effects = [(target, "recognises")] + ([(from_code, "switched")] if from_code else [])
        else:
            effects = [(actor if by_actor else target, "recognises" if type_ in _RECOGNISING else _ENDING[type_])]
        for other, new_state in effects:
            current = states.get(other)
            if current is None:
                current = states[other] = StatusRow(
                    order=None, actor=other, name=names.name(other), kind=names.kind(other), first_date=None,
                    first_precision=None, state=new_state, since=value, evidence=0, disputed=False)
            if new_state == "recognises" and current.first_date is None:
                current.first_date, current.first_precision = value, precision
            current.state, current.since = new_state, value
            current.evidence += count
            current.disputed = current.disputed or bool(disputed)
            current.facts.append(fact_id)
    return list(states.values())


def _ordered(rows: list[StatusRow]) -> list[StatusRow]:
    rows.sort(key=lambda r: (r.first_date is None, r.first_date or r.since, r.actor))
    rank = 0
    for row in rows:
        if row.recognises:
            rank += 1
            row.order = rank
    return rows


_STATE_COLUMNS = (t.facts.c.id, t.facts.c.actor, t.facts.c.target, t.facts.c.from_code, t.facts.c.type,
                  t.facts.c.date_value, t.facts.c.date_precision, t.facts.c.date_first, t.facts.c.evidence_count,
                  t.facts.c.disputed)


def _state_query(*where: Any) -> Any:
    # Within one day or period a recognition is replayed before its end (both dated "1983-11").
    ending_last = case((t.facts.c.type.in_(sorted(_RECOGNISING)), 0), else_=1)
    return (select(*_STATE_COLUMNS).where(*where, t.facts.c.type.in_(sorted(STATE_TYPES)),
                                          t.facts.c.date_first <= bindparam("as_of"))
            .order_by(t.facts.c.date_first, ending_last, t.facts.c.id))


# Built once: building a statement costs more than running it on a warm SQLite ledger.
_STATUS = _state_query(or_(t.facts.c.target == bindparam("code"), t.facts.c.from_code == bindparam("code")))
_POSITIONS = _state_query(t.facts.c.actor == bindparam("code"))
_END_OF_TIME = "9999-12-31"


def status(conn: Connection, entity: str, as_of: str | None = None, names: Names | None = None) -> list[StatusRow]:
    """Everyone with a recorded stance on ``entity`` as of a date (default: all time), in recognition order."""
    params = {"code": entity, "as_of": as_of_day(as_of) if as_of else _END_OF_TIME}
    return _ordered(_fold(conn.execute(_STATUS, params).all(), entity, "actor", names or Names()))


def positions(conn: Connection, state: str, as_of: str | None = None, names: Names | None = None) -> list[StatusRow]:
    """Every entity ``state`` has a recorded stance on; ``actor`` in each row is the entity."""
    params = {"code": state, "as_of": as_of_day(as_of) if as_of else _END_OF_TIME}
    return _ordered(_fold(conn.execute(_POSITIONS, params).all(), state, "target", names or Names()))


def timeline(conn: Connection, entity: str, names: Names | None = None) -> list[FactRow]:
    """Every recognition-family fact about ``entity`` (as target, former partner or actor), by date."""
    names = names or Names()
    query = select(t.facts).where(or_(t.facts.c.target == entity, t.facts.c.from_code == entity,
                                      t.facts.c.actor == entity)).order_by(t.facts.c.date_first, t.facts.c.id)
    return [_fact_row(r, names) for r in conn.execute(query)]


def evidence(conn: Connection, fact_id: str, names: Names | None = None) -> FactEvidence | None:
    names = names or Names()
    fact = conn.execute(select(t.facts).where(t.facts.c.id == fact_id)).first()
    if fact is None:
        return None
    rows = conn.execute(select(t.evidence).where(t.evidence.c.fact_id == fact_id)
                        .order_by(t.evidence.c.kind.desc(), t.evidence.c.date_value, t.evidence.c.id))
    items = [EvidenceRow(id=r.id, kind=r.kind, stance=r.stance, date=r.date_value, date_text=r.date_text,
                         article_id=r.article_id, sentence=r.sentence, sentence_start=r.sentence_start,
                         sentence_end=r.sentence_end, trigger=r.trigger_text, trigger_start=r.trigger_start,
                         trigger_end=r.trigger_end, speaker=r.speaker, channel=r.channel, outlet=r.outlet,
                         url=r.url, note=r.note) for r in rows]
    disputes = [{"id": d.id, "kind": d.kind, "evidence_id": d.evidence_id, "detail": d.detail}
                for d in conn.execute(select(t.disputes).where(t.disputes.c.fact_id == fact_id)
                                      .order_by(t.disputes.c.id))]
    return FactEvidence(_fact_row(fact, names), items, disputes)
