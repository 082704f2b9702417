"""`chancery info`: versions, contract and the settings in force."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from chancery import __version__
from chancery.cli.options import ConfigOpt, OutputFormat, settings_from
from chancery.records import SCHEMA


def register(app: typer.Typer) -> None:
    @app.command("info")
    def info(
        config: ConfigOpt = None,
        format: Annotated[OutputFormat, typer.Option("--format", help="json or text.")] = OutputFormat.text,
    ) -> None:
        """Show the version, the JSON contract, the spaCy model and the settings in force."""
        import spacy

        settings = settings_from(config)
        data = {"version": __version__, "schema": SCHEMA, "spacy_model": settings.model,
                "spacy_version": spacy.__version__,
                "settings": {k: ("***" if k == "token" and v else v) for k, v in vars(settings).items()}}
        if format == OutputFormat.text:
            for key, value in data.items():
                typer.echo(f"{key}: {value}")
        else:
            typer.echo(json.dumps(data, ensure_ascii=False))
