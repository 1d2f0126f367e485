"""Shortest chains between many pairs of professionals: compiled breadth-first searches.

One compiled bidirectional search per pair over the CSR arrays of the compact graph
(:mod:`samenwerking.team._kernels`), pairs grouped by the end more of them share, whose
levels are kept for all its pairs. Pairs on different islands are answered from the
connected-component labels.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt

from samenwerking._jit import get_threads
from samenwerking.graph import CompactGraph
from samenwerking.model import Region
from samenwerking.team._kernels import pair_chains
from samenwerking.team.results import TeamGraphError

__all__ = ["BATCH", "Searcher"]

BATCH = 64
"""Sources whose pairs are searched per call of the compiled search (progress is reported
between calls)."""

GROW = 8
"""How strongly a source's search favours growing its own levels, which serve all its
pairs, over its targets' (see :func:`~samenwerking.team._kernels.pair_chains`): measured
best on a national region (1.3x over tie counts alone, 8 against 0, 4 and 16)."""


class Searcher:
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
        self.indptr: npt.NDArray[np.int64] = np.ascontiguousarray(graph.indptr, np.int64)
        self.indices: npt.NDArray[np.int32] = np.ascontiguousarray(graph.indices, np.int32)
        degree = np.diff(self.indptr)
        # Every tie (both directions) as one number, in increasing order: CSR rows come in
        # order and are sorted within, so ``row * n + column`` is sorted.
        self._tie_keys = np.repeat(np.arange(n, dtype=np.int64), degree) * n + self.indices
        # Scratch of the compiled search (one per thread at work), handed back as it came.
        self._spare: queue.SimpleQueue[tuple[npt.NDArray[np.int32], npt.NDArray[np.bool_]]] = (
            queue.SimpleQueue()
        )
        if n:
            _, labels = connected_components(graph.to_scipy(), directed=False)
        else:
            labels = np.zeros(0, np.int32)
        self.component: npt.NDArray[np.int64] = np.asarray(labels, np.int64)
        self.main_org: list[int] = graph.organisation.tolist()

    def _take_scratch(self) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.bool_]]:
        """Scratch for one call of the compiled search: a spare one, or a new one."""
        try:
            return self._spare.get_nowait()
        except queue.Empty:
            n = self.graph.n_nodes
            return np.full((6, n), -1, np.int32), np.zeros(n, np.bool_)

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

        Each pair is searched from both ends (compiled, see
        :mod:`samenwerking.team._kernels`), grouped by the end that more pairs share (the
        *held* end, whose levels serve all its pairs): the pairs of :data:`BATCH` held
        ends per call, the calls spread over :func:`~samenwerking._jit.get_threads`
        threads. Of all shortest chains the one returned is the smallest read from
        ``low`` (by position): at every step from ``low`` it takes the lowest-numbered
        neighbour one step closer to ``high``. It depends only on the graph and the pair.
        ``done(k)`` is called when all pairs of the first ``k`` higher ends (in order of
        first appearance) are searched.
        """
        distinct = list(dict.fromkeys(pairs))
        result: dict[tuple[int, int], tuple[int, ...] | None] = {}
        if not distinct:
            return result
        bound = -1 if max_steps is None else int(max_steps)
        ends = np.array(distinct, np.int64).reshape(-1, 2)
        lows, highs = ends[:, 0], ends[:, 1]
        shared = np.bincount(ends.ravel(), minlength=self.graph.n_nodes)
        from_low = shared[lows] > shared[highs]  # the held end is ``low``
        held = np.where(from_low, lows, highs)
        group = _first_seen(held)
        order = np.argsort(group, kind="stable")
        batch_of = group // BATCH
        n_batches = int(batch_of.max()) + 1
        starts = np.searchsorted(batch_of[order], np.arange(n_batches + 1))
        # The higher ends in order of first appearance, done once their last batch is.
        source = _first_seen(highs)
        last = np.zeros(int(source.max()) + 1, np.int64)
        np.maximum.at(last, source, batch_of)
        finished = np.searchsorted(np.maximum.accumulate(last), np.arange(n_batches), "right")
        first_ends = np.where(from_low, highs, lows)[order]
        held_ends = held[order]
        from_held = from_low[order]

        def search(b: int) -> tuple[npt.NDArray[np.int64], list[int], list[int]]:
            at = slice(starts[b], starts[b + 1])
            scratch, mark = self._take_scratch()
            try:
                ptr, steps = pair_chains(
                    self.indptr,
                    self.indices,
                    first_ends[at],
                    held_ends[at],
                    from_held[at],
                    bound,
                    scratch,
                    mark,
                    GROW,
                )
            finally:
                self._spare.put((scratch, mark))
            return order[at], ptr.tolist(), steps.tolist()

        workers = max(1, min(get_threads(), n_batches))
        with ThreadPoolExecutor(workers) as pool:  # the kernel releases the GIL
            runs = range(n_batches)
            searched = pool.map(search, runs) if workers > 1 else map(search, runs)
            for b, (which, ptr, flat) in zip(runs, searched, strict=True):
                for q, k in enumerate(which.tolist()):
                    found = ptr[q + 1] > ptr[q]
                    result[distinct[k]] = tuple(flat[ptr[q] : ptr[q + 1]]) if found else None
                if done is not None:
                    done(int(finished[b]))
        return result


def _first_seen(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """For each value, the rank of its first appearance among the distinct ``values``.

    >>> _first_seen(np.array([7, 3, 7, 5])).tolist()
    [0, 1, 0, 2]
    """
    _, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    rank = np.empty(len(first), np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return np.asarray(rank[inverse.reshape(-1)], np.int64)
