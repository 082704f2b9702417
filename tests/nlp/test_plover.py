"""General PLOVER events on hand-built Docs (hand-written parse, no model): frames and arguments.

Each Doc is written token by token as (word, lemma, pos, head index, dependency); actor mentions
are set by hand, so these tests check the lexicon and the argument rules alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from chancery.nlp.events.general import general_events, noun_phrase
from chancery.nlp.events.plover import PloverLexicon, build_plover_lexicon, load_plover_lexicon
from chancery.nlp.extensions import ACTORS, Resolved, register_extensions
from chancery.records import PLOVER_ROOTS, Event

STATES = {"Russia": "RUS", "Ukraine": "UKR", "France": "FRA", "Iran": "IRN", "Chile": "CHL", "Peru": "PER",
          "Egypt": "EGY", "Bahrain": "BHR", "Jordan": "JOR", "Qatar": "QAT", "Brazil": "BRA",
          "Argentina": "ARG", "Serbia": "SRB", "Japan": "JPN", "Korea": "KOR", "Norway": "NOR",
          "Sweden": "SWE", "Mali": "MLI", "Ghana": "GHA"}
Row = tuple[str, str, str, int, str]  # word, lemma, pos, head, dep
_TAGS = {"VERB": "VBD", "NOUN": "NN", "PROPN": "NNP", "ADP": "IN", "DET": "DT", "PUNCT": ",", "CCONJ": "CC",
         "AUX": "VBD", "PART": "RB", "ADJ": "JJ", "PRON": "PRP"}


@pytest.fixture(scope="module")
def lexicon() -> PloverLexicon:
    return load_plover_lexicon(None)


def make_doc(rows: list[Row], tags: dict[int, str] | None = None) -> Doc:
    register_extensions()
    nlp = spacy.blank("en")
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in ("'s", ",", ".") for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              heads=[r[3] for r in rows], deps=[r[4] for r in rows],
              tags=[(tags or {}).get(i, _TAGS.get(r[2], "XX")) for i, r in enumerate(rows)])
    spans = []
    for tok in doc:
        if tok.text in STATES:
            span = doc[tok.i:tok.i + 1]
            span._.actor = Resolved(STATES[tok.text], tok.text, "state")
            spans.append(span)
    doc.spans[ACTORS] = spans
    return doc


def only(events: list[Event], root: str) -> list[Event]:
    return [e for e in events if e.plover == root]


def dyads(events: list[Event]) -> list[tuple[str | None, str | None]]:
    return [(e.actor.code if e.actor else None, e.target.code if e.target else None) for e in events]


def test_every_root_is_reachable_and_coded(lexicon: PloverLexicon) -> None:
    roots = {f.root for f in lexicon.verbs.values()} | {f.root for f in lexicon.collocations.values()}
    assert set(PLOVER_ROOTS) <= roots
    for frame in lexicon.verbs.values():
        assert frame.cameo.isdigit() and len(frame.cameo) >= 3


def test_direct_object_target(lexicon: PloverLexicon) -> None:
    doc = make_doc([("Russia", "Russia", "PROPN", 1, "nsubj"), ("accused", "accuse", "VERB", 1, "ROOT"),
                    ("Ukraine", "Ukraine", "PROPN", 1, "dobj"), ("of", "of", "ADP", 1, "prep"),
                    ("spying", "spy", "VERB", 3, "pcomp"), (".", ".", "PUNCT", 1, "punct")])
    [event] = only(general_events(doc, lexicon), "ACCUSE")
    assert (event.type, event.cameo) == ("accuse", "112")
    assert dyads([event]) == [("RUS", "UKR")]
    assert event.trigger.text == "accused" and event.modality == "asserted"
    assert event.date.value is None and event.sentence.start == 0


def test_passive_with_agent(lexicon: PloverLexicon) -> None:
    # "The embassy was attacked by armed men."
    doc = make_doc([("The", "the", "DET", 1, "det"), ("embassy", "embassy", "NOUN", 3, "nsubjpass"),
                    ("was", "be", "AUX", 3, "auxpass"), ("attacked", "attack", "VERB", 3, "ROOT"),
                    ("by", "by", "ADP", 3, "agent"), ("armed", "armed", "ADJ", 6, "amod"),
                    ("men", "man", "NOUN", 4, "pobj"), (".", ".", "PUNCT", 3, "punct")],
                   tags={3: "VBN"})
    [event] = general_events(doc, lexicon)
    assert event.plover == "ASSAULT"
    assert event.actor is not None and event.actor.text == "armed men" and event.actor.code is None
    assert event.target is not None and event.target.text == "The embassy"


def test_light_verb_noun_with_prepositional_target(lexicon: PloverLexicon) -> None:
    # "France imposed sanctions on Iran."
    doc = make_doc([("France", "France", "PROPN", 1, "nsubj"), ("imposed", "impose", "VERB", 1, "ROOT"),
                    ("sanctions", "sanction", "NOUN", 1, "dobj"), ("on", "on", "ADP", 1, "prep"),
                    ("Iran", "Iran", "PROPN", 3, "pobj"), (".", ".", "PUNCT", 1, "punct")])
    [event] = general_events(doc, lexicon)
    assert (event.plover, event.cameo) == ("SANCTION", "163")
    assert dyads([event]) == [("FRA", "IRN")]


def test_held_talks_with_is_consult(lexicon: PloverLexicon) -> None:
    doc = make_doc([("Chile", "Chile", "PROPN", 1, "nsubj"), ("held", "hold", "VERB", 1, "ROOT"),
                    ("talks", "talk", "NOUN", 1, "dobj"), ("with", "with", "ADP", 2, "prep"),
                    ("Peru", "Peru", "PROPN", 3, "pobj")])
    [event] = general_events(doc, lexicon)
    assert (event.plover, event.cameo) == ("CONSULT", "046")
    assert dyads([event]) == [("CHL", "PER")]


def test_object_decides_the_reading(lexicon: PloverLexicon) -> None:
    # "Egypt lifted the ban on Jordan." → yield, not coerce
    lifted = make_doc([("Egypt", "Egypt", "PROPN", 1, "nsubj"), ("lifted", "lift", "VERB", 1, "ROOT"),
                       ("the", "the", "DET", 3, "det"), ("ban", "ban", "NOUN", 1, "dobj"),
                       ("on", "on", "ADP", 3, "prep"), ("Jordan", "Jordan", "PROPN", 4, "pobj")])
    [event] = general_events(lifted, lexicon)
    assert event.plover == "YIELD" and dyads([event]) == [("EGY", "JOR")]
    # "Egypt released a statement." → no event
    statement = make_doc([("Egypt", "Egypt", "PROPN", 1, "nsubj"), ("released", "release", "VERB", 1, "ROOT"),
                          ("a", "a", "DET", 3, "det"), ("statement", "statement", "NOUN", 1, "dobj")])
    assert general_events(statement, lexicon) == []


def test_coordinated_actors_give_one_event_each(lexicon: PloverLexicon) -> None:
    # "Egypt, Bahrain and Jordan condemned Qatar."
    doc = make_doc([("Egypt", "Egypt", "PROPN", 5, "nsubj"), (",", ",", "PUNCT", 0, "punct"),
                    ("Bahrain", "Bahrain", "PROPN", 0, "conj"), ("and", "and", "CCONJ", 2, "cc"),
                    ("Jordan", "Jordan", "PROPN", 2, "conj"), ("condemned", "condemn", "VERB", 5, "ROOT"),
                    ("Qatar", "Qatar", "PROPN", 5, "dobj")])
    events = general_events(doc, lexicon)
    assert dyads(events) == [("EGY", "QAT"), ("BHR", "QAT"), ("JOR", "QAT")]
    assert {e.actor.text for e in events if e.actor} == {"Egypt", "Bahrain", "Jordan"}


def test_phrasal_verb_call_on(lexicon: PloverLexicon) -> None:
    # "Brazil called on Argentina to reopen the border."
    doc = make_doc([("Brazil", "Brazil", "PROPN", 1, "nsubj"), ("called", "call", "VERB", 1, "ROOT"),
                    ("on", "on", "ADP", 1, "prep"), ("Argentina", "Argentina", "PROPN", 2, "pobj"),
                    ("to", "to", "PART", 5, "aux"), ("reopen", "reopen", "VERB", 1, "xcomp"),
                    ("the", "the", "DET", 7, "det"), ("border", "border", "NOUN", 5, "dobj")], tags={5: "VB"})
    events = general_events(doc, lexicon)
    assert events[0].plover == "REQUEST" and dyads(events[:1]) == [("BRA", "ARG")]


def test_negated_yield_is_a_rejection(lexicon: PloverLexicon) -> None:
    # "Serbia did not withdraw troops from Mali."
    doc = make_doc([("Serbia", "Serbia", "PROPN", 3, "nsubj"), ("did", "do", "AUX", 3, "aux"),
                    ("not", "not", "PART", 3, "neg"), ("withdraw", "withdraw", "VERB", 3, "ROOT"),
                    ("troops", "troop", "NOUN", 3, "dobj"), ("from", "from", "ADP", 3, "prep"),
                    ("Mali", "Mali", "PROPN", 5, "pobj")], tags={3: "VB"})
    [event] = general_events(doc, lexicon)
    assert (event.plover, event.modality) == ("REJECT", "negated")
    assert dyads([event]) == [("SRB", "MLI")]


def test_planned_meeting_is_an_agreement_to_meet(lexicon: PloverLexicon) -> None:
    # "Japan will meet Korea."
    doc = make_doc([("Japan", "Japan", "PROPN", 2, "nsubj"), ("will", "will", "AUX", 2, "aux"),
                    ("meet", "meet", "VERB", 2, "ROOT"), ("Korea", "Korea", "PROPN", 2, "dobj")], tags={1: "MD", 2: "VB"})
    [event] = general_events(doc, lexicon)
    assert (event.plover, event.cameo, event.modality) == ("AGREE", "036", "future")


def test_said_must_is_a_demand(lexicon: PloverLexicon) -> None:
    # "Norway said Sweden must apologise."
    doc = make_doc([("Norway", "Norway", "PROPN", 1, "nsubj"), ("said", "say", "VERB", 1, "ROOT"),
                    ("Sweden", "Sweden", "PROPN", 4, "nsubj"), ("must", "must", "AUX", 4, "aux"),
                    ("apologise", "apologise", "VERB", 1, "ccomp")], tags={3: "MD", 4: "VB"})
    events = general_events(doc, lexicon)
    assert ("REQUEST", ("NOR", "SWE")) in [(e.plover, dyads([e])[0]) for e in events]


def test_nominal_event_with_possessor_and_target(lexicon: PloverLexicon) -> None:
    # "Ghana condemned Russia's attack on Ukraine."
    doc = make_doc([("Ghana", "Ghana", "PROPN", 1, "nsubj"), ("condemned", "condemn", "VERB", 1, "ROOT"),
                    ("Russia", "Russia", "PROPN", 4, "poss"), ("'s", "'s", "PART", 2, "case"),
                    ("attack", "attack", "NOUN", 1, "dobj"), ("on", "on", "ADP", 4, "prep"),
                    ("Ukraine", "Ukraine", "PROPN", 5, "pobj")])
    events = general_events(doc, lexicon)
    assert [(e.plover, dyads([e])[0]) for e in events] == [("ACCUSE", ("GHA", "RUS")), ("ASSAULT", ("RUS", "UKR"))]
    accuse = events[0]
    assert accuse.target is not None and accuse.target.text == "Russia's attack on Ukraine"


def test_noun_phrase_drops_a_dateline() -> None:
    doc = make_doc([("PARIS", "Paris", "PROPN", 3, "compound"), ("-", "-", "PUNCT", 3, "punct"),
                    ("The", "the", "DET", 3, "det"), ("court", "court", "NOUN", 4, "nsubj"),
                    ("ruled", "rule", "VERB", 4, "ROOT")])
    assert noun_phrase(doc[3]) == (2, 4)


def test_user_lexicon_extends_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "plover.toml").write_text('[verbs]\nstonewall = { root = "reject", cameo = "120" }\n',
                                          encoding="utf-8")
    lexicon = load_plover_lexicon(str(tmp_path))
    assert lexicon.verbs["stonewall"].root == "reject"
    assert lexicon.verbs["condemn"].root == "accuse"


def test_unknown_root_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown root"):
        build_plover_lexicon({"verbs": {"frobnicate": {"root": "befriend"}}})


def test_one_sided_and_denied_acts_are_not_coded(lexicon: PloverLexicon) -> None:
    # "Serbia protested." has no target; "Serbia did not attack Mali." did not happen.
    alone = make_doc([("Serbia", "Serbia", "PROPN", 1, "nsubj"), ("protested", "protest", "VERB", 1, "ROOT")])
    assert general_events(alone, lexicon) == []
    denied = make_doc([("Serbia", "Serbia", "PROPN", 3, "nsubj"), ("did", "do", "AUX", 3, "aux"),
                       ("not", "not", "PART", 3, "neg"), ("attack", "attack", "VERB", 3, "ROOT"),
                       ("Mali", "Mali", "PROPN", 3, "dobj")], tags={3: "VB"})
    assert general_events(denied, lexicon) == []


def test_deployed_forces_are_not_the_target(lexicon: PloverLexicon) -> None:
    # "Russia deployed troops to Mali."
    doc = make_doc([("Russia", "Russia", "PROPN", 1, "nsubj"), ("deployed", "deploy", "VERB", 1, "ROOT"),
                    ("troops", "troop", "NOUN", 1, "dobj"), ("to", "to", "ADP", 1, "prep"),
                    ("Mali", "Mali", "PROPN", 3, "pobj")])
    [event] = general_events(doc, lexicon)
    assert event.plover == "MOBILIZE" and dyads([event]) == [("RUS", "MLI")]


def test_a_statement_speaks_for_its_issuer(lexicon: PloverLexicon) -> None:
    # "Ghana issued a statement condemning Mali."
    doc = make_doc([("Ghana", "Ghana", "PROPN", 1, "nsubj"), ("issued", "issue", "VERB", 1, "ROOT"),
                    ("a", "a", "DET", 3, "det"), ("statement", "statement", "NOUN", 1, "dobj"),
                    ("condemning", "condemn", "VERB", 3, "acl"), ("Mali", "Mali", "PROPN", 4, "dobj")],
                   tags={4: "VBG"})
    events = only(general_events(doc, lexicon), "ACCUSE")
    assert dyads(events) == [("GHA", "MLI")]


def test_coordinated_modifiers_are_the_two_parties(lexicon: PloverLexicon) -> None:
    # "Chilean and Peruvian negotiators agreed."
    doc = make_doc([("Chilean", "chilean", "ADJ", 3, "amod"), ("and", "and", "CCONJ", 0, "cc"),
                    ("Peruvian", "peruvian", "ADJ", 0, "conj"), ("negotiators", "negotiator", "NOUN", 4, "nsubj"),
                    ("agreed", "agree", "VERB", 4, "ROOT")])
    [event] = general_events(doc, lexicon)
    assert event.plover == "AGREE"
    assert event.actor is not None and event.actor.text == "Chilean"
    assert event.target is not None and event.target.text == "Peruvian negotiators"


def test_said_responsible_is_an_accusation(lexicon: PloverLexicon) -> None:
    # "Ghana said Mali was responsible."
    doc = make_doc([("Ghana", "Ghana", "PROPN", 1, "nsubj"), ("said", "say", "VERB", 1, "ROOT"),
                    ("Mali", "Mali", "PROPN", 3, "nsubj"), ("was", "be", "AUX", 1, "ccomp"),
                    ("responsible", "responsible", "ADJ", 3, "acomp")])
    events = general_events(doc, lexicon)
    assert ("ACCUSE", ("GHA", "MLI")) in [(e.plover, dyads([e])[0]) for e in events]


def test_conditional_refusal_targets_the_awaited_party(lexicon: PloverLexicon) -> None:
    # "Serbia will not end the strike until Mali pays."
    doc = make_doc([("Serbia", "Serbia", "PROPN", 3, "nsubj"), ("will", "will", "AUX", 3, "aux"),
                    ("not", "not", "PART", 3, "neg"), ("end", "end", "VERB", 3, "ROOT"),
                    ("the", "the", "DET", 5, "det"), ("strike", "strike", "NOUN", 3, "dobj"),
                    ("until", "until", "SCONJ", 8, "mark"), ("Mali", "Mali", "PROPN", 8, "nsubj"),
                    ("pays", "pay", "VERB", 3, "advcl")], tags={1: "MD", 3: "VB", 8: "VBZ"})
    [event] = general_events(doc, lexicon)
    assert (event.plover, event.modality) == ("REJECT", "negated")
    assert dyads([event]) == [("SRB", "MLI")]


def test_a_round_of_talks_is_talks(lexicon: PloverLexicon) -> None:
    # "Chile held a round of talks with Peru."
    doc = make_doc([("Chile", "Chile", "PROPN", 1, "nsubj"), ("held", "hold", "VERB", 1, "ROOT"),
                    ("a", "a", "DET", 3, "det"), ("round", "round", "NOUN", 1, "dobj"),
                    ("of", "of", "ADP", 3, "prep"), ("talks", "talk", "NOUN", 4, "pobj"),
                    ("with", "with", "ADP", 5, "prep"), ("Peru", "Peru", "PROPN", 6, "pobj")])
    [event] = general_events(doc, lexicon)
    assert (event.plover, event.trigger.text) == ("CONSULT", "talks")
    assert dyads([event]) == [("CHL", "PER")]
