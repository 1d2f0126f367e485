"""Tests for the level-by-level k-core peeling (``analysis._core_kernels``).

Reference: ``networkx.core_number`` on hypothesis-drawn graphs, denser and larger than the
attribute graphs of ``test_cohesion`` (so that many levels, empty levels and level jumps
occur), on cliques joined to paths and stars, isolates and the empty graph.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerking.analysis._core_kernels import peel_levels
from samenwerking.analysis.cohesion import core_numbers, k_core
from samenwerking.graph.compact import CompactGraph


@st.composite
def dense_graphs(draw: st.DrawFn) -> nx.Graph:
    """Up to 40 integer nodes, with cliques of drawn sizes and random extra edges."""
    n = draw(st.integers(0, 40))
    g = nx.empty_graph(n)
    nodes = list(range(n))
    for _ in range(draw(st.integers(0, 3))):
        if n:
            members = draw(st.lists(st.sampled_from(nodes), max_size=12, unique=True))
            g.add_edges_from((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    if n >= 2:
        pairs = draw(
            st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=120)
        )
        g.add_edges_from((a, b) for a, b in pairs if a != b)
    return g


def _csr(g: nx.Graph) -> tuple[np.ndarray, np.ndarray]:
    C = CompactGraph.from_networkx(g)  # noqa: N806
    return C.indptr, C.indices


@settings(max_examples=300)
@given(dense_graphs())
def test_peel_levels_equal_networkx(g: nx.Graph) -> None:
    indptr, indices = _csr(g)
    expected = nx.core_number(g)
    assert peel_levels(indptr, indices).tolist() == [expected[v] for v in g]
    assert core_numbers(g) == expected
    assert core_numbers(CompactGraph.from_networkx(g)) == expected


@given(dense_graphs(), st.integers(0, 12))
def test_k_core_equals_networkx(g: nx.Graph, k: int) -> None:
    assert set(k_core(g, k)) == set(nx.k_core(g, k))


@given(st.integers(2, 30), st.integers(0, 20), st.integers(0, 20))
def test_clique_with_a_path_and_a_star_skips_levels(clique: int, path: int, star: int) -> None:
    g = nx.complete_graph(clique)
    nx.add_path(g, [clique - 1, *range(clique, clique + path)])
    g.add_edges_from((0, clique + path + i) for i in range(star))
    g.add_node("alone")
    assert core_numbers(g) == nx.core_number(g)


def test_empty_and_edgeless_graphs() -> None:
    assert peel_levels(np.zeros(1, np.int64), np.zeros(0, np.int32)).tolist() == []
    assert peel_levels(np.zeros(4, np.int64), np.zeros(0, np.int32)).tolist() == [0, 0, 0]


def test_a_large_random_graph_equals_networkx() -> None:
    g = nx.gnm_random_graph(3000, 30000, seed=7)
    g.add_nodes_from(range(3000, 3050))  # isolates
    assert core_numbers(CompactGraph.from_networkx(g)) == nx.core_number(g)


@given(dense_graphs(), st.booleans())
def test_core_numbers_keep_graph_order(g: nx.Graph, text: bool) -> None:
    if text:
        g = nx.relabel_nodes(g, {v: f"p{v:02d}" for v in g})
    found = core_numbers(CompactGraph.from_networkx(g))
    assert type(found) is dict and list(found) == list(g)
    assert list(found.items()) == [(v, nx.core_number(g)[v]) for v in g]
