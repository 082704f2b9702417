"""The application factory: ``create_app(settings)`` builds the REST API and the web UI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI

from chancery import __version__
from chancery.api.context import ApiContext
from chancery.api.errors import install_error_handlers
from chancery.api.limits import BodySizeLimit
from chancery.api.ratelimit import RateLimit
from chancery.records import SCHEMA
from chancery.settings import Settings

if TYPE_CHECKING:
    from chancery.extract import Extractor
    from chancery.ledger import Ledger

DESCRIPTION = """Chancery reads diplomatic news as data and keeps a dated, cited ledger of
recognitions of contested entities.

* `POST /v1/extract` returns the `chancery.extract/1` record of an article (nothing stored).
* `POST /v1/articles` ingests articles into the ledger: it needs `Authorization: Bearer <token>`;
  a server started without `CHANCERY_TOKEN` refuses every write.
* The `GET` routes read the ledger: status as of a date, timelines, positions, facts with their
  evidence, events and articles.

Every error is `{"error": {"code", "message", "hint", "status"}}` with the CLI's codes
(`docs/errors.md`)."""


def create_app(settings: Settings | None = None, *, extractor: Extractor | None = None,
               ledger: Ledger | None = None) -> FastAPI:
    """A new app with its own state. ``extractor``/``ledger`` let tests share a loaded pipeline or
    database; by default both open lazily on first use (the ledger at ``settings.db``)."""
    from chancery.api.routers import articles, extract, ui
    from chancery.api.routers import ledger as ledger_routes

    settings = settings or Settings()
    app = FastAPI(title="Chancery", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_tags=[{"name": "extract", "description": f"Text in, `{SCHEMA}` out."},
                                {"name": "articles", "description": "Ingest and read articles."},
                                {"name": "ledger", "description": "Recognition facts and their evidence."},
                                {"name": "events", "description": "Events extracted from ingested articles."}])
    app.state.chancery = ApiContext(settings, extractor=extractor, ledger=ledger)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)
    app.add_middleware(RateLimit, per_minute=settings.rate_limit)  # outermost: refuse before reading a body
    for module in (extract, articles, ledger_routes):
        app.include_router(module.router)
    ui.install(app)
    return app
