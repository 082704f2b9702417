"""The Alembic migrations build exactly the tables schema.py declares, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from chancery.ledger.db import make_engine, migrate
from chancery.ledger.schema import metadata


def test_migrations_match_the_schema(ledger_url):
    engine = make_engine(ledger_url)
    try:
        migrate(engine)
        migrate(engine)  # running again is a no-op
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
            assert diff == [], diff
            assert MigrationContext.configure(conn).get_current_revision() == "0001_initial"
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("facts")}
        assert {"ix_facts_target_date", "ix_facts_actor_date", "ix_facts_act"} <= indexes
    finally:
        engine.dispose()


def test_sqlite_ledger_uses_wal_and_a_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'l.db'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    finally:
        engine.dispose()


def test_bare_paths_and_postgres_urls_resolve():
    from chancery.ledger.db import resolve_url

    assert resolve_url("/tmp/x.db") == "sqlite:////tmp/x.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(None).startswith("sqlite:///") and resolve_url(None).endswith("ledger.sqlite3")
