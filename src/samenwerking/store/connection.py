"""The database connection: SQLite or PostgreSQL engines, read and write transactions, errors.

A write transaction holds the store's one writer lock for its whole length: SQLite's
``BEGIN IMMEDIATE`` (the file's reserved lock) or a PostgreSQL transaction-level advisory
lock. A second writer waits up to ``timeout`` seconds and then gets a
:class:`~samenwerking.store.errors.StoreBusyError`; readers are never blocked by the lock
itself. Read transactions see one consistent state (PostgreSQL ``REPEATABLE READ``).

Example
-------
>>> import tempfile, pathlib, sqlalchemy as sa
>>> from samenwerking.store.urls import store_url
>>> db = Database(store_url(pathlib.Path(tempfile.mkdtemp()) / "s.db"), timeout=1.0)
>>> with db.write("trying") as conn:
...     conn.execute(sa.text("select 1")).scalar()
1
>>> db.dispose()
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool, StaticPool

from samenwerking.store.errors import NotAStoreError, StoreBusyError, StoreError
from samenwerking.store.urls import is_sqlite, shown

__all__ = ["Database"]

_WRITE = "samenwerking_write"
# Any fixed number: the PostgreSQL advisory lock that serialises writers of one database.
_PG_LOCK_KEY = 0x5357_0001


class Database:
    """An engine for one store, with the transactions the store needs."""

    def __init__(self, url: URL, *, timeout: float) -> None:
        self.url = url
        self.shown = shown(url)
        self.timeout = timeout
        self.sqlite = is_sqlite(url)
        self.engine = self._engine()

    def _engine(self) -> Engine:
        if not self.sqlite:
            try:
                return sa.create_engine(
                    self.url, poolclass=NullPool, connect_args={"connect_timeout": 10}
                )
            except ImportError:
                raise StoreError(
                    "PostgreSQL needs the psycopg 3 driver: pip install 'samenwerking[postgres]'",
                    url=self.shown,
                ) from None
        # An in-memory database lives as long as its one connection: keep that one.
        memory = self.url.database in (None, "", ":memory:")
        engine = sa.create_engine(
            self.url,
            poolclass=StaticPool if memory else NullPool,
            connect_args={"timeout": self.timeout, "check_same_thread": False},
        )

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            # pysqlite's own transaction handling is switched off: BEGIN is sent below.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            # Deleted and purged records are overwritten, not left in the file's free pages.
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            write = conn.get_execution_options().get(_WRITE, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine

    @contextmanager
    def read(self, what: str) -> Iterator[Connection]:
        """A read-only transaction that sees one consistent state of the store."""
        with self._translated(what), self.engine.connect() as conn:
            if not self.sqlite:
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self, what: str) -> Iterator[Connection]:
        """A transaction holding the writer lock; committed only if the block succeeds."""
        with self._translated(what), self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            with conn.begin():
                if not self.sqlite:
                    milliseconds = max(1, int(self.timeout * 1000))
                    conn.execute(sa.text(f"SET LOCAL lock_timeout = {milliseconds}"))
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
                yield conn

    @contextmanager
    def _translated(self, what: str) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except SQLAlchemyError as error:
            raise self.translate(error, what) from error

    def translate(self, error: SQLAlchemyError, what: str) -> StoreError:
        """A database error as a :class:`StoreError` naming the store and what was being done."""
        original = error.orig if isinstance(error, DBAPIError) else None
        text = str(original if original is not None else error).strip().splitlines()
        detail = text[0] if text else type(error).__name__
        if _is_busy(original):
            return StoreBusyError(
                f"{what}: another writer is using the store; waited {self.timeout:g} s "
                "(try again later, or allow longer with timeout=)",
                url=self.shown,
            )
        if isinstance(original, sqlite3.DatabaseError) and "not a database" in detail:
            return NotAStoreError(f"{what}: the file is not an SQLite database", url=self.shown)
        return StoreError(f"{what}: {type(original or error).__name__}: {detail}", url=self.shown)

    def dispose(self) -> None:
        """Close every connection."""
        self.engine.dispose()


def _is_busy(original: object) -> bool:
    if isinstance(original, sqlite3.OperationalError):
        return "locked" in str(original) or "busy" in str(original)
    return getattr(original, "sqlstate", None) == "55P03"  # lock_not_available
