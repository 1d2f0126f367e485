"""Brokers: betweenness centrality, exact or estimated from sampled sources.

A professional with high betweenness lies on many of the shortest paths between others:
remove them and information has to travel further, or not at all. The algorithm is
Brandes' (2001) accumulation, run for many sources at once: breadth-first search proceeds
level by level as sparse-matrix times dense-matrix products over the CSR arrays (path
counts forward, dependencies backward), so the work happens in compiled scipy kernels.

References
----------
Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
Mathematical Sociology* 25(2), 163-177.
Brandes, U. and Pich, C. (2007). Centrality estimation in large networks. *International
Journal of Bifurcation and Chaos* 17(7), 2303-2318.

Example
-------
>>> import networkx as nx
>>> scores = betweenness(nx.path_graph(["a", "b", "c"]))
>>> scores
{'a': 0.0, 'b': 1.0, 'c': 0.0}
"""

from __future__ import annotations

import math
import os
import random
from collections.abc import Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import reverse_cuthill_mckee

from samenwerking.analysis._input import InvalidArgumentError, as_compact
from samenwerking.analysis._kernels import node_positions, pattern
from samenwerking.graph.compact import CompactGraph
from samenwerking.progress import Progress, report_progress

__all__ = ["betweenness"]

_MEMORY_BUDGET = 1 << 30
"""Bytes the per-batch path-count blocks may take (per worker thread)."""


def betweenness(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    k: int | None = None,
    seed: int | None = None,
    normalized: bool = True,
    sources: Sequence[Hashable] | None = None,
    progress: Progress | None = None,
) -> dict[Hashable, float]:
    """Betweenness centrality of every node: exact, or estimated from ``k`` sampled sources.

    Shortest paths are counted in hops (ties are unweighted) and endpoints are not counted,
    exactly as :func:`networkx.betweenness_centrality` does by default; a directed networkx
    graph is treated as undirected.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.
    k : int, optional
        Estimate from ``k`` source nodes sampled without replacement (Brandes and Pich 2007).
        ``None`` (or ``k`` equal to the number of nodes) computes the exact values.
    seed : int, optional
        Seed for the sample. The sample equals the one networkx draws for the same ``seed``
        and node order, so ``betweenness(G, k=k, seed=s)`` matches
        ``nx.betweenness_centrality(G, k=k, seed=s)``.
    normalized : bool
        Divide by the number of source-target pairs, as networkx does (for a sample,
        networkx's scaling for sampled sources, which treats source nodes apart).
    sources : sequence of node ids, optional
        Use exactly these sources instead of a sample (``k`` and ``seed`` are then ignored).
    progress : Progress, optional
        Called with the number of sources done and the total.

    Returns
    -------
    dict
        Betweenness by node id, in node order.

    Raises
    ------
    InvalidArgumentError
        If ``k`` is not between 1 and the number of nodes, or a source is not a node.

    Notes
    -----
    Sources are processed in batches of up to 64, ordered along a reverse Cuthill-McKee
    ordering so that the sources of one batch lie close together and their search levels
    overlap. Memory per batch is about ``levels x nodes x batch x 8`` bytes; the batch is
    made smaller for very large graphs. Two batches run at a time on two or more cores.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.star_graph(3)
    >>> betweenness(G)[0], betweenness(G, normalized=False)[0]
    (1.0, 3.0)
    >>> betweenness(G, sources=[1, 2], normalized=False)[0]  # sampled estimate
    3.0
    """
    C = as_compact(G)  # noqa: N806
    n = C.n_nodes
    if sources is not None:
        chosen = np.unique(node_positions(C, list(sources)))
        if len(chosen) != len(sources):
            raise InvalidArgumentError("sources must not repeat a node")
        sampled = True
    elif k is None or k == n:
        chosen = np.arange(n)
        sampled = False
    else:
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= n:
            raise InvalidArgumentError(f"k must be an integer from 1 to {n} (got {k!r})")
        chosen = np.array(random.Random(seed).sample(range(n), k), dtype=np.int64)
        sampled = True
    raw = _accumulate(C, chosen, progress)
    scale_source, scale_other = _scales(n, len(chosen), normalized, sampled)
    scaled = raw * scale_other
    scaled[chosen] = raw[chosen] * scale_source
    return dict(zip(C.ids, scaled.tolist(), strict=True))


def _scales(n: int, k: int, normalized: bool, sampled: bool) -> tuple[float, float]:
    """Scale factors for source and other nodes, as ``networkx``'s ``_rescale`` has them."""
    big_n = n - 1  # endpoints are not counted
    if big_n < 2:
        return 1.0, 1.0
    if not sampled:
        scale = 1 / (big_n * (big_n - 1)) if normalized else 0.5
        return scale, scale
    if normalized:
        source = 1 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
        return source, 1 / (k * (big_n - 1))
    source = big_n / ((k - 1) * 2) if k > 1 else math.nan
    return source, big_n / (k * 2)


_WIDE_UP_TO = 20_000
"""Graphs up to this many nodes take 64 sources per batch, larger ones 32 (or fewer)."""


def _batch_size(n: int) -> int:
    """Sources per batch: 64 on small graphs; 32 on larger ones, fewer on huge ones.

    On a large graph the per-level blocks of path counts (rows x sources) are most of the
    memory, and 32 sources a batch take about as long in all as 64 (measured at 50,000
    nodes: the same time, 30% less peak memory); on small graphs the wider batch saves the
    fixed cost of a breadth-first pass.
    """
    size = 64 if n <= _WIDE_UP_TO else 32
    while size > 8 and 8 * n * size * 8 > _MEMORY_BUDGET:
        size //= 2
    return size


def _accumulate(
    G: CompactGraph,  # noqa: N803
    sources: npt.NDArray[np.int64],
    progress: Progress | None,
) -> npt.NDArray[np.float64]:
    """Brandes dependencies summed over ``sources`` (not yet scaled)."""
    n = G.n_nodes
    total = np.zeros(n, np.float64)
    if n == 0 or not len(sources):
        return total
    A = pattern(G)  # noqa: N806
    # Order the sources along a bandwidth-reducing ordering: neighbours end up in one batch.
    rank = np.empty(n, np.int64)
    rank[reverse_cuthill_mckee(A, symmetric_mode=True)] = np.arange(n)
    ordered = sources[np.argsort(rank[sources], kind="stable")]
    size = _batch_size(n)
    batches = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    done = 0
    report_progress(progress, 0, len(sources))
    workers = min(2, os.cpu_count() or 1, len(batches))
    if workers > 1:
        with ThreadPoolExecutor(workers) as pool:
            parts = pool.map(lambda batch: _batch(A, batch), batches)
            for batch, part in zip(batches, parts, strict=True):
                total += part
                done += len(batch)
                report_progress(progress, done, len(sources))
    else:
        for batch in batches:
            total += _batch(A, batch)
            done += len(batch)
            report_progress(progress, done, len(sources))
    return total


def _batch(A: Any, sources: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:  # noqa: N803
    """Dependencies of every node on the given sources, by level-synchronous BFS.

    Level ``l`` holds the rows ``R_l`` (nodes at distance ``l`` from at least one source of
    the batch), ``S_l`` (their path counts, zero in columns where the node is at another
    distance) and ``M_l`` (the edges from ``R_{l-1}`` into ``R_l``). Forward,
    ``S_l = M_l S_{l-1}`` restricted to nodes first reached; backward,
    ``delta_{l-1} = S_{l-1} * (M_l^T ((1 + delta_l) / S_l))``.
    """
    levels = _forward(A, sources)
    result = np.zeros(A.shape[0], np.float64)
    delta = np.zeros(levels[-1][1].shape)
    for level in range(len(levels) - 1, 0, -1):
        rows, held, values, (indices, indptr, shape) = levels[level]
        edges = sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=shape)
        result[rows] += delta.sum(axis=1)
        share = np.zeros_like(delta)
        share[held] = (1.0 + delta[held]) / values
        _, below_held, below_values, _ = levels[level - 1]
        levels.pop()  # done with this level
        below = np.zeros(below_held.shape)
        below[below_held] = below_values
        delta = below * sp.csr_matrix.transpose(edges).dot(share)
    return result


_Level = tuple[Any, Any, Any, Any]
"""A packed level: its rows, which (row, source) it holds, their path counts, its edges."""


def _forward(
    A: Any,  # noqa: N803
    sources: npt.NDArray[np.int64],
    targets: npt.NDArray[np.int64] | None = None,
) -> list[_Level]:
    """The levels of the breadth-first search from ``sources``, each packed.

    A node is at one distance from each source, so the levels together hold n x sources
    path counts, where dense blocks would hold (rows of every level) x sources; the edges
    are kept as their pattern (all values are 1). With ``targets`` (one per source) the
    search stops at the level where the last target is reached.
    """
    n = A.shape[0]
    width = len(sources)
    columns = np.arange(width)
    visited = np.zeros((n, width), np.bool_)
    visited[sources, columns] = True
    rows = np.unique(sources)
    counts = np.zeros((len(rows), width))
    counts[np.searchsorted(rows, sources), columns] = 1.0
    first = counts > 0
    levels: list[_Level] = [(rows, first, counts[first], None)]
    reached = np.zeros(n, np.bool_)
    while True:
        step = A[rows]
        reached[:] = False
        reached[step.indices] = True
        candidates = np.flatnonzero(reached)
        if not len(candidates):
            break
        edges = step[:, candidates].T.tocsr()  # candidates x previous level
        paths = edges @ counts
        new = paths > 0
        new &= ~visited[candidates]
        keep = new.any(axis=1)
        if not keep.any():
            break
        candidates, new, paths = candidates[keep], new[keep], paths[keep]
        visited[candidates] |= new
        paths *= new
        kept = edges[keep]
        levels.append((candidates, new, paths[new], (kept.indices, kept.indptr, kept.shape)))
        rows, counts = candidates, paths
        if targets is not None and visited[targets, columns].all():
            break
    return levels
