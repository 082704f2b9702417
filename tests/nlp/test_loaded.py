"""Loaded language: terms from the lexicon, in the author's or a quoted speaker's voice."""

from __future__ import annotations

import pytest

from chancery.nlp.pipeline import blank_pipeline


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline(("chancery_quotes", "chancery_loaded"))


def test_author_voice(nlp):
    doc = nlp("The puppet regime in the east held a sham referendum on Sunday.")
    found = {(t["term"], t["category"], t["voice"]) for t in doc._.loaded}
    assert ("puppet regime", "delegitimizing", "author") in found
    assert ("sham referendum", "delegitimizing", "author") in found
    assert all(t["speaker"] is None for t in doc._.loaded)
    assert not any(t["term"] == "regime" for t in doc._.loaded)  # the longer phrase wins


def test_quoted_voice_names_the_speaker(nlp):
    text = "“These thugs will answer for it,” Minister Ana Silva said."
    (term,) = nlp(text)._.loaded
    assert term == {"text": "thugs", "start": 7, "end": 12, "term": "thugs", "category": "derogatory",
                    "voice": "quoted", "speaker": "Ana Silva"}
    assert text[term["start"]:term["end"]] == "thugs"


def test_same_term_in_both_voices(nlp):
    text = "Officials said that the invaders had left. The invaders were gone by noon."
    voices = [t["voice"] for t in nlp(text)._.loaded if t["term"] == "invaders"]
    assert voices == ["quoted", "author"]


def test_neutral_phrases_are_not_flagged(nlp):
    assert nlp("The sanctions regime was extended for six months.")._.loaded == []


def test_user_lexicon_adds_terms(tmp_path):
    text = "The delegation called them scoundrels."
    assert blank_pipeline(("chancery_loaded",))(text)._.loaded == []
    (tmp_path / "loaded.toml").write_text('[terms]\ninsult = ["scoundrels"]\n', encoding="utf-8")
    (term,) = blank_pipeline(("chancery_loaded",), lexicon_dir=str(tmp_path))(text)._.loaded
    assert (term["term"], term["category"], term["voice"]) == ("scoundrels", "insult", "author")
