"""Tests for Louvain communities (``analysis.communities``).

References: ``networkx.community.modularity`` for the modularity of the returned
partition; ``networkx.community.louvain_communities`` for quality (ours must reach at
least 95 % of its modularity on graphs with clear community structure), for both the
node-by-node and the vectorised colour-class local moving; a real network (local health
departments, UserNetR ``lhds``).
"""

from __future__ import annotations

import importlib

import networkx as nx
import pytest
from group_graphs import both_forms, graphs, load_network
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.communities import Communities, communities
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.graph.networkx_view import to_graph
from samenwerking.synthetic import region

# The package exports the function under the module's name, so fetch the module itself.
module = importlib.import_module("samenwerking.analysis.communities")


def _check_partition(g: nx.Graph, result: Communities) -> None:
    assert set(result.membership) == set(g)
    members = [v for group in result.groups for v in group]
    assert sorted(members, key=list(g).index) == list(g)
    for number, group in enumerate(result.groups):
        assert all(result.membership[v] == number for v in group)
        assert list(group) == [v for v in g if v in set(group)], "graph order inside a group"
    keys = [(-len(group), list(g).index(group[0])) for group in result.groups]
    assert keys == sorted(keys), "largest first, then by first node"


@given(graphs(), st.integers(0, 3), st.sampled_from([None, "ties"]))
def test_partition_and_modularity_equal_networkx(
    g: nx.Graph, seed: int, weight: str | None
) -> None:
    results = [communities(form, seed=seed, weight=weight) for form in both_forms(g)]
    assert results[0] == results[1]
    result = results[0]
    _check_partition(g, result)
    if g.number_of_edges():
        expected = nx.community.modularity(g, [set(x) for x in result.groups], weight=weight)
        assert result.modularity == pytest.approx(expected, abs=1e-12)
    else:
        assert result.modularity == 0.0


@given(graphs(), st.floats(0.3, 3.0))
def test_modularity_with_resolution_equals_networkx(g: nx.Graph, resolution: float) -> None:
    result = communities(g, seed=1, resolution=resolution)
    _check_partition(g, result)
    if g.number_of_edges():
        expected = nx.community.modularity(
            g, [set(x) for x in result.groups], weight=None, resolution=resolution
        )
        assert result.modularity == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("vectorised", [False, True])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_quality_close_to_networkx_on_planted_partitions(
    monkeypatch: pytest.MonkeyPatch, vectorised: bool, seed: int
) -> None:
    if vectorised:
        monkeypatch.setattr(module, "SEQUENTIAL_ENTRIES", 0)
    g = nx.planted_partition_graph(8, 25, 0.35, 0.02, seed=seed)
    result = communities(g, seed=seed)
    reference = nx.community.modularity(g, nx.community.louvain_communities(g, seed=seed))
    assert result.modularity >= 0.95 * reference
    assert result.modularity == pytest.approx(
        nx.community.modularity(g, [set(x) for x in result.groups])
    )


@pytest.mark.parametrize("vectorised", [False, True])
def test_quality_close_to_networkx_on_a_real_network(
    monkeypatch: pytest.MonkeyPatch, vectorised: bool
) -> None:
    if vectorised:
        monkeypatch.setattr(module, "SEQUENTIAL_ENTRIES", 0)
    g = load_network("lhds")
    result = communities(g, seed=5)
    reference = nx.community.modularity(g, nx.community.louvain_communities(g, seed=5))
    assert result.modularity >= 0.95 * reference
    assert result.modularity == pytest.approx(
        nx.community.modularity(g, [set(x) for x in result.groups])
    )


def test_two_cliques_are_found() -> None:
    g = nx.barbell_graph(6, 0)
    result = communities(g, seed=3)
    assert {frozenset(x) for x in result.groups} == {frozenset(range(6)), frozenset(range(6, 12))}


def test_same_seed_same_result_and_forms_agree_on_a_region() -> None:
    r = region(3000, seed=9)
    compact, graph = compact_graph(r), to_graph(r)
    assert isinstance(compact, CompactGraph)
    a = communities(compact, seed=4, weight="ties")
    assert a == communities(compact, seed=4, weight="ties")
    assert a == communities(graph, seed=4, weight="ties")
    expected = nx.community.modularity(graph, [set(x) for x in a.groups], weight="ties")
    assert a.modularity == pytest.approx(expected)
    assert len(a) > 1


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    communities(nx.karate_club_graph(), seed=1, progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1]


def test_bad_arguments() -> None:
    with pytest.raises(InvalidArgumentError, match="resolution"):
        communities(nx.path_graph(3), resolution=0)
    with pytest.raises(InvalidArgumentError):
        communities("not a graph")  # type: ignore[arg-type]
    assert communities(nx.Graph()) == Communities()


@given(graphs(), st.integers(0, 3))
def test_vectorised_moving_gives_a_valid_partition(g: nx.Graph, seed: int) -> None:
    saved = module.SEQUENTIAL_ENTRIES
    module.SEQUENTIAL_ENTRIES = 0
    try:
        results = [communities(form, seed=seed) for form in both_forms(g)]
    finally:
        module.SEQUENTIAL_ENTRIES = saved
    assert results[0] == results[1]
    _check_partition(g, results[0])
    if g.number_of_edges():
        groups = [set(x) for x in results[0].groups]
        assert results[0].modularity == pytest.approx(nx.community.modularity(g, groups))
        # Local moving never ends below the all-singletons partition.
        assert results[0].modularity >= nx.community.modularity(g, [{v} for v in g]) - 1e-12
