"""Shared helpers for the governance checks: region checks, dates and graph steps.

Example
-------
>>> import networkx as nx
>>> from samenwerking.graph import CompactGraph
>>> G = CompactGraph.from_networkx(nx.path_graph(4))
>>> within_steps(G, 0, 2).tolist()
[False, True, True, False]
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from samenwerking._dates import resolve_today
from samenwerking.errors import InvalidArgumentError
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.model import Region

__all__ = [
    "check_region",
    "graph_of",
    "neighbours_of",
    "ranges",
    "resolve_today",
    "sorted_unique",
    "within_steps",
]


def check_region(region: object, function: str) -> Region:
    """``region`` itself, or an :class:`InvalidArgumentError` naming ``function``."""
    if not isinstance(region, Region):
        raise InvalidArgumentError(f"{function} needs a Region, got {type(region).__name__}")
    return region


def graph_of(region: Region, graph: CompactGraph | None) -> CompactGraph:
    """The given compact graph of ``region``, or a new one; checks that the nodes match."""
    if graph is None:
        return compact_graph(region)
    if not isinstance(graph, CompactGraph):
        raise InvalidArgumentError(
            f"graph must be a CompactGraph of the region, got {type(graph).__name__}"
        )
    if graph.n_nodes != len(region.professionals):
        raise InvalidArgumentError(
            f"graph has {graph.n_nodes} nodes but the region has "
            f"{len(region.professionals)} professionals; pass compact_graph(region)"
        )
    return graph


def neighbours_of(G: CompactGraph, nodes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:  # noqa: N803
    """Every neighbour of the given nodes, with repeats, gathered without a Python loop."""
    starts = G.indptr[nodes].astype(np.int64)
    picked = G.indices[ranges(starts, G.indptr[nodes + 1] - starts)]
    return picked.astype(np.int64)


def ranges(starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """``concatenate([arange(s, s + n) for s, n in zip(starts, lengths)])``, vectorised.

    Example
    -------
    >>> ranges(np.array([5, 0]), np.array([2, 3])).tolist()
    [5, 6, 0, 1, 2]
    """
    total = int(lengths.sum())
    if not total:
        return np.empty(0, np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    out: npt.NDArray[np.int64] = offsets + np.arange(total)
    return out


def within_steps(G: CompactGraph, source: int, steps: int) -> npt.NDArray[np.bool_]:  # noqa: N803
    """Which nodes lie 1 to ``steps`` steps from ``source`` (the source itself excluded)."""
    seen = np.zeros(G.n_nodes, bool)
    seen[source] = True
    frontier = np.array([source], np.int64)
    for _ in range(steps):
        found = neighbours_of(G, frontier)
        found = np.unique(found[~seen[found]])
        if not len(found):
            break
        seen[found] = True
        frontier = found
    seen[source] = False
    return seen


def sorted_unique(values: Iterable[str]) -> tuple[str, ...]:
    """Distinct values, sorted."""
    return tuple(sorted(set(values)))
