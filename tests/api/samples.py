"""Hand-built articles and their extraction records (our own sentences), for API and browser tests
that need a ledger with articles in it but not the statistical model."""

from __future__ import annotations

from chancery.ingest.article import article_id
from chancery.records import Actor, DateValue, Event, Extraction, Offsets, Trigger

TOKEN = "test-token-1234"

RECOGNITION_TEXT = (
    "Pyongyang said on Wednesday that it recognises the independence of the Donetsk People's Republic. "
    "\"We welcome this brave decision,\" said Natalya Nikonorova, the republic's foreign minister, "
    "on her Telegram channel. Kyiv called the move the act of a puppet regime. "
    "<script>window.__pwned = true; document.title = 'pwned'</script>"
)
TALKS_TEXT = (
    "Ukraine's foreign minister met his Polish counterpart in Warsaw on 3 March 2023. "
    "Kyiv accused Moscow of blocking grain exports."
)


def _actor(text: str, code: str, name: str, kind: str, body: str, occurrence: int = 0) -> Actor:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    return Actor(code=code, name=name, kind=kind, text=text, start=start, end=start + len(text))  # type: ignore[arg-type]


def _event(body: str, kind: str, plover: str, cameo: str, actor: Actor, target: Actor, trigger: str,
           date: DateValue, modality: str = "asserted") -> Event:
    at = body.index(trigger)
    sentence_start = body.rfind(". ", 0, at) + 2 if body.rfind(". ", 0, at) >= 0 else 0
    sentence_end = body.index(".", at) + 1
    return Event(type=kind, plover=plover, cameo=cameo, actor=actor, target=target, date=date,
                 modality=modality, sentence=Offsets(sentence_start, sentence_end),  # type: ignore[arg-type]
                 trigger=Trigger(trigger, at, at + len(trigger)), confidence=0.9,
                 attribution={"speaker": {"name": "North Korea"}, "channel": {"name": "KCNA"}})


def recognition_article() -> tuple[str, Extraction]:
    body = RECOGNITION_TEXT
    prk = _actor("Pyongyang", "PRK", "North Korea", "state", body)
    dpr = _actor("Donetsk People's Republic", "DPR", "Donetsk People's Republic", "contested_state", body)
    person = _actor("Natalya Nikonorova", "DPR", "Natalya Nikonorova", "person", body)
    ukr = _actor("Kyiv", "UKR", "Ukraine", "state", body)
    wednesday = body.index("on Wednesday")
    date = DateValue("2022-07-13", "day", "on Wednesday", "text", wednesday, wednesday + len("on Wednesday"))
    recognise = _event(body, "recognize", "COOPERATE", "054", prk, dpr, "recognises", date)
    quote_text = "We welcome this brave decision,"
    q_at = body.index(quote_text)
    loaded_at = body.index("puppet regime")
    extraction = Extraction(
        id=article_id(body), published="2022-07-14", text_length=len(body), title="Pyongyang recognises the DPR",
        url="https://example.org/news/dpr", outlet="Example Wire",
        entities=[prk, dpr, person, ukr], events=[recognise],
        quotes=[{"text": quote_text, "start": q_at, "end": q_at + len(quote_text), "kind": "direct",
                 "speaker": {"name": "Natalya Nikonorova", "role": "foreign minister",
                             "affiliation": {"code": "DPR", "name": "Donetsk People's Republic"}},
                 "channel": {"name": "Telegram", "kind": "social"}, "chain": []}],
        loaded=[{"text": "puppet regime", "start": loaded_at, "end": loaded_at + len("puppet regime"),
                 "category": "delegitimizing"}],
    )
    return body, extraction


def talks_article() -> tuple[str, Extraction]:
    body = TALKS_TEXT
    ukr = _actor("Ukraine", "UKR", "Ukraine", "state", body)
    pol = _actor("Polish", "POL", "Poland", "state", body)
    kyiv = _actor("Kyiv", "UKR", "Ukraine", "state", body)
    rus = _actor("Moscow", "RUS", "Russia", "state", body)
    at = body.index("on 3 March 2023")
    march = DateValue("2023-03-03", "day", "on 3 March 2023", "text", at, at + len("on 3 March 2023"))
    published = DateValue("2023-03-04", "day", None, "published")
    extraction = Extraction(
        id=article_id(body), published="2023-03-04", text_length=len(body), title="Talks in Warsaw",
        outlet="Other Daily", entities=[ukr, pol, kyiv, rus],
        events=[_event(body, "consult", "CONSULT", "040", ukr, pol, "met", march),
                _event(body, "accuse", "ACCUSE", "112", kyiv, rus, "accused", published)],
    )
    return body, extraction
