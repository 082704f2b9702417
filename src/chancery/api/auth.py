"""Bearer-token auth for writes. No token configured means writes are refused, never allowed."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from chancery.api.errors import ApiError
from chancery.errors import ErrorCode

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="chancery"'}


def check_bearer(configured: str | None, authorization: str | None) -> None:
    """Raise ApiError unless ``authorization`` is ``Bearer <configured>``; compare in constant time."""
    if not configured:
        raise ApiError(ErrorCode.AUTH, "writes are disabled: the server has no token set "
                       "(start it with CHANCERY_TOKEN=… to allow writes)", 403)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(ErrorCode.AUTH, "this endpoint writes: send 'Authorization: Bearer <token>'", 401,
                       headers=_CHALLENGE)
    if not hmac.compare_digest(given.strip().encode("utf-8"), configured.encode("utf-8")):
        raise ApiError(ErrorCode.AUTH, "wrong bearer token", 401, headers=_CHALLENGE)


# Declares the scheme in the OpenAPI document; the check itself is check_bearer's.
bearer_scheme = HTTPBearer(auto_error=False, description="The server's CHANCERY_TOKEN; needed for writes.")


def require_write_token(request: Request,
                        _: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]) -> None:
    """FastAPI dependency for every route that changes the ledger."""
    check_bearer(request.app.state.chancery.settings.token, request.headers.get("authorization"))
