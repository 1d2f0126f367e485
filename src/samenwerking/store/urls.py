"""Where a store lives: a file path or ``sqlite:///`` URL (SQLite) or a PostgreSQL URL.

Example
-------
>>> store_url("years.db").drivername
'sqlite'
>>> shown(store_url("postgresql://steward:secret@db.example/regio"))
'postgresql+psycopg://steward:***@db.example/regio'
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from samenwerking.store.errors import StoreArgumentError

__all__ = ["is_sqlite", "shown", "sqlite_path", "store_url"]

_POSTGRES = {"postgresql", "postgres", "postgresql+psycopg"}


def store_url(where: str | os.PathLike[str]) -> URL:
    """The SQLAlchemy URL of a store given as a path, a ``sqlite:///`` or PostgreSQL URL.

    A path (anything without ``://``) is an SQLite file, made absolute. ``postgresql://``
    and ``postgres://`` use the psycopg 3 driver (``postgresql+psycopg://``).

    Raises
    ------
    StoreArgumentError
        For another kind of database or a URL that cannot be read; the message hides any
        password.

    Example
    -------
    >>> store_url("sqlite:///:memory:").database
    ':memory:'
    """
    if isinstance(where, os.PathLike) or "://" not in where:
        text = os.fspath(where)
        if not text.strip():
            raise StoreArgumentError("the store must be a file path or a database URL (got '')")
        return URL.create("sqlite", database=str(Path(text).expanduser().absolute()))
    try:
        url = make_url(where)
    except ArgumentError:
        scheme = where.split("://", 1)[0]
        raise StoreArgumentError(f"not a database URL (scheme {scheme!r}://...)") from None
    if url.drivername in ("sqlite", "sqlite+pysqlite"):
        database = url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            database = str(Path(database).expanduser().absolute())
        return url.set(drivername="sqlite", database=database or ":memory:")
    if url.drivername in _POSTGRES:
        return url.set(drivername="postgresql+psycopg")
    raise StoreArgumentError(
        f"unsupported database {url.drivername!r} in {shown(url)!r}: use a file path, "
        "sqlite:///PATH or postgresql://USER@HOST/DATABASE"
    )


def shown(url: URL) -> str:
    """The URL as text with the password replaced by ``***``, for messages."""
    return url.render_as_string(hide_password=True)


def is_sqlite(url: URL) -> bool:
    """True for an SQLite store."""
    return url.get_backend_name() == "sqlite"


def sqlite_path(url: URL) -> Path | None:
    """The file of an SQLite store, or ``None`` for an in-memory one or another database."""
    if not is_sqlite(url) or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
