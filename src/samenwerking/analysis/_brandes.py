"""Compiled shortest-path kernels for betweenness: Brandes' accumulation and sampled paths.

Both run breadth-first searches (ties unweighted) over a graph's CSR arrays, in parallel
over sources: each thread holds only O(n) state (distances, path counts, the search order;
twice for the two searches of a sampled pair) and its own accumulator of n floats; the
accumulators are summed at the end.

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
    # Each block's scratch rows are made here, not in the kernel: arrays made inside a
    # parallel kernel cost it about 0.3 s each to compile.
    totals = np.zeros((blocks, n), np.float64)
    _dependencies(
        np.asarray(indptr, np.int64),
        np.asarray(indices, np.int32),
        np.asarray(sources, np.int64),
        np.full((blocks, n), -1, np.int32),
        np.zeros((blocks, n), np.float64),
        np.empty((blocks, n), np.int32),
        totals,
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

    Two searches, from the source and from the target, grow level by level, always the one
    whose last level has fewer edges, until they meet (as KADABRA does, Borassi and Natale
    2019). Every shortest path crosses the level the last search reached in one node ``u``:
    ``u`` is drawn with probability ``sigma_s(u) sigma_t(u) / sigma_st`` (path counts from
    either end), then the path from ``u`` back to each end, each step to a predecessor by
    its path count, so every shortest path is equally likely. The endpoints are not counted,
    nor pairs without a path. ``seeds`` (one per pair) seed the draws of the pair, so the
    counts do not depend on the number of threads.

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
    indptr: Ints,
    indices: Ints32,
    sources: Ints,
    distance: Ints32,
    sigma: Floats,
    order: Ints32,
    totals: Floats,
) -> None:  # pragma: no cover
    # One row of each array per block: distance -1, sigma and totals 0, order anything.
    blocks = totals.shape[0]
    for block in prange(blocks):
        for at in range(block, len(sources), blocks):
            _accumulate_one(
                indptr,
                indices,
                sources[at],
                distance[block],
                sigma[block],
                order[block],
                totals[block],
            )


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
        distance = np.full((2, n), -1, np.int32)
        sigma = np.zeros((2, n), np.float64)
        order = np.empty((2, n), np.int32)
        total = totals[block]
        for at in range(block, len(sources), blocks):
            _sample_one(
                indptr, indices, sources[at], targets[at], seeds[at], distance, sigma, order, total
            )
    return totals


@kernel
def _expand(
    indptr: Ints,
    indices: Ints32,
    distance: Ints32,
    sigma: Floats,
    order: Ints32,
    lo: int,
    hi: int,
    other: Ints32,
) -> tuple[int, int, bool]:  # pragma: no cover
    """Expand one search's last level ``order[lo:hi]``: the new end, its degree sum, a meeting."""
    tail = hi
    work = 0
    met = False
    for at in range(lo, hi):
        v = order[at]
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
                work += indptr[w + 1] - indptr[w]
                if other[w] >= 0:
                    met = True
            sigma[w] += count if d == below else 0.0
    return tail, work, met


@kernel
def _walk(
    indptr: Ints,
    indices: Ints32,
    distance: Ints32,
    sigma: Floats,
    current: int,
    state: Any,
    total: Floats,
) -> Any:  # pragma: no cover
    """Draw a shortest path from ``current`` back to its search's root; count its inner nodes."""
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
    return state


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
    """One pair by balanced bidirectional search; the path is drawn through the meeting level.

    Before the last expansion the two searches share no node, so the distance exceeds the
    sum of their depths; the nodes the last expansion reaches that the other search holds
    are therefore exactly the shortest paths' nodes on that level, with final path counts.
    """
    ends = (source, target)
    lo = np.zeros(2, np.int64)
    hi = np.ones(2, np.int64)
    work = np.zeros(2, np.int64)
    for side in range(2):
        root = ends[side]
        distance[side, root] = 0
        sigma[side, root] = 1.0
        order[side, 0] = root
        work[side] = indptr[root + 1] - indptr[root]
    met = False
    side = 0
    while lo[0] < hi[0] and lo[1] < hi[1]:
        side = 0 if work[0] <= work[1] else 1
        tail, work[side], met = _expand(
            indptr,
            indices,
            distance[side],
            sigma[side],
            order[side],
            lo[side],
            hi[side],
            distance[1 - side],
        )
        lo[side], hi[side] = hi[side], tail
        if met:
            break
    if met:
        near, far = distance[side], distance[1 - side]
        weight = 0.0
        for at in range(lo[side], hi[side]):
            u = order[side, at]
            if far[u] >= 0:
                weight += sigma[side, u] * sigma[1 - side, u]
        state, draw = _uniform(np.uint64(seed))
        pick = draw * weight
        middle = -1
        for at in range(lo[side], hi[side]):
            u = order[side, at]
            if far[u] >= 0:
                middle = u
                pick -= sigma[side, u] * sigma[1 - side, u]
                if pick < 0.0:
                    break
        if far[middle] > 0:
            total[middle] += 1.0
        state = _walk(indptr, indices, near, sigma[side], middle, state, total)
        _walk(indptr, indices, far, sigma[1 - side], middle, state, total)
    for s in range(2):
        for at in range(hi[s]):
            w = order[s, at]
            distance[s, w] = -1
            sigma[s, w] = 0.0


@kernel
def _uniform(state: Any) -> tuple[Any, float]:  # pragma: no cover
    """The next state of a SplitMix64 generator and a uniform draw from [0, 1) of 53 bits."""
    state = state + np.uint64(0x9E3779B97F4A7C15)
    z = state
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return state, float(z >> np.uint64(11)) * (1.0 / 9007199254740992.0)
