"""Documentation is part of the product: an undocumented command, option or setting fails here."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer.main

from chancery.cli.main import app
from chancery.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands(group: Any, prefix: str = "chancery") -> list[tuple[str, Any]]:
    """(full name, command) for every command; typer vendors click, so groups are duck-typed."""
    out: list[tuple[str, Any]] = []
    for name, cmd in group.commands.items():
        full = f"{prefix} {name}"
        out.append((full, cmd))
        if hasattr(cmd, "commands"):
            out.extend(_commands(cmd, full))
    return out


def test_every_command_and_option_is_in_cli_docs():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    assert hasattr(group, "commands")
    missing = []
    for full, cmd in _commands(group):
        if not re.search(rf"^#+ .*`?{re.escape(full)}`?", text, re.M):
            missing.append(full)
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and f"`{opt}" not in text:
                    missing.append(f"{full} {opt}")
    assert not missing, f"undocumented in docs/cli.md: {missing}"


def test_every_setting_is_in_settings_docs():
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.names() if f"`{name}`" not in text]
    assert not missing, f"undocumented in docs/settings.md: {missing}"


def test_every_error_code_is_documented():
    from chancery.errors import ErrorCode, ExitCode

    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    assert [c.value for c in ErrorCode if f"`{c.value}`" not in text] == []
    assert [c.value for c in ExitCode if f"| {c.value} |" not in text] == []


def test_readme_opens_with_run_and_test():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^make (\w+)$", readme, re.M)
    assert commands[:2] == ["run", "test"]
