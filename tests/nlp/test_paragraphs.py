import pytest
import spacy

from chancery.nlp.pipeline import register_components


def test_blank_line_starts_a_sentence_on_a_blank_pipeline():
    register_components()
    nlp = spacy.blank("en")
    nlp.add_pipe("chancery_paragraphs")
    doc = nlp("Ruritania opens embassy\n\nRuritania opened an embassy in Marsovia on Monday.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Ruritania" in starts and doc[[t.text for t in doc].index("\n\n") + 1].is_sent_start


@pytest.mark.model
def test_headline_is_not_run_into_the_first_sentence(nlp):
    doc = nlp("Ruritania cuts ties with Freedonia\n\nThe government of Ruritania said on Monday it had cut ties.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Ruritania cuts ties with Freedonia"
    assert nlp.pipe_names.index("chancery_paragraphs") < nlp.pipe_names.index("parser")
