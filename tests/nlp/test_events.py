"""Recognition-family events: each hard case with our own sentences.

The parse comes from the statistical model (marked ``model``); actor mentions are set by hand
from a small table so these tests check the event rules, not the gazetteer. A few rule tests at
the bottom run on hand-built Docs with a hand-written parse and need no model.
"""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from chancery.nlp.components.events import EventTagger
from chancery.nlp.extensions import ACTORS, Resolved, register_extensions
from chancery.records import Event

# Surface form → (code, kind); longest first so "Northern Cyprus" wins over "Cyprus".
ACTOR_TABLE: dict[str, tuple[str, str]] = {
    "Donetsk People's Republic": ("DPR", "contested_state"), "Lugansk People's Republic": ("LPR", "contested_state"),
    "Lugansk People's Republics": ("LPR", "contested_state"), "Northern Cyprus": ("NCY", "contested_state"),
    "Western Sahara": ("ESH", "contested_state"), "South Ossetia": ("SOS", "contested_state"),
    "North Korea": ("PRK", "state"), "Sierra Leone": ("SLE", "state"), "Solomon Islands": ("SLB", "state"),
    "Donetsk": ("DPR", "contested_state"), "Lugansk": ("LPR", "contested_state"),
    "Abkhazia": ("ABK", "contested_state"), "Kosovo": ("XKX", "contested_state"),
    "Somaliland": ("SML", "contested_state"), "Palestine": ("PSE", "state"), "Taipei": ("TWN", "state"),
    "Taiwan": ("TWN", "state"), "Beijing": ("CHN", "state"), "China": ("CHN", "state"),
    "Pyongyang": ("PRK", "state"), "Moroccan": ("MAR", "state"), "Morocco": ("MAR", "state"),
    "Russia": ("RUS", "state"), "Syria": ("SYR", "state"), "Togo": ("TGO", "state"), "Ghana": ("GHA", "state"),
    "Serbia": ("SRB", "state"), "France": ("FRA", "state"), "Israel": ("ISR", "state"), "Spain": ("ESP", "state"),
    "Egypt": ("EGY", "state"), "Qatar": ("QAT", "state"), "Bolivia": ("BOL", "state"), "Peru": ("PER", "state"),
    "Nauru": ("NRU", "state"), "Chile": ("CHL", "state"), "Malawi": ("MWI", "state"), "Fiji": ("FJI", "state"),
    "Norway": ("NOR", "state"), "Turkey": ("TUR", "state"), "Cyprus": ("CYP", "state"),
    "Georgia": ("GEO", "state"), "Latvia": ("LVA", "state"), "Gabon": ("GAB", "state"),
    "Kiribati": ("KIR", "state"), "Iceland": ("ISL", "state"), "Mali": ("MLI", "state"),
    "Tuvalu": ("TUV", "state"), "Vanuatu": ("VUT", "state"), "Estonia": ("EST", "state"),
}
PEOPLE: dict[str, tuple[str, str]] = {"President Lumo": ("person", "GAB"), "Minister Varga": ("person", "SRB")}


def tag_actors(doc: Doc) -> Doc:
    spans = []
    table = sorted(list(ACTOR_TABLE.items()) + [(k, (None, v[0], v[1])) for k, v in PEOPLE.items()],  # type: ignore[misc]
                   key=lambda kv: -len(kv[0]))
    for name, value in table:
        for match in re.finditer(r"\b" + re.escape(name) + r"\b", doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or any(s.start < span.end and span.start < s.end for s in spans):
                continue
            if len(value) == 3:
                span._.actor = Resolved(None, name, value[1], value[2])
            else:
                code, kind = value
                span._.actor = Resolved(code, name, kind)
            spans.append(span)
    doc.spans[ACTORS] = spans
    return doc


@pytest.fixture(scope="module")
def parse():
    import spacy

    from chancery.settings import Settings

    register_extensions()
    model = spacy.load(Settings().model)
    tagger = EventTagger(general=False)

    def run(text: str, published: str = "2022-07-14") -> list[Event]:
        doc = model(text)
        doc._.published = published
        tag_actors(doc)
        return tagger(doc)._.events

    return run


def triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.actor.code if e.actor else None, e.target.code if e.target else None) for e in events}


pytestmark = pytest.mark.model


def test_active_recognition(parse):
    events = parse("Peru recognised Kosovo on Tuesday.")
    assert triples(events) == {("recognize", "PER", "XKX")}
    event = events[0]
    assert event.plover == "COOPERATE" and event.cameo == "054" and event.modality == "asserted"
    assert event.trigger.text == "recognised"
    assert (event.sentence.start, event.sentence.end) == (0, len("Peru recognised Kosovo on Tuesday."))


def test_coordinated_targets_give_one_event_each(parse):
    events = parse("Nauru recognised the Donetsk and Lugansk People's Republics last week.")
    assert triples(events) == {("recognize", "NRU", "DPR"), ("recognize", "NRU", "LPR")}


def test_coordinated_actors(parse):
    events = parse("Fiji and Malawi recognised Abkhazia in a joint statement.")
    assert triples(events) == {("recognize", "FJI", "ABK"), ("recognize", "MWI", "ABK")}


def test_passive_voice(parse):
    assert triples(parse("Kosovo was recognised by Gabon in 2011.")) == {("recognize", "GAB", "XKX")}


def test_relative_clause(parse):
    events = parse("Syria, which recognised Abkhazia four years ago, hosted the talks.")
    assert ("recognize", "SYR", "ABK") in triples(events)


def test_control_and_plural_pronoun(parse):
    text = ("North Korea met envoys of the Donetsk People's Republic and the Lugansk People's Republic. "
            "Two days later Pyongyang decided to recognise them.")
    assert triples(parse(text)) == {("recognize", "PRK", "DPR"), ("recognize", "PRK", "LPR")}


def test_singular_anaphora_for_actor(parse):
    events = parse("Malawi has a new government. On Monday the country recognised Kosovo.")
    assert triples(events) == {("recognize", "MWI", "XKX")}


def test_negation_is_refusal(parse):
    events = parse("Chile did not recognise South Ossetia.")
    assert triples(events) == {("refuse_recognition", "CHL", "SOS")}
    # the negation makes the refusal; the refusal itself is asserted (docs/events.md)
    assert events[0].modality == "asserted" and events[0].plover == "REJECT"


def test_never_is_refusal(parse):
    assert triples(parse("Latvia will never recognise Abkhazia.")) == {("refuse_recognition", "LVA", "ABK")}


def test_conditional_intent(parse):
    events = parse("Iceland will recognise Palestine in September unless the ceasefire collapses.")
    assert triples(events) == {("announce_intent_to_recognize", "ISL", "PSE")}
    assert events[0].modality == "conditional"


def test_future_intent_through_control(parse):
    events = parse("Estonia is expected to follow suit and recognise Palestine.")
    assert triples(events) == {("announce_intent_to_recognize", "EST", "PSE")}
    assert events[0].modality == "future"


def test_hypothetical_recognition_is_not_an_event(parse):
    assert parse("One more country could withdraw its recognition of Kosovo.") == []


def test_reported_speech_keeps_the_embedded_actor(parse):
    events = parse("Minister Varga said Togo had withdrawn its recognition of Kosovo.")
    assert triples(events) == {("withdraw_recognition", "TGO", "XKX")}
    assert events[0].attribution and events[0].attribution["reported"] is True
    assert events[0].attribution["speaker"]["code"] == "SRB"


def test_sovereignty_over_territory_is_support(parse):
    events = parse("France recognised Moroccan sovereignty over Western Sahara.")
    assert triples(events) == {("support", "FRA", "MAR")}


def test_noun_trigger_with_by(parse):
    assert triples(parse("The recognition of Kosovo by Israel was announced on Monday.")) == {
        ("recognize", "ISR", "XKX")}


def test_possessive_noun_trigger(parse):
    assert ("recognize", "ISR", "SML") in triples(parse("Israel's recognition of Somaliland was welcomed in Hargeisa."))


def test_establishment_noun_between(parse):
    events = parse("The establishment of diplomatic ties between Israel and Kosovo was celebrated.")
    assert triples(events) == {("establish_relations", "ISR", "XKX")}


def test_withdrawal_verbs(parse):
    assert triples(parse("Gabon derecognised Kosovo in 2019.")) == {("withdraw_recognition", "GAB", "XKX")}
    assert triples(parse("Mali revoked its recognition of Western Sahara.")) == {
        ("withdraw_recognition", "MLI", "ESH")}


def test_switch_is_one_event(parse):
    events = parse("Kiribati cut diplomatic ties with Taipei and established relations with Beijing.")
    assert triples(events) == {("switch_recognition", "KIR", "CHN")}
    assert events[0].source is not None and events[0].source.code == "TWN"


def test_explicit_transfer_of_recognition(parse):
    events = parse("Vanuatu transferred its diplomatic recognition from Taipei to Beijing.")
    assert triples(events) == {("switch_recognition", "VUT", "CHN")}
    assert events[0].source is not None and events[0].source.code == "TWN"


def test_break_with_taiwan_alone_is_sever(parse):
    events = parse("Tuvalu broke off diplomatic relations with Taiwan.")
    assert triples(events) == {("sever_relations", "TUV", "TWN")}


def test_sever_and_announced_decision(parse):
    assert triples(parse("Egypt severed diplomatic relations with Qatar.")) == {("sever_relations", "EGY", "QAT")}
    events = parse("Bolivia is going to cut diplomatic relations with Israel, its president said.")
    assert triples(events) == {("sever_relations", "BOL", "ISR")}
    assert events[0].modality == "future"


def test_economic_ties_are_not_diplomatic_relations(parse):
    assert parse("Norway and Chile agreed to deepen economic ties.") == []


def test_elliptic_restoration_inherits_the_parties(parse):
    events = parse("Bolivia severed relations with Israel in 2009. Ties were restored in 2020.")
    assert triples(events) == {("sever_relations", "BOL", "ISR"), ("establish_relations", "BOL", "ISR")}


def test_symmetric_establishment(parse):
    events = parse("Israel and Kosovo established diplomatic relations on Monday.")
    assert triples(events) == {("establish_relations", "ISR", "XKX")}
    assert events[0].plover == "COOPERATE"


def test_conditional_normalisation_refusal(parse):
    events = parse("Turkey would not establish diplomatic relations with Cyprus unless the island is reunited.")
    assert triples(events) == {("refuse_recognition", "TUR", "CYP")}


def test_talks_on_recognition(parse):
    events = parse("Serbia and Ghana are working toward normalising relations between Ghana and Kosovo.")
    assert ("talks_on_recognition", "GHA", "XKX") in triples(events)


def test_person_acts_for_their_state(parse):
    events = parse("President Lumo recognised Kosovo.")
    assert triples(events) == {("recognize", "GAB", "XKX")}
    assert events[0].actor is not None and events[0].actor.kind == "person"


def test_document_order(parse):
    events = parse("Egypt severed diplomatic relations with Qatar. Peru recognised Kosovo.")
    assert [e.type for e in events] == ["sever_relations", "recognize"]


def test_appeal_to_others_is_not_the_speakers_recognition(parse):
    assert parse("Turkey appealed to the world to recognise Northern Cyprus.") == []
    assert parse("Turkey urged other governments to recognise Northern Cyprus.") == []


def test_pressing_allies_into_recognising_is_not_an_intent_of_the_presser(parse):
    assert parse("Russia vowed to press its partners into recognising Abkhazia.") == []


def test_suspension_and_declared_suspended(parse):
    events = parse("Peru's diplomatic ties with Western Sahara have been put under suspension.")
    assert triples(events) == {("sever_relations", "PER", "ESH")}
    events = parse("The government of Peru declared diplomatic relations with Western Sahara suspended.")
    assert triples(events) == {("sever_relations", "PER", "ESH")}


def test_normalised_relations_as_a_state_is_not_an_act(parse):
    assert parse("The plan is meant to lead to normalised relations between Serbia and Kosovo.") == []


def test_mutual_recognition_goes_both_ways(parse):
    events = parse("The declaration put in place mutual recognition between Israel and Somaliland.")
    assert triples(events) == {("recognize", "ISR", "SML"), ("recognize", "SML", "ISR")}


def test_member_of_a_class_that_withdrew(parse):
    events = parse("According to Serbia, Sierra Leone is among the countries that have withdrawn their recognition "
                   "of Kosovo.")
    assert triples(events) == {("withdraw_recognition", "SLE", "XKX")}


def test_pronoun_in_reported_clause_is_the_speaker(parse):
    events = parse("China praised the move. Taiwan said it would end diplomatic ties with Nauru at once.")
    assert ("sever_relations", "TWN", "NRU") in triples(events)


def test_plural_pronoun_in_reported_clause(parse):
    events = parse("Egypt, Chile and Peru said they were breaking off diplomatic relations with Qatar.")
    assert triples(events) == {("sever_relations", "EGY", "QAT"), ("sever_relations", "CHL", "QAT"),
                               ("sever_relations", "PER", "QAT")}


def test_definite_description_prefers_the_subject_antecedent(parse):
    text = "Malawi opened talks with Taiwan and China. Later the country recognised Kosovo."
    assert triples(parse(text)) == {("recognize", "MWI", "XKX")}


def test_partner_named_later_in_the_passage(parse):
    text = "Egypt announced it was severing ties. Chile also cut diplomatic relations with Qatar."
    assert triples(parse(text)) == {("sever_relations", "EGY", "QAT"), ("sever_relations", "CHL", "QAT")}


def test_hedged_condition_is_a_hypothesis(parse):
    assert parse("Chile may recognise Abkhazia if the talks fail.") == []


def test_noun_recognition_of_sovereignty_is_support(parse):
    events = parse("France's recognition of Moroccan sovereignty over Western Sahara angered Peru.")
    assert ("support", "FRA", "MAR") in triples(events)
    assert not any(e.type == "recognize" for e in events)


def test_requested_act_is_not_asserted(parse):
    assert parse("Serbia urged Chile to withdraw its recognition of Kosovo.") == []
