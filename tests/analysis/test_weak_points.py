"""Tests for articulation points, bridges and weak points (``analysis.weak_points``).

References: :func:`networkx.articulation_points`, :func:`networkx.bridges` and removing
the node with networkx, on hypothesis graphs and on the US local health departments
network (lhds, Luke 2015, see tests/fixtures/networks/README.md).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from broker_graphs import graphs, load_network, twins
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._dfs import component_labels, low_link_search
from samenwerking.analysis.weak_points import articulation_points, bridges, weak_points
from samenwerking.graph.compact import CompactGraph


def _check(g: nx.Graph, *, people: bool = True) -> None:
    expected_points = set(nx.articulation_points(g))
    expected_bridges = {frozenset(e) for e in nx.bridges(g)}
    for form in twins(g):
        points = articulation_points(form)
        assert set(points) == expected_points and list(points) == sorted(points)
        found = bridges(form)
        assert {frozenset(e) for e in found} == expected_bridges
        assert list(found) == sorted(found) and all(list(e) == sorted(e) for e in found)
        result = weak_points(form)
        assert {w.node for w in result} == expected_points
        keys = [(-w.cut_off, w.node) for w in result]
        assert keys == sorted(keys)
        for w in result if people else result[:5]:
            island = nx.node_connected_component(g, w.node)
            rest = g.subgraph(island - {w.node})
            parts = sorted((len(c) for c in nx.connected_components(rest)), reverse=True)
            assert list(w.parts) == parts and w.island_size == len(island)
            assert w.cut_off == sum(parts) - parts[0]
            components = [set(c) for c in nx.connected_components(rest)]
            assert any(
                set(w.people) == set().union(*(c for c in components if c is not largest))
                for largest in components
                if len(largest) == parts[0]
            )
            assert list(w.people) == sorted(w.people)


@given(graphs())
def test_equal_to_networkx(g: nx.Graph) -> None:
    _check(g)


def test_real_network() -> None:
    _check(load_network("lhds"), people=False)


def test_deep_path_needs_no_recursion() -> None:
    g = CompactGraph.from_networkx(nx.path_graph(50_000))
    assert len(articulation_points(g)) == 49_998
    assert len(bridges(g)) == 49_999
    short = CompactGraph.from_networkx(nx.path_graph(2_001))
    points = weak_points(short)
    assert points[0].node == 1_000 and points[0].cut_off == 1_000
    assert [w.cut_off for w in points[-2:]] == [1, 1]


def test_empty_and_edgeless() -> None:
    assert articulation_points(nx.Graph()) == () and bridges(nx.Graph()) == ()
    assert weak_points(nx.empty_graph(3)) == ()


@st.composite
def sparse_graphs(draw: st.DrawFn) -> nx.Graph:
    """Forests with a few extra edges, integer nodes in shuffled order: many cuts, deep trees."""
    n = draw(st.integers(0, 60))
    nodes = draw(st.permutations(list(range(n))))
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for i in range(1, n):
        if draw(st.booleans()) or i < 3:
            g.add_edge(nodes[i], nodes[draw(st.integers(0, i - 1))])
    if n >= 2:
        extra = st.tuples(st.sampled_from(nodes), st.sampled_from(nodes))
        g.add_edges_from((a, b) for a, b in draw(st.lists(extra, max_size=6)) if a != b)
    return g


@given(sparse_graphs())
def test_sparse_graphs_equal_networkx(g: nx.Graph) -> None:
    _check(g)


@given(graphs(directed=True))
def test_directed_input_is_taken_as_undirected(g: nx.DiGraph) -> None:
    undirected = g.to_undirected()
    assert set(articulation_points(g)) == set(nx.articulation_points(undirected))
    assert {frozenset(e) for e in bridges(g)} == {frozenset(e) for e in nx.bridges(undirected)}
    assert weak_points(g) == weak_points(undirected)


@given(graphs(), st.lists(st.integers(0, 39), max_size=10))
def test_repeated_ties_count_once(g: nx.Graph, repeats: list[int]) -> None:
    multi = nx.MultiGraph(g)
    edges = list(g.edges())
    multi.add_edges_from(edges[i % len(edges)] for i in repeats if edges)
    assert articulation_points(multi) == articulation_points(g)
    assert bridges(multi) == bridges(g)
    assert weak_points(multi) == weak_points(g)


@given(sparse_graphs())
def test_low_link_arrays(g: nx.Graph) -> None:
    C = CompactGraph.from_networkx(g)  # noqa: N806
    s = low_link_search(C.indptr, C.indices)
    n = C.n_nodes
    assert sorted(s.order.tolist()) == list(range(n)) and (s.order[s.pre] == np.arange(n)).all()
    count, labels = component_labels(C.indptr, C.indices)
    assert count == len(s.island_size) and (labels == s.label).all()
    for c, (start, size) in enumerate(zip(s.island_start, s.island_size, strict=True)):
        island = set(s.order[start : start + size].tolist())
        assert {C.ids[i] for i in island} == nx.node_connected_component(g, C.ids[s.order[start]])
        assert set(np.flatnonzero(labels == c).tolist()) == island
    for v in range(n):
        subtree = s.order[s.pre[v] : s.pre[v] + s.size[v]].tolist()
        assert all(s.pre[w] >= s.pre[v] for w in subtree)
        assert set(subtree) == {w for w in range(n) if w == v or v in _ancestors(s.parent, w)}
        if s.parent[v] >= 0:
            assert C.ids[s.parent[v]] in g[C.ids[v]]
        reach = {int(s.pre[v])} | {
            int(s.pre[u]) for w in subtree for u in C.neighbors(w).tolist() if u != s.parent[w]
        }
        assert s.low[v] == min(reach)


def _ancestors(parent: np.ndarray, v: int) -> list[int]:
    out = []
    while parent[v] >= 0:
        v = int(parent[v])
        out.append(v)
    return out


@given(sparse_graphs())
def test_ids_of_mixed_types(g: nx.Graph) -> None:
    mixed = nx.relabel_nodes(g, {v: (v if v % 2 else f"s{v}") for v in g})
    expected = set(nx.articulation_points(mixed))
    assert set(articulation_points(mixed)) == expected
    assert {frozenset(e) for e in bridges(mixed)} == {frozenset(e) for e in nx.bridges(mixed)}
    result = weak_points(mixed)
    assert {w.node for w in result} == expected
    cut_offs = [w.cut_off for w in result]
    assert cut_offs == sorted(cut_offs, reverse=True)
    for w in result:
        rest = mixed.subgraph(nx.node_connected_component(mixed, w.node) - {w.node})
        parts = sorted((len(c) for c in nx.connected_components(rest)), reverse=True)
        assert list(w.parts) == parts and w.cut_off == sum(parts) - parts[0]
