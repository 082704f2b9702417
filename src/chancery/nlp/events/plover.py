"""The PLOVER lexicon: trigger lemmas and frames → PLOVER root and CAMEO code (stub, being filled)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PloverLexicon:
    verbs: dict[str, Any] = field(default_factory=dict)


def load_plover_lexicon(lexicon_dir: str | None = None) -> PloverLexicon:
    return PloverLexicon()
