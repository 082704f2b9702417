"""The JSON shape every interface emits for one article: ``chancery.extract/1``.

The JSON Schema below is the contract; ``validate`` checks a record against it. Adding an
optional field keeps version 1; renaming or removing one needs ``chancery.extract/2``.
"""

from __future__ import annotations

from typing import Any

from chancery.records import PLOVER_ROOTS, RECOGNITION_TYPES, SCHEMA

_NULLABLE_STR = {"type": ["string", "null"]}
_OFFSETS = {"type": "object", "required": ["start", "end"],
            "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}}
ACTOR = {
    "type": "object",
    "required": ["code", "name", "kind", "text", "start", "end"],
    "properties": {
        "code": _NULLABLE_STR, "name": {"type": "string"},
        "kind": {"enum": ["state", "contested_state", "territory", "igo", "organisation", "person", "media",
                          "group"]},
        "text": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0}, "country": _NULLABLE_STR,
    },
}
DATE = {
    "type": "object",
    "required": ["value", "precision", "text", "basis"],
    "properties": {
        "value": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        "precision": {"enum": ["day", "month", "year", None]},
        "text": _NULLABLE_STR, "basis": {"enum": ["text", "published", None]},
    },
}
EVENT = {
    "type": "object",
    "required": ["type", "plover", "cameo", "actor", "target", "date", "modality", "sentence", "trigger",
                 "confidence"],
    "properties": {
        "type": {"enum": list(RECOGNITION_TYPES) + list(PLOVER_ROOTS)},
        "plover": {"type": "string", "pattern": "^[A-Z]+$"},
        "cameo": {"type": "string", "pattern": r"^\d{2,4}$"},
        "actor": {"anyOf": [ACTOR, {"type": "null"}]},
        "target": {"anyOf": [ACTOR, {"type": "null"}]},
        "from": {"anyOf": [ACTOR, {"type": "null"}]},
        "date": DATE,
        "planned": {"anyOf": [DATE, {"type": "null"}]},
        "modality": {"enum": ["asserted", "negated", "future", "conditional", "possible"]},
        "sentence": _OFFSETS,
        "trigger": {"type": "object", "required": ["text", "start", "end"]},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "attribution": {"type": ["object", "null"]},
    },
}
QUOTE = {
    "type": "object",
    "required": ["text", "start", "end", "kind"],
    "properties": {
        "text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"},
        "kind": {"enum": ["direct", "indirect", "mixed"]},
        "cue": {"type": ["object", "null"]}, "speaker": {"type": ["object", "null"]},
        "channel": {"type": ["object", "null"]}, "chain": {"type": "array"},
    },
}
EXTRACTION_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA,
    "type": "object",
    "required": ["schema", "id", "published", "entities", "events", "quotes", "claims"],
    "properties": {
        "schema": {"const": SCHEMA},
        "id": {"type": "string"},
        "published": _NULLABLE_STR,
        "title": _NULLABLE_STR, "url": _NULLABLE_STR, "outlet": _NULLABLE_STR,
        "source": {"type": ["object", "null"]},
        "text_length": {"type": "integer"},
        "entities": {"type": "array", "items": ACTOR},
        "events": {"type": "array", "items": EVENT},
        "quotes": {"type": "array", "items": QUOTE},
        "people": {"type": "array"},
        "loaded": {"type": "array"},
        "claims": {"type": "array"},
    },
}
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["schema", "error"],
    "properties": {"schema": {"const": SCHEMA}, "id": _NULLABLE_STR,
                   "error": {"type": "object", "required": ["code", "message"]}},
}


def validate(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``record`` breaks the contract."""
    import jsonschema

    schema = ERROR_SCHEMA if "error" in record else EXTRACTION_SCHEMA
    jsonschema.validate(record, schema)
