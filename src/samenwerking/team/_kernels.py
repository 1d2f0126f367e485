"""The compiled search behind :meth:`samenwerking.team._search.Searcher.chains`.

One breadth-first search per source over the CSR arrays, stopped as soon as the last of
that source's targets is reached (or the bound is passed), then one walk back from every
target: each step takes the lowest-numbered neighbour one step closer to the source.
Scratch arrays are passed in and handed back as they came (``-1`` / ``False``), so a
region's searches allocate them once.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 1, 3, 4], np.int64)  # the path 0 - 1 - 2
>>> indices = np.array([1, 0, 2, 1], np.int32)
>>> dist, want, queue = np.full(3, -1, np.int64), np.zeros(3, np.bool_), np.empty(3, np.int64)
>>> length, ptr, steps = shortest_chains(indptr, indices, np.array([2]), np.array([0, 1]),
...                                      np.array([0]), -1, dist, want, queue)
>>> length.tolist(), ptr.tolist(), steps.tolist()
([2], [0, 3], [0, 1, 2])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["shortest_chains"]

IntArray = npt.NDArray[np.int64]


@kernel
def shortest_chains(
    indptr: IntArray,
    indices: npt.NDArray[np.int32],
    sources: IntArray,
    target_ptr: IntArray,
    targets: IntArray,
    max_steps: int,
    dist: IntArray,
    want: npt.NDArray[np.bool_],
    queue: IntArray,
) -> tuple[IntArray, IntArray, IntArray]:
    """Chains from every ``targets[target_ptr[k]:target_ptr[k + 1]]`` to ``sources[k]``.

    Returns ``(length, ptr, steps)``: query ``q``'s chain (target first, source last) is
    ``steps[ptr[q]:ptr[q + 1]]``, empty with ``length[q] == -1`` when not found within
    ``max_steps`` ties (``-1``: no bound). Targets of one source must be distinct and
    differ from it. ``dist`` (all ``-1``), ``want`` (all ``False``) and ``queue`` hold
    one entry per node and come back as they were.
    """
    n_queries = len(targets)
    length = np.full(n_queries, -1, np.int64)
    ptr = np.zeros(n_queries + 1, np.int64)
    steps = np.empty(max(16, 4 * n_queries), np.int64)
    used = 0
    for k in range(len(sources)):
        source = sources[k]
        first, last = target_ptr[k], target_ptr[k + 1]
        left = last - first
        for q in range(first, last):
            want[targets[q]] = True
        dist[source] = 0
        queue[0] = source
        head, tail = 0, 1
        while head < tail and left > 0:
            u = queue[head]
            head += 1
            step = dist[u] + 1
            if max_steps >= 0 and step > max_steps:
                break
            for at in range(indptr[u], indptr[u + 1]):
                w = indices[at]
                if dist[w] < 0:
                    dist[w] = step
                    queue[tail] = w
                    tail += 1
                    if want[w]:
                        left -= 1
                        if left == 0:
                            break
        # Every node closer than the farthest target found has its distance now.
        for q in range(first, last):
            target = targets[q]
            want[target] = False
            d = dist[target]
            if d >= 0:
                length[q] = d
                if used + d + 1 > len(steps):
                    grown = np.empty(2 * (used + d + 1), np.int64)
                    grown[:used] = steps[:used]
                    steps = grown
                node = target
                steps[used] = node
                used += 1
                for closer in range(d - 1, -1, -1):
                    for at in range(indptr[node], indptr[node + 1]):
                        w = indices[at]
                        if dist[w] == closer:
                            node = w
                            break
                    steps[used] = node
                    used += 1
            ptr[q + 1] = used
        for i in range(tail):
            dist[queue[i]] = -1
    return length, ptr, steps[:used]
