"""Ledger reads: entity status as of a date, timelines, state positions, facts with evidence, events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from chancery.api.context import ApiContext
from chancery.api.errors import ApiError
from chancery.api.schemas import ERROR_RESPONSES
from chancery.errors import ChanceryError, ErrorCode
from chancery.ingest.readers import normalise_published

router = APIRouter(responses=ERROR_RESPONSES)
MAX_PAGE = 500
MAX_OFFSET = 2**31 - 1  # a bigger offset overflows SQLite's integer (a 500, found by schemathesis)

AsOf = Annotated[str | None, Query(description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD); default: all "
                                   "facts known. A month or year means through its last day.",
                                   examples=["2022-07-14"])]


def _ctx(request: Request) -> ApiContext:
    return request.app.state.chancery


def _date(value: str | None, name: str) -> str | None:
    from chancery.ledger.dates import interval

    try:
        day = normalise_published(value)
        if day is not None:
            interval(day)  # a real calendar date, not 2022-13-40
        return day
    except ValueError:
        raise ApiError(ErrorCode.BAD_DATE, f"{name} {value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)") \
            from None


def _code(ctx: ApiContext, text: str) -> str:
    """A code from a code or a name ('DPR', 'Abkhazia', 'North Korea'); unknown → 404."""
    ledger = ctx.ledger  # opening it may fail with E_STORAGE: that is not a 404
    try:
        return ledger.resolve(text)
    except ChanceryError as exc:
        raise ApiError(ErrorCode.NOT_FOUND, exc.message) from None


def _actor(ctx: ApiContext, code: str) -> dict[str, Any]:
    names = ctx.ledger.names
    return {"code": code, "name": names.name(code), "kind": names.kind(code),
            "coverage": names.coverage(code) if names.is_contested(code) else None}


@router.get("/v1/entities", tags=["ledger"], summary="The contested entities the ledger tracks")
def entities(request: Request, as_of: AsOf = None) -> dict[str, Any]:
    ctx = _ctx(request)
    day = _date(as_of, "as_of")
    items = []
    for code in ctx.ledger.names.entities:
        if not ctx.ledger.names.is_contested(code):
            continue
        rows = ctx.ledger.status(code, as_of=day)
        items.append({**_actor(ctx, code), "recognised_by": sum(1 for r in rows if r.recognises)})
    return {"as_of": day, "entities": items}


@router.get("/v1/entities/{code}/status", tags=["ledger"],
            summary="Who recognises an entity on a date, in order, with state and evidence count")
def status(code: str, request: Request, as_of: AsOf = None) -> dict[str, Any]:
    ctx = _ctx(request)
    entity = _code(ctx, code)
    day = _date(as_of, "as_of")
    rows = [r.to_dict() for r in ctx.ledger.status(entity, as_of=day)]
    return {"entity": _actor(ctx, entity), "as_of": day,
            "recognised_by": sum(1 for r in rows if r["recognises"]), "rows": rows}


@router.get("/v1/entities/{code}/timeline", tags=["ledger"],
            summary="Every recognition-family fact about an entity, in date order")
def timeline(code: str, request: Request) -> dict[str, Any]:
    ctx = _ctx(request)
    entity = _code(ctx, code)
    return {"entity": _actor(ctx, entity), "facts": [f.to_dict() for f in ctx.ledger.timeline(entity)]}


@router.get("/v1/states/{code}/positions", tags=["ledger"],
            summary="Which contested entities a state recognises (each row's `actor` is the entity)")
def positions(code: str, request: Request, as_of: AsOf = None) -> dict[str, Any]:
    ctx = _ctx(request)
    state = _code(ctx, code)
    day = _date(as_of, "as_of")
    return {"state": _actor(ctx, state), "as_of": day,
            "rows": [r.to_dict() for r in ctx.ledger.positions(state, as_of=day)]}


@router.get("/v1/facts/{fact_id}", tags=["ledger"], summary="One ledger fact with all its evidence and disputes")
def fact(fact_id: str, request: Request) -> dict[str, Any]:
    found = _ctx(request).ledger.evidence(fact_id)
    if found is None:
        raise ApiError(ErrorCode.NOT_FOUND, f"no fact {fact_id!r} in the ledger")
    data = found.to_dict()
    for item in data["evidence"]:
        item["article_url"] = f"/v1/articles/{item['article_id']}" if item.get("article_id") else None
    return data


def _page(request: Request, items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    following = offset + limit
    next_url = str(request.url.include_query_params(offset=following)) if following < total else None
    return {"total": total, "limit": limit, "offset": offset, "next": next_url, "items": items}


@router.get("/v1/events", tags=["events"], summary="Extracted events, filtered and paged")
def events(
    request: Request,
    actor: Annotated[str | None, Query(description="Actor code, e.g. PRK.")] = None,
    target: Annotated[str | None, Query(description="Target code, e.g. DPR.")] = None,
    party: Annotated[str | None, Query(description="Actor or target code.")] = None,
    type: Annotated[list[str] | None, Query(description="Event type; repeat or comma-separate for several.")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="Earliest event date (ISO).")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Latest event date (ISO).")] = None,
    outlet: Annotated[str | None, Query(description="The article's outlet (case-insensitive).")] = None,
    article: Annotated[str | None, Query(description="Only this article's events.")] = None,
    fact: Annotated[str | None, Query(description="Only events that are evidence for this fact.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    from chancery.api.queries import EventFilter, list_events

    types = tuple(part.strip() for value in (type or []) for part in value.split(",") if part.strip())
    from chancery.ledger.dates import interval

    start, end = _date(date_from, "from"), _date(date_to, "to")
    start = interval(start)[0] if start else None  # 'from 2022-07' starts on its first day
    end = interval(end)[1] if end else None  # 'to 2022-07' runs through its last day
    if start and end and start > end:
        raise ApiError(ErrorCode.USAGE, f"'from' ({start}) is after 'to' ({end})")
    ctx = _ctx(request)
    flt = EventFilter(actor=actor and actor.upper(), target=target and target.upper(), party=party and party.upper(),
                      types=types, date_from=start, date_to=end, outlet=outlet, article_id=article, fact_id=fact)
    with ctx.ledger.engine.connect() as conn:
        items, total = list_events(conn, flt, limit, offset)
    return _page(request, items, total, limit, offset)


@router.get("/v1/articles", tags=["articles"], summary="Ingested articles, newest first, paged (no text)")
def articles(
    request: Request,
    outlet: Annotated[str | None, Query(description="Only this outlet (case-insensitive).")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    from chancery.api.queries import list_articles

    with _ctx(request).ledger.engine.connect() as conn:
        items, total = list_articles(conn, limit, offset, outlet)
    return _page(request, items, total, limit, offset)
