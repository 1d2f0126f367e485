"""Weak points: people and ties whose loss splits an island (articulation points, bridges).

An *articulation point* is a professional whose leaving disconnects others from the rest of
their island; a *bridge* is a tie whose loss does the same. Both come from one depth-first
search (Hopcroft and Tarjan 1973) with low points, run in compiled code over the CSR arrays
with an explicit stack (:func:`samenwerking.analysis._dfs.low_link_search`), so no Python
recursion is involved and one pass yields all three results.

References
----------
Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
manipulation. *Communications of the ACM* 16(6), 372-378.

Example
-------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
>>> articulation_points(G), bridges(G)
(('c',), (('c', 'd'),))
>>> [(w.node, w.cut_off, w.people) for w in weak_points(G)]
[('c', 1, ('d',))]
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import pairwise
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
from attrs import frozen

from samenwerking._jit import kernel
from samenwerking.analysis._dfs import IntArray, LowLink, low_link_search
from samenwerking.analysis._input import as_compact
from samenwerking.analysis._sorting import reverse_run, sort_run
from samenwerking.graph.compact import CompactGraph
from samenwerking.tabular import Table, Tabular

__all__ = ["WeakPoint", "articulation_points", "bridges", "weak_points"]


@frozen(repr=False)
class WeakPoint(Tabular):
    """A professional whose leaving would cut others off from the rest of their island."""

    node: Hashable
    """The articulation point."""
    island_size: int
    """The size of the island (connected component) the node belongs to."""
    parts: tuple[int, ...]
    """Sizes of the pieces the island falls into without the node, largest first."""
    people: tuple[Hashable, ...]
    """The people cut off: everyone in the pieces except the largest one, sorted."""

    @property
    def cut_off(self) -> int:
        """How many people would lose their connection to the rest of the island."""
        return len(self.people)

    def _tables(self) -> tuple[Table, ...]:
        row = (self.node, self.island_size, self.cut_off, self.parts, self.people)
        return (Table("weak_points", ("node", "island_size", "cut_off", "parts", "people"), [row]),)


def _sorted(items: list[Any]) -> tuple[Any, ...]:
    try:
        return tuple(sorted(items))
    except TypeError:
        return tuple(sorted(items, key=repr))


def _search(G: CompactGraph) -> LowLink:  # noqa: N803
    return low_link_search(G.indptr, G.indices)


@kernel
def _pieces(
    pre: IntArray,
    order: IntArray,
    size: IntArray,
    island_size: IntArray,
    island_start: IntArray,
    label: IntArray,
    parents: IntArray,
    children: IntArray,
    starts: IntArray,
    rank: IntArray,
) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Per cut vertex: its pieces' sizes (largest first) and the ranks of the people cut off.

    The cut children of cut vertex ``g`` are ``children[starts[g] : starts[g + 1]]``, in
    preorder. The pieces are the rest of the island (on the parent's side, when not empty)
    and then the children's subtrees; everybody outside the first largest one is cut off.
    """
    groups = len(starts) - 1
    part_at = np.zeros(groups + 1, np.int64)
    people_at = np.zeros(groups + 1, np.int64)
    for g in range(groups):
        v = parents[starts[g]]
        total = 0
        biggest = 0
        for j in range(starts[g], starts[g + 1]):
            total += size[children[j]]
            biggest = max(biggest, size[children[j]])
        island = island_size[label[v]]
        rest = island - 1 - total
        part_at[g + 1] = part_at[g] + starts[g + 1] - starts[g] + (1 if rest > 0 else 0)
        people_at[g + 1] = people_at[g] + island - 1 - max(biggest, rest)
    parts = np.empty(part_at[-1], np.int64)
    people = np.empty(people_at[-1], np.int64)
    for g in range(groups):
        v = parents[starts[g]]
        first, last = starts[g], starts[g + 1]
        total = 0
        for j in range(first, last):
            total += size[children[j]]
        island = island_size[label[v]]
        rest = island - 1 - total
        k = part_at[g]
        if rest > 0:
            parts[k] = rest
            k += 1
        for j in range(first, last):
            parts[k] = size[children[j]]
            k += 1
        skip = part_at[g]  # the first largest piece stays
        for k in range(part_at[g], part_at[g + 1]):
            if parts[k] > parts[skip]:
                skip = k
        skip -= part_at[g]
        w = people_at[g]
        piece = 0
        if rest > 0:
            if skip != 0:
                # the island outside v's subtree, and the gaps between the cut subtrees
                lo = island_start[label[v]]
                for q in range(lo, pre[v]):
                    people[w] = rank[order[q]]
                    w += 1
                at = pre[v] + 1
                for j in range(first, last):
                    for q in range(at, pre[children[j]]):
                        people[w] = rank[order[q]]
                        w += 1
                    at = pre[children[j]] + size[children[j]]
                for q in range(at, lo + island):  # v's other children, then the rest
                    people[w] = rank[order[q]]
                    w += 1
            piece = 1
        for j in range(first, last):
            if piece != skip:
                c = children[j]
                for q in range(pre[c], pre[c] + size[c]):
                    people[w] = rank[order[q]]
                    w += 1
            piece += 1
        sort_run(people, people_at[g], people_at[g + 1])
        sort_run(parts, part_at[g], part_at[g + 1])
        reverse_run(parts, part_at[g], part_at[g + 1])  # largest first
    return part_at, parts, people_at, people


def _ranking(ids: tuple[Hashable, ...]) -> npt.NDArray[np.int64] | None:
    """Each id's place in sorted order, when all ids are ``str`` (or all ``int``), else None.

    Then sorting any of them equals ordering by these places, and so does :func:`_key`.
    """
    listed: list[Any] = list(ids)
    if set(map(type, listed)) not in ({str}, {int}):
        return None
    if listed == sorted(listed):
        return np.arange(len(listed), dtype=np.int64)
    place = np.empty(len(listed), np.int64)
    place[sorted(range(len(listed)), key=listed.__getitem__)] = np.arange(len(listed))
    return place


def articulation_points(G: nx.Graph | CompactGraph) -> tuple[Hashable, ...]:  # noqa: N803
    """The people whose leaving would split their island, sorted.

    Equal, as a set, to :func:`networkx.articulation_points` (a directed graph is taken as
    undirected).

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.

    Returns
    -------
    tuple
        Node ids, sorted.

    Example
    -------
    >>> import networkx as nx
    >>> articulation_points(nx.path_graph(4))
    (1, 2)
    """
    C = as_compact(G)  # noqa: N806
    if C.n_nodes == 0:
        return ()
    points = np.flatnonzero(_search(C).cut_vertex)
    ids = C.ids
    return _sorted([ids[i] for i in points.tolist()])


def bridges(G: nx.Graph | CompactGraph) -> tuple[tuple[Hashable, Hashable], ...]:  # noqa: N803
    """The ties whose loss would split an island, each as a sorted pair, sorted.

    Equal, as a set of unordered pairs, to :func:`networkx.bridges`.

    Example
    -------
    >>> import networkx as nx
    >>> bridges(nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)]))
    ((3, 4),)
    """
    C = as_compact(G)  # noqa: N806
    if C.n_nodes == 0:
        return ()
    search = _search(C)
    children = np.flatnonzero(search.bridge_child)
    ids = C.ids
    ends = list(zip(search.parent[children].tolist(), children.tolist(), strict=True))
    try:  # ids that compare with each other (the usual case): order each pair directly
        pairs = [(y, x) if y < x else (x, y) for x, y in ((ids[a], ids[b]) for a, b in ends)]
        return tuple(sorted(pairs))
    except TypeError:
        return _sorted([tuple(_sorted([ids[a], ids[b]])) for a, b in ends])


def weak_points(G: nx.Graph | CompactGraph) -> tuple[WeakPoint, ...]:  # noqa: N803
    """Every articulation point with the people who would lose their connection.

    If a weak point leaves, their island falls into pieces; everybody outside the largest
    piece is cut off from the rest of the island.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.

    Returns
    -------
    tuple of WeakPoint
        Most people cut off first; ties broken by node id.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> [(w.node, w.parts, w.cut_off) for w in weak_points(G)]
    [('c', (2, 2), 2), ('b', (3, 1), 1), ('d', (3, 1), 1)]
    """
    C = as_compact(G)  # noqa: N806
    if C.n_nodes == 0:
        return ()
    search = _search(C)
    children = np.flatnonzero(search.cut_child)
    if not len(children):
        return ()
    parents = search.parent[children]
    by = np.lexsort((search.pre[children], parents))  # per cut vertex, children in preorder
    parents, children = parents[by], children[by]
    starts = np.flatnonzero(np.concatenate([[True], parents[1:] != parents[:-1]]))
    starts = np.append(starts, len(parents))
    ids = C.ids
    place = _ranking(ids)
    rank = place if place is not None else np.arange(C.n_nodes, dtype=np.int64)
    part_at, parts, people_at, people = _pieces(
        search.pre,
        search.order,
        search.size,
        search.island_size,
        search.island_start,
        search.label,
        parents,
        children,
        starts,
        rank,
    )
    points = parents[starts[:-1]]
    sizes = parts.tolist()
    if place is not None:  # people come as places in sorted order
        by_place = np.empty(len(ids), object)
        by_place[place] = np.fromiter(ids, dtype=object, count=len(ids))
        names = by_place[people].tolist()
        cut: list[tuple[Any, ...]] = [tuple(names[a:b]) for a, b in pairwise(people_at.tolist())]
    else:
        found = people.tolist()
        cut = [_sorted([ids[i] for i in found[a:b]]) for a, b in pairwise(people_at.tolist())]
    islands = search.island_size[search.label[points]].tolist()
    bounds = part_at.tolist()
    result = [
        WeakPoint(ids[v], island, tuple(sizes[bounds[g] : bounds[g + 1]]), cut[g])
        for g, (v, island) in enumerate(zip(points.tolist(), islands, strict=True))
    ]
    if place is not None:  # most people cut off first, then by id
        return tuple(result[g] for g in np.lexsort((place[points], -np.diff(people_at))).tolist())
    result.sort(key=lambda w: (-w.cut_off, _key(w.node)))
    return tuple(result)


def _key(node: Hashable) -> Any:
    return (type(node).__name__, node) if isinstance(node, str | int) else (repr(node), 0)
