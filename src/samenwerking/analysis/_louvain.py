"""Compiled kernels of the Louvain method over CSR arrays: local moving, aggregation, checks.

A level graph is symmetric CSR arrays without self loops (``indptr``, ``indices``,
``data``: int64, uint32, float64; :func:`unsigned` views int32 indices as uint32) plus
``diag``, each node's self-loop weight (counted as a CSR row would count it: twice an
undirected loop's weight). ``data`` may hold one value that every entry weighs
(``np.ones(1)`` for an unweighted graph), saving its reads.
Community codes are int64 node numbers of the level graph. All kernels are sequential and
deterministic.

Example
-------
Two triangles joined by one tie, moved from singletons:

>>> import numpy as np
>>> indptr = np.array([0, 2, 4, 7, 10, 12, 14])
>>> indices = unsigned(np.array([1, 2, 0, 2, 0, 1, 3, 2, 4, 5, 3, 5, 3, 4]))
>>> comm = np.arange(6)
>>> moved, gained = move_nodes(indptr, indices, np.ones(1), np.zeros(6), comm, np.arange(6),
...                            1.0, 14.0, 1e-7, 100)
>>> dense_codes(comm)[1]
2
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = [
    "aggregate",
    "block_order",
    "connected_parts",
    "dense_codes",
    "modularity",
    "move_nodes",
    "ranked_groups",
    "unsigned",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
UInt32Array = npt.NDArray[np.uint32]


def unsigned(indices: npt.NDArray[np.integer[Any]]) -> UInt32Array:
    """CSR indices as the kernels take them: uint32 (a view of int32 ones, no copy).

    Unsigned indices spare the compiled loops numba's check for negative indices.

    >>> unsigned(np.array([0, 2])).dtype
    dtype('uint32')
    """
    view: UInt32Array = np.asarray(indices, np.int32).view(np.uint32)
    return view


@kernel
def move_nodes(
    indptr: IntArray,
    indices: UInt32Array,
    data: FloatArray,
    diag: FloatArray,
    comm: IntArray,
    order: IntArray,
    resolution: float,
    two_m: float,
    threshold: float,
    max_sweeps: int,
) -> tuple[int, float]:
    """Move nodes (in ``order``) to the neighbouring community of highest gain, in place.

    ``comm`` is the starting partition and ends as the moved one. The first sweep visits
    every node, later ones only the nodes with a neighbour that moved since their last
    visit (Ozaki et al. 2016), until a sweep moves none or raises modularity by less than
    ``threshold``; so when no node moved, none can raise modularity. Returns how many moves
    were made and their summed gain, in units of ``two_m / 2`` modularity (``2 * gained /
    two_m`` is the rise in modularity).
    """
    n = len(diag)
    step = _step(data, indices)
    degree = np.empty(n)
    totals = np.zeros(n)
    for i in range(n):
        k = diag[i]
        for p in range(indptr[i], indptr[i + 1]):
            k += data[p * step]
        degree[i] = k
        totals[comm[i]] += k
    links = np.zeros(n)
    mark = np.full(n, -1, np.int64)  # the visit that last touched each community
    touched = np.empty(n, np.int64)
    active = np.ones(n, np.bool_)
    scale = resolution / two_m
    moves = 0
    gained = 0.0
    visit = 0
    for _ in range(max_sweeps):
        moved = 0
        sweep_gain = 0.0
        for i in order:
            if not active[i]:
                continue
            active[i] = False
            start, end = indptr[i], indptr[i + 1]
            if start == end:
                continue
            own = comm[i]
            k = degree[i]
            visit += 1
            mark[own] = visit
            links[own] = 0.0
            touched[0] = own
            count = 1
            for p in range(start, end):
                c = comm[indices[p]]
                w = data[p * step]
                if mark[c] != visit:
                    mark[c] = visit
                    links[c] = w
                    touched[count] = c
                    count += 1
                else:
                    links[c] += w
            totals[own] -= k
            stay = links[own] - scale * k * totals[own]
            best = own
            best_score = stay
            for t in range(1, count):
                c = touched[t]
                score = links[c] - scale * k * totals[c]
                if score > best_score:
                    best = c
                    best_score = score
            if best != own and best_score - stay > 1e-12 * max(1.0, abs(best_score)):
                totals[best] += k
                comm[i] = best
                moved += 1
                sweep_gain += best_score - stay
                for p in range(start, end):
                    j = indices[p]
                    if comm[j] != best:
                        active[j] = True
            else:
                totals[own] += k
        moves += moved
        gained += sweep_gain
        if moved == 0 or 2.0 * sweep_gain / two_m < threshold:
            break
    return moves, gained


@kernel
def _step(data: FloatArray, indices: UInt32Array) -> int:
    """1 if ``data`` holds a weight per entry, 0 if one weight for all."""
    return 1 if len(data) == len(indices) else 0


@kernel
def dense_codes(comm: IntArray) -> tuple[IntArray, int]:
    """``comm`` renumbered 0, 1, ... in order of first appearance, and how many codes."""
    n = len(comm)
    code = np.full(n, -1, np.int64)
    out = np.empty(n, np.int64)
    count = 0
    for i in range(n):
        c = comm[i]
        if code[c] < 0:
            code[c] = count
            count += 1
        out[i] = code[c]
    return out, count


@kernel
def aggregate(
    indptr: IntArray,
    indices: UInt32Array,
    data: FloatArray,
    diag: FloatArray,
    comm: IntArray,
    size: int,
) -> tuple[IntArray, UInt32Array, FloatArray, FloatArray]:
    """The graph of the communities ``comm`` (dense codes below ``size``) as a level graph."""
    n = len(diag)
    start = np.zeros(size + 1, np.int64)
    for i in range(n):
        start[comm[i] + 1] += 1
    for c in range(size):
        start[c + 1] += start[c]
    fill = start[:-1].copy()
    members = np.empty(n, np.int64)
    for i in range(n):
        c = comm[i]
        members[fill[c]] = i
        fill[c] += 1
    step = _step(data, indices)
    out_indptr = np.zeros(size + 1, np.int64)
    out_indices = np.empty(len(indices), np.uint32)
    out_data = np.empty(len(indices))
    new_diag = np.zeros(size)
    links = np.zeros(size)
    owner = np.full(size, -1, np.int64)
    touched = np.empty(size, np.int64)
    pos = 0
    for c in range(size):
        count = 0
        inside = 0.0
        for q in range(start[c], start[c + 1]):
            i = members[q]
            inside += diag[i]
            for p in range(indptr[i], indptr[i + 1]):
                d = comm[indices[p]]
                if d == c:
                    inside += data[p * step]
                else:
                    if owner[d] != c:
                        owner[d] = c
                        links[d] = 0.0
                        touched[count] = d
                        count += 1
                    links[d] += data[p * step]
        new_diag[c] = inside
        for t in range(count):
            d = touched[t]
            out_indices[pos] = d
            out_data[pos] = links[d]
            pos += 1
        out_indptr[c + 1] = pos
    return out_indptr, out_indices[:pos].copy(), out_data[:pos].copy(), new_diag


@kernel
def connected_parts(indptr: IntArray, indices: UInt32Array, comm: IntArray) -> tuple[IntArray, int]:
    """Each node's connected part of its community (codes by first node), and how many."""
    n = len(comm)
    part = np.full(n, -1, np.int64)
    stack = np.empty(n, np.int64)
    count = 0
    for s in range(n):
        if part[s] >= 0:
            continue
        part[s] = count
        stack[0] = s
        top = 1
        c = comm[s]
        while top:
            top -= 1
            i = stack[top]
            for p in range(indptr[i], indptr[i + 1]):
                j = indices[p]
                if part[j] < 0 and comm[j] == c:
                    part[j] = count
                    stack[top] = j
                    top += 1
        count += 1
    return part, count


@kernel
def modularity(
    indptr: IntArray,
    indices: UInt32Array,
    data: FloatArray,
    diag: FloatArray,
    comm: IntArray,
    size: int,
    resolution: float,
    two_m: float,
) -> float:
    """Modularity of the partition ``comm`` (dense codes below ``size``) of a level graph."""
    n = len(comm)
    step = _step(data, indices)
    totals = np.zeros(size)
    inside = 0.0
    for i in range(n):
        c = comm[i]
        inside += diag[i]
        totals[c] += diag[i]
        for p in range(indptr[i], indptr[i + 1]):
            totals[c] += data[p * step]
            if comm[indices[p]] == c:
                inside += data[p * step]
    spread = 0.0
    for c in range(size):
        spread += totals[c] * totals[c]
    return inside / two_m - resolution * spread / (two_m * two_m)


@kernel
def ranked_groups(membership: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """Communities numbered largest first (equal sizes by first node), and their members.

    Returns each node's number, the nodes grouped by number (in node order inside a
    group) and each group's bounds in that order.
    """
    codes, size = dense_codes(membership)  # numbered by first node
    sizes = np.zeros(size, np.int64)
    for c in codes:
        sizes[c] += 1
    rank = np.empty(size, np.int64)  # largest first, equal sizes by number: a counting sort
    largest = 0
    for c in range(size):
        largest = max(largest, sizes[c])
    place = np.zeros(largest + 1, np.int64)
    for c in range(size):
        place[sizes[c]] += 1
    taken = 0
    for s in range(largest, -1, -1):
        count = place[s]
        place[s] = taken
        taken += count
    for c in range(size):
        rank[c] = place[sizes[c]]
        place[sizes[c]] += 1
    bounds = np.zeros(size + 1, np.int64)
    for c in range(size):
        bounds[rank[c] + 1] = sizes[c]
    for c in range(size):
        bounds[c + 1] += bounds[c]
    fill = bounds[:-1].copy()
    order = np.empty(len(codes), np.int64)
    for i in range(len(codes)):
        c = rank[codes[i]]
        codes[i] = c
        order[fill[c]] = i
        fill[c] += 1
    return codes, order, bounds


@kernel
def block_order(blocks: IntArray, draws: FloatArray, block: int) -> IntArray:
    """Nodes ``0 .. len(draws) - 1`` in runs of ``block`` consecutive ones, shuffled.

    The runs come in the order ``blocks`` (a permutation of the run numbers) and each run
    is shuffled (Fisher-Yates with ``draws``, uniform in [0, 1)); visiting nearby nodes
    together keeps their CSR rows in cache.
    """
    n = len(draws)
    order = np.empty(n, np.int64)
    pos = 0
    for b in blocks:
        low = b * block
        size = min(n, low + block) - low
        for t in range(size):
            order[pos + t] = low + t
        for t in range(size - 1, 0, -1):
            j = pos + int(draws[pos + t] * (t + 1))
            swap = order[pos + t]
            order[pos + t] = order[j]
            order[j] = swap
        pos += size
    return order
