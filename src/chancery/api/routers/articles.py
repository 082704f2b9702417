"""``POST /v1/articles`` (ingest into the ledger; needs the bearer token) and ``GET /v1/articles/{id}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from chancery.api.auth import require_write_token
from chancery.api.bodies import read_articles, request_body_doc
from chancery.api.context import ApiContext
from chancery.api.errors import ApiError
from chancery.api.schemas import ERROR_RESPONSES, WRITE_RESPONSES
from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article

router = APIRouter(tags=["articles"])


def ingest_one(ctx: ApiContext, article: Article) -> dict[str, Any]:
    """Extract and store one article in one transaction (all of it lands, or none)."""
    extraction = ctx.extract(article, check_claims=False)
    result = ctx.ledger.ingest(article.text, extraction)
    writes = result.writes
    return {"id": result.article_id, "stored": result.stored, "events": result.events,
            "facts_created": writes.facts_created if writes else 0,
            "facts_merged": writes.facts_merged if writes else 0,
            "disputes": writes.disputes if writes else 0,
            "url": f"/v1/articles/{result.article_id}"}


@router.post(
    "/v1/articles",
    summary="Ingest articles into the ledger",
    description="Extracts each article and stores it with its events, quotes and people, one transaction "
                "per article; re-sending an article is a no-op (`stored: false`). A JSON, text or HTML "
                "body is one article (an unreadable one is an error response); an `application/x-ndjson` "
                "body is many, and an unreadable line is reported in its place while the rest land. "
                "Needs `Authorization: Bearer <CHANCERY_TOKEN>`.",
    dependencies=[Depends(require_write_token)],
    openapi_extra=request_body_doc(multi=True),
    responses={200: {"description": "Every article was already in the ledger."},
               201: {"description": "At least one article was stored."}, **WRITE_RESPONSES},
)
async def ingest(request: Request, response: Response) -> dict[str, Any]:
    ctx: ApiContext = request.app.state.chancery
    items = await read_articles(request, multi=True)
    results: list[dict[str, Any]] = []
    for line, item in enumerate(items, start=1):
        if isinstance(item, InputError):
            results.append({"line": item.line or line, "error": {"code": item.code.value, "message": item.message}})
            continue
        results.append(await run_in_threadpool(ingest_one, ctx, item))
    stored = sum(1 for r in results if r.get("stored"))
    failed = sum(1 for r in results if "error" in r)
    if failed and failed == len(results):
        first = results[0]["error"]
        raise ApiError(ErrorCode(first["code"]), f"no article could be read: {first['message']}")
    response.status_code = 201 if stored else 200
    return {"stored": stored, "already_present": len(results) - stored - failed, "failed": failed,
            "results": results}


@router.get(
    "/v1/articles/{article_id}",
    summary="One ingested article with its text and everything extracted from it",
    responses=ERROR_RESPONSES,
)
def get_article(article_id: str, request: Request) -> dict[str, Any]:
    from chancery.api.queries import get_article as read

    ctx: ApiContext = request.app.state.chancery
    with ctx.ledger.engine.connect() as conn:
        record = read(conn, article_id)
    if record is None:
        raise ApiError(ErrorCode.NOT_FOUND, f"no article {article_id!r} in the ledger")
    if "loaded" not in record:
        record["loaded"] = ctx.loaded_terms(record["text"], record["quotes"])
    return record
