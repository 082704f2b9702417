"""General PLOVER events on sentences we wrote, parsed by the statistical model.

The model's parse only (no gazetteer): arguments come back as noun phrases, so the checks are on
root, CAMEO code and argument text. One test runs the whole pipeline to see the events component
carry these events into ``doc._.events``.
"""

from __future__ import annotations

import pytest

from chancery.nlp.events.general import general_events
from chancery.nlp.events.plover import PloverLexicon, load_plover_lexicon
from chancery.records import Event
from chancery.settings import Settings

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parser():
    import spacy

    from chancery.nlp.extensions import register_extensions

    register_extensions()
    return spacy.load(Settings().model)


@pytest.fixture(scope="module")
def lexicon() -> PloverLexicon:
    return load_plover_lexicon(None)


def first_with(events: list[Event], actor: str, target: str) -> Event | None:
    """The first event whose actor and target texts contain the given words (as the PLV scorer reads)."""
    for event in events:
        if event.actor and event.target and actor in event.actor.text and target in event.target.text:
            return event
    return None


CASES = [
    # sentence, actor word, target word, PLOVER root
    ("The foreign minister of Latvia met his Estonian counterpart in Riga on Monday.", "minister", "counterpart",
     "CONSULT"),
    ("The prime minister held talks with the visiting Kenyan delegation.", "minister", "delegation", "CONSULT"),
    ("Parliament praised the coast guard for its rescue work.", "Parliament", "guard", "SUPPORT"),
    ("The two navies will work together with the Omani fleet on piracy.", "navies", "fleet", "AGREE"),
    ("The charity sent blankets and medicine to the flooded villages.", "charity", "villages", "AID"),
    ("The rebels signed a ceasefire agreement with the army in March.", "rebels", "army", "AGREE"),
    ("The union urged the ministry to raise teachers' pay.", "union", "ministry", "REQUEST"),
    ("The opposition called on the election commission to recount the votes.", "opposition", "commission",
     "REQUEST"),
    ("The prosecutor accused the mayor of taking bribes.", "prosecutor", "mayor", "ACCUSE"),
    ("A farmers' group filed a lawsuit against the water company.", "group", "company", "ACCUSE"),
    ("The senate rejected the governor's budget proposal.", "senate", "proposal", "REJECT"),
    ("The militia threatened the villagers with reprisals.", "militia", "villagers", "THREATEN"),
    ("The army issued a warning to the smugglers near the border.", "army", "smugglers", "THREATEN"),
    ("Hundreds of nurses protested against the hospital board.", "nurses", "board", "PROTEST"),
    ("The government expelled two diplomats from the neighbouring country.", "government", "country",
     "SANCTION"),
    ("The navy deployed three frigates to the disputed strait.", "navy", "strait", "MOBILIZE"),
    ("Police arrested a local journalist at the airport.", "Police", "journalist", "COERCE"),
    ("The authorities imposed a curfew on the northern district.", "authorities", "district", "COERCE"),
    ("The village was shelled by artillery units overnight.", "units", "village", "ASSAULT"),
    ("Gunmen launched an attack on a police station.", "Gunmen", "station", "ASSAULT"),
    ("The junta released forty political prisoners.", "junta", "prisoners", "YIELD"),
    ("The council lifted the ban on street markets.", "council", "markets", "YIELD"),
    ("The commander withdrew his troops from the valley.", "commander", "valley", "YIELD"),
    ("The minister did not withdraw the troops from the province.", "minister", "province", "REJECT"),
]


@pytest.mark.parametrize(("sentence", "actor", "target", "root"), CASES, ids=[c[3] + ":" + c[1] for c in CASES])
def test_root_and_arguments(parser, lexicon: PloverLexicon, sentence: str, actor: str, target: str,
                            root: str) -> None:
    events = general_events(parser(sentence), lexicon)
    event = first_with(events, actor, target)
    assert event is not None, [(e.plover, e.actor and e.actor.text, e.target and e.target.text) for e in events]
    assert event.plover == root
    assert event.type == root.lower() and event.cameo.isdigit()


def test_coordinated_targets_split(parser, lexicon: PloverLexicon) -> None:
    events = general_events(parser("The court convicted the banker and his accountant of fraud."), lexicon)
    targets = [e.target.text for e in events if e.plover == "ACCUSE" and e.target]
    assert any("banker" in t and "accountant" not in t for t in targets)
    assert any("accountant" in t and "banker" not in t for t in targets)


def test_relative_clause_subject(parser, lexicon: PloverLexicon) -> None:
    events = general_events(parser("The militia, which attacked the convoy, denied any involvement."), lexicon)
    event = first_with(events, "militia", "convoy")
    assert event is not None and event.plover == "ASSAULT"


def test_full_pipeline_carries_general_events(nlp) -> None:
    doc = nlp("Egypt, Bahrain and Jordan condemned Qatar on Tuesday.")
    codes = {(e.actor.code, e.target.code) for e in doc._.events if e.plover == "ACCUSE" and e.actor and e.target}
    assert {("EGY", "QAT"), ("BHR", "QAT"), ("JOR", "QAT")} <= codes
