"""How long children are out of school: per case, and per support level.

The rule (see ``docs/cases.md``): a case's time out of school runs from ``opened`` to
the first of

1. a ``RETURN_TO_SCHOOL`` event, or a ``PLACEMENT`` event at a school (an ``organisation``
   of a school sector known to the region), dated on or after ``opened``;
2. otherwise ``closed``, or the date of the first ``CLOSED`` event, for a case that is no
   longer open;
3. otherwise ``today``, for an open case (still out of school).

A case without ``opened``, an open case opened after ``today``, or a resolved or closed
case without any end date, has no known duration: it is counted, but left out of the
median and the longest.

Example
-------
>>> from samenwerking.model import Case, CaseId, Region, SupportLevel
>>> case = Case(CaseId("c-1"), "Dorp", SupportLevel.EXTRA, opened=dt.date(2025, 1, 6))
>>> case_duration(Region("Dorp", cases=(case,)), case, today=dt.date(2025, 2, 3)).days
28
"""

from __future__ import annotations

import datetime as dt
import statistics

from attrs import frozen

from samenwerking.cases._base import (
    check_positive_int,
    resolve_today,
    school_sector,
    timeline,
)
from samenwerking.model import Case, CaseEventKind, CaseId, CaseStatus, Region, SupportLevel
from samenwerking.privacy import DEFAULT_THRESHOLD, SuppressedTable, suppress
from samenwerking.tabular import Table, Tabular

__all__ = [
    "MIN_THRESHOLD",
    "STATUSES",
    "CaseDuration",
    "LevelDurations",
    "PublishedDurations",
    "case_duration",
    "case_durations",
    "check_threshold",
    "durations_by_level",
    "published_durations",
]

MIN_THRESHOLD = 3
"""The lowest suppression threshold accepted for anything published about cases.

A threshold of 1 suppresses nothing and 2 still shows pairs of children, each of whom
(or whose family) then knows the other is in the same cell.
"""

STATUSES: tuple[CaseStatus, ...] = tuple(CaseStatus)
"""The case statuses, in the order tables show them."""


def check_threshold(threshold: object) -> int:
    """``threshold`` if it may be used for publication; else :class:`CaseArgumentError`.

    Example
    -------
    >>> check_threshold(5)
    5
    """
    return check_positive_int(threshold, "threshold", minimum=MIN_THRESHOLD)


@frozen(repr=False)
class CaseDuration(Tabular):
    """One case's time out of school."""

    case: CaseId
    """The pseudonymous case id."""
    support_level: SupportLevel
    """Its support level."""
    status: CaseStatus
    """Open, resolved or closed."""
    opened: dt.date | None
    """When the time out of school began."""
    end: dt.date | None
    """When it ended (or ``today`` for an open case still out of school)."""
    ended_by: str | None
    """``"return"``, ``"placement"``, ``"closed"``, ``"ongoing"``, or ``None`` when unknown."""

    @property
    def days(self) -> int | None:
        """Days from ``opened`` to ``end`` (never negative); ``None`` when either is unknown."""
        if self.opened is None or self.end is None:
            return None
        return max(0, (self.end - self.opened).days)

    @property
    def out_of_school(self) -> bool:
        """True while the child has not returned or been placed at a school."""
        return self.ended_by == "ongoing"

    def __str__(self) -> str:
        days = "unknown" if self.days is None else f"{self.days} days"
        return f"{self.case} ({self.support_level.value}, {self.status.value}): {days}"

    def _tables(self) -> tuple[Table, ...]:
        columns = ("case", "support_level", "status", "opened", "end", "days", "ended_by")
        row = (
            self.case,
            self.support_level,
            self.status,
            self.opened,
            self.end,
            self.days,
            self.ended_by,
        )
        return (Table("cases", columns, [row], counts=("days",)),)


def case_duration(region: Region, case: Case, *, today: dt.date | None = None) -> CaseDuration:
    """The time out of school of one case of ``region`` (see the module docstring for the rule).

    ``region`` is needed to tell whether a ``PLACEMENT`` event's organisation is a school.

    Example
    -------
    >>> from samenwerking.model import Case, CaseEvent, CaseId, Region, SupportLevel
    >>> case = Case(CaseId("c-1"), "Dorp", SupportLevel.BASIC, opened=dt.date(2025, 1, 6),
    ...             events=(CaseEvent(dt.date(2025, 1, 16), "return_to_school"),))
    >>> found = case_duration(Region("Dorp"), case, today=dt.date(2025, 3, 1))
    >>> found.days, found.ended_by
    (10, 'return')
    """
    day = resolve_today(today)
    end: dt.date | None = None
    ended_by: str | None = None
    for event in timeline(case.events):
        if case.opened is not None and event.date < case.opened:
            continue
        if event.kind is CaseEventKind.RETURN_TO_SCHOOL:
            end, ended_by = event.date, "return"
            break
        if event.kind is CaseEventKind.PLACEMENT and school_sector(region, event.organisation):
            end, ended_by = event.date, "placement"
            break
    if end is None and not case.is_open:
        closing = case.closed
        if closing is None:
            closing = next(
                (e.date for e in timeline(case.events) if e.kind is CaseEventKind.CLOSED), None
            )
        if closing is not None:
            end, ended_by = closing, "closed"
    if end is None and case.is_open and (case.opened is None or case.opened <= day):
        # An open case opened after ``today`` has no duration yet: unknown, not 0 days.
        end, ended_by = day, "ongoing"
    return CaseDuration(case.id, case.support_level, case.status, case.opened, end, ended_by)


def case_durations(region: Region, *, today: dt.date | None = None) -> tuple[CaseDuration, ...]:
    """The time out of school of every case, in the region's order.

    A list of pseudonymous case ids, for the case owner's own use: not for publication.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, Region, SupportLevel
    >>> region = Region("Dorp", cases=(
    ...     Case(CaseId("c-1"), "Dorp", "extra", opened=dt.date(2025, 1, 1)),))
    >>> [str(d) for d in case_durations(region, today=dt.date(2025, 1, 31))]
    ['c-1 (extra, open): 30 days']
    """
    day = resolve_today(today)
    return tuple(case_duration(region, case, today=day) for case in region.cases)


@frozen
class LevelDurations(Tabular):
    """Cases and durations of one support level (exact counts: not for publication)."""

    level: SupportLevel
    """The support level."""
    cases: int
    """Cases at this level."""
    open: int
    """Of which still open."""
    measured: int
    """Of which the duration is known."""
    median_days: float | None
    """The median days out of school of the measured cases (``None`` if there are none)."""
    longest_days: int | None
    """The longest days out of school (``None`` if there are none)."""
    upper_quartile_days: float | None = None
    """Three quarters of the measured cases were out of school at most this many days
    (interpolated; ``None`` with fewer than two measured cases)."""

    def __str__(self) -> str:
        median = "n/a" if self.median_days is None else f"{self.median_days:g}"
        longest = "n/a" if self.longest_days is None else str(self.longest_days)
        return (
            f"{self.level.value}: {self.cases} cases ({self.open} open), "
            f"median {median} days, longest {longest} days"
        )

    def _tables(self) -> tuple[Table, ...]:
        columns = (
            "support_level",
            "cases",
            "open",
            "measured",
            "median_days",
            "upper_quartile_days",
            "longest_days",
        )
        row = (
            self.level,
            self.cases,
            self.open,
            self.measured,
            self.median_days,
            self.upper_quartile_days,
            self.longest_days,
        )
        return (Table("levels", columns, [row], counts=("longest_days",)),)


def durations_by_level(
    region: Region, *, today: dt.date | None = None
) -> tuple[LevelDurations, ...]:
    """Number of cases, open cases, median and longest duration, per support level.

    One entry per :class:`SupportLevel` (basic, extra, special), even without cases. The
    counts are exact: use :func:`published_durations` for anything published.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, Region
    >>> region = Region("Dorp", cases=(
    ...     Case(CaseId("c-1"), "Dorp", "extra", opened=dt.date(2025, 1, 1)),
    ...     Case(CaseId("c-2"), "Dorp", "extra", "closed", opened=dt.date(2025, 1, 1),
    ...          closed=dt.date(2025, 1, 11))))
    >>> print(durations_by_level(region, today=dt.date(2025, 1, 31))[1])
    extra: 2 cases (1 open), median 20 days, longest 30 days
    """
    found = case_durations(region, today=today)
    out = []
    for level in SupportLevel:
        mine = [d for d in found if d.support_level is level]
        days = [d.days for d in mine if d.days is not None]
        out.append(
            LevelDurations(
                level,
                len(mine),
                sum(1 for d in mine if d.status is CaseStatus.OPEN),
                len(days),
                float(statistics.median(days)) if days else None,
                max(days) if days else None,
                _upper_quartile(days),
            )
        )
    return tuple(out)


def _upper_quartile(days: list[int]) -> float | None:
    """The interpolated 75th percentile (``statistics.quantiles``, inclusive method)."""
    if len(days) < 2:
        return None
    return float(statistics.quantiles(days, n=4, method="inclusive")[2])


@frozen(repr=False)
class PublishedDurations(Tabular):
    """Durations per support level as they may be published.

    ``counts`` is the support level x status table, suppressed; the median and upper
    quartile of a level's durations are ``None`` when fewer than ``threshold`` of its cases
    have a known duration. The longest duration is never published: it is one child's.
    """

    counts: SuppressedTable
    """Cases per support level (rows) and status (columns), with small counts suppressed."""
    levels: tuple[SupportLevel, ...]
    """The support levels, in the order of the rows and of the statistics."""
    median_days: tuple[float | None, ...]
    """Median days out of school per level; ``None`` where suppressed or undefined."""
    upper_quartile_days: tuple[float | None, ...]
    """Upper quartile of the days out of school per level; ``None`` where suppressed or
    undefined."""
    withheld: tuple[bool, ...]
    """Per level: True when its statistics were withheld because the group is small."""
    threshold: int
    """The suppression threshold."""

    def _tables(self) -> tuple[Table, ...]:
        statuses = self.counts.column_labels
        rows = [
            (level, *cells, total, median, quartile, withheld)
            for level, cells, total, median, quartile, withheld in zip(
                self.levels,
                self.counts.cells,
                self.counts.row_totals,
                self.median_days,
                self.upper_quartile_days,
                self.withheld,
                strict=True,
            )
        ]
        columns = ("support_level", *statuses, "total", "median_days", "upper_quartile_days")
        hidden = sum(c is None for row in self.counts.cells for c in row)
        hidden += sum(t is None for t in self.counts.row_totals)
        return (
            Table(
                "levels",
                (*columns, "withheld"),
                rows,
                counts=(*statuses, "total"),
                suppressed=hidden,
            ),
        )

    def _notes(self) -> tuple[str, ...]:
        total = self.counts.grand_total
        return (
            f"{'x' if total is None else total} cases; counts below {self.threshold} and "
            "the counts that would reveal them are suppressed (x)",
        )

    def __repr__(self) -> str:
        withheld = sum(self.withheld)
        return (
            f"<PublishedDurations: {len(self.levels)} support levels, {withheld} withheld, "
            f"threshold {self.threshold}>"
        )


def published_durations(
    region: Region, *, today: dt.date | None = None, threshold: int = DEFAULT_THRESHOLD
) -> PublishedDurations:
    """Durations per support level in publishable form (small groups suppressed).

    Parameters
    ----------
    region : Region
    today : datetime.date, optional
        The reference date for open cases (default: the current date).
    threshold : int
        Counts from 1 up to, not including, this are suppressed (at least
        :data:`MIN_THRESHOLD`); a level's statistics are withheld when fewer than this many
        of its cases have a known duration.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, Region
    >>> cases = tuple(Case(CaseId(f"c-{i}"), "Dorp", "basic", opened=dt.date(2025, 1, i))
    ...               for i in range(1, 7))
    >>> found = published_durations(Region("Dorp", cases=cases), today=dt.date(2025, 2, 1))
    >>> found.median_days, found.counts.row_totals
    ((28.5, None, None), (6, 0, 0))
    """
    limit = check_threshold(threshold)
    levels = durations_by_level(region, today=today)
    found = case_durations(region, today=today)
    table = [
        [sum(1 for d in found if d.support_level is lv.level and d.status is s) for s in STATUSES]
        for lv in levels
    ]
    counts = suppress(
        table,
        threshold=limit,
        row_labels=[lv.level.value for lv in levels],
        column_labels=[s.value for s in STATUSES],
    )
    shown = [lv.measured >= limit for lv in levels]
    withheld = tuple(0 < lv.measured < limit for lv in levels)
    return PublishedDurations(
        counts=counts,
        levels=tuple(lv.level for lv in levels),
        median_days=tuple(
            lv.median_days if ok else None for lv, ok in zip(levels, shown, strict=True)
        ),
        upper_quartile_days=tuple(
            lv.upper_quartile_days if ok else None for lv, ok in zip(levels, shown, strict=True)
        ),
        withheld=withheld,
        threshold=limit,
    )
