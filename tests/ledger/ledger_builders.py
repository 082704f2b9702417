"""Hand-built extractions for ledger tests: our own sentences, exact offsets, no model needed."""

from __future__ import annotations

from chancery.records import Actor, DateValue, Event, Extraction, Offsets, Trigger

_KINDS = {"DPR": "contested_state", "LPR": "contested_state", "ABK": "contested_state", "SOS": "contested_state",
          "XKX": "contested_state", "SML": "contested_state", "TWN": "contested_state", "ESH": "contested_state",
          "PSE": "contested_state", "NCY": "contested_state"}


def actor(text: str, surface: str, code: str, occurrence: int = 0) -> Actor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Actor(code=code, name=code, kind=_KINDS.get(code, "state"),  # type: ignore[arg-type]
                 text=surface, start=start, end=start + len(surface))


def event(text: str, type: str, actor_: Actor | None, target: Actor | None, trigger: str, date: str | None,
          modality: str = "asserted", basis: str = "text", precision: str | None = None) -> Event:
    t_start = text.index(trigger)
    s_start = text.rfind(". ", 0, t_start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = text.find(". ", t_start)
    s_end = len(text) if s_end < 0 else s_end + 1
    prec = precision or ({10: "day", 7: "month", 4: "year"}[len(date)] if date else None)
    return Event(type=type, plover="", cameo="", actor=actor_, target=target,
                 date=DateValue(date, prec, date if basis == "text" else None, basis),  # type: ignore[arg-type]
                 modality=modality, sentence=Offsets(s_start, s_end),  # type: ignore[arg-type]
                 trigger=Trigger(trigger, t_start, t_start + len(trigger)), confidence=0.9)


def extraction(text: str, published: str, events: list[Event], entities: list[Actor] | None = None,
               **meta: str) -> Extraction:
    from chancery.ingest.article import article_id

    found = list(entities or [])
    for ev in events:
        for a in (ev.actor, ev.target):
            if a is not None and a not in found:
                found.append(a)
    return Extraction(id=article_id(text), published=published, text_length=len(text),
                      entities=sorted(found, key=lambda a: a.start), events=events, **meta)
