"""Compiled Gould-Fernandez role counts behind :func:`~samenwerking.analysis.brokerage_roles`.

For a broker ``b`` the two-paths ``a -> b -> c`` with ``a != c`` are counted from group
counts of its in- and out-neighbours, without enumerating them; then every closed one (an
arc ``a -> c``) is found by walking the out-neighbours ``c`` of each in-neighbour ``a`` and
checking a marker set on ``b``'s out-neighbours, and taken off its role. Brokers are split
over numba's threads; each thread has its own marker and group counts.

Example
-------
The path ``0 -> 1 -> 2`` with node 0 in group 1 and nodes 1, 2 in group 0: node 1 is a
gatekeeper once.

>>> import numpy as np
>>> indptr, indices = np.array([0, 1, 2, 2]), np.array([1, 2])
>>> into_ptr, into = transpose(indptr, indices)
>>> role_counts(into_ptr, into, indptr, indices, np.array([1, 0, 0]), 2)[1].tolist()
[0, 1, 0, 0, 0]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import get_threads, kernel, parallel_kernel, prange

__all__ = ["ROLES", "role_counts", "transpose"]

Ints = npt.NDArray[np.int64]

ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")
"""The columns of :func:`role_counts`, in order."""


@kernel
def transpose(indptr: Ints, indices: Ints) -> tuple[Ints, Ints]:  # pragma: no cover - compiled
    """The CSR of the reversed arcs (row ``b``: every ``a`` with ``a -> b``, sorted)."""
    n = len(indptr) - 1
    into_ptr = np.zeros(n + 1, np.int64)
    for j in range(len(indices)):
        into_ptr[indices[j] + 1] += 1
    for v in range(n):
        into_ptr[v + 1] += into_ptr[v]
    fill = into_ptr[:n].copy()
    into = np.empty(len(indices), np.int64)
    for a in range(n):  # rows in order, so each reversed row comes out sorted
        for j in range(indptr[a], indptr[a + 1]):
            c = indices[j]
            into[fill[c]] = a
            fill[c] += 1
    return into_ptr, into


@parallel_kernel
def _counts(
    into_ptr: Ints,
    into: Ints,
    indptr: Ints,
    indices: Ints,
    group: Ints,
    groups: int,
    stride: int,
) -> Ints:  # pragma: no cover - compiled
    n = len(indptr) - 1
    out = np.zeros((n, 5), np.int64)
    for first in prange(stride):
        marker = np.full(n, -1, np.int64)  # marker[c] == b: c is an out-neighbour of b
        heads = np.zeros(groups, np.int64)  # out-neighbours of b per group
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
            coordinator = in_same * out_same - mutual_same
            gatekeeper = in_other * out_same
            representative = in_same * out_other
            consultant = other_same - mutual_other
            liaison = in_other * out_other - other_same
            # The closed two-paths: a -> c besides a -> b -> c.
            for j in range(into_ptr[b], into_ptr[b + 1]):
                a = into[j]
                ga = group[a]
                for q in range(indptr[a], indptr[a + 1]):
                    c = indices[q]
                    if marker[c] != b:
                        continue
                    gc = group[c]
                    if ga == gb:
                        if gc == gb:
                            coordinator -= 1
                        else:
                            representative -= 1
                    elif gc == gb:
                        gatekeeper -= 1
                    elif gc == ga:
                        consultant -= 1
                    else:
                        liaison -= 1
            out[b, 0] = coordinator
            out[b, 1] = gatekeeper
            out[b, 2] = representative
            out[b, 3] = consultant
            out[b, 4] = liaison
            for j in range(indptr[b], indptr[b + 1]):
                heads[group[indices[j]]] = 0
    return out


def role_counts(
    into_ptr: Ints, into: Ints, indptr: Ints, indices: Ints, group: Ints, groups: int
) -> Ints:
    """The five role counts (columns :data:`ROLES`) of every node as broker.

    ``indptr``/``indices`` hold each node's out-neighbours, ``into_ptr``/``into`` its
    in-neighbours (the same arrays for an undirected graph), all ``int64`` and without self
    loops; ``group`` is each node's group code in ``range(groups)``.
    """
    n = len(indptr) - 1
    stride = max(1, min(n, 8 * get_threads()))  # threads take every stride-th broker
    return _counts(into_ptr, into, indptr, indices, group, groups, stride)
