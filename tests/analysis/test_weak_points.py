"""Tests for articulation points, bridges and weak points (``analysis.weak_points``).

References: :func:`networkx.articulation_points`, :func:`networkx.bridges` and removing
the node with networkx, on hypothesis graphs and on the US local health departments
network (lhds, Luke 2015, see tests/fixtures/networks/README.md).
"""

from __future__ import annotations

import networkx as nx
from broker_graphs import graphs, load_network, twins
from hypothesis import given

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
