"""Tests for cohesion measures (``analysis.cohesion``).

References: ``networkx.density``, ``reciprocity``, ``core_number`` and ``k_core``; density
within and between groups and Freeman's centralization by brute force; real networks
(DHHS leaders by agency, local health departments, the Cheyenne search-and-rescue network
with directed ties).
"""

from __future__ import annotations

import networkx as nx
import pytest
from group_graphs import both_forms, graphs, group_of, load_network, regions
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.cohesion import (
    core_numbers,
    degree_centralization,
    density,
    density_between,
    density_by,
    k_core,
    reciprocity,
)
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.model import Region
from samenwerking.synthetic import region

BYS = st.sampled_from(["sector", "domain", "municipality", "organisation"])


@given(graphs())
def test_density_equals_networkx(g: nx.Graph) -> None:
    for form in both_forms(g):
        assert density(form) == pytest.approx(nx.density(g))


@given(graphs(), BYS)
def test_density_by_group_equals_subgraph_density(g: nx.Graph, by: str) -> None:
    members: dict[str, list[str]] = {}
    for v in g:
        members.setdefault(group_of(g, v, by), []).append(v)
    results = [density_by(form, by=by) for form in both_forms(g)]
    assert results[0] == results[1]
    assert set(results[0]) == set(members)
    for label, nodes in members.items():
        assert results[0][label] == pytest.approx(nx.density(g.subgraph(nodes)))


@given(graphs(), BYS)
def test_density_between_groups_by_brute_force(g: nx.Graph, by: str) -> None:
    size: dict[str, int] = {}
    for v in g:
        size[group_of(g, v, by)] = size.get(group_of(g, v, by), 0) + 1
    results = [density_between(form, by=by) for form in both_forms(g)]
    assert results[0] == results[1]
    labels = list(size)
    assert {frozenset(p) for p in results[0]} == {frozenset((a, b)) for a in labels for b in labels}
    for (a, b), value in results[0].items():
        ties = sum({group_of(g, u, by), group_of(g, v, by)} == {a, b} for u, v in g.edges())
        possible = size[a] * (size[a] - 1) // 2 if a == b else size[a] * size[b]
        assert value == pytest.approx(ties / possible if possible else 0.0)


@given(graphs())
def test_degree_centralization_by_brute_force(g: nx.Graph) -> None:
    n = g.number_of_nodes()
    if n < 3:
        expected = 0.0
    else:
        degrees = [d for _, d in g.degree()]
        expected = sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))
    for form in both_forms(g):
        assert degree_centralization(form) == pytest.approx(expected)


def test_degree_centralization_of_star_and_clique() -> None:
    assert degree_centralization(nx.star_graph(6)) == 1.0
    assert degree_centralization(nx.complete_graph(6)) == 0.0


@given(graphs(directed=True))
def test_reciprocity_equals_networkx(g: nx.DiGraph) -> None:
    if g.number_of_edges() == 0:
        with pytest.raises(InvalidArgumentError):
            reciprocity(g)
    else:
        assert reciprocity(g) == pytest.approx(nx.reciprocity(g))


def test_reciprocity_counts_self_loops_like_networkx() -> None:
    g = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "c"), ("a", "c")])
    assert reciprocity(g) == pytest.approx(nx.reciprocity(g))


@given(regions())
def test_reciprocity_of_a_region_uses_its_directed_ties(r: Region) -> None:
    reference = nx.DiGraph()
    for tie in r.ties:
        if tie.directed and tie.source != tie.target:
            reference.add_edge(tie.source, tie.target)
    if reference.number_of_edges() == 0:
        with pytest.raises(InvalidArgumentError, match="directed"):
            reciprocity(r)
    else:
        assert reciprocity(r) == pytest.approx(nx.reciprocity(reference))


def test_reciprocity_on_a_real_directed_network() -> None:
    g = load_network("emon_Cheyenne", directed=True)
    assert reciprocity(g) == pytest.approx(nx.reciprocity(g))
    assert 0 < reciprocity(g) < 1


def test_reciprocity_rejects_undirected_input() -> None:
    with pytest.raises(InvalidArgumentError, match="DiGraph"):
        reciprocity(nx.path_graph(3))  # type: ignore[arg-type]


@given(graphs())
def test_core_numbers_equal_networkx(g: nx.Graph) -> None:
    reference = nx.core_number(g)
    for form in both_forms(g):
        assert core_numbers(form) == reference
        for k in range(0, max(reference.values(), default=0) + 2):
            assert set(k_core(form, k)) == set(nx.k_core(g, k))


def test_core_numbers_on_real_networks() -> None:
    for name in ("DHHS", "lhds"):
        g = load_network(name)
        assert core_numbers(g) == nx.core_number(g)


def test_core_numbers_on_a_synthetic_region() -> None:
    r = region(1000, seed=4)
    from samenwerking.graph.networkx_view import to_graph

    g = to_graph(r)
    compact = compact_graph(r)
    assert core_numbers(compact) == nx.core_number(g)
    top = max(nx.core_number(g).values())
    core = set(nx.k_core(g, top))
    assert k_core(compact, top) == tuple(v for v in g if v in core)


def test_k_core_keeps_graph_order_and_checks_k() -> None:
    g = nx.complete_graph(["z", "y", "x"])
    g.add_edge("x", "w")
    assert k_core(g, 2) == ("z", "y", "x")
    with pytest.raises(InvalidArgumentError):
        k_core(g, 1.5)  # type: ignore[arg-type]


def test_real_network_density_by_agency() -> None:
    g = load_network("DHHS", attributes={"agency": "organisation"})
    by_agency = density_by(g, by="organisation")
    for label, value in by_agency.items():
        members = [v for v in g if g.nodes[v]["organisation"] == label]
        assert value == pytest.approx(nx.density(g.subgraph(members)))
    assert density(g) == pytest.approx(nx.density(g))


def test_density_between_many_groups_lists_only_tied_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from samenwerking.analysis import cohesion

    monkeypatch.setattr(cohesion, "MAX_DENSE_GROUPS", 1)
    g = load_network("DHHS", attributes={"agency": "organisation"})
    result = density_between(g, by="organisation")
    size: dict[str, int] = {}
    for v in g:
        size[g.nodes[v]["organisation"]] = size.get(g.nodes[v]["organisation"], 0) + 1
    tied: dict[frozenset[str], int] = {}
    for u, v in g.edges():
        key = frozenset((g.nodes[u]["organisation"], g.nodes[v]["organisation"]))
        tied[key] = tied.get(key, 0) + 1
    assert {frozenset(p) for p in result} == set(tied)
    for (a, b), value in result.items():
        possible = size[a] * (size[a] - 1) // 2 if a == b else size[a] * size[b]
        assert value == pytest.approx(tied[frozenset((a, b))] / possible)


@given(graphs(directed=True))
def test_core_numbers_take_a_directed_graph_as_undirected(g: nx.DiGraph) -> None:
    assert core_numbers(g) == nx.core_number(g.to_undirected())


@given(graphs(), st.lists(st.integers(0, 49), max_size=10))
def test_core_numbers_count_repeated_ties_once(g: nx.Graph, repeats: list[int]) -> None:
    multi = nx.MultiGraph(g)
    edges = list(g.edges())
    multi.add_edges_from(edges[i % len(edges)] for i in repeats if edges)
    assert core_numbers(multi) == nx.core_number(g)
    assert density(multi) == pytest.approx(nx.density(g))


@given(graphs(max_nodes=30, max_edges=120))
def test_core_numbers_of_denser_graphs(g: nx.Graph) -> None:
    assert core_numbers(compact_graph_of(g)) == nx.core_number(g)


def compact_graph_of(g: nx.Graph) -> CompactGraph:
    return CompactGraph.from_networkx(g)
