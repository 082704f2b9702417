"""``POST /v1/extract``: an article in, its ``chancery.extract/1`` record out (nothing is stored)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from chancery.api.bodies import read_articles, request_body_doc
from chancery.api.schemas import ERROR_RESPONSES, json_schema_response
from chancery.contract import EXTRACTION_SCHEMA

router = APIRouter(tags=["extract"])


@router.post(
    "/v1/extract",
    summary="Extract actors, events, dates, quotes and claims from one article",
    description="The same code path as `chancery extract`: the body is one JSONL line of that command "
                "(JSON with `text` or `html`), or a raw `text/plain` / `text/html` article with an "
                "optional `?published=` date. Nothing is written to the ledger.",
    openapi_extra=request_body_doc(),
    responses={200: json_schema_response(EXTRACTION_SCHEMA, "The `chancery.extract/1` record."),
               **ERROR_RESPONSES},
)
async def extract(request: Request) -> dict[str, Any]:
    (article,) = await read_articles(request)
    assert not isinstance(article, Exception)
    ctx = request.app.state.chancery
    extraction = await run_in_threadpool(ctx.extract, article)
    return extraction.to_dict()
