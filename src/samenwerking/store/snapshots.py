"""What the store tells about its snapshots: :class:`SnapshotInfo` and :class:`SnapshotCounts`.

Example
-------
>>> from samenwerking.model import Region
>>> SnapshotCounts.of(Region("Dorp")).professionals
0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from samenwerking.model import Region

__all__ = ["SnapshotCounts", "SnapshotInfo"]


@attrs.frozen
class SnapshotCounts:
    """How many records of each kind a snapshot holds."""

    organisations: int = 0
    professionals: int = 0
    ties: int = 0
    agreements: int = 0
    agendas: int = 0
    working_groups: int = 0
    meetings: int = 0
    cases: int = 0

    @classmethod
    def of(cls, region: Region) -> SnapshotCounts:
        """The counts of a region."""
        return cls(
            organisations=len(region.organisations),
            professionals=len(region.professionals),
            ties=len(region.ties),
            agreements=len(region.agreements),
            agendas=len(region.agendas),
            working_groups=len(region.working_groups),
            meetings=len(region.meetings),
            cases=len(region.cases),
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> SnapshotCounts:
        """Counts as stored (unknown keys, from a newer release, are left out)."""
        names = {a.name for a in attrs.fields(cls)}
        return cls(**{k: int(v) for k, v in data.items() if k in names})

    def as_dict(self) -> dict[str, int]:
        """The counts by kind."""
        return attrs.asdict(self)


@attrs.frozen
class SnapshotInfo:
    """One stored snapshot: which it is, when it was taken and added, and what it holds."""

    id: int
    """The store's number for the snapshot (never reused)."""
    as_of: dt.date
    """The day the region was as described (one snapshot per day)."""
    note: str
    """What the person who added it wrote about it."""
    added_at: dt.datetime
    """When it was added (UTC)."""
    region_name: str
    """The region's name."""
    counts: SnapshotCounts
    """How many organisations, professionals, ties, ... it holds (now: after any purge)."""
    purged_cases: int = 0
    """Cases removed from it by retention purges (:meth:`Store.purge`) since it was added."""

    def label(self) -> str:
        """``snapshot 3 (as of 2025-06-01)``, as messages name it."""
        return f"snapshot {self.id} (as of {self.as_of.isoformat()})"
