"""`chancery serve`: the REST API and the web UI in one process (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from chancery.cli.options import ConfigOpt, DbOpt, ModelOpt, settings_from


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: DbOpt = None,
        host: Annotated[str | None, typer.Option("--host", help="Address to bind (default 127.0.0.1).")] = None,
        port: Annotated[int | None, typer.Option("--port", help="Port to listen on (default 8000).")] = None,
        model: ModelOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Serve the REST API (/v1/…, OpenAPI at /docs) and the web UI (/) over HTTP."""
        import uvicorn

        from chancery.api import create_app

        settings = settings_from(config, db=db, host=host, port=port, model=model)
        app = create_app(settings)
        ledger = app.state.chancery.ledger  # open (and migrate) now: a bad --db fails here, not on a request
        writes = "writes need the bearer token" if settings.token else "read-only: set CHANCERY_TOKEN to allow writes"
        typer.echo(f"ledger {ledger.engine.url.render_as_string(hide_password=True)}", err=True)
        typer.echo(f"chancery serving on http://{settings.host}:{settings.port}/ ({writes})", err=True)
        try:
            uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning",
                        limit_concurrency=64, timeout_keep_alive=5)
        finally:
            app.state.chancery.close()
