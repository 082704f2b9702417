"""Request rate limit per client address: a token bucket per address, 429 with the error shape.

Each client may send ``per_minute`` requests in a burst, refilled at ``per_minute`` per minute.
The client is the connection's address, so behind a reverse proxy every user shares one
bucket: set the limit at the proxy there, or raise this one (``rate_limit = 0`` turns it off).
State lives in the middleware instance (one per app); at most ``max_clients`` buckets are kept.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from chancery.api.errors import error_body
from chancery.errors import ErrorCode


class RateLimit:
    def __init__(self, app: ASGIApp, per_minute: int, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.capacity = float(per_minute)
        self.refill = per_minute / 60.0  # tokens per second
        self.max_clients = max_clients
        self.clock = clock
        self.buckets: dict[str, tuple[float, float]] = {}  # client → (tokens, at)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.capacity <= 0:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = str(client[0]) if client else "unknown"
        wait = self._take(key)
        if wait is None:
            await self.app(scope, receive, send)
            return
        retry = max(1, math.ceil(wait))
        data = json.dumps(error_body(ErrorCode.RATE_LIMIT, f"too many requests from {key}: the limit is "
                                     f"{int(self.capacity)} per minute; retry in {retry} s", 429)).encode()
        await send({"type": "http.response.start", "status": 429,
                    "headers": [(b"content-type", b"application/json"), (b"retry-after", str(retry).encode()),
                                (b"content-length", str(len(data)).encode())]})
        await send({"type": "http.response.body", "body": data})

    def _take(self, key: str) -> float | None:
        """Spend one token of ``key``'s bucket; None when allowed, else the seconds until one is back."""
        now = self.clock()
        tokens, at = self.buckets.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - at) * self.refill)
        if tokens < 1.0:
            self.buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.refill
        self.buckets[key] = (tokens - 1.0, now)
        if len(self.buckets) > self.max_clients:
            self._prune(now)
        return None

    def _prune(self, now: float) -> None:
        """Forget clients whose bucket has refilled (they lose nothing); then the longest idle."""
        full = [k for k, (tokens, at) in self.buckets.items()
                if tokens + (now - at) * self.refill >= self.capacity]
        for key in full:
            del self.buckets[key]
        if len(self.buckets) > self.max_clients:
            by_age = sorted(self.buckets, key=lambda k: self.buckets[k][1])
            for key in by_age[: len(self.buckets) - self.max_clients]:
                del self.buckets[key]
