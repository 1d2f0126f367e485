"""Trends over many snapshots of a region: the headline figures per snapshot, and what changed.

For every snapshot (a date and the region as it was then): the islands and isolates, the
share of ties that cross two groups (domains by default) and the E-I index, whole and per
group, the links between groups that hang on one person (bus factor 1), the schools with
no care contact within reach, the agreements checked (:mod:`samenwerking.governance`) and
the open thuiszitter cases, published only suppressed (:mod:`samenwerking.privacy`). For
every two consecutive snapshots: who joined, who left, new and lost tied pairs, and which
islands merged or split (:func:`samenwerking.analysis.compare`).

Snapshots are read one at a time and only the previous one is kept, so a generator that
loads each snapshot from a store keeps memory to two regions.

Example
-------
>>> import datetime as dt
>>> from samenwerking.synthetic import region
>>> first = region(300, seed=1)
>>> later = first.replace(ties=first.ties.select(range(2000)))
>>> found = trend([(dt.date(2025, 1, 1), first), (dt.date(2026, 1, 1), later)])
>>> len(found.rows), len(found.steps)
(2, 1)
>>> found.steps[0].lost_ties > 0, found.steps[0].joined
(True, ())
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from attrs import field, frozen

from samenwerking._arguments import check_whole
from samenwerking.analysis._input import GROUPINGS, InvalidArgumentError
from samenwerking.analysis.bus_factor import bus_factor
from samenwerking.analysis.change import Delta, IslandMerge, IslandSplit, compare
from samenwerking.analysis.islands import islands
from samenwerking.analysis.mixing import _ei_index
from samenwerking.analysis.reach import nearest_contact
from samenwerking.graph.compact import compact_graph
from samenwerking.model import Region, Sector
from samenwerking.privacy import DEFAULT_THRESHOLD
from samenwerking.tabular import Table, Tabular

__all__ = ["CARE_SECTORS", "Snapshot", "Trend", "TrendRow", "TrendStep", "trend"]

CARE_SECTORS: tuple[str, ...] = (
    Sector.YOUTH_CARE.value,
    Sector.YOUTH_HEALTH.value,
    Sector.FAMILY_CENTRE.value,
    Sector.NEIGHBOURHOOD_TEAM.value,
)
"""The sectors a school should be able to reach: youth care, JGZ, CJG, neighbourhood team."""


@frozen
class Snapshot:
    """A region as it was on one day."""

    as_of: dt.date
    """The day the snapshot describes."""
    region: Region = field(repr=False)
    """The region on that day."""
    note: str | None = None
    """What the snapshot is (e.g. ``"survey 2025"``), if known."""


@frozen(repr=False)
class TrendRow(Tabular):
    """The headline figures of one snapshot."""

    as_of: dt.date
    """The day the snapshot describes."""
    note: str | None
    """The snapshot's note, if it has one."""
    organisations: int
    """Organisations."""
    professionals: int
    """Professionals."""
    tied_pairs: int
    """Distinct pairs of professionals joined by one or more ties."""
    islands: int
    """Connected groups, single people included (as in the report's overview)."""
    isolates: int
    """Professionals without any tie."""
    silos: int
    """Islands of two or more people that hold one group only."""
    largest: int
    """Professionals in the largest island."""
    cross_share: float | None
    """Share of tied pairs between two groups (``None`` without ties)."""
    ei: float | None
    """The whole-network E-I index (``None`` without ties)."""
    ei_by_group: dict[str, float]
    """The E-I index of each group with ties."""
    links: int
    """Pairs of groups with ties between them."""
    fragile_links: tuple[tuple[str, str], ...]
    """The pairs of groups whose every tie hangs on one person (bus factor 1)."""
    schools: int
    """Schools measured for reach."""
    unreached_schools: tuple[str, ...]
    """Schools (organisation ids, sorted) with no care contact within reach."""
    agreements: int
    """Agreements checked."""
    agreements_to_fix: int
    """Agreements with at least one problem (see :attr:`AgreementCheck.problems`)."""
    paper_only: int
    """Agreements of two or more parties with no tie between any two of them."""
    open_thuiszitters: str
    """Open cases of a child still out of school on :attr:`as_of`, as it may be published:
    ``"0"``, ``"fewer than N"`` or the count."""

    def __repr__(self) -> str:
        return (
            f"<TrendRow {self.as_of}: {self.professionals} professionals, {self.islands} "
            f"islands, {self.isolates} isolates, {len(self.fragile_links)} fragile links, "
            f"{len(self.unreached_schools)} schools without care, "
            f"{self.open_thuiszitters} open thuiszitters>"
        )

    def _row(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in _ROW_FIELDS)

    def _tables(self) -> tuple[Table, ...]:
        return (Table("snapshots", tuple(f.name for f in _ROW_FIELDS), [self._row()]),)


_ROW_FIELDS = TrendRow.__attrs_attrs__
"""The columns of a trend's table of snapshots: every :class:`TrendRow` field."""


@frozen(repr=False)
class TrendStep(Tabular):
    """What changed between two consecutive snapshots."""

    since: dt.date
    """The earlier snapshot's day."""
    until: dt.date
    """The later snapshot's day."""
    joined: tuple[str, ...]
    """Professionals in the later snapshot only, sorted."""
    left: tuple[str, ...]
    """Professionals in the earlier snapshot only, sorted."""
    new_ties: int
    """Tied pairs in the later snapshot only."""
    lost_ties: int
    """Tied pairs in the earlier snapshot only."""
    merged: tuple[IslandMerge, ...]
    """Later islands drawing members from two or more earlier ones."""
    split: tuple[IslandSplit, ...]
    """Earlier islands whose remaining members sit in two or more later ones."""
    ei: Delta
    """The whole-network E-I index, before and after."""

    def __repr__(self) -> str:
        return (
            f"<TrendStep {self.since} -> {self.until}: {len(self.joined)} joined, "
            f"{len(self.left)} left, +{self.new_ties}/-{self.lost_ties} tied pairs, "
            f"{len(self.merged)} merged, {len(self.split)} split>"
        )

    _COLUMNS = (
        "since",
        "until",
        "joined",
        "left",
        "new_ties",
        "lost_ties",
        "merged",
        "split",
        "ei_before",
        "ei_after",
    )

    def _row(self) -> tuple[object, ...]:
        return (
            self.since,
            self.until,
            len(self.joined),
            len(self.left),
            self.new_ties,
            self.lost_ties,
            len(self.merged),
            len(self.split),
            self.ei.before,
            self.ei.after,
        )

    def _tables(self) -> tuple[Table, ...]:
        return (Table("steps", self._COLUMNS, [self._row()], index=2),)


@frozen
class Trend(Tabular):
    """The figures of every snapshot, oldest first, and the change between each two."""

    by: str
    """The grouping behind the cross-group share, the E-I index and the bus factor."""
    steps_within: int
    """Within this many steps a care contact counts as within reach."""
    threshold: int
    """Counts of cases from 1 up to (not including) this are published as "fewer than"."""
    rows: tuple[TrendRow, ...] = ()
    """One row per snapshot, oldest first."""
    steps: tuple[TrendStep, ...] = ()
    """One step per two consecutive snapshots (one fewer than :attr:`rows`)."""

    @property
    def latest(self) -> TrendRow | None:
        """The newest snapshot's row (``None`` without snapshots)."""
        return self.rows[-1] if self.rows else None

    def series(self, name: str) -> tuple[Any, ...]:
        """One figure over time: ``trend.series("isolates")`` (a :class:`TrendRow` field).

        Raises :class:`InvalidArgumentError` naming the fields for an unknown ``name``.

        Example
        -------
        >>> import datetime as dt
        >>> from samenwerking.synthetic import region
        >>> trend([(dt.date(2025, 1, 1), region(50, seed=3))]).series("professionals")
        (50,)
        """
        fields = TrendRow.__attrs_attrs__
        names = [f.name for f in fields]
        if name not in names:
            raise InvalidArgumentError(
                f"a trend has no series {name!r}; choose from {', '.join(names)}"
            )
        return tuple(getattr(row, name) for row in self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[TrendRow]:
        return iter(self.rows)

    def __repr__(self) -> str:
        if not self.rows:
            return "<Trend: no snapshots>"
        first, last = self.rows[0], self.rows[-1]
        return (
            f"<Trend {len(self.rows)} snapshot(s) {first.as_of}..{last.as_of}: islands "
            f"{first.islands} -> {last.islands}, isolates {first.isolates} -> {last.isolates}, "
            f"fragile links {len(first.fragile_links)} -> {len(last.fragile_links)}>"
        )

    def _tables(self) -> tuple[Table, ...]:
        names = tuple(f.name for f in _ROW_FIELDS)
        return (
            Table("snapshots", names, [row._row() for row in self.rows]),
            Table("steps", TrendStep._COLUMNS, [step._row() for step in self.steps], index=2),
        )


def trend(
    snapshots: Iterable[tuple[dt.date, Region] | Snapshot | Any],
    *,
    by: str = "domain",
    steps: int = 2,
    care_sectors: Iterable[str] = CARE_SECTORS,
    threshold: int = DEFAULT_THRESHOLD,
) -> Trend:
    """The headline figures of every snapshot of a region, and what changed between them.

    Parameters
    ----------
    snapshots : iterable
        Oldest first: ``(as_of, region)`` pairs, :class:`Snapshot` objects, or any objects
        with ``.as_of`` (a date) and ``.region`` (and, optionally, ``.note``). Dates may
        repeat but never go back. Read one at a time.
    by : {"domain", "sector", "municipality", "organisation"}
        The groups for the cross-group share, the E-I index, the bus factor and the change.
    steps : int
        A school reaches care when one of its members is at most this many steps from a
        professional in ``care_sectors``.
    care_sectors : iterable of str
        The sectors that count as care (default :data:`CARE_SECTORS`).
    threshold : int
        Open thuiszitter counts from 1 up to, not including, this read ``"fewer than N"``
        (default 5, at least 3).

    Returns
    -------
    Trend
        Per snapshot a :class:`TrendRow`; per two consecutive snapshots a
        :class:`TrendStep` taken from :func:`~samenwerking.analysis.compare`. Checks that
        depend on the date (agreements in force, cases still open) use the snapshot's
        ``as_of`` as ``today``.

    Raises
    ------
    InvalidArgumentError
        For an item that is no snapshot, a date that goes back, an unknown ``by`` or
        care sector, a bad ``steps`` or a ``threshold`` below 3.

    Example
    -------
    >>> import datetime as dt
    >>> import samenwerking as sw
    >>> region = sw.example_region()
    >>> row = trend([(dt.date(2026, 11, 23), region)]).rows[0]
    >>> row.islands >= row.isolates, 0 <= row.cross_share <= 1
    (True, True)
    >>> row.open_thuiszitters.isdigit() or row.open_thuiszitters.startswith("fewer than")
    True
    """
    from samenwerking.cases.durations import check_threshold

    if by not in GROUPINGS:
        raise InvalidArgumentError(f"cannot group by {by!r}; choose from {', '.join(GROUPINGS)}")
    within = check_whole(steps, "steps")
    care = tuple(str(s) for s in care_sectors)
    known = {s.value for s in Sector}
    for sector in care:
        if sector not in known:
            raise InvalidArgumentError(
                f"unknown care sector {sector!r}; choose from {', '.join(sorted(known))}"
            )
    limit = check_threshold(threshold)
    rows: list[TrendRow] = []
    changes: list[TrendStep] = []
    previous: Snapshot | None = None
    for position, item in enumerate(snapshots):
        snapshot = _snapshot(item, position)
        if previous is not None and snapshot.as_of < previous.as_of:
            raise InvalidArgumentError(
                f"snapshot {position} (as_of {snapshot.as_of}) is older than snapshot "
                f"{position - 1} (as_of {previous.as_of}); give the snapshots oldest first"
            )
        rows.append(_row(snapshot, by, within, care, limit))
        if previous is not None:
            changes.append(_step(previous, snapshot, by))
        previous = snapshot
    return Trend(by, within, limit, tuple(rows), tuple(changes))


def _snapshot(item: object, position: int) -> Snapshot:
    """``item`` as a :class:`Snapshot`, or an error naming its position."""
    if isinstance(item, Snapshot):
        as_of, region, note = item.as_of, item.region, item.note
    elif isinstance(item, tuple) and len(item) == 2:
        as_of, region, note = item[0], item[1], None
    elif hasattr(item, "as_of") and hasattr(item, "region"):
        as_of, region = item.as_of, item.region
        note = getattr(item, "note", None)
    else:
        raise InvalidArgumentError(
            f"snapshot {position}: expected an (as_of, Region) pair or an object with .as_of "
            f"and .region, got {type(item).__name__}"
        )
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    if not isinstance(as_of, dt.date):
        raise InvalidArgumentError(
            f"snapshot {position}: as_of must be a datetime.date (got {as_of!r})"
        )
    if not isinstance(region, Region):
        raise InvalidArgumentError(
            f"snapshot {position} (as_of {as_of}): expected a Region, got {type(region).__name__}"
        )
    return Snapshot(as_of, region, None if note is None else str(note))


def _row(snapshot: Snapshot, by: str, within: int, care: tuple[str, ...], limit: int) -> TrendRow:
    from samenwerking.cases.durations import case_durations
    from samenwerking.governance.agreements import check_agreements
    from samenwerking.privacy import published_count

    region, day = snapshot.region, snapshot.as_of
    C = compact_graph(region)  # noqa: N806
    found = islands(C)
    ei = _ei_index(C, by, with_nodes=False)
    pairs = ei.external + ei.internal
    links = bus_factor(C, by=by)
    reach = nearest_contact(C, to_sectors=care, max_steps=within)
    checks = check_agreements(region, today=day, graph=C)
    still_out = sum(1 for d in case_durations(region, today=day) if d.out_of_school)
    return TrendRow(
        as_of=day,
        note=snapshot.note,
        organisations=len(region.organisations),
        professionals=len(region.professionals),
        tied_pairs=C.n_edges,
        islands=len(found.islands),
        isolates=len(found.isolates),
        silos=len(found.silos),
        largest=found.largest.size if found.largest is not None else 0,
        cross_share=ei.external / pairs if pairs else None,
        ei=None if np.isnan(ei.value) else float(ei.value),
        ei_by_group={g: float(v) for g, v in ei.groups.items()},
        links=len(links),
        fragile_links=tuple(sorted(link.groups for link in links if link.bus_factor == 1)),
        schools=len(reach.contacts),
        unreached_schools=tuple(
            sorted(c.organisation for c in reach.contacts if c.distance is None)
        ),
        agreements=len(checks),
        agreements_to_fix=sum(1 for c in checks if c.problems),
        paper_only=sum(1 for c in checks if c.paper_only),
        open_thuiszitters=published_count(still_out, threshold=limit),
    )


def _step(before: Snapshot, after: Snapshot, by: str) -> TrendStep:
    change = compare(before.region, after.region, by=by)
    return TrendStep(
        since=before.as_of,
        until=after.as_of,
        joined=change.added,
        left=change.removed,
        new_ties=change.new_ties,
        lost_ties=change.lost_ties,
        merged=change.merged,
        split=change.split,
        ei=change.ei,
    )
