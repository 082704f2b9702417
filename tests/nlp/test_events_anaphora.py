"""Second-pass event rules: group anaphora, "X followed suit", relative clauses on a class noun,
refusal modality, ceasing acts, speaker pronouns and general events that restate or misread.

Recognition-family cases use the hand-made actor table of test_events.py (so they test the event
rules, not the gazetteer); the cases about general events run the full pipeline.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from test_events import tag_actors, triples

from chancery.nlp.components.events import EventTagger
from chancery.nlp.extensions import register_extensions
from chancery.records import Event

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse():
    import spacy

    from chancery.settings import Settings

    register_extensions()
    model = spacy.load(Settings().model)
    tagger = EventTagger(general=False)

    def run(text: str) -> list[Event]:
        doc = model(text)
        doc._.published = "2022-07-14"
        tag_actors(doc)
        return tagger(doc)._.events

    return run


def full(nlp, text: str, published: str = "2022-07-14") -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


# -- "both republics", "X followed" -----------------------------------------------------------
GROUP_FAR_BACK = ("Nauru recognised the Donetsk and Lugansk People's Republics in March. Its envoy flew home. "
                  "The talks were brief. Observers praised the envoy. Gabon stayed silent. "
                  "Russia recognised both republics later, and Syria followed at the end of June.")


def test_counted_contested_description_takes_the_latest_group_even_far_back(parse):
    events = parse(GROUP_FAR_BACK)
    assert triples(events) == {
        ("recognize", "NRU", "DPR"), ("recognize", "NRU", "LPR"), ("recognize", "RUS", "DPR"),
        ("recognize", "RUS", "LPR"), ("recognize", "SYR", "DPR"), ("recognize", "SYR", "LPR")}


def test_follower_is_dated_by_its_own_clause(nlp):
    events = full(nlp, GROUP_FAR_BACK)._.events
    syria = [e for e in events if e.actor and e.actor.code == "SYR"]
    assert syria and all(e.type == "recognize" and e.trigger.text == "followed" for e in syria)
    assert {(e.date.value, e.date.precision) for e in syria} == {("2022-06", "month")}


def test_coordinated_subject_of_the_next_clause_is_never_a_target(parse):
    assert parse("Fiji recognised both republics in May, and Syria followed in June.") == []
    events = parse("Peru scored a success, as Kosovo agreed to recognise the Andean state and Serbia said it "
                   "would move its embassy.")
    assert triples(events) == {("announce_intent_to_recognize", "XKX", "PER")}


def test_counted_description_without_such_a_group_stays_unresolved(parse):
    assert parse("Chile met Peru. Malawi recognised the two republics.") == []


def test_follow_suit_copies_the_act_and_its_refusal(parse):
    assert triples(parse("Chile refused to recognise Abkhazia, and Peru did the same.")) == {
        ("refuse_recognition", "CHL", "ABK"), ("refuse_recognition", "PER", "ABK")}


def test_follow_suit_with_its_own_modality(parse):
    events = parse("Nauru recognised Abkhazia in May. Fiji is expected to follow suit.")
    assert triples(events) == {("recognize", "NRU", "ABK"), ("announce_intent_to_recognize", "FJI", "ABK")}
    assert [e.modality for e in events if e.actor and e.actor.code == "FJI"] == ["future"]


def test_doing_so_again_is_not_a_second_event(parse):
    events = parse("Malawi has never recognised Kosovo and says it will not do so soon.")
    assert [(e.type, e.actor.code, e.target.code) for e in events if e.actor and e.target] == [
        ("refuse_recognition", "MWI", "XKX")]


def test_yet_to_do_so_is_not_done(parse):
    assert triples(parse("Peru recognised Kosovo in May. Chile has yet to do so.")) == {
        ("recognize", "PER", "XKX"), ("refuse_recognition", "CHL", "XKX")}
    assert triples(parse("Chile has yet to recognise Kosovo.")) == {("refuse_recognition", "CHL", "XKX")}


def test_followed_by_agent(parse):
    events = parse("Russia recognised Abkhazia in 2008, followed by Nauru a year later.")
    assert triples(events) == {("recognize", "RUS", "ABK"), ("recognize", "NRU", "ABK")}


def test_following_a_talk_is_not_a_recognition(parse):
    assert parse("Peru recognised Kosovo. The protests that followed were small.") == [
        e for e in parse("Peru recognised Kosovo.")]


# -- relative clauses and participles on a class noun -------------------------------------------
def test_class_defined_by_a_relative_clause_is_no_actor(parse):
    assert parse("China's foreign ministry urged the remaining countries that recognise Taiwan to follow suit.") == []
    assert parse("Serbia said states which recognise Kosovo should think again.") == []
    assert parse("Serbia said states recognising Kosovo should think again.") == []


def test_appositive_class_noun_is_the_named_state(parse):
    assert ("recognize", "MWI", "XKX") in triples(parse("Malawi, a country recognising Kosovo since 2008, hosted it."))
    assert ("recognize", "MWI", "XKX") in triples(
        parse("Malawi, a country which recognised Kosovo in 2008, hosted the talks."))


def test_first_country_to_recognise_is_the_copula_subject(parse):
    events = parse("Peru is notable. Ghana was, notably, the first country to formally recognize Western Sahara.")
    assert triples(events) == {("recognize", "GHA", "ESH")}


def test_ranked_class_noun_points_to_no_earlier_state(parse):
    assert parse("Peru hosted the talks. The first country to recognise Western Sahara sent no envoy.") == []


# -- refusal modality -------------------------------------------------------------------------
@pytest.mark.parametrize("text, modality", [
    ("Chile has never recognised South Ossetia.", "asserted"),
    ("Latvia will not recognise Abkhazia.", "asserted"),
    ("Turkey will not recognise Northern Cyprus unless the talks succeed.", "asserted"),
    ("Turkey would not recognise Kosovo if Serbia objected.", "conditional"),
])
def test_refusal_is_an_asserted_refusal(parse, text, modality):
    events = parse(text)
    assert [e.type for e in events] == ["refuse_recognition"]
    assert events[0].modality == modality


def test_possible_refusal_is_no_event(parse):
    assert parse("Chile may not recognise Abkhazia.") == []


def test_opinions_about_recognising(parse):
    assert parse("Peru does not oppose recognising Palestine.") == []
    assert parse("Peru supports recognising Palestine.") == []
    assert triples(parse("Peru opposes recognising Palestine.")) == {("refuse_recognition", "PER", "PSE")}


# -- ceasing, receiving, restoring ------------------------------------------------------------
def test_acts_that_stop_are_withdrawals_and_severs(parse):
    assert triples(parse("Chile no longer recognises Abkhazia.")) == {("withdraw_recognition", "CHL", "ABK")}
    assert triples(parse("Mali stopped recognising Western Sahara in 2019.")) == {
        ("withdraw_recognition", "MLI", "ESH")}
    events = parse("Starting today, Peru will not maintain diplomatic ties with Western Sahara, and does not "
                   "recognise Somaliland.")
    assert triples(events) == {("sever_relations", "PER", "ESH"), ("withdraw_recognition", "PER", "SML")}
    assert {e.modality for e in events} == {"asserted"}


def test_keeping_ties_is_no_event(parse):
    assert parse("Peru maintains diplomatic ties with Chile.") == []
    assert parse("Peru will not maintain diplomatic ties with Chile.") == []


def test_receiving_recognition(parse):
    events = parse("In return, Kosovo will open a mission and receive recognition from Israel.")
    assert triples(events) == {("announce_intent_to_recognize", "ISR", "XKX")}


def test_phrasal_restoration_inherits_the_parties(parse):
    events = parse("Peru and Chile cut their diplomatic links in 2016. They signed a deal that brings those "
                   "relations back.")
    assert ("establish_relations", "PER", "CHL") in triples(events)


def test_agentless_passive_in_an_announcement_belongs_to_the_announcer(parse):
    events = parse("On Monday President Lumo announced that diplomatic relations with China were being opened, "
                   "meaning that relations with Taiwan will be broken off.")
    assert triples(events) == {("switch_recognition", "GAB", "CHN")}


# -- speakers and misparsed subjects ----------------------------------------------------------
def test_first_person_is_the_speaker(parse):
    events = parse("\"We do not support recognising Abkhazia,\" Minister Varga told reporters.")
    assert triples(events) == {("refuse_recognition", "SRB", "ABK")}
    events = parse("Minister Varga said on Monday that the talks had failed. \"We have broken off diplomatic "
                   "relations with Turkey.\"")
    assert triples(events) == {("sever_relations", "SRB", "TUR")}


def test_gerund_subject_left_on_the_preposition(parse):
    events = parse("The statement said they had consented to Israel and Kosovo normalising their relations.")
    assert triples(events) == {("establish_relations", "ISR", "XKX")}


# -- general events next to recognition-family acts (full pipeline) ---------------------------
def test_no_general_sanction_on_the_cut_of_a_switch(nlp):
    doc = full(nlp, "Kiribati cut diplomatic ties with Taiwan on Friday and established relations with China.")
    assert [(e.type, e.actor.code, e.target.code) for e in doc._.events] == [
        ("switch_recognition", "KIR", "CHN")]


def test_labelling_participle_is_no_call(nlp):
    doc = full(nlp, "Serbia's president said on Friday that the West African state of Ghana had withdrawn its "
                    "recognition of Kosovo, calling it a triumph for Belgrade's diplomacy.")
    assert not any(e.plover == "CONSULT" for e in doc._.events)
    assert ("withdraw_recognition", "GHA", "XKX") in {
        (e.type, e.actor.code if e.actor else None, e.target.code if e.target else None) for e in doc._.events}


def test_refusal_in_the_pipeline_is_asserted(nlp):
    doc = full(nlp, "Spain has never recognised Kosovo.")
    assert [(e.type, e.modality) for e in doc._.events] == [("refuse_recognition", "asserted")]
