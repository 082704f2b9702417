"""Options shared by several commands, and the flag → settings bridge."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from chancery.settings import Settings, load_settings


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    text = "text"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (TOML); default ./chancery.toml.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy model package name.")]
DbOpt = Annotated[str | None, typer.Option("--db", help="Ledger database URL (overrides CHANCERY_DB).")]


def settings_from(config: Path | None = None, **flags: Any) -> Settings:
    return load_settings(flags=flags, config_file=config)
