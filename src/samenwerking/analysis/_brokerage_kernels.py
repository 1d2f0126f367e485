"""Compiled Gould-Fernandez role counts behind :func:`~samenwerking.analysis.brokerage_roles`.

For a broker ``b`` the two-paths ``a -> b -> c`` with ``a != c`` are counted from group
counts of its in- and out-neighbours, without enumerating them. The closed ones (an arc
``a -> c`` too) lie on triangles of the undirected graph: each triangle is listed once
(edges point from lower to higher degree, a marker on the first node's upward neighbours),
and its arcs say which of its six orders are closed two-paths, taken off their roles.
Nodes are split over numba's threads; each thread has its own markers and counts.

Example
-------
The path ``0 -> 1 -> 2`` with node 0 in group 1 and nodes 1, 2 in group 0: node 1 is a
gatekeeper once.

>>> import numpy as np
>>> indptr, indices = np.array([0, 1, 2, 2]), np.array([1, 2], np.int32)
>>> into_ptr, into = transpose(indptr, indices)
>>> ptr, idx = np.array([0, 1, 3, 4]), np.array([1, 0, 2, 1], np.int32)  # undirected
>>> counts = role_counts(ptr, idx, into_ptr, into, indptr, indices, np.array([1, 0, 0]), 2)
>>> counts[1].tolist()
[0, 1, 0, 0, 0]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import get_threads, kernel, parallel_kernel, prange

__all__ = ["ROLES", "role_counts", "transpose"]

Ints = npt.NDArray[np.int64]
Heads = npt.NDArray[np.int32]

_TABLES = 8
"""At most this many per-thread count tables (``n x 5`` each) for the closed two-paths."""

ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")
"""The columns of :func:`role_counts`, in order."""


@kernel
def transpose(indptr: Ints, indices: Heads) -> tuple[Ints, Heads]:  # pragma: no cover - compiled
    """The CSR of the reversed arcs (row ``b``: every ``a`` with ``a -> b``, sorted)."""
    n = len(indptr) - 1
    into_ptr = np.zeros(n + 1, np.int64)
    for j in range(len(indices)):
        into_ptr[indices[j] + 1] += 1
    for v in range(n):
        into_ptr[v + 1] += into_ptr[v]
    fill = into_ptr[:n].copy()
    into = np.empty(len(indices), np.int32)
    for a in range(n):  # rows in order, so each reversed row comes out sorted
        for j in range(indptr[a], indptr[a + 1]):
            c = indices[j]
            into[fill[c]] = a
            fill[c] += 1
    return into_ptr, into


@parallel_kernel
def _open_and_closed(
    into_ptr: Ints,
    into: Heads,
    indptr: Ints,
    indices: Heads,
    group: Ints,
    heads_of: Ints,
    out: Ints,
) -> None:  # pragma: no cover - compiled
    """Role counts (into ``out``, ``n x 5`` zeros) of every two-path ``a -> b -> c`` with
    ``a != c``, open or closed; ``heads_of`` is one zero row (``groups`` wide) per thread task.
    """
    n = len(indptr) - 1
    stride = heads_of.shape[0]
    for first in prange(stride):
        marker = np.full(n, -1, np.int32)  # marker[c] == b: c is an out-neighbour of b
        heads = heads_of[first]  # out-neighbours of b per group
        for b in range(first, n, stride):
            gb = group[b]
            n_out = indptr[b + 1] - indptr[b]
            n_in = into_ptr[b + 1] - into_ptr[b]
            for j in range(indptr[b], indptr[b + 1]):
                c = indices[j]
                marker[c] = b
                heads[group[c]] += 1
            out_same = heads[gb]
            in_same = 0
            mutual_same = 0
            mutual_other = 0
            same_group_pairs = 0  # (a, c) with a and c in one group, a == c included
            for j in range(into_ptr[b], into_ptr[b + 1]):
                a = into[j]
                ga = group[a]
                same_group_pairs += heads[ga]
                if ga == gb:
                    in_same += 1
                if marker[a] == b:
                    if ga == gb:
                        mutual_same += 1
                    else:
                        mutual_other += 1
            in_other = n_in - in_same
            out_other = n_out - out_same
            other_same = same_group_pairs - in_same * out_same
            out[b, 0] = in_same * out_same - mutual_same  # coordinator
            out[b, 1] = in_other * out_same  # gatekeeper
            out[b, 2] = in_same * out_other  # representative
            out[b, 3] = other_same - mutual_other  # consultant
            out[b, 4] = in_other * out_other - other_same  # liaison
            for j in range(indptr[b], indptr[b + 1]):
                heads[group[indices[j]]] = 0


@kernel
def _role(ga: int, gb: int, gc: int) -> int:  # pragma: no cover - compiled
    """The column of :data:`ROLES` of a two-path through ``b`` by the three groups."""
    if ga == gb:
        return 0 if gc == gb else 2
    if gc == gb:
        return 1
    return 3 if gc == ga else 4


@kernel
def _upward(
    ptr: Ints, idx: Heads, out_ptr: Ints, out_idx: Heads, in_ptr: Ints, in_idx: Heads
) -> tuple[Ints, Heads, npt.NDArray[np.uint8]]:  # pragma: no cover - compiled
    """Each undirected edge once, from its lower- to its higher-ranked end (by degree, then
    position), with bit 1 set when the arc lower -> higher exists and bit 2 for the other way.

    ``ptr``/``idx`` is the undirected graph, ``out_*``/``in_*`` the arcs and reversed arcs
    (all rows sorted).
    """
    n = len(ptr) - 1
    rank = np.empty(n, np.int64)  # degree first, position second
    for x in range(n):
        rank[x] = (ptr[x + 1] - ptr[x]) * n + x
    up_ptr = np.zeros(n + 1, np.int64)
    for x in range(n):
        rx = rank[x]
        for j in range(ptr[x], ptr[x + 1]):
            if rank[idx[j]] > rx:
                up_ptr[x + 1] += 1
    for x in range(n):
        up_ptr[x + 1] += up_ptr[x]
    up_idx = np.empty(up_ptr[n], np.int32)
    up_flag = np.empty(up_ptr[n], np.uint8)
    for x in range(n):
        rx = rank[x]
        k = up_ptr[x]
        p, p_end = out_ptr[x], out_ptr[x + 1]
        q, q_end = in_ptr[x], in_ptr[x + 1]
        for j in range(ptr[x], ptr[x + 1]):
            y = idx[j]
            if rank[y] < rx:
                continue
            while p < p_end and out_idx[p] < y:
                p += 1
            while q < q_end and in_idx[q] < y:
                q += 1
            flag = 0
            if p < p_end and out_idx[p] == y:
                flag |= 1
            if q < q_end and in_idx[q] == y:
                flag |= 2
            up_idx[k] = y
            up_flag[k] = flag
            k += 1
    return up_ptr, up_idx, up_flag


@parallel_kernel
def _closed(
    up_ptr: Ints,
    up_idx: Heads,
    up_flag: npt.NDArray[np.uint8],
    group: Ints,
    partial: npt.NDArray[np.int64],
    markers: Heads,
    towards_of: npt.NDArray[np.uint8],
) -> None:  # pragma: no cover - compiled
    """Role counts of the closed two-paths (``a -> b -> c`` and ``a -> c``), per broker.

    Every triangle ``x, y, z`` (ranked so) is found once from ``x``; its arcs say which of
    the six orders ``a, b, c`` are closed two-paths. One count table per thread: the rows of
    ``partial`` (``n x 5`` zeros each), with scratch rows of ``markers`` (-1) and
    ``towards_of`` (``n`` each; made by the caller: arrays made inside a parallel kernel
    cost it about 0.3 s each to compile).
    """
    n = len(up_ptr) - 1
    stride = partial.shape[0]
    for first in prange(stride):
        counts = partial[first]
        marker = markers[first]  # marker[z] == x: z is an upward neighbour of x
        towards = towards_of[first]  # the arc bits of x and that z
        for x in range(first, n, stride):
            for j in range(up_ptr[x], up_ptr[x + 1]):
                z = up_idx[j]
                marker[z] = x
                towards[z] = up_flag[j]
            gx = group[x]
            for j in range(up_ptr[x], up_ptr[x + 1]):
                y = up_idx[j]
                fxy = up_flag[j]
                gy = group[y]
                for q in range(up_ptr[y], up_ptr[y + 1]):
                    z = up_idx[q]
                    if marker[z] != x:
                        continue
                    fxz, fyz, gz = towards[z], up_flag[q], group[z]
                    xy, yx = fxy & 1, fxy & 2
                    xz, zx = fxz & 1, fxz & 2
                    yz, zy = fyz & 1, fyz & 2
                    if xy and yz and xz:  # x -> y -> z
                        counts[y, _role(gx, gy, gz)] += 1
                    if zy and yx and zx:  # z -> y -> x
                        counts[y, _role(gz, gy, gx)] += 1
                    if yx and xz and yz:  # y -> x -> z
                        counts[x, _role(gy, gx, gz)] += 1
                    if zx and xy and zy:  # z -> x -> y
                        counts[x, _role(gz, gx, gy)] += 1
                    if xz and zy and xy:  # x -> z -> y
                        counts[z, _role(gx, gz, gy)] += 1
                    if yz and zx and yx:  # y -> z -> x
                        counts[z, _role(gy, gz, gx)] += 1


def role_counts(
    ptr: Ints,
    idx: Heads,
    into_ptr: Ints,
    into: Heads,
    indptr: Ints,
    indices: Heads,
    group: Ints,
    groups: int,
) -> Ints:
    """The five role counts (columns :data:`ROLES`) of every node as broker.

    ``ptr``/``idx`` is the undirected graph of the arcs, ``indptr``/``indices`` each node's
    out-neighbours, ``into_ptr``/``into`` its in-neighbours (all three the same arrays for
    an undirected graph): row pointers ``int64``, node positions ``int32``, rows sorted,
    no self loops; ``group`` is each node's group code in ``range(groups)`` (``int64``).
    """
    n = len(indptr) - 1
    threads = get_threads()
    stride = max(1, min(n, 8 * threads))  # threads take every stride-th broker
    # Output and per-task arrays are made here: each array made inside a parallel kernel
    # costs it about 0.3 s to compile.
    counts = np.zeros((n, 5), np.int64)
    heads = np.zeros((stride, groups), np.int64)
    _open_and_closed(into_ptr, into, indptr, indices, group, heads, counts)
    up = _upward(ptr, idx, indptr, indices, into_ptr, into)
    tables = max(1, min(n, threads, _TABLES))
    partial = np.zeros((tables, n, 5), np.int64)
    markers = np.full((tables, n), -1, np.int32)
    towards = np.zeros((tables, n), np.uint8)
    _closed(*up, group, partial, markers, towards)
    del up, markers, towards
    for table in partial:  # in place: no summed copy beside the counts
        counts -= table
    return counts
