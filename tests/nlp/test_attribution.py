"""Channels, reporting chains, source profiles and event attribution, without the model."""

from __future__ import annotations

import pytest

from chancery.nlp.components.attribution import Attribution
from chancery.nlp.pipeline import blank_pipeline
from chancery.nlp.quotes.outlets import OutletTable
from chancery.records import DateValue, Event, Offsets, Trigger


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline(("chancery_quotes", "chancery_attribution"))


def run(nlp, text, outlet=None, events=None):
    doc = nlp.make_doc(text)
    doc._.outlet = outlet
    doc._.events = events
    return nlp(doc)


def names(chain):
    return [c["name"] for c in chain]


def test_outlet_table_shape():
    table = OutletTable.load()
    tass = table.lookup("TASS")
    assert tass.profile() == {"id": "TASS", "name": "TASS", "country": "RUS", "control": "state-controlled",
                              "kind": "wire"}
    assert table.lookup("https://www.reuters.com/world/some-story").name == "Reuters"
    assert table.lookup("t.me").kind == "platform"
    for outlet in table.outlets.values():
        assert outlet.kind in ("outlet", "wire", "platform")
        assert outlet.control in ("state-controlled", "state-aligned", "state-funded", "public-service",
                                  "independent", "private")
        assert outlet.country is None or len(outlet.country) == 3


@pytest.mark.parametrize("name", ["Reuters", "Associated Press", "AFP", "TASS", "RIA Novosti", "Xinhua",
                                  "Anadolu Agency", "KCNA", "Yonhap", "Ukrinform", "SANA", "IRNA", "WAFA",
                                  "Tanjug", "Telegram", "X", "Facebook", "Weibo", "VK", "YouTube", "Instagram"])
def test_required_outlets_are_listed(name):
    assert OutletTable.load().lookup(name) is not None


def test_source_profile_of_the_article(nlp):
    doc = run(nlp, "Nothing was said.", outlet="tass.com")
    assert doc._.source_profile["name"] == "TASS"
    assert doc._.source_profile["control"] == "state-controlled"
    unknown = run(nlp, "Nothing was said.", outlet="The Village Gazette")
    assert unknown._.source_profile == {"id": None, "name": "The Village Gazette", "country": None,
                                        "control": None, "kind": None}
    assert run(nlp, "Nothing was said.")._.source_profile is None


@pytest.mark.parametrize("text, channel, kind", [
    ("Minister Ana Silva told TASS that the talks would resume.", "TASS", "outlet"),
    ("Minister Ana Silva wrote on Telegram that the talks would resume.", "Telegram", "platform"),
    ("Minister Ana Silva said in an interview with Izvestia that the talks would resume.", "Izvestia",
     "interview"),
    ("Minister Ana Silva said at a press conference that the talks would resume.", "a press conference",
     "event"),
    ("Minister Ana Silva said in a statement that the talks would resume.", "a statement", "statement"),
])
def test_channels(nlp, text, channel, kind):
    (q,) = run(nlp, text)._.quotes
    assert q["channel"]["name"] == channel
    assert q["channel"]["kind"] == kind


def test_channel_carries_its_profile(nlp):
    (q,) = run(nlp, "Minister Ana Silva told RIA Novosti that the talks would resume.")._.quotes
    assert q["channel"]["profile"]["country"] == "RUS"
    assert q["channel"]["profile"]["control"] == "state-controlled"


def test_chain_from_article_through_relay_and_channel_to_speaker(nlp):
    text = ("Ambassador Ivan Petrov said in an interview with Izvestia that the embassy would reopen soon, "
            "TASS reported.")
    quotes = run(nlp, text, outlet="Reuters")._.quotes
    q = next(q for q in quotes if q["speaker"]["name"] == "Ivan Petrov")
    assert q["text"] == "the embassy would reopen soon"
    assert q["channel"]["name"] == "Izvestia"
    assert names(q["chain"]) == ["Reuters", "TASS", "Izvestia", "Ivan Petrov"]
    assert q["chain"][0]["kind"] == "article"
    assert q["chain"][1]["profile"]["control"] == "state-controlled"


def test_nested_reporting_builds_a_chain(nlp):
    text = "Minister Ana Silva told TASS that Ambassador Ivan Petrov said the embassy would reopen."
    quotes = run(nlp, text, outlet="Reuters")._.quotes
    inner = next(q for q in quotes if q["speaker"] and q["speaker"].get("name") == "Ivan Petrov")
    assert names(inner["chain"]) == ["Reuters", "TASS", "Ana Silva", "Ivan Petrov"]


def test_event_inherits_the_attribution_of_its_statement(nlp):
    text = "Minister Ana Silva told TASS that her government would recognise the republic."
    start = text.index("recognise")
    event = Event(type="recognize", plover="AGREE", cameo="0", actor=None, target=None,
                  date=DateValue(None, None, None, None), modality="future",
                  sentence=Offsets(0, len(text)), trigger=Trigger("recognise", start, start + 9), confidence=0.9)
    doc = run(nlp, text, outlet="Reuters", events=[event])
    attribution = doc._.events[0].attribution
    assert attribution["speaker"]["name"] == "Ana Silva"
    assert attribution["channel"]["name"] == "TASS"
    assert names(attribution["chain"]) == ["Reuters", "TASS", "Ana Silva"]


def test_event_outside_quotes_is_the_article_s_own(nlp):
    text = "The two states signed a treaty on Monday."
    start = text.index("signed")
    event = Event(type="agree", plover="AGREE", cameo="057", actor=None, target=None,
                  date=DateValue(None, None, None, None), modality="asserted",
                  sentence=Offsets(0, len(text)), trigger=Trigger("signed", start, start + 6), confidence=0.9)
    doc = run(nlp, text, outlet="Reuters", events=[event])
    assert doc._.events[0].attribution == {"speaker": None, "channel": None,
                                           "chain": [{"name": "Reuters", "kind": "article",
                                                      "profile": doc._.source_profile}]}


def test_user_outlets_extend_the_table(tmp_path):
    (tmp_path / "outlets.toml").write_text(
        '[outlets.VILLAGE]\nname = "Village Gazette"\naliases = []\ndomains = ["village.example"]\n'
        'country = "FIN"\ncontrol = "independent"\nkind = "outlet"\n', encoding="utf-8")
    attribution = Attribution(str(tmp_path))
    assert attribution.profile("village.example")["name"] == "Village Gazette"
    assert attribution.profile("TASS")["country"] == "RUS"


def test_outlet_missing_from_the_table_is_still_a_channel(nlp):
    (q,) = run(nlp, "Minister Ana Silva told the daily Borba Vremena that the talks would resume.")._.quotes
    assert q["channel"] == {"name": "Borba Vremena", "kind": "outlet", "profile": None}


def test_person_addressee_is_not_a_channel(nlp):
    (q,) = run(nlp, "Minister Ana Silva told Ivan Petrov that the talks would resume.")._.quotes
    assert q["channel"] is None


def test_speaker_s_next_quote_keeps_the_channel(nlp):
    text = ("“We are ready,” Minister Ana Silva wrote on Telegram on Monday. Reporters waited.\n\n"
            "“The next step is theirs.”")
    first, second = run(nlp, text)._.quotes
    assert second["cue"] is None
    assert second["channel"]["name"] == first["channel"]["name"] == "Telegram"
