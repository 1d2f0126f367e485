"""The reference date of checks that depend on "today".

Example
-------
>>> import datetime as dt
>>> resolve_today(dt.datetime(2026, 11, 23, 9, 30))
datetime.date(2026, 11, 23)
"""

from __future__ import annotations

import datetime as dt

from samenwerking.errors import InvalidArgumentError

__all__ = ["resolve_today"]


def resolve_today(today: object, *, name: str = "today") -> dt.date:
    """``today`` as a date: the current date for ``None``, the day of a ``datetime``.

    Raises :class:`~samenwerking.errors.InvalidArgumentError` naming ``name`` for anything
    else (a string such as ``"2026-11-23"`` included: pass ``datetime.date(2026, 11, 23)``).

    Example
    -------
    >>> resolve_today(dt.date(2025, 1, 2))
    datetime.date(2025, 1, 2)
    """
    if today is None:
        return dt.date.today()
    if isinstance(today, dt.datetime):
        return today.date()
    if isinstance(today, dt.date):
        return today
    raise InvalidArgumentError(f"{name} must be a datetime.date or None (got {today!r})")
