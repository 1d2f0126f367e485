"""Private helpers shared by the analyses: adjacency matrices, group codes, work blocks.

Everything here works on the CSR arrays of a :class:`~samenwerking.graph.compact.CompactGraph`
with numpy and :mod:`scipy.sparse` (the compiled kernels split their nodes with
:func:`work_blocks`); nothing converts through networkx.

Example
-------
>>> import networkx as nx
>>> from samenwerking.analysis._input import as_compact
>>> A = pattern(as_compact(nx.path_graph(3)))
>>> A.toarray().tolist()
[[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking._jit import get_threads
from samenwerking.analysis._input import InvalidArgumentError, as_compact
from samenwerking.graph.compact import CompactGraph

__all__ = [
    "UNKNOWN",
    "group_labels",
    "node_positions",
    "pattern",
    "thread_blocks",
    "weighted",
    "work_blocks",
]

UNKNOWN = "unknown"
"""The label of the group of nodes whose group code is ``-1``."""

PARALLEL_WORK = 8_000_000
"""Below this much work (ties walked, some 20 ms on one core) a compiled kernel runs in one
block on one thread: waking other threads costs microseconds on an idle machine but
milliseconds on a busy one, more than they would save."""


def pattern(G: CompactGraph, dtype: Any = np.float64) -> Any:  # noqa: N803
    """The unweighted adjacency matrix (all stored entries 1) as a ``csr_matrix``."""
    import scipy.sparse as sp  # large: imported when used

    n = G.n_nodes
    ones = np.ones(len(G.indices), dtype=dtype)
    return sp.csr_matrix((ones, G.indices, G.indptr), shape=(n, n), copy=False)


def weighted(G: nx.Graph | CompactGraph, weight: str | None) -> tuple[CompactGraph, Any]:  # noqa: N803
    """The compact graph and its adjacency matrix with ``weight`` (``None``: every edge 1).

    For a networkx graph, ``weight`` names the edge attribute (missing: 1); for a compact
    graph any non-``None`` weight means the tie counts in :attr:`CompactGraph.weight`.
    """
    if weight is None:
        C = as_compact(G)  # noqa: N806
        return C, pattern(C)
    if isinstance(G, CompactGraph):
        return G, G.to_scipy()
    if not isinstance(G, nx.Graph):
        as_compact(G)  # raises the friendly error
    C = CompactGraph.from_networkx(G, weight=weight)  # noqa: N806
    return C, C.to_scipy()


def group_labels(codes: npt.NDArray[Any], labels: Sequence[str]) -> tuple[Any, tuple[str, ...]]:
    """Codes with ``-1`` replaced by a code for ``"unknown"``, and the labels they index."""
    codes = np.asarray(codes, dtype=np.int64)
    if (codes < 0).any():
        full = (*labels, UNKNOWN)
        return np.where(codes < 0, len(labels), codes), full
    return codes, tuple(labels)


def node_positions(G: CompactGraph, nodes: Sequence[Hashable]) -> npt.NDArray[np.int64]:  # noqa: N803
    """Positions of node ids; raises :class:`InvalidArgumentError` for an unknown one."""
    positions = np.empty(len(nodes), np.int64)
    lookup = {node: i for i, node in enumerate(G.ids)} if len(nodes) > 64 else None
    for at, node in enumerate(nodes):
        if lookup is not None:
            if node not in lookup:
                raise InvalidArgumentError(f"node {node!r} is not in the graph")
            positions[at] = lookup[node]
        else:
            try:
                positions[at] = G.index_of(node)
            except LookupError:
                raise InvalidArgumentError(f"node {node!r} is not in the graph") from None
    return positions


def thread_blocks(work: npt.NDArray[np.int64], count: int) -> npt.NDArray[np.int64]:
    """Bounds of ``count`` contiguous blocks of nodes of about equal work.

    ``work`` is the cumulative work, ``n + 1`` long (``work[v]``: the work of nodes
    before ``v``). Block ``b`` is ``range(bounds[b], bounds[b + 1])``; fewer blocks for
    fewer nodes, and at least one.

    Example
    -------
    >>> thread_blocks(np.array([0, 1, 2, 10, 11]), 2).tolist()
    [0, 2, 4]
    """
    n = len(work) - 1
    count = max(1, min(int(count), n))
    targets = work[-1] * np.arange(1, count) / count
    cuts = np.clip(np.searchsorted(work, targets), 1, max(n, 1))
    nearer = targets - work[cuts - 1] < work[cuts] - targets  # the cut just before is closer
    cuts = np.where(nearer, cuts - 1, cuts)
    bounds: npt.NDArray[np.int64] = np.concatenate([[0], cuts, [n]])
    return bounds.astype(np.int64)


def work_blocks(n: int, work: Callable[[], npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
    """Blocks of nodes, one per thread, or the one block ``[0, n]`` for small work.

    ``work`` gives the cumulative work (as for :func:`thread_blocks`); it is only called
    when more than one thread may run.

    Example
    -------
    >>> work_blocks(3, lambda: np.array([0, 1, 2, 3])).tolist()
    [0, 3]
    """
    threads = get_threads()
    if threads > 1:
        cumulative = work()
        if cumulative[-1] >= PARALLEL_WORK:
            return thread_blocks(cumulative, threads)
    return np.array([0, n], np.int64)
