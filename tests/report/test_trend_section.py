"""The "Trends over time" section: its tables and chart hold what ``analysis.trend`` returns.

The snapshots are the hand-built region of ``report_regions.py`` and two changed copies
of it (a tie that merges the childcare silo into the main island; a professional who
leaves). Figures are compared with ``analysis.trend`` and the region's own analyses; the
chart is parsed as XML.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree

import pytest
from report_regions import hand_region

import samenwerking as sw
from samenwerking.analysis import Snapshot, Trend, trend
from samenwerking.model import (
    Case,
    CaseId,
    ProfessionalId,
    Region,
    SupportLevel,
    Tie,
    TieStore,
)
from samenwerking.report import build_report, render_html, render_markdown, write_report
from samenwerking.report.base import ReportContext
from samenwerking.report.sections import DEFAULT_SECTIONS
from samenwerking.report.sections_trend import (
    CHART_FILE,
    TrendSection,
    _render,
    trend_builder,
    trend_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
DAYS = (dt.date(2024, 3, 1), dt.date(2025, 3, 1), dt.date(2026, 3, 1))
NOTE = "<b>survey</b> | *2024*"


def _snapshots() -> tuple[Region, Region, Region]:
    first = hand_region()
    merged = first.replace(
        ties=TieStore.concat([first.ties, TieStore.from_ties([Tie("k1", "y1")])])
    )
    left = merged.replace(professionals=tuple(p for p in merged.professionals if p.id != "s2c"))
    cases = tuple(
        Case(CaseId(f"c-{i}"), "Noord", SupportLevel.EXTRA, school="s1", opened=DAYS[0])
        for i in range(3)
    )
    return first, merged, left.replace(cases=cases)


@pytest.fixture(scope="module")
def found() -> Trend:
    first, merged, left = _snapshots()
    return trend(
        [Snapshot(DAYS[0], first, note=NOTE), Snapshot(DAYS[1], merged), Snapshot(DAYS[2], left)]
    )


@pytest.fixture(scope="module")
def section(found: Trend) -> TrendSection:
    built = trend_builder(found)(ReportContext.of(_snapshots()[2]))
    assert isinstance(built, TrendSection)
    return built


def test_the_section_holds_the_trend(found: Trend, section: TrendSection) -> None:
    assert section.rows == found.rows and section.steps == found.steps
    assert section.key == "trend" and section.title == "Trends over time"
    merged = _snapshots()[1]
    own = sw.analysis.islands(sw.compact_graph(merged))
    assert section.rows[1].islands == len(own.islands)
    assert section.steps[0].merged and not section.steps[0].left
    assert section.steps[1].left == ("s2c",)


def _table_rows(markdown: str, first_cell: str) -> list[list[str]]:
    rows = []
    for line in markdown.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if line.startswith("|") and re.match(first_cell, cells[0]):
            rows.append(cells)
    return rows


def test_markdown_tables_newest_first(section: TrendSection) -> None:
    markdown = section.to_markdown()
    rows = _table_rows(markdown, r"20\d\d-")
    snapshots = [r for r in rows if len(r) == 10]
    assert [r[0][:10] for r in snapshots] == [d.isoformat() for d in reversed(DAYS)]
    for cells, row in zip(snapshots, reversed(section.rows), strict=True):
        assert cells[1:4] == [str(row.professionals), str(row.islands), str(row.isolates)]
        assert cells[6] == str(len(row.fragile_links))
        assert cells[7] == f"{len(row.unreached_schools)} of {row.schools}"
        assert cells[8] == f"{row.agreements_to_fix} of {row.agreements}"
    periods = [r for r in rows if len(r) == 7]
    assert periods[0][0] == f"{DAYS[1]} to {DAYS[2]}"
    assert periods[0][1:3] == ["0", "1"]  # nobody joined, s2c left
    assert periods[1][5] == "1"  # the childcare silo merged into the main island
    assert f"![Trends over time]({CHART_FILE})" in markdown


def test_open_thuiszitters_never_show_a_small_count(section: TrendSection) -> None:
    assert section.rows[-1].open_thuiszitters == "fewer than 5"
    snapshots = [r for r in _table_rows(section.to_markdown(), r"20\d\d-") if len(r) == 10]
    assert [r[9] for r in snapshots] == ["fewer than 5", "0", "0"]


def test_html_escapes_and_inlines_the_chart(section: TrendSection) -> None:
    html = section.to_html()
    assert NOTE not in html and "&lt;b&gt;survey&lt;/b&gt;" in html
    assert html.count("<svg") == 1 and "<?xml" not in html and "<!DOCTYPE" not in html
    assert "<figcaption>" in html


def _chart_root(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def test_chart_has_a_text_alternative(section: TrendSection) -> None:
    svg = section.files()[CHART_FILE]
    root = _chart_root(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-labelledby") == "trend-title trend-desc"
    title, desc = root[0], root[1]
    assert title.tag == f"{SVG}title" and title.get("id") == "trend-title"
    assert title.text == f"Trends over time, {DAYS[0]} to {DAYS[-1]}"
    assert desc.tag == f"{SVG}desc" and desc.text is not None
    islands = ", ".join(str(r.islands) for r in section.rows)
    isolates = ", ".join(str(r.isolates) for r in section.rows)
    assert f"Islands: {islands};" in desc.text and f"Without ties: {isolates};" in desc.text
    shares = ", ".join(f"{round(100 * r.cross_share)}%" for r in section.rows)  # type: ignore[operator]
    assert desc.text.endswith(f"Across domains: {shares}.")
    assert all(d.isoformat() in desc.text for d in DAYS)


def test_chart_is_deterministic_and_undated(section: TrendSection) -> None:
    _render.cache_clear()
    once = trend_chart(section.rows)
    _render.cache_clear()
    again = trend_chart(section.rows)
    assert once == again
    assert "<dc:date>" not in once and "Matplotlib v" not in once
    assert dt.date.today().isoformat() not in once


def test_chart_changes_with_the_figures(found: Trend) -> None:
    first, merged, _left = _snapshots()
    other = trend([(DAYS[0], merged), (DAYS[1], first)])
    assert trend_chart(other.rows) != trend_chart(found.rows[:2])


def test_one_snapshot_has_no_chart_and_no_snapshot_no_section() -> None:
    region = hand_region()
    one = trend_builder(trend([(DAYS[0], region)]))(ReportContext.of(region))
    assert one is not None and one.files() == {}
    assert "the chart appears from two on" in one.to_markdown()
    assert trend_builder(trend([]))(ReportContext.of(region)) is None


def test_in_a_whole_report(found: Trend, tmp_path: object) -> None:
    region = _snapshots()[2]
    plain = build_report(region)
    assert "trend" not in [s.key for s in plain.sections]
    report = build_report(region, sections=(*DEFAULT_SECTIONS, trend_builder(found)))
    assert report.section("trend").title == "Trends over time"
    html = render_html(report)
    assert 'id="trend-title"' in html and "Trends over time" in render_markdown(report)
    md_path, _html = write_report(report, str(tmp_path))
    written = (md_path.parent / CHART_FILE).read_text(encoding="utf-8")
    assert written == report.section("trend").files()[CHART_FILE]  # type: ignore[attr-defined]
    assert _chart_root(written).tag == f"{SVG}svg"


def test_isolates_row_matches_plain_counts(section: TrendSection) -> None:
    for row, region in zip(section.rows, _snapshots(), strict=True):
        ties = {tuple(sorted((t.source, t.target))) for t in region.ties}
        tied = {p for pair in ties for p in pair}
        people = {ProfessionalId(p.id) for p in region.professionals}
        assert row.isolates == len(people - tied)


def test_in_dutch(section: TrendSection) -> None:
    from samenwerking.report.i18n import _ as translate
    from samenwerking.report.i18n import use_language

    _render.cache_clear()
    with use_language("nl"):
        title = translate(section.title)
        markdown = section.to_markdown()
        svg = section.files()[CHART_FILE]
    assert title == "Ontwikkeling in de tijd"
    header = next(line for line in markdown.splitlines() if line.startswith("| Momentopname"))
    assert "Eilandjes" in header and "Open thuiszitters" in header
    rows = [r for r in _table_rows(markdown, r"\d+ \w+ 20\d\d") if len(r) == 10]
    assert [r[0] for r in rows[:2]] == ["1 maart 2026", "1 maart 2025"]
    assert rows[0][7] == f"{len(section.rows[-1].unreached_schools)} van {section.rows[-1].schools}"
    assert rows[0][9] == "minder dan 5"
    assert "3 momentopnamen van 1 maart 2024 tot 1 maart 2026" in markdown
    desc = _chart_root(svg)[1].text
    assert desc is not None and desc.startswith("Per momentopname (1 maart 2024, ")
    assert "Eilandjes: " in desc
    with use_language("en"):
        assert section.files()[CHART_FILE] != svg  # the chart follows the language
