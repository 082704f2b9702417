"""The article's outlet profile comes from its outlet name, else from its URL's domain."""

from chancery.nlp.pipeline import blank_pipeline


def _run(outlet=None, url=None):
    nlp = blank_pipeline(("chancery_quotes", "chancery_attribution"))
    doc = nlp.make_doc("The minister said the talks would resume next week.")
    doc._.outlet, doc._.url = outlet, url
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.source_profile


def test_profile_from_url_domain_when_no_outlet_name():
    profile = _run(url="https://tass.com/politics/1234567")
    assert profile is not None and profile["name"] == "TASS" and profile["control"] == "state-controlled"


def test_outlet_name_wins_and_unknown_everything_gives_none():
    assert _run(outlet="TASS", url="https://example.org/a")["name"] == "TASS"
    assert _run() is None
