"""Entry point: builds the Typer app from the command modules and maps errors to exit codes."""

from __future__ import annotations

import os
import sys

import typer

from chancery.errors import ChanceryError, ExitCode

app = typer.Typer(
    name="chancery",
    help="Read diplomatic news as data: extract events, dates and quotes; keep a cited ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    from chancery.cli import extract_cmd, info_cmd

    extract_cmd.register(app)
    info_cmd.register(app)
    for optional in ("ledger_cmd", "serve_cmd", "export_cmd", "watch_cmd"):
        try:
            module = __import__(f"chancery.cli.{optional}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"chancery.cli.{optional}":
                raise
            continue
        module.register(app)


_register()


def main(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, standalone_mode=True)
    except ChanceryError as exc:
        sys.stderr.write(f"error [{exc.code.value}]: {exc.message}\n")
        if exc.hint:
            sys.stderr.write(f"  what to do: {exc.hint}\n")
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except Exception as exc:  # a bug, not a user mistake
        if os.environ.get("CHANCERY_DEBUG"):
            raise
        sys.stderr.write(f"internal error: {type(exc).__name__}: {exc}\n"
                         "  what to do: rerun with CHANCERY_DEBUG=1 for the traceback and report it\n")
        sys.exit(int(ExitCode.INTERNAL))
