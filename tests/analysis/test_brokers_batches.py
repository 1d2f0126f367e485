"""Betweenness with packed levels and any batch width equals networkx's.

Reference: ``networkx.betweenness_centrality`` (exact and with the same sampled sources).
The batch width is forced small, so that every graph runs as many batches, one source each
up to many, and the packed levels (nonzero pattern and values instead of dense blocks) are
unpacked across batch borders and disconnected parts. The width a graph gets by its size
is checked too: 64 on small graphs, 32 at region scale, 16 (as before) at national scale.
"""

from __future__ import annotations

import math

import networkx as nx
import pytest
from broker_graphs import graphs
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis import brokers
from samenwerking.graph.compact import CompactGraph


@given(graphs(), st.integers(1, 5), st.booleans())
def test_any_batch_width_equals_networkx(g: nx.Graph, width: int, normalized: bool) -> None:
    expected = nx.betweenness_centrality(g, normalized=normalized)
    original = brokers._batch_size
    brokers._batch_size = lambda n: width
    try:
        got = brokers.betweenness(CompactGraph.from_networkx(g), normalized=normalized)
    finally:
        brokers._batch_size = original
    assert list(got) == list(expected)
    for node, value in expected.items():
        if math.isnan(value):
            assert math.isnan(got[node])
        else:
            assert got[node] == pytest.approx(value, rel=1e-9, abs=1e-12), node


def test_width_by_size() -> None:
    assert brokers._batch_size(2_000) == 64
    assert brokers._batch_size(50_000) == 32
    assert brokers._batch_size(600_000) == 16


def test_sampled_in_narrow_batches_equals_networkx() -> None:
    g = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=5)
    original = brokers._batch_size
    brokers._batch_size = lambda n: 7
    try:
        got = brokers.betweenness(g, k=50, seed=11)
    finally:
        brokers._batch_size = original
    expected = nx.betweenness_centrality(g, k=50, seed=11)
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)
