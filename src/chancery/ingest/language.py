"""A cheap language gate: Chancery's lexicons and model are English, so other text is reported, not mis-coded.

Two signals, both robust on news text: the share of Latin letters among letters (Cyrillic, Arabic,
CJK text fails at once) and the share of English function words among words (French, German,
Spanish written in Latin letters fail here). Short texts pass: there is too little to judge.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from his her has have had be are were an "
    "this which or but not its their they he she we said would will who been after over also than "
    "into about more two one there all when up out if no new can could so what our them told us "
    "against its been between during under while".split()
)
MIN_WORDS = 12
MIN_LATIN_SHARE = 0.6
MIN_FUNCTION_SHARE = 0.08


def _script_latin_share(sample: str) -> float:
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def non_english_reason(text: str, sample_chars: int = 20_000) -> str | None:
    """Why ``text`` does not look like English, or None when it does (or is too short to tell)."""
    sample = text[:sample_chars]
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    latin = _script_latin_share(sample)
    if latin < MIN_LATIN_SHARE:
        return f"mostly non-Latin script ({latin:.0%} Latin letters)"
    share = sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS) / len(words)
    if share < MIN_FUNCTION_SHARE:
        return f"few English function words ({share:.0%} of words)"
    return None
