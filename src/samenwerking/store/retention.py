"""Retention: remove cases closed longer ago than a period from every snapshot.

A case is purged when it is no longer open (resolved or closed) and its ``closed`` date
lies more than ``older_than`` before ``today``. A case without a closing date is kept:
the store cannot tell how long ago it ended. Everything else in the snapshots stays as it
was; each purge is logged (when, the rule, how many cases from how many snapshots).

Example
-------
>>> import datetime as dt
>>> from samenwerking.model import Case, CaseId, CaseStatus, SupportLevel
>>> old = Case(CaseId("c-1"), "Dorp", SupportLevel.EXTRA, status=CaseStatus.CLOSED,
...            closed=dt.date(2015, 3, 1))
>>> is_expired(old, closed_before=dt.date(2020, 1, 1))
True
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from samenwerking.convert import structure
from samenwerking.model import Case, CaseStatus
from samenwerking.store import schema as t

__all__ = ["PurgeEntry", "PurgeResult", "is_expired", "purge_cases"]


@attrs.frozen
class PurgeResult:
    """What a purge removed (or, with ``dry_run``, would remove)."""

    today: dt.date
    """The reference day."""
    closed_before: dt.date
    """Cases closed before this day were purged: ``today - older_than``."""
    cases: int
    """Case records removed, summed over the snapshots."""
    per_snapshot: tuple[tuple[int, int], ...]
    """``(snapshot id, cases removed)`` for every snapshot that lost cases."""
    dry_run: bool
    """True if nothing was removed: the figures say what a purge would do."""


@attrs.frozen
class PurgeEntry:
    """One purge in the store's log (:meth:`Store.purges`)."""

    id: int
    """The purge's number in the log."""
    purged_at: dt.datetime
    """When it was done (UTC)."""
    today: dt.date
    """The reference day it was done for."""
    older_than: dt.timedelta
    """The retention period."""
    closed_before: dt.date
    """Cases closed before this day were removed."""
    cases: int
    """Case records removed, summed over the snapshots."""
    snapshots: int
    """Snapshots that lost cases."""


def is_expired(case: Case, *, closed_before: dt.date) -> bool:
    """True if ``case`` is resolved or closed, on a day before ``closed_before``."""
    return (
        case.status is not CaseStatus.OPEN
        and case.closed is not None
        and case.closed < closed_before
    )


def purge_cases(
    conn: Connection, *, today: dt.date, older_than: dt.timedelta, dry_run: bool
) -> PurgeResult:
    """Remove expired cases from every snapshot, within the caller's write transaction."""
    closed_before = today - older_than
    sr, rec = t.snapshot_records, t.records
    rows = conn.execute(
        sa.select(sr.c.snapshot_id, sr.c.position, rec.c.body)
        .join(rec, rec.c.hash == sr.c.record_hash)
        .where(sr.c.kind == "cases")
        .order_by(sr.c.snapshot_id, sr.c.position)
    ).all()
    expired: dict[int, list[int]] = {}
    for snapshot_id, position, body in rows:
        case = structure(json.loads(body), Case, source="store")
        if is_expired(case, closed_before=closed_before):
            expired.setdefault(snapshot_id, []).append(position)
    per_snapshot = tuple((sid, len(positions)) for sid, positions in sorted(expired.items()))
    result = PurgeResult(
        today=today,
        closed_before=closed_before,
        cases=sum(n for _, n in per_snapshot),
        per_snapshot=per_snapshot,
        dry_run=dry_run,
    )
    if dry_run:
        return result
    for snapshot_id, positions in expired.items():
        conn.execute(
            sr.delete().where(
                sr.c.snapshot_id == snapshot_id,
                sr.c.kind == "cases",
                sr.c.position.in_(positions),
            )
        )
        row = conn.execute(
            sa.select(t.snapshots.c.counts, t.snapshots.c.purged_cases).where(
                t.snapshots.c.id == snapshot_id
            )
        ).one()
        counts = dict(row.counts)
        counts["cases"] = int(counts.get("cases", 0)) - len(positions)
        conn.execute(
            t.snapshots.update()
            .where(t.snapshots.c.id == snapshot_id)
            .values(counts=counts, purged_cases=row.purged_cases + len(positions))
        )
    conn.execute(
        t.purges.insert().values(
            purged_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            today=today,
            older_than_days=older_than.days,
            closed_before=closed_before,
            cases=result.cases,
            snapshots=len(per_snapshot),
        )
    )
    return result
