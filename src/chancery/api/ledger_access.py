"""Opening the ledger for the server: the ledger package's own engine, migrations and reference load."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine


def open_engine(url: str | None) -> Engine:
    from sqlalchemy.exc import SQLAlchemyError

    from chancery.errors import ChanceryError, ErrorCode, ExitCode
    from chancery.ledger.db import WRITE, make_engine, migrate
    from chancery.ledger.reference import load_reference

    engine = make_engine(url)
    try:
        migrate(engine)
        with engine.connect().execution_options(**WRITE) as conn, conn.begin():
            load_reference(conn)
    except SQLAlchemyError as exc:
        raise ChanceryError(ErrorCode.STORAGE, f"cannot prepare the ledger: {exc}", ExitCode.STORAGE) from exc
    return engine
