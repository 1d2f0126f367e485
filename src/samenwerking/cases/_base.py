"""Shared helpers of :mod:`samenwerking.cases`: the argument error, "today" and school kinds.

Example
-------
>>> from samenwerking.model import Sector
>>> is_special_school(Sector.SPECIAL_SCHOOL), is_regular_school(Sector.PRIMARY_SCHOOL)
(True, True)
>>> import datetime as dt
>>> resolve_today(dt.date(2025, 1, 6))
datetime.date(2025, 1, 6)
"""

from __future__ import annotations

from collections.abc import Iterable

from samenwerking._arguments import check_whole
from samenwerking._dates import resolve_today
from samenwerking.errors import InvalidArgumentError, UnknownIdError
from samenwerking.model import CaseEvent, Region, Sector

__all__ = [
    "CaseArgumentError",
    "check_positive_int",
    "check_region",
    "is_regular_school",
    "is_special_school",
    "resolve_today",
    "school_sector",
    "timeline",
]

_SPECIAL = frozenset({Sector.SPECIAL_SCHOOL, Sector.SPECIAL_PRIMARY_SCHOOL})
_REGULAR = frozenset({Sector.PRIMARY_SCHOOL, Sector.SECONDARY_SCHOOL})


class CaseArgumentError(InvalidArgumentError):
    """A case function was called with an argument it cannot use.

    An :class:`~samenwerking.errors.InvalidArgumentError`, like
    :class:`~samenwerking.privacy.PrivacyArgumentError`: catch that to handle a bad
    threshold from either module.
    """


def check_region(region: object) -> Region:
    """``region`` if it is a :class:`Region`; else :class:`CaseArgumentError`.

    Example
    -------
    >>> check_region(Region("Dorp")).name
    'Dorp'
    """
    if not isinstance(region, Region):
        # The value itself is not shown: it might be a case field (or a BSN).
        raise CaseArgumentError(f"region must be a Region (got {type(region).__name__})")
    return region


def is_special_school(sector: Sector | None) -> bool:
    """True for special education: SO/VSO and SBO."""
    return sector in _SPECIAL


def is_regular_school(sector: Sector | None) -> bool:
    """True for regular primary and secondary schools."""
    return sector in _REGULAR


def school_sector(region: Region, organisation: str | None) -> Sector | None:
    """The sector of ``organisation`` when it is a school known to ``region``, else ``None``."""
    if organisation is None:
        return None
    try:
        sector = region.organisation(organisation).sector
    except UnknownIdError:
        return None
    return sector if sector.is_school else None


def timeline(events: Iterable[CaseEvent]) -> list[CaseEvent]:
    """The events sorted by date; events on the same day keep their recorded order."""
    return sorted(events, key=lambda event: event.date)


def check_positive_int(value: object, name: str, *, minimum: int = 1) -> int:
    """``value`` if it is an ``int`` of at least ``minimum``; else :class:`CaseArgumentError`."""
    return check_whole(value, name, minimum=minimum, error=CaseArgumentError)
