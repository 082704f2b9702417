"""Request bodies → Articles, through the same readers the CLI uses (one code path).

A JSON body is exactly one JSONL line of ``chancery extract`` (``text`` or ``html``, optional
``id``, ``published``, ``url``, ``title``, ``outlet``); ``text/plain`` and ``text/html`` bodies
are read like a .txt or .html file; ``application/x-ndjson`` is a JSONL file.
"""

from __future__ import annotations

import io
from typing import Any

from fastapi import Request

from chancery.api.errors import ApiError
from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article
from chancery.ingest.readers import normalise_published, parse_jsonl_line, read_html, read_jsonl, read_text

SOURCE = "request"
JSON_TYPES = ("application/json", "")
NDJSON_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")

ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "One article, the same object as one line of a JSONL input to `chancery extract`.",
    "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
    "properties": {
        "text": {"type": "string", "description": "Plain article text (give this or `html`)."},
        "html": {"type": "string", "description": "An article page; main text and metadata via trafilatura."},
        "id": {"type": "string", "description": "Your id; default a content hash of the text."},
        "published": {"type": "string", "description": "ISO date; relative dates resolve against it."},
        "url": {"type": "string"}, "title": {"type": "string"}, "outlet": {"type": "string"},
    },
    "example": {"text": "Pyongyang recognised the independence of the Donetsk People's Republic "
                        "on Wednesday.", "published": "2022-07-14"},
}


def request_body_doc(multi: bool = False) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads its body itself."""
    content: dict[str, Any] = {
        "application/json": {"schema": ARTICLE_SCHEMA},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }
    if multi:
        content["application/x-ndjson"] = {"schema": {"type": "string",
                                                      "description": "One article object per line."}}
    return {"requestBody": {"required": True, "content": content}}


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _published_param(request: Request) -> str | None:
    try:
        return normalise_published(request.query_params.get("published"))
    except ValueError as exc:
        raise ApiError(ErrorCode.BAD_DATE, f"query parameter 'published': {exc}") from None


def _one(item: Article | InputError) -> Article:
    if isinstance(item, InputError):
        raise ApiError.from_input_error(item)
    return item


async def read_articles(request: Request, multi: bool = False) -> list[Article | InputError]:
    """The articles a request carries; a single-article body that cannot be read raises ApiError."""
    body = await request.body()
    kind = media_type(request)
    if not body.strip():
        raise ApiError(ErrorCode.EMPTY, "request body is empty")
    published = _published_param(request)
    if kind in JSON_TYPES:
        item = parse_jsonl_line(body, SOURCE, 1, published)
        if isinstance(item, InputError) and item.code == ErrorCode.BAD_JSON:
            raise ApiError(item.code, item.message.replace("invalid JSON", "body is not valid JSON"))
        return [_one(item)]
    if kind == "text/plain":
        return [_one(read_text(body, SOURCE, published))]
    if kind in ("text/html", "application/xhtml+xml"):
        return [_one(read_html(body, SOURCE, published))]
    if multi and kind in NDJSON_TYPES:
        return list(read_jsonl(io.BytesIO(body), SOURCE, published, len(body) + 1))
    accepted = "application/json, text/plain, text/html" + (", application/x-ndjson" if multi else "")
    raise ApiError(ErrorCode.UNSUPPORTED, f"content type {kind!r} is not accepted; send {accepted}")
