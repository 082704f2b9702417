"""A cheap language gate: Chancery's lexicons and model are English, so other text is reported, not mis-coded.

Two signals, both robust on news text: the share of Latin letters among letters (Cyrillic, Arabic,
CJK text fails at once), and, for Latin-script text, function words of English against those of
other Latin-script languages (`lang/en/function_words.toml`). English headlines and terse
sentences carry few function words, so English is only rejected when another language's function
words clearly outnumber it: a false alarm would drop a real English article. Short texts pass.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from chancery.lang.loader import load_lexicon

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MIN_WORDS = 12
MIN_LATIN_SHARE = 0.6
MIN_OTHER_SHARE = 0.15


def _script_latin_share(sample: str) -> float:
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


@dataclass(frozen=True)
class LanguageGate:
    english: frozenset[str]
    others: dict[str, frozenset[str]]

    @classmethod
    def load(cls, lexicon_dir: str | None = None) -> LanguageGate:
        data = load_lexicon("function_words", lexicon_dir=lexicon_dir)
        return cls(frozenset(data["english"]),
                   {name: frozenset(words) for name, words in data.get("other", {}).items()})

    def non_english_reason(self, text: str, sample_chars: int = 20_000) -> str | None:
        """Why ``text`` does not look like English, or None when it does (or is too short to tell)."""
        sample = text[:sample_chars]
        words = _WORD.findall(sample)
        if len(words) < MIN_WORDS:
            return None
        latin = _script_latin_share(sample)
        if latin < MIN_LATIN_SHARE:
            return f"mostly non-Latin script ({latin:.0%} Latin letters)"
        lowered = [w.lower() for w in words]
        english = sum(1 for w in lowered if w in self.english) / len(words)
        for language, vocab in self.others.items():
            other = sum(1 for w in lowered if w in vocab) / len(words)
            if other >= MIN_OTHER_SHARE and other > 2 * english:
                return f"looks {language} ({other:.0%} {language} function words, {english:.0%} English)"
        return None


@lru_cache(maxsize=1)
def shipped_gate() -> LanguageGate:
    """The gate built from the shipped word lists, read once on first use (immutable, safe to share)."""
    return LanguageGate.load()


def non_english_reason(text: str) -> str | None:
    return shipped_gate().non_english_reason(text)
