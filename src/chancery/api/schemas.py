"""OpenAPI pieces shared by the routers: JSON Schemas for responses and the error shape."""

from __future__ import annotations

from typing import Any

from chancery.api.errors import ERROR_RESPONSE_SCHEMA


def _openapi_schema(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in ("$schema", "$id")}


def json_schema_response(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _openapi_schema(schema)}}}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": json_schema_response(ERROR_RESPONSE_SCHEMA, "An error (the one error shape; codes as the CLI's)."),
    "5XX": json_schema_response(ERROR_RESPONSE_SCHEMA, "A server or storage error (same shape)."),
}
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: json_schema_response(ERROR_RESPONSE_SCHEMA, "Missing or wrong bearer token (`E_AUTH`)."),
    403: json_schema_response(ERROR_RESPONSE_SCHEMA, "Writes are disabled: the server has no token (`E_AUTH`)."),
    413: json_schema_response(ERROR_RESPONSE_SCHEMA, "Body over the size limit (`E_TOO_LARGE`)."),
    **ERROR_RESPONSES,
}
