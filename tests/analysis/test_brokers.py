"""Tests for betweenness (``samenwerking.analysis.brokers``).

Reference: :func:`networkx.betweenness_centrality`, exact and with the same sampled
sources (networkx draws them with ``random.Random(seed).sample``), on hypothesis graphs and
on the DHHS collaboration network (Luke 2015, see tests/fixtures/networks/README.md).
"""

from __future__ import annotations

import math

import networkx as nx
import pytest
from broker_graphs import graphs, load_network, twins
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.brokers import betweenness
from samenwerking.graph.compact import CompactGraph


def _close(a: dict[object, float], b: dict[object, float]) -> None:
    assert list(a) == list(b)
    for node in a:
        if math.isnan(b[node]):
            assert math.isnan(a[node])
        else:
            assert a[node] == pytest.approx(b[node], rel=1e-9, abs=1e-12), node


@given(graphs(), st.booleans())
def test_exact_equals_networkx(g: nx.Graph, normalized: bool) -> None:
    expected = nx.betweenness_centrality(g, normalized=normalized)
    for form in twins(g):
        _close(betweenness(form, normalized=normalized), expected)


@given(graphs(), st.booleans(), st.integers(0, 2**32), st.data())
def test_sampled_equals_networkx_with_the_same_seed(
    g: nx.Graph, normalized: bool, seed: int, data: st.DataObject
) -> None:
    if len(g) == 0:
        return
    k = data.draw(st.integers(1, len(g)))
    expected = nx.betweenness_centrality(g, k=k, seed=seed, normalized=normalized)
    for form in twins(g):
        _close(betweenness(form, k=k, seed=seed, normalized=normalized), expected)


@given(graphs(), st.data())
def test_given_sources(g: nx.Graph, data: st.DataObject) -> None:
    if len(g) < 2:
        return
    sources = data.draw(st.lists(st.sampled_from(list(g)), min_size=2, unique=True))
    # networkx with a seed whose sample is exactly these sources: pin it by a subgraph-free
    # reference, summing networkx's per-source dependencies.
    raw = dict.fromkeys(g, 0.0)
    for s in sources:
        for target in g:
            if target == s:
                continue
            paths = list(nx.all_shortest_paths(g, s, target)) if nx.has_path(g, s, target) else []
            for path in paths:
                for v in path[1:-1]:
                    raw[v] += 1 / len(paths)
    n, k = len(g), len(sources)
    got = betweenness(g, sources=sources, normalized=False)
    for v in g:
        scale = (n - 1) / (2 * (k - 1 if v in sources else k)) if n > 2 else 1.0
        assert got[v] == pytest.approx(raw[v] * scale, rel=1e-9, abs=1e-12)


def test_real_network_exact_and_sampled() -> None:
    g = load_network("DHHS")
    _close(betweenness(g), nx.betweenness_centrality(g))
    _close(betweenness(g, k=20, seed=7), nx.betweenness_centrality(g, k=20, seed=7))


def test_batches_on_a_larger_graph() -> None:
    g = nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=3)
    _close(betweenness(CompactGraph.from_networkx(g)), nx.betweenness_centrality(g))


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    betweenness(nx.path_graph(10), progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 10) and calls[-1] == (10, 10)


@pytest.mark.parametrize("k", [0, 4, -1, 1.5])
def test_bad_k(k: object) -> None:
    with pytest.raises(InvalidArgumentError, match="k must be"):
        betweenness(nx.path_graph(3), k=k)  # type: ignore[arg-type]


def test_unknown_source() -> None:
    with pytest.raises(InvalidArgumentError, match="ghost"):
        betweenness(nx.path_graph(3), sources=["ghost"])
