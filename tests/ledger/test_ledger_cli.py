"""The ledger commands, run through the real CLI against a real SQLite ledger."""

from __future__ import annotations

import csv
import io
import json

import pytest
from ledger_builders import actor, event, extraction
from typer.testing import CliRunner

from chancery.cli.main import app
from chancery.ledger import Ledger

runner = CliRunner()


@pytest.fixture
def filled(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    text = "Abkhazia recognised the DPR on 26 February 2022, a day later than its ministry said."
    ex = extraction(text, "2022-02-27", [event(text, "recognize", actor(text, "Abkhazia", "ABK"),
                                               actor(text, "DPR", "DPR"), "recognised", "2022-02-26")])
    with Ledger.open(url) as ledger:
        ledger.ingest(text, ex)
    return url


def _run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_status_json_and_csv(filled):
    rows = json.loads(_run("ledger", "status", "DPR", "--as-of", "2022-07-12", "--format", "json", "--db", filled))
    assert [r["actor"] for r in rows] == ["SOS", "RUS", "ABK", "SYR"]
    assert rows[2]["disputed"] is True and rows[2]["evidence"] == 2
    table = list(csv.DictReader(io.StringIO(_run("ledger", "status", "dpr", "--format", "csv", "--db", filled))))
    assert table[-1]["actor"] == "PRK" and table[-1]["state"] == "recognises"


def test_status_table_and_timeline_and_positions(filled):
    assert "Syria" in _run("ledger", "status", "DPR", "--db", filled)
    timeline = json.loads(_run("ledger", "timeline", "ABK", "--format", "json", "--db", filled))
    dates = [r["date"] for r in timeline]
    assert dates == sorted(dates, key=lambda d: d.ljust(10, "0"))
    positions = json.loads(_run("ledger", "positions", "TUV", "--format", "json", "--db", filled))
    assert {p["entity"]: p["state"] for p in positions}["ABK"] == "withdrawn"


def test_evidence_shows_spans_and_the_dispute(filled):
    rows = json.loads(_run("ledger", "status", "DPR", "--format", "json", "--db", filled))
    fact_id = next(r for r in rows if r["actor"] == "ABK")["facts"][0]
    found = json.loads(_run("ledger", "evidence", fact_id, "--format", "json", "--db", filled))
    kinds = {e["kind"]: e for e in found["evidence"]}
    assert kinds["extracted"]["trigger"] == "recognised" and kinds["extracted"]["dispute"] == "date_conflict"
    assert kinds["reference"]["url"].startswith("http")
    assert "date_conflict" in _run("ledger", "evidence", fact_id, "--format", "csv", "--db", filled)


def test_unknown_entity_and_fact_are_usage_errors(filled):
    from chancery.errors import ChanceryError

    for args in (["ledger", "status", "Nowhereland-xyz", "--db", filled], ["ledger", "evidence", "f-none", "--db", filled]):
        result = runner.invoke(app, args)
        assert isinstance(result.exception, ChanceryError) or result.exit_code != 0


def test_bad_as_of_is_reported(filled):
    result = runner.invoke(app, ["ledger", "status", "DPR", "--as-of", "July", "--db", filled])
    assert result.exit_code != 0


@pytest.mark.model
def test_ingest_twice_is_a_noop_and_check_runs(tmp_path):
    url = f"sqlite:///{tmp_path / 'ingest.sqlite3'}"
    article = tmp_path / "a.txt"
    article.write_text("Nauru recognised the independence of Abkhazia on Tuesday, becoming the second state "
                       "to do so after Russia.\n", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    first = runner.invoke(app, ["ingest", str(article), missing, "--db", url, "--published", "2009-12-17"])
    assert first.exit_code == 3 and "ingested 1 article(s)" in first.output and "skipped" in first.output
    second = runner.invoke(app, ["ingest", str(article), "--db", url])
    assert second.exit_code == 0 and "ingested 0 article(s) (1 already in the ledger" in second.output
    checked = json.loads(_run("check", str(article), "--db", url, "--published", "2009-12-17", "--format", "json"))
    # Nicaragua and Venezuela also came before Nauru: "second after Russia" holds only without them.
    assert [(c["entity"], c["subject"], c["named"], c["verdict"]) for c in checked] == \
        [("ABK", "NRU", ["RUS"], "qualified")]
