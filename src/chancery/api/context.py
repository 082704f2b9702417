"""What one server process holds: settings, one lazily loaded pipeline, one lazily opened ledger."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from chancery.settings import Settings

if TYPE_CHECKING:
    from chancery.extract import Extractor
    from chancery.ingest.article import Article
    from chancery.ledger import Ledger
    from chancery.records import Extraction


class ApiContext:
    """Per-app state (on ``app.state.chancery``); nothing here is global to the process.

    The spaCy pipeline and the database are opened on first use, so the server starts at once
    and a read-only ledger browser never loads a model.
    """

    def __init__(self, settings: Settings, extractor: Extractor | None = None,
                 ledger: Ledger | None = None) -> None:
        self.settings = settings
        self._extractor = extractor
        self._ledger = ledger
        self._owns_ledger = ledger is None
        self._loaded_finder: Any = None
        self._extract_lock = threading.Lock()  # one pipeline; spaCy components are not re-entrant
        self._open_lock = threading.Lock()

    @property
    def extractor(self) -> Extractor:
        with self._open_lock:
            if self._extractor is None:
                from chancery.extract import Extractor

                self._extractor = Extractor(self.settings)
            return self._extractor

    def extract(self, article: Article, check_claims: bool = True) -> Extraction:
        """The article's record; its ordinal and count claims checked against this server's ledger as of
        the article's date, as `chancery extract` does against its ledger."""
        extractor = self.extractor
        with self._extract_lock:
            extraction = extractor.extract(article)
        if check_claims:
            extraction.claims = self.ledger.check_claims(article.text, extraction)
        return extraction

    def loaded_terms(self, text: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Loaded terms of a stored article, found by the pipeline's own (model-free) finder, since the
        ledger does not keep them."""
        with self._open_lock:
            if self._loaded_finder is None:
                from chancery.nlp.components.loaded import LoadedLanguage

                self._loaded_finder = LoadedLanguage(self.settings.lexicon_dir)
        return self._loaded_finder.find(text, quotes)

    @property
    def ledger(self) -> Ledger:
        with self._open_lock:
            if self._ledger is None:
                from chancery.ledger import Ledger

                self._ledger = Ledger.open(self.settings.db)
            return self._ledger

    def close(self) -> None:
        if self._ledger is not None and self._owns_ledger:
            self._ledger.close()
            self._ledger = None
