"""Tests for the bus factor of links between groups (``analysis.bus_factor``).

Reference: the smallest vertex set covering every cross-group tie, by trying all sets, on
hypothesis graphs and on the Cheyenne network (Drabek et al. 1981) by sponsorship.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from broker_graphs import graphs, load_network, twins
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.bus_factor import bus_factor


def _check(g: nx.Graph, by: str, *, brute: bool = True) -> None:
    group = {v: g.nodes[v].get(by, "unknown") for v in g}
    cross: dict[tuple[str, str], list[tuple[object, object]]] = {}
    for u, v in g.edges:
        if group[u] != group[v]:
            a, b = (u, v) if group[u] < group[v] else (v, u)
            cross.setdefault((group[a], group[b]), []).append((a, b))
    for form in twins(g):
        links = bus_factor(form, by=by)
        assert {link.groups for link in links} == set(cross)
        keys = [(link.bus_factor, link.pairs, link.groups) for link in links]
        assert keys == sorted(keys)
        for link in links:
            edges = cross[link.groups]
            assert link.pairs == len(edges)
            sides = (sorted({a for a, _ in edges}), sorted({b for _, b in edges}))
            assert link.carriers == (tuple(sides[0]), tuple(sides[1]))
            if brute:
                people = sides[0] + sides[1]
                best = next(
                    size
                    for size in range(len(people) + 1)
                    for cover in itertools.combinations(people, size)
                    if all(a in cover or b in cover for a, b in edges)
                )
                assert link.bus_factor == best
            if link.bus_factor == 1:
                assert all(link.single_carrier in edge for edge in edges)
            else:
                assert link.single_carrier is None


@given(graphs(), st.sampled_from(["domain", "sector", "organisation"]))
def test_equal_to_brute_force(g: nx.Graph, by: str) -> None:
    _check(g, by)


def test_real_network() -> None:
    g = load_network("emon_Cheyenne", group="Sponsorship")
    _check(g, "domain", brute=False)
    links = {link.groups: link for link in bus_factor(g)}
    # Konig: a maximum matching of the cross ties, checked with networkx.
    for (x, y), link in links.items():
        edges = [
            (u, v) for u, v in g.edges if {g.nodes[u]["domain"], g.nodes[v]["domain"]} == {x, y}
        ]
        matching = nx.max_weight_matching(nx.Graph(edges), maxcardinality=True)
        assert link.bus_factor == len(matching)


def test_ties_count_multiple_ties() -> None:
    g = nx.Graph()
    g.add_edge("a", "x", ties=3)
    nx.set_node_attributes(g, {"a": "care", "x": "welfare"}, "domain")
    (link,) = bus_factor(g)
    assert (link.pairs, link.ties, link.bus_factor, link.single_carrier) == (1, 3, 1, "a")


def test_bad_grouping() -> None:
    with pytest.raises(InvalidArgumentError, match="colour"):
        bus_factor(nx.path_graph(3), by="colour")
