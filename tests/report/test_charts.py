"""The report's charts: deterministic SVG with a text alternative, numbers in the report's
language, suppressed cells marked (never their value), and each chart in its section."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.cases.regional_days import median_days_by_municipality
from samenwerking.model import Case, CaseId, Region
from samenwerking.report import build_report, render_html, render_markdown
from samenwerking.report.charts import (
    before_after_chart,
    days_chart,
    degree_chart,
    ei_chart,
    mixing_heatmap,
)
from samenwerking.report.i18n import use_language

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(node.itertext()).strip() for node in root.iter(f"{SVG}text")]


def _alternative(svg: str) -> tuple[str, str]:
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return "".join(title.itertext()), "".join(desc.itertext())


CHARTS = {
    "degrees": lambda: degree_chart([0, 1, 1, 2, 3, 3, 7, 120]),
    "mixing": lambda: mixing_heatmap(("care", "education"), ((4, 2), (2, 9))),
    "ei": lambda: ei_chart((("care", -0.25), ("education", 0.5))),
    "days": lambda: days_chart((("Dorp", 30.5), ("Stad", None))),
    "change": lambda: before_after_chart(("Islands", "Density"), (5, 0.01), (3, 0.02)),
}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_is_deterministic_and_described(name: str) -> None:
    first, second = CHARTS[name](), CHARTS[name]()
    assert first.svg == second.svg
    assert first.file_name == f"chart-{name}.svg"
    title, description = _alternative(first.svg)
    assert title == first.title and description
    assert "<script" not in first.svg and "http://www.w3.org/1999/xlink" in first.svg
    assert not re.search(r"\d{4}-\d\d-\d\dT", first.svg)  # no date in the file


def test_the_description_says_what_the_chart_shows() -> None:
    _, text = _alternative(degree_chart([0, 1, 1, 2, 3, 3, 7, 120]).svg)
    assert "8 people" in text and "1 without any tie" in text and "120" in text
    _, text = _alternative(ei_chart((("care", -0.25), ("education", 0.5))).svg)
    assert text == "care: -0.25; education: 0.5"


def test_numbers_follow_the_report_language() -> None:
    with use_language("nl"):
        labels = _texts(ei_chart((("zorg", -0.25), ("onderwijs", 0.5))).svg)
    assert "-0,5" in labels and "0,5" in labels
    assert not any(re.fullmatch(r"-?\d+\.\d+", label) for label in labels)


@given(st.lists(st.integers(0, 500), min_size=1, max_size=300))
@settings(max_examples=25, deadline=None)
def test_degree_bars_count_every_person_once(degrees: list[int]) -> None:
    svg = degree_chart(degrees).svg
    _, text = _alternative(svg)
    assert text.startswith(f"{len(degrees):,} people".replace(",", ","))
    assert f"the most connected person has {max(degrees):,}" in text


def test_suppressed_days_are_marked_and_never_drawn() -> None:
    cases = tuple(
        Case(CaseId(f"c-{i}"), "Dorp" if i < 7 else "Stad", "basic", opened=dt.date(2025, 1, i))
        for i in range(1, 10)
    )
    rows = median_days_by_municipality(Region("Dorp", cases=cases), today=dt.date(2025, 2, 1))
    assert rows == (("Dorp", 28.5), ("Stad", None))
    svg = days_chart(rows).svg
    labels = _texts(svg)
    assert "suppressed" in labels and "28.5" in labels
    stad = sorted((dt.date(2025, 2, 1) - dt.date(2025, 1, i)).days for i in (7, 8, 9))[1]
    assert str(stad) not in labels  # the hidden median is not drawn (ticks step by 5)
    _, text = _alternative(svg)
    assert "Stad: suppressed" in text and str(stad) not in text


def test_a_threshold_of_one_publishes_every_median() -> None:
    cases = (Case(CaseId("c-1"), "Stad", "basic", opened=dt.date(2025, 1, 1)),)
    found = median_days_by_municipality(
        Region("Stad", cases=cases), today=dt.date(2025, 1, 11), threshold=1
    )
    assert found == (("Stad", 10.0),)


def test_the_report_shows_each_chart_in_its_section() -> None:
    region = sw.example_region()
    before = region.replace(ties=region.ties.select(range(len(region.ties) // 2)))
    report = build_report(region, before=before, today=dt.date(2026, 11, 23))
    where = {
        "cohesion": "chart-degrees.svg",
        "across": "chart-mixing.svg",
        "cases": "chart-days.svg",
        "change": "chart-change.svg",
    }
    for key, file_name in where.items():
        section = report.section(key)
        assert file_name in section.files()  # type: ignore[attr-defined]
        assert f"]({file_name})" in section.to_markdown()
        assert 'role="img"' in section.to_html()
    assert "chart-ei.svg" in report.section("across").files()  # type: ignore[attr-defined]
    page = render_html(report)
    assert page.count('role="img" aria-labelledby="chart-') == 5
    assert "chart-degrees.svg" in render_markdown(report)
