"""Brokerage roles on directed graphs: ``CompactDiGraph`` against networkx and brute force.

References: ``test_brokerage.brute_force`` (every open two-path counted from the arc set
of a networkx graph) and ``to_graph(region, directed=True)`` for the arcs of a region
(each tie ``source -> target``, and back unless the tie is ``directed``).
"""

from __future__ import annotations

import attrs
import networkx as nx
from broker_graphs import graphs
from hypothesis import given
from hypothesis import strategies as st
from test_brokerage import ROLES, brute_force

from samenwerking.analysis.brokerage import brokerage_roles
from samenwerking.graph import to_graph
from samenwerking.graph.compact import CompactDiGraph, compact_digraph
from samenwerking.model import Region
from samenwerking.synthetic import region as synthetic_region


def _counts(result: dict[object, object]) -> dict[object, dict[str, int]]:
    return {node: {r: getattr(roles, r) for r in ROLES} for node, roles in result.items()}


@st.composite
def directed_regions(draw: st.DrawFn) -> Region:
    """A small synthetic region in which some ties are one-way survey answers."""
    region = synthetic_region(
        draw(st.integers(50, 120)),
        seed=draw(st.integers(0, 10_000)),
        ties_per_professional=draw(st.sampled_from([0.5, 1.0, 2.0, 4.0])),
    )
    ties = list(region.ties)
    one_way = draw(st.lists(st.booleans(), min_size=len(ties), max_size=len(ties)))
    return region.replace(
        ties=[attrs.evolve(t, directed=d) for t, d in zip(ties, one_way, strict=True)]
    )


@given(graphs(directed=True), st.sampled_from(["domain", "sector", "organisation"]))
def test_compact_digraph_equals_brute_force(g: nx.DiGraph, by: str) -> None:
    expected = brute_force(g, by)
    D = CompactDiGraph.from_networkx(g)  # noqa: N806
    assert _counts(brokerage_roles(D, by=by)) == expected  # type: ignore[arg-type]
    assert _counts(brokerage_roles(g, by=by)) == expected


@given(directed_regions())
def test_region_arcs_are_those_of_the_networkx_digraph(region: Region) -> None:
    D = compact_digraph(region)  # noqa: N806
    G = to_graph(region, directed=True)  # noqa: N806
    arcs = {(D.ids[t], D.ids[h]) for t in range(D.n_nodes) for h in D.successors(t).tolist()}
    assert arcs == {(u, v) for u, v in G.edges if u != v}
    assert D.undirected.n_edges == nx.Graph(G).number_of_edges()
    assert list(D.ids) == list(G.nodes)


@given(directed_regions(), st.sampled_from(["domain", "municipality", "organisation"]))
def test_region_roles_equal_networkx_digraph_roles(region: Region, by: str) -> None:
    G = to_graph(region, directed=True)  # noqa: N806
    expected = brute_force(G, by)
    assert _counts(brokerage_roles(compact_digraph(region), by=by)) == expected  # type: ignore[arg-type]


def test_arc_weights_count_ties_both_ways() -> None:
    g = nx.DiGraph()
    g.add_edge("a", "b", ties=2)
    g.add_edge("b", "a", ties=3)
    g.add_edge("b", "c")
    D = CompactDiGraph.from_networkx(g)  # noqa: N806
    assert D.n_arcs == 3 and D.to_scipy()[0, 1] == 2 and D.to_scipy()[1, 0] == 3
    assert D.undirected.n_edges == 2
    assert D.undirected.to_scipy()[0, 1] == 3  # the larger of the two directions
    assert "3 arcs" in repr(D)


def test_custom_attribute_of_a_networkx_digraph() -> None:
    g = nx.DiGraph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(g, {"a": "x", "b": "y", "c": "y"}, "team")
    assert brokerage_roles(g, by="team")["b"].gatekeeper == 1
