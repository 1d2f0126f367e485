"""Betweenness to a stated error: every node within ``epsilon`` with probability ``1 - delta``.

Riondato and Kornaropoulos (2016) sample ``r`` ordered pairs of distinct nodes uniformly
and, for each, one shortest path between them uniformly among all shortest paths (by path
counts); a node's estimate is the share of sampled paths it lies inside. From the
Vapnik-Chervonenkis dimension of shortest paths, ``r = (c / epsilon^2) (floor(log2(VD - 2))
+ 1 + ln(1 / delta))`` samples, with ``c = 0.5`` and ``VD`` an upper bound on the vertex
diameter (the most nodes on one shortest path), put every estimate within ``epsilon`` of
the true value at once with probability at least ``1 - delta``.

Here each pair is a compiled balanced bidirectional breadth-first search, from its source
and its target until the two meet, and the path is drawn through the meeting level by path
counts (:func:`~samenwerking.analysis._brandes.sampled_path_hits`); the pairs are shared
out over numba's threads.

References
----------
Riondato, M. and Kornaropoulos, E. M. (2016). Fast approximation of betweenness
centrality through sampling. *Data Mining and Knowledge Discovery* 30(2), 438-475.

Example
-------
>>> import networkx as nx
>>> found = approximate_betweenness(nx.path_graph(["a", "b", "c"]), epsilon=0.1, seed=1)
>>> {node: round(score, 1) for node, score in found.scores.items()}
{'a': 0.0, 'b': 1.0, 'c': 0.0}
>>> found.stable_top(1)
('b',)
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np
from attrs import frozen

from samenwerking.analysis._brandes import sampled_path_hits
from samenwerking.analysis._dfs import component_labels
from samenwerking.analysis._input import InvalidArgumentError, as_compact
from samenwerking.analysis._kernels import pattern
from samenwerking.graph.compact import CompactGraph
from samenwerking.progress import Progress, report_progress
from samenwerking.tabular import Table, Tabular

__all__ = [
    "ApproximateBetweenness",
    "approximate_betweenness",
    "betweenness_sample_size",
    "vertex_diameter_bound",
]

C_CONSTANT = 0.5
"""The universal constant ``c`` of the sample size (Riondato and Kornaropoulos use 0.5)."""


@frozen
class ApproximateBetweenness(Tabular):
    """Normalised betweenness estimates, each within :attr:`epsilon` with probability ``1 - delta``.

    Example
    -------
    >>> import networkx as nx
    >>> found = approximate_betweenness(nx.star_graph(4), epsilon=0.1, seed=3)
    >>> round(found.scores[0], 1), found.ranked_above(0, 1), found.ranked_above(1, 2)
    (1.0, True, False)
    """

    scores: dict[Hashable, float]
    """Estimated normalised betweenness by node id, in node order (as networkx normalises)."""
    epsilon: float
    """The stated error: every estimate is within this of the true value ..."""
    delta: float
    """... except with probability at most this."""
    samples: int
    """Sampled pairs (and paths) behind the estimates."""
    vertex_diameter: int
    """The upper bound on the vertex diameter used for the sample size."""

    def _tables(self) -> tuple[Table, ...]:
        ranked = sorted(self.scores.items(), key=lambda item: -item[1])
        return (Table("nodes", ("node", "betweenness"), ranked),)

    def _notes(self) -> tuple[str, ...]:
        return (
            f"every estimate within ±{self.epsilon:g} with probability {1 - self.delta:g}, "
            f"from {self.samples:,} sampled shortest paths",
        )

    def __repr__(self) -> str:
        return (
            f"<ApproximateBetweenness: {len(self.scores)} nodes, ±{self.epsilon:g} "
            f"({1 - self.delta:g} sure), {self.samples} paths>"
        )

    def ranked_above(self, a: Hashable, b: Hashable) -> bool:
        """Whether ``a`` is certainly above ``b``: their scores differ by more than 2 epsilon."""
        return self.scores[a] - self.scores[b] > 2 * self.epsilon

    def stable_top(self, n: int) -> tuple[Hashable, ...]:
        """The nodes certainly in the top ``n``, highest first.

        A node is certainly in the top ``n`` when its score exceeds the ``n+1``-th highest
        score by more than 2 epsilon: with every estimate within epsilon, it is then truly
        above at least ``len - n`` others. With ``n`` or fewer nodes all are in the top ``n``.
        """
        if n < 0:
            raise InvalidArgumentError(f"n must not be negative (got {n!r})")
        ids = list(self.scores)
        values = np.fromiter(self.scores.values(), np.float64, len(ids))
        order = np.lexsort((np.arange(len(ids)), -values))
        if len(ids) <= n:
            return tuple(ids[i] for i in order)
        bar = values[order[n]] + 2 * self.epsilon
        return tuple(ids[i] for i in order[:n] if values[i] > bar)


def betweenness_sample_size(epsilon: float, delta: float, vertex_diameter: int) -> int:
    """Riondato and Kornaropoulos' sample size for error ``epsilon`` with probability ``1 - delta``.

    ``ceil((0.5 / epsilon^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta)))``; the logarithm is
    taken as 0 when ``VD`` is 3 or less.

    Example
    -------
    >>> betweenness_sample_size(0.1, 0.1, 10)
    316
    """
    if not 0 < epsilon < 1 or not 0 < delta < 1:
        raise InvalidArgumentError(
            f"epsilon and delta must lie between 0 and 1 (got {epsilon!r}, {delta!r})"
        )
    vc = math.floor(math.log2(max(vertex_diameter - 2, 1))) + 1
    return math.ceil(C_CONSTANT / epsilon**2 * (vc + math.log(1 / delta)))


def vertex_diameter_bound(G: nx.Graph | CompactGraph) -> int:  # noqa: N803
    """An upper bound on the most nodes on one shortest path (the vertex diameter).

    ``2 e + 1``, with ``e`` the largest eccentricity of the first node of each island; one
    breadth-first search runs from all of them at once.

    Example
    -------
    >>> import networkx as nx
    >>> vertex_diameter_bound(nx.path_graph(5))  # true vertex diameter: 5
    9
    """
    C = as_compact(G)  # noqa: N806
    if C.n_nodes == 0:
        return 0
    A = pattern(C)  # noqa: N806
    _, labels = component_labels(C.indptr, C.indices)
    _, first = np.unique(labels, return_index=True)
    visited = np.zeros(C.n_nodes, np.bool_)
    visited[first] = True
    frontier = visited.copy()
    levels = 0
    while True:
        frontier = (A.T @ frontier.astype(np.float64) > 0) & ~visited
        if not frontier.any():
            return 2 * levels + 1
        visited |= frontier
        levels += 1


def approximate_betweenness(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    epsilon: float = 0.01,
    delta: float = 0.1,
    seed: int | None = None,
    progress: Progress | None = None,
) -> ApproximateBetweenness:
    """Normalised betweenness of every node, each within ``epsilon`` with probability ``1 - delta``.

    Values are on networkx's scale (``nx.betweenness_centrality(G)``: shortest paths in
    hops, endpoints not counted, divided by ``(n - 1)(n - 2)``; a directed graph counts as
    undirected). The sampled pairs estimate the share over all ``n (n - 1)`` ordered pairs,
    which is ``(n - 2) / n`` of networkx's value, so the sample is drawn for error
    ``epsilon (n - 2) / n`` on that share.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.
    epsilon : float
        The error allowed on every node at once, between 0 and 1.
    delta : float
        The probability that some node's error exceeds ``epsilon``, between 0 and 1.
    seed : int, optional
        Seed for the pairs and paths; the same seed gives the same estimates.
    progress : Progress, optional
        Called with the number of sampled pairs done and the total.

    Returns
    -------
    ApproximateBetweenness
        The estimates with their error, confidence, sample size and stable ranks.

    Raises
    ------
    InvalidArgumentError
        If ``epsilon`` or ``delta`` is not between 0 and 1.

    Notes
    -----
    The sample size grows with ``1 / epsilon^2`` and hardly with the graph: at
    ``epsilon = 0.01`` and ``delta = 0.1`` it is about 35,000 pairs, each a breadth-first
    search in two directions that stops where they meet.

    Example
    -------
    >>> import networkx as nx
    >>> found = approximate_betweenness(nx.karate_club_graph(), epsilon=0.05, seed=1)
    >>> exact = nx.betweenness_centrality(nx.karate_club_graph())
    >>> found.samples, max(abs(found.scores[v] - exact[v]) for v in exact) <= 0.05
    (1198, True)
    """
    if not 0 < epsilon < 1 or not 0 < delta < 1:
        raise InvalidArgumentError(
            f"epsilon and delta must lie between 0 and 1 (got {epsilon!r}, {delta!r})"
        )
    C = as_compact(G)  # noqa: N806
    n = C.n_nodes
    diameter = vertex_diameter_bound(C)
    if n < 3 or C.n_edges == 0:
        zero = dict.fromkeys(C.ids, 0.0)
        return ApproximateBetweenness(zero, epsilon, delta, 0, diameter)
    r = betweenness_sample_size(epsilon * (n - 2) / n, delta, diameter)
    # The pairs are those drawn before the kernel was compiled (the first spawned stream);
    # one more draw per pair seeds the choice of its path.
    pick = np.random.default_rng(np.random.SeedSequence(seed).spawn(1)[0])
    sources = pick.integers(n, size=r)
    targets = pick.integers(n - 1, size=r)
    targets += targets >= sources
    seeds = pick.integers(np.iinfo(np.int64).max, size=r, dtype=np.int64)
    hits = np.zeros(n, np.float64)
    size = _chunk_size(C)
    report_progress(progress, 0, r)
    for start in range(0, r, size):
        stop = min(start + size, r)
        hits += sampled_path_hits(
            C.indptr, C.indices, sources[start:stop], targets[start:stop], seeds[start:stop]
        )
        report_progress(progress, stop, r)
    # True values lie in [0, 1]: clipping the estimates there only brings them closer.
    scores = np.minimum(hits * (n / ((n - 2) * r)), 1.0)
    return ApproximateBetweenness(
        dict(zip(C.ids, scores.tolist(), strict=True)), epsilon, delta, r, diameter
    )


def _chunk_size(G: CompactGraph) -> int:  # noqa: N803
    """Pairs per kernel call, for progress reports every 10^8 edge visits or so (16 to 8,192).

    The two searches of a pair meet after a small part of the graph, a twentieth or less at
    region scale.
    """
    work = G.n_nodes + len(G.indices)
    return int(min(8192, max(16, 2 * 10**9 // max(work, 1))))
