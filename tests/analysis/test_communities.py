"""Tests for Louvain communities (``analysis.communities``).

References: ``networkx.community.modularity`` for the modularity of the returned
partition and, by brute force, for the local optimum (no single node move raises the
modularity after local moving, no merge of two communities at the end);
``networkx.community.louvain_communities`` for quality (ours must reach at least 99 % of
its modularity on graphs with clear community structure); a real network (local health
departments, UserNetR ``lhds``).
"""

from __future__ import annotations

import importlib
import itertools

import networkx as nx
import numpy as np
import pytest
from group_graphs import both_forms, graphs, load_network
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis import _louvain
from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.communities import Communities, communities, louvain_membership
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.graph.networkx_view import to_graph
from samenwerking.synthetic import region


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


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5])
def test_quality_close_to_networkx_on_planted_partitions(seed: int) -> None:
    g = nx.planted_partition_graph(8, 25, 0.35, 0.02, seed=seed)
    result = communities(g, seed=seed)
    reference = nx.community.modularity(g, nx.community.louvain_communities(g, seed=seed))
    assert result.modularity >= 0.99 * reference
    assert result.modularity == pytest.approx(
        nx.community.modularity(g, [set(x) for x in result.groups])
    )


@pytest.mark.parametrize("seed", [3, 5])
def test_quality_close_to_networkx_on_a_real_network(seed: int) -> None:
    g = load_network("lhds")
    result = communities(g, seed=seed)
    reference = nx.community.modularity(g, nx.community.louvain_communities(g, seed=seed))
    assert result.modularity >= 0.99 * reference
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


def _csr(g: nx.Graph, weight: str | None) -> tuple[CompactGraph, np.ndarray]:
    compact = CompactGraph.from_networkx(g)
    data = compact.weight.astype(np.float64) if weight else np.ones(len(compact.indices))
    return compact, data


@given(graphs(), st.integers(0, 3), st.sampled_from([None, "ties"]))
def test_communities_are_connected_and_no_merge_raises_modularity(
    g: nx.Graph, seed: int, weight: str | None
) -> None:
    result = communities(g, seed=seed, weight=weight)
    groups = [set(x) for x in result.groups]
    assert all(nx.is_connected(g.subgraph(group)) for group in groups)
    if not g.number_of_edges():
        assert len(groups) == len(g)
        return
    # The last level's nodes are the communities: moving one into a neighbouring one (a
    # merge) must not raise modularity.
    quality = nx.community.modularity(g, groups, weight=weight)
    for a, b in itertools.combinations(range(len(groups)), 2):
        if nx.is_connected(g.subgraph(groups[a] | groups[b])):
            merged = [x for i, x in enumerate(groups) if i not in (a, b)] + [groups[a] | groups[b]]
            assert nx.community.modularity(g, merged, weight=weight) <= quality + 1e-12


@given(
    graphs(), st.integers(0, 3), st.sampled_from([None, "ties"]), st.sampled_from([1.0, 0.5, 2.0])
)
def test_local_moving_ends_where_no_node_move_raises_modularity(
    g: nx.Graph, seed: int, weight: str | None, resolution: float
) -> None:
    compact, data = _csr(g, weight)
    n = compact.n_nodes
    if not len(data):
        return
    comm = np.arange(n, dtype=np.int64)
    order = np.random.default_rng(seed).permutation(n).astype(np.int64)
    two_m = float(data.sum())
    csr = compact.indptr, _louvain.unsigned(compact.indices), data, np.zeros(n)
    moves, gained = _louvain.move_nodes(*csr, comm, order, resolution, two_m, 0.0, 1000)
    if weight is None:  # one shared weight gives the same moves
        unit = np.arange(n, dtype=np.int64)
        args = csr[0], csr[1], np.ones(1), np.zeros(n), unit, order, resolution, two_m
        assert _louvain.move_nodes(*args, 0.0, 1000) == (moves, gained)
        assert np.array_equal(unit, comm)
    # Sweeps revisit only the neighbours of movers; moving again from where it stopped
    # (every node visited) ends, as the last level does, with a sweep that moves none.
    total = moves
    while moves:
        moves, more = _louvain.move_nodes(*csr, comm, order, resolution, two_m, 0.0, 1000)
        gained += more
        total += moves
    ids = compact.ids

    def quality(codes: np.ndarray) -> float:
        groups = [{ids[i] for i in np.flatnonzero(codes == c)} for c in np.unique(codes)]
        return float(nx.community.modularity(g, groups, weight=weight, resolution=resolution))

    singletons = quality(np.arange(n))
    reached = quality(comm)
    assert reached - singletons == pytest.approx(2.0 * gained / two_m, abs=1e-12)
    assert (total == 0) == (reached == singletons)
    for i in range(n):
        for target in {*comm.tolist(), n}:  # every community, or a new one of its own
            moved = comm.copy()
            moved[i] = target
            assert quality(moved) <= reached + 1e-12


@given(graphs(), st.integers(0, 3), st.sampled_from([None, "ties"]))
def test_aggregation_keeps_every_weight(g: nx.Graph, seed: int, weight: str | None) -> None:
    compact, data = _csr(g, weight)
    n = compact.n_nodes
    if not n:
        return
    rng = np.random.default_rng(seed)
    comm, size = _louvain.dense_codes(rng.integers(0, max(1, n // 2), n).astype(np.int64))
    diag = rng.integers(0, 3, n).astype(np.float64)
    indptr, indices, out, new_diag = _louvain.aggregate(
        compact.indptr, _louvain.unsigned(compact.indices), data, diag, comm, size
    )
    expected = np.zeros((size, size))
    rows = np.repeat(np.arange(n), np.diff(compact.indptr))
    np.add.at(expected, (comm[rows], comm[compact.indices]), data)
    np.add.at(expected, (comm, comm), diag)
    got = np.zeros((size, size))
    np.add.at(got, (np.repeat(np.arange(size), np.diff(indptr)), indices), out)
    np.fill_diagonal(got, new_diag)
    assert np.array_equal(got, expected)
    assert all((np.diff(indices[indptr[c] : indptr[c + 1]]) != 0).all() for c in range(size))


@given(graphs(directed=True), st.integers(0, 3))
def test_directed_input_is_taken_as_undirected(g: nx.DiGraph, seed: int) -> None:
    assert communities(g, seed=seed) == communities(nx.Graph(g), seed=seed)


def test_self_loops_and_parallel_edges_are_ignored() -> None:
    g = nx.MultiGraph(nx.barbell_graph(5, 1))
    g.add_edges_from([(0, 1), (0, 0), (7, 7)])
    simple = nx.barbell_graph(5, 1)
    assert communities(g, seed=2) == communities(simple, seed=2)


def test_louvain_membership_on_csr_arrays() -> None:
    compact = CompactGraph.from_networkx(nx.barbell_graph(4, 0))
    codes = louvain_membership(
        compact.indptr,
        _louvain.unsigned(compact.indices),
        np.ones(len(compact.indices)),
        compact.n_nodes,
        np.random.default_rng(1),
    )
    assert codes.tolist() == [0, 0, 0, 0, 1, 1, 1, 1] or codes.tolist() == [1] * 4 + [0] * 4


def test_a_disconnected_community_is_split() -> None:
    # A node that local moving took out of the middle of a path leaves two parts behind.
    membership = np.array([0, 0, 1, 0, 0], np.int64)
    path = CompactGraph.from_networkx(nx.path_graph(5))
    indices = _louvain.unsigned(path.indices)
    parts, count = _louvain.connected_parts(path.indptr, indices, membership)
    assert parts.tolist() == [0, 0, 1, 2, 2] and count == 3


def test_a_community_left_disconnected_by_moving_is_split(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("samenwerking.analysis.communities")
    real = module.move_nodes
    calls = []

    def first_level_joins_everything(*args: object) -> tuple[int, float]:
        calls.append(args)
        if len(calls) > 1:
            return real(*args)  # type: ignore[no-any-return]
        comm = args[4]
        assert isinstance(comm, np.ndarray)
        comm[:] = 0
        return len(comm) - 1, 1.0

    monkeypatch.setattr(module, "move_nodes", first_level_joins_everything)
    g = nx.disjoint_union(nx.complete_graph(3), nx.complete_graph(4))
    result = communities(g, seed=0)
    assert result.groups == ((3, 4, 5, 6), (0, 1, 2))
    assert result.modularity == pytest.approx(nx.community.modularity(g, result.groups))
