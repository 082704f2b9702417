"""Event rules on hand-built Docs: the parse is written by hand, so no model is needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chancery.nlp.components.events import EventTagger
from chancery.nlp.events.arguments import Arguments, load_argument_cues
from chancery.nlp.events.modality import load_modality_cues, modality_of, reporting_verb
from chancery.nlp.extensions import ACTORS, Resolved, register_extensions


def build(rows: list[tuple[str, str, int, str, str, str]], actors: dict[int, tuple[str, str, str]]) -> Doc:
    """rows: (word, lemma, head index, dep, pos, tag); actors: token index → (code, name, kind)."""
    register_extensions()
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], heads=[r[2] for r in rows],
              deps=[r[3] for r in rows], pos=[r[4] for r in rows], tags=[r[5] for r in rows],
              sent_starts=[i == 0 for i in range(len(rows))])
    spans = []
    for i, (code, name, kind) in actors.items():
        span = doc[i:i + 1]
        span._.actor = Resolved(code, name, kind)
        spans.append(span)
    doc.spans[ACTORS] = spans
    doc._.published = "2023-05-02"
    return doc


# "Kosovo was recognised by Gabon ."
PASSIVE = [("Kosovo", "Kosovo", 2, "nsubjpass", "PROPN", "NNP"), ("was", "be", 2, "auxpass", "AUX", "VBD"),
           ("recognised", "recognise", 2, "ROOT", "VERB", "VBN"), ("by", "by", 2, "agent", "ADP", "IN"),
           ("Gabon", "Gabon", 3, "pobj", "PROPN", "NNP"), (".", ".", 2, "punct", "PUNCT", ".")]
PASSIVE_ACTORS = {0: ("XKX", "Kosovo", "contested_state"), 4: ("GAB", "Gabon", "state")}

# "Mali will not recognise Kosovo ."
NEGATED_FUTURE = [("Mali", "Mali", 3, "nsubj", "PROPN", "NNP"), ("will", "will", 3, "aux", "AUX", "MD"),
                  ("not", "not", 3, "neg", "PART", "RB"), ("recognise", "recognise", 3, "ROOT", "VERB", "VB"),
                  ("Kosovo", "Kosovo", 3, "dobj", "PROPN", "NNP"), (".", ".", 3, "punct", "PUNCT", ".")]
NEGATED_ACTORS = {0: ("MLI", "Mali", "state"), 4: ("XKX", "Kosovo", "contested_state")}

# "Peru said Chad had recognised Kosovo ."
REPORTED = [("Peru", "Peru", 1, "nsubj", "PROPN", "NNP"), ("said", "say", 1, "ROOT", "VERB", "VBD"),
            ("Chad", "Chad", 4, "nsubj", "PROPN", "NNP"), ("had", "have", 4, "aux", "AUX", "VBD"),
            ("recognised", "recognise", 1, "ccomp", "VERB", "VBN"), ("Kosovo", "Kosovo", 4, "dobj", "PROPN", "NNP"),
            (".", ".", 1, "punct", "PUNCT", ".")]
REPORTED_ACTORS = {0: ("PER", "Peru", "state"), 2: ("TCD", "Chad", "state"), 5: ("XKX", "Kosovo", "contested_state")}

# "Fiji decided to recognise them ." (with "them" resolved to the two names before it)
# "Donetsk and Lugansk met Fiji . Fiji decided to recognise them ."
CONTROL = [("Donetsk", "Donetsk", 3, "nsubj", "PROPN", "NNP"), ("and", "and", 0, "cc", "CCONJ", "CC"),
           ("Lugansk", "Lugansk", 0, "conj", "PROPN", "NNP"), ("met", "meet", 3, "ROOT", "VERB", "VBD"),
           ("Fiji", "Fiji", 3, "dobj", "PROPN", "NNP"), (".", ".", 3, "punct", "PUNCT", "."),
           ("Fiji", "Fiji", 7, "nsubj", "PROPN", "NNP"), ("decided", "decide", 7, "ROOT", "VERB", "VBD"),
           ("to", "to", 9, "aux", "PART", "TO"), ("recognise", "recognise", 7, "xcomp", "VERB", "VB"),
           ("them", "they", 9, "dobj", "PRON", "PRP"), (".", ".", 7, "punct", "PUNCT", ".")]
CONTROL_ACTORS = {0: ("DPR", "Donetsk", "contested_state"), 2: ("LPR", "Lugansk", "contested_state"),
                  4: ("FJI", "Fiji", "state"), 6: ("FJI", "Fiji", "state")}


def test_passive_agent_is_the_actor():
    doc = build(PASSIVE, PASSIVE_ACTORS)
    args = Arguments(doc, load_argument_cues())
    assert [s.text for s in args.subjects(doc[2])] == ["Gabon"]
    assert [s.text for s in args.objects(doc[2])] == ["Kosovo"]


def test_negation_beats_future():
    doc = build(NEGATED_FUTURE, NEGATED_ACTORS)
    assert modality_of(doc[3], load_modality_cues()) == "negated"


def test_component_turns_negated_recognition_into_refusal():
    doc = EventTagger(general=False)(build(NEGATED_FUTURE, NEGATED_ACTORS))
    assert [(e.type, e.actor.code, e.target.code, e.plover) for e in doc._.events] == [
        ("refuse_recognition", "MLI", "XKX", "REJECT")]


def test_reported_speech_event_belongs_to_the_embedded_subject():
    doc = build(REPORTED, REPORTED_ACTORS)
    verb = reporting_verb(doc[4], load_modality_cues())
    assert verb is not None and verb.i == 1
    events = EventTagger(general=False)(doc)._.events
    assert [(e.type, e.actor.code, e.target.code) for e in events] == [("recognize", "TCD", "XKX")]
    assert events[0].attribution["speaker"]["code"] == "PER"


def test_control_subject_and_plural_pronoun():
    doc = build(CONTROL, CONTROL_ACTORS)
    args = Arguments(doc, load_argument_cues())
    assert [s.text for s in args.subjects(doc[9])] == ["Fiji"]
    assert [s.text for s in args.objects(doc[9], frozenset({"FJI"}))] == ["Donetsk", "Lugansk"]


def test_doc_without_parse_gets_no_events():
    register_extensions()
    doc = spacy.blank("en")("Peru recognised Kosovo.")
    assert EventTagger(general=False)(doc)._.events == []


def _event(kind: str, plover: str, actor: str, target: str | None, start: int, end: int):
    from chancery.records import Actor, DateValue, Event, Offsets, Trigger

    def mention(code: str) -> Actor:
        return Actor(code=code, name=code, kind="state", text=code, start=0, end=3)

    return Event(type=kind, plover=plover, cameo="000", actor=mention(actor),
                 target=mention(target) if target else None, date=DateValue(None, None, None, None),
                 modality="asserted", sentence=Offsets(0, 60), trigger=Trigger("x", start, end), confidence=0.8)


def test_general_events_restating_a_relations_act_are_dropped():
    from chancery.nlp.events.merge import drop_restating

    sever = _event("sever_relations", "SANCTION", "EGY", "QAT", 10, 17)
    same_pair = _event("sanction", "SANCTION", "EGY", "QAT", 30, 34)
    same_trigger = _event("reject", "REJECT", "EGY", None, 10, 17)
    other = _event("accuse", "ACCUSE", "EGY", "QAT", 40, 47)
    self_target = _event("yield", "YIELD", "PER", "PER", 50, 55)
    assert drop_restating([same_pair, same_trigger, other, self_target], [sever]) == [other]


def test_switch_merges_cut_with_taipei_and_ties_with_beijing():
    from chancery.nlp.events.merge import merge_switches

    cut = _event("sever_relations", "SANCTION", "PAN", "TWN", 5, 8)
    ties = _event("establish_relations", "COOPERATE", "CHN", "PAN", 20, 31)
    reciprocal = _event("sever_relations", "SANCTION", "TWN", "PAN", 40, 45)
    merged = merge_switches([cut, ties, reciprocal])
    switch = [e for e in merged if e.type == "switch_recognition"]
    assert len(switch) == 1 and switch[0].actor.code == "PAN" and switch[0].target.code == "CHN"
    assert switch[0].source is not None and switch[0].source.code == "TWN"
    assert reciprocal in merged and cut not in merged and ties not in merged


def _general(kind: str, actor_kind: str, start: int, end: int, target_code: str | None = "SAU"):
    from chancery.records import Actor, DateValue, Event, Offsets, Trigger

    actor = Actor(code="AP", name="AP", kind=actor_kind, text="AP", start=0, end=2)  # type: ignore[arg-type]
    target = Actor(code=target_code, name="x", kind="state", text="x", start=0, end=1) if target_code else None
    return Event(type=kind, plover=kind.upper(), cameo="000", actor=actor, target=target,
                 date=DateValue(None, None, None, None), modality="asserted", sentence=Offsets(0, 30),
                 trigger=Trigger("x", start, end), confidence=0.5)


# "AP asked Peru . AP reported ."
MEDIA = [("AP", "AP", 1, "nsubj", "PROPN", "NNP"), ("asked", "ask", 1, "ROOT", "VERB", "VBD"),
         ("Peru", "Peru", 1, "dobj", "PROPN", "NNP"), (".", ".", 1, "punct", "PUNCT", "."),
         ("AP", "AP", 5, "nsubj", "PROPN", "NNP"), ("reported", "report", 5, "ROOT", "VERB", "VBD"),
         (".", ".", 5, "punct", "PUNCT", ".")]

# "calling it a victory"
LABEL = [("calling", "call", 0, "ROOT", "VERB", "VBG"), ("it", "it", 0, "dobj", "PRON", "PRP"),
         ("a", "a", 3, "det", "DET", "DT"), ("victory", "victory", 0, "oprd", "NOUN", "NN")]
# "calling Peru"
CALL = [("calling", "call", 0, "ROOT", "VERB", "VBG"), ("Peru", "Peru", 0, "dobj", "PROPN", "NNP")]


def test_media_is_no_party_of_a_general_event_unless_it_reports():
    from chancery.nlp.events.merge import drop_misread

    doc = build(MEDIA, {})
    asked = _general("request", "media", 3, 8)
    reported = _general("consult", "media", 19, 27, None)
    state = _general("request", "state", 3, 8)
    cues = load_modality_cues()
    assert drop_misread(doc, [asked, reported, state], cues, frozenset({"call"})) == [reported, state]


def test_labelling_call_is_dropped_but_a_call_to_someone_is_kept():
    from chancery.nlp.events.merge import drop_misread

    cues = load_modality_cues()
    labelling = _general("consult", "state", 0, 7)
    assert drop_misread(build(LABEL, {}), [labelling], cues, frozenset({"call"})) == []
    call = _general("consult", "state", 0, 7)
    assert drop_misread(build(CALL, {}), [call], cues, frozenset({"call"})) == [call]


def test_general_event_on_a_word_of_a_merged_act_is_dropped():
    from chancery.nlp.events.merge import drop_restating

    doc = build(CALL, {})
    on_cut = _general("sanction", "state", 0, 7)
    elsewhere = _general("sanction", "state", 8, 12)
    assert drop_restating([on_cut, elsewhere], [], doc, {0}) == [elsewhere]
