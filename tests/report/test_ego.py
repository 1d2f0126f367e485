"""The brokers' constraint and effective size, from their two-step neighbourhood alone,
equal the whole graph's figures (and networkx's)."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.analysis import constraint, effective_size
from samenwerking.graph import CompactGraph
from samenwerking.report._ego import ball, holes_of


@st.composite
def graphs_and_nodes(draw: st.DrawFn) -> tuple[nx.Graph, list[int]]:
    """Small graphs, isolates and repeated ties included, and some of their nodes."""
    n = draw(st.integers(0, 14))
    g = nx.Graph()
    g.add_nodes_from(f"p{i}" for i in range(n))
    if n >= 2:
        pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
        drawn = draw(st.lists(pairs, max_size=40))
        g.add_edges_from((f"p{a}", f"p{b}") for a, b in drawn if a != b)
    chosen = draw(st.lists(st.integers(0, n - 1), max_size=4, unique=True)) if n else []
    return g, chosen


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-12, abs=1e-12)


@given(graphs_and_nodes())
def test_equal_to_the_whole_graph_and_networkx(case: tuple[nx.Graph, list[int]]) -> None:
    g, chosen = case
    C = CompactGraph.from_networkx(g)  # noqa: N806
    held, size = holes_of(C, chosen)
    ids = [C.ids[i] for i in chosen]
    assert list(held) == list(size) == ids
    whole_held, whole_size = constraint(C), effective_size(C)
    reference_held = nx.constraint(g, nodes=ids) if ids else {}
    reference_size = nx.effective_size(g, nodes=ids) if ids else {}
    for node in ids:
        assert _same(held[node], whole_held[node]), node
        assert _same(size[node], whole_size[node]), node
        assert _same(held[node], reference_held[node]), node
        assert _same(size[node], reference_size[node]), node


def test_on_a_synthetic_region_with_repeated_ties() -> None:
    C = sw.compact_graph(sw.synthetic.region(1500, seed=3))  # noqa: N806
    top = [int(i) for i in (-C.degree()).argsort()[:10]]
    held, size = holes_of(C, top)
    whole_held, whole_size = constraint(C), effective_size(C)
    for i in top:
        assert held[C.ids[i]] == pytest.approx(whole_held[C.ids[i]], rel=1e-12)
        assert size[C.ids[i]] == pytest.approx(whole_size[C.ids[i]], rel=1e-12)


def test_ball_and_nothing_named() -> None:
    C = CompactGraph.from_networkx(nx.path_graph(7))  # noqa: N806
    assert ball(C, [3], steps=1).tolist() == [2, 3, 4]
    assert ball(C, [0, 6]).tolist() == [0, 1, 2, 4, 5, 6]
    assert ball(C, []).tolist() == []
    assert holes_of(C, []) == ({}, {})
