"""Checks on cases: no coordinator, no plan, stranded, disputed, back from special education.

Every check returns pseudonymous case ids, for the case owner's own follow-up (never for
publication: publish counts through :mod:`samenwerking.cases.aggregates`). The rules, in
short (``docs/cases.md`` has them in full):

- **without coordinator**: an open case with no ``coordinator`` and nobody involved in
  the role ``coordinator``;
- **without plan**: an open case with ``has_plan`` false and no ``PLAN_AGREED`` event;
- **stranded**: an open case whose last event (or, without events, its opening) on or
  before ``today`` lies ``stranded_weeks`` weeks or more in the past;
- **disputed**: an open case with a ``DISPUTE`` event (responsibility disputed between
  education and care) that no later ``PLAN_AGREED``, ``PLACEMENT``, ``RETURN_TO_SCHOOL``
  or ``CLOSED`` event settled;
- **special to regular**: a case (any status) whose child was at a special school (SO/VSO,
  SBO) and later placed at, or returned to, a regular primary or secondary school.

Example
-------
>>> from samenwerking.model import Case, CaseId, Region
>>> region = Region("Dorp", cases=(Case(CaseId("c-1"), "Dorp", "extra"),))
>>> found = check_cases(region, today=dt.date(2025, 3, 3))
>>> found.without_coordinator, found.without_plan, found.stranded
(('c-1',), ('c-1',), ())
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from samenwerking.cases._base import (
    CaseArgumentError,
    check_positive_int,
    check_region,
    is_regular_school,
    is_special_school,
    resolve_today,
    school_sector,
    timeline,
)
from samenwerking.model import Case, CaseEventKind, CaseId, CaseRole, Region
from samenwerking.tabular import Table, Tabular

__all__ = [
    "CHECKS",
    "DEFAULT_STRANDED_WEEKS",
    "OPEN_ONLY",
    "CaseChecks",
    "check_cases",
    "disputed_cases",
    "special_to_regular",
    "stranded_cases",
    "without_coordinator",
    "without_plan",
]

DEFAULT_STRANDED_WEEKS = 6
"""An open case without any event for this many weeks is stranded."""

CHECKS: tuple[str, ...] = (
    "without_coordinator",
    "without_plan",
    "stranded",
    "disputed",
    "special_to_regular",
)
"""The names of the checks, in the order results and tables show them."""

OPEN_ONLY: frozenset[str] = frozenset(CHECKS) - {"special_to_regular"}
"""The checks that look at open cases only (the others look at every case)."""

_SETTLING = frozenset(
    {
        CaseEventKind.PLAN_AGREED,
        CaseEventKind.PLACEMENT,
        CaseEventKind.RETURN_TO_SCHOOL,
        CaseEventKind.CLOSED,
    }
)


def _has_coordinator(case: Case) -> bool:
    return case.coordinator is not None or any(
        inv.role is CaseRole.COORDINATOR for inv in case.involved
    )


def without_coordinator(region: Region) -> tuple[CaseId, ...]:
    """Open cases that nobody coordinates (no ``coordinator``, nobody in that role).

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, ProfessionalId, Region
    >>> region = Region("Dorp", cases=(
    ...     Case(CaseId("c-1"), "Dorp", "extra"),
    ...     Case(CaseId("c-2"), "Dorp", "extra", coordinator=ProfessionalId("p-1"))))
    >>> without_coordinator(region)
    ('c-1',)
    """
    check_region(region)
    return tuple(c.id for c in region.cases if c.is_open and not _has_coordinator(c))


def _has_plan(case: Case) -> bool:
    return case.has_plan or any(e.kind is CaseEventKind.PLAN_AGREED for e in case.events)


def without_plan(region: Region) -> tuple[CaseId, ...]:
    """Open cases without an agreed plan (``has_plan`` false and no ``PLAN_AGREED`` event).

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, Region
    >>> without_plan(Region("Dorp", cases=(Case(CaseId("c-1"), "Dorp", "extra", has_plan=True),)))
    ()
    """
    check_region(region)
    return tuple(c.id for c in region.cases if c.is_open and not _has_plan(c))


def _last_activity(case: Case, today: dt.date) -> dt.date | None:
    dates = [e.date for e in case.events if e.date <= today]
    if case.opened is not None and case.opened <= today:
        dates.append(case.opened)
    return max(dates, default=None)


def stranded_cases(
    region: Region,
    *,
    stranded_weeks: int = DEFAULT_STRANDED_WEEKS,
    today: dt.date | None = None,
) -> tuple[CaseId, ...]:
    """Open cases with no event for ``stranded_weeks`` weeks or more, as of ``today``.

    The last activity is the latest event dated on or before ``today``, or the opening
    date when there is no such event; a case with neither is not listed (nothing to
    measure from).

    Raises
    ------
    CaseArgumentError
        If ``region`` is not a Region or ``stranded_weeks`` is not a positive integer.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, Region
    >>> region = Region("Dorp", cases=(
    ...     Case(CaseId("c-1"), "Dorp", "extra", opened=dt.date(2025, 1, 6)),))
    >>> stranded_cases(region, today=dt.date(2025, 2, 16)), stranded_cases(
    ...     region, today=dt.date(2025, 2, 17))
    ((), ('c-1',))
    """
    check_region(region)
    span = dt.timedelta(weeks=check_positive_int(stranded_weeks, "stranded_weeks"))
    day = resolve_today(today)
    out = []
    for case in region.cases:
        if not case.is_open:
            continue
        last = _last_activity(case, day)
        if last is not None and day - last >= span:
            out.append(case.id)
    return tuple(out)


def _open_dispute(case: Case) -> bool:
    disputed = False
    for event in timeline(case.events):
        if event.kind is CaseEventKind.DISPUTE:
            disputed = True
        elif event.kind in _SETTLING:
            disputed = False
    return disputed


def disputed_cases(region: Region) -> tuple[CaseId, ...]:
    """Open cases whose responsibility is disputed and not yet settled.

    A ``DISPUTE`` event is settled by a later ``PLAN_AGREED``, ``PLACEMENT``,
    ``RETURN_TO_SCHOOL`` or ``CLOSED`` event (same-day events count in their recorded
    order). Who recorded the dispute does not matter: one party is enough to say that
    education and care disagree about who is responsible.

    Example
    -------
    >>> from samenwerking.model import Case, CaseEvent, CaseId, Region
    >>> dispute = CaseEvent(dt.date(2025, 1, 6), "dispute")
    >>> plan = CaseEvent(dt.date(2025, 2, 3), "plan_agreed")
    >>> region = Region("Dorp", cases=(
    ...     Case(CaseId("c-1"), "Dorp", "extra", events=(dispute,)),
    ...     Case(CaseId("c-2"), "Dorp", "extra", events=(dispute, plan))))
    >>> disputed_cases(region)
    ('c-1',)
    """
    check_region(region)
    return tuple(c.id for c in region.cases if c.is_open and _open_dispute(c))


def _returned_to_regular(region: Region, case: Case) -> bool:
    been_special = is_special_school(school_sector(region, case.school))
    for event in timeline(case.events):
        if event.kind is CaseEventKind.PLACEMENT:
            where = event.organisation
        elif event.kind is CaseEventKind.RETURN_TO_SCHOOL:
            where = event.organisation if event.organisation is not None else case.school
        else:
            continue
        sector = school_sector(region, where)
        if is_special_school(sector):
            been_special = True
        elif been_special and is_regular_school(sector):
            return True
    return False


def special_to_regular(region: Region) -> tuple[CaseId, ...]:
    """Cases whose child went from special to regular education.

    The child's schools in order are the case's ``school`` (enrolled at the start), then
    the ``organisation`` of each ``PLACEMENT`` and ``RETURN_TO_SCHOOL`` event by date (a
    return without an organisation is a return to the case's ``school``). A case is listed
    when a special school (SO/VSO or SBO) comes before a regular primary or secondary
    school. Cases of any status count: this is an outcome, not a warning.

    Example
    -------
    >>> from samenwerking.model import (Case, CaseEvent, CaseId, Organisation,
    ...     OrganisationId, Region)
    >>> so = Organisation(OrganisationId("so"), "SO De Boog", "special_school", "Dorp")
    >>> po = Organisation(OrganisationId("po"), "OBS De Linde", "primary_school", "Dorp")
    >>> back = CaseEvent(dt.date(2025, 3, 3), "placement", organisation=OrganisationId("po"))
    >>> case = Case(CaseId("c-1"), "Dorp", "special", school=so.id, events=(back,))
    >>> special_to_regular(Region("Dorp", organisations=(so, po), cases=(case,)))
    ('c-1',)
    """
    check_region(region)
    return tuple(c.id for c in region.cases if _returned_to_regular(region, c))


@frozen(repr=False)
class CaseChecks(Tabular):
    """The result of every check: pseudonymous case ids per check (not for publication)."""

    without_coordinator: tuple[CaseId, ...]
    """Open cases that nobody coordinates."""
    without_plan: tuple[CaseId, ...]
    """Open cases without an agreed plan."""
    stranded: tuple[CaseId, ...]
    """Open cases without any event for ``stranded_weeks`` weeks."""
    disputed: tuple[CaseId, ...]
    """Open cases whose responsibility is disputed and not settled."""
    special_to_regular: tuple[CaseId, ...]
    """Cases that went from special to regular education."""
    today: dt.date
    """The reference date used."""
    stranded_weeks: int
    """The number of weeks without events after which an open case is stranded."""

    def flagged(self, check: str) -> tuple[CaseId, ...]:
        """The cases one check found, by name (one of :data:`CHECKS`)."""
        if check not in CHECKS:
            raise CaseArgumentError(f"unknown check {check!r}; choose from {', '.join(CHECKS)}")
        found: tuple[CaseId, ...] = getattr(self, check)
        return found

    def flags(self, case: str) -> tuple[str, ...]:
        """The checks that found ``case``, in the order of :data:`CHECKS`."""
        return tuple(check for check in CHECKS if case in getattr(self, check))

    def __str__(self) -> str:
        return ", ".join(f"{check}: {len(getattr(self, check))}" for check in CHECKS)

    def _tables(self) -> tuple[Table, ...]:
        cases = sorted({case for check in CHECKS for case in getattr(self, check)})
        rows = [(case, *(case in getattr(self, check) for check in CHECKS)) for case in cases]
        return (Table("cases", ("case", *CHECKS), rows),)

    def _notes(self) -> tuple[str, ...]:
        return (
            f"{self}; today {self.today.isoformat()}, stranded after {self.stranded_weeks} weeks",
        )

    def __repr__(self) -> str:
        return f"<CaseChecks: {self}>"


def check_cases(
    region: Region, *, today: dt.date | None = None, stranded_weeks: int = DEFAULT_STRANDED_WEEKS
) -> CaseChecks:
    """Run every check on the region's cases.

    Parameters
    ----------
    region : Region
    today : datetime.date, optional
        The reference date for stranded cases (default: the current date).
    stranded_weeks : int
        Weeks without any event after which an open case is stranded (default 6).

    Raises
    ------
    CaseArgumentError
        If ``region`` is not a Region or ``stranded_weeks`` is not a positive integer.

    Example
    -------
    >>> from samenwerking.model import Case, CaseId, ProfessionalId, Region
    >>> region = Region("Dorp", cases=(Case(CaseId("c-1"), "Dorp", "extra", has_plan=True,
    ...     coordinator=ProfessionalId("p-1"), opened=dt.date(2025, 1, 6)),))
    >>> print(check_cases(region, today=dt.date(2025, 3, 3)))
    without_coordinator: 0, without_plan: 0, stranded: 1, disputed: 0, special_to_regular: 0
    """
    check_region(region)
    day = resolve_today(today)
    weeks = check_positive_int(stranded_weeks, "stranded_weeks")
    return CaseChecks(
        without_coordinator=without_coordinator(region),
        without_plan=without_plan(region),
        stranded=stranded_cases(region, stranded_weeks=weeks, today=day),
        disputed=disputed_cases(region),
        special_to_regular=special_to_regular(region),
        today=day,
        stranded_weeks=weeks,
    )
