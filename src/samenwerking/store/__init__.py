"""A store of dated snapshots of regions, in SQLite (one file) or PostgreSQL.

Each snapshot is a whole :class:`~samenwerking.model.Region` as of a day. Adding,
deleting and purging are single transactions; records and tie chunks that did not change
between snapshots are stored once; loading gives exactly the region that was added. The
schema is created and upgraded with Alembic when a store is opened. See ``docs/store.md``.

Example
-------
>>> import datetime as dt, tempfile, pathlib
>>> from samenwerking import example_region
>>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "years.db") as store:
...     first = store.add(example_region(), as_of=dt.date(2025, 6, 1), note="survey 2025")
...     store.latest().name, first.label()
('Lindenhoeve', 'snapshot 1 (as of 2025-06-01)')
"""

try:
    import alembic  # noqa: F401
    import sqlalchemy  # noqa: F401
except ImportError as missing:  # pragma: no cover - the test extra installs both
    raise ImportError(
        "samenwerking.store needs SQLAlchemy and Alembic: pip install 'samenwerking[store]' "
        "(or 'samenwerking[postgres]' for PostgreSQL)"
    ) from missing

from samenwerking.store.errors import (
    NotAStoreError,
    SnapshotExistsError,
    SnapshotNotFoundError,
    StoreArgumentError,
    StoreBusyError,
    StoreError,
    StoreNotFoundError,
    StoreVersionError,
)
from samenwerking.store.retention import PurgeEntry, PurgeResult
from samenwerking.store.snapshots import SnapshotCounts, SnapshotInfo
from samenwerking.store.store import Storage, Store, open_store

__all__ = [
    "NotAStoreError",
    "PurgeEntry",
    "PurgeResult",
    "SnapshotCounts",
    "SnapshotExistsError",
    "SnapshotInfo",
    "SnapshotNotFoundError",
    "Storage",
    "Store",
    "StoreArgumentError",
    "StoreBusyError",
    "StoreError",
    "StoreNotFoundError",
    "StoreVersionError",
    "open_store",
]
