"""Pins the JSON result shape `chancery.extract/1` shared by the CLI, the API and the ledger."""

from __future__ import annotations

import pytest

from chancery.contract import EXTRACTION_SCHEMA, validate
from chancery.records import (
    SCHEMA,
    Actor,
    DateValue,
    Event,
    Extraction,
    Offsets,
    Trigger,
)

TOP_KEYS = {"schema", "id", "published", "title", "url", "outlet", "source", "text_length", "entities",
            "events", "quotes", "people", "loaded", "claims"}
EVENT_KEYS = {"type", "plover", "cameo", "actor", "target", "from", "date", "planned", "modality",
              "sentence", "trigger", "confidence", "attribution"}
ACTOR_KEYS = {"code", "name", "kind", "text", "start", "end", "country"}
DATE_KEYS = {"value", "precision", "text", "basis", "start", "end"}


def _sample() -> Extraction:
    actor = Actor("RUR", "Ruritania", "state", "Ruritania", 0, 9)
    target = Actor("FRD", "Freedonia", "contested_state", "Freedonia", 21, 30)
    event = Event(type="recognize", plover="AGREE", cameo="057", actor=actor, target=target,
                  date=DateValue("2024-05-06", "day", "on Monday", "text", 31, 40), modality="asserted",
                  sentence=Offsets(0, 41), trigger=Trigger("recognised", 10, 20), confidence=0.9)
    return Extraction(id="a-1", published="2024-05-08", text_length=41, entities=[actor, target],
                      events=[event])


def test_schema_version_is_pinned():
    assert SCHEMA == "chancery.extract/1"
    assert EXTRACTION_SCHEMA["$id"] == SCHEMA


def test_record_shape_is_pinned():
    record = _sample().to_dict()
    validate(record)
    assert set(record) == TOP_KEYS
    [event] = record["events"]
    assert set(event) == EVENT_KEYS
    assert set(event["actor"]) == ACTOR_KEYS
    assert set(event["date"]) == DATE_KEYS
    assert record["schema"] == SCHEMA


def test_contract_rejects_a_broken_record():
    import jsonschema

    record = _sample().to_dict()
    record["events"][0]["modality"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validate(record)
    record = _sample().to_dict()
    del record["events"][0]["date"]
    with pytest.raises(jsonschema.ValidationError):
        validate(record)


@pytest.mark.model
def test_real_extraction_validates(extractor):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "examples/articles/dpr-recognition.txt").read_text()
    record = extractor.extract_text(text, published="2022-07-14").to_dict()
    validate(record)
    assert set(record) == TOP_KEYS
    for event in record["events"]:
        assert set(event) == EVENT_KEYS
    for ent in record["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]
