"""Communities: groups of people who work more with each other than with the rest (Louvain).

The Louvain method (Blondel et al. 2008) alternates *local moving* (each node joins the
neighbouring community that raises modularity most) with *aggregation* (each community
becomes one node), until modularity stops rising. This implementation runs compiled
kernels (:mod:`samenwerking.analysis._louvain`) on the CSR arrays: local moving visits the
nodes one by one in a seeded order (runs of consecutive node numbers, shuffled, and
shuffled within, so that nearby rows are read together), revisiting only nodes with a
neighbour that moved (the pruning of Ozaki, Tezuka and Inaba 2016); a community that moving
left in disconnected parts is split into them (splitting always raises modularity), so
every community is connected. The result is deterministic for a given ``seed``.

References
----------
Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008). Fast unfolding
of communities in large networks. *J. Stat. Mech.* P10008.

Ozaki, N., Tezuka, H. and Inaba, M. (2016). A simple acceleration method for the Louvain
algorithm. *International Journal of Computer and Electrical Engineering* 8(3), 207-218.

Newman, M. E. J. and Girvan, M. (2004). Finding and evaluating community structure in
networks. *Physical Review E* 69, 026113 (modularity).

Example
-------
>>> import networkx as nx
>>> G = nx.barbell_graph(5, 0)
>>> result = communities(G, seed=1)
>>> sorted(len(group) for group in result.groups), round(result.modularity, 3)
([5, 5], 0.452)
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import pairwise
from operator import itemgetter
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis._louvain import (
    aggregate,
    block_order,
    connected_parts,
    dense_codes,
    modularity,
    move_nodes,
    ranked_groups,
    unsigned,
)
from samenwerking.analysis._readonly import readonly
from samenwerking.graph.compact import CompactGraph
from samenwerking.progress import Progress, report_progress
from samenwerking.tabular import Table, Tabular

__all__ = ["Communities", "communities", "louvain_membership"]

_THRESHOLD = 1e-7
"""Stop when a level or a sweep raises modularity by less than this (networkx's default)."""
_MAX_SWEEPS = 100
"""The most local-moving sweeps per level."""
_MAX_LEVELS = 64
"""The most aggregation levels."""
_BLOCK = 128
"""Local moving visits the nodes in shuffled runs of this many consecutive node numbers."""

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
UInt32Array = npt.NDArray[np.uint32]


@frozen(repr=False)
class Communities(Tabular):
    """A partition of the nodes into communities, largest first.

    ``to_frame()`` gives each node's community; ``to_frames()["communities"]`` their sizes.
    """

    membership: dict[Hashable, int] = field(factory=dict)
    """Each node id's community number (0 is the largest; equal sizes by first node)."""
    groups: tuple[tuple[Hashable, ...], ...] = ()
    """The members of each community, by community number, in graph order."""
    modularity: float = 0.0
    """The modularity of this partition (with the resolution used; 0.0 without ties)."""

    def __len__(self) -> int:
        return len(self.groups)

    def _tables(self) -> tuple[Table, ...]:
        return (
            Table("nodes", ("node", "community"), list(self.membership.items())),
            Table(
                "communities",
                ("community", "size", "members"),
                [(i, len(group), group) for i, group in enumerate(self.groups)],
            ),
        )

    def __repr__(self) -> str:
        largest = len(self.groups[0]) if self.groups else 0
        return (
            f"<Communities: {len(self.groups)} communities of {len(self.membership)} nodes, "
            f"largest {largest}, modularity {self.modularity:.3f}>"
        )


def communities(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    seed: int | np.random.Generator | None = None,
    resolution: float = 1.0,
    weight: str | None = None,
    progress: Progress | None = None,
) -> Communities:
    """Communities found with the Louvain method, seeded.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The graph (a directed graph is taken as undirected; self loops are ignored).
    seed : int, numpy Generator or None
        Seeds the visiting order; the same seed gives the same communities.
    resolution : float
        Modularity's resolution ``gamma``: above 1 favours smaller communities.
    weight : str or None
        ``None`` counts every tied pair as 1. Otherwise edges are weighted by the number of
        ties behind them: the ``weight`` edge attribute of a networkx graph (e.g. ``"ties"``
        on :func:`samenwerking.to_graph`'s graph; missing: 1), :attr:`CompactGraph.weight`
        for a compact graph.
    progress : Progress or None
        Called as ``progress(level, levels_at_most)`` after each aggregation level.

    Returns
    -------
    Communities
        Membership per node id, the groups and their modularity, equal to
        ``networkx.community.modularity(G, groups, weight=weight, resolution=resolution)``.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"),
    ...               ("d", "e"), ("e", "f"), ("d", "f")])
    >>> result = communities(G, seed=7)
    >>> result.groups
    (('a', 'b', 'c'), ('d', 'e', 'f'))
    >>> result.membership["e"]
    1
    """
    if not np.isfinite(resolution) or resolution <= 0:
        raise InvalidArgumentError(f"resolution must be a positive number (got {resolution!r})")
    if isinstance(G, CompactGraph):
        C = G  # noqa: N806
    elif isinstance(G, nx.Graph):
        C = CompactGraph.from_networkx(G, weight=weight or "ties")  # noqa: N806
    else:
        raise InvalidArgumentError(
            f"expected a networkx graph or a CompactGraph, got {type(G).__name__}"
        )
    rng = np.random.default_rng(seed)
    n = C.n_nodes
    indptr = np.asarray(C.indptr, np.int64)
    indices = unsigned(C.indices)
    data = np.asarray(C.weight, np.float64) if weight is not None else np.ones(1)
    membership, quality = _louvain(indptr, indices, data, n, rng, resolution, progress)
    return _result(C, membership, quality)


def louvain_membership(
    indptr: npt.NDArray[np.integer[Any]],
    indices: npt.NDArray[np.integer[Any]],
    data: FloatArray,
    n: int,
    rng: np.random.Generator,
    resolution: float = 1.0,
    progress: Progress | None = None,
) -> IntArray:
    """Community codes of the nodes of a symmetric CSR graph without self loops.

    ``data`` holds each entry's weight. Levels of local moving and aggregation run until
    a level moves no node (or raises modularity by less than the threshold); a community
    that local moving left in disconnected parts is then split into them, and moving
    resumes from the split.

    Example
    -------
    >>> import numpy as np
    >>> indptr = np.array([0, 1, 2, 3, 4])
    >>> indices = np.array([1, 0, 3, 2])
    >>> louvain_membership(indptr, indices, np.ones(4), 4, np.random.default_rng(0)).tolist()
    [0, 0, 1, 1]
    """
    csr = np.asarray(indptr, np.int64), unsigned(indices)
    return _louvain(*csr, np.asarray(data, np.float64), n, rng, resolution, progress)[0]


def _louvain(
    indptr: IntArray,
    indices: UInt32Array,
    data: FloatArray,
    n: int,
    rng: np.random.Generator,
    resolution: float,
    progress: Progress | None,
) -> tuple[IntArray, float]:
    """:func:`louvain_membership` and the modularity of the partition.

    ``data`` may be one weight for all entries (see :mod:`samenwerking.analysis._louvain`).
    """
    membership = np.arange(n, dtype=np.int64)
    two_m = float(data.sum()) if len(data) == len(indices) else float(data[0]) * len(indices)
    if two_m == 0.0:
        return membership, 0.0
    indptr, indices = readonly(indptr), readonly(indices)  # as every level's: one signature
    graph = (indptr, indices, data, np.zeros(n))
    found = n  # communities in membership, the nodes of graph when a level starts
    for level in range(_MAX_LEVELS):
        size = len(graph[3])
        comm = np.arange(size, dtype=np.int64)
        order = _visit_order(rng, size)
        moves, gained = move_nodes(*graph, comm, order, resolution, two_m, _THRESHOLD, _MAX_SWEEPS)
        report_progress(progress, level + 1, _MAX_LEVELS)
        if moves:
            comm, found = dense_codes(comm)
            membership = comm[membership]
            if 2.0 * gained / two_m >= _THRESHOLD:
                graph = _level(aggregate(*graph, comm, found))
                continue
        parts, count = connected_parts(indptr, indices, membership)
        if count == found:
            break
        membership, found = parts, count
        graph = _level(aggregate(indptr, indices, data, np.zeros(n), membership, found))
    else:
        comm = np.arange(found, dtype=np.int64)
    report_progress(progress, _MAX_LEVELS, _MAX_LEVELS)
    return membership, modularity(*graph, comm, found, resolution, two_m)


def _level(
    graph: tuple[IntArray, UInt32Array, FloatArray, FloatArray],
) -> tuple[IntArray, UInt32Array, FloatArray, FloatArray]:
    """A level graph with read-only CSR arrays, so the level kernels compile once."""
    indptr, indices, data, diag = graph
    return readonly(indptr), readonly(indices), data, diag


def _visit_order(rng: np.random.Generator, size: int) -> IntArray:
    """A seeded order of the nodes: runs of :data:`_BLOCK` neighbouring numbers, shuffled."""
    blocks = rng.permutation(-(-size // _BLOCK)).astype(np.int64)
    return block_order(blocks, rng.random(size), _BLOCK)


def _result(C: CompactGraph, membership: IntArray, quality: float) -> Communities:  # noqa: N803
    n = C.n_nodes
    if n == 0:
        return Communities()
    codes, order, bounds = ranked_groups(membership)
    ids = C.ids
    flat = itemgetter(*order.tolist())(ids) if n > 1 else ids
    edges = bounds.tolist()
    groups = tuple(flat[a:b] for a, b in pairwise(edges))
    return Communities(
        membership=dict(zip(ids, codes.tolist(), strict=True)),
        groups=groups,
        modularity=quality,
    )
