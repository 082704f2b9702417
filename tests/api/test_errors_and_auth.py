"""The one error shape, the token rule for writes, and the body size limit."""

from __future__ import annotations

import jsonschema
import pytest
from samples import TOKEN

from chancery.api.auth import check_bearer
from chancery.api.errors import ERROR_RESPONSE_SCHEMA, ApiError
from chancery.errors import ErrorCode


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    jsonschema.validate(body, ERROR_RESPONSE_SCHEMA)
    assert body["error"]["code"] == code
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("get", "/v1/no-such-route", 404, "E_NOT_FOUND"),
    ("get", "/v1/facts/f-unknown", 404, "E_NOT_FOUND"),
    ("get", "/v1/articles/a-unknown", 404, "E_NOT_FOUND"),
    ("get", "/v1/entities/NOWHERELAND/status", 404, "E_NOT_FOUND"),
    ("get", "/v1/entities/DPR/status?as_of=13/07/2022", 422, "E_BAD_DATE"),
    ("get", "/v1/events?from=yesterday", 422, "E_BAD_DATE"),
    ("get", "/v1/states/RUS/positions?as_of=2022-13-40", 422, "E_BAD_DATE"),
    ("get", "/v1/events?from=2023-01-01&to=2022-01-01", 400, "E_USAGE"),
    ("get", "/v1/events?limit=0", 422, "E_USAGE"),
    ("get", "/v1/events?limit=100000", 422, "E_USAGE"),
    ("delete", "/v1/extract", 405, "E_USAGE"),
])
def test_every_error_uses_the_one_shape(client, method, path, status, code):
    assert_error(getattr(client, method)(path), status, code)


def test_validation_errors_say_which_parameter(client):
    error = assert_error(client.get("/v1/events?offset=-1"), 422, "E_USAGE")
    assert "offset" in error["message"]
    assert error["details"][0]["loc"][-1] == "offset"


def test_without_a_configured_token_writes_are_refused(make_client):
    client = make_client()  # token unset
    for headers in ({}, {"Authorization": "Bearer anything"}, {"Authorization": "Bearer "}):
        error = assert_error(client.post("/v1/articles", json={"text": "Kosovo was recognised."}, headers=headers),
                             403, "E_AUTH")
        assert "CHANCERY_TOKEN" in error["message"]
    assert client.app.state.chancery._extractor is None  # refused before any extraction


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer"])
def test_a_missing_or_wrong_token_gets_401(make_client, header):
    client = make_client(token=TOKEN)
    headers = {"Authorization": header} if header else {}
    response = client.post("/v1/articles", json={"text": "Kosovo was recognised."}, headers=headers)
    assert_error(response, 401, "E_AUTH")
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_check_bearer_accepts_only_the_exact_token():
    check_bearer("s3cret", "Bearer s3cret")
    check_bearer("s3cret", "bearer s3cret")
    for given in ("Bearer s3cre", "Bearer s3cret2", "Bearer S3CRET", "s3cret", None):
        with pytest.raises(ApiError) as caught:
            check_bearer("s3cret", given)
        assert caught.value.code == ErrorCode.AUTH and caught.value.status == 401
    with pytest.raises(ApiError) as refused:
        check_bearer(None, "Bearer s3cret")
    assert refused.value.status == 403


def test_reads_need_no_token(make_client, filled_ledger):
    client = make_client(filled_ledger, token=TOKEN)
    assert client.get("/v1/entities/DPR/status").status_code == 200


def test_a_body_over_the_limit_gets_413_before_the_model_loads(make_client):
    client = make_client(max_body_bytes=200, token=TOKEN)
    big = {"text": "Kosovo " * 100}
    assert_error(client.post("/v1/extract", json=big), 413, "E_TOO_LARGE")
    assert_error(client.post("/v1/articles", json=big, headers={"Authorization": f"Bearer {TOKEN}"}),
                 413, "E_TOO_LARGE")

    def chunks():  # no Content-Length: the limit counts the bytes received
        for _ in range(10):
            yield b"x" * 50

    response = client.post("/v1/extract", content=chunks(), headers={"Content-Type": "text/plain"})
    assert_error(response, 413, "E_TOO_LARGE")
    assert client.app.state.chancery._extractor is None


@pytest.mark.parametrize(("body", "content_type", "status", "code"), [
    (b"", "application/json", 422, "E_EMPTY"),
    (b"{not json", "application/json", 400, "E_BAD_JSON"),
    (b"[1, 2]", "application/json", 422, "E_BAD_FIELD"),
    (b'{"title": "no text"}', "application/json", 422, "E_BAD_FIELD"),
    (b'{"text": "   "}', "application/json", 422, "E_EMPTY"),
    (b'{"text": "Hello.", "published": "last week"}', "application/json", 422, "E_BAD_DATE"),
    (b"a\x00b", "text/plain", 422, "E_BINARY"),
    (b"<html><body><nav>menu</nav></body></html>", "text/html", 422, "E_NO_TEXT"),
    (b"Hello.", "application/pdf", 415, "E_UNSUPPORTED"),
])
def test_unreadable_bodies_get_the_cli_input_codes(make_client, body, content_type, status, code):
    client = make_client()
    assert_error(client.post("/v1/extract", content=body, headers={"Content-Type": content_type}), status, code)
    assert client.app.state.chancery._extractor is None  # rejected before the model loads


def test_a_bad_published_query_parameter_is_rejected(make_client):
    client = make_client()
    response = client.post("/v1/extract?published=soon", content=b"Hello.", headers={"Content-Type": "text/plain"})
    assert_error(response, 422, "E_BAD_DATE")


def test_a_storage_failure_is_reported_as_e_storage(make_client, tmp_path):
    (tmp_path / "dir.db").mkdir()  # a directory where the database file should be
    client = make_client(db=f"sqlite:///{tmp_path / 'dir.db'}")
    assert_error(client.get("/v1/entities/DPR/status"), 503, "E_STORAGE")
