"""The "Suggested introductions" section on the small hand-built region of report_regions.

Expected figures come from the analyses and introduce functions called directly, and from
plain networkx on the region's graph.
"""

from __future__ import annotations

import networkx as nx
from report_regions import EVIL_NAME, hand_region

import samenwerking as sw
from samenwerking.introduce import (
    apply_introductions,
    connect_islands,
    make_links_robust,
    min_bus_factor,
)
from samenwerking.model import Organisation, Professional, Region, Role, Sector, Tie
from samenwerking.report.base import ReportContext
from samenwerking.report.sections_introductions import (
    ROBUST_K,
    IntroductionsSection,
    introductions_section,
)


def _section(region: Region) -> IntroductionsSection | None:
    return introductions_section(ReportContext.of(region))


def test_section_lists_connect_and_robust_introductions() -> None:
    region = hand_region()
    section = _section(region)
    assert section is not None
    connect = connect_islands(region)
    robust = make_links_robust(region, k=ROBUST_K)
    islands = nx.number_connected_components(sw.to_graph(region).to_undirected())
    assert section.connect_total == len(connect) == islands - 1
    assert section.robust_total == len(robust)
    assert [r.reason for r in section.connect] == [i.reason for i in connect]
    people = {p.id: p for p in region.professionals}
    first = connect.items[0]
    assert section.connect[0].a.startswith(people[first.a].name)
    figures = dict(
        zip(section.figures, zip(section.before, section.after, strict=True), strict=True)
    )
    assert figures["Islands"] == (islands, 1)
    after = apply_introductions(region, (*connect.items, *robust.items))
    assert nx.is_connected(sw.to_graph(after).to_undirected())
    assert figures["Lowest bus factor between domains"] == (
        min_bus_factor(sw.compact_graph(region))[0],
        min_bus_factor(sw.compact_graph(after))[0],
    )
    # The lone municipality person would need three introductions; the cap is two.
    assert not robust.complete
    assert any("cap of 2" in note for note in section.notes)


def test_markdown_and_html_escape_names() -> None:
    section = _section(hand_region())
    assert section is not None
    markdown, html = section.to_markdown(), section.to_html()
    assert "| Figure | Before | After |" in markdown
    assert "<table" in html and "Islands" in html
    assert EVIL_NAME not in markdown and EVIL_NAME not in html
    assert "Jeugdhulp <Oost>" not in html


def test_none_when_nothing_to_suggest() -> None:
    orgs = (
        Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Noord"),
        Organisation("y", "Jeugdhulp", Sector.YOUTH_CARE, "Noord"),
    )
    people = tuple(
        Professional(i, i.upper(), Role.TEACHER, (o,))
        for i, o in (("a", "s"), ("b", "s"), ("c", "y"), ("d", "y"))
    )
    region = Region("r", orgs, people, ties=[Tie("a", "c"), Tie("b", "d"), Tie("a", "b")])
    assert _section(region) is None


def test_cap_notes_are_shown() -> None:
    org = Organisation("o", "Org", Sector.YOUTH_CARE, "Noord")
    school = Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Noord")
    people = (
        Professional("a", "A", Role.TEACHER, ("s",)),
        Professional("b", "B", Role.FAMILY_COACH, ("o",)),
    )
    section = _section(Region("r", (org, school), people))
    assert section is not None
    assert section.connect_total == 1
    assert any("too few people" in note for note in section.notes)
    assert "too few people" in section.to_markdown()
