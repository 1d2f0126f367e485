"""Compiled graph traversals over CSR arrays: the low-link depth-first search and components.

:func:`low_link_search` is one iterative (explicit stack, no recursion) depth-first search
over every island in the manner of Hopcroft and Tarjan (1973): it numbers the nodes in
preorder and computes, for every node, its tree parent, the size of its subtree and its
*low point* (the smallest preorder number reachable from its subtree by tree edges down and
one non-tree edge). Articulation points, bridges and the pieces an island falls into
without a node all follow from these arrays. :func:`component_labels` numbers the
connected components by union-find over the lower half of the adjacency.

Both take the ``indptr`` (int64) and ``indices`` (int32) of a symmetric CSR adjacency
without self loops or repeated entries, each row sorted, as a
:class:`~samenwerking.graph.compact.CompactGraph` holds them.

References
----------
Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
manipulation. *Communications of the ACM* 16(6), 372-378.

Example
-------
>>> import numpy as np
>>> indptr = np.array([0, 1, 3, 4], np.int64)  # the path 0 - 1 - 2
>>> indices = np.array([1, 0, 2, 1], np.int32)
>>> search = low_link_search(indptr, indices)
>>> search.pre.tolist(), search.parent.tolist(), search.size.tolist()
([0, 1, 2], [-1, 0, 1], [3, 2, 1])
>>> search.cut_vertex.tolist(), search.bridge_child.tolist()
([False, True, False], [False, True, True])
>>> component_labels(indptr, indices)[1].tolist()
[0, 0, 0]
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel
from samenwerking.analysis._readonly import readonly

__all__ = ["LowLink", "component_labels", "low_link_search"]

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


class LowLink(NamedTuple):
    """The arrays of one depth-first search over all islands (nodes ``0..n-1``).

    ``order[pre[v]] == v``; the subtree of ``v`` is ``order[pre[v] : pre[v] + size[v]]``.
    """

    pre: IntArray
    """Preorder number of each node."""
    order: IntArray
    """The nodes in preorder (islands one after another)."""
    parent: IntArray
    """Tree parent of each node, ``-1`` for the root of an island."""
    low: IntArray
    """Low point: the smallest preorder number the subtree reaches by one non-tree edge."""
    size: IntArray
    """Number of nodes in each node's subtree (itself included)."""
    label: IntArray
    """Island number of each node (islands numbered in order of their roots)."""
    island_size: IntArray
    """Number of nodes per island."""
    island_start: IntArray
    """Preorder number of each island's root: island ``c`` is
    ``order[island_start[c] : island_start[c] + island_size[c]]``."""
    cut_vertex: BoolArray
    """Whether the node is an articulation point."""
    cut_child: BoolArray
    """Whether the node's subtree hangs on its parent alone (the parent is a cut vertex
    there, or the root of an island with other children)."""
    bridge_child: BoolArray
    """Whether the tree edge from the node to its parent is a bridge."""


@kernel
def _search(
    indptr: IntArray, indices: npt.NDArray[np.int32]
) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray, IntArray, int]:
    n = len(indptr) - 1
    pre = np.full(n, -1, np.int64)
    order = np.empty(n, np.int64)
    parent = np.full(n, -1, np.int64)
    low = np.empty(n, np.int64)
    size = np.ones(n, np.int64)
    label = np.empty(n, np.int64)
    cursor = np.empty(n, np.int64)  # the next adjacency position to look at, per node
    stack = np.empty(n, np.int64)
    counter = 0
    islands = 0
    for root in range(n):
        if pre[root] >= 0:
            continue
        pre[root] = counter
        order[counter] = root
        low[root] = counter
        counter += 1
        label[root] = islands
        cursor[root] = indptr[root]
        top = 0
        stack[0] = root
        while top >= 0:
            v = stack[top]
            at = cursor[v]
            stop = indptr[v + 1]
            descended = False
            while at < stop:
                w = indices[at]
                at += 1
                if pre[w] < 0:
                    cursor[v] = at
                    parent[w] = v
                    pre[w] = counter
                    order[counter] = w
                    low[w] = counter
                    counter += 1
                    label[w] = islands
                    cursor[w] = indptr[w]
                    top += 1
                    stack[top] = w
                    descended = True
                    break
                if w != parent[v] and pre[w] < low[v]:
                    low[v] = pre[w]
            if descended:
                continue
            top -= 1
            if top >= 0:
                p = stack[top]
                if low[v] < low[p]:
                    low[p] = low[v]
                size[p] += size[v]
        islands += 1
    return pre, order, parent, low, size, label, islands


@kernel
def _cuts(pre: IntArray, parent: IntArray, low: IntArray) -> tuple[BoolArray, BoolArray, BoolArray]:
    n = len(pre)
    children = np.zeros(n, np.int64)
    for v in range(n):
        if parent[v] >= 0:
            children[parent[v]] += 1
    cut_vertex = np.zeros(n, np.bool_)
    cut_child = np.zeros(n, np.bool_)
    bridge_child = np.zeros(n, np.bool_)
    for v in range(n):
        p = parent[v]
        if p < 0:
            continue
        bridge_child[v] = low[v] == pre[v]
        if low[v] >= pre[p] and (parent[p] >= 0 or children[p] >= 2):
            cut_child[v] = True
            cut_vertex[p] = True
    return cut_vertex, cut_child, bridge_child


def low_link_search(indptr: IntArray, indices: npt.NDArray[np.int32]) -> LowLink:
    """Run the low-link depth-first search over every island of a CSR graph.

    Example
    -------
    >>> import numpy as np
    >>> star = low_link_search(np.array([0, 2, 3, 4], np.int64), np.array([1, 2, 0, 0], np.int32))
    >>> star.cut_vertex.tolist(), star.low.tolist()
    ([True, False, False], [0, 1, 2])
    """
    # Read-only views: _search compiles once, for the graph's frozen arrays and others alike.
    indptr = readonly(np.ascontiguousarray(indptr, np.int64))
    indices = readonly(np.ascontiguousarray(indices, np.int32))
    pre, order, parent, low, size, label, islands = _search(indptr, indices)
    cut_vertex, cut_child, bridge_child = _cuts(pre, parent, low)
    island_size = np.bincount(label, minlength=islands).astype(np.int64)
    island_start = np.zeros(islands, np.int64)
    np.cumsum(island_size[:-1], out=island_start[1:])
    return LowLink(
        pre,
        order,
        parent,
        low,
        size,
        label,
        island_size,
        island_start,
        cut_vertex,
        cut_child,
        bridge_child,
    )


@kernel
def _labels(indptr: IntArray, indices: npt.NDArray[np.int32]) -> tuple[int, IntArray]:
    # Union-find over each node's lower neighbours (rows are sorted), every set rooted at
    # its smallest node: half the adjacency is read, in memory order.
    n = len(indptr) - 1
    root = np.arange(n).astype(np.int32)
    for v in range(n):
        a = v
        for at in range(indptr[v], indptr[v + 1]):
            w = indices[at]
            if w >= v:
                break
            while root[a] != a:
                a = root[a]
            b = w
            while root[b] != b:
                root[b] = root[root[b]]  # path halving
                b = root[b]
            if a < b:
                root[b] = a
            elif b < a:
                root[a] = b
                a = b
    label = np.empty(n, np.int64)
    count = 0
    for v in range(n):  # a root comes before its members, which point to it after this
        r = root[v]
        if r == v:
            label[v] = count
            count += 1
        else:
            root[v] = root[r]
            label[v] = label[r]
    return count, label


def component_labels(indptr: IntArray, indices: npt.NDArray[np.int32]) -> tuple[int, IntArray]:
    """The number of connected components and each node's component, numbered by first node.

    Component ``c`` is the one holding the ``c``-th node (in index order) not in an earlier
    component.

    Example
    -------
    >>> import numpy as np
    >>> count, labels = component_labels(np.array([0, 0, 1, 2], np.int64),
    ...                                  np.array([2, 1], np.int32))
    >>> count, labels.tolist()
    (2, [0, 1, 1])
    """
    return _labels(np.ascontiguousarray(indptr, np.int64), np.ascontiguousarray(indices, np.int32))
