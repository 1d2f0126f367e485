"""The compiled search behind :meth:`samenwerking.team._search.Searcher.chains`.

One bidirectional breadth-first search per pair over the CSR arrays: whole levels are
expanded from the side whose level has fewer ties until the two sides meet, so a pair
at distance ``d`` visits about two balls of radius ``d / 2`` instead of one of radius
``d``. The levels grown from a pair's second end are kept for the pairs after it that
share that end, so that side's ties count for less the more pairs still share it
(``grow``). The chain is then read from the pair's first end, each step to the
lowest-numbered neighbour one step closer to the other end. Scratch arrays are passed in
and handed back as they came, so a region's searches allocate them once.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 1, 3, 4], np.int64)  # the path 0 - 1 - 2
>>> indices = np.array([1, 0, 2, 1], np.int32)
>>> scratch, mark = np.full((6, 3), -1, np.int32), np.zeros(3, np.bool_)
>>> ends, first = np.array([0, 0]), np.array([False, True])
>>> ptr, steps = pair_chains(indptr, indices, ends, ends + 2, first, -1, scratch, mark, 8)
>>> ptr.tolist(), steps.tolist()
([0, 3, 6], [0, 1, 2, 2, 1, 0])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["pair_chains"]

IntArray = npt.NDArray[np.int64]
Scratch = npt.NDArray[np.int32]


@kernel
def pair_chains(
    indptr: IntArray,
    indices: npt.NDArray[np.int32],
    lows: IntArray,
    highs: IntArray,
    from_high: npt.NDArray[np.bool_],
    max_steps: int,
    scratch: Scratch,
    mark: npt.NDArray[np.bool_],
    grow: int,
) -> tuple[IntArray, IntArray]:
    """The chain between ``lows[q]`` and ``highs[q]`` for every ``q``, by bidirectional search.

    Returns ``(ptr, steps)``: chain ``q`` is ``steps[ptr[q]:ptr[q + 1]]``, read from
    ``highs[q]`` if ``from_high[q]``, else from ``lows[q]`` (the names say only which end's
    levels are kept: any two distinct nodes will do),
    empty when there is none of at most ``max_steps`` ties (``-1``: no bound). Whole levels
    are expanded from the side whose level has fewer ties, until the two meet; side b's
    levels are kept for the next pair when it has the same ``highs`` end, so its next
    level's ties are weighed by ``8 / (8 + grow * (k - 1))`` while ``k`` pairs (this one
    included) still share that end (``grow = 0``: by tie count alone). Of all
    shortest chains, the one taken at every step from the end it is read from goes to
    the lowest-numbered neighbour one step closer to the other end. ``scratch`` is ``(6, n)``
    int32 with rows 0 and 1 all ``-1``, ``mark`` all ``False``; both come back as they were.
    """
    dist_a, dist_b = scratch[0], scratch[1]
    queue_a, queue_b, level_a, on_chain = scratch[2], scratch[3], scratch[4], scratch[5]
    n_pairs = len(lows)
    ptr = np.zeros(n_pairs + 1, np.int64)
    steps = np.empty(max(16, 8 * n_pairs), np.int64)
    used = 0
    held = -1  # the end whose levels side b holds: kept for the next pair if it shares it
    start_b, end_b, reach_b, ties_b, sharing = 0, 0, 0, 0, 1
    for q in range(n_pairs):
        low, high = lows[q], highs[q]
        if high != held:
            for i in range(end_b):
                dist_b[queue_b[i]] = -1
            dist_b[high] = 0
            queue_b[0] = high
            start_b, end_b, reach_b = 0, 1, 0
            ties_b = indptr[high + 1] - indptr[high]
            held = high
            sharing = 1  # the pairs from here on that share ``high``
            while q + sharing < n_pairs and highs[q + sharing] == high:
                sharing += 1
        else:
            sharing -= 1
        dist_a[low] = 0
        queue_a[0] = low
        level_a[0] = 0
        start_a, end_a, reach_a = 0, 1, 0
        ties_a = indptr[low + 1] - indptr[low]
        # Side b's levels so far are complete: if they hold ``low`` its distance is known.
        total = dist_b[low]
        met = total >= 0
        while not met and start_a < end_a and start_b < end_b:
            if max_steps >= 0 and reach_a + reach_b >= max_steps:
                break
            # Side b's next level serves every pair still to come that shares its end.
            if ties_a * (8 + grow * (sharing - 1)) <= 8 * ties_b:
                tail = end_a
                ties_a = 0
                for i in range(start_a, end_a):
                    u = queue_a[i]
                    for at in range(indptr[u], indptr[u + 1]):
                        w = indices[at]
                        if dist_a[w] < 0:
                            dist_a[w] = reach_a + 1
                            queue_a[tail] = w
                            tail += 1
                            ties_a += indptr[w + 1] - indptr[w]
                            if dist_b[w] >= 0:
                                met = True
                start_a, end_a = end_a, tail
                reach_a += 1
                level_a[reach_a] = start_a
            else:
                tail = end_b
                ties_b = 0
                for i in range(start_b, end_b):
                    u = queue_b[i]
                    for at in range(indptr[u], indptr[u + 1]):
                        w = indices[at]
                        if dist_b[w] < 0:
                            dist_b[w] = reach_b + 1
                            queue_b[tail] = w
                            tail += 1
                            ties_b += indptr[w + 1] - indptr[w]
                            if dist_a[w] >= 0:
                                met = True
                start_b, end_b = end_b, tail
                reach_b += 1
            if met:
                break
        found = 0
        if met:
            if total < 0:  # the levels met: no chain is shorter (none was within them)
                total = reach_a + reach_b
            # The meeting set: nodes of side a's last level on a shortest chain (at
            # distance ``meet_b`` from side b's end).
            meet_b = total - reach_a
            for i in range(level_a[reach_a], end_a):
                u = queue_a[i]
                if dist_b[u] == meet_b:
                    mark[u] = True
                    on_chain[found] = u
                    found += 1
            # Nodes on a shortest chain of the levels 1 .. near - 1 of the side the chain
            # is read from, found backwards from the meeting set: the neighbours one level
            # nearer that side's end of those found, level by level (only ties of nodes
            # on such chains are read).
            if from_high[q]:
                node, near, far, reach = high, dist_b, dist_a, meet_b
            else:
                node, near, far, reach = low, dist_a, dist_b, reach_a
            start = 0
            for level in range(reach - 1, 0, -1):
                stop = found
                for i in range(start, stop):
                    w = on_chain[i]
                    for at in range(indptr[w], indptr[w + 1]):
                        u = indices[at]
                        if near[u] == level and not mark[u]:
                            mark[u] = True
                            on_chain[found] = u
                            found += 1
                start = stop
            if used + total + 1 > len(steps):
                grown = np.empty(2 * (used + total + 1), np.int64)
                grown[:used] = steps[:used]
                steps = grown
            steps[used] = node
            used += 1
            for place in range(1, total + 1):
                for at in range(indptr[node], indptr[node + 1]):
                    w = indices[at]
                    on = (
                        (mark[w] and near[w] == place) if place < reach else far[w] == total - place
                    )
                    if on:
                        node = w
                        break
                steps[used] = node
                used += 1
        ptr[q + 1] = used
        for i in range(end_a):
            dist_a[queue_a[i]] = -1
        for i in range(found):
            mark[on_chain[i]] = False
    for i in range(end_b):
        dist_b[queue_b[i]] = -1
    return ptr, steps[:used]
