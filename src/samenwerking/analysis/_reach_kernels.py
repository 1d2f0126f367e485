"""Compiled breadth-first searches for reach: bounded reach from every node, nearest targets.

:func:`reach_within` runs one breadth-first search of at most ``steps`` levels from every
node; a large graph is split into one block of nodes per thread, run in parallel. Each
block keeps a visited stamp array and a queue (``O(n)`` each), so nothing is cleared
between searches.
:func:`nearest_targets` is one multi-source search from all targets at once.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 1, 3, 5, 6], np.int64)  # the path 0-1-2-3
>>> indices = np.array([1, 0, 2, 1, 3, 2], np.int32)
>>> reach_within(indptr, indices, 2).tolist()
[2, 3, 3, 2]
>>> distance, nearest = nearest_targets(indptr, indices, np.array([0], np.int64), -1)
>>> distance.tolist(), nearest.tolist()
([0, 1, 2, 3], [0, 0, 0, 0])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel, parallel_kernel, prange
from samenwerking.analysis._kernels import work_blocks

__all__ = ["nearest_targets", "reach_within"]

Ints = npt.NDArray[np.int64]


@kernel
def _two_step_work(indptr: Ints, indices: npt.NDArray[np.int32]) -> Ints:
    n = len(indptr) - 1
    work = np.zeros(n + 1, np.int64)
    for v in range(n):
        total = indptr[v + 1] - indptr[v] + 1
        for k in range(indptr[v], indptr[v + 1]):
            j = indices[k]
            total += indptr[j + 1] - indptr[j]
        work[v + 1] = work[v] + total
    return work


@kernel
def _reach_rows(
    indptr: Ints,
    indices: npt.NDArray[np.int32],
    steps: int,
    lo: int,
    hi: int,
    stamp: npt.NDArray[np.int32],
    queue: npt.NDArray[np.int32],
    result: Ints,
) -> None:
    for v in range(lo, hi):
        stamp[v] = v
        queue[0] = v
        head, tail = 0, 1
        for _ in range(steps - 1):
            end = tail
            while head < end:
                u = queue[head]
                head += 1
                for k in range(indptr[u], indptr[u + 1]):
                    # Queue every neighbour, keep the new ones (no unpredictable branch).
                    x = indices[k]
                    queue[tail] = x
                    tail += stamp[x] != v
                    stamp[x] = v
            if tail == end:  # nothing new: the whole island is reached
                break
        # The last level is only counted, not queued.
        found = tail - 1
        while head < tail:
            u = queue[head]
            head += 1
            for k in range(indptr[u], indptr[u + 1]):
                x = indices[k]
                found += stamp[x] != v
                stamp[x] = v
        result[v] = found


@parallel_kernel
def _reach_blocks(
    indptr: Ints, indices: npt.NDArray[np.int32], steps: int, bounds: Ints, result: Ints
) -> None:
    n = len(indptr) - 1
    for b in prange(len(bounds) - 1):
        stamp = np.full(n, -1, np.int32)
        queue = np.empty(n + 1, np.int32)  # one spare slot: every neighbour is written
        _reach_rows(indptr, indices, steps, bounds[b], bounds[b + 1], stamp, queue, result)


def reach_within(indptr: Ints, indices: npt.NDArray[np.int32], steps: int) -> Ints:
    """How many other nodes every node reaches in at most ``steps`` (at least 1) steps.

    One breadth-first search per node; large graphs in one block of nodes per thread.
    """
    n = len(indptr) - 1
    result = np.zeros(n, np.int64)
    bounds = work_blocks(n, lambda: _two_step_work(indptr, indices))
    if len(bounds) > 2:
        _reach_blocks(indptr, indices, steps, bounds, result)
    else:
        stamp, queue = np.full(n, -1, np.int32), np.empty(n + 1, np.int32)
        _reach_rows(indptr, indices, steps, 0, n, stamp, queue, result)
    return result


@kernel
def nearest_targets(
    indptr: Ints, indices: npt.NDArray[np.int32], targets: Ints, limit: int
) -> tuple[Ints, Ints]:
    """Steps from every node to its nearest target, and that target (``-1``: none).

    One breadth-first search from all ``targets`` at once, at most ``limit`` levels deep
    (``-1``: no limit). Of several nearest targets, the one with the smallest position.
    """
    n = len(indptr) - 1
    distance = np.full(n, -1, np.int64)
    nearest = np.full(n, -1, np.int64)
    queue = np.empty(n, np.int64)
    tail = 0
    for t in targets:
        if distance[t] < 0:
            distance[t] = 0
            nearest[t] = t
            queue[tail] = t
            tail += 1
    head = 0
    while head < tail:
        u = queue[head]
        head += 1
        step = distance[u] + 1
        if limit >= 0 and step > limit:
            break
        for k in range(indptr[u], indptr[u + 1]):
            x = indices[k]
            if distance[x] < 0:
                distance[x] = step
                nearest[x] = nearest[u]
                queue[tail] = x
                tail += 1
            elif distance[x] == step and nearest[u] < nearest[x]:
                nearest[x] = nearest[u]
    return distance, nearest
