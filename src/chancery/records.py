"""Typed records of one article's extraction, and their JSON form (contract ``chancery.extract/1``).

Extraction is pure: text in, these records out. Storage, the CLI and the API consume
:meth:`Extraction.to_dict`, the one shape pinned by ``tests/test_contract.py``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "chancery.extract/1"

ActorKind = Literal["state", "contested_state", "territory", "igo", "organisation", "person", "media", "group"]
Modality = Literal["asserted", "negated", "future", "conditional", "possible"]
Precision = Literal["day", "month", "year"]

RECOGNITION_TYPES = (
    "recognize", "withdraw_recognition", "switch_recognition", "announce_intent_to_recognize",
    "refuse_recognition", "talks_on_recognition", "establish_relations", "sever_relations",
)
PLOVER_ROOTS = (
    "consult", "support", "cooperate", "aid", "agree", "request", "accuse", "reject", "threaten",
    "protest", "sanction", "mobilize", "coerce", "assault", "yield",
)


@dataclass(frozen=True)
class Offsets:
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    """A mention resolved to a canonical actor. ``code`` is ISO 3166-1 alpha-3 for states, a
    documented code for contested entities and organisations, None where nothing resolves."""

    code: str | None
    name: str
    kind: ActorKind
    text: str
    start: int
    end: int
    country: str | None = None  # the state a person, body or outlet belongs to, when known

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DateValue:
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY
    precision: Precision | None
    text: str | None
    basis: Literal["text", "published"] | None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "precision": self.precision, "text": self.text, "basis": self.basis,
                "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass
class Event:
    type: str
    plover: str
    cameo: str
    actor: Actor | None
    target: Actor | None
    date: DateValue
    modality: Modality
    sentence: Offsets
    trigger: Trigger
    confidence: float
    source: Actor | None = None  # "from": the party a switch of recognition leaves (Taipei → Beijing)
    planned: DateValue | None = None
    attribution: dict[str, Any] | None = None  # speaker, channel, chain (filled by attribution)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "plover": self.plover, "cameo": self.cameo,
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "from": self.source.to_dict() if self.source else None,
            "date": self.date.to_dict(),
            "planned": self.planned.to_dict() if self.planned else None,
            "modality": self.modality,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "trigger": asdict(self.trigger),
            "confidence": round(self.confidence, 3),
            "attribution": self.attribution,
        }


@dataclass
class Extraction:
    id: str
    published: str | None
    text_length: int
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    entities: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    loaded: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    source: dict[str, Any] | None = None  # the article's outlet profile

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "source": self.source,
            "text_length": self.text_length,
            "entities": [a.to_dict() for a in self.entities],
            "events": [e.to_dict() for e in self.events],
            "quotes": self.quotes,
            "people": self.people,
            "loaded": self.loaded,
            "claims": self.claims,
        }
