"""The ledger's Python API: open a database, ingest extractions, query and check claims.

    from chancery.ledger import Ledger
    with Ledger.open("sqlite:///my.db") as ledger:
        rows = ledger.status("DPR", as_of="2022-07-14")
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from chancery.errors import ChanceryError, ErrorCode, ExitCode
from chancery.ledger import queries
from chancery.ledger import schema as t
from chancery.ledger.db import WRITE, make_engine, migrate, resolve_url
from chancery.ledger.names import Names
from chancery.ledger.reference import load_reference
from chancery.ledger.store import ArticleResult, store_article


class Ledger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.names = Names()
        self._detector: Any = None

    @classmethod
    def open(cls, url: str | None = None, *, reference: bool = True) -> Ledger:
        """Open (creating and migrating if needed) the ledger at ``url``; default: the embedded SQLite file."""
        engine = make_engine(url)
        try:
            migrate(engine)
            ledger = cls(engine)
            if reference:
                ledger.load_reference()
        except SQLAlchemyError as exc:
            engine.dispose()
            raise ChanceryError(ErrorCode.STORAGE, f"cannot open ledger {resolve_url(url)!r}: "
                                f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}", ExitCode.STORAGE) from exc
        return ledger

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- writes (one transaction each) -------------------------------------------------------------
    def load_reference(self) -> None:
        for attempt in range(3):
            try:
                with self.engine.execution_options(**WRITE).begin() as conn:
                    load_reference(conn)
                return
            except IntegrityError:  # another process loaded it at the same moment
                if attempt == 2:
                    raise

    def ingest(self, text: str, extraction: Any) -> ArticleResult:
        """Store one article and its extraction atomically; an article already stored is a no-op."""
        for attempt in range(3):
            try:
                with self.engine.execution_options(**WRITE).begin() as conn:
                    return store_article(conn, text, extraction)
            except IntegrityError:
                # A concurrent writer stored this article, or created the same new fact, first.
                with self.engine.connect() as conn:
                    if conn.execute(select(t.articles.c.id).where(t.articles.c.id == extraction.id)).first():
                        return ArticleResult(extraction.id, stored=False)
                if attempt == 2:
                    raise
            except OperationalError as exc:
                raise ChanceryError(ErrorCode.STORAGE, f"could not write article {extraction.id}: {exc.orig}",
                                    ExitCode.STORAGE) from exc
        raise AssertionError("unreachable")

    # -- reads -------------------------------------------------------------------------------------
    def resolve(self, text: str) -> str:
        return self.names.resolve(text)

    def status(self, entity: str, as_of: str | None = None) -> list[queries.StatusRow]:
        with self.engine.connect() as conn:
            return queries.status(conn, entity, as_of, self.names)

    def timeline(self, entity: str) -> list[queries.FactRow]:
        with self.engine.connect() as conn:
            return queries.timeline(conn, entity, self.names)

    def positions(self, state: str, as_of: str | None = None) -> list[queries.StatusRow]:
        with self.engine.connect() as conn:
            return queries.positions(conn, state, as_of, self.names)

    def evidence(self, fact_id: str) -> queries.FactEvidence | None:
        with self.engine.connect() as conn:
            return queries.evidence(conn, fact_id, self.names)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {table.name: int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
                    for table in (t.articles, t.events, t.facts, t.evidence, t.disputes)}

    # -- claims ------------------------------------------------------------------------------------
    def check_claims(self, text: str, extraction: Any, as_of: str | None = None) -> list[dict[str, Any]]:
        """Detect the article's ordinal/count claims and check each against the ledger as of its date."""
        from chancery.claims.detect import ClaimDetector
        from chancery.ledger.claims import check_claim

        if self._detector is None:
            self._detector = ClaimDetector()
        candidates = self._detector.detect(text, extraction)
        if not candidates:
            return []
        out: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            for claim in candidates:
                out.extend(check_claim(conn, claim, as_of or extraction.published, self.names))
        return out
