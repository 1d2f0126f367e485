"""The cases section: published counts only (no case ids, nothing below the threshold)."""

from __future__ import annotations

import datetime as dt
import re

from samenwerking.cases import CHECKS, aggregate, check_cases
from samenwerking.model import (
    Case,
    CaseId,
    Organisation,
    OrganisationId,
    Region,
    Sector,
)
from samenwerking.report.base import ReportContext
from samenwerking.report.sections_cases import CasesSection, cases_section

TODAY = dt.date(2025, 3, 3)
EVIL = "<b>Bestuur</b> | *Een*"


def _region() -> Region:
    board = Organisation(OrganisationId("b1"), EVIL, Sector.SCHOOL_BOARD, "Dorp")
    school = Organisation(
        OrganisationId("s1"), "OBS De Linde", Sector.PRIMARY_SCHOOL, "Dorp", parent=board.id
    )
    cases = [
        Case(
            CaseId(f"case-dorp-{i}"), "Dorp", "extra", school=school.id, opened=dt.date(2025, 1, 6)
        )
        for i in range(9)
    ]
    cases += [
        Case(
            CaseId("case-stad-0"),
            "Stad",
            "basic",
            status="closed",
            opened=dt.date(2025, 1, 1),
            closed=dt.date(2025, 1, 20),
        )
    ]
    return Region("Dorp", (board, school), cases=tuple(cases)).validate()


def _section() -> CasesSection:
    section = cases_section(ReportContext.of(_region(), today=TODAY))
    assert section is not None
    return section


def test_no_cases_no_section() -> None:
    assert cases_section(ReportContext.of(Region("Leeg"), today=TODAY)) is None


def test_checks_are_the_published_column_totals() -> None:
    section = _section()
    region = _region()
    assert [row.name for row in section.checks] == list(CHECKS)
    found = check_cases(region, today=TODAY)
    for row in section.checks:
        flagged = len(found.flagged(row.name))
        assert row.flagged in (None, flagged)
        assert row.flagged is None or row.flagged == 0 or row.flagged >= 5
    # 9 open cases in Dorp, none with a plan: but the number of cases (10) is known, so
    # 9 would give the one closed case away (10 - 9): hidden, with the number of open cases
    plan = next(row for row in section.checks if row.name == "without_plan")
    assert plan.flagged is None
    assert section.durations.counts.column_totals[0] is None
    assert section.durations.counts.grand_total == 10
    # on its own, the table would show it: only the tables together are protected
    table = aggregate(region, "municipality", "without_plan", today=TODAY)
    assert table.column_totals[0] == 9


def test_small_counts_are_never_shown() -> None:
    section = _section()
    counts = section.durations.counts
    # the single closed basic case in Stad is hidden; the number of cases (10) is shown
    # elsewhere anyway, so the 9 open cases are hidden: 10 - 9 would give it away
    assert counts.cells[0][2] is None and counts.grand_total == 10
    assert counts.column_totals[0] is None and counts.column_totals[2] is None
    assert all(
        v is None or v == 0 or v >= 5
        for table in (*section.check_tables, *(t for _title, t in section.regional))
        for v in (
            *(c for row in table.cells for c in row),
            *table.row_totals,
            *table.column_totals,
            table.grand_total,
        )
    )
    assert section.durations.withheld == (True, False, False)
    assert section.durations.median_days[0] is None  # one case: withheld
    assert "19" not in section.to_markdown()  # its 19 days are not shown
    assert section.durations.median_days[1] == (TODAY - dt.date(2025, 1, 6)).days


def test_render_shows_no_case_id_and_escapes_names() -> None:
    section = _section()
    markdown, html = section.to_markdown(), section.to_html()
    for text in (markdown, html):
        assert "case-" not in text
        assert "<b>Bestuur" not in text
        assert "suppressed" in text
    assert "&lt;b&gt;Bestuur&lt;/b&gt;" in html
    assert "\\<b\\>Bestuur" in markdown
    # every number in a rendered table row is 0, at least 5, or a duration
    for line in markdown.splitlines():
        if line.startswith("| Open cases"):
            numbers = [int(n) for n in re.findall(r"\| (\d+) ", line)]
            assert all(n == 0 or n >= 5 for n in numbers)


def test_threshold_and_weeks_can_be_set() -> None:
    section = cases_section(
        ReportContext.of(_region(), today=TODAY), threshold=10, stranded_weeks=4
    )
    assert section is not None
    assert section.threshold == 10 and section.stranded_weeks == 4
    assert section.durations.counts.cells[1][0] is None  # 9 < 10
    assert "4 weeks" in section.to_markdown()
