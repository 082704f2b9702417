"""Ledger reads over HTTP: status as of a date, timeline, positions, facts, events, articles."""

from __future__ import annotations

from samples import RECOGNITION_TEXT, recognition_article, talks_article


def _actors(body: dict) -> list[str]:
    return [row["actor"] for row in body["rows"] if row["recognises"]]


def test_status_as_of_a_date_lists_recognisers_in_order(client):
    before = client.get("/v1/entities/DPR/status", params={"as_of": "2022-02-20"}).json()
    assert "RUS" not in _actors(before) and "SOS" in _actors(before)
    after = client.get("/v1/entities/DPR/status", params={"as_of": "2022-07-20"}).json()
    assert after["entity"] == {"code": "DPR", "name": "Donetsk People's Republic", "kind": "contested_state",
                               "coverage": "complete"}
    assert after["as_of"] == "2022-07-20"
    order = _actors(after)
    assert order.index("RUS") < order.index("SYR") < order.index("PRK")
    assert after["recognised_by"] == len(order)
    assert [row["order"] for row in after["rows"] if row["recognises"]] == list(range(1, len(order) + 1))
    prk = next(row for row in after["rows"] if row["actor"] == "PRK")
    assert prk["first_date"] == "2022-07-13" and prk["evidence"] >= 2  # reference + the sample article


def test_status_takes_names_and_partial_dates(client):
    by_name = client.get("/v1/entities/Abkhazia/status").json()
    assert by_name["entity"]["code"] == "ABK"
    month = client.get("/v1/entities/DPR/status", params={"as_of": "2022-07"}).json()
    assert "PRK" in _actors(month)  # a month means through its last day


def test_timeline_is_in_date_order(client):
    body = client.get("/v1/entities/DPR/timeline").json()
    dates = [f["date"] for f in body["facts"]]
    assert dates == sorted(dates) and len(dates) >= 5
    assert {"id", "date", "actor", "actor_name", "type", "target", "evidence", "disputed"} <= set(body["facts"][0])


def test_positions_of_a_state(client):
    body = client.get("/v1/states/RUS/positions").json()
    assert body["state"]["code"] == "RUS"
    held = {row["actor"]: row["state"] for row in body["rows"]}
    assert held["ABK"] == "recognises" and held["DPR"] == "recognises"
    early = client.get("/v1/states/RUS/positions", params={"as_of": "2010-01-01"}).json()
    assert "DPR" not in {row["actor"] for row in early["rows"]}


def test_fact_with_reference_and_extracted_evidence(client):
    status = client.get("/v1/entities/DPR/status", params={"as_of": "2022-07-20"}).json()
    fact_id = next(row for row in status["rows"] if row["actor"] == "PRK")["facts"][0]
    body = client.get(f"/v1/facts/{fact_id}").json()
    assert body["fact"]["actor"] == "PRK" and body["fact"]["target"] == "DPR"
    kinds = {e["kind"] for e in body["evidence"]}
    assert kinds == {"reference", "extracted"}
    extracted = next(e for e in body["evidence"] if e["kind"] == "extracted")
    _, extraction = recognition_article()
    assert extracted["article_id"] == extraction.id
    assert extracted["article_url"] == f"/v1/articles/{extraction.id}"
    assert extracted["trigger"] == "recognises" and extracted["outlet"] == "Example Wire"
    assert RECOGNITION_TEXT[extracted["sentence_start"]:extracted["sentence_end"]] == extracted["sentence"]


def test_article_with_everything_extracted_from_it(client):
    text, extraction = recognition_article()
    body = client.get(f"/v1/articles/{extraction.id}").json()
    assert body["text"] == text and body["title"] == "Pyongyang recognises the DPR"
    assert [e["code"] for e in body["entities"]] == ["PRK", "DPR", "DPR", "UKR"]
    (event,) = body["events"]
    assert event["type"] == "recognize" and event["fact_id"]
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == "recognises"
    assert body["quotes"][0]["speaker"]["name"] == "Natalya Nikonorova"


def test_article_list_is_paged(client):
    first = client.get("/v1/articles", params={"limit": 1}).json()
    assert first["total"] == 2 and len(first["items"]) == 1 and first["next"]
    assert first["items"][0]["title"] == "Talks in Warsaw"  # newest first
    second = client.get(first["next"]).json()
    assert second["items"][0]["title"] == "Pyongyang recognises the DPR" and second["next"] is None
    assert client.get("/v1/articles", params={"outlet": "example wire"}).json()["total"] == 1


def test_events_filters(client):
    def ids(**params):
        return [e["type"] for e in client.get("/v1/events", params=params).json()["items"]]

    assert sorted(ids()) == ["accuse", "consult", "recognize"]
    assert ids(actor="PRK") == ["recognize"]
    assert ids(target="POL") == ["consult"]
    assert sorted(ids(party="UKR")) == ["accuse", "consult"]
    assert ids(type="accuse,consult") == ["accuse", "consult"]  # newest first: 2023-03-04, 2023-03-03
    assert ids(type=["recognize", "accuse"]) == ["accuse", "recognize"]
    assert ids(**{"from": "2023-01-01"}) == ["accuse", "consult"]
    assert ids(**{"to": "2022-12-31"}) == ["recognize"]
    assert ids(**{"from": "2022-07", "to": "2022-07"}) == ["recognize"]
    assert sorted(ids(outlet="Other Daily")) == ["accuse", "consult"]
    _, talks = talks_article()
    assert len(ids(article=talks.id)) == 2


def test_events_are_paged_with_a_next_link(client):
    page = client.get("/v1/events", params={"limit": 2}).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 0 and len(page["items"]) == 2
    rest = client.get(page["next"]).json()
    assert rest["offset"] == 2 and len(rest["items"]) == 1 and rest["next"] is None
    seen = [e["id"] for e in page["items"] + rest["items"]]
    assert len(set(seen)) == 3
    event = rest["items"][0] if rest["items"][0]["type"] == "recognize" else page["items"][0]
    assert {"id", "article_id", "type", "plover", "cameo", "actor", "target", "date", "modality", "trigger",
            "sentence", "fact_id", "outlet", "published"} <= set(event)


def test_entities_index(client):
    body = client.get("/v1/entities").json()
    codes = {e["code"]: e for e in body["entities"]}
    assert {"DPR", "LPR", "ABK", "SOS", "TRN", "ART", "XKX", "ESH", "NCY", "SML", "TWN", "PSE"} <= set(codes)
    assert "CHN" not in codes
    assert codes["DPR"]["recognised_by"] >= 5
    past = client.get("/v1/entities", params={"as_of": "2015-01-01"}).json()
    assert {e["code"]: e["recognised_by"] for e in past["entities"]}["DPR"] == 1
