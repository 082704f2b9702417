"""Opening a ledger: the URL in force, engine options, migrations, reference facts on first use."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from chancery.errors import ChanceryError, ErrorCode, ExitCode

BUSY_TIMEOUT_MS = 30_000
WRITE = {"ledger_write": True}  # execution option: take SQLite's write lock at BEGIN


def default_url() -> str:
    """The embedded ledger: a SQLite file in the per-user data directory."""
    import platformdirs

    return f"sqlite:///{Path(platformdirs.user_data_dir('chancery')) / 'ledger.sqlite3'}"


def resolve_url(url: str | None) -> str:
    if not url:
        return default_url()
    if "://" not in url:  # a bare path means a SQLite file
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode = WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers lock at BEGIN so two writers queue on busy_timeout instead of deadlocking on upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ledger_write") else "BEGIN")


def make_engine(url: str | None) -> Engine:
    resolved = resolve_url(url)
    try:
        if resolved.startswith("sqlite"):
            from sqlalchemy.pool import StaticPool

            path = resolved.split(":///", 1)[1] if ":///" in resolved else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
                engine = create_engine(resolved, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            else:  # one shared connection, or each checkout would see a different empty database
                engine = create_engine("sqlite://", poolclass=StaticPool,
                                       connect_args={"check_same_thread": False})
            _sqlite_setup(engine)
            return engine
        return create_engine(resolved, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError, ValueError, OSError) as exc:
        raise ChanceryError(ErrorCode.STORAGE, f"cannot open ledger {resolved!r}: {exc}", ExitCode.STORAGE) from exc


# Alembic's `context` is one process-wide proxy: two threads migrating at once corrupt each other.
_MIGRATION_LOCK = threading.Lock()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (Alembic, run in-process; no alembic.ini)."""
    from importlib import resources

    from alembic import command
    from alembic.config import Config
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(resources.files("chancery.ledger") / "migrations"))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with _MIGRATION_LOCK, engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
