"""API test fixtures: a real SQLite ledger in a temp folder and TestClients over create_app."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from samples import recognition_article, talks_article

from chancery.api import create_app
from chancery.ledger import Ledger
from chancery.settings import Settings

TOKEN = "test-token-1234"


@pytest.fixture
def ledger(tmp_path) -> Iterator[Ledger]:
    with Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}") as opened:
        yield opened


@pytest.fixture(scope="session")
def filled_ledger(tmp_path_factory) -> Iterator[Ledger]:
    """The reference facts plus two hand-built articles (no model needed); tests only read it."""
    path = tmp_path_factory.mktemp("filled") / "ledger.db"
    with Ledger.open(f"sqlite:///{path}") as opened:
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
