"""A short plain-text summary of a report, for the terminal.

Example
-------
>>> from samenwerking.report.base import Overview, Report
>>> report = Report("Dorp", Overview(3, 10, 9, 0, 2, 1, 1, 9, 0.9), ())
>>> print(summary_text(report))
Dorp: 3 organisations, 10 professionals, 9 ties, 0 cases
Islands: 2; the largest holds 9 of 10 professionals (90%)
Isolates: 1 professional without any tie
Silos: 1 island within a single domain
"""

from __future__ import annotations

from samenwerking.privacy import published_count
from samenwerking.report.base import Report

__all__ = ["summary_text"]


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _cases(count: int) -> str:
    """The number of cases as it may be published: small counts are not shown."""
    shown = published_count(count)
    return f"{shown} case{'' if count == 1 and shown == '1' else 's'}"


def summary_text(report: Report) -> str:
    """A few lines with the counts, islands, isolates, silos and the largest island's share.

    Example
    -------
    >>> from samenwerking.report.base import Overview, Report
    >>> summary_text(Report("X", Overview(1, 0, 0, 0, 0, 0, 0, 0, 0.0), ())).splitlines()[1]
    'Islands: 0'
    """
    o = report.overview
    lines = [
        f"{report.region}: {_plural(o.organisations, 'organisation')}, "
        f"{_plural(o.professionals, 'professional')}, {_plural(o.ties, 'tie')}, "
        f"{_cases(o.cases)}"
    ]
    if o.islands:
        lines.append(
            f"Islands: {o.islands}; the largest holds {o.largest} of "
            f"{_plural(o.professionals, 'professional')} ({o.share_in_largest:.0%})"
        )
    else:
        lines.append("Islands: 0")
    lines.append(f"Isolates: {_plural(o.isolates, 'professional')} without any tie")
    lines.append(f"Silos: {_plural(o.silos, 'island')} within a single domain")
    return "\n".join(lines)
