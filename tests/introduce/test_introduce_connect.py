"""connect_islands: fewest ties (islands - 1), cheapest tree, cap kept, graph connected.

References: the minimum spanning tree (networkx) of the complete graph over islands whose
edge cost is the cheapest pair of people, costs computed pair by pair; and networkx's
``k_edge_augmentation(k=1)`` with every cross-island pair available at its cost.
"""

from __future__ import annotations

import random
from itertools import combinations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from introduce_regions import build_region, reference_graph, regions

from samenwerking.graph.compact import compact_graph
from samenwerking.introduce import (
    CostModel,
    apply_introductions,
    connect_islands,
    introduction_cost,
)
from samenwerking.introduce.cost import People
from samenwerking.model import Region, Role, Sector, Tie

NO_CAP = CostModel(cap=None)


def _pair_costs(region: Region) -> dict[tuple[str, str], float]:
    people = People(region, compact_graph(region), NO_CAP)
    ids = [p.id for p in region.professionals]
    return {(ids[i], ids[j]): people.pair_cost(i, j) for i, j in combinations(range(len(ids)), 2)}


def _reference_mst_cost(region: Region) -> float:
    G = reference_graph(region)  # noqa: N806
    islands = list(nx.connected_components(G))
    where = {v: k for k, island in enumerate(islands) for v in island}
    H = nx.Graph()  # noqa: N806
    H.add_nodes_from(range(len(islands)))
    for (a, b), c in _pair_costs(region).items():
        x, y = where[a], where[b]
        if x != y and (not H.has_edge(x, y) or H[x][y]["weight"] > c):
            H.add_edge(x, y, weight=c)
    return float(nx.minimum_spanning_tree(H).size(weight="weight"))


@given(regions())
def test_connects_with_islands_minus_one_ties(region: Region) -> None:
    result = connect_islands(region)
    before = nx.number_connected_components(reference_graph(region))
    assert result.lower_bound == before - 1
    if result.complete:
        assert len(result) == before - 1
        assert result.exact
        after = reference_graph(apply_introductions(region, result))
        assert nx.is_connected(after)
    assert all(count <= 2 for count in result.per_person().values())


@given(regions())
def test_total_cost_is_the_minimum_spanning_tree(region: Region) -> None:
    result = connect_islands(region, cost=NO_CAP)
    assert result.complete
    assert result.total_cost == pytest.approx(_reference_mst_cost(region))


@given(regions(max_people=7))
def test_total_cost_matches_networkx_edge_augmentation(region: Region) -> None:
    G = reference_graph(region)  # noqa: N806
    avail = {pair: c for pair, c in _pair_costs(region).items() if not G.has_edge(*pair)}
    added = list(nx.k_edge_augmentation(G, k=1, avail=avail))
    reference = sum(avail[(a, b)] if (a, b) in avail else avail[(b, a)] for a, b in added)
    result = connect_islands(region, cost=NO_CAP)
    assert len(result) == len(added)
    assert result.total_cost == pytest.approx(reference)


@given(regions(), st.randoms(use_true_random=False))
def test_no_worse_than_a_random_tree(region: Region, rng: random.Random) -> None:
    G = reference_graph(region)  # noqa: N806
    islands = [sorted(c) for c in nx.connected_components(G)]
    costs = _pair_costs(region)
    total = 0.0
    rng.shuffle(islands)
    for k in range(1, len(islands)):
        a, b = rng.choice(islands[k]), rng.choice(islands[rng.randrange(k)])
        total += costs[(a, b)] if (a, b) in costs else costs[(b, a)]
    assert connect_islands(region, cost=NO_CAP).total_cost <= total + 1e-9


@given(regions(max_ties=3), st.sampled_from([1, 2, 3]))
def test_cap_is_kept_and_feasible_caps_are_met(region: Region, cap: int) -> None:
    G = reference_graph(region)  # noqa: N806
    sizes = [len(c) for c in nx.connected_components(G)]
    count = len(sizes)
    result = connect_islands(region, cost=CostModel(cap=cap))
    assert all(v <= cap for v in result.per_person().values())
    # A tree with island degrees d_i exists iff 1 <= d_i <= cap * size_i and sum = 2(I-1).
    feasible = count == 1 or sum(min(cap * s, count - 1) for s in sizes) >= 2 * (count - 1)
    assert result.complete == feasible
    if not feasible:
        assert "cap" in result.note


def _isolates(n: int) -> Region:
    people = [(f"p{i}", Role.FAMILY_COACH, "o") for i in range(n)]
    return build_region([("o", Sector.YOUTH_CARE, "Noord")], people)


def test_cap_one_cannot_join_three_isolates() -> None:
    result = connect_islands(_isolates(3), cost=CostModel(cap=1))
    assert not result.complete and not result.exact
    assert len(result) == 1
    assert "cap of 1" in result.note
    assert "cap of 1" in str(result)


def test_cap_two_chains_isolates() -> None:
    result = connect_islands(_isolates(6))
    assert len(result) == 5 and result.complete
    assert max(result.per_person().values()) <= 2


def test_prefers_cross_domain_same_municipality_and_fitting_roles() -> None:
    region = build_region(
        [
            ("s", Sector.PRIMARY_SCHOOL, "Noord"),
            ("y", Sector.YOUTH_CARE, "Noord"),
            ("z", Sector.YOUTH_CARE, "Zuid"),
            ("t", Sector.PRIMARY_SCHOOL, "Noord"),
        ],
        [
            ("ib", Role.INTERN_BEGELEIDER, "s"),
            ("yc", Role.YOUTH_CONSULTANT, "y"),
            ("zc", Role.YOUTH_CONSULTANT, "z"),
            ("tt", Role.TEACHER, "t"),
            ("yw", Role.TEACHER, "y"),
        ],
        [("yc", "zc"), ("yc", "yw"), ("tt", "yw")],
    )
    # Islands: {ib} and {yc, zc, yw, tt}; the best partner of ib is yc.
    (item,) = connect_islands(region)
    assert {item.a, item.b} == {"ib", "yc"}
    assert "cross-domain" in item.reason and "same municipality (Noord)" in item.reason
    assert "roles fit" in item.reason
    assert item.cost == introduction_cost(region, "ib", "yc")[0] == CostModel().base


def test_one_island_needs_nothing() -> None:
    region = _isolates(2).replace(ties=[Tie("p0", "p1")])
    result = connect_islands(region)
    assert len(result) == 0 and result.exact and result.complete
