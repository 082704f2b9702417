"""``POST /v1/extract`` and ``POST /v1/articles`` with the real pipeline (marked ``model``)."""

from __future__ import annotations

import json

import pytest
from samples import TOKEN

from chancery.contract import validate
from chancery.ledger.pipeline import iter_paired
from chancery.settings import Settings

pytestmark = pytest.mark.model

TEXT = ("Tuvalu recognised the independence of Transnistria on 3 May 2024, the foreign ministry in Funafuti "
        "said. Moldova protested against the decision.")
CLAIM = " Tuvalu became the first country to recognise Transnistria."
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_extract_returns_the_same_record_as_the_cli(make_client, extractor, ledger, tmp_path):
    client = make_client(ledger, extractor=extractor)
    response = client.post("/v1/extract", json={"text": TEXT + CLAIM, "published": "2024-05-04"})
    assert response.status_code == 200, response.text
    record = response.json()
    validate(record)
    path = tmp_path / "article.txt"
    path.write_text(TEXT + CLAIM, encoding="utf-8")
    # what `chancery extract` does: read, extract, check claims against the ledger
    ((article, from_cli),) = list(iter_paired([str(path)], Settings(published="2024-05-04"), extractor))
    from_cli.claims = ledger.check_claims(article.text, from_cli)
    assert record == json.loads(json.dumps(from_cli.to_dict()))
    assert any(e["type"] == "recognize" and e["target"]["code"] == "TRN" for e in record["events"])
    assert record["claims"], "the ordinal claim was not checked"


def test_extract_takes_plain_text_and_html(make_client, extractor):
    client = make_client(extractor=extractor)
    plain = client.post("/v1/extract?published=2024-05-04", content=TEXT.encode(),
                        headers={"Content-Type": "text/plain; charset=utf-8"}).json()
    assert plain["published"] == "2024-05-04" and plain["events"]
    html = (f"<html><head><title>Tuvalu and Transnistria</title></head><body><nav>Home | World</nav>"
            f"<article><p>{TEXT}</p><p>The decision was welcomed in Tiraspol by the local leadership.</p>"
            "</article></body></html>")
    record = client.post("/v1/extract", content=html.encode(), headers={"Content-Type": "text/html"}).json()
    validate(record)
    assert record["title"] == "Tuvalu and Transnistria"
    assert any(e["target"] and e["target"]["code"] == "TRN" for e in record["events"])


def test_ingest_stores_once_and_the_ledger_answers(make_client, extractor, ledger):
    client = make_client(ledger, extractor=extractor, token=TOKEN)
    before = client.get("/v1/entities/TRN/status", params={"as_of": "2024-06-01"}).json()
    assert "TUV" not in {r["actor"] for r in before["rows"]}
    first = client.post("/v1/articles", json={"text": TEXT, "published": "2024-05-04", "outlet": "Test Wire"},
                        headers=AUTH)
    assert first.status_code == 201, first.text
    (result,) = first.json()["results"]
    assert result["stored"] is True and result["events"] >= 1
    again = client.post("/v1/articles", json={"text": TEXT, "published": "2024-05-04"}, headers=AUTH)
    assert again.status_code == 200 and again.json()["results"][0]["stored"] is False
    article = client.get(result["url"]).json()
    assert article["text"] == TEXT and article["outlet"] == "Test Wire"
    after = client.get("/v1/entities/TRN/status", params={"as_of": "2024-06-01"}).json()
    tuvalu = next(r for r in after["rows"] if r["actor"] == "TUV")
    assert tuvalu["state"] == "recognises" and tuvalu["first_date"] == "2024-05-03"
    assert client.get("/v1/events", params={"actor": "TUV", "target": "TRN"}).json()["total"] == 1


def test_ingest_ndjson_lands_the_good_lines_and_reports_the_bad(make_client, extractor, ledger):
    client = make_client(ledger, extractor=extractor, token=TOKEN)
    lines = [json.dumps({"text": TEXT, "published": "2024-05-04"}), "{broken", json.dumps({"title": "no text"})]
    response = client.post("/v1/articles", content="\n".join(lines).encode(),
                           headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["stored"], body["failed"]) == (1, 2)
    assert [r.get("error", {}).get("code") for r in body["results"]] == [None, "E_BAD_JSON", "E_BAD_FIELD"]
    assert [r.get("line") for r in body["results"][1:]] == [2, 3]
