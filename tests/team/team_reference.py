"""A frozen copy of the team search and of ``privacy.suppression.complement`` as they were
before the compiled kernels (commit 405adb7): the oracle the compiled ones must equal.

Do not optimise this file; it is a test oracle only.
"""
# ruff: noqa

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import networkx as nx
import numpy.typing as npt

from samenwerking.graph import CompactGraph
from samenwerking.model import Region
from samenwerking.team.results import TeamGraphError

__all__ = ["ReferenceSearcher", "reference_complement"]

BATCH = 64
"""Sources searched at once: one bit each of a 64-bit word per professional."""

PUSH_SHARE = 8
"""A level whose ties are fewer than 1/PUSH_SHARE of all ties pushes its bits along them;
a bigger one is expanded by letting every professional pull from all its neighbours."""


class ReferenceSearcher:
    """Ties and shortest chains between professionals of one compact graph (built once)."""

    def __init__(self, region: Region, graph: CompactGraph) -> None:
        from scipy.sparse.csgraph import connected_components

        if graph.n_nodes != len(region.professionals) or any(
            node != p.id for node, p in zip(graph.ids, region.professionals, strict=True)
        ):
            raise TeamGraphError(
                "graph must be compact_graph(region): its nodes differ from the region's "
                "professionals"
            )
        self.region = region
        self.graph = graph
        n = graph.n_nodes
        self.indptr: npt.NDArray[np.int64] = graph.indptr.astype(np.int64)
        self.indices: npt.NDArray[np.intp] = graph.indices.astype(np.intp)
        degree = np.diff(self.indptr)
        # Every tie (both directions) as one number, in increasing order: CSR rows come in
        # order and are sorted within, so ``row * n + column`` is sorted.
        self._tie_keys = np.repeat(np.arange(n, dtype=np.int64), degree) * n + self.indices
        self._linked = np.flatnonzero(degree)  # professionals with at least one tie
        self._linked_starts = self.indptr[self._linked]
        if n:
            _, labels = connected_components(graph.to_scipy(), directed=False)
        else:
            labels = np.zeros(0, np.int32)
        self.component: npt.NDArray[np.int64] = np.asarray(labels, np.int64)
        self.main_org: list[int] = graph.organisation.tolist()

    def neighbours(self, node: int) -> list[int]:
        neighbours: list[int] = self.graph.neighbors(node).tolist()
        return neighbours

    def tied(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Whether ``a[k]`` and ``b[k]`` have a direct tie, for every ``k``."""
        if not len(self._tie_keys):
            return np.zeros(len(a), np.bool_)
        keys = a * self.graph.n_nodes + b
        at = np.minimum(np.searchsorted(self._tie_keys, keys), len(self._tie_keys) - 1)
        return np.asarray(self._tie_keys[at] == keys)

    def chains(
        self,
        pairs: Iterable[tuple[int, int]],
        max_steps: int | None,
        done: Callable[[int], None] | None = None,
    ) -> dict[tuple[int, int], tuple[int, ...] | None]:
        """A shortest chain ``low, ..., high`` for every pair ``(low, high)``, or ``None``.

        Pairs are grouped by their higher end (the *source*); one breadth-first search per
        source answers all its pairs, and up to :data:`BATCH` sources are searched at once,
        one bit each. Of all shortest chains the one returned is the smallest read from
        ``low`` (by position): at every step from ``low`` it takes the lowest-numbered
        neighbour one step closer to ``high``. It depends only on the graph and the pair.
        ``done(k)`` is called after the first ``k`` sources (in order of first appearance).
        """
        targets: dict[int, list[int]] = {}
        for low, high in dict.fromkeys(pairs):
            targets.setdefault(high, []).append(low)
        sources = list(targets)
        result: dict[tuple[int, int], tuple[int, ...] | None] = {}
        for start in range(0, len(sources), BATCH):
            batch = sources[start : start + BATCH]
            for source, ends in zip(batch, self._search(batch, targets, max_steps), strict=True):
                for low, chain in zip(targets[source], ends, strict=True):
                    result[low, source] = chain
            if done is not None:
                done(start + len(batch))
        return result

    def _search(
        self, sources: list[int], targets: Mapping[int, list[int]], max_steps: int | None
    ) -> list[list[tuple[int, ...] | None]]:
        """Search from up to 64 sources at once (a bit each); their targets' chains, in order."""
        n = self.graph.n_nodes
        bits = np.left_shift(np.uint64(1), np.arange(len(sources), dtype=np.uint64))
        counts = [len(targets[s]) for s in sources]
        query = np.fromiter(itertools.chain.from_iterable(targets[s] for s in sources), np.int64)
        query_bit = np.repeat(bits, counts)
        distance = np.full(len(query), -1, np.int64)
        # Level k holds the professionals first reached at k steps, with one bit set for
        # every source that reached them there; ``front`` is the last level, dense.
        nodes: npt.NDArray[np.int64] = np.asarray(sources, np.int64)
        reached = bits
        levels = [(nodes, reached)]
        front = np.zeros(n, np.uint64)
        front[nodes] = bits
        seen = front.copy()
        while True:
            # A target not found yet is one step beyond the last level exactly when one of
            # its neighbours is on that level (for its source's bit): checking that is cheap,
            # and spares expanding the last level, the biggest.
            waiting = np.flatnonzero(distance < 0)
            owner, _ = self._neighbours_on(front, query[waiting], query_bit[waiting])
            distance[waiting[owner]] = len(levels)
            if (distance >= 0).all() or len(levels) == max_steps:
                break
            front = self._expand(nodes, reached) & ~seen
            nodes = np.flatnonzero(front)
            if not len(nodes):
                break
            reached = front[nodes]
            seen[nodes] |= reached
            levels.append((nodes, reached))
        steps = self._walk_back(levels, query, query_bit, distance).tolist()
        chains = [
            tuple(row[d::-1]) if d >= 0 else None
            for row, d in zip(steps, distance.tolist(), strict=True)
        ]
        ends = np.cumsum(counts).tolist()
        return [chains[end - count : end] for end, count in zip(ends, counts, strict=True)]

    def _expand(
        self, nodes: npt.NDArray[np.int64], bits: npt.NDArray[np.uint64]
    ) -> npt.NDArray[np.uint64]:
        """For every professional, the bits of its neighbours among ``nodes`` (OR-ed)."""
        starts = self.indptr[nodes]
        lengths = self.indptr[nodes + 1] - starts
        out = np.zeros(self.graph.n_nodes, np.uint64)
        if int(lengths.sum()) * PUSH_SHARE < len(self.indices):
            # A small level: push its bits along its own ties.
            np.bitwise_or.at(out, self.indices[_spans(starts, lengths)], np.repeat(bits, lengths))
        elif len(self._linked):
            # A big level: every professional with ties pulls from all its neighbours.
            dense = np.zeros(self.graph.n_nodes, np.uint64)
            dense[nodes] = bits
            out[self._linked] = np.bitwise_or.reduceat(dense[self.indices], self._linked_starts)
        return out

    def _walk_back(
        self,
        levels: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]],
        query: npt.NDArray[np.int64],
        query_bit: npt.NDArray[np.uint64],
        distance: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.int64]:
        """The chain of every query found, as ``steps[q, k]``: its node ``k`` steps from the source.

        From the target back to the source, each step takes the lowest-numbered neighbour
        on the level before (neighbours are sorted), for all queries at once.
        """
        longest = int(distance.max(initial=0))
        steps = np.full((len(query), longest + 1), -1, np.int64)
        found = np.flatnonzero(distance >= 0)
        steps[found, distance[found]] = query[found]
        dense = np.zeros(self.graph.n_nodes, np.uint64)
        for level in range(longest - 1, -1, -1):
            active = np.flatnonzero(distance > level)
            nodes, bits = levels[level]
            dense[nodes] = bits
            owner, closer = self._neighbours_on(dense, steps[active, level + 1], query_bit[active])
            dense[nodes] = 0
            first = np.flatnonzero(np.diff(owner, prepend=-1))  # each query's first such one
            steps[active, level] = closer[first]
        return steps

    def _neighbours_on(
        self,
        level: npt.NDArray[np.uint64],
        nodes: npt.NDArray[np.int64],
        bits: npt.NDArray[np.uint64],
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.intp]]:
        """The neighbours of each ``nodes[k]`` with ``bits[k]`` set in ``level`` (dense).

        Returned as ``(k, neighbour)`` in two arrays, by ``k`` and then by neighbour.
        """
        starts = self.indptr[nodes]
        lengths = self.indptr[nodes + 1] - starts
        neighbours = self.indices[_spans(starts, lengths)]
        on = (level[neighbours] & np.repeat(bits, lengths)) != 0
        return np.repeat(np.arange(len(nodes)), lengths)[on], neighbours[on]


def _spans(starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The positions ``starts[k], ..., starts[k] + lengths[k] - 1`` for every ``k``, in order."""
    total = int(lengths.sum())
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)


def reference_complement(
    grid: npt.NDArray[np.int64],
    primary: set[tuple[int, int]],
    keep: frozenset[tuple[int, int]] = frozenset(),
) -> set[tuple[int, int]]:
    """Grow ``primary`` until every suppressed place lies on a cycle of suppressed places.

    The bridges of the suppressed graph are found once: adding edges never makes a new
    bridge, so each original bridge is taken in turn and, if it still is one, the
    cheapest chain closing a cycle through it is hidden (one shortest-path search each,
    with the bridge itself left out of the candidate graph). Places in ``keep`` are never
    added; a bridge that cannot be closed without them is left as it is.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    n_rows, n_cols = grid.shape
    n_places = grid.size
    hidden = set(primary)
    # Nodes: grid rows 0..n_rows-1, then grid columns. Every non-zero (or already hidden)
    # place is a candidate edge between its row node and its column node.
    places = sorted(
        {(int(i), int(j)) for i, j in zip(*np.nonzero(grid > 0), strict=True)} - keep | hidden
    )
    if not places:
        return hidden
    rows = np.array([i for i, _ in places], dtype=np.int64)
    cols = np.array([j for _, j in places], dtype=np.int64) + n_rows
    index = {place: k for k, place in enumerate(places)}
    # Smallest sum of counts first, then fewest places; hidden places cost next to nothing
    # (a chain of them always beats one with a single further place).
    base = np.array([grid[p] for p in places], dtype=np.float64) * (n_places + 1) + 1
    free = 1.0 / (n_places + 2)
    is_hidden = np.zeros(len(places), dtype=bool)
    is_hidden[[index[p] for p in hidden]] = True
    n_nodes = n_rows + n_cols
    both_u = np.concatenate([rows, cols])
    both_v = np.concatenate([cols, rows])

    suppressed = nx.Graph()
    suppressed.add_edges_from((("r", i), ("c", j)) for i, j in hidden)
    bridges = sorted(
        (int(u[1]), int(v[1])) if u[0] == "r" else (int(v[1]), int(u[1]))
        for u, v in nx.bridges(suppressed)
    )
    for i, j in bridges:
        k = index[(i, j)]
        cost = np.where(is_hidden, free, base)
        others = np.ones(len(places), dtype=bool)
        others[k] = False
        edges = np.concatenate([others, others])
        matrix = csr_matrix(
            (np.concatenate([cost, cost])[edges], (both_u[edges], both_v[edges])),
            shape=(n_nodes, n_nodes),
        )
        start, goal = n_rows + j, i
        _, before = dijkstra(matrix, directed=True, indices=start, return_predecessors=True)
        node = goal
        chain: list[tuple[int, int]] = []
        while node != start:
            previous = int(before[node])
            if previous < 0:  # only without the kept places: totals always close a cycle
                chain = []
                break
            a, b = (node, previous) if node < n_rows else (previous, node)
            chain.append((a, b - n_rows))
            node = previous
        for place in chain:
            if place not in hidden:
                hidden.add(place)
                is_hidden[index[place]] = True
    return hidden
