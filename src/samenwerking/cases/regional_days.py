"""Days out of school per municipality, in publishable form.

A municipality's median is published only when at least ``threshold`` of its cases have
a known duration, the rule :func:`~samenwerking.cases.durations.published_durations`
applies per support level; the count behind it is never shown here.

Example
-------
>>> import datetime as dt
>>> from samenwerking.model import Case, CaseId, Region
>>> cases = tuple(Case(CaseId(f"c-{i}"), "Dorp" if i < 7 else "Stad", "basic",
...                    opened=dt.date(2025, 1, i)) for i in range(1, 9))
>>> median_days_by_municipality(Region("Dorp", cases=cases), today=dt.date(2025, 2, 1))
(('Dorp', 28.5), ('Stad', None))
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict

from samenwerking.cases.durations import case_durations
from samenwerking.model import Region
from samenwerking.privacy import DEFAULT_THRESHOLD
from samenwerking.privacy.suppression import check_threshold

__all__ = ["median_days_by_municipality"]


def median_days_by_municipality(
    region: Region, *, today: dt.date | None = None, threshold: int = DEFAULT_THRESHOLD
) -> tuple[tuple[str, float | None], ...]:
    """Per municipality (sorted by name), the median days out of school, or ``None``
    where fewer than ``threshold`` of its cases have a known duration."""
    limit = check_threshold(threshold)
    town = {case.id: case.municipality for case in region.cases}
    days: dict[str, list[int]] = defaultdict(list)
    for found in case_durations(region, today=today):
        known = found.days
        days[town[found.case]]
        if known is not None:
            days[town[found.case]].append(known)
    return tuple(
        (name, float(statistics.median(values)) if len(values) >= limit else None)
        for name, values in sorted(days.items())
    )
