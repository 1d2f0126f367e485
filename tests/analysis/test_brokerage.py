"""Tests for Gould-Fernandez brokerage roles (``analysis.brokerage``).

Reference: counting every open two-path by brute force, on hypothesis graphs (directed
and undirected) and on the Cheyenne search-and-rescue network (Drabek et al. 1981, see
tests/fixtures/networks/README.md) grouped by sponsorship.
"""

from __future__ import annotations

import networkx as nx
import pytest
from broker_graphs import graphs, load_network, twins
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.brokerage import brokerage_roles

ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


def brute_force(g: nx.Graph, by: str) -> dict[object, dict[str, int]]:
    arcs = set(g.edges)
    if not g.is_directed():
        arcs |= {(v, u) for u, v in arcs}
    group = {v: g.nodes[v].get(by, "unknown") for v in g}
    counts = {v: dict.fromkeys(ROLES, 0) for v in g}
    for a, b in arcs:
        for b2, c in arcs:
            if b2 != b or a == c or (a, c) in arcs:
                continue
            ga, gb, gc = group[a], group[b], group[c]
            if ga == gb == gc:
                role = "coordinator"
            elif ga == gc:
                role = "consultant"
            elif ga == gb:
                role = "representative"
            elif gb == gc:
                role = "gatekeeper"
            else:
                role = "liaison"
            counts[b][role] += 1
    return counts


def _check(result: dict[object, object], expected: dict[object, dict[str, int]]) -> None:
    assert list(result) == list(expected)
    for node, roles in result.items():
        assert {r: getattr(roles, r) for r in ROLES} == expected[node], node
        assert roles.total == sum(expected[node].values())  # type: ignore[attr-defined]


@given(graphs(), st.sampled_from(["domain", "sector", "organisation"]))
def test_undirected_equals_brute_force(g: nx.Graph, by: str) -> None:
    expected = brute_force(g, by)
    for form in twins(g):
        _check(brokerage_roles(form, by=by), expected)  # type: ignore[arg-type]


@given(graphs(directed=True))
def test_directed_equals_brute_force(g: nx.DiGraph) -> None:
    _check(brokerage_roles(g), brute_force(g, "domain"))  # type: ignore[arg-type]


def test_real_directed_network() -> None:
    g = load_network("emon_Cheyenne", directed=True, group="Sponsorship")
    _check(brokerage_roles(g), brute_force(g, "domain"))  # type: ignore[arg-type]


def test_undirected_counts_each_pair_both_ways() -> None:
    g = nx.path_graph(["a", "b", "c"])
    nx.set_node_attributes(g, {"a": "education", "b": "education", "c": "care"}, "domain")
    roles = brokerage_roles(g)["b"]
    assert (roles.representative, roles.gatekeeper, roles.total) == (1, 1, 2)


def test_bad_grouping() -> None:
    with pytest.raises(InvalidArgumentError, match="colour"):
        brokerage_roles(nx.path_graph(3), by="colour")


@st.composite
def dense_graphs(draw: st.DrawFn, directed: bool) -> nx.Graph:
    """Dense random graphs (many closed two-paths), with one group unknown sometimes."""
    n = draw(st.integers(0, 14))
    p = draw(st.sampled_from([0.3, 0.6, 0.9]))
    g = nx.gnp_random_graph(n, p, seed=draw(st.integers(0, 10_000)), directed=directed)
    for v in g:
        domain = draw(st.sampled_from([None, "education", "care", "welfare", "sport"]))
        if domain is not None:
            g.nodes[v]["domain"] = domain
    return g


@given(dense_graphs(directed=True))
def test_dense_directed_equals_brute_force(g: nx.DiGraph) -> None:
    _check(brokerage_roles(g), brute_force(g, "domain"))  # type: ignore[arg-type]


@given(dense_graphs(directed=False))
def test_dense_undirected_equals_brute_force(g: nx.Graph) -> None:
    _check(brokerage_roles(g), brute_force(g, "domain"))  # type: ignore[arg-type]


@given(graphs(directed=True), st.booleans())
def test_multigraphs_count_each_arc_once(g: nx.DiGraph, directed: bool) -> None:
    multi: nx.Graph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    multi.add_nodes_from(g.nodes(data=True))
    multi.add_edges_from(list(g.edges) * 2)  # every tie twice
    simple = nx.DiGraph(multi) if directed else nx.Graph(multi)
    _check(brokerage_roles(multi), brute_force(simple, "domain"))  # type: ignore[arg-type]


@given(dense_graphs(directed=True), st.sampled_from([1, 2]))
def test_any_thread_count_gives_the_same_counts(g: nx.DiGraph, count: int) -> None:
    from samenwerking._jit import threads

    with threads(count):
        _check(brokerage_roles(g), brute_force(g, "domain"))  # type: ignore[arg-type]


def test_empty_and_edgeless_graphs() -> None:
    assert brokerage_roles(nx.DiGraph()) == {}
    roles = brokerage_roles(nx.empty_graph(3, create_using=nx.DiGraph))
    assert [r.total for r in roles.values()] == [0, 0, 0]
