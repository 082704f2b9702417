"""Read shipped language data, merged with a user's own folder of the same file names.

A user file ``<lexicon_dir>/<name>.toml`` extends the shipped one: tables merge key by key and
lists are appended, so users add terms without copying ours.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def load_lexicon(name: str, lang: str = "en", lexicon_dir: str | None = None) -> dict[str, Any]:
    """Load ``lang/<lang>/<name>.toml`` (``name`` may contain a sub-folder, e.g. ``actors/states``)."""
    package = resources.files("chancery.lang").joinpath(lang, f"{name}.toml")
    data: dict[str, Any] = tomllib.loads(package.read_text(encoding="utf-8"))
    if lexicon_dir:
        user = Path(lexicon_dir) / f"{name}.toml"
        if user.is_file():
            data = _merge(data, tomllib.loads(user.read_text(encoding="utf-8")))
    return data
