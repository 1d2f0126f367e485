"""Tests for comparing two snapshots (``analysis.change``).

References: sets of tied pairs and ``networkx.connected_components`` on plain graphs
built from the regions' ties; the E-I index and density from the module's own functions
(tested elsewhere against networkx); a real pair of networks over the same organisations
(UserNetR ``TCcoll`` collaboration ties against ``TCcnt`` contact ties).
"""

from __future__ import annotations

import networkx as nx
import pytest
from group_graphs import load_network, regions
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.change import Change, Delta, compare
from samenwerking.analysis.cohesion import density, density_between
from samenwerking.analysis.mixing import ei_index
from samenwerking.graph.compact import compact_graph
from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    TieStore,
)


def _graph(r: Region) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(p.id for p in r.professionals)
    g.add_edges_from((t.source, t.target) for t in r.ties if t.source != t.target)
    return g


def _pairs(r: Region) -> set[tuple[str, str]]:
    return {tuple(sorted(e)) for e in _graph(r).edges()}  # type: ignore[misc]


def _domain(r: Region, pid: str) -> str:
    return str(r.domain_of(pid).value)


def _check(before: Region, after: Region, change: Change) -> None:
    old, new = _pairs(before), _pairs(after)
    assert set(change.new_pairs) == new - old and list(change.new_pairs) == sorted(new - old)
    assert set(change.lost_pairs) == old - new
    assert change.new_ties == len(new - old) and change.lost_ties == len(old - new)
    for pairs, snapshot, counted in (
        (new - old, after, change.new_by_pair),
        (old - new, before, change.lost_by_pair),
    ):
        expected: dict[tuple[str, str], int] = {}
        for a, b in pairs:
            key = tuple(sorted((_domain(snapshot, a), _domain(snapshot, b))))
            expected[key] = expected.get(key, 0) + 1  # type: ignore[index]
        assert counted == expected
    people_before = {p.id for p in before.professionals}
    people_after = {p.id for p in after.professionals}
    assert change.added == tuple(sorted(people_after - people_before))
    assert change.removed == tuple(sorted(people_before - people_after))

    g_old, g_new = _graph(before), _graph(after)
    old_of = {v: i for i, c in enumerate(nx.connected_components(g_old)) for v in c}
    new_of = {v: i for i, c in enumerate(nx.connected_components(g_new)) for v in c}
    common = people_before & people_after
    sources: dict[int, set[int]] = {}
    parts: dict[int, set[int]] = {}
    for v in common:
        sources.setdefault(new_of[v], set()).add(old_of[v])
        parts.setdefault(old_of[v], set()).add(new_of[v])
    expected_merged = {
        frozenset(nx.node_connected_component(g_new, next(v for v in g_new if new_of[v] == i)))
        for i, s in sources.items()
        if len(s) >= 2
    }
    expected_split = {
        frozenset(nx.node_connected_component(g_old, next(v for v in g_old if old_of[v] == i)))
        for i, s in parts.items()
        if len(s) >= 2
    }
    assert {frozenset(m.island.members) for m in change.merged} == expected_merged
    assert {frozenset(s.island.members) for s in change.split} == expected_split
    for m in change.merged:
        members = set(m.island.members) & common
        assert {frozenset(s.members) for s in m.sources} == {
            frozenset(nx.node_connected_component(g_old, v)) for v in members
        }
    for s in change.split:
        members = set(s.island.members) & common
        assert {frozenset(p.members) for p in s.parts} == {
            frozenset(nx.node_connected_component(g_new, v)) for v in members
        }

    c_old, c_new = compact_graph(before), compact_graph(after)
    assert change.density == Delta(density(c_old), density(c_new))
    ei_old, ei_new = ei_index(c_old), ei_index(c_new)
    for delta, value in ((change.ei.before, ei_old.value), (change.ei.after, ei_new.value)):
        assert delta == (None if value != value else value)
    for label, delta in change.ei_by_group.items():
        assert delta == Delta(ei_old.groups.get(label), ei_new.groups.get(label))
    old_between, new_between = density_between(c_old), density_between(c_new)
    for (a, b), delta in change.density_by_pair.items():
        assert delta.before == old_between.get((a, b), old_between.get((b, a)))
        assert delta.after == new_between.get((a, b), new_between.get((b, a)))


@given(regions(), regions())
def test_compare_by_brute_force(before: Region, after: Region) -> None:
    _check(before, after, compare(before, after))


@given(regions())
def test_a_region_compared_with_itself_has_no_change(r: Region) -> None:
    change = compare(r, r)
    assert change.new_pairs == () and change.lost_pairs == ()
    assert change.merged == () and change.split == ()
    assert change.density.change == 0.0
    assert all(d.change in (0.0, None) for d in change.ei_by_pair.values())


def _people(*ids: str) -> tuple[Organisation, tuple[Professional, ...]]:
    org = Organisation(OrganisationId("o1"), "School", Sector.PRIMARY_SCHOOL, "Dorp")
    return org, tuple(Professional(ProfessionalId(p), p, Role.TEACHER, (org.id,)) for p in ids)


def test_a_new_tie_merges_two_islands_and_losing_it_splits_them() -> None:
    org, people = _people("a", "b", "c", "d")
    two = Region(
        "Dorp", (org,), people, ties=TieStore.from_columns(source=["a", "c"], target=["b", "d"])
    )
    one = two.replace(ties=TieStore.from_columns(source=["a", "c", "b"], target=["b", "d", "c"]))
    merge = compare(two, one)
    assert merge.new_pairs == (("b", "c"),) and merge.lost_pairs == ()
    assert merge.new_by_pair == {("education", "education"): 1}
    assert len(merge.merged) == 1 and merge.split == ()
    assert merge.merged[0].island.members == ("a", "b", "c", "d")
    assert [s.members for s in merge.merged[0].sources] == [("a", "b"), ("c", "d")]
    assert merge.density == Delta(2 / 6, 3 / 6)
    split = compare(one, two)
    assert split.lost_pairs == (("b", "c"),) and split.merged == ()
    assert [p.members for p in split.split[0].parts] == [("a", "b"), ("c", "d")]


def test_real_networks_over_the_same_organisations() -> None:
    def as_region(name: str) -> Region:
        g = load_network(name, attributes={"agency_cat": "category"})
        orgs = tuple(
            Organisation(OrganisationId(f"c{c}"), f"Category {c}", sector, "Indiana")
            for c, sector in (
                ("1.0", Sector.MUNICIPALITY),
                ("2.0", Sector.YOUTH_CARE),
                ("3.0", Sector.WELFARE),
                ("4.0", Sector.SAFETY),
                ("5.0", Sector.SCHOOL_BOARD),
                ("6.0", Sector.OTHER),
            )
        )
        people = tuple(
            Professional(
                ProfessionalId(f"v{v}"),
                f"Vertex {v}",
                Role.OTHER,
                (OrganisationId(f"c{g.nodes[v]['category']}"),),
            )
            for v in g
        )
        ties = TieStore.from_columns(
            source=[f"v{u}" for u, _ in g.edges()], target=[f"v{v}" for _, v in g.edges()]
        )
        return Region("Indiana", orgs, people, ties=ties)

    before, after = as_region("TCcoll"), as_region("TCcnt")
    change = compare(before, after, by="domain")
    _check(before, after, change)
    assert change.new_ties + len(_pairs(before)) - change.lost_ties == len(_pairs(after))


def test_bad_arguments() -> None:
    org, people = _people("a")
    r = Region("Dorp", (org,), people)
    with pytest.raises(InvalidArgumentError, match="colour"):
        compare(r, r, by="colour")
    with pytest.raises(InvalidArgumentError, match="Regions"):
        compare(r, nx.Graph())  # type: ignore[arg-type]


@given(st.sampled_from(["sector", "organisation", "municipality"]))
def test_other_groupings_name_their_groups(by: str) -> None:
    org, people = _people("a", "b")
    r = Region("Dorp", (org,), people, ties=TieStore.from_columns(source=["a"], target=["b"]))
    empty = r.replace(ties=TieStore.empty())
    change = compare(empty, r, by=by)
    label = {"sector": "primary_school", "organisation": "o1", "municipality": "Dorp"}[by]
    assert change.new_by_pair == {(label, label): 1}
    assert change.ei_by_group[label] == Delta(None, -1.0)
