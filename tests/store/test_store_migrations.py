"""Schema migrations: a store of the first schema opens and is upgraded; newer ones are refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from store_helpers import grown, small_region

from samenwerking.store import StoreVersionError, open_store
from samenwerking.store.connection import Database
from samenwerking.store.migrate import VERSION_TABLE, _upgrade, current_revision, known_revisions
from samenwerking.store.schema import HEAD, metadata
from samenwerking.store.urls import store_url as to_url

FIXTURE = Path(__file__).parents[1] / "fixtures" / "store" / "schema-0001.db"
# The tables of the first schema, parents before children.
FIRST_TABLES = ("blobs", "records", "snapshots", "snapshot_records", "snapshot_ties", VERSION_TABLE)


def _revision(url: str) -> str | None:
    engine = sa.create_engine(to_url(url), poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        revision = current_revision(conn)
    engine.dispose()
    return revision


def _first_schema_store(store_url: str, tmp_path: Path) -> str:
    """A store of the first schema holding the fixture's data, on the backend under test."""
    if store_url.startswith("sqlite"):
        copy = tmp_path / "old.db"
        shutil.copyfile(FIXTURE, copy)
        return f"sqlite:///{copy}"
    db = Database(to_url(store_url), timeout=10)
    with db.write("making a first-schema store") as conn:
        _upgrade(conn, "0001")
    source = sa.create_engine(f"sqlite:///{FIXTURE}", poolclass=sa.pool.NullPool)
    old = sa.MetaData()
    with source.connect() as read, db.engine.begin() as write:
        old.reflect(read)
        for name in FIRST_TABLES:
            target = sa.Table(name, sa.MetaData(), autoload_with=write)
            rows = [dict(r._mapping) for r in read.execute(sa.select(old.tables[name]))]
            if name == VERSION_TABLE:
                write.execute(target.delete())
            write.execute(target.insert(), rows)
        # Rows were copied with their ids: move the id sequence past them, as adding would.
        write.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence('snapshots', 'id'), max(id)) FROM snapshots"
            )
        )
    source.dispose()
    db.dispose()
    return store_url


def test_the_fixture_is_of_the_first_schema() -> None:
    assert _revision(f"sqlite:///{FIXTURE}") == "0001" == known_revisions()[0]


def test_a_store_of_the_first_schema_opens_upgraded_with_its_snapshots(
    store_url: str, tmp_path: Path
) -> None:
    old = _first_schema_store(store_url, tmp_path)
    assert _revision(old) == "0001"
    with open_store(old, create=False) as store:
        listed = store.snapshots()
        assert [(s.id, s.as_of, s.note) for s in listed] == [
            (1, dt.date(2024, 6, 1), "nulmeting"),
            (2, dt.date(2025, 6, 1), "tweede meting"),
        ]
        assert [s.purged_cases for s in listed] == [0, 0]
        assert listed[1].counts.professionals == 8
        assert store.load(1) == small_region(6)
        assert store.load(dt.date(2025, 6, 1)) == grown(small_region(6), 2)
        # The upgraded store does what the new schema is for.
        result = store.purge(older_than=dt.timedelta(days=365), today=dt.date(2026, 1, 1))
        assert result.per_snapshot == ((1, 2), (2, 2))
        third = store.add(small_region(7), as_of=dt.date(2026, 6, 1))
        assert store.load(third.id) == small_region(7)
    assert _revision(old) == HEAD


def test_the_schema_module_matches_what_the_migrations_make(store_url: str) -> None:
    open_store(store_url).close()
    engine = sa.create_engine(to_url(store_url), poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


def test_a_store_of_a_newer_schema_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    engine = sa.create_engine(to_url(store_url), poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE {VERSION_TABLE} SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(StoreVersionError) as caught:
        open_store(store_url)
    assert "made by a newer samenwerking (schema revision 0099" in str(caught.value)
    assert _revision(store_url) == "0099"  # left alone
