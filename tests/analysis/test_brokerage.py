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
