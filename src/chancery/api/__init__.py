"""The REST API and web UI server (FastAPI). ``create_app(settings)`` builds one app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    from chancery.api.app import create_app as build

    return build(*args, **kwargs)


__all__ = ["create_app"]
