"""Regression tests for the review of issue 6: caps, large groups, labels and figures."""

from __future__ import annotations

import random
from itertools import combinations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from introduce_regions import (
    build_region,
    bus_factor_nx,
    is_robust_nx,
    reference_graph,
    regions,
    unreached_schools_nx,
)

from samenwerking.introduce import (
    CostModel,
    Introduction,
    apply_introductions,
    connect_islands,
    expertise_within_reach,
    improvement,
    introduction_cost,
    make_links_robust,
)
from samenwerking.introduce.cost import People
from samenwerking.model import Region, Role, Sector, Tie, WorkingGroup

SCHOOL_CARE = [("s", Sector.PRIMARY_SCHOOL, "D"), ("y", Sector.YOUTH_CARE, "D")]


def _shuffled(region: Region, seed: int) -> Region:
    people = list(region.professionals)
    random.Random(seed).shuffle(people)
    return region.replace(professionals=tuple(people))


def _pairs(result: object) -> set[frozenset[str]]:
    return {frozenset((i.a, i.b)) for i in result}  # type: ignore[attr-defined]


def _within_cap(extra: tuple[tuple[str, str], ...], cap: int) -> bool:
    degree: dict[str, int] = {}
    for a, b in extra:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    return not degree or max(degree.values()) <= cap


def _candidates(region: Region) -> list[tuple[str, str]]:
    known = {frozenset((t.source, t.target)) for t in region.ties}
    ids = [p.id for p in region.professionals]
    return [(a, b) for a, b in combinations(ids, 2) if frozenset((a, b)) not in known]


# Finding 1: the cap and the choice of maximum matching.


def _robust_case(order: tuple[str, str]) -> Region:
    people = [(order[0], Role.INTERN_BEGELEIDER, "s"), (order[1], Role.INTERN_BEGELEIDER, "s")]
    people += [(b, Role.YOUTH_CONSULTANT, "y") for b in ("b1", "b2", "b3")]
    people += [("x", Role.POLICY_ADVISER, "m")]
    orgs = [*SCHOOL_CARE, ("m", Sector.MUNICIPALITY, "D")]
    return build_region(orgs, people, [("a1", "b1"), ("a2", "b1")])


@pytest.mark.parametrize("order", [("a1", "a2"), ("a2", "a1")])
def test_robust_frees_the_person_with_room(order: tuple[str, str]) -> None:
    result = make_links_robust(
        _robust_case(order),
        k=2,
        pairs=[("care", "education")],
        cost=CostModel(cap=1),
        planned=[Introduction("a2", "x", 1.0, "")],
    )
    assert result.complete and result.exact
    assert _pairs(result) == {frozenset(("a1", "b2"))}


@settings(max_examples=40)
@given(regions(max_people=5, max_ties=5), st.sampled_from([1, 2]), st.integers(0, 9))
def test_robust_reaches_the_minimum_whenever_the_cap_allows_it(
    region: Region, k: int, seed: int
) -> None:
    model = CostModel(cap=1)
    result = make_links_robust(region, k=k, cost=model)
    assert _pairs(make_links_robust(_shuffled(region, seed), k=k, cost=model)) == _pairs(result)
    assert len(result) <= result.lower_bound
    if "with room" not in result.note:
        assert len(result) == result.lower_bound
        return
    # Short under the cap: no set of lower_bound new ties within the cap works (brute force).
    base = reference_graph(region)
    for extra in combinations(_candidates(region), result.lower_bound):
        if not _within_cap(extra, 1):
            continue
        graph = base.copy()
        graph.add_edges_from(extra)
        assert not is_robust_nx(graph, k)


# Finding 2: large working groups are searched by profile, not pair by pair.


def _grouped(n: int, group: int) -> Region:
    orgs = [
        ("s", Sector.PRIMARY_SCHOOL, "Noord"),
        ("y", Sector.YOUTH_CARE, "Zuid"),
        ("m", Sector.MUNICIPALITY, "Noord"),
    ]
    roles = (Role.TEACHER, Role.INTERN_BEGELEIDER, Role.YOUTH_CONSULTANT, Role.POLICY_ADVISER)
    people = [(f"p{i:03d}", roles[i % 4], orgs[i % 3][0]) for i in range(n)]
    region = build_region(orgs, people, [("p000", "p001"), ("p003", "p004")])
    members = tuple(f"p{i:03d}" for i in range(0, n, max(1, n // group)))[:group]
    return region.replace(working_groups=(WorkingGroup("big", "Netwerk", members=members),))


def test_a_large_group_is_not_searched_pair_by_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    original = People.pair_cost

    def counting(self: People, i: int, j: int) -> float:
        nonlocal calls
        calls += 1
        return original(self, i, j)

    monkeypatch.setattr(People, "pair_cost", counting)
    result = connect_islands(_grouped(500, 400))
    assert result.complete
    assert calls <= 2 * len(result)  # the introductions themselves, not 400 * 399 / 2 pairs


def test_a_large_group_keeps_the_cheapest_tree() -> None:
    region = _grouped(70, 60)
    model = CostModel(cap=None)
    result = connect_islands(region, cost=model)
    graph = reference_graph(region)
    islands = list(nx.connected_components(graph))
    label = {v: k for k, c in enumerate(islands) for v in c}
    best: dict[tuple[int, int], float] = {}
    for a, b in combinations(sorted(graph), 2):
        key = (min(label[a], label[b]), max(label[a], label[b]))
        if key[0] != key[1]:
            value = introduction_cost(region, a, b, cost=model)[0]
            best[key] = min(best.get(key, value), value)
    tree = nx.Graph()
    tree.add_weighted_edges_from((a, b, w) for (a, b), w in best.items())
    expected = nx.minimum_spanning_tree(tree).size(weight="weight")
    assert result.cheapest and result.total_cost == pytest.approx(expected)
    assert any("both in working group Netwerk" in i.reason for i in result)


# Finding 3: organisations by default only where a link exists.


def test_organisation_links_default_to_linked_pairs() -> None:
    orgs = [
        ("s1", Sector.PRIMARY_SCHOOL, "D"),
        ("s2", Sector.PRIMARY_SCHOOL, "D"),
        ("y", Sector.YOUTH_CARE, "D"),
    ]
    people = [
        ("a", Role.INTERN_BEGELEIDER, "s1"),
        ("b", Role.TEACHER, "s1"),
        ("c", Role.YOUTH_CONSULTANT, "y"),
        ("d", Role.FAMILY_COACH, "y"),
        ("e", Role.TEACHER, "s2"),
        ("f", Role.TEACHER, "s2"),
    ]
    region = build_region(orgs, people, [("a", "c")])
    result = make_links_robust(region, k=2, by="organisation")
    assert result.complete and len(result) == 1
    assert {i.joins for i in result} == {"s1 - y"}
    graph = reference_graph(apply_introductions(region, result))
    assert bus_factor_nx(graph, "s1", "y", by="org") == 2
    chosen = make_links_robust(region, k=2, by="organisation", pairs=[("s2", "y")])
    assert {i.joins for i in chosen} == {"s2 - y"} and len(chosen) == 2


@settings(max_examples=30)
@given(regions(max_people=6), st.sampled_from([1, 2]))
def test_robust_by_organisation_makes_every_linked_pair_robust(region: Region, k: int) -> None:
    result = make_links_robust(region, k=k, by="organisation", cost=CostModel(cap=None))
    before, after = reference_graph(region), reference_graph(apply_introductions(region, result))
    org = dict(before.nodes(data="org"))
    linked = {tuple(sorted((org[u], org[v]))) for u, v in before.edges if org[u] != org[v]}
    size = {o: list(org.values()).count(o) for o in set(org.values())}
    assert "with room" not in result.note
    for a, b in linked:
        assert bus_factor_nx(after, a, b, by="org") >= min(k, size[a], size[b])


# Finding 4: exact is about the count; cheapest about the cost.


def test_a_binding_cap_is_not_called_cheapest() -> None:
    region = build_region(
        SCHOOL_CARE,
        [("a", Role.INTERN_BEGELEIDER, "s"), ("b", Role.TEACHER, "s")]
        + [(c, Role.YOUTH_CONSULTANT, "y") for c in ("c", "d", "e")],
    )
    capped = connect_islands(region, cost=CostModel(cap=1))
    free = connect_islands(region, cost=CostModel(cap=None))
    assert not capped.complete and not capped.cheapest
    assert free.exact and free.cheapest and "(minimal count, cheapest)" in str(free)
    two = connect_islands(region, cost=CostModel(cap=2))
    assert two.exact and not two.cheapest
    assert "minimal count; cost not proven cheapest" in str(two)


@settings(max_examples=30)
@given(regions(max_people=5), st.sampled_from([1, 2, None]))
def test_cheapest_means_cheapest_within_the_cap(region: Region, cap: int | None) -> None:
    model = CostModel(cap=cap)
    result = connect_islands(region, cost=model)
    if not result.cheapest:
        return
    n = len(result)
    base = reference_graph(region)
    count = nx.number_connected_components(base)
    assert n == count - 1
    for extra in combinations(_candidates(region), n):
        if cap is not None and not _within_cap(extra, cap):
            continue
        graph = base.copy()
        graph.add_edges_from(extra)
        if nx.is_connected(graph):
            value = sum(introduction_cost(region, a, b, cost=model)[0] for a, b in extra)
            assert result.total_cost <= value + 1e-9


# Finding 5: expertise within reach when the experts have no room.


def _reach_case() -> Region:
    orgs = [
        ("o0", Sector.PRIMARY_SCHOOL, "B"),
        ("o1", Sector.YOUTH_CARE, "B"),
        ("o2", Sector.PRIMARY_SCHOOL, "B"),
    ]
    people = [
        ("p0", Role.YOUTH_CONSULTANT, "o2"),
        ("p1", Role.POLICY_ADVISER, "o2"),
        ("p2", Role.FAMILY_COACH, "o0"),
        ("p3", Role.TEACHER, "o1"),
    ]
    return build_region(orgs, people, [("p0", "p1")])


def test_reach_goes_through_someone_near_the_expert() -> None:
    region = _reach_case()
    result = expertise_within_reach(region, steps=3, cost=CostModel(cap=1))
    assert result.complete and len(result) == 2
    assert max(result.per_person().values()) == 1
    after = reference_graph(apply_introductions(region, result))
    assert not unreached_schools_nx(after, region, 3)


@settings(max_examples=30)
@given(regions(max_people=5, max_ties=4), st.sampled_from([2, 3]))
def test_reach_never_gives_up_on_a_school_that_can_be_served(region: Region, steps: int) -> None:
    result = expertise_within_reach(region, steps=steps, cost=CostModel(cap=1))
    if result.complete or "no experts" in result.note:
        return
    base = reference_graph(region)
    for size in range(4):
        for extra in combinations(_candidates(region), size):
            if not _within_cap(extra, 1):
                continue
            graph = base.copy()
            graph.add_edges_from(extra)
            assert unreached_schools_nx(graph, region, steps), extra


# Finding 6: groups are told apart by id, not by name.


def test_two_groups_with_one_name_stay_apart() -> None:
    region = build_region(
        SCHOOL_CARE,
        [
            ("a", Role.INTERN_BEGELEIDER, "s"),
            ("b", Role.TEACHER, "s"),
            ("c", Role.YOUTH_CONSULTANT, "y"),
            ("d", Role.FAMILY_COACH, "y"),
        ],
    )
    region = region.replace(
        working_groups=(
            WorkingGroup("w1", "Overleg", members=("a", "d")),
            WorkingGroup("w2", "Overleg", members=("b", "c")),
        )
    )
    apart, reason = introduction_cost(region, "a", "c")
    together, shared = introduction_cost(region, "a", "d")
    model = CostModel()
    assert apart == model.base and "both in" not in reason
    assert together == model.base - model.shared_group
    assert "both in working group Overleg" in shared


# Findings 7 and 8: figures with nothing to measure, and figures that follow the options.


def test_one_domain_shows_not_available() -> None:
    region = build_region(
        [("s", Sector.PRIMARY_SCHOOL, "D")],
        [("a", Role.TEACHER, "s"), ("b", Role.TEACHER, "s")],
    )
    change = improvement(region, apply_introductions(region, connect_islands(region)))
    assert change.min_bus_factor == (None, None) and change.ei_index == (None, None)
    assert change.single_carrier_links == (None, None)
    rows = {name: (a, b) for name, a, b in change.rows()}
    assert rows["Lowest bus factor between domains"] == ("n/a", "n/a")
    assert rows["E-I index (domains)"] == ("n/a", "n/a")
    assert "n/a -> n/a" in str(change)


@given(regions(max_people=6))
def test_improvement_follows_by_pairs_and_schools(region: Region) -> None:
    after = apply_introductions(region, make_links_robust(region, by="sector"))
    change = improvement(region, after, by="sector", steps=1)
    for at, r in enumerate((region, after)):
        graph = reference_graph(r)
        sectors = sorted({s for _, s in graph.nodes(data="sector")})
        factors = [bus_factor_nx(graph, a, b, by="sector") for a, b in combinations(sectors, 2)]
        assert change.min_bus_factor[at] == (min(factors) if factors else None)
        assert change.schools_out_of_reach[at] == len(unreached_schools_nx(graph, r, 1))
    names = [name for name, _, _ in change.rows()]
    assert "Lowest bus factor between sectors" in names
    assert "Schools without a care contact within 1 steps" in names
    schools = [o.id for o in region.organisations if o.sector.is_school][:1]
    some = improvement(region, after, schools=schools, pairs=[("care", "education")])
    graph = reference_graph(region)
    assert some.schools_out_of_reach[0] == len(
        unreached_schools_nx(graph, region, 2) & set(schools)
    )
    assert some.rows()[3][0] == "Lowest bus factor between the 1 chosen pair(s) of domains"
    assert some.min_bus_factor[0] == bus_factor_nx(graph, "care", "education")


def test_planned_ties_count_for_robust_pairs() -> None:
    region = _robust_case(("a1", "a2")).replace(ties=[Tie("a1", "b1")])
    result = make_links_robust(
        region, k=2, pairs=[("care", "education")], planned=[Introduction("a2", "b2", 1.0, "")]
    )
    assert len(result) == 0 and result.complete and result.cheapest
