"""Betweenness to a stated error (Riondato and Kornaropoulos 2016) against networkx.

The compiled sampler is checked on its own too: every shortest path of a pair is drawn
equally often (against ``networkx.all_shortest_paths``), and the estimates do not depend on
the thread count.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from broker_graphs import graphs
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerking._jit import threads
from samenwerking.analysis import (
    ApproximateBetweenness,
    approximate_betweenness,
    betweenness_approx,
)
from samenwerking.analysis._brandes import sampled_path_hits
from samenwerking.analysis._input import InvalidArgumentError, as_compact
from samenwerking.analysis.betweenness_approx import (
    betweenness_sample_size,
    vertex_diameter_bound,
)

SEEDS = (0, 1, 2)
EPSILON, DELTA = 0.1, 0.01


def _vertex_diameter(G: nx.Graph) -> int:  # noqa: N803
    """The most nodes on one shortest path, by brute force."""
    lengths = dict(nx.all_pairs_shortest_path_length(G))
    return max((d for row in lengths.values() for d in row.values()), default=-1) + 1


@settings(max_examples=40, deadline=None)
@given(graphs())
def test_every_estimate_within_epsilon(G: nx.Graph) -> None:  # noqa: N803
    # With delta = 0.01 one seed in a hundred may miss; the error of the estimate is far
    # below epsilon in practice, so three fixed seeds all within it cannot flake.
    exact = nx.betweenness_centrality(G)
    for seed in SEEDS:
        found = approximate_betweenness(G, epsilon=EPSILON, delta=DELTA, seed=seed)
        assert list(found.scores) == list(G)
        assert max((abs(found.scores[v] - exact[v]) for v in G), default=0.0) <= EPSILON
        assert all(0.0 <= score <= 1.0 for score in found.scores.values())


@settings(max_examples=40, deadline=None)
@given(graphs())
def test_sample_size_follows_the_formula(G: nx.Graph) -> None:  # noqa: N803
    found = approximate_betweenness(G, epsilon=EPSILON, delta=DELTA, seed=1)
    bound = found.vertex_diameter
    true = _vertex_diameter(G)
    assert true <= bound <= max(2 * true - 1, 0) or (true <= 1 and bound == max(true, 0))
    n = G.number_of_nodes()
    if n < 3 or G.number_of_edges() == 0:
        assert found.samples == 0
        return
    eps = EPSILON * (n - 2) / n
    log_term = math.floor(math.log2(bound - 2)) if bound > 3 else 0
    expected = math.ceil(0.5 / eps**2 * (log_term + 1 + math.log(1 / DELTA)))
    assert found.samples == expected == betweenness_sample_size(eps, DELTA, bound)


@settings(max_examples=25, deadline=None)
@given(graphs(), st.integers(0, 2**32 - 1))
def test_same_seed_same_estimates(G: nx.Graph, seed: int) -> None:  # noqa: N803
    first = approximate_betweenness(G, epsilon=0.2, seed=seed)
    assert approximate_betweenness(G, epsilon=0.2, seed=seed) == first
    assert approximate_betweenness(as_compact(G), epsilon=0.2, seed=seed).scores == first.scores


def test_different_seeds_differ() -> None:
    G = nx.karate_club_graph()  # noqa: N806
    a = approximate_betweenness(G, epsilon=0.1, seed=1).scores
    b = approximate_betweenness(G, epsilon=0.1, seed=2).scores
    assert a != b


def test_larger_graph_within_epsilon() -> None:
    G = nx.les_miserables_graph()  # noqa: N806
    exact = nx.betweenness_centrality(G)
    for seed in SEEDS:
        found = approximate_betweenness(G, epsilon=0.05, delta=0.01, seed=seed)
        assert max(abs(found.scores[v] - exact[v]) for v in G) <= 0.05


def test_vertex_diameter_bound_per_island() -> None:
    G = nx.disjoint_union(nx.path_graph(7), nx.star_graph(3))  # noqa: N806
    bound = vertex_diameter_bound(G)
    assert 7 <= bound <= 13
    assert vertex_diameter_bound(nx.empty_graph(4)) == 1
    assert vertex_diameter_bound(nx.Graph()) == 0


def _result(scores: dict[str, float], epsilon: float) -> ApproximateBetweenness:
    return ApproximateBetweenness(scores, epsilon, 0.1, 100, 5)


def test_stable_top_needs_a_gap_of_twice_epsilon() -> None:
    found = _result({"a": 0.9, "b": 0.7, "c": 0.55, "d": 0.5, "e": 0.1}, 0.1)
    assert found.stable_top(1) == ("a",)  # 0.9 > 0.7 + 0.2
    assert found.stable_top(2) == ("a",)  # b: 0.7 is not above 0.55 + 0.2
    assert found.stable_top(3) == ("a",)  # b: 0.7 is not above 0.5 + 0.2
    assert found.stable_top(4) == ("a", "b", "c", "d")  # all above 0.1 + 0.2
    assert found.stable_top(5) == ("a", "b", "c", "d", "e")  # nobody is outside the top 5
    assert found.stable_top(0) == ()
    assert found.ranked_above("a", "b") and not found.ranked_above("b", "c")
    assert not found.ranked_above("b", "a")


@settings(max_examples=50)
@given(
    st.lists(st.floats(0, 1), min_size=1, max_size=12),
    st.floats(0.001, 0.3),
    st.integers(0, 12),
)
def test_stable_top_agrees_with_pairwise_ranks(values: list[float], epsilon: float, n: int) -> None:
    scores = {f"v{i}": value for i, value in enumerate(values)}
    found = _result(scores, epsilon)
    top = found.stable_top(n)
    assert len(top) <= n
    if len(scores) > n:
        # Certainly in the top n: certainly above all but at most n - 1 others.
        for node in top:
            above = sum(found.ranked_above(node, other) for other in scores if other != node)
            assert above >= len(scores) - n
    assert [scores[v] for v in top] == sorted((scores[v] for v in top), reverse=True)


@pytest.mark.parametrize(("epsilon", "delta"), [(0.0, 0.1), (1.0, 0.1), (0.1, 0.0), (0.1, 1.5)])
def test_rejects_bad_error_or_confidence(epsilon: float, delta: float) -> None:
    with pytest.raises(InvalidArgumentError, match="epsilon and delta"):
        approximate_betweenness(nx.path_graph(4), epsilon=epsilon, delta=delta)


def test_rejects_negative_top() -> None:
    with pytest.raises(InvalidArgumentError, match="n must not be negative"):
        _result({"a": 0.1}, 0.1).stable_top(-1)


def test_progress_reaches_the_sample_size() -> None:
    calls: list[tuple[int, int]] = []
    found = approximate_betweenness(
        nx.karate_club_graph(), epsilon=0.2, seed=1, progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0] == (0, found.samples) and calls[-1] == (found.samples, found.samples)


@settings(max_examples=30, deadline=None)
@given(graphs(max_nodes=8), st.data())
def test_each_shortest_path_is_drawn_uniformly(G: nx.Graph, data: st.DataObject) -> None:  # noqa: N803
    # Draw many paths for one pair: each node's share of them must be its share of all
    # shortest paths of the pair (within five standard errors of the binomial draw).
    if len(G) < 3:
        return
    C = as_compact(G)  # noqa: N806
    s, t = data.draw(st.lists(st.integers(0, len(G) - 1), min_size=2, max_size=2, unique=True))
    draws = 4000
    hits = sampled_path_hits(
        C.indptr,
        C.indices,
        np.full(draws, s, np.int64),
        np.full(draws, t, np.int64),
        np.arange(draws, dtype=np.int64) * 7919 + data.draw(st.integers(0, 2**40)),
    )
    ids = list(C.ids)
    if not nx.has_path(G, ids[s], ids[t]):
        assert not hits.any()
        return
    paths = list(nx.all_shortest_paths(G, ids[s], ids[t]))
    for v, node in enumerate(ids):
        share = sum(node in path[1:-1] for path in paths) / len(paths)
        bound = 5 * math.sqrt(share * (1 - share) / draws) + 1e-12
        assert abs(hits[v] / draws - share) <= bound, node


@settings(max_examples=20, deadline=None)
@given(graphs(), st.integers(0, 2**32 - 1))
def test_thread_count_does_not_change_estimates(G: nx.Graph, seed: int) -> None:  # noqa: N803
    with threads(1):
        one = approximate_betweenness(G, epsilon=0.2, seed=seed)
    with threads(2):
        assert approximate_betweenness(G, epsilon=0.2, seed=seed) == one


@settings(max_examples=20, deadline=None)
@given(graphs(directed=True))
def test_directed_counts_as_undirected(G: nx.DiGraph) -> None:  # noqa: N803
    exact = nx.betweenness_centrality(G.to_undirected())
    found = approximate_betweenness(G, epsilon=EPSILON, delta=DELTA, seed=1)
    assert max((abs(found.scores[v] - exact[v]) for v in G), default=0.0) <= EPSILON


def test_progress_after_every_chunk() -> None:
    calls: list[tuple[int, int]] = []
    original = betweenness_approx._chunk_size
    betweenness_approx._chunk_size = lambda G: 100  # noqa: N803
    try:
        found = approximate_betweenness(
            nx.karate_club_graph(), epsilon=0.2, seed=1, progress=lambda d, t: calls.append((d, t))
        )
    finally:
        betweenness_approx._chunk_size = original
    r = found.samples
    assert calls == [(0, r), *((d, r) for d in range(100, r, 100)), (r, r)]
