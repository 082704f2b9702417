"""API test fixtures: real ledgers (SQLite, and PostgreSQL from the ledger tests' throwaway server)
and TestClients over create_app."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from samples import recognition_article, talks_article

from chancery.api import create_app
from chancery.ledger import Ledger
from chancery.settings import Settings


def _ledger_test_fixtures():
    """The ledger tests' PostgreSQL fixtures, reused rather than written twice."""
    path = Path(__file__).resolve().parents[1] / "ledger" / "conftest.py"
    spec = importlib.util.spec_from_file_location("ledger_test_fixtures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_pg = _ledger_test_fixtures()
postgres_server = _pg.postgres_server


@pytest.fixture
def ledger(tmp_path) -> Iterator[Ledger]:
    with Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}") as opened:
        yield opened


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def filled_ledger(request, tmp_path_factory) -> Iterator[Ledger]:
    """The reference facts plus two hand-built articles (no model needed), on each backend; tests only
    read it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('filled') / 'ledger.db'}"
    else:
        url = _pg._create_database(request.getfixturevalue("postgres_server"))
    with Ledger.open(url) as opened:
        for text, extraction in (recognition_article(), talks_article()):
            opened.ingest(text, extraction)
        yield opened


@pytest.fixture
def make_client(tmp_path) -> Iterator[Callable[..., TestClient]]:
    clients: list[TestClient] = []

    def build(ledger: Ledger | None = None, extractor=None, **settings) -> TestClient:
        settings.setdefault("db", f"sqlite:///{tmp_path / 'lazy.db'}")
        app = create_app(Settings(**settings), ledger=ledger, extractor=extractor)
        client = TestClient(app, raise_server_exceptions=False)
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client, filled_ledger) -> TestClient:
    """Read routes over the filled ledger; no token (writes refused)."""
    return make_client(filled_ledger)
