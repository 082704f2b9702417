"""The public lookup API (`chancery.nlp.actor_lookup`, `Gazetteer.resolve`) and user lexicon extension."""

from __future__ import annotations

import pytest

from chancery.nlp.actor_lookup import actor_at, actors_in, resolve
from chancery.nlp.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


@pytest.fixture(scope="module")
def blank():
    from chancery.nlp.pipeline import blank_pipeline

    return blank_pipeline(("chancery_actors",))


@pytest.mark.parametrize(("text", "code", "kind"), [
    ("Abkhazia", "ABK", "contested_state"), ("abkhazia", "ABK", "contested_state"), ("ABK", "ABK", "contested_state"),
    ("the DPR", "DPR", "contested_state"), ("DPRK", "PRK", "state"), ("North Korea", "PRK", "state"),
    ("Republic of China", "TWN", "contested_state"), ("People's Republic of China", "CHN", "state"),
    ("Pyongyang's", "PRK", "state"), ("RUS", "RUS", "state"), ("IGO-UN", "IGO-UN", "igo"),
    ("Russia's foreign ministry", "RUS", "organisation"), ("the Russian Foreign Ministry", "RUS", "organisation"),
    ("Chinese Foreign Minister Wang Yi", "CHN", "person"), ("Natalya Nikonorova", "DPR", "person"),
])
def test_resolve_plain_strings(gazetteer, text, code, kind):
    found = gazetteer.resolve(text)
    assert found is not None and (found.code, found.kind) == (code, kind)


@pytest.mark.parametrize("text", ["us", "", "   ", "Russia and China", "a plain sentence about nothing"])
def test_resolve_refuses_what_is_not_one_actor(gazetteer, text):
    assert gazetteer.resolve(text) is None


def test_module_level_resolve():
    found = resolve("Somaliland")
    assert found is not None and found.code == "SML"


def test_actors_in_and_actor_at(blank):
    doc = blank("Kyiv cut ties with Pyongyang after the Kremlin spoke.")
    spans = actors_in(doc, 0, len(doc))
    assert [(s.text, s._.actor.code) for s in spans] == [("Kyiv", "UKR"), ("Pyongyang", "PRK"), ("Kremlin", "RUS")]
    assert [s.text for s in actors_in(doc, 1, 5)] == ["Pyongyang"]
    assert actors_in(doc, 1, 4) == []
    assert actor_at(doc, doc[4]).text == "Pyongyang"
    assert actor_at(doc, 1) is None


def test_lookups_on_a_doc_without_actor_spans(blank):
    doc = blank.make_doc("Nothing ran here.")
    assert actors_in(doc, 0, len(doc)) == [] and actor_at(doc, 0) is None


def test_user_lexicon_dir_extends_the_gazetteer(tmp_path):
    from chancery.nlp.pipeline import blank_pipeline

    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "contested.toml").write_text(
        '[entities.GAG]\nname = "Gagauzia"\naliases = ["Gagauz Yeri"]\ndemonyms = ["Gagauz"]\nmetonyms = ["Comrat"]\n'
        '[entities.ABK]\naliases = ["Apsny Republic"]\n', encoding="utf-8")
    nlp = blank_pipeline(("chancery_actors",), lexicon_dir=str(tmp_path))
    doc = nlp("Comrat and the Apsny Republic met Gagauz Yeri officials.")
    assert [(s.text, s._.actor.code) for s in doc.spans["actors"]] == [
        ("Comrat", "GAG"), ("Apsny Republic", "ABK"), ("Gagauz Yeri officials", "GAG")]
    assert Gazetteer(str(tmp_path)).resolve("Gagauzia").code == "GAG"
    assert Gazetteer().resolve("Gagauzia") is None


def test_outlets_resolve_as_media(gazetteer):
    if not gazetteer.lookup("TASS"):
        pytest.skip("outlets.toml not present")
    found = gazetteer.resolve("TASS")
    assert found is not None and found.kind == "media" and found.country == "RUS"


def test_one_and_two_letter_outlet_aliases_are_not_actor_mentions():
    from chancery.nlp.gazetteer import Gazetteer

    gazetteer = Gazetteer()
    assert gazetteer.resolve("X") is None
    assert gazetteer.resolve("TASS") is not None
