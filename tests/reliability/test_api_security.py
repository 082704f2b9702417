"""Hostile requests against the REST API: writes without (or with a wrong) token, oversized bodies,
floods from one client, cross-origin reads; and the source never builds SQL from strings nor
compares tokens with ``==``."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import Route

from chancery.api import create_app
from chancery.api.ratelimit import RateLimit
from chancery.settings import Settings

SRC = Path(__file__).resolve().parents[2] / "src" / "chancery"
TOKEN = "s3cret-reliability-token"
ARTICLE = {"text": "Tuvalu said on 3 May 2012 that it recognises Kosovo as an independent state.",
           "published": "2012-05-04"}
# POST routes that compute an answer and store nothing (checked in test_extract_route_stores_nothing).
READ_ONLY_POSTS = {("POST", "/v1/extract")}
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _app(tmp_path: Path, **settings):
    settings.setdefault("db", f"sqlite:///{tmp_path / 'ledger.db'}")
    return create_app(Settings(**settings))


@pytest.fixture
def make_client(tmp_path) -> Iterator:
    opened: list[TestClient] = []

    def build(**settings) -> TestClient:
        client = TestClient(_app(tmp_path, **settings), raise_server_exceptions=False)
        opened.append(client)
        return client

    yield build
    for client in opened:
        client.close()


def _routes(routes, prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route, including those of included routers (FastAPI keeps those
    behind a wrapper holding the original router)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _routes(inner.routes, prefix + getattr(route.include_context, "prefix", ""))
        elif isinstance(route, APIRoute | Route):
            yield prefix + route.path, set(route.methods or ())


def write_routes(app) -> list[tuple[str, str]]:
    """Every (method, path) of the app that may change state: its route table and its OpenAPI document."""
    found = {(m, path) for path, methods in _routes(app.routes) for m in methods & WRITE_METHODS}
    found |= {(m.upper(), path) for path, ops in app.openapi()["paths"].items() for m in ops
              if m.upper() in WRITE_METHODS}
    return sorted(found - READ_ONLY_POSTS)


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "XKX", path)


def _assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["code"] == code and body["status"] == status and body["message"] and "hint" in body


def test_the_app_has_write_routes_and_the_openapi_document_marks_them(tmp_path):
    app = _app(tmp_path, token=TOKEN)
    routes = write_routes(app)
    assert ("POST", "/v1/articles") in routes
    spec = app.openapi()
    for method, path in routes:
        assert spec["paths"][path][method.lower()].get("security"), f"{method} {path} declares no auth"


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Bearer wrong-token", f"Basic {TOKEN}",
                                    f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Token {TOKEN}",
                                    f"Bearer {TOKEN.upper()}"])
def test_every_write_route_refuses_a_missing_or_wrong_token(make_client, header):
    client = make_client(token=TOKEN)
    headers = {"Authorization": header} if header is not None else {}
    for method, path in write_routes(client.app):
        response = client.request(method, _concrete(path), json=ARTICLE, headers=headers)
        _assert_error(response, 401, "E_AUTH")
        assert response.headers.get("www-authenticate", "").startswith("Bearer")
    assert client.get("/v1/articles").json()["total"] == 0  # nothing was stored


def test_without_a_configured_token_every_write_route_is_refused_even_with_a_header(make_client):
    client = make_client()  # no CHANCERY_TOKEN: the server is read-only
    for header in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer anything"}):
        for method, path in write_routes(client.app):
            _assert_error(client.request(method, _concrete(path), json=ARTICLE, headers=header), 403, "E_AUTH")


def test_tokens_are_compared_in_constant_time_never_with_equals():
    auth = (SRC / "api" / "auth.py").read_text(encoding="utf-8")
    assert re.search(r"\b(hmac|secrets)\.compare_digest\(", auth)
    offenders = []
    for path in (SRC / "api").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops):
                names = [n.id if isinstance(n, ast.Name) else n.attr
                         for n in ast.walk(node) if isinstance(n, ast.Name | ast.Attribute)]
                if any("token" in name.lower() for name in names):
                    offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not offenders, f"token compared with == / != (timing leak): {offenders}"


def test_a_body_over_the_limit_gets_413_declared_or_chunked(make_client):
    client = make_client(token=TOKEN, max_body_bytes=2_000)
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    big = b'{"text": "' + b"Kosovo " * 1_000 + b'"}'
    for path in ("/v1/articles", "/v1/extract"):
        _assert_error(client.post(path, content=big, headers=auth), 413, "E_TOO_LARGE")

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must count received bytes
            for start in range(0, len(big), 500):
                yield big[start:start + 500]

        _assert_error(client.post(path, content=chunks(), headers=auth), 413, "E_TOO_LARGE")


def test_a_flood_from_one_client_gets_429_before_auth_or_body_reading(tmp_path):
    app = _app(tmp_path, rate_limit=5)
    with TestClient(app, raise_server_exceptions=False) as client:
        answers = [client.get("/v1/entities/XKX/timeline") for _ in range(5)]
        assert all(r.status_code == 200 for r in answers), [r.text for r in answers]
        limited = client.get("/v1/entities/XKX/timeline")
        _assert_error(limited, 429, "E_RATE_LIMIT")
        assert int(limited.headers["retry-after"]) >= 1
        _assert_error(client.post("/v1/articles", json=ARTICLE), 429, "E_RATE_LIMIT")  # before auth or body


def test_rate_limit_buckets_refill_and_stay_bounded():
    now = [0.0]
    limiter = RateLimit(app=None, per_minute=60, max_clients=3, clock=lambda: now[0])  # type: ignore[arg-type]
    assert all(limiter._take("a") is None for _ in range(60))
    wait = limiter._take("a")
    assert wait is not None and 0 < wait <= 1.0
    assert limiter._take("b") is None  # another address has its own bucket
    now[0] += 1.0  # one token per second comes back
    assert limiter._take("a") is None and limiter._take("a") is not None
    for n in range(50):
        limiter._take(f"client-{n}")
    assert len(limiter.buckets) <= 3  # many addresses cannot grow the table without bound
    assert Settings().rate_limit > 0  # on by default
    assert RateLimit(app=None, per_minute=0).capacity == 0  # type: ignore[arg-type]


def test_cors_is_off_by_default(make_client):
    client = make_client(token=TOKEN)
    origin = {"Origin": "https://attacker.example"}
    read = client.get("/v1/entities/XKX/timeline", headers=origin)
    assert read.status_code == 200
    assert not any(h.lower().startswith("access-control-") for h in read.headers)
    preflight = client.options("/v1/articles", headers={**origin, "Access-Control-Request-Method": "POST",
                                                        "Access-Control-Request-Headers": "authorization"})
    assert not any(h.lower().startswith("access-control-") for h in preflight.headers)
    assert preflight.status_code >= 400
    assert not any("CORS" in type(m.cls).__name__ or "CORS" in getattr(m.cls, "__name__", "")
                   for m in client.app.user_middleware)


def test_ui_pages_send_a_script_policy(make_client):
    page = make_client().get("/articles/some-id")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]


SQL_HEAD = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|DROP|ALTER|WITH)\b", re.I)
SQL_CALLS = {"execute", "exec_driver_sql", "executemany", "executescript", "text"}


def _constant_only(node: ast.JoinedStr) -> bool:
    """An f-string interpolating only module constants (UPPER_CASE names) carries no outside data."""
    return all(isinstance(v.value, ast.Name) and v.value.id.isupper()
               for v in node.values if isinstance(v, ast.FormattedValue))


def _formatted(node: ast.AST) -> str | None:
    """How ``node`` builds a string from values, if it does: f-string, % or .format()."""
    if isinstance(node, ast.JoinedStr):
        return None if _constant_only(node) else "f-string"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        return "% formatting"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and any(
            isinstance(side, ast.Constant) and isinstance(side.value, str) for side in (node.left, node.right)):
        return "string concatenation"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return ".format()"
    return None


def sql_built_from_strings(root: Path) -> list[str]:
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts and "versions" in path.parts:
            continue  # Alembic revisions: fixed DDL, no outside data
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(root.parent)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in SQL_CALLS and node.args and (how := _formatted(node.args[0])):
                    offenders.append(f"{where}: {name}() given SQL built by {how}")
            if isinstance(node, ast.JoinedStr) and not _constant_only(node):
                head = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if SQL_HEAD.match(head):
                    offenders.append(f"{where}: SQL text built by an f-string")
    return offenders


def test_no_sql_is_built_by_string_formatting():
    assert sql_built_from_strings(SRC) == []


def test_the_sql_check_catches_each_way_of_formatting(tmp_path):
    bad = tmp_path / "pkg" / "bad.py"
    bad.parent.mkdir()
    bad.write_text(
        "def f(conn, name, text):\n"
        "    conn.execute(f\"SELECT * FROM articles WHERE id = '{name}'\")\n"
        "    conn.execute(text(f'DELETE FROM facts WHERE id = {name}'))\n"
        "    conn.execute('SELECT * FROM t WHERE a = %s' % name)\n"
        "    conn.exec_driver_sql('SELECT * FROM t WHERE a = ' + name)\n"
        "    conn.execute('SELECT {}'.format(name))\n"
        "    query = f\"UPDATE t SET a = {name}\"\n"
        "    conn.execute('SELECT * FROM t WHERE a = ?', (name,))\n", encoding="utf-8")
    lines = {int(found.split(":")[1]) for found in sql_built_from_strings(bad.parent)}
    assert lines == {2, 3, 4, 5, 6, 7}  # the parameterised query on the last line is fine
