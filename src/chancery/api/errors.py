"""The one JSON error shape of the REST API, with the same codes as the CLI (``chancery.errors``).

Every error response is ``{"error": {"code": "E_…", "message": "…", "hint": "…", "status": N}}``
plus ``"details"`` for validation errors; handlers below turn every exception into it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from chancery.errors import HINTS, ChanceryError, ErrorCode, InputError

# HTTP status per error code; codes about one input are the client's fault (422).
STATUS: dict[ErrorCode, int] = {
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.UNREADABLE: 422,
    ErrorCode.EMPTY: 422,
    ErrorCode.BINARY: 422,
    ErrorCode.ENCODING: 422,
    ErrorCode.NO_TEXT: 422,
    ErrorCode.BAD_JSON: 400,
    ErrorCode.BAD_FIELD: 422,
    ErrorCode.BAD_DATE: 422,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.UNSUPPORTED: 415,
    ErrorCode.MODEL: 503,
    ErrorCode.CONFIG: 500,
    ErrorCode.STORAGE: 503,
    ErrorCode.USAGE: 400,
    ErrorCode.AUTH: 401,
    ErrorCode.RATE_LIMIT: 429,
    ErrorCode.INTERNAL: 500,
}

# Hints that make sense to an HTTP client, where the CLI's hint talks about files and flags.
API_HINTS: dict[ErrorCode, str] = {
    ErrorCode.NOT_FOUND: "check the id or code in the URL",
    ErrorCode.USAGE: "see /docs for the request format",
    ErrorCode.TOO_LARGE: "send a smaller body (limit: the max_body_bytes setting)",
}

ERROR_RESPONSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {
        "type": "object",
        "required": ["code", "message", "hint", "status"],
        "properties": {
            "code": {"type": "string", "enum": [c.value for c in ErrorCode]},
            "message": {"type": "string"}, "hint": {"type": "string"}, "status": {"type": "integer"},
            "details": {"type": "array"},
        },
    }},
}


class ApiError(Exception):
    """An error raised inside a route; becomes the error shape with its HTTP status."""

    def __init__(self, code: ErrorCode, message: str, status: int | None = None,
                 headers: dict[str, str] | None = None, details: list[Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status or STATUS.get(code, 400)
        self.headers = headers
        self.details = details

    @classmethod
    def from_input_error(cls, err: InputError) -> ApiError:
        return cls(err.code, err.message)


def error_body(code: ErrorCode, message: str, status: int, details: list[Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code.value, "message": message,
                            "hint": API_HINTS.get(code, HINTS.get(code, "")), "status": status}
    if details is not None:
        body["details"] = details
    return {"error": body}


def error_response(code: ErrorCode, message: str, status: int | None = None,
                   headers: dict[str, str] | None = None, details: list[Any] | None = None) -> JSONResponse:
    status = status or STATUS.get(code, 400)
    return JSONResponse(error_body(code, message, status, details), status_code=status, headers=headers)


def _http_code(status: int) -> ErrorCode:
    if status == 404:
        return ErrorCode.NOT_FOUND
    if status in (401, 403):
        return ErrorCode.AUTH
    if status == 413:
        return ErrorCode.TOO_LARGE
    if status == 415:
        return ErrorCode.UNSUPPORTED
    return ErrorCode.INTERNAL if status >= 500 else ErrorCode.USAGE


def install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.code, exc.message, exc.status, exc.headers, exc.details)

    async def on_chancery_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ChanceryError)
        return error_response(exc.code, exc.message)

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path}"
        return error_response(_http_code(exc.status_code), message, exc.status_code,
                              getattr(exc, "headers", None))

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        where = ", ".join(".".join(str(p) for p in d["loc"]) + ": " + d["msg"] for d in details[:3])
        return error_response(ErrorCode.USAGE, f"invalid request: {where}", 422, details=details)

    async def on_storage_error(request: Request, exc: Exception) -> JSONResponse:
        return error_response(ErrorCode.STORAGE, f"the ledger could not be read or written: {type(exc).__name__}",
                              503)

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        return error_response(ErrorCode.INTERNAL, f"internal error: {type(exc).__name__}", 500)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(ChanceryError, on_chancery_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(SQLAlchemyError, on_storage_error)
    app.add_exception_handler(Exception, on_unexpected)
