"""The team around a child, checked against networkx and brute force on small graphs."""

from __future__ import annotations

import itertools
from collections import Counter
from unittest import mock

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerking import synthetic
from samenwerking.errors import UnknownIdError
from samenwerking.graph import compact_graph
from samenwerking.model import (
    Case,
    CaseId,
    CaseInvolvement,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Tie,
)
from samenwerking.team import TeamGraphError, team_around, team_gaps

SECTORS = (Sector.PRIMARY_SCHOOL, Sector.YOUTH_CARE, Sector.MUNICIPALITY, Sector.CHILDCARE)


def build(
    n: int,
    edges: list[tuple[int, int]],
    orgs: list[int],
    teams: list[tuple[int | None, list[int]]],
    schools: list[int | None] | None = None,
) -> Region:
    """People ``p0..``; person ``i`` works for ``o{orgs[i]}``; one case per team."""
    n_orgs = max(orgs, default=0) + 1
    organisations = tuple(
        Organisation(OrganisationId(f"o{k}"), f"Org {k}", SECTORS[k % len(SECTORS)], "Dorp")
        for k in range(n_orgs)
    )
    people = tuple(
        Professional(
            ProfessionalId(f"p{i}"), f"P {i}", Role.OTHER, (OrganisationId(f"o{orgs[i]}"),)
        )
        for i in range(n)
    )
    ties = tuple(Tie(ProfessionalId(f"p{a}"), ProfessionalId(f"p{b}")) for a, b in edges)
    cases = tuple(
        Case(
            CaseId(f"c{k}"),
            "Dorp",
            "extra",
            coordinator=None if coordinator is None else ProfessionalId(f"p{coordinator}"),
            school=None
            if schools is None or schools[k] is None
            else OrganisationId(f"o{schools[k]}"),
            involved=tuple(CaseInvolvement(ProfessionalId(f"p{m}")) for m in members),
        )
        for k, (coordinator, members) in enumerate(teams)
    )
    return Region("Test", organisations, people, ties, cases=cases)


@st.composite
def regions(draw: st.DrawFn) -> Region:
    n = draw(st.integers(2, 12))
    pairs = list(itertools.combinations(range(n), 2))
    edges = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    orgs = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    teams = draw(
        st.lists(
            st.tuples(
                st.none() | st.integers(0, n - 1),
                st.lists(st.integers(0, n - 1), min_size=1, max_size=5),
            ),
            min_size=1,
            max_size=4,
        )
    )
    schools = draw(
        st.lists(st.none() | st.integers(0, max(orgs)), min_size=len(teams), max_size=len(teams))
    )
    return build(n, edges, orgs, teams, schools)


def reference(region: Region) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in region.professionals)
    graph.add_edges_from((t.source, t.target) for t in region.ties)
    return graph


@given(regions())
def test_missing_pairs_and_chains_match_networkx(region: Region) -> None:
    graph = reference(region)
    for case in region.cases:
        gaps = team_around(region, case.id)
        members = gaps.members
        expected_members = ([case.coordinator] if case.coordinator else []) + [
            i.professional for i in case.involved
        ]
        assert members == tuple(dict.fromkeys(expected_members))
        brute = {(a, b) for a, b in itertools.combinations(members, 2) if not graph.has_edge(a, b)}
        assert {(g.first, g.second) for g in gaps.missing} == brute
        for gap in gaps.missing:
            assert gap.same_island == nx.has_path(graph, gap.first, gap.second)
            if gap.chain is None:
                assert not gap.same_island
                continue
            assert gap.chain[0] == gap.first and gap.chain[-1] == gap.second
            assert all(graph.has_edge(u, v) for u, v in itertools.pairwise(gap.chain))
            assert gap.steps == nx.shortest_path_length(graph, gap.first, gap.second)


@given(regions())
def test_organisations_without_coordinator_tie_match_brute_force(region: Region) -> None:
    graph = reference(region)
    for case in region.cases:
        gaps = team_around(region, case.id)
        orgs = [region.professional(m).organisation for m in gaps.members]
        if case.school is not None:
            orgs.append(case.school)
        assert gaps.organisations == tuple(dict.fromkeys(orgs))
        if case.coordinator is None:
            assert gaps.without_coordinator_tie == ()
            continue
        own = set(region.professional(case.coordinator).organisations)
        neighbours = graph.neighbors(case.coordinator)
        tied = {o for k in neighbours for o in region.professional(k).organisations}
        expected = tuple(o for o in gaps.organisations if o not in own | tied)
        assert gaps.without_coordinator_tie == expected


@given(regions())
def test_missing_organisation_links_and_summary_match_brute_force(region: Region) -> None:
    graph = reference(region)
    summary = team_gaps(region)
    assert [t.case for t in summary.teams] == [c.id for c in region.cases]
    counts: Counter[tuple[str, str]] = Counter()
    for gaps in summary.teams:
        by_org: dict[str, list[str]] = {}
        for m in gaps.members:
            by_org.setdefault(region.professional(m).organisation, []).append(m)
        expected = set()
        for x, y in itertools.combinations(sorted(by_org), 2):
            if not any(graph.has_edge(a, b) for a in by_org[x] for b in by_org[y]):
                expected.add((x, y))
        assert set(gaps.missing_organisation_links) == expected
        counts.update(expected)
    assert {link.organisations: link.cases for link in summary.missing_links} == dict(counts)
    order = [(-link.cases, link.organisations) for link in summary.missing_links]
    assert order == sorted(order)
    assert summary.cases_with_missing_ties == sum(1 for t in summary.teams if t.missing)


def test_chain_goes_through_the_introducers() -> None:
    # p0 - p1 - p2 - p3, and p4 alone; team p0 (coordinator), p3, p4.
    region = build(5, [(0, 1), (1, 2), (2, 3)], [0, 0, 1, 1, 2], [(0, [3, 4])])
    gaps = team_around(region, "c0")
    first, second, third = gaps.missing
    assert (first.first, first.second, first.chain) == ("p0", "p3", ("p0", "p1", "p2", "p3"))
    assert first.introducers == ("p1", "p2")
    assert second.chain is None and not second.same_island
    assert third.chain is None
    assert gaps.unreachable == (second, third)
    assert gaps.without_coordinator_tie == ("o1", "o2")
    assert "3 of 3 pair(s) without a tie" in str(gaps)


def test_max_steps_bounds_the_chains() -> None:
    region = build(5, [(0, 1), (1, 2), (2, 3), (3, 4)], [0] * 5, [(0, [2, 4])])
    gaps = team_around(region, "c0", max_steps=2)
    steps = {(g.first, g.second): g.steps for g in gaps.missing}
    assert steps == {("p0", "p2"): 2, ("p0", "p4"): None, ("p2", "p4"): 2}
    assert all(g.same_island for g in gaps.missing)
    with pytest.raises(ValueError, match="max_steps"):
        team_around(region, "c0", max_steps=0)


def test_unknown_case_and_foreign_graph_are_errors() -> None:
    region = build(3, [(0, 1)], [0, 0, 1], [(0, [1, 2])])
    with pytest.raises(UnknownIdError, match="c9"):
        team_around(region, "c9")
    other = build(4, [(0, 1)], [0, 0, 1, 1], [(0, [1])])
    with pytest.raises(TeamGraphError):
        team_around(region, "c0", graph=compact_graph(other))


def test_suppressed_links_hide_small_counts() -> None:
    # Seven cases with the same two-person team who do not know each other, one with another.
    teams: list[tuple[int | None, list[int]]] = [(0, [1])] * 7 + [(2, [3])]
    region = build(4, [], [0, 1, 2, 3], teams)
    summary = team_gaps(region)
    assert [(link.organisations, link.cases) for link in summary.missing_links] == [
        (("o0", "o1"), 7),
        (("o2", "o3"), 1),
    ]
    table = summary.suppressed_links(labels={"o0": "School"})
    assert table.row_labels == ("School - o1", "o2 - o3")
    assert table.cells[1] == (None,)
    assert all(c is None or c >= 5 for row in table.cells for c in row)


def test_synthetic_cases_run_at_small_scale_with_one_graph() -> None:
    area = synthetic.region(600, seed=4)
    area = area.replace(cases=synthetic.cases(area, 40, seed=4))
    graph = compact_graph(area)
    seen: list[tuple[int, int]] = []
    summary = team_gaps(area, graph=graph, progress=lambda done, total: seen.append((done, total)))
    assert summary.cases == 40
    assert seen[-1] == (40, 40)
    assert summary.teams[3] == team_around(area, area.cases[3].id, graph=graph)


def smallest_shortest_chain(graph: nx.Graph, region: Region, a: str, b: str) -> tuple[str, ...]:
    """Of all shortest paths, the smallest by positions read from the earlier professional."""
    position = {p.id: k for k, p in enumerate(region.professionals)}
    low, high = (a, b) if position[a] < position[b] else (b, a)
    best = min(
        nx.all_shortest_paths(graph, low, high), key=lambda path: [position[p] for p in path]
    )
    return tuple(best) if low == a else tuple(reversed(best))


@given(
    regions(),
    st.sampled_from([1, 2, 64]),
    st.none() | st.integers(1, 4),
)
def test_batched_search_finds_the_smallest_shortest_chains(
    region: Region, batch: int, max_steps: int | None
) -> None:
    # Sources searched one, two or 64 per call of the compiled search.
    import samenwerking.team._search as search_module

    graph = reference(region)
    with mock.patch.object(search_module, "BATCH", batch):
        summary = team_gaps(region, max_steps=max_steps)
    for case, gaps in zip(region.cases, summary.teams, strict=True):
        assert gaps == team_around(region, case.id, max_steps=max_steps)
        for gap in gaps.missing:
            if not nx.has_path(graph, gap.first, gap.second):
                assert gap.chain is None and not gap.same_island
                continue
            assert gap.same_island
            length = nx.shortest_path_length(graph, gap.first, gap.second)
            if max_steps is not None and length > max_steps:
                assert gap.chain is None
            else:
                assert gap.chain == smallest_shortest_chain(graph, region, gap.first, gap.second)


def test_chain_is_the_smallest_read_from_the_earlier_professional() -> None:
    # Two shortest chains between p0 and p5: p0-p1-p4-p5 and p0-p2-p3-p5. Read from p0
    # (the earlier professional) the first is smaller, although p5 is listed first.
    edges = [(0, 1), (1, 4), (4, 5), (0, 2), (2, 3), (3, 5)]
    region = build(6, edges, [0] * 6, [(5, [0]), (0, [5])])
    assert team_around(region, "c0").missing[0].chain == ("p5", "p4", "p1", "p0")
    assert team_around(region, "c1").missing[0].chain == ("p0", "p1", "p4", "p5")


def test_progress_counts_cases_in_order_over_several_batches() -> None:
    import samenwerking.team._search as search_module

    area = synthetic.region(300, seed=5)
    area = area.replace(cases=synthetic.cases(area, 30, seed=5))
    seen: list[tuple[int, int]] = []
    with mock.patch.object(search_module, "BATCH", 4):
        summary = team_gaps(area, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 2
    assert all(total == 30 for _, total in seen)
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == 30
    assert summary == team_gaps(area)
