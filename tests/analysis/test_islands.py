"""Tests for islands, isolates and silos (``samenwerking.analysis.islands``).

References: ``networkx.connected_components`` / ``weakly_connected_components`` and plain
Python counting on hypothesis-generated graphs; the compact graph must give the same
answer as the networkx view of the same region.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis.islands import Island, Islands, islands
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.graph.networkx_view import to_graph
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

NODES = [f"n{i:02d}" for i in range(14)]
SECTORS = [None, "primary_school", "youth_care", "municipality"]
DOMAINS = [None, "education", "care"]
MUNICIPALITIES = [None, "Noord", "Zuid"]


@st.composite
def graphs(draw: st.DrawFn, directed: bool = False) -> nx.Graph:
    g: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for node in NODES[: draw(st.integers(0, len(NODES)))]:
        attributes = {
            "sector": draw(st.sampled_from(SECTORS)),
            "domain": draw(st.sampled_from(DOMAINS)),
            "municipality": draw(st.sampled_from(MUNICIPALITIES)),
        }
        g.add_node(node, **{k: v for k, v in attributes.items() if v is not None})
    nodes = list(g)
    if nodes:
        g.add_edges_from(draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)))))
    return g


def _check_against_networkx(g: nx.Graph, result: Islands) -> None:
    components = (
        nx.weakly_connected_components(g) if g.is_directed() else nx.connected_components(g)
    )
    assert {frozenset(i.members) for i in result} == {frozenset(c) for c in components}
    assert sum(i.size for i in result) == g.number_of_nodes()
    keys = [(-i.size, i.members[0]) for i in result]
    assert keys == sorted(keys), "largest first, then by first member"
    for island in result:
        assert list(island.members) == sorted(island.members)
        expected_sectors = Counter(g.nodes[m].get("sector", "unknown") for m in island.members)
        expected_domains = Counter(g.nodes[m].get("domain", "unknown") for m in island.members)
        assert island.sectors == dict(expected_sectors)
        assert island.domains == dict(expected_domains)
        municipalities = {g.nodes[m].get("municipality") for m in island.members} - {None}
        assert island.municipalities == tuple(sorted(municipalities))
        assert island.is_isolate == (island.size == 1)
        assert island.is_silo == (island.size >= 2 and len(expected_domains) == 1)
    singletons = sorted(next(iter(c)) for c in components_of(g) if len(c) == 1)
    assert result.isolates == tuple(singletons)
    assert result.silos == tuple(i for i in result if i.is_silo)
    if g.number_of_nodes():
        largest = max(len(c) for c in components_of(g))
        assert result.largest is not None and result.largest.size == largest
        assert result.share_in_largest == pytest.approx(largest / g.number_of_nodes())
    else:
        assert result.largest is None and result.share_in_largest == 0.0 and len(result) == 0


def components_of(g: nx.Graph) -> list[set[str]]:
    if g.is_directed():
        return list(nx.weakly_connected_components(g))
    return list(nx.connected_components(g))


@given(graphs())
def test_matches_networkx_components(g: nx.Graph) -> None:
    _check_against_networkx(g, islands(g))


@given(graphs(directed=True))
def test_directed_graphs_use_weak_components(g: nx.DiGraph) -> None:
    _check_against_networkx(g, islands(g))


@given(graphs())
def test_compact_graph_gives_the_same_islands(g: nx.Graph) -> None:
    assert islands(CompactGraph.from_networkx(g)) == islands(g)


def test_hand_made_example() -> None:
    g = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
    g.add_node("f")
    nx.set_node_attributes(g, {"a": "care", "b": "education", "c": "care"}, "domain")
    nx.set_node_attributes(g, {"d": "education", "e": "education", "f": "care"}, "domain")
    result = islands(g)
    assert [i.members for i in result] == [("a", "b", "c"), ("d", "e"), ("f",)]
    assert result.largest == Island(("a", "b", "c"), {"unknown": 3}, {"care": 2, "education": 1})
    assert [i.members for i in result.silos] == [("d", "e")]
    assert result.isolates == ("f",)
    assert result.share_in_largest == pytest.approx(0.5)
    assert len(result) == 3 and list(result) == list(result.islands)


def test_empty_graph() -> None:
    result = islands(nx.Graph())
    assert len(result) == 0 and result.largest is None and result.share_in_largest == 0.0
    assert result.isolates == () and result.silos == ()


# -- the same region through both graph forms ---------------------------------------

PEOPLE = [f"p{i}" for i in range(10)]


@st.composite
def regions(draw: st.DrawFn) -> Region:
    orgs = tuple(
        Organisation(OrganisationId(f"o{i}"), f"Org {i}", draw(st.sampled_from(Sector)),
                     draw(st.sampled_from(["Noord", "Zuid"])))
        for i in range(draw(st.integers(1, 4)))
    )  # fmt: skip
    people = tuple(
        Professional(ProfessionalId(p), p, Role.OTHER,
                     (OrganisationId(f"o{draw(st.integers(0, len(orgs)))}"),))
        for p in PEOPLE[: draw(st.integers(0, len(PEOPLE)))]
    )  # fmt: skip
    pairs = draw(st.lists(st.tuples(st.sampled_from(PEOPLE), st.sampled_from(PEOPLE))))
    ties = TieStore.from_columns(source=[a for a, _ in pairs], target=[b for _, b in pairs])
    return Region("R", orgs, people, ties=ties)


@given(regions())
def test_compact_and_networkx_views_agree(region: Region) -> None:
    assert islands(compact_graph(region)) == islands(to_graph(region))


def test_synthetic_region_agrees_across_graph_forms() -> None:
    from samenwerking.synthetic import region

    r = region(3000, seed=11)
    via_compact, via_networkx = islands(compact_graph(r)), islands(to_graph(r))
    assert via_compact == via_networkx
    assert len(via_compact.isolates) > 0


@given(graphs(), st.randoms(use_true_random=False))
def test_compact_graph_with_shuffled_ids_gives_the_same_islands(g: nx.Graph, rng: Any) -> None:
    nodes = list(g.nodes(data=True))
    rng.shuffle(nodes)
    shuffled = nx.Graph()
    shuffled.add_nodes_from(nodes)
    shuffled.add_edges_from(g.edges())
    assert islands(CompactGraph.from_networkx(shuffled)) == islands(g)


@given(st.lists(st.integers(0, 6), max_size=40), st.data())
def test_grouping_kernels_by_brute_force(labels: list[int], data: st.DataObject) -> None:
    import numpy as np

    from samenwerking.analysis._grouped import group_by_label, tally_grouped

    n = len(labels)
    count = max(labels, default=-1) + 1
    order = data.draw(st.permutations(list(range(n))))
    codes = data.draw(st.lists(st.integers(-1, 4), min_size=n, max_size=n))
    members, bounds = group_by_label(np.array(labels, np.int64), count, np.array(order, np.int64))
    for c in range(count):
        assert members[bounds[c] : bounds[c + 1]].tolist() == [v for v in order if labels[v] == c]
    starts, found, counts = tally_grouped(members, bounds, np.array(codes, np.int64))
    for c in range(count):
        expected = Counter(codes[v] for v in range(n) if labels[v] == c and codes[v] >= 0)
        got = list(
            zip(
                found[starts[c] : starts[c + 1]].tolist(),
                counts[starts[c] : starts[c + 1]].tolist(),
                strict=True,
            )
        )
        assert got == sorted(expected.items())


@given(graphs(directed=True))
def test_compact_form_of_a_directed_graph_gives_its_weak_components(g: nx.DiGraph) -> None:
    assert islands(CompactGraph.from_networkx(g)) == islands(g)
