"""Claims: pure detection (no database), then verdicts against the ledger on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from ledger_builders import actor, event, extraction

from chancery.claims import ClaimDetector, detect_claims

PRK_TEXT = ("Pyongyang recognised the DPR and the LPR on Wednesday, becoming the second country after Syria "
            "to take that step. Officials in Kyiv called the move hollow.")


def prk_extraction(text: str = PRK_TEXT, published: str = "2022-07-14"):
    prk = actor(text, "Pyongyang", "PRK")
    events = [event(text, "recognize", prk, actor(text, "DPR", "DPR"), "recognised", "2022-07-13"),
              event(text, "recognize", prk, actor(text, "LPR", "LPR"), "recognised", "2022-07-13")]
    others = [actor(text, "Syria", "SYR")] + ([actor(text, "Kyiv", "UKR")] if "Kyiv" in text else [])
    return extraction(text, published, events, entities=others)


@pytest.fixture(scope="module")
def detector() -> ClaimDetector:
    return ClaimDetector()


# -- detection ----------------------------------------------------------------------------------------

def test_ordinal_with_named_predecessor(detector):
    [claim] = detector.detect(PRK_TEXT, prk_extraction())
    assert claim.kind == "ordinal" and claim.ordinal == 2 and claim.named == ["SYR"]
    assert claim.subject == "PRK" and claim.entities == ["DPR", "LPR"]
    assert claim.text == PRK_TEXT[claim.start:claim.end]
    assert claim.text.startswith("the second country after Syria") and claim.text.endswith("take that step") \
        or claim.text.startswith("the second country after Syria")


def test_ordinal_do_so_refers_to_the_previous_sentence(detector):
    text = "Lakeland recognised Somaliland on Friday. It is the first state to do so."
    lak = actor(text, "Lakeland", "FIN")
    ex = extraction(text, "2031-06-07", [event(text, "recognize", lak, actor(text, "Somaliland", "SML"),
                                               "recognised", "2031-06-06")])
    [claim] = detector.detect(text, ex)
    assert (claim.kind, claim.ordinal, claim.named, claim.subject, claim.entities) == \
        ("ordinal", 1, [], "FIN", ["SML"])
    assert claim.text == "the first state to do so"


def test_ordinal_with_a_group_is_marked(detector):
    text = "Hillmark will be the first European country to recognise Transnistria, its premier said."
    ex = extraction(text, "2031-01-01", [event(text, "announce_intent_to_recognize", actor(text, "Hillmark", "AUT"),
                                               actor(text, "Transnistria", "TRN"), "recognise", "2031-01-01",
                                               modality="future")])
    [claim] = detector.detect(text, ex)
    assert claim.group == "European" and claim.entities == ["TRN"]


def test_only_list(detector):
    text = "So far only Russia and Syria have recognised the DPR, diplomats noted."
    ex = extraction(text, "2022-07-01", [], entities=[actor(text, "Russia", "RUS"), actor(text, "Syria", "SYR"),
                                                      actor(text, "DPR", "DPR")])
    [claim] = detector.detect(text, ex)
    assert (claim.kind, claim.named, claim.entities) == ("only", ["RUS", "SYR"], ["DPR"])
    assert claim.text == "only Russia and Syria"


def test_count_with_comparator(detector):
    text = "More than 100 countries recognise Kosovo, according to its foreign ministry."
    ex = extraction(text, "2024-01-01", [], entities=[actor(text, "Kosovo", "XKX")])
    [claim] = detector.detect(text, ex)
    assert (claim.kind, claim.count, claim.comparator, claim.entities) == ("count", 100, "more_than", ["XKX"])
    assert claim.text == "More than 100 countries"


def test_count_in_words(detector):
    text = "Two states have recognised Northern Cyprus at one time or another."
    ex = extraction(text, "2024-01-01", [], entities=[actor(text, "Northern Cyprus", "NCY")])
    [claim] = detect_claims(text, ex, detector)
    assert (claim.kind, claim.count, claim.comparator) == ("count", 2, "exact")


def test_no_claim_without_recognition_talk(detector):
    text = "The second country to sign the trade pact after Chile was Peru."
    ex = extraction(text, "2024-01-01", [], entities=[actor(text, "Chile", "CHL"), actor(text, "Peru", "PER")])
    assert detector.detect(text, ex) == []


# -- verdicts -------------------------------------------------------------------------------------------

def _verdicts(ledger, text, ex):
    return [(c["entity"], c["verdict"]) for c in ledger.check_claims(text, ex)]


def test_second_after_syria_is_qualified_not_supported(ledger):
    claims = ledger.check_claims(PRK_TEXT, prk_extraction())
    assert [(c["entity"], c["verdict"]) for c in claims] == [("DPR", "qualified"), ("LPR", "qualified")]
    dpr = claims[0]
    assert "Russia" in dpr["reason"]
    assert [(e["actor"], e["counted"]) for e in dpr["evidence"]] == [("RUS", False), ("SYR", True)]


def test_third_after_russia_and_syria_is_supported(ledger):
    text = "Pyongyang recognised the DPR on Wednesday, the third state to do so after Russia and Syria."
    ex = extraction(text, "2022-07-14", [event(text, "recognize", actor(text, "Pyongyang", "PRK"),
                                               actor(text, "DPR", "DPR"), "recognised", "2022-07-13")],
                    entities=[actor(text, "Russia", "RUS"), actor(text, "Syria", "SYR")])
    assert _verdicts(ledger, text, ex) == [("DPR", "supported")]


def test_first_state_is_contradicted_when_others_came_before(ledger):
    text = "Pyongyang recognised the DPR on Wednesday, the first state to do so."
    ex = extraction(text, "2022-07-14", [event(text, "recognize", actor(text, "Pyongyang", "PRK"),
                                               actor(text, "DPR", "DPR"), "recognised", "2022-07-13")])
    [(entity, verdict)] = _verdicts(ledger, text, ex)
    assert verdict == "contradicted"


def test_named_predecessor_that_never_recognised_is_contradicted(ledger):
    text = "Pyongyang recognised the DPR, the second country after Cuba to do so."
    ex = extraction(text, "2022-07-14", [event(text, "recognize", actor(text, "Pyongyang", "PRK"),
                                               actor(text, "DPR", "DPR"), "recognised", "2022-07-13")],
                    entities=[actor(text, "Cuba", "CUB")])
    [claim] = ledger.check_claims(text, ex)
    assert claim["verdict"] == "contradicted" and "Cuba" in claim["reason"]


def test_group_claim_is_unverifiable(ledger):
    text = "Hillmark will be the first European country to recognise Transnistria, its premier said."
    ex = extraction(text, "2031-01-01", [event(text, "announce_intent_to_recognize", actor(text, "Hillmark", "AUT"),
                                               actor(text, "Transnistria", "TRN"), "recognise", "2031-01-01",
                                               modality="future")])
    assert _verdicts(ledger, text, ex) == [("TRN", "unverifiable")]


def test_only_claims(ledger):
    text = "So far only Russia and Syria have recognised the DPR, diplomats noted."
    ex = extraction(text, "2022-07-01", [], entities=[actor(text, "Russia", "RUS"), actor(text, "Syria", "SYR"),
                                                      actor(text, "DPR", "DPR")])
    # UN members: exactly Russia and Syria; South Ossetia and Abkhazia recognise it too.
    assert _verdicts(ledger, text, ex) == [("DPR", "qualified")]
    later = extraction(text, "2022-08-01", ex.events, entities=ex.entities)
    [claim] = ledger.check_claims(text, later)
    assert claim["verdict"] == "contradicted" and "North Korea" in claim["reason"]


def test_only_claim_supported(ledger):
    text = "Of all states, only Turkey has recognised Northern Cyprus."
    ex = extraction(text, "2024-01-01", [], entities=[actor(text, "Turkey", "TUR"),
                                                      actor(text, "Northern Cyprus", "NCY")])
    assert _verdicts(ledger, text, ex) == [("NCY", "supported")]


def test_count_claims(ledger):
    text = "Three countries recognise the DPR, the envoy said."
    dpr = actor(text, "DPR", "DPR")
    assert _verdicts(ledger, text, extraction(text, "2022-07-20", [], entities=[dpr])) == [("DPR", "supported")]
    assert _verdicts(ledger, text, extraction(text, "2022-07-01", [], entities=[dpr])) == [("DPR", "contradicted")]
    five = "Five states recognise the DPR, the envoy said."
    # five only when South Ossetia and Abkhazia are counted
    assert _verdicts(ledger, five, extraction(five, "2022-07-20", [], entities=[actor(five, "DPR", "DPR")])) \
        == [("DPR", "qualified")]


def test_count_above_an_incomplete_list_is_unverifiable(ledger):
    text = "Over 110 countries recognise Kosovo, its ministry says."
    ex = extraction(text, "2024-01-01", [], entities=[actor(text, "Kosovo", "XKX")])
    assert _verdicts(ledger, text, ex) == [("XKX", "unverifiable")]


def test_only_list_about_the_others_excludes_the_new_recogniser(ledger):
    text = "Pyongyang recognised the DPR on Wednesday. Only Russia and Syria had done so among UN members."
    prk = actor(text, "Pyongyang", "PRK")
    ex = extraction(text, "2022-07-14", [event(text, "recognize", prk, actor(text, "DPR", "DPR"), "recognised",
                                               "2022-07-13")],
                    entities=[actor(text, "Russia", "RUS"), actor(text, "Syria", "SYR")])
    [claim] = ledger.check_claims(text, ex)
    assert claim["subject"] == "PRK" and claim["named"] == ["RUS", "SYR"]
    assert claim["verdict"] == "qualified"  # Abkhazia and South Ossetia, not UN members, recognise it too
    assert "PRK" not in [e["actor"] for e in claim["evidence"]]


def test_modifiers_and_negated_counts_are_not_claims(detector):
    text = ("During the first state visit since it recognised Kosovo, the minister said five states do not "
            "recognise Kosovo.")
    ex = extraction(text, "2024-01-01", [], entities=[actor(text, "Kosovo", "XKX"), actor(text, "Kosovo", "XKX", 1)])
    assert detector.detect(text, ex) == []
