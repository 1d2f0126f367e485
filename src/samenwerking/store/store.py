"""The :class:`Store` of dated snapshots, and :func:`open_store`.

Example
-------
>>> import datetime as dt, tempfile, pathlib
>>> from samenwerking import example_region
>>> path = pathlib.Path(tempfile.mkdtemp()) / "lindenhoeve.db"
>>> with open_store(path) as store:
...     info = store.add(example_region(), as_of=dt.date(2025, 6, 1), note="first survey")
...     store.load(info.id) == example_region(), [s.as_of for s in store.snapshots()]
(True, [datetime.date(2025, 6, 1)])
"""

from __future__ import annotations

import datetime as dt
import os
import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.model import Region
from samenwerking.model.validation import region_problems
from samenwerking.privacy import BsnLikeValueError, check_no_bsn, withhold_bsn
from samenwerking.store import schema as t
from samenwerking.store.connection import Database
from samenwerking.store.encoding import (
    CHUNK_TIES,
    ENCODING,
    Blob,
    Pieces,
    join_region,
    split_region,
)
from samenwerking.store.errors import (
    NotAStoreError,
    SnapshotExistsError,
    SnapshotNotFoundError,
    StoreArgumentError,
    StoreError,
    StoreNotFoundError,
)
from samenwerking.store.migrate import migrate
from samenwerking.store.retention import PurgeEntry, PurgeResult, purge_cases
from samenwerking.store.snapshots import SnapshotCounts, SnapshotInfo
from samenwerking.store.urls import sqlite_path, store_url

__all__ = ["Storage", "Store", "open_store"]

_BATCH = 500


@attrs.frozen
class Storage:
    """How much the store holds, and how much of it snapshots share."""

    snapshots: int
    """Snapshots stored."""
    records: int
    """Distinct records stored (organisations, professionals, ...)."""
    record_references: int
    """Records summed over all snapshots: more than ``records`` when snapshots share them."""
    chunks: int
    """Distinct tie chunks and vocabularies stored."""
    chunk_references: int
    """Tie chunks and vocabularies summed over all snapshots."""


def open_store(
    url: str | os.PathLike[str],
    *,
    create: bool = True,
    timeout: float = 30.0,
    chunk_ties: int = CHUNK_TIES,
) -> Store:
    """Open (and, if needed, create or upgrade) a store of snapshots.

    Parameters
    ----------
    url
        A file path or ``sqlite:///PATH`` for an SQLite store (one file, nothing to run);
        ``postgresql://USER:PASSWORD@HOST/DATABASE`` for a PostgreSQL server (psycopg 3).
    create
        Create the store if it does not exist yet; with ``False`` a missing store raises
        :class:`~samenwerking.store.StoreNotFoundError`.
    timeout
        Seconds to wait for another writer before raising
        :class:`~samenwerking.store.StoreBusyError`.
    chunk_ties
        Ties per stored chunk: snapshots share the chunks of ties that did not change.

    Raises
    ------
    StoreNotFoundError, NotAStoreError, StoreVersionError, StoreArgumentError, StoreError
        Each names the store's URL (without password).

    Example
    -------
    >>> import tempfile, pathlib
    >>> missing = pathlib.Path(tempfile.mkdtemp()) / "none.db"
    >>> try:
    ...     open_store(missing, create=False)
    ... except FileNotFoundError as error:
    ...     print(error.reason)
    no store file here (add a snapshot to create one)
    """
    where = store_url(url)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise StoreArgumentError(f"timeout must be a positive number of seconds (got {timeout!r})")
    if isinstance(chunk_ties, bool) or not isinstance(chunk_ties, int) or chunk_ties < 1:
        raise StoreArgumentError(f"chunk_ties must be a positive integer (got {chunk_ties!r})")
    path = sqlite_path(where)
    if path is not None:
        _check_file(path, create, where.render_as_string(hide_password=True))
    db = Database(where, timeout=float(timeout))
    try:
        migrate(db, create=create)
    except BaseException:
        db.dispose()
        raise
    return Store(db, chunk_ties=chunk_ties)


def _check_file(path: Path, create: bool, shown: str) -> None:
    if path.is_dir():
        raise NotAStoreError("a folder, not a store file", url=shown)
    if path.exists():
        return
    if not create:
        raise StoreNotFoundError("no store file here (add a snapshot to create one)", url=shown)
    if not path.parent.is_dir():
        raise StoreNotFoundError(f"the folder {str(path.parent)!r} does not exist", url=shown)


def _as_date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise StoreArgumentError(
        f"{name} must be a datetime.date (got {value!r}); for text use dt.date.fromisoformat"
    )


def _check_privacy(region: Region, note: str, source: str) -> None:
    """Refuse BSN-like values in the cases (as ``sw.save`` does), the note or the region's name."""
    check_no_bsn(region, source=source)
    problems = [
        Problem(
            "holds a number that looks like a citizen service number (BSN); value withheld",
            source,
            "",
            field,
        )
        for field, text in (("note", note), ("name", region.name))
        if withhold_bsn([Problem(text)])[0].message != text
    ]
    if problems:
        raise BsnLikeValueError(problems, source=source)


def _info(row: sa.Row[Any]) -> SnapshotInfo:
    return SnapshotInfo(
        id=row.id,
        as_of=row.as_of,
        note=row.note,
        added_at=row.added_at.replace(tzinfo=dt.UTC),
        region_name=row.region_name,
        counts=SnapshotCounts.from_mapping(row.counts),
        purged_cases=row.purged_cases,
    )


def _batches(items: Sequence[Any], size: int = _BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Store:
    """Dated snapshots of regions in one database; open one with :func:`open_store`.

    Every change is one transaction: it happens completely or not at all, also when the
    process is killed halfway. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, db: Database, *, chunk_ties: int = CHUNK_TIES) -> None:
        self._db = db
        self._chunk_ties = chunk_ties
        self._closed = False

    @property
    def url(self) -> str:
        """The store's URL, password hidden."""
        return self._db.shown

    def __repr__(self) -> str:
        return f"<Store {self.url}>"

    # -- lifetime ----------------------------------------------------------------------
    def close(self) -> None:
        """Close the store's connections; the store cannot be used afterwards."""
        self._db.dispose()
        self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _open(self) -> Database:
        if self._closed:
            raise StoreError("the store is closed", url=self.url)
        return self._db

    # -- reading -----------------------------------------------------------------------
    def snapshots(self) -> list[SnapshotInfo]:
        """Every snapshot, oldest first (by as-of date).

        Example
        -------
        >>> import tempfile, pathlib
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     store.snapshots()
        []
        """
        query = sa.select(t.snapshots).order_by(t.snapshots.c.as_of, t.snapshots.c.id)
        with self._open().read("listing the snapshots") as conn:
            return [_info(row) for row in conn.execute(query)]

    def snapshot(self, snapshot: int | dt.date) -> SnapshotInfo:
        """The information on one snapshot, by id or by as-of date.

        Raises :class:`SnapshotNotFoundError` (listing the latest snapshots) if there is none.

        Example
        -------
        >>> import tempfile, pathlib
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     _ = store.add(Region("Dorp"), as_of=dt.date(2024, 1, 31), note="nulmeting")
        ...     store.snapshot(dt.date(2024, 1, 31)).note, store.snapshot(1).region_name
        ('nulmeting', 'Dorp')
        """
        with self._open().read(f"reading snapshot {snapshot}") as conn:
            return self._find(conn, snapshot)

    def _find(self, conn: Connection, snapshot: object) -> SnapshotInfo:
        if isinstance(snapshot, bool) or not isinstance(snapshot, int | dt.date):
            raise StoreArgumentError(
                f"snapshot must be an id (int) or an as-of date (datetime.date), got {snapshot!r}",
                url=self.url,
            )
        if isinstance(snapshot, int):
            where = t.snapshots.c.id == snapshot
            wanted = f"with id {snapshot}"
        else:
            day = _as_date(snapshot, "snapshot")
            where = t.snapshots.c.as_of == day
            wanted = f"as of {day.isoformat()}"
        row = conn.execute(sa.select(t.snapshots).where(where)).first()
        if row is None:
            known = conn.execute(
                sa.select(t.snapshots.c.id, t.snapshots.c.as_of).order_by(t.snapshots.c.as_of)
            ).all()
            listed = ", ".join(f"{r.id} ({r.as_of.isoformat()})" for r in known[-5:])
            hint = f"; stored: {listed}" if known else "; the store is empty"
            raise SnapshotNotFoundError(f"no snapshot {wanted}{hint}", url=self.url)
        return _info(row)

    def load(self, snapshot: int | dt.date) -> Region:
        """The region exactly as it was added, by snapshot id or as-of date.

        Raises
        ------
        SnapshotNotFoundError
            No snapshot has that id or date; the message lists the latest ones.

        Example
        -------
        >>> import datetime as dt, tempfile, pathlib
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     _ = store.add(Region("Dorp"), as_of=dt.date(2024, 1, 31))
        ...     store.load(dt.date(2024, 1, 31)).name
        'Dorp'
        """
        with self._open().read(f"loading snapshot {snapshot}") as conn:
            info = self._find(conn, snapshot)
            return self._region(conn, info)

    def latest(self) -> Region:
        """The region of the snapshot with the latest as-of date.

        Raises :class:`SnapshotNotFoundError` if the store holds no snapshot.

        Example
        -------
        >>> import tempfile, pathlib
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     _ = store.add(Region("Dorp 2025"), as_of=dt.date(2025, 6, 1))
        ...     _ = store.add(Region("Dorp 2024"), as_of=dt.date(2024, 6, 1))
        ...     store.latest().name
        'Dorp 2025'
        """
        query = sa.select(t.snapshots).order_by(t.snapshots.c.as_of.desc()).limit(1)
        with self._open().read("loading the latest snapshot") as conn:
            row = conn.execute(query).first()
            if row is None:
                raise SnapshotNotFoundError("no snapshot yet: the store is empty", url=self.url)
            return self._region(conn, _info(row))

    def _region(self, conn: Connection, info: SnapshotInfo) -> Region:
        sr, rec = t.snapshot_records, t.records
        rows = conn.execute(
            sa.select(sr.c.kind, rec.c.body)
            .join(rec, rec.c.hash == sr.c.record_hash)
            .where(sr.c.snapshot_id == info.id)
            .order_by(sr.c.kind, sr.c.position)
        )
        records: dict[str, list[str]] = {}
        for kind, body in rows:
            records.setdefault(kind, []).append(body)
        row = conn.execute(
            sa.select(t.snapshots.c.tie_ids, t.snapshots.c.tie_meetings).where(
                t.snapshots.c.id == info.id
            )
        ).one()
        vocabularies = dict(
            conn.execute(
                sa.select(t.blobs.c.hash, t.blobs.c.body).where(
                    t.blobs.c.hash.in_([row.tie_ids, row.tie_meetings])
                )
            ).all()
        )
        st = t.snapshot_ties
        chunks = conn.execute(
            sa.select(t.blobs.c.body)
            .join(st, st.c.chunk_hash == t.blobs.c.hash)
            .where(st.c.snapshot_id == info.id)
            .order_by(st.c.position)
        ).scalars()
        source = f"store {self.url}, {info.label()}"
        try:
            return join_region(
                info.region_name,
                records,
                (vocabularies[row.tie_ids], vocabularies[row.tie_meetings], list(chunks)),
                source=source,
            )
        except InvalidRegionError:
            raise
        except (zlib.error, struct.error, ValueError, KeyError, TypeError) as damaged:
            raise StoreError(
                f"{info.label()} is damaged and cannot be loaded "
                f"({type(damaged).__name__}: {damaged}); restore the store from a backup",
                url=self.url,
            ) from damaged

    def purges(self) -> list[PurgeEntry]:
        """Every retention purge done on this store, oldest first (see :meth:`purge`).

        Example
        -------
        >>> import tempfile, pathlib
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     _ = store.purge(older_than=dt.timedelta(days=730), today=dt.date(2026, 1, 1))
        ...     [(entry.closed_before, entry.cases) for entry in store.purges()]
        [(datetime.date(2024, 1, 2), 0)]
        """
        query = sa.select(t.purges).order_by(t.purges.c.id)
        with self._open().read("reading the purge log") as conn:
            return [
                PurgeEntry(
                    id=row.id,
                    purged_at=row.purged_at.replace(tzinfo=dt.UTC),
                    today=row.today,
                    older_than=dt.timedelta(days=row.older_than_days),
                    closed_before=row.closed_before,
                    cases=row.cases,
                    snapshots=row.snapshots,
                )
                for row in conn.execute(query)
            ]

    def storage(self) -> Storage:
        """How many records and chunks are stored, and how often snapshots use them.

        Example
        -------
        >>> import tempfile, pathlib
        >>> from samenwerking import example_region
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     _ = store.add(example_region(), as_of=dt.date(2025, 6, 1))
        ...     _ = store.add(example_region(), as_of=dt.date(2026, 6, 1))
        ...     used = store.storage()
        >>> used.record_references == 2 * used.records  # every record stored once
        True
        """

        def count(conn: Connection, table: sa.Table) -> int:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

        with self._open().read("counting what is stored") as conn:
            return Storage(
                snapshots=count(conn, t.snapshots),
                records=count(conn, t.records),
                record_references=count(conn, t.snapshot_records),
                chunks=count(conn, t.blobs),
                chunk_references=count(conn, t.snapshot_ties) + 2 * count(conn, t.snapshots),
            )

    # -- writing -----------------------------------------------------------------------
    def add(self, region: Region, *, as_of: dt.date, note: str = "") -> SnapshotInfo:
        """Add a region as the snapshot as of a date, in one transaction.

        The region is checked first: its references (as :func:`samenwerking.validate`) and
        that no case field, nor the note or the region's name, holds a number that looks like
        a citizen service number (BSN). Nothing is written
        if a check fails, another snapshot has the same date, or anything goes wrong
        while writing.

        Parameters
        ----------
        region : Region
        as_of : datetime.date
            The day the region describes; a store holds one snapshot per day.
        note : str
            What this snapshot is (``"survey 2025"``, ``"after the merger"``).

        Raises
        ------
        BsnLikeValueError
            A case field looks like a BSN (the value is withheld from the message).
        InvalidRegionError
            The region does not validate; every problem is listed.
        SnapshotExistsError
            A snapshot as of that date is stored already (delete it first to replace it).
        StoreBusyError
            Another writer held the store longer than the timeout.

        Example
        -------
        >>> import tempfile, pathlib
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     info = store.add(Region("Dorp"), as_of=dt.date(2024, 1, 31), note="start")
        ...     info.id, info.note, info.counts.professionals
        (1, 'start', 0)
        """
        db = self._open()
        if not isinstance(region, Region):
            raise StoreArgumentError(
                f"region must be a Region (got {type(region).__name__})", url=self.url
            )
        day = _as_date(as_of, "as_of")
        if not isinstance(note, str):
            raise StoreArgumentError(f"note must be text (got {note!r})", url=self.url)
        source = f"the snapshot as of {day.isoformat()} for store {self.url}"
        _check_privacy(region, note, source)
        problems = region_problems(region)
        if problems:
            # As sw.load does: no error shows a BSN-like value, whatever field it is in.
            raise InvalidRegionError(withhold_bsn(problems), source=source)
        pieces = split_region(region, chunk_ties=self._chunk_ties)
        counts = SnapshotCounts.of(region)
        with db.write(f"adding the snapshot as of {day.isoformat()}") as conn:
            existing = conn.execute(
                sa.select(t.snapshots.c.id).where(t.snapshots.c.as_of == day)
            ).scalar()
            if existing is not None:
                raise SnapshotExistsError(
                    f"snapshot {existing} is already as of {day.isoformat()}; nothing was "
                    "written (delete that snapshot first to replace it)",
                    url=self.url,
                )
            self._write_blobs(conn, [pieces.tie_ids, pieces.tie_meetings, *pieces.chunks])
            self._write_records(conn, pieces)
            added_at = dt.datetime.now(dt.UTC)
            snapshot_id = conn.execute(
                t.snapshots.insert()
                .values(
                    as_of=day,
                    note=note,
                    added_at=added_at.replace(tzinfo=None),
                    region_name=region.name,
                    counts=counts.as_dict(),
                    encoding=ENCODING,
                    tie_ids=pieces.tie_ids.hash,
                    tie_meetings=pieces.tie_meetings.hash,
                )
                .returning(t.snapshots.c.id)
            ).scalar_one()
            self._write_members(conn, snapshot_id, pieces)
            if not db.sqlite:
                # Fresh statistics, or PostgreSQL may plan the next load for tiny tables
                # (measured: 420 s instead of 2 s for 100,000 professionals after a small store).
                conn.execute(sa.text("ANALYZE blobs, records, snapshot_records, snapshot_ties"))
        return SnapshotInfo(snapshot_id, day, note, added_at, region.name, counts)

    def _missing(self, conn: Connection, column: sa.Column[str], keys: Iterable[str]) -> set[str]:
        wanted = sorted(set(keys))
        found: set[str] = set()
        for batch in _batches(wanted):
            found.update(conn.execute(sa.select(column).where(column.in_(batch))).scalars())
        return set(wanted) - found

    def _write_blobs(self, conn: Connection, blobs: Sequence[Blob]) -> None:
        unique = {blob.hash: blob for blob in blobs}
        missing = self._missing(conn, t.blobs.c.hash, unique)
        rows = [{"hash": b.hash, "rows": b.rows, "body": b.body} for b in unique.values()]
        for batch in _batches([r for r in rows if r["hash"] in missing], 16):
            conn.execute(t.blobs.insert(), list(batch))

    def _write_records(self, conn: Connection, pieces: Pieces) -> None:
        unique = {r.hash: r for r in pieces.records}
        missing = self._missing(conn, t.records.c.hash, unique)
        rows = [
            {"hash": r.hash, "kind": r.kind, "body": r.body}
            for r in unique.values()
            if r.hash in missing
        ]
        for batch in _batches(rows, 5000):
            conn.execute(t.records.insert(), list(batch))

    def _write_members(self, conn: Connection, snapshot_id: int, pieces: Pieces) -> None:
        positions: dict[str, int] = {}
        members = []
        for record in pieces.records:
            position = positions.get(record.kind, 0)
            positions[record.kind] = position + 1
            members.append(
                {
                    "snapshot_id": snapshot_id,
                    "kind": record.kind,
                    "position": position,
                    "record_hash": record.hash,
                }
            )
        for batch in _batches(members, 10_000):
            conn.execute(t.snapshot_records.insert(), list(batch))
        chunks = [
            {"snapshot_id": snapshot_id, "position": i, "chunk_hash": chunk.hash}
            for i, chunk in enumerate(pieces.chunks)
        ]
        if chunks:
            conn.execute(t.snapshot_ties.insert(), chunks)

    def delete(self, snapshot: int) -> SnapshotInfo:
        """Delete one snapshot by id, in one transaction, and return what it was.

        Records and tie chunks that no other snapshot uses are removed with it.

        Raises :class:`SnapshotNotFoundError` if there is no snapshot with that id.

        Example
        -------
        >>> import tempfile, pathlib
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     info = store.add(Region("Dorp"), as_of=dt.date(2024, 1, 31))
        ...     store.delete(info.id) == info, store.snapshots()
        (True, [])
        """
        if isinstance(snapshot, bool) or not isinstance(snapshot, int):
            raise StoreArgumentError(
                f"delete takes a snapshot id (int), got {snapshot!r}", url=self.url
            )
        with self._open().write(f"deleting snapshot {snapshot}") as conn:
            info = self._find(conn, snapshot)
            for table in (t.snapshot_records, t.snapshot_ties):
                conn.execute(table.delete().where(table.c.snapshot_id == info.id))
            conn.execute(t.snapshots.delete().where(t.snapshots.c.id == info.id))
            _collect_garbage(conn)
        return info

    def purge(
        self,
        *,
        older_than: dt.timedelta,
        today: dt.date | None = None,
        dry_run: bool = False,
    ) -> PurgeResult:
        """Remove from every snapshot the cases closed more than ``older_than`` before ``today``.

        The retention rule for children's data: a resolved or closed case whose ``closed``
        date is before ``today - older_than`` is removed from all snapshots (and from the
        store, once no snapshot uses it); open cases and cases without a closing date stay.
        One transaction; the purge is logged, and each snapshot counts the cases it lost
        (:attr:`SnapshotInfo.purged_cases`).

        Parameters
        ----------
        older_than : datetime.timedelta
            The retention period, at least one day (e.g. ``dt.timedelta(days=2 * 365)``).
        today : datetime.date, optional
            The reference day; the current date by default.
        dry_run : bool
            Only count what would be removed.

        Example
        -------
        >>> import tempfile, pathlib
        >>> from samenwerking.model import Case, CaseId, CaseStatus, SupportLevel
        >>> old = Case(CaseId("c-1"), "Dorp", SupportLevel.EXTRA, status=CaseStatus.CLOSED,
        ...            closed=dt.date(2015, 3, 1))
        >>> with open_store(pathlib.Path(tempfile.mkdtemp()) / "s.db") as store:
        ...     _ = store.add(Region("Dorp", cases=(old,)), as_of=dt.date(2016, 1, 1))
        ...     result = store.purge(older_than=dt.timedelta(days=730), today=dt.date(2020, 1, 1))
        ...     result.cases, store.load(1).cases, store.snapshots()[0].purged_cases
        (1, (), 1)
        """
        if not isinstance(older_than, dt.timedelta) or older_than < dt.timedelta(days=1):
            raise StoreArgumentError(
                f"older_than must be a datetime.timedelta of at least one day (got {older_than!r})",
                url=self.url,
            )
        day = dt.date.today() if today is None else _as_date(today, "today")
        what = f"purging cases closed before {(day - older_than).isoformat()}"
        with self._open().write(what) as conn:
            result = purge_cases(conn, today=day, older_than=older_than, dry_run=dry_run)
            if not dry_run:
                _collect_garbage(conn)
        return result

    def export(
        self, snapshot: int | dt.date, target: str | os.PathLike[str], *, format: str | None = None
    ) -> Path:
        """Write one snapshot with :func:`samenwerking.save` (JSON, CSV folder, ...).

        Example
        -------
        >>> import tempfile, pathlib
        >>> from samenwerking import load
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> with open_store(folder / "s.db") as store:
        ...     _ = store.add(Region("Dorp"), as_of=dt.date(2024, 1, 31))
        ...     written = store.export(1, folder / "dorp.json")
        >>> load(written).name
        'Dorp'
        """
        from samenwerking.io import save

        return save(self.load(snapshot), target, format=format)


def _collect_garbage(conn: Connection) -> None:
    """Remove records and blobs that no snapshot refers to any more."""
    sr, st, snaps = t.snapshot_records, t.snapshot_ties, t.snapshots
    conn.execute(t.records.delete().where(~sa.exists().where(sr.c.record_hash == t.records.c.hash)))
    conn.execute(
        t.blobs.delete().where(
            ~sa.exists().where(st.c.chunk_hash == t.blobs.c.hash),
            ~sa.exists().where(snaps.c.tie_ids == t.blobs.c.hash),
            ~sa.exists().where(snaps.c.tie_meetings == t.blobs.c.hash),
        )
    )
