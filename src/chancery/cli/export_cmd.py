"""`chancery export`: ledger tables as CSV, JSON Lines or Parquet, including GDELT-like and
PLOVER-like event tables. Every column is documented in docs/export.md (a test checks it)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from chancery.cli.options import ConfigOpt, DbOpt, settings_from
from chancery.errors import ChanceryError, ErrorCode, ExitCode


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportTable(StrEnum):
    events = "events"
    facts = "facts"
    quotes = "quotes"
    gdelt = "gdelt"
    plover = "plover"


Row = dict[str, Any]
# Column name → type ("str", "int", "float", "bool"); the order is the output's column order.
COLUMNS: dict[ExportTable, dict[str, str]] = {
    ExportTable.events: {
        "event_id": "str", "article_id": "str", "seq": "int", "type": "str", "plover": "str", "cameo": "str",
        "modality": "str", "actor_code": "str", "actor_name": "str", "target_code": "str", "target_name": "str",
        "from_code": "str", "date": "str", "date_precision": "str", "date_text": "str", "date_basis": "str",
        "planned": "str", "trigger": "str", "trigger_start": "int", "trigger_end": "int", "sentence_start": "int",
        "sentence_end": "int", "sentence": "str", "confidence": "float", "speaker": "str", "channel": "str",
        "fact_id": "str", "published": "str", "outlet": "str", "url": "str", "title": "str",
    },
    ExportTable.facts: {
        "fact_id": "str", "actor": "str", "actor_name": "str", "type": "str", "target": "str",
        "target_name": "str", "from_code": "str", "date": "str", "date_precision": "str", "date_first": "str",
        "date_last": "str", "origin": "str", "evidence_count": "int", "disputed": "bool",
    },
    ExportTable.quotes: {
        "quote_id": "str", "article_id": "str", "seq": "int", "text": "str", "kind": "str", "start": "int",
        "end": "int", "speaker": "str", "speaker_role": "str", "speaker_affiliation": "str", "channel": "str",
        "channel_kind": "str", "published": "str", "outlet": "str", "url": "str",
    },
    ExportTable.gdelt: {
        "GLOBALEVENTID": "str", "SQLDATE": "int", "MonthYear": "int", "Year": "int", "FractionDate": "float",
        "Actor1Code": "str", "Actor1Name": "str", "Actor1CountryCode": "str", "Actor2Code": "str",
        "Actor2Name": "str", "Actor2CountryCode": "str", "IsRootEvent": "int", "EventCode": "str",
        "EventBaseCode": "str", "EventRootCode": "str", "QuadClass": "int", "NumMentions": "int",
        "NumSources": "int", "NumArticles": "int", "DATEADDED": "int", "SOURCEURL": "str",
        "ChanceryType": "str", "DatePrecision": "str", "Modality": "str", "FactId": "str",
    },
    ExportTable.plover: {
        "event_id": "str", "event_date": "str", "date_precision": "str", "event_type": "str", "event_mode": "str",
        "context": "str", "negated": "bool", "actor": "str", "actor_country": "str", "target": "str",
        "target_country": "str", "source_sentence": "str", "story_date": "str", "source": "str", "url": "str",
        "story_id": "str",
    },
}
RECOGNITION_FAMILY = {"recognize", "withdraw_recognition", "switch_recognition", "announce_intent_to_recognize",
                      "refuse_recognition", "talks_on_recognition", "establish_relations", "sever_relations"}


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        found = value.get("name") or value.get("text") or value.get("code")
        return str(found) if found else None
    return str(value) if value else None


def _event_rows(conn: Any) -> Iterator[Row]:
    from sqlalchemy import select

    from chancery.ledger import schema as t

    a = t.articles.c
    query = (select(t.events, a.published, a.outlet, a.url, a.title, a.text, a.ingested_at)
             .select_from(t.events.join(t.articles, a.id == t.events.c.article_id))
             .order_by(t.events.c.article_id, t.events.c.seq))
    for r in conn.execution_options(yield_per=1000).execute(query):
        m = r._mapping
        attribution = m["attribution"] or {}
        yield {
            "event_id": m["id"], "article_id": m["article_id"], "seq": m["seq"], "type": m["type"],
            "plover": m["plover"], "cameo": m["cameo"], "modality": m["modality"], "actor_code": m["actor_code"],
            "actor_name": m["actor_name"], "target_code": m["target_code"], "target_name": m["target_name"],
            "from_code": m["from_code"], "date": m["date_value"], "date_precision": m["date_precision"],
            "date_text": m["date_text"], "date_basis": m["date_basis"], "planned": m["planned_value"],
            "trigger": m["trigger_text"], "trigger_start": m["trigger_start"], "trigger_end": m["trigger_end"],
            "sentence_start": m["sentence_start"], "sentence_end": m["sentence_end"],
            "sentence": (m["text"] or "")[m["sentence_start"]:m["sentence_end"]], "confidence": m["confidence"],
            "speaker": _name(attribution.get("speaker")), "channel": _name(attribution.get("channel")),
            "fact_id": m["fact_id"], "published": m["published"], "outlet": m["outlet"], "url": m["url"],
            "title": m["title"], "_ingested_at": m["ingested_at"],
        }


def _fact_rows(conn: Any) -> Iterator[Row]:
    from sqlalchemy import select

    from chancery.ledger import schema as t
    from chancery.ledger.names import Names

    names = Names()
    for r in conn.execution_options(yield_per=1000).execute(select(t.facts).order_by(t.facts.c.date_first,
                                                                                       t.facts.c.id)):
        yield {"fact_id": r.id, "actor": r.actor, "actor_name": names.name(r.actor), "type": r.type,
               "target": r.target, "target_name": names.name(r.target), "from_code": r.from_code,
               "date": r.date_value, "date_precision": r.date_precision, "date_first": r.date_first,
               "date_last": r.date_last, "origin": r.origin, "evidence_count": r.evidence_count,
               "disputed": bool(r.disputed)}


def _quote_rows(conn: Any) -> Iterator[Row]:
    from sqlalchemy import select

    from chancery.ledger import schema as t

    a = t.articles.c
    query = (select(t.quotes, a.published, a.outlet, a.url)
             .select_from(t.quotes.join(t.articles, a.id == t.quotes.c.article_id))
             .order_by(t.quotes.c.article_id, t.quotes.c.seq))
    for r in conn.execution_options(yield_per=1000).execute(query):
        data = r.data or {}
        speaker = data.get("speaker") or {}
        channel = data.get("channel") or {}
        yield {"quote_id": r.id, "article_id": r.article_id, "seq": r.seq, "text": r.text, "kind": data.get("kind"),
               "start": data.get("start"), "end": data.get("end"), "speaker": r.speaker,
               "speaker_role": speaker.get("role") if isinstance(speaker, dict) else None,
               "speaker_affiliation": _name(speaker.get("affiliation")) if isinstance(speaker, dict) else None,
               "channel": r.channel, "channel_kind": channel.get("kind") if isinstance(channel, dict) else None,
               "published": r.published, "outlet": r.outlet, "url": r.url}


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass from the CAMEO root: 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _gdelt_date(value: str | None) -> tuple[int | None, int | None, int | None, float | None]:
    """SQLDATE (YYYYMMDD, 00 for an unknown day or month), MonthYear, Year, FractionDate."""
    if not value:
        return None, None, None, None
    year = int(value[:4])
    month = int(value[5:7]) if len(value) >= 7 else 0
    day = int(value[8:10]) if len(value) >= 10 else 0
    day_of_year = date(year, month or 1, day or 1).timetuple().tm_yday
    return year * 10000 + month * 100 + day, year * 100 + month, year, round(year + day_of_year / 365, 4)


def _country(code: str | None) -> str | None:
    return code if code and len(code) == 3 and code.isalpha() else None


def _gdelt_rows(conn: Any) -> Iterator[Row]:
    for e in _event_rows(conn):
        sqldate, month_year, year, fraction = _gdelt_date(e["date"])
        cameo = e["cameo"] or ""
        added = "".join(ch for ch in (e["_ingested_at"] or "")[:19] if ch.isdigit())
        yield {
            "GLOBALEVENTID": e["event_id"], "SQLDATE": sqldate, "MonthYear": month_year, "Year": year,
            "FractionDate": fraction, "Actor1Code": e["actor_code"], "Actor1Name": e["actor_name"],
            "Actor1CountryCode": _country(e["actor_code"]), "Actor2Code": e["target_code"],
            "Actor2Name": e["target_name"], "Actor2CountryCode": _country(e["target_code"]), "IsRootEvent": 1,
            "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None, "EventRootCode": cameo[:2] or None,
            "QuadClass": quad_class(cameo), "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
            "DATEADDED": int(added) if added else None, "SOURCEURL": e["url"], "ChanceryType": e["type"],
            "DatePrecision": e["date_precision"], "Modality": e["modality"], "FactId": e["fact_id"],
        }


def _plover_rows(conn: Any) -> Iterator[Row]:
    for e in _event_rows(conn):
        recognition = e["type"] in RECOGNITION_FAMILY
        yield {
            "event_id": e["event_id"], "event_date": e["date"], "date_precision": e["date_precision"],
            "event_type": e["plover"], "event_mode": e["type"] if recognition else None,
            "context": "recognition" if recognition else None, "negated": e["modality"] == "negated",
            "actor": e["actor_name"], "actor_country": _country(e["actor_code"]), "target": e["target_name"],
            "target_country": _country(e["target_code"]), "source_sentence": e["sentence"],
            "story_date": e["published"], "source": e["outlet"], "url": e["url"], "story_id": e["article_id"],
        }


ROWS: dict[ExportTable, Callable[[Any], Iterator[Row]]] = {
    ExportTable.events: _event_rows, ExportTable.facts: _fact_rows, ExportTable.quotes: _quote_rows,
    ExportTable.gdelt: _gdelt_rows, ExportTable.plover: _plover_rows,
}


def export_rows(conn: Any, table: ExportTable) -> Iterator[Row]:
    """The rows of one export table, with exactly its documented columns, streamed."""
    columns = COLUMNS[table]
    for row in ROWS[table](conn):
        yield {name: row.get(name) for name in columns}


def write_csv(rows: Iterator[Row], columns: list[str], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_jsonl(rows: Iterator[Row], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_parquet(rows: Iterator[Row], columns: dict[str, str], out: IO[bytes] | str, batch: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns.items()])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        chunk: list[Row] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                writer.write_batch(pa.RecordBatch.from_pylist(chunk, schema=schema))
                count += len(chunk)
                chunk.clear()
        if chunk or count == 0:
            writer.write_batch(pa.RecordBatch.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        format: Annotated[ExportFormat, typer.Option("--format", help="csv, jsonl or parquet.")] = ExportFormat.csv,
        table: Annotated[ExportTable, typer.Option(
            "--table", help="events, facts, quotes, or the event tables gdelt and plover.")] = ExportTable.events,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help="File to write; default standard output (parquet: not a terminal).")] = None,
        db: DbOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Export a ledger table (columns documented in docs/export.md)."""
        from chancery.ledger import Ledger

        settings = settings_from(config, db=db)
        if format == ExportFormat.parquet and output is None and sys.stdout.isatty():
            raise ChanceryError(ErrorCode.USAGE, "parquet is binary: pass --output FILE or redirect stdout",
                                ExitCode.USAGE)
        columns = COLUMNS[table]
        with Ledger.open(settings.db) as ledger, ledger.engine.connect() as conn:
            rows = export_rows(conn, table)
            try:
                if format == ExportFormat.parquet:
                    count = write_parquet(rows, columns, str(output) if output else sys.stdout.buffer)
                elif output is None:
                    count = (write_csv(rows, list(columns), sys.stdout) if format == ExportFormat.csv
                             else write_jsonl(rows, sys.stdout))
                else:
                    with output.open("w", encoding="utf-8", newline="") as fh:
                        count = (write_csv(rows, list(columns), fh) if format == ExportFormat.csv
                                 else write_jsonl(rows, fh))
            except BrokenPipeError:  # `| head`: the reader has what it wanted
                import os

                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return
            except OSError as exc:
                raise ChanceryError(ErrorCode.UNREADABLE, f"cannot write {output or 'stdout'}: {exc.strerror or exc}",
                                    ExitCode.USAGE) from None
        typer.echo(f"{count} {table.value} row(s) exported", err=True)
