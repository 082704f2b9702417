"""`chancery export`: every table in every format, with exactly the documented columns."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from samples import recognition_article, talks_article
from typer.testing import CliRunner

from chancery.cli.export_cmd import COLUMNS, ExportTable, quad_class
from chancery.cli.main import app
from chancery.ledger import Ledger

DOC = Path(__file__).resolve().parents[2] / "docs" / "export.md"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'ledger.db'}"
    with Ledger.open(url) as ledger:
        for text, extraction in (recognition_article(), talks_article()):
            ledger.ingest(text, extraction)
    return url


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_events_have_the_documented_columns_and_the_sentence(db_url):
    rows = list(csv.DictReader(io.StringIO(run("--db", db_url, "--table", "events"))))
    assert len(rows) == 3 and list(rows[0]) == list(COLUMNS[ExportTable.events])
    recognise = next(r for r in rows if r["type"] == "recognize")
    assert recognise["sentence"].startswith("Pyongyang said on Wednesday")
    assert (recognise["actor_code"], recognise["target_code"], recognise["date"]) == ("PRK", "DPR", "2022-07-13")
    assert recognise["fact_id"] and recognise["outlet"] == "Example Wire"


def test_jsonl_quotes_and_facts(db_url):
    quotes = [json.loads(line) for line in run("--db", db_url, "--table", "quotes", "--format", "jsonl").splitlines()]
    assert [(q["speaker"], q["channel"], q["channel_kind"]) for q in quotes] == [
        ("Natalya Nikonorova", "Telegram", "social")]
    facts = [json.loads(line) for line in run("--db", db_url, "--table", "facts", "--format", "jsonl").splitlines()]
    assert any(f["actor"] == "RUS" and f["target"] == "DPR" and f["origin"] == "reference" for f in facts)
    prk = next(f for f in facts if f["actor"] == "PRK" and f["target"] == "DPR")
    assert prk["evidence_count"] == 2 and prk["disputed"] is False


def test_gdelt_like_table(db_url):
    rows = {r["ChanceryType"]: r for r in csv.DictReader(io.StringIO(run("--db", db_url, "--table", "gdelt")))}
    rec = rows["recognize"]
    assert (rec["SQLDATE"], rec["MonthYear"], rec["Year"]) == ("20220713", "202207", "2022")
    assert (rec["Actor1Code"], rec["Actor2Code"], rec["EventCode"], rec["EventRootCode"]) == ("PRK", "DPR", "054", "05")
    assert rec["QuadClass"] == "1" and rec["SOURCEURL"] == "https://example.org/news/dpr"
    assert rows["accuse"]["QuadClass"] == "3" and rows["accuse"]["EventBaseCode"] == "112"
    assert [quad_class(c) for c in ("040", "073", "112", "190", None)] == [1, 2, 3, 4, None]


def test_plover_like_table_as_parquet(db_url, tmp_path):
    out = tmp_path / "plover.parquet"
    run("--db", db_url, "--table", "plover", "--format", "parquet", "--output", str(out))
    table = pq.read_table(out)
    assert table.schema.names == list(COLUMNS[ExportTable.plover])
    rows = {r["event_mode"] or r["event_type"]: r for r in table.to_pylist()}
    assert rows["recognize"]["event_type"] == "COOPERATE" and rows["recognize"]["context"] == "recognition"
    assert rows["recognize"]["actor_country"] == "PRK" and rows["recognize"]["negated"] is False
    assert rows["CONSULT"]["target"] == "Poland" and rows["CONSULT"]["story_date"] == "2023-03-04"


def test_an_empty_ledger_exports_headers_only(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert run("--db", url, "--table", "quotes").strip() == ",".join(COLUMNS[ExportTable.quotes])
    out = tmp_path / "empty.parquet"
    run("--db", url, "--table", "events", "--format", "parquet", "-o", str(out))
    assert pq.read_table(out).num_rows == 0


def test_every_export_column_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for table, columns in COLUMNS.items():
        section = re.search(rf"^## `{table.value}`.*?(?=^## |\Z)", text, re.M | re.S)
        assert section, f"docs/export.md has no section ## `{table.value}`"
        documented = re.findall(r"^\| `([^`]+)` \|", section.group(0), re.M)
        assert documented == list(columns), f"{table.value}: docs list {documented}"
