"""`chancery_actors` with the statistical model: the gazetteer wins over NER, NER fills the gaps."""

from __future__ import annotations

import pytest

from chancery.nlp.extensions import ACTORS

pytestmark = pytest.mark.model


def found(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    doc = nlp(text)
    return {s.text: (s._.actor.code, s._.actor.kind) for s in doc.spans[ACTORS]}


def test_gazetteer_wins_over_ner_labels(nlp):
    # the small model tags "DPRK"/"Kremlin" ORG and some capitals PERSON: they still resolve
    got = found(nlp, "The DPRK and the Kremlin agreed, and Sukhumi and Rabat welcomed it.")
    assert got["DPRK"] == ("PRK", "state")
    assert got["Kremlin"] == ("RUS", "state")
    assert got["Sukhumi"] == ("ABK", "contested_state")
    assert got["Rabat"] == ("MAR", "state")


def test_ner_fallback_for_unknown_names(nlp):
    got = found(nlp, "Jonas Whitcombe of the Orvalle Institute met Hamas and the Houthis in Geneva.")
    assert got["Jonas Whitcombe"] == (None, "person")
    assert got["Orvalle Institute"] == (None, "organisation")
    assert got["Hamas"] == (None, "group")
    assert got["Geneva"] == (None, "territory")


def test_state_name_inside_a_person_name_is_no_state(nlp):
    got = found(nlp, "The envoy Michael Jordan arrived in Amman on Monday.")
    assert "Jordan" not in got
    assert got["Amman"] == ("JOR", "state")


def test_officials_by_role_with_the_model(nlp):
    got = found(nlp, "Serbian President Aleksandar Vucic said Kosovo Prime Minister Albin Kurti had lied.")
    assert got["Serbian President Aleksandar Vucic"] == ("SRB", "person")
    assert got["Kosovo Prime Minister Albin Kurti"] == ("XKX", "person")


def test_example_article_actors(extractor):
    from pathlib import Path

    text = (Path(__file__).parents[2] / "examples" / "articles" / "dpr-recognition.txt").read_text(encoding="utf-8")
    record = extractor.extract_text(text, published="2022-07-14")
    codes = {(e.text, e.code) for e in record.entities}
    assert ("North Korea", "PRK") in codes and ("Donetsk", "DPR") in codes
    assert ("Lugansk People's Republics", "LPR") in codes
    assert ("North Koreans", "PRK") in codes and ("Kremlin", "RUS") in codes
    assert all(code != "PRK" for text, code in codes if "DPR" in text)
    assert all(code != "UKR" for text, code in codes if "Donetsk" in text or "Lugansk" in text)
