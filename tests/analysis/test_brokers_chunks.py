"""Betweenness from the compiled kernel, in any chunks and on any thread count, equals networkx's.

Reference: ``networkx.betweenness_centrality`` (exact and with the same sampled sources).
The chunk of sources per kernel call is forced small, so that every graph runs as many
calls, one source each up to many, across disconnected parts; the thread count is set to
one and to two. Directed graphs count as undirected, and parallel ties as one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import networkx as nx
import numpy as np
import pytest
from broker_graphs import graphs
from hypothesis import given
from hypothesis import strategies as st

from samenwerking._jit import threads
from samenwerking.analysis import brokers
from samenwerking.analysis._brandes import dependencies
from samenwerking.graph.compact import CompactGraph


def _close(got: dict[object, float], expected: dict[object, float]) -> None:
    assert list(got) == list(expected)
    for node, value in expected.items():
        if math.isnan(value):
            assert math.isnan(got[node])
        else:
            assert got[node] == pytest.approx(value, rel=1e-9, abs=1e-12), node


@contextmanager
def _chunks_of(width: int) -> Iterator[None]:
    original = brokers._chunk_size
    brokers._chunk_size = lambda G: width  # noqa: N803
    try:
        yield
    finally:
        brokers._chunk_size = original


@given(graphs(), st.integers(1, 5), st.integers(1, 2), st.booleans())
def test_any_chunk_and_thread_count_equals_networkx(
    g: nx.Graph, width: int, count: int, normalized: bool
) -> None:
    expected = nx.betweenness_centrality(g, normalized=normalized)
    with _chunks_of(width), threads(count):
        got = brokers.betweenness(CompactGraph.from_networkx(g), normalized=normalized)
    _close(got, expected)


@given(graphs(directed=True), st.booleans())
def test_directed_counts_as_undirected(g: nx.DiGraph, normalized: bool) -> None:
    expected = nx.betweenness_centrality(g.to_undirected(), normalized=normalized)
    _close(brokers.betweenness(g, normalized=normalized), expected)


@given(graphs(), st.data())
def test_parallel_ties_count_once(g: nx.Graph, data: st.DataObject) -> None:
    multi = nx.MultiGraph(g)
    edges = list(g.edges)
    if edges:
        multi.add_edges_from(data.draw(st.lists(st.sampled_from(edges), max_size=10)))
    _close(brokers.betweenness(multi), nx.betweenness_centrality(g))


@given(graphs(), st.data())
def test_kernel_sums_single_source_dependencies(g: nx.Graph, data: st.DataObject) -> None:
    C = CompactGraph.from_networkx(g)  # noqa: N806
    sources = np.array(data.draw(st.lists(st.integers(0, max(len(g) - 1, 0)), max_size=6)))
    sources = sources.astype(np.int64) if len(g) else np.zeros(0, np.int64)
    one_by_one = np.zeros(C.n_nodes)
    for s in sources:
        one_by_one += dependencies(C.indptr, C.indices, np.array([s], np.int64))
    with threads(2):
        together = dependencies(C.indptr, C.indices, sources)
    np.testing.assert_allclose(together, one_by_one, rtol=1e-12, atol=1e-12)


def test_chunk_size_by_graph_size() -> None:
    small = CompactGraph.from_networkx(nx.path_graph(100))
    assert brokers._chunk_size(small) == 1024
    region = CompactGraph.from_networkx(nx.random_regular_graph(20, 50_000, seed=1))
    assert brokers._chunk_size(region) == 95  # 50,000 nodes, 500,000 ties
    assert brokers._chunk_size(CompactGraph.from_networkx(nx.empty_graph(0))) == 1024


def test_sampled_in_narrow_chunks_on_one_and_two_threads_equals_networkx() -> None:
    g = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=5)
    expected = nx.betweenness_centrality(g, k=50, seed=11)
    for count in (1, 2):
        with _chunks_of(7), threads(count):
            got = brokers.betweenness(g, k=50, seed=11)
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_progress_after_every_chunk() -> None:
    calls: list[tuple[int, int]] = []
    with _chunks_of(4):
        brokers.betweenness(nx.path_graph(10), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 10), (4, 10), (8, 10), (10, 10)]
