"""`chancery ingest`, `chancery ledger status|timeline|positions|evidence` and `chancery check`."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from chancery.cli.options import ConfigOpt, DbOpt, ModelOpt, TableFormat, settings_from
from chancery.errors import ChanceryError, ErrorCode, ExitCode, InputError

FormatOpt = Annotated[TableFormat, typer.Option("--format", help="table, json or csv.")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="Date (YYYY, YYYY-MM or YYYY-MM-DD); default: all.")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Reference date (ISO) for inputs that carry none.")]


def _iso(value: str | None, flag: str) -> str | None:
    from chancery.ingest.readers import normalise_published
    from chancery.ledger.dates import interval

    try:
        iso = normalise_published(value)
        if iso:
            interval(iso)
        return iso
    except ValueError:
        raise ChanceryError(ErrorCode.BAD_DATE, f"{flag} {value!r} is not an ISO date", ExitCode.USAGE) from None


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v.get("actor", v)) if isinstance(v, dict) else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit(rows: list[dict[str, Any]], fmt: TableFormat, columns: list[str], title: str | None = None) -> None:
    """Print rows as a Rich table, a JSON array or CSV (every column, lists joined with ';')."""
    if fmt == TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == TableFormat.csv:
        buffer = io.StringIO()
        fields = list(rows[0].keys()) if rows else columns
        writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})
        sys.stdout.write(buffer.getvalue())
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(_flat(row.get(c))) for c in columns))
    Console(width=None if sys.stdout.isatty() else 220).print(table)  # pipes get whole rows, not 80 cols


def _open(config: Any, db: str | None) -> Any:
    from chancery.ledger.api import Ledger

    settings = settings_from(config, db=db)
    return Ledger.open(settings.db)


def register(app: typer.Typer) -> None:
    ledger_app = typer.Typer(help="Query the recognition ledger.", no_args_is_help=True)
    app.add_typer(ledger_app, name="ledger")

    @app.command("ingest")
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl) or '-' for stdin.")],
        db: DbOpt = None,
        published: PublishedOpt = None,
        workers: Annotated[int | None, typer.Option("--workers", help="Processes; 0 = one per core.")] = None,
        dask: Annotated[str | None, typer.Option(
            "--dask", metavar="SCHEDULER_ADDRESS",
            help="Extract on this Dask scheduler (tcp://host:8786); .jsonl/.parquet inputs.")] = None,
        shards: Annotated[Path | None, typer.Option(
            "--shards", help="Folder for Parquet result shards, seen by every worker; default a temp dir.")] = None,
        model: ModelOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Extract articles and store them, their events and evidence in the ledger (re-ingest is a no-op)."""
        from rich.console import Console

        from chancery.ledger.api import Ledger
        from chancery.ledger.pipeline import iter_paired
        from chancery.ledger.store import WriteReport

        settings = settings_from(config, db=db, published=_iso(published, "--published"), model=model,
                                 workers=workers)
        err = Console(stderr=True)
        stored = present = failed = events = 0
        writes = WriteReport()
        with Ledger.open(settings.db) as ledger:
            if dask:
                from chancery.distributed import ingest_with_dask

                run = ingest_with_dask(paths, dask, settings, shards_dir=str(shards) if shards else None,
                                       ledger=ledger)
                for error in run.errors:
                    err.print(f"skipped {error}", markup=False, highlight=False, soft_wrap=True)
                failed, stored, present, events = len(run.errors), run.stored, run.already, run.events
                writes = run.writes or writes
            items = iter_paired(paths, settings, description="ingesting") if not dask else iter(())
            for item in items:
                if isinstance(item, InputError):
                    failed += 1
                    err.print(f"skipped {item}", markup=False, highlight=False, soft_wrap=True)
                    continue
                article, extraction = item
                result = ledger.ingest(article.text, extraction)
                if not result.stored:
                    present += 1
                    continue
                stored += 1
                events += result.events
                if result.writes:
                    writes.add(result.writes)
            url = ledger.engine.url.render_as_string(hide_password=True)
        err.print(f"ingested {stored} article(s) ({present} already in the ledger, {failed} skipped): "
                  f"{events} event(s), {writes.facts_created} new fact(s), {writes.facts_merged} corroboration(s), "
                  f"{writes.disputes} dispute(s) → {url}", markup=False, highlight=False, soft_wrap=True)
        if failed:
            raise typer.Exit(int(ExitCode.ALL_INPUTS_FAILED if stored + present == 0 else ExitCode.SOME_INPUTS_FAILED))

    @ledger_app.command("status")
    def status(
        entity: Annotated[str, typer.Argument(help="Entity name or code: DPR, Abkhazia, Kosovo, XKX …")],
        as_of: AsOfOpt = None,
        format: FormatOpt = TableFormat.table,
        db: DbOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Who recognises ENTITY on a date, in order, with first date, state and evidence count."""
        with _open(config, db) as ledger:
            code = ledger.resolve(entity)
            rows = [r.to_dict() for r in ledger.status(code, _iso(as_of, "--as-of"))]
        emit(rows, format, ["order", "actor", "name", "first_date", "state", "since", "evidence", "disputed", "facts"],
             title=f"{code} as of {as_of or 'today'}")

    @ledger_app.command("timeline")
    def timeline(
        entity: Annotated[str, typer.Argument(help="Entity name or code.")],
        format: FormatOpt = TableFormat.table,
        db: DbOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Every recognition-family act about ENTITY, in date order."""
        with _open(config, db) as ledger:
            code = ledger.resolve(entity)
            rows = [r.to_dict() for r in ledger.timeline(code)]
        emit(rows, format, ["date", "actor", "actor_name", "type", "target", "from_code", "origin", "evidence",
                            "disputed", "id"], title=f"timeline of {code}")

    @ledger_app.command("positions")
    def positions(
        state: Annotated[str, typer.Argument(help="State name or code: Russia, RUS, North Korea …")],
        as_of: AsOfOpt = None,
        format: FormatOpt = TableFormat.table,
        db: DbOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Which contested entities STATE recognises (and where it withdrew, suspended or switched)."""
        with _open(config, db) as ledger:
            code = ledger.resolve(state)
            rows = [r.to_dict() for r in ledger.positions(code, _iso(as_of, "--as-of"))]
        for row in rows:
            row["entity"] = row.pop("actor")
        emit(rows, format, ["entity", "name", "first_date", "state", "since", "evidence", "disputed", "facts"],
             title=f"positions of {code}")

    @ledger_app.command("evidence")
    def evidence(
        fact_id: Annotated[str, typer.Argument(help="A fact id as shown by status or timeline (f-…).")],
        format: FormatOpt = TableFormat.table,
        db: DbOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Every piece of evidence behind a fact, with its text span, speaker, channel and outlet."""
        with _open(config, db) as ledger:
            found = ledger.evidence(fact_id)
        if found is None:
            raise ChanceryError(ErrorCode.USAGE, f"no fact {fact_id!r} in the ledger", ExitCode.USAGE)
        disputed = {d["evidence_id"]: d["kind"] for d in found.disputes}
        rows = [{**e.to_dict(), "dispute": disputed.get(e.id)} for e in found.evidence]
        if format == TableFormat.json:
            sys.stdout.write(json.dumps({**found.to_dict(), "evidence": rows}, ensure_ascii=False, indent=2) + "\n")
            return
        f = found.fact
        emit(rows, format, ["kind", "stance", "date", "sentence", "speaker", "channel", "outlet", "url", "note",
                            "dispute"],
             title=f"{f.id}: {f.actor} {f.type} {f.target} {f.date}")

    @app.command("check")
    def check(
        paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl) or '-' for stdin.")],
        db: DbOpt = None,
        published: PublishedOpt = None,
        format: FormatOpt = TableFormat.table,
        model: ModelOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Check the ordinal and count claims in articles against the ledger as of each article's date."""
        from chancery.ledger.pipeline import iter_with_claims

        settings = settings_from(config, db=db, published=_iso(published, "--published"), model=model)
        rows: list[dict[str, Any]] = []
        ok = failed = 0
        for item in iter_with_claims(paths, settings):
            if isinstance(item, InputError):
                failed += 1
                sys.stderr.write(f"skipped {item}\n")
                continue
            ok += 1
            rows.extend({"article": item.id, **claim} for claim in item.claims)
        if format == TableFormat.table:
            for row in rows:
                row["compared"] = ", ".join(f"{e['actor']} {e['date']}" + ("" if e.get("counted", True) else " (not counted)")
                                            for e in row["evidence"])
        emit(rows, format, ["article", "text", "entity", "verdict", "reason", "compared"], title="claims")
        if failed:
            raise typer.Exit(int(ExitCode.ALL_INPUTS_FAILED if ok == 0 else ExitCode.SOME_INPUTS_FAILED))
