"""Writing extraction records into the ledger, one transaction per article (used by the Dask
bulk load and by the feed watcher)."""

from __future__ import annotations

from typing import Any


class LedgerSink:
    """Opens the ledger at ``url`` (migrated, reference facts loaded) and stores articles."""

    def __init__(self, url: str | None) -> None:
        from chancery.ledger.db import WRITE, make_engine, migrate
        from chancery.ledger.reference import load_reference

        self.engine = make_engine(url)
        migrate(self.engine)
        self._writer = self.engine.execution_options(**WRITE)
        with self._writer.begin() as conn:
            load_reference(conn)

    def write(self, text: str, extraction: Any) -> bool:
        """Store one article with everything extracted from it; False when it was already there."""
        from chancery.ledger.store import store_article

        with self._writer.begin() as conn:
            return store_article(conn, text, extraction).stored

    def close(self) -> None:
        self.engine.dispose()
