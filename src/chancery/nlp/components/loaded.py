"""Component ``chancery_loaded``: loaded or derogatory terms, and whose words they are.

Terms come from ``lang/en/loaded.toml`` (categories of phrases), extended by a user's
``loaded.toml`` in ``lexicon_dir``. A term inside a quote's content is in that speaker's voice
(``voice: "quoted"``, ``speaker``: the quote's speaker name); anywhere else it is the author's.
A ``[neutral]`` list holds longer phrases that contain a term but carry no judgement
("sanctions regime"); they block the term they contain.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from chancery.lang.loader import load_lexicon


class LoadedLanguage:
    def __init__(self, lexicon_dir: str | None = None) -> None:
        data = load_lexicon("loaded", lexicon_dir=lexicon_dir)
        self.category: dict[str, str] = {}
        for category, terms in data.get("terms", {}).items():
            for term in terms:
                self.category.setdefault(" ".join(str(term).lower().split()), str(category))
        neutral = [" ".join(str(t).lower().split()) for t in data.get("neutral", {}).get("phrases", [])]
        phrases = sorted(set(self.category) | set(neutral), key=len, reverse=True)
        self.neutral = frozenset(neutral)
        self.pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?![\w-])",
            re.IGNORECASE) if phrases else None

    def __call__(self, doc: Doc) -> Doc:
        doc._.loaded = self.find(doc.text, doc._.quotes or [])
        return doc

    def find(self, text: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            term = " ".join(m.group(0).lower().split())
            if term in self.neutral or term not in self.category:
                continue
            quote = _quote_at(quotes, m.start())
            speaker = (quote.get("speaker") or {}) if quote else {}
            out.append({"text": m.group(0), "start": m.start(), "end": m.end(), "term": term,
                        "category": self.category[term], "voice": "quoted" if quote else "author",
                        "speaker": (speaker.get("name") or speaker.get("text")) if quote else None})
        return out


def _quote_at(quotes: list[dict[str, Any]], at: int) -> dict[str, Any] | None:
    holding = [q for q in quotes if q["start"] <= at < q["end"]
               and (not q.get("segments") or any(a <= at < b for a, b in q["segments"]))]
    return min(holding, key=lambda q: q["end"] - q["start"]) if holding else None


@Language.factory("chancery_loaded", assigns=["doc._.loaded"], requires=[], default_config={"lexicon_dir": None})
def make_loaded(nlp: Language, name: str, lexicon_dir: str | None) -> LoadedLanguage:
    return LoadedLanguage(lexicon_dir)
