"""The unit of input: one article, identified by the hash of its content."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


def article_id(text: str) -> str:
    """Content-hash id: the same text always gets the same id, so re-ingest is harmless."""
    return "a-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    text: str
    id: str
    published: str | None = None  # ISO date (YYYY-MM-DD or YYYY-MM) as given by the input
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    source: str = "-"  # where it came from (path, path:line, stdin), for messages

    @classmethod
    def from_text(cls, text: str, *, id: str | None = None, **meta: str | None) -> Article:
        return cls(text=text, id=id or article_id(text), **meta)  # type: ignore[arg-type]
