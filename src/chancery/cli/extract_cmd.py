"""`chancery extract`: articles in, one `chancery.extract/1` record per article out."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from chancery.cli.options import ConfigOpt, DbOpt, ModelOpt, OutputFormat, settings_from
from chancery.errors import ChanceryError, ErrorCode, ExitCode, InputError


def _check_date(value: str | None) -> str | None:
    from chancery.ingest.readers import normalise_published

    try:
        return normalise_published(value)
    except ValueError:
        raise ChanceryError(ErrorCode.BAD_DATE, f"--published {value!r} is not an ISO date",
                            ExitCode.USAGE) from None


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        paths: Annotated[list[str] | None, typer.Argument(
            help="Files (.txt, .html, .jsonl) or '-' for stdin; default stdin.")] = None,
        published: Annotated[str | None, typer.Option(
            "--published", help="Reference date (ISO) for inputs that carry none.")] = None,
        format: Annotated[OutputFormat, typer.Option("--format", help="jsonl, json or text.")] = OutputFormat.jsonl,
        workers: Annotated[int | None, typer.Option("--workers", help="Processes; 0 = one per core.")] = None,
        model: ModelOpt = None,
        db: DbOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Extract actors, events, dates, quotes and claims from news articles."""
        from chancery.cli.render import render_text
        from chancery.ledger.pipeline import iter_with_claims  # claims checked against the ledger

        settings = settings_from(config, published=_check_date(published), workers=workers, model=model, db=db)
        ok = failed = 0
        collected: list[dict[str, object]] = []
        for item in iter_with_claims(paths or ["-"], settings):
            if isinstance(item, InputError):
                failed += 1
                sys.stderr.write(f"skipped {item}\n")
                continue
            ok += 1
            record = item.to_dict()
            if format == OutputFormat.jsonl:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            elif format == OutputFormat.json:
                collected.append(record)
            else:
                sys.stdout.write(render_text(record) + "\n")
        if format == OutputFormat.json:
            sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
        if failed:
            sys.stderr.write(f"{ok} article(s) extracted, {failed} input(s) skipped\n")
            raise typer.Exit(int(ExitCode.ALL_INPUTS_FAILED if ok == 0 else ExitCode.SOME_INPUTS_FAILED))
