"""The "Cases" section: status, durations, checks and regional counts, small counts suppressed.

The report is a publication: it shows no case ids, and every count of cases goes through
:func:`samenwerking.cases.standard_aggregates`: all tables of the section are suppressed
together with :func:`samenwerking.privacy.suppress_together` (threshold 5 by default), so
no hidden count can be worked out by combining them; shown as ``x`` where suppressed,
whether the count itself is small or hides another.

Example
-------
>>> import datetime as dt
>>> from samenwerking.model import Case, CaseId, Region
>>> from samenwerking.report.base import ReportContext
>>> cases = tuple(Case(CaseId(f"c-{i}"), "Dorp", "extra") for i in range(6))
>>> section = cases_section(ReportContext.of(Region("Dorp", cases=cases),
...                                          today=dt.date(2025, 3, 3)))
>>> section.checks[0].name, section.checks[0].flagged
('without_coordinator', 6)
>>> cases_section(ReportContext.of(Region("Dorp"))) is None
True
"""

from __future__ import annotations

import datetime as dt

import attrs
from attrs import frozen

from samenwerking.cases import (
    CHECKS,
    DEFAULT_STRANDED_WEEKS,
    PublishedDurations,
    PublishedTable,
    published_durations,
    standard_aggregates,
    table_name,
)
from samenwerking.cases.regional_days import median_days_by_municipality
from samenwerking.cases.tables import DEFAULT_MARKER
from samenwerking.model import Region
from samenwerking.privacy import DEFAULT_THRESHOLD, check_no_bsn
from samenwerking.report._format import Block, BlockSection, Table, Text
from samenwerking.report.base import ReportContext
from samenwerking.report.charts import days_chart
from samenwerking.report.i18n import N_, _, format_date, format_int, ngettext, translate_all
from samenwerking.report.vocabulary import value_label

__all__ = ["CHECK_HEADERS", "CHECK_LABELS", "CasesSection", "CheckRow", "cases_section"]

CHECK_LABELS: dict[str, str] = {
    "without_coordinator": N_("Open cases without a coordinator"),
    "without_plan": N_("Open cases without an agreed plan"),
    "stranded": N_("Open cases without any event for {weeks} weeks (stranded)"),
    "disputed": N_("Open cases with an unsettled dispute about responsibility"),
    "special_to_regular": N_("Returns from special to regular education"),
}
"""What each check means, for the report (in English; translated when rendered)."""

CHECK_HEADERS: dict[str, str] = {
    "without_coordinator": N_("No coordinator"),
    "without_plan": N_("No plan"),
    "stranded": N_("Stranded"),
    "disputed": N_("Disputed"),
    "special_to_regular": N_("Back to regular education"),
}
"""Each check's short name, as a column header."""

_REGIONAL = (
    ("municipality", "status", N_("Cases per municipality and status")),
    ("municipality", "support_level", N_("Cases per municipality and support level")),
    ("board", "support_level", N_("Cases per school board and support level")),
    ("swv", "support_level", N_("Cases per samenwerkingsverband (SWV) and support level")),
)


@frozen
class CheckRow:
    """One check, as published: how many cases it flagged and how many it did not."""

    name: str
    """The check's name (see :data:`samenwerking.cases.CHECKS`)."""
    label: str
    """What it means."""
    flagged: int | None
    """Cases flagged; ``None`` where suppressed."""
    not_flagged: int | None
    """Cases looked at but not flagged; ``None`` where suppressed."""


@frozen
class CasesSection(BlockSection):
    """Cases per support level and status, their durations, checks and regional counts."""

    durations: PublishedDurations
    """Status counts and durations per support level, suppressed."""
    checks: tuple[CheckRow, ...]
    """Each check's published counts."""
    by_municipality: tuple[tuple[str, tuple[int | None, ...]], ...]
    """Per municipality, the published number of flagged cases per check (in check order)."""
    check_tables: tuple[PublishedTable, ...]
    """Per check, municipality x (yes, no[, not checked]), suppressed."""
    regional: tuple[tuple[str, PublishedTable], ...]
    """Titled regional tables (municipality, board, SWV, support level), suppressed."""
    today: dt.date
    """The reference date."""
    stranded_weeks: int
    """Weeks without events after which an open case is stranded."""
    threshold: int
    """Counts from 1 up to (not including) this are suppressed."""
    days: tuple[tuple[str, float | None], ...] = ()
    """Per municipality, the median days out of school; ``None`` where suppressed."""
    key: str = "cases"
    """Section key."""
    title: str = N_("Cases: children who need several parties")
    """Section title."""

    def _note(self) -> Text:
        return Text(
            _(
                "{marker}: suppressed to protect the children concerned: fewer than "
                "{threshold} cases, or hidden so that such a count cannot be worked out "
                "from the totals. No case is named."
            ).format(marker=DEFAULT_MARKER, threshold=format_int(self.threshold)),
            muted=True,
        )

    def _intro(self, total: int | None) -> str:
        day = format_date(self.today)
        if total is None:
            return _(
                "Cases as of {day} (their number is suppressed): per support level, their "
                "status and how many days the children were (or still are) out of school."
            ).format(day=day)
        return ngettext(
            "{n} case as of {day}: per support level, its status and how many days the "
            "child was (or still is) out of school.",
            "{n} cases as of {day}: per support level, their status and how many days the "
            "children were (or still are) out of school.",
            total,
        ).format(n=format_int(total), day=day)

    def blocks(self) -> list[Block]:
        """The body."""
        d = self.durations
        total = d.counts.grand_total
        intro = self._intro(total)
        level_rows = []
        for i, level in enumerate(d.levels):
            median, upper = d.median_days[i], d.upper_quartile_days[i]
            level_rows.append(
                (
                    value_label(level.value),
                    *(_shown(v) for v in d.counts.cells[i]),
                    _shown(d.counts.row_totals[i]),
                    _stat(median, d.withheld[i]),
                    _stat(upper, d.withheld[i]),
                )
            )
        level_rows.append(
            (_("total"), *(_shown(v) for v in d.counts.column_totals), _shown(total), "", "")
        )
        blocks: list[Block] = [
            Text(intro),
            Table(
                (
                    _("Support level"),
                    *(value_label(label) for label in d.counts.column_labels),
                    _("Total"),
                    _("Median days out of school"),
                    _("Upper quartile"),
                ),
                tuple(level_rows),
                what=N_("levels"),
            ),
            Text(_("Checks (counts of cases; the case owner has the lists):")),
            Table(
                translate_all((N_("Check"), N_("Flagged"), N_("Not flagged"))),
                tuple(
                    (
                        _(CHECK_LABELS.get(row.name, row.label)).format(
                            weeks=format_int(self.stranded_weeks)
                        ),
                        _shown(row.flagged),
                        _shown(row.not_flagged),
                    )
                    for row in self.checks
                ),
                what=N_("checks"),
            ),
        ]
        if self.by_municipality:
            names = [_(CHECK_HEADERS.get(row.name, row.name)) for row in self.checks]
            blocks.append(
                Table(
                    (_("Municipality"), *names),
                    tuple(
                        (town, *(_shown(v) for v in values))
                        for town, values in self.by_municipality
                    ),
                    what=N_("municipalities"),
                )
            )
        for title, table in self.regional:
            blocks.append(Text(_(title) + ":"))
            blocks.append(_table_block(table))
        if self.days:
            blocks.append(days_chart(self.days))
            blocks.append(
                Table(
                    (_("Municipality"), _("Median days out of school")),
                    tuple(
                        (town, DEFAULT_MARKER if days is None else days) for town, days in self.days
                    ),
                    what=_("municipalities"),
                )
            )
        blocks.append(self._note())
        return blocks


def _shown(value: int | None) -> int | str:
    return DEFAULT_MARKER if value is None else value


def _stat(value: float | None, withheld: bool) -> float | int | str:
    if withheld:
        return DEFAULT_MARKER
    if value is None:
        return _("n/a")
    return int(value) if float(value).is_integer() else round(float(value), 1)


def _table_block(table: PublishedTable) -> Table:
    rows = [
        (_("unknown") if label == "unknown" else label, *(_shown(v) for v in cells), _shown(total))
        for label, cells, total in zip(table.row_labels, table.cells, table.row_totals, strict=True)
    ]
    rows.append((_("total"), *(_shown(v) for v in table.column_totals), _shown(table.grand_total)))
    headers = (value_label(table.corner), *map(value_label, table.column_labels), _("Total"))
    return Table(headers, tuple(rows), what=N_("rows"))


def _named(region: Region, table: PublishedTable) -> PublishedTable:
    """The table with organisation ids as row labels replaced by their names."""
    names: dict[str, str] = {o.id: o.name for o in region.organisations}
    return PublishedTable(
        table.corner,
        tuple(names.get(label, label) for label in table.row_labels),
        table.column_labels,
        table.cells,
        table.row_totals,
        table.column_totals,
        table.grand_total,
    )


def cases_section(
    context: ReportContext,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    stranded_weeks: int = DEFAULT_STRANDED_WEEKS,
) -> CasesSection | None:
    """Compute the cases section; ``None`` when the region has no cases.

    Every count is suppressed below ``threshold`` (with complementary suppression over
    all the section's tables together); the date for open cases and stranded ones is
    ``context.today``.

    Raises
    ------
    BsnLikeValueError
        If a case field looks like a citizen service number.
    """
    region = context.region
    if not region.cases:
        return None
    today = context.today

    check_no_bsn(region)
    # Every table the section shows shares totals with the others: suppress them together.
    tables = standard_aggregates(
        region, threshold=threshold, today=today, stranded_weeks=stranded_weeks
    )

    def published(rows: str, columns: str, corner: str) -> PublishedTable:
        return PublishedTable.of(tables[table_name(rows, columns)], corner=corner)

    durations = attrs.evolve(
        published_durations(region, today=today, threshold=threshold),
        counts=tables[table_name("support_level", "status")],
    )
    check_rows = []
    per_check: list[PublishedTable] = []
    for check in CHECKS:
        table = published("municipality", check, "municipality")
        per_check.append(table)
        check_rows.append(
            CheckRow(
                check,
                CHECK_LABELS[check].format(weeks=stranded_weeks),
                table.column_totals[0],
                table.column_totals[1],
            )
        )
    by_municipality = tuple(
        (town, tuple(table.cells[i][0] for table in per_check))
        for i, town in enumerate(per_check[0].row_labels)
    )
    regional = tuple(
        (title, _named(region, published(rows, columns, rows.replace("_", " "))))
        for rows, columns, title in _REGIONAL
    )
    return CasesSection(
        durations=durations,
        checks=tuple(check_rows),
        by_municipality=by_municipality,
        check_tables=tuple(per_check),
        regional=regional,
        today=today,
        stranded_weeks=stranded_weeks,
        threshold=threshold,
        days=median_days_by_municipality(region, today=today, threshold=threshold),
    )
