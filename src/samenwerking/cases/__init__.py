"""Cases of children who need several parties: durations, checks and regional counts.

- :mod:`~samenwerking.cases.durations`: days out of school per case and per support level;
- :mod:`~samenwerking.cases.checks`: cases without coordinator or plan, stranded, disputed,
  and returns from special to regular education (pseudonymous ids, not for publication);
- :mod:`~samenwerking.cases.aggregates`: counts per municipality, school board, SWV,
  support level, status and check, published only with small counts suppressed;
- :mod:`~samenwerking.cases.tables`: suppressed tables as CSV, written atomically.

See ``docs/cases.md`` for the rules and ``docs/privacy.md`` for what may be published.

Example
-------
>>> import datetime as dt
>>> from samenwerking.model import Case, CaseId, Region
>>> region = Region("Dorp", cases=(Case(CaseId("c-1"), "Dorp", "extra"),))
>>> check_cases(region, today=dt.date(2025, 3, 3)).without_plan
('c-1',)
"""

from __future__ import annotations

from samenwerking.cases._base import CaseArgumentError
from samenwerking.cases.aggregates import (
    DIMENSIONS,
    STANDARD_TABLES,
    UNKNOWN,
    CaseCounts,
    aggregate,
    count_cases,
    standard_aggregates,
    table_name,
    write_aggregates,
)
from samenwerking.cases.checks import (
    CHECKS,
    DEFAULT_STRANDED_WEEKS,
    CaseChecks,
    check_cases,
    disputed_cases,
    special_to_regular,
    stranded_cases,
    without_coordinator,
    without_plan,
)
from samenwerking.cases.durations import (
    MIN_THRESHOLD,
    CaseDuration,
    LevelDurations,
    PublishedDurations,
    case_duration,
    case_durations,
    durations_by_level,
    published_durations,
)
from samenwerking.cases.tables import (
    DEFAULT_MARKER,
    PublishedTable,
    TableFormatError,
    read_table_csv,
    write_table_csv,
)

__all__ = [
    "CHECKS",
    "DEFAULT_MARKER",
    "DEFAULT_STRANDED_WEEKS",
    "DIMENSIONS",
    "MIN_THRESHOLD",
    "STANDARD_TABLES",
    "UNKNOWN",
    "CaseArgumentError",
    "CaseChecks",
    "CaseCounts",
    "CaseDuration",
    "LevelDurations",
    "PublishedDurations",
    "PublishedTable",
    "TableFormatError",
    "aggregate",
    "case_duration",
    "case_durations",
    "check_cases",
    "count_cases",
    "disputed_cases",
    "durations_by_level",
    "published_durations",
    "read_table_csv",
    "special_to_regular",
    "standard_aggregates",
    "stranded_cases",
    "table_name",
    "without_coordinator",
    "without_plan",
    "write_aggregates",
    "write_table_csv",
]
