"""Quote finding without the model: quotation styles, splits, indirect speech, speakers, coreference."""

from __future__ import annotations

import pytest

from chancery.nlp.pipeline import blank_pipeline
from chancery.nlp.quotes.marks import find_quoted


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline(("chancery_actors", "chancery_quotes"))


def quotes(nlp, text):
    return nlp(text)._.quotes


@pytest.mark.parametrize("text, content", [
    ('The envoy said "we are ready to talk" on Friday.', "we are ready to talk"),
    ("The envoy said “we are ready to talk” on Friday.", "we are ready to talk"),
    ("The envoy said «we are ready to talk» on Friday.", "we are ready to talk"),
    ("The envoy said ‘we are ready to talk’ on Friday.", "we are ready to talk"),
    ("The envoy said 'we are ready to talk' on Friday.", "we are ready to talk"),
    ("The envoy said „we are ready to talk“ on Friday.", "we are ready to talk"),
    ("The envoy said »we are ready to talk« on Friday.", "we are ready to talk"),
])
def test_every_quotation_style(text, content):
    found = find_quoted(text)
    assert [text[m.start:m.end] for m in found] == [content]


def test_apostrophes_are_not_quotes():
    text = "Russia’s envoy didn't say much about the ’90s, and the ministers' talks went on."
    assert find_quoted(text) == []


@pytest.mark.parametrize("text", [
    'He said "this never ends', "“Open and “open again", "”closing first“", "'", "\"", "«", "a ’ b ‘ c",
    "“\n\n“\n\n", "“Paragraph one.\n\n“Paragraph two without an end",
])
def test_unbalanced_marks_never_raise(nlp, text):
    for m in find_quoted(text):
        assert 0 <= m.start <= m.end <= len(text)
    doc = nlp(text)
    assert isinstance(doc._.quotes, list)


def test_quote_spanning_paragraphs():
    text = ("“We will not accept the vote,” the minister said. “It has no legal force.\n\n"
            "“Nobody in Europe will recognise it,” he added.")
    found = find_quoted(text)
    spanning = [m for m in found if len(m.pieces) == 2]
    assert len(spanning) == 1
    first, second = spanning[0].pieces
    assert text[first[0]:first[1]] == "It has no legal force."
    assert text[second[0]:second[1]].startswith("Nobody in Europe")


def test_quote_split_around_its_cue(nlp):
    text = "“The border stays closed,” the envoy said, “until the shelling stops.”"
    (q,) = quotes(nlp, text)
    assert q["kind"] == "direct"
    assert q["text"] == "The border stays closed until the shelling stops."
    assert q["cue"]["text"] == "said"
    assert q["speaker"]["text"] == "the envoy"
    assert [text[a:b] for a, b in q["segments"]] == ["The border stays closed", "until the shelling stops."]


def test_cue_before_a_quote(nlp):
    text = "Ambassador Lena Korhonen told the assembly: “Our position has not changed.”"
    (q,) = quotes(nlp, text)
    assert q["text"] == "Our position has not changed."
    assert q["cue"]["text"] == "told"
    assert q["speaker"]["name"] == "Lena Korhonen"


def test_inverted_cue_after_quote(nlp):
    text = "“There will be no second round,” said Foreign Minister Pavel Dvorak."
    (q,) = quotes(nlp, text)
    assert q["speaker"]["name"] == "Pavel Dvorak"
    assert q["speaker"]["role"] == "Foreign Minister"


@pytest.mark.parametrize("text, content, speaker", [
    ("Minister Ana Silva said that the talks would resume in May.", "the talks would resume in May",
     "Ana Silva"),
    ("The talks will resume in May, officials said.", "The talks will resume in May", "officials"),
    ("According to the ministry, the talks will resume in May.", "the talks will resume in May", "the ministry"),
    ("The talks will resume in May, said the spokesman.", "The talks will resume in May", "the spokesman"),
])
def test_indirect_speech(nlp, text, content, speaker):
    (q,) = quotes(nlp, text)
    assert q["kind"] == "indirect"
    assert q["text"] == content
    assert q["speaker"]["text"].endswith(speaker)
    assert text[q["start"]:q["end"]] == content


def test_mixed_quote(nlp):
    text = "Minister Ana Silva said that the referendum was “a farce staged at gunpoint” and would be ignored."
    (q,) = quotes(nlp, text)
    assert q["kind"] == "mixed"
    assert "a farce staged at gunpoint" in q["text"]
    assert q["text"].endswith("would be ignored")


def test_quote_split_by_a_sentence_cue_is_one_quote(nlp):
    text = "“We are ready,” Minister Ana Silva said. “The next step is theirs.”"
    (q,) = quotes(nlp, text)
    assert q["text"] == "We are ready The next step is theirs."
    assert q["speaker"]["name"] == "Ana Silva"


def test_scare_quotes_are_not_quotes(nlp):
    assert quotes(nlp, "The so-called “referendum” was held on Sunday.") == []


def test_pronoun_two_sentences_from_its_antecedent(nlp):
    text = ("Deputy Foreign Minister Olga Brandt arrived in Vienna on Monday. The talks lasted four hours. "
            "She said that the sides had agreed on a timetable.")
    doc = nlp(text)
    (q,) = doc._.quotes
    assert q["speaker"]["text"] == "She"
    assert q["speaker"]["name"] == "Olga Brandt"
    assert q["speaker"]["role"] == "Deputy Foreign Minister"
    (person,) = doc._.people
    assert person["name"] == "Olga Brandt"
    assert {m["text"] for m in person["mentions"]} == {"Olga Brandt", "She"}


@pytest.mark.parametrize("mention", ["the envoy", "the ambassador", "the diplomat"])
def test_nominal_mention_resolves_to_the_envoy(nlp, mention):
    text = (f"Ambassador Karl Brenner met the delegation on Tuesday. Officials of both sides joined later. "
            f"{mention.capitalize()} said that the meeting had been useful.")
    q = quotes(nlp, text)[-1]
    assert q["speaker"]["text"].lower() == mention
    assert q["speaker"]["name"] == "Karl Brenner"


def test_nominal_mention_prefers_the_matching_role(nlp):
    text = ("Ambassador Karl Brenner and Foreign Minister Ida Holm met in Oslo. "
            "The minister said that a deal was close.")
    q = quotes(nlp, text)[-1]
    assert q["speaker"]["name"] == "Ida Holm"


def test_surname_joins_the_full_name(nlp):
    text = ("Foreign Minister Ida Holm flew to Riga. Holm said that the embassy would reopen.")
    doc = nlp(text)
    assert [p["name"] for p in doc._.people] == ["Ida Holm"]
    assert doc._.quotes[-1]["speaker"]["name"] == "Ida Holm"


def test_quote_without_cue_continues_the_previous_speaker(nlp):
    text = "“We are ready,” Minister Ana Silva said on Monday. Reporters waited.\n\n“The next step is theirs.”"
    first, second = quotes(nlp, text)
    assert second["cue"] is None
    assert second["speaker"]["name"] == first["speaker"]["name"] == "Ana Silva"


def test_offsets_point_into_the_text(nlp):
    text = "“Peace is possible,” the envoy said. Officials said that the next round was set for June."
    for q in quotes(nlp, text):
        assert q["start"] < q["end"] <= len(text)
        if q["cue"]:
            assert text[q["cue"]["start"]:q["cue"]["end"]] == q["cue"]["text"]
        if q["speaker"]:
            assert text[q["speaker"]["start"]:q["speaker"]["end"]] == q["speaker"]["text"]


def test_user_lexicon_adds_a_reporting_verb(tmp_path):
    text = "The talks will resume in May, the envoy grumbled."
    assert blank_pipeline(("chancery_quotes",))(text)._.quotes == []
    (tmp_path / "reporting_verbs.toml").write_text('[verbs]\nlemmas = ["grumble"]\n', encoding="utf-8")
    nlp = blank_pipeline(("chancery_quotes",), lexicon_dir=str(tmp_path))
    (q,) = nlp(text)._.quotes
    assert q["cue"]["text"] == "grumbled"


def test_headline_and_transcript_colon_lines(nlp):
    text = "Lavrov: West will not succeed in isolating Moscow\n\nUpdate: the talks moved to Friday.\n\n" \
           "CHAIR: We now turn to the second item."
    found = [(q["speaker"]["text"], q["text"]) for q in quotes(nlp, text)]
    assert found == [("Lavrov", "West will not succeed in isolating Moscow"),
                     ("CHAIR", "We now turn to the second item.")]


def test_dateline_is_not_a_speaker(nlp):
    assert quotes(nlp, "KYIV: The parliament met on Monday to discuss the budget.") == []


def test_quoted_as_saying_names_the_speaker(nlp):
    text = "“We stand with our allies,” TASS quoted Foreign Minister Ali Omar as saying."
    (q,) = quotes(nlp, text)
    assert q["speaker"]["name"] == "Ali Omar"


def test_random_mark_soup_never_raises():
    import random

    nlp = blank_pipeline(("chancery_quotes", "chancery_attribution", "chancery_loaded"))
    pieces = list("\"“”„«»‘’'‚‹› \n,.:;ab") + ["said", "told", "He", "According to", "TASS", "the envoy"]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for q in nlp(text)._.quotes:
            assert 0 <= q["start"] <= q["end"] <= len(text)
