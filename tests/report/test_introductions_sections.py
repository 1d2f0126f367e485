"""The "Suggested introductions" section on the small hand-built region of report_regions.

Expected figures come from the analyses and introduce functions called directly, and from
plain networkx on the region's graph.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx
import numpy as np
from report_regions import EVIL_NAME, hand_region

import samenwerking as sw
from samenwerking.introduce import (
    EXPERT_SECTORS,
    CostModel,
    Introduction,
    apply_introductions,
    connect_islands,
    expertise_within_reach,
    improvement,
    make_links_robust,
    min_bus_factor,
)
from samenwerking.introduce._pick import with_ties
from samenwerking.model import Organisation, Professional, Region, Role, Sector, Tie
from samenwerking.report.base import ReportContext
from samenwerking.report.sections_introductions import (
    REACH_STEPS,
    ROBUST_K,
    SHARED_EI,
    SHARED_LINKS,
    SHARED_REACH,
    IntroductionsSection,
    introductions_section,
)


def _section(region: Region) -> IntroductionsSection | None:
    return introductions_section(ReportContext.of(region))


def test_section_lists_the_three_chained_results() -> None:
    region = hand_region()
    section = _section(region)
    assert section is not None
    connect = connect_islands(region)
    robust = make_links_robust(region, k=ROBUST_K, planned=connect)
    reach = expertise_within_reach(region, steps=REACH_STEPS, planned=(*connect, *robust))
    islands = nx.number_connected_components(sw.to_graph(region).to_undirected())
    assert section.connect_total == len(connect) == islands - 1
    assert section.robust_total == len(robust)
    assert section.reach_total == len(reach)
    for rows, result in ((section.connect, connect), (section.robust, robust)):
        assert [r.reason for r in rows] == [i.reason for i in result]
    assert [r.reason for r in section.reach] == [i.reason for i in reach]
    people = {p.id: p for p in region.professionals}
    first = connect.items[0]
    assert section.connect[0].a.startswith(people[first.a].name)
    # One cap over the three lists together.
    together = Counter(p for r in (connect, robust, reach) for i in r for p in (i.a, i.b))
    assert max(together.values()) <= CostModel().cap
    figures = dict(
        zip(section.figures, zip(section.before, section.after, strict=True), strict=True)
    )
    assert figures["Islands"] == (islands, 1)
    after = apply_introductions(region, (*connect, *robust, *reach))
    assert nx.is_connected(sw.to_graph(after).to_undirected())
    assert figures["Lowest bus factor between domains"] == (
        min_bus_factor(sw.compact_graph(region))[0],
        min_bus_factor(sw.compact_graph(after))[0],
    )
    # School s2 reaches care only in four steps, s1 in one; afterwards both within two
    # (here the joins and robust links already bring s2 within reach: no third list).
    out_of_reach = figures[f"Schools without a care contact within {REACH_STEPS} steps"]
    assert out_of_reach == (1, len(_out_of_reach(after)))
    assert out_of_reach[1] == 0 and reach.complete and section.reach == ()
    # The lone municipality person would need three introductions; the cap is two.
    assert not robust.complete
    assert any("cap of 2" in note for note in section.notes)


def test_markdown_and_html_escape_names() -> None:
    section = _section(hand_region())
    assert section is not None
    markdown, html = section.to_markdown(), section.to_html()
    assert "| Figure | Before | After |" in markdown
    assert "<table" in html and "Islands" in html
    assert "Schools without a care contact within 2 steps" in markdown
    assert EVIL_NAME not in markdown and EVIL_NAME not in html
    assert "Jeugdhulp <Oost>" not in html


def _out_of_reach(region: Region) -> set[str]:
    """Schools none of whose people is within REACH_STEPS of care (plain networkx BFS)."""
    G = sw.to_graph(region).to_undirected()  # noqa: N806
    sector = {o.id: o.sector for o in region.organisations}
    experts = [p.id for p in region.professionals if sector[p.organisation] in EXPERT_SECTORS]
    near = nx.multi_source_dijkstra_path_length(G, experts, cutoff=REACH_STEPS)
    return {p.organisation for p in region.professionals if sector[p.organisation].is_school} - {
        p.organisation for p in region.professionals if p.id in near
    }


def test_a_far_school_gets_expertise_within_reach() -> None:
    orgs = (
        Organisation("s1", "School Een", Sector.PRIMARY_SCHOOL, "Noord"),
        Organisation("s2", "School Twee", Sector.PRIMARY_SCHOOL, "Noord"),
        Organisation("y", "Jeugdhulp", Sector.YOUTH_CARE, "Noord"),
    )
    people = tuple(
        Professional(i, i.upper(), r, (o,))
        for i, r, o in (
            ("s1a", Role.INTERN_BEGELEIDER, "s1"),
            ("s1b", Role.ZORGCOORDINATOR, "s1"),
            ("s1c", Role.TEACHER, "s1"),
            ("s2a", Role.INTERN_BEGELEIDER, "s2"),
            ("s2b", Role.TEACHER, "s2"),
            ("y1", Role.YOUTH_CONSULTANT, "y"),
            ("y2", Role.FAMILY_COACH, "y"),
        )
    )
    # One network, education - care carried by two people; s2 is four steps from care.
    links = [("s1a", "y1"), ("s1b", "y2"), ("s1a", "s1b"), ("s1a", "s1c")]
    links += [("s1c", "s2b"), ("s2b", "s2a")]
    region = Region("r", orgs, people, ties=[Tie(a, b) for a, b in links])
    assert _out_of_reach(region) == {"s2"}
    section = _section(region)
    assert section is not None
    assert (section.connect_total, section.robust_total, section.reach_total) == (0, 0, 1)
    (item,) = expertise_within_reach(region, steps=REACH_STEPS)
    assert section.reach[0].reason == item.reason
    assert section.reach[0].b.startswith(item.b.upper())  # b is the expert
    figures = dict(zip(section.figures, section.after, strict=True))
    assert figures[f"Schools without a care contact within {REACH_STEPS} steps"] == 0
    assert not _out_of_reach(apply_introductions(region, [item]))
    markdown = section.to_markdown()
    assert section.reach[0].a in markdown and section.reach[0].b in markdown
    assert "youth care or youth health" in markdown


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


def test_the_picture_dashes_exactly_the_suggested_introductions(tmp_path: object) -> None:
    from pathlib import Path

    from samenwerking.report import build_report, write_report
    from samenwerking.report.sections_introductions import INTRODUCTIONS_FILE

    region = sw.example_region()
    section = introductions_section(ReportContext.of(region))
    assert section is not None and section.figure is not None
    total = section.connect_total + section.robust_total + section.reach_total
    svg = section.figure.svg
    dashed = svg.split('stroke-dasharray="5 3">', 1)[1].split("</g>", 1)[0]
    assert dashed.count("<line ") == total
    assert f"suggested introduction: {total}" in svg
    assert f"]({INTRODUCTIONS_FILE})" in section.to_markdown()
    assert "<figure>" in section.to_html()
    report = build_report(region, sections=(introductions_section,))
    md, _html = write_report(report, Path(str(tmp_path)))
    assert (md.parent / INTRODUCTIONS_FILE).read_text(encoding="utf-8") == svg


def test_new_ties_are_laid_out_as_if_absent() -> None:
    from samenwerking.report.picture import layout_picture

    G = nx.Graph([(0, 1), (2, 3)])  # noqa: N806
    with_new = G.copy()
    with_new.add_edge(1, 2)
    drawn = layout_picture(with_new, title="t", new_edges=[(2, 1)])
    plain = layout_picture(G, title="t")
    assert [(n.x, n.y) for n in drawn.nodes] == [(n.x, n.y) for n in plain.nodes]
    assert [e.new for e in drawn.edges].count(True) == 1


def test_the_after_figures_equal_those_of_the_region_with_the_ties_applied() -> None:
    # The section measures "after" on the context's graph with the new ties added; that is
    # the graph (and so the figures) of the region with the introductions applied.
    for region in (hand_region(), sw.synthetic.region(400, seed=3, ties_per_professional=0.6)):
        context = ReportContext.of(region)
        section = introductions_section(context)
        assert section is not None and section.change is not None
        pairs = context.shared["introductions"]
        suggested = [Introduction(a, b, 1.0, "") for a, b in pairs]
        after = apply_introductions(region, suggested)
        assert section.change == improvement(region, after, steps=REACH_STEPS)
        G = sw.compact_graph(after)  # noqa: N806
        ends = [context.compact.index_of(p) for pair in pairs for p in pair]
        grown = with_ties(context.compact, np.array(ends[0::2]), np.array(ends[1::2]))
        for name in ("indptr", "indices", "weight"):
            assert np.array_equal(getattr(grown, name), getattr(G, name))


def test_analyses_left_by_earlier_sections_give_the_same_figures() -> None:
    region = sw.synthetic.region(400, seed=4, ties_per_professional=0.6)
    plain = _section(region)
    context = ReportContext.of(region)
    C = context.compact  # noqa: N806
    context.shared[SHARED_LINKS] = sw.analysis.bus_factor(C, by="domain")
    context.shared[SHARED_EI] = sw.analysis.ei_index(C, by="domain", permutations=5, seed=1)
    context.shared[SHARED_REACH] = sw.analysis.nearest_contact(
        C, to_sectors=[s.value for s in EXPERT_SECTORS], max_steps=REACH_STEPS
    )
    reused = introductions_section(context)
    assert plain is not None and reused is not None
    assert reused.change == plain.change and reused.before == plain.before
    # A reach measured with other steps is not reused.
    context = ReportContext.of(region)
    context.shared[SHARED_REACH] = sw.analysis.nearest_contact(
        C, to_sectors=["youth_care"], max_steps=REACH_STEPS + 1
    )
    other = introductions_section(context)
    assert other is not None and other.change == plain.change


def test_the_bus_factor_mixing_and_reach_sections_leave_what_the_introductions_reuse() -> None:
    from samenwerking.report.sections_bus_factor import bus_factor_section
    from samenwerking.report.sections_mixing import mixing_section
    from samenwerking.report.sections_reach import reach_section

    region = sw.synthetic.region(400, seed=4, ties_per_professional=0.6)
    plain = _section(region)
    context = ReportContext.of(region)
    for section in (mixing_section, reach_section, bus_factor_section):
        section(context)
    assert {SHARED_LINKS, SHARED_EI, SHARED_REACH} <= set(context.shared)
    C = context.compact  # noqa: N806
    assert context.shared[SHARED_REACH] == sw.analysis.nearest_contact(
        C, to_sectors=[s.value for s in EXPERT_SECTORS], max_steps=REACH_STEPS
    )
    reused = introductions_section(context)
    assert plain is not None and reused is not None
    assert reused.change == plain.change and reused.before == plain.before
