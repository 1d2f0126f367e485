"""A short plain-text summary of a report, for the terminal, in the report's language.

Example
-------
>>> from samenwerking.report.base import Overview, Report
>>> report = Report("Dorp", Overview(3, 10, 9, 0, 2, 1, 1, 9, 0.9), ())
>>> print(summary_text(report))
Dorp: 3 organisations, 10 professionals, 9 ties, 0 cases
Islands: 2; the largest holds 9 of 10 professionals (90%)
Isolates: 1 professional without any tie
Silos: 1 island within a single domain
>>> print(summary_text(Report("Dorp", Overview(3, 10, 9, 0, 2, 1, 1, 9, 0.9), (), lang="nl")))
Dorp: 3 organisaties, 10 professionals, 9 contacten, 0 casussen
Eilandjes: 2; het grootste telt 9 van de 10 professionals (90%)
Zonder contacten: 1 professional kent niemand
Silo's: 1 eilandje binnen één domein
"""

from __future__ import annotations

from samenwerking.privacy import published_count
from samenwerking.report.base import Report
from samenwerking.report.i18n import (
    _,
    format_int,
    format_percent,
    format_published,
    ngettext,
    use_language,
)

__all__ = ["summary_text"]


def _cases(count: int) -> str:
    """The number of cases as it may be published: small counts are not shown."""
    if published_count(count) != str(count):
        return _("{n} cases").format(n=format_published(count))
    return ngettext("{n} case", "{n} cases", count).format(n=format_int(count))


def summary_text(report: Report) -> str:
    """A few lines with the counts, islands, isolates, silos and the largest island's share.

    Example
    -------
    >>> from samenwerking.report.base import Overview, Report
    >>> summary_text(Report("X", Overview(1, 0, 0, 0, 0, 0, 0, 0, 0.0), ())).splitlines()[1]
    'Islands: 0'
    """
    with use_language(report.lang):
        return "\n".join(_lines(report))


def _lines(report: Report) -> list[str]:
    o = report.overview
    people = ngettext("{n} professional", "{n} professionals", o.professionals)
    counts = ", ".join(
        (
            ngettext("{n} organisation", "{n} organisations", o.organisations).format(
                n=format_int(o.organisations)
            ),
            people.format(n=format_int(o.professionals)),
            ngettext("{n} tie", "{n} ties", o.ties).format(n=format_int(o.ties)),
            _cases(o.cases),
        )
    )
    lines = [f"{report.region}: {counts}"]
    if o.islands:
        lines.append(
            ngettext(
                "Islands: {n}; the largest holds {largest} of {total} professional ({share})",
                "Islands: {n}; the largest holds {largest} of {total} professionals ({share})",
                o.professionals,
            ).format(
                n=format_int(o.islands),
                largest=format_int(o.largest),
                total=format_int(o.professionals),
                share=format_percent(o.share_in_largest, 0),
            )
        )
    else:
        lines.append(_("Islands: 0"))
    lines.append(
        ngettext(
            "Isolates: {n} professional without any tie",
            "Isolates: {n} professionals without any tie",
            o.isolates,
        ).format(n=format_int(o.isolates))
    )
    lines.append(
        ngettext(
            "Silos: {n} island within a single domain",
            "Silos: {n} islands within a single domain",
            o.silos,
        ).format(n=format_int(o.silos))
    )
    return lines
