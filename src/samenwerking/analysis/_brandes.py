"""Compiled shortest-path kernels for betweenness: Brandes' accumulation and sampled paths.

Both run breadth-first searches (ties unweighted) over a graph's CSR arrays, in parallel
over sources: each thread holds only O(n) state (distances, path counts, the search order)
and its own accumulator of n floats; the accumulators are summed at the end.

:func:`dependencies` sums Brandes' (2001) dependencies of every node on the given sources;
:func:`sampled_path_hits` counts how often each node lies inside one shortest path drawn
uniformly at random per (source, target) pair, as Riondato and Kornaropoulos (2016) sample.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 1, 3, 4], np.int64)  # the path 0 - 1 - 2
>>> indices = np.array([1, 0, 2, 1], np.int32)
>>> dependencies(indptr, indices, np.arange(3, dtype=np.int64)).tolist()
[0.0, 2.0, 0.0]
>>> pairs = np.array([0, 2]), np.array([2, 1]), np.array([7, 8])  # sources, targets, seeds
>>> sampled_path_hits(indptr, indices, *pairs).tolist()
[0.0, 1.0, 0.0]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from samenwerking._jit import get_threads, kernel, parallel_kernel, prange

__all__ = ["dependencies", "sampled_path_hits"]

Ints = npt.NDArray[np.int64]
Ints32 = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]


def dependencies(
    indptr: npt.NDArray[np.int64],
    indices: npt.NDArray[np.int32],
    sources: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """Brandes' dependency of every node, summed over ``sources`` (each node not its own).

    Example
    -------
    >>> import numpy as np
    >>> star = (np.array([0, 2, 3, 4], np.int64), np.array([1, 2, 0, 0], np.int32))
    >>> dependencies(*star, np.array([1], np.int64)).tolist()
    [1.0, 0.0, 0.0]
    """
    n = len(indptr) - 1
    blocks = max(1, min(get_threads(), len(sources)))
    if n == 0 or not len(sources):
        return np.zeros(n, np.float64)
    totals = _dependencies(
        np.asarray(indptr, np.int64),
        np.asarray(indices, np.int32),
        np.asarray(sources, np.int64),
        blocks,
    )
    return np.asarray(totals.sum(axis=0), np.float64)


def sampled_path_hits(
    indptr: npt.NDArray[np.int64],
    indices: npt.NDArray[np.int32],
    sources: npt.NDArray[np.int64],
    targets: npt.NDArray[np.int64],
    seeds: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """How often each node lies inside one random shortest path per (source, target) pair.

    For each pair the search from the source stops when the target is reached; the path is
    drawn back from the target, each step to a predecessor with probability proportional to
    its number of shortest paths from the source, so every shortest path is equally likely.
    The endpoints are not counted, nor pairs without a path. ``seeds`` (one per pair) seed
    the draws of the pair, so the counts do not depend on the number of threads.

    Example
    -------
    >>> import numpy as np
    >>> square = np.array([0, 2, 4, 6, 8], np.int64), np.array([1, 3, 0, 2, 1, 3, 0, 2], np.int32)
    >>> hits = sampled_path_hits(*square, np.zeros(100, np.int64), np.full(100, 2), np.arange(100))
    >>> float(hits[0] + hits[2]), float(hits[1] + hits[3]), bool(20 < hits[1] < 80)
    (0.0, 100.0, True)
    """
    n = len(indptr) - 1
    blocks = max(1, min(get_threads(), len(sources)))
    if n == 0 or not len(sources):
        return np.zeros(n, np.float64)
    totals = _sampled_path_hits(
        np.asarray(indptr, np.int64),
        np.asarray(indices, np.int32),
        np.asarray(sources, np.int64),
        np.asarray(targets, np.int64),
        np.asarray(seeds, np.int64),
        blocks,
    )
    return np.asarray(totals.sum(axis=0), np.float64)


@parallel_kernel
def _dependencies(
    indptr: Ints, indices: Ints32, sources: Ints, blocks: int
) -> Floats:  # pragma: no cover
    n = len(indptr) - 1
    totals = np.zeros((blocks, n), np.float64)
    for block in prange(blocks):
        distance = np.full(n, -1, np.int32)
        sigma = np.zeros(n, np.float64)
        order = np.empty(n, np.int32)
        total = totals[block]
        for at in range(block, len(sources), blocks):
            _accumulate_one(indptr, indices, sources[at], distance, sigma, order, total)
    return totals


@kernel
def _accumulate_one(
    indptr: Ints,
    indices: Ints32,
    source: int,
    distance: Ints32,
    sigma: Floats,
    order: Ints32,
    total: Floats,
) -> None:  # pragma: no cover
    """One source's Brandes pass: BFS with path counts, then dependencies pulled backward.

    Backward, in reverse search order, ``sigma[w]`` is replaced by ``(1 + delta[w]) /
    sigma[w]`` once ``delta[w]`` is known (only nodes one level closer read it), so a node's
    dependency is its path count times the sum of that over its successors. State is reset
    for the reached nodes only.
    """
    distance[source] = 0
    sigma[source] = 1.0
    order[0] = source
    head, tail = 0, 1
    while head < tail:
        v = order[head]
        head += 1
        below = distance[v] + 1
        count = sigma[v]
        for e in range(indptr[v], indptr[v + 1]):
            w = indices[e]
            d = distance[w]
            if d < 0:
                distance[w] = below
                order[tail] = w
                tail += 1
                d = below
            sigma[w] += count if d == below else 0.0  # a select, not a branch: faster
    for at in range(tail - 1, 0, -1):
        w = order[at]
        above = distance[w] + 1
        pulled = 0.0
        for e in range(indptr[w], indptr[w + 1]):
            x = indices[e]
            if distance[x] == above:
                pulled += sigma[x]
        paths = sigma[w]
        delta = paths * pulled
        total[w] += delta
        sigma[w] = (1.0 + delta) / paths
    for at in range(tail):
        w = order[at]
        distance[w] = -1
        sigma[w] = 0.0


@parallel_kernel
def _sampled_path_hits(
    indptr: Ints, indices: Ints32, sources: Ints, targets: Ints, seeds: Ints, blocks: int
) -> Floats:  # pragma: no cover
    n = len(indptr) - 1
    totals = np.zeros((blocks, n), np.float64)
    for block in prange(blocks):
        distance = np.full(n, -1, np.int32)
        sigma = np.zeros(n, np.float64)
        order = np.empty(n, np.int32)
        total = totals[block]
        for at in range(block, len(sources), blocks):
            _sample_one(
                indptr, indices, sources[at], targets[at], seeds[at], distance, sigma, order, total
            )
    return totals


@kernel
def _sample_one(
    indptr: Ints,
    indices: Ints32,
    source: int,
    target: int,
    seed: int,
    distance: Ints32,
    sigma: Floats,
    order: Ints32,
    total: Floats,
) -> None:  # pragma: no cover
    """One pair: BFS from ``source`` until ``target`` is reached, then one path drawn back.

    When the target is first reached, every node one level closer to the source has been
    reached and every node two levels closer has been expanded, so the path counts the draw
    needs are final.
    """
    distance[source] = 0
    sigma[source] = 1.0
    order[0] = source
    head, tail = 0, 1
    while head < tail and distance[target] < 0:
        v = order[head]
        head += 1
        below = distance[v] + 1
        count = sigma[v]
        for e in range(indptr[v], indptr[v + 1]):
            w = indices[e]
            d = distance[w]
            if d < 0:
                distance[w] = below
                order[tail] = w
                tail += 1
                d = below
            sigma[w] += count if d == below else 0.0  # a select, not a branch: faster
    state = np.uint64(seed)
    current = target
    while distance[current] > 1:
        above = distance[current] - 1
        weight = 0.0
        for e in range(indptr[current], indptr[current + 1]):
            u = indices[e]
            if distance[u] == above:
                weight += sigma[u]
        state, draw = _uniform(state)
        pick = draw * weight
        chosen = -1
        for e in range(indptr[current], indptr[current + 1]):
            u = indices[e]
            if distance[u] == above:
                chosen = u
                pick -= sigma[u]
                if pick < 0.0:
                    break
        current = chosen
        total[current] += 1.0
    for at in range(tail):
        w = order[at]
        distance[w] = -1
        sigma[w] = 0.0


@kernel
def _uniform(state: Any) -> tuple[Any, float]:  # pragma: no cover
    """The next state of a SplitMix64 generator and a uniform draw from [0, 1) of 53 bits."""
    state = state + np.uint64(0x9E3779B97F4A7C15)
    z = state
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return state, float(z >> np.uint64(11)) * (1.0 / 9007199254740992.0)
