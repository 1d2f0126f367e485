"""Tests for the compiled mixing counts (``analysis._mixing_kernels``).

References: ``networkx.attribute_mixing_dict`` and a loop over the edges for the counts,
``networkx.attribute_assortativity_coefficient``, and numpy for the renumbered codes; the
counts also from several thread blocks, as on large graphs.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from group_graphs import both_forms, graphs, group_of
from hypothesis import given
from hypothesis import strategies as st

import samenwerking.analysis._kernels as shared
from samenwerking._jit import threads
from samenwerking.analysis._mixing_kernels import dense_codes, group_pair_counts
from samenwerking.analysis.mixing import assortativity, dense_groups, mixing_matrix
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.synthetic import region

BYS = st.sampled_from(["sector", "domain", "municipality", "organisation"])


def _by_edges(g: nx.Graph, by: str, labels: tuple[str, ...]) -> np.ndarray:
    counts = np.zeros((len(labels), len(labels)), np.int64)
    at = {label: i for i, label in enumerate(labels)}
    for u, v in nx.Graph(g).edges():
        a, b = at[group_of(g, u, by)], at[group_of(g, v, by)]
        counts[a, b] += 1
        counts[b, a] += 1
    return counts


@given(st.booleans().flatmap(lambda directed: graphs(directed=directed)), BYS)
def test_counts_equal_a_loop_over_the_edges(g: nx.Graph, by: str) -> None:
    for form in both_forms(g):  # a directed graph is taken as undirected
        result = mixing_matrix(form, by=by)
        assert (result.counts == _by_edges(g, by, result.labels)).all()


@given(graphs(), BYS, st.lists(st.integers(0, 18), max_size=4))
def test_thread_blocks_count_the_same(g: nx.Graph, by: str, cuts: list[int]) -> None:
    C = CompactGraph.from_networkx(g)  # noqa: N806
    group, labels = dense_groups(C, by)
    bounds = np.array(sorted({0, C.n_nodes, *(min(c, C.n_nodes) for c in cuts)}), np.int64)
    if len(bounds) == 1:
        bounds = np.array([0, 0], np.int64)
    counts = group_pair_counts(C.indptr, C.indices, group, len(labels), bounds)
    assert (counts == _by_edges(g, by, labels)).all()


@given(st.lists(st.integers(-1, 6), max_size=30), st.integers(7, 9))
def test_dense_codes_equal_numpy(codes: list[int], width: int) -> None:
    values = np.array(codes, np.int64)
    shifted = np.where(values < 0, width - 1, values)
    present = np.unique(shifted)
    new, found = dense_codes(values, width)
    assert found.tolist() == present.tolist()
    assert new.tolist() == np.searchsorted(present, shifted).tolist()


def test_multigraph_input_counts_each_pair_once() -> None:
    g = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    nx.set_node_attributes(g, {"a": "care", "b": "care", "c": "education"}, "domain")
    assert mixing_matrix(g).as_dict() == {("education", "care"): 1, ("care", "care"): 1}


def test_large_region_from_threads_equals_networkx(monkeypatch: pytest.MonkeyPatch) -> None:
    r = region(600, seed=5)
    C = compact_graph(r)  # noqa: N806
    g = nx.Graph()
    names = (*C.domains, "unknown")
    g.add_nodes_from((i, {"domain": names[d]}) for i, d in enumerate(C.domain.tolist()))
    rows = np.repeat(np.arange(C.n_nodes), np.diff(C.indptr))
    g.add_edges_from(zip(rows.tolist(), C.indices.tolist(), strict=True))
    serial = mixing_matrix(C)
    monkeypatch.setattr(shared, "PARALLEL_WORK", 0)  # several blocks, one per thread
    with threads(2):
        parallel = mixing_matrix(C)
    assert (serial.counts == parallel.counts).all()
    assert (serial.counts == _by_edges(g, "domain", serial.labels)).all()
    expected = nx.attribute_assortativity_coefficient(g, "domain")
    assert assortativity(C) == pytest.approx(expected, abs=1e-12)
