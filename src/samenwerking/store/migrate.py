"""Create a store's schema, or bring an older one up to date, with Alembic.

The migrations ship inside the package (``samenwerking/store/migrations/versions``) and
run programmatically, in one write transaction: two processes opening a new store at
once do not both create it, and a failed upgrade leaves the old schema as it was.

Example
-------
>>> known_revisions()[:2]
['0001', '0002']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from samenwerking.store.connection import Database
from samenwerking.store.errors import NotAStoreError, StoreNotFoundError, StoreVersionError
from samenwerking.store.schema import HEAD

__all__ = ["VERSION_TABLE", "current_revision", "known_revisions", "migrate"]

VERSION_TABLE = "samenwerking_schema_version"
"""The table in which Alembic records a store's schema revision."""

_MIGRATIONS = Path(__file__).with_name("migrations")


def _script() -> ScriptDirectory:
    return ScriptDirectory(str(_MIGRATIONS))


def known_revisions() -> list[str]:
    """The schema revisions this release knows, oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def current_revision(conn: Connection) -> str | None:
    """The store's schema revision, or ``None`` if the database has no samenwerking schema."""
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return None
    found = conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return found[0] if len(found) == 1 else ",".join(found) or None


def _state(db: Database, conn: Connection, *, create: bool) -> str | None:
    """The revision to upgrade from, ``HEAD`` if up to date; raise if it is no store of ours."""
    revision = current_revision(conn)
    if revision is None:
        others = sorted(sa.inspect(conn).get_table_names())
        if others:
            raise NotAStoreError(
                "not a samenwerking store: the database holds other tables "
                f"({', '.join(others[:5])}) and no {VERSION_TABLE}",
                url=db.shown,
            )
        if not create:
            raise StoreNotFoundError(
                "the database is empty: not a samenwerking store yet "
                "(add a snapshot to create one)",
                url=db.shown,
            )
        return None
    if revision not in known_revisions():
        raise StoreVersionError(
            f"made by a newer samenwerking (schema revision {revision}; this release knows up "
            f"to {HEAD}): upgrade samenwerking to open it",
            url=db.shown,
        )
    return revision


def migrate(db: Database, *, create: bool) -> str | None:
    """Bring the store's schema to ``HEAD``; return the revision it had before (``None``: new).

    Raises
    ------
    NotAStoreError
        The database holds other tables and no samenwerking schema.
    StoreNotFoundError
        The database is empty and ``create`` is false.
    StoreVersionError
        The store's schema is newer than this release knows.
    """
    with db.read("opening") as conn:
        before = _state(db, conn, create=create)
    if before == HEAD:
        return before
    with db.write("creating or upgrading the schema") as conn:
        before = _state(db, conn, create=create)  # another process may have done it meanwhile
        if before != HEAD:
            _upgrade(conn)
    return before


def _upgrade(conn: Connection, destination: str = HEAD) -> None:
    """Run the migrations from the connection's revision up to ``destination``."""
    script = _script()
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))

    def upgrade(revision: Any, _context: Any) -> Any:
        return script._upgrade_revs(destination, revision)

    with EnvironmentContext(config, script, fn=upgrade, destination_rev=destination) as env:
        env.configure(connection=conn, version_table=VERSION_TABLE, transactional_ddl=True)
        with env.begin_transaction():
            env.run_migrations()
