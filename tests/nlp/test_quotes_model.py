"""Quotes and attribution with the statistical model (parser + NER): speakers, roles, chains."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def run(nlp, text, outlet=None):
    doc = nlp.make_doc(text)
    doc._.outlet = outlet
    return nlp(doc)


def by_speaker(doc, name):
    return [q for q in doc._.quotes if (q.get("speaker") or {}).get("name") == name]


def test_apposition_gives_role_affiliation_and_chain(nlp):
    text = ("The Russian Ambassador to Norway, Boris Kalinin, stated during his conversation with Izvestia "
            "that Moscow would reopen the consulate, reported TASS.")
    doc = run(nlp, text, outlet="Reuters")
    (q,) = by_speaker(doc, "Boris Kalinin")
    assert q["text"] == "Moscow would reopen the consulate"
    assert q["speaker"]["role"].startswith("Ambassador to Norway")
    assert q["speaker"]["affiliation"]["code"] == "RUS"
    assert q["channel"]["name"] == "Izvestia"
    assert [c["name"] for c in q["chain"]] == ["Reuters", "TASS", "Izvestia", "Boris Kalinin"]


def test_told_an_outlet_and_the_leader_nominal(nlp):
    text = ("Viktor Halloran had told the state agency TASS that the republic would hold a vote. "
            "The weather was cold. The leader later wrote on Telegram that the vote was final.")
    doc = run(nlp, text)
    first, second = doc._.quotes
    assert first["channel"]["name"] == "TASS"
    assert first["channel"]["profile"]["control"] == "state-controlled"
    assert second["speaker"]["text"] == "The leader"
    assert second["speaker"]["name"] == "Viktor Halloran"
    assert second["channel"]["kind"] == "platform"


def test_pronoun_and_split_quote(nlp):
    text = ("Foreign Minister Marta Lindqvist arrived in Geneva on Monday. The talks lasted all day. "
            "“We have a framework,” she said, “but not yet a deal.”")
    doc = run(nlp, text)
    (q,) = doc._.quotes
    assert q["text"] == "We have a framework but not yet a deal."
    assert q["speaker"]["name"] == "Marta Lindqvist"
    assert q["speaker"]["role"] == "Foreign Minister"


def test_indirect_speech_with_the_parser(nlp):
    text = "The border will stay closed until spring, the envoy told reporters on Friday."
    (q,) = run(nlp, text)._.quotes
    assert q["kind"] == "indirect"
    assert q["text"] == "The border will stay closed until spring"
    assert q["speaker"]["text"] == "the envoy"


def test_according_to(nlp):
    text = "According to Western diplomats, the summit has been postponed."
    (q,) = run(nlp, text)._.quotes
    assert q["text"] == "the summit has been postponed"
    assert q["speaker"]["text"] == "Western diplomats"


def test_extract_text_renders_quotes(extractor):
    from chancery.cli.render import render_text

    record = extractor.extract_text(
        "“We will not negotiate under fire,” Foreign Minister Marta Lindqvist told TASS.", outlet="Reuters").to_dict()
    text = render_text(record)
    assert "Marta Lindqvist, Foreign Minister" in text
    assert "channel: TASS (outlet) [RUS, state-controlled]" in text
    assert "chain: Reuters [GBR, independent] → TASS [RUS, state-controlled] → Marta Lindqvist" in text


def test_relative_pronoun_speaker_keeps_its_mention(nlp):
    text = "Foreign Minister Marta Lindqvist, who said the talks had been useful, left Geneva on Tuesday."
    (q,) = run(nlp, text)._.quotes
    assert q["text"] == "the talks had been useful"
    assert q["speaker"]["text"] == "who"
    assert q["speaker"]["name"] == "Marta Lindqvist"


def test_object_content_and_call_for(nlp):
    text = "Foreign Minister Marta Lindqvist called for an immediate ceasefire along the border."
    (q,) = run(nlp, text)._.quotes
    assert q["text"] == "an immediate ceasefire along the border"
    assert q["cue"]["text"] == "called"
