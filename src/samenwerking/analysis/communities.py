"""Communities: groups of people who work more with each other than with the rest (Louvain).

The Louvain method (Blondel et al. 2008) alternates *local moving* (each node joins the
neighbouring community that raises modularity most) with *aggregation* (each community
becomes one node), until modularity stops rising. This implementation runs on the CSR
arrays with numpy: local moving visits the nodes colour class by colour class (a colour
class holds no two neighbours, found with the Jones-Plassmann scheme from seeded random
priorities), moving a whole class at once, as in the parallel Louvain of Lu, Halappanavar
and Kalyanaraman (2015). The result is deterministic for a given ``seed``.

References
----------
Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008). Fast unfolding
of communities in large networks. *J. Stat. Mech.* P10008.

Lu, H., Halappanavar, M. and Kalyanaraman, A. (2015). Parallel heuristics for scalable
community detection. *Parallel Computing* 47, 19-37.

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

import networkx as nx
import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.graph.compact import CompactGraph
from samenwerking.progress import Progress, report_progress
from samenwerking.tabular import Table, Tabular

__all__ = ["SEQUENTIAL_ENTRIES", "Communities", "communities", "louvain_membership"]

_THRESHOLD = 1e-7
"""Stop when a level or a sweep raises modularity by less than this (networkx's default)."""
_MAX_SWEEPS = 100
"""The most local-moving sweeps per level."""
_MAX_LEVELS = 64
"""The most aggregation levels."""
SEQUENTIAL_ENTRIES = 50_000
"""Level graphs with at most this many CSR entries are moved node by node (classic
Louvain, in a tight loop); larger ones colour class by colour class (vectorised)."""

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


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
    indptr = C.indptr.astype(np.int64)
    indices = C.indices.astype(np.int64)
    data = C.weight.astype(np.float64) if weight is not None else np.ones(len(indices))
    membership = louvain_membership(indptr, indices, data, n, rng, resolution, progress)
    return _result(C, indptr, indices, data, membership, resolution)


def louvain_membership(
    indptr: IntArray,
    indices: IntArray,
    data: FloatArray,
    n: int,
    rng: np.random.Generator,
    resolution: float = 1.0,
    progress: Progress | None = None,
    sequential_entries: int | None = None,
) -> IntArray:
    """Community codes of the nodes of a symmetric CSR graph without self loops.

    ``sequential_entries`` defaults to :data:`SEQUENTIAL_ENTRIES`.
    """
    if sequential_entries is None:
        sequential_entries = SEQUENTIAL_ENTRIES
    membership = np.arange(n, dtype=np.int64)
    diag = np.zeros(n)
    two_m = float(data.sum())
    if two_m == 0.0:
        return membership
    quality = _modularity(indptr, indices, data, diag, membership, resolution, two_m)
    for level in range(_MAX_LEVELS):
        size = len(diag)
        mover = _sequential_moving if len(indices) <= sequential_entries else _local_moving
        comm = mover(indptr, indices, data, diag, rng, resolution, two_m)
        labels, comm = np.unique(comm, return_inverse=True)
        report_progress(progress, level + 1, _MAX_LEVELS)
        if len(labels) == size:
            break
        membership = comm[membership]
        new_quality = _modularity(
            indptr, indices, data, diag, comm, resolution, two_m
        )  # of the moved partition, on this level's graph
        indptr, indices, data, diag = _aggregate(indptr, indices, data, diag, comm, len(labels))
        if new_quality - quality < _THRESHOLD:
            break
        quality = new_quality
    report_progress(progress, _MAX_LEVELS, _MAX_LEVELS)
    return membership


def _modularity(
    indptr: IntArray,
    indices: IntArray,
    data: FloatArray,
    diag: FloatArray,
    comm: IntArray,
    resolution: float,
    two_m: float,
) -> float:
    rows = np.repeat(np.arange(len(diag)), np.diff(indptr))
    inside = float(data[comm[rows] == comm[indices]].sum()) + float(diag.sum())
    degree = np.bincount(rows, weights=data, minlength=len(diag)) + diag
    totals = np.bincount(comm, weights=degree)
    return inside / two_m - resolution * float((totals**2).sum()) / two_m**2


def _strength(indptr: IntArray, data: FloatArray, diag: FloatArray) -> FloatArray:
    """Each node's weighted degree: its row sum plus its self-loop weight."""
    rows = np.repeat(np.arange(len(diag)), np.diff(indptr))
    strength: FloatArray = np.bincount(rows, weights=data, minlength=len(diag)) + diag
    return strength


def _segments(indptr: IntArray, nodes: IntArray) -> tuple[IntArray, IntArray]:
    """Positions in ``indices`` of the neighbours of ``nodes``, and which node each is of."""
    starts = indptr[nodes]
    lengths = indptr[nodes + 1] - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(nodes)), lengths)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    return offsets, owner


def _colour_classes(
    indptr: IntArray, indices: IntArray, rng: np.random.Generator
) -> list[IntArray]:
    """Independent sets covering all nodes (Jones-Plassmann with random priorities)."""
    n = len(indptr) - 1
    priority = rng.permutation(n)
    rows = np.repeat(np.arange(n), np.diff(indptr))
    cols = indices
    left = np.ones(n, bool)
    classes: list[IntArray] = []
    while True:
        active = left[rows] & left[cols]
        rows, cols = rows[active], cols[active]
        highest = np.full(n, -1, np.int64)
        np.maximum.at(highest, rows, priority[cols])
        chosen = left & (priority > highest)
        picked = np.flatnonzero(chosen)
        if not len(picked):
            break
        classes.append(picked)
        left[picked] = False
    return classes


def _local_moving(
    indptr: IntArray,
    indices: IntArray,
    data: FloatArray,
    diag: FloatArray,
    rng: np.random.Generator,
    resolution: float,
    two_m: float,
) -> IntArray:
    """Move nodes between communities until no move raises modularity."""
    n = len(diag)
    degree = _strength(indptr, data, diag)
    comm = np.arange(n, dtype=np.int64)
    totals = degree.copy()
    classes = [c for c in _colour_classes(indptr, indices, rng) if len(c)]
    scale = resolution / two_m
    # Only nodes whose neighbourhood changed since they were last visited can gain.
    active = np.ones(n, bool)
    for _ in range(_MAX_SWEEPS):
        moved = 0
        gained = 0.0  # the sum of the movers' gains: the sweep's rise in modularity
        for c in rng.permutation(len(classes)).tolist():
            nodes = classes[c]
            nodes = nodes[active[nodes]]
            active[nodes] = False
            offsets, owner = _segments(indptr, nodes)
            if not len(offsets):
                continue
            key = owner * np.int64(n) + comm[indices[offsets]]
            order = np.argsort(key, kind="stable")
            key = key[order]
            first = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
            links = np.add.reduceat(data[offsets][order], first)
            row, target = np.divmod(key[first], np.int64(n))
            node = nodes[row]
            k = degree[node]
            own = comm[node]
            is_own = target == own
            score = links - scale * k * (totals[target] - np.where(is_own, k, 0.0))
            # Each row's current score: its links into its own community (maybe none).
            stay = -scale * degree[nodes] * (totals[comm[nodes]] - degree[nodes])
            stay[row[is_own]] += links[is_own]
            row_start = np.flatnonzero(np.concatenate([[True], row[1:] != row[:-1]]))
            best = np.maximum.reduceat(score, row_start)
            rows_here = row[row_start]
            spread = np.repeat(best, np.diff(np.append(row_start, len(row))))
            winner = np.flatnonzero(score >= spread)  # ties: the smallest community code
            winner = winner[np.concatenate([[True], row[winner][1:] != row[winner][:-1]])]
            gain = best - stay[rows_here]
            go = (gain > 1e-12 * np.maximum(1.0, np.abs(best))) & ~is_own[winner]
            if not go.any():
                continue
            movers = nodes[rows_here[go]]
            new = target[winner[go]]
            weights = degree[movers]
            np.subtract.at(totals, comm[movers], weights)
            np.add.at(totals, new, weights)
            comm[movers] = new
            moved += len(movers)
            gained += float(gain[go].sum())
            active[indices[_segments(indptr, movers)[0]]] = True
        if not moved or 2.0 * gained / two_m < _THRESHOLD:
            break
    return comm


def _sequential_moving(
    indptr: IntArray,
    indices: IntArray,
    data: FloatArray,
    diag: FloatArray,
    rng: np.random.Generator,
    resolution: float,
    two_m: float,
) -> IntArray:
    """Classic Louvain local moving, one node at a time in a seeded random order."""
    n = len(diag)
    degree = _strength(indptr, data, diag).tolist()
    totals = list(degree)
    comm = list(range(n))
    ptr, neighbours, weights = indptr.tolist(), indices.tolist(), data.tolist()
    order = rng.permutation(n).tolist()
    scale = resolution / two_m
    for _ in range(_MAX_SWEEPS):
        moved = 0
        for i in order:
            start, end = ptr[i], ptr[i + 1]
            if start == end:
                continue
            links: dict[int, float] = {}
            for p in range(start, end):
                c = comm[neighbours[p]]
                links[c] = links.get(c, 0.0) + weights[p]
            own = comm[i]
            k = degree[i]
            totals[own] -= k
            best = own
            best_score = links.get(own, 0.0) - scale * k * totals[own]
            for c, linked in links.items():
                score = linked - scale * k * totals[c]
                if score > best_score + 1e-12 * max(1.0, abs(score)):
                    best, best_score = c, score
            totals[best] += k
            if best != own:
                comm[i] = best
                moved += 1
        if not moved:
            break
    return np.array(comm, np.int64)


def _aggregate(
    indptr: IntArray,
    indices: IntArray,
    data: FloatArray,
    diag: FloatArray,
    comm: IntArray,
    size: int,
) -> tuple[IntArray, IntArray, FloatArray, FloatArray]:
    """The graph of the communities: off-diagonal CSR arrays and the self weights."""
    from scipy.sparse import coo_matrix

    rows = comm[np.repeat(np.arange(len(diag)), np.diff(indptr))]
    cols = comm[indices]
    inner = rows == cols
    new_diag: FloatArray = np.bincount(rows[inner], weights=data[inner], minlength=size).astype(
        np.float64
    )
    new_diag += np.bincount(comm, weights=diag, minlength=size)
    outer = coo_matrix((data[~inner], (rows[~inner], cols[~inner])), shape=(size, size)).tocsr()
    outer.sum_duplicates()
    out_indptr: IntArray = outer.indptr.astype(np.int64)
    out_indices: IntArray = outer.indices.astype(np.int64)
    out_data: FloatArray = outer.data.astype(np.float64)
    return out_indptr, out_indices, out_data, new_diag


def _result(
    C: CompactGraph,  # noqa: N803
    indptr: IntArray,
    indices: IntArray,
    data: FloatArray,
    membership: IntArray,
    resolution: float,
) -> Communities:
    n = C.n_nodes
    if n == 0:
        return Communities()
    sizes = np.bincount(membership)
    first = np.full(len(sizes), n, np.int64)
    np.minimum.at(first, membership, np.arange(n))
    present = np.flatnonzero(sizes)
    order = present[np.lexsort((first[present], -sizes[present]))]
    rank = np.empty(len(sizes), np.int64)
    rank[order] = np.arange(len(order))
    codes = rank[membership]
    two_m = float(data.sum())
    quality = (
        _modularity(indptr, indices, data, np.zeros(n), codes, resolution, two_m) if two_m else 0.0
    )
    ids = C.ids
    by_group = np.argsort(codes, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(codes))]).tolist()
    ordered = by_group.tolist()
    groups = tuple(
        tuple(ids[i] for i in ordered[bounds[g] : bounds[g + 1]]) for g in range(len(order))
    )
    return Communities(
        membership=dict(zip(ids, codes.tolist(), strict=True)),
        groups=groups,
        modularity=quality,
    )
