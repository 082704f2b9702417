"""The OpenAPI document, the web UI shell pages and the npm-installed assets."""

from __future__ import annotations

import pytest

from chancery.api.assets import Assets
from chancery.contract import EXTRACTION_SCHEMA

ROUTES = {
    "/v1/extract": {"post"},
    "/v1/articles": {"get", "post"},
    "/v1/articles/{article_id}": {"get"},
    "/v1/entities": {"get"},
    "/v1/entities/{code}/status": {"get"},
    "/v1/entities/{code}/timeline": {"get"},
    "/v1/states/{code}/positions": {"get"},
    "/v1/facts/{fact_id}": {"get"},
    "/v1/events": {"get"},
}


def test_openapi_document_describes_every_route(client):
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.") and doc["info"]["title"] == "Chancery"
    assert {path: set(ops) for path, ops in doc["paths"].items()} == ROUTES
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op.get("summary"), f"{method} {path} has no summary"
            error = op["responses"]["4XX"]["content"]["application/json"]["schema"]
            assert error["required"] == ["error"], f"{method} {path} does not document the error shape"


def test_openapi_marks_writes_and_documents_bodies(client):
    doc = client.get("/openapi.json").json()
    schemes = doc["components"]["securitySchemes"]
    (name,) = [k for k, v in schemes.items() if v == {**v, "type": "http", "scheme": "bearer"}]
    ingest = doc["paths"]["/v1/articles"]["post"]
    assert ingest["security"] == [{name: []}]
    assert {"401", "403", "413"} <= set(ingest["responses"])
    assert "application/x-ndjson" in ingest["requestBody"]["content"]
    extract = doc["paths"]["/v1/extract"]["post"]
    assert "security" not in extract  # extraction writes nothing
    assert set(extract["requestBody"]["content"]) == {"application/json", "text/plain", "text/html"}
    returned = extract["responses"]["200"]["content"]["application/json"]["schema"]
    assert returned["required"] == EXTRACTION_SCHEMA["required"]
    params = {p["name"] for p in doc["paths"]["/v1/events"]["get"]["parameters"]}
    assert {"actor", "target", "type", "from", "to", "outlet", "limit", "offset"} <= params


def test_api_explorer_is_served_from_installed_files(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/openapi.json" in page.text
    if Assets.from_setting(None).missing():
        pytest.skip("web packages not installed (npm ci)")
    assert "/assets/swagger/swagger-ui-bundle.js" in page.text
    assert client.get("/assets/swagger/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize("path", ["/", "/entities/DPR", "/entities/DPR/timeline", "/states/RUS", "/facts/f-x",
                                  "/articles/a-x", "/analyse"])
def test_pages_are_html_shells_with_a_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert '<main id="app"' in response.text and '/static/js/app.js' in response.text


def test_page_parameters_are_escaped(client):
    response = client.get('/entities/"><img src=x onerror=alert(1)>', params={"as_of": '"><script>alert(2)</script>'})
    assert response.status_code == 200
    assert "<img src=x" not in response.text.lower() and "<script>alert(2)" not in response.text
    assert "&lt;IMG SRC=X ONERROR=ALERT(1)&gt;" in response.text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in response.text


def test_header_form_redirects_to_the_positions_page(client):
    response = client.get("/states/?code=North Korea", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/states/North%20Korea"


def test_world_map_shapes_carry_ledger_codes(client):
    if Assets.from_setting(None).missing():
        pytest.skip("web packages not installed (npm ci)")
    world = client.get("/assets/map/world.json").json()
    codes = {g["properties"]["code"] for g in world["objects"]["countries"]["geometries"]}
    assert {"RUS", "SYR", "PRK", "UKR", "TWN", "PSE", "ESH", "XKX", "NCY", "SML"} <= codes
    assert {"DPR", "LPR", "ABK", "SOS", "TRN", "ART"} <= set(world["points"])
    for name in ("d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js"):
        assert client.get(f"/assets/vendor/{name}").status_code == 200


def test_missing_assets_degrade_with_a_clear_message(make_client, filled_ledger, tmp_path):
    client = make_client(filled_ledger, web_assets_dir=str(tmp_path / "nothing-here"))
    page = client.get("/entities/DPR")
    assert 'id="assets-missing"' in page.text and "npm ci" in page.text
    assert "/assets/vendor/d3-geo.min.js" not in page.text
    missing = client.get("/assets/map/world.json")
    assert missing.status_code == 404 and "npm ci" in missing.json()["error"]["message"]
    assert client.get("/assets/vendor/d3-geo.min.js").json()["error"]["code"] == "E_NOT_FOUND"
    assert client.get("/assets/vendor/../../etc/passwd").status_code == 404
    assert client.get("/v1/entities/DPR/status").status_code == 200  # the API does not care
