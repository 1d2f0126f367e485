"""Mixing across sectors and domains: the E-I index, the mixing matrix and assortativity.

The E-I index of Krackhardt and Stern (1988) compares ties that cross a group boundary
(*external*, E) with ties inside a group (*internal*, I): ``(E - I) / (E + I)``, from -1
(everyone keeps to their own group) to +1 (every tie bridges). Nodes with an unknown group
form one more group, labelled ``"unknown"``. Ties are distinct tied pairs (an edge of the
graph), whatever their weight.

References
----------
Krackhardt, D. and Stern, R. N. (1988). Informal networks and organizational crises: an
experimental simulation. *Social Psychology Quarterly* 51(2), 123-140.

Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E* 67, 026126.

Example
-------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
>>> nx.set_node_attributes(G, {"a": "care", "b": "care", "c": "education", "d": "education"},
...                        "domain")
>>> result = ei_index(G)
>>> round(result.value, 3), result.external, result.internal
(-0.333, 1, 2)
>>> mixing_matrix(G).as_dict()[("education", "care")]
1
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking._arguments import check_whole
from samenwerking._jit import get_threads
from samenwerking.analysis import _kernels as kernels
from samenwerking.analysis._ei_kernels import (
    ei_counts,
    internal_after_relabel,
    internal_after_relabels,
    upper_starts,
)
from samenwerking.analysis._input import Groups, as_compact, by_name, group_codes, is_builtin
from samenwerking.analysis._kernels import work_blocks
from samenwerking.analysis._mixing_kernels import dense_codes, group_pair_counts
from samenwerking.graph.compact import CompactGraph
from samenwerking.tabular import Table, Tabular

__all__ = ["EIIndex", "MixingMatrix", "assortativity", "ei_index", "mixing_matrix"]

UNKNOWN = "unknown"
"""The label of the group of nodes whose group is not known."""

SHUFFLE_BATCH_BYTES = 16_000_000
"""At most this many bytes of shuffled orders are counted at once by the E-I permutation test."""

_VOCABULARY = {
    "sector": "sectors",
    "domain": "domains",
    "municipality": "municipalities",
    "organisation": "organisations",
}


# -- shared helpers (also used by cohesion and change) ------------------------------------
def edge_arrays(G: CompactGraph) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:  # noqa: N803
    """Both ends of every undirected edge once, ``u < v``, in CSR order."""
    rows = np.repeat(np.arange(G.n_nodes, dtype=np.int64), np.diff(G.indptr))
    cols = G.indices.astype(np.int64)
    upper = rows < cols
    return rows[upper], cols[upper]


def dense_groups(
    G: CompactGraph,  # noqa: N803
    by: Groups,
    source: nx.Graph | CompactGraph | None = None,
) -> tuple[npt.NDArray[np.int64], tuple[Any, ...]]:
    """Group codes ``0..k-1`` over the groups that have nodes, and their labels.

    Labels follow the vocabulary order, with ``"unknown"`` last when some node has no group.
    ``source`` is the graph given by the caller, for groupings that are not built in.
    """
    if not is_builtin(by):
        found, known = group_codes(G, by, source)
        custom = found.astype(np.int64)
        if (custom < 0).any():
            return np.where(custom < 0, len(known), custom), (*known, UNKNOWN)
        return custom, known
    assert isinstance(by, str)
    vocabulary: tuple[str, ...] = getattr(G, _VOCABULARY[by])
    codes, present = dense_codes(np.asarray(getattr(G, by), np.int64), len(vocabulary) + 1)
    names = (*vocabulary, UNKNOWN)
    return codes, tuple(names[p] for p in present.tolist())


def unique_counts(
    values: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Sorted distinct values and how often each occurs (sorting beats hashing here)."""
    ordered = np.sort(values)
    if not len(ordered):
        return ordered, np.zeros(0, np.int64)
    first = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    return ordered[first], np.diff(np.append(first, len(ordered)))


def contains(values: npt.NDArray[np.int64], pool: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Whether each value occurs in ``pool`` (as ``numpy.isin``, by sorting and bisection)."""
    ordered = np.sort(pool)
    if not len(ordered):
        return np.zeros(len(values), bool)
    at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    found: npt.NDArray[np.bool_] = ordered[at] == values
    return found


# -- the E-I index --------------------------------------------------------------------------
def _ratio(external: float, internal: float) -> float:
    total = external + internal
    return (external - internal) / total if total else float("nan")


@frozen(repr=False)
class EIIndex(Tabular):
    """The E-I index of a graph: whole, per group and per node, with its expected value.

    ``to_frame()`` has one row per group; ``to_frames()["nodes"]`` one per node.
    """

    value: float
    """``(E - I) / (E + I)`` over all ties (``nan`` for a graph without ties)."""
    external: int
    """The number of ties between two groups (E)."""
    internal: int
    """The number of ties inside one group (I)."""
    expected: float
    """The whole-network value expected under random mixing, given the group sizes."""
    groups: dict[str, float] = field(factory=dict)
    """Per group (by label, vocabulary order): its ties to other groups against its ties
    inside; groups without ties are left out."""
    nodes: dict[Hashable, float] = field(factory=dict)
    """Per node id (graph order): its ties to other groups against ties to its own;
    nodes without ties are left out."""
    by: str = "domain"
    """The node attribute that defines the groups."""
    permutations: int = 0
    """The number of label permutations drawn for the test (0: no test)."""
    p_value: float | None = None
    """Two-sided permutation p-value: the share of permutations (counting the observed one)
    whose value lies at least as far from :attr:`expected` as the observed value does."""
    permutation_mean: float | None = None
    """The mean whole-network value over the permutations."""

    @property
    def difference(self) -> float:
        """The observed value minus the expected value (negative: more inward than chance)."""
        return self.value - self.expected

    def _tables(self) -> tuple[Table, ...]:
        return (
            Table("groups", ("group", "ei_index"), list(self.groups.items())),
            Table("nodes", ("node", "ei_index"), list(self.nodes.items())),
        )

    def _notes(self) -> tuple[str, ...]:
        notes = [
            f"E-I index {self.value:.3f}, expected {self.expected:.3f} under random mixing",
            f"{self.external} ties between groups, {self.internal} inside (by {self.by})",
        ]
        if self.p_value is not None:
            notes.append(f"p = {self.p_value:.3g} over {self.permutations} permutations")
        return tuple(notes)

    def __repr__(self) -> str:
        return (
            f"<EIIndex by {self.by!r}: {self.value:.3f} (expected {self.expected:.3f}), "
            f"{self.external} external and {self.internal} internal ties, "
            f"{len(self.groups)} groups>"
        )


def ei_index(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    by: Groups = "domain",
    permutations: int = 0,
    seed: int | np.random.Generator | None = None,
) -> EIIndex:
    """The Krackhardt-Stern E-I index of a collaboration graph.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The graph; nodes carry the ``by`` attribute (missing: group ``"unknown"``).
    by : str or mapping
        What defines the groups: ``"domain"``, ``"sector"``, ``"municipality"``,
        ``"organisation"``, any other node attribute of a networkx graph, or a mapping from
        node to group.
    permutations : int
        If positive, shuffle the group labels over the nodes this many times (keeping the
        group sizes and the ties) to test the whole-network value against chance.
    seed : int, numpy Generator or None
        Seeds the permutations.

    Returns
    -------
    EIIndex
        The whole-network value with E and I, the value expected under random mixing
        ``1 - 2 * sum_g n_g (n_g - 1) / (n (n - 1))`` (Krackhardt and Stern's baseline for
        the group sizes), per group and per node values and, with ``permutations``, the
        p-value and the permutation mean.

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` or a negative ``permutations``.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("a", "c")])
    >>> nx.set_node_attributes(G, {"a": "care", "b": "care", "c": "education"}, "domain")
    >>> result = ei_index(G, permutations=100, seed=1)
    >>> result.value, result.groups, result.nodes["a"]
    (0.0, {'education': 1.0, 'care': 0.0}, 0.0)
    """
    check_whole(permutations, "permutations", minimum=0)
    return _ei_index(as_compact(G), by, permutations, seed, with_nodes=True, source=G)


def _ei_index(  # the body of ei_index; compare skips the per-node values
    C: CompactGraph,  # noqa: N803
    by: Groups,
    permutations: int = 0,
    seed: int | np.random.Generator | None = None,
    *,
    with_nodes: bool = True,
    source: nx.Graph | CompactGraph | None = None,
) -> EIIndex:
    group, labels = dense_groups(C, by, source)
    k = len(labels)
    indptr = np.ascontiguousarray(C.indptr, np.int64)
    indices = np.ascontiguousarray(C.indices, np.int32)
    internal, inside, outside, node_same = ei_counts(indptr, indices, group, k)
    ties = len(indices) // 2
    external = ties - internal
    # Per group: internal ties count once, external ties once for each end's group.
    groups = {
        labels[g]: _ratio(float(outside[g]), float(inside[g]))
        for g in range(k)
        if inside[g] + outside[g]
    }

    # Per node: its ties to other groups less those to its own, over its degree.
    n = C.n_nodes
    degree = np.diff(C.indptr)
    with np.errstate(invalid="ignore", divide="ignore"):
        node_value = (degree - 2 * node_same) / degree
    ids = C.ids
    nodes = (
        dict(
            zip(
                [ids[i] for i in np.flatnonzero(degree).tolist()],
                node_value[degree > 0].tolist(),
                strict=True,
            )
        )
        if with_nodes
        else {}
    )

    sizes = np.bincount(group, minlength=k).astype(np.float64)
    expected = (
        1.0 - 2.0 * float((sizes * (sizes - 1)).sum()) / (n * (n - 1)) if n >= 2 else float("nan")
    )
    value = _ratio(float(external), float(internal))
    p_value = mean = None
    if permutations and ties:
        rng = np.random.default_rng(seed)
        draws = _permuted_internal(group, indptr, indices, permutations, rng)
        values = (ties - 2.0 * draws) / ties
        mean = float(values.mean())
        tolerance = 1e-12 * max(1.0, abs(value))
        extreme = np.abs(values - expected) >= abs(value - expected) - tolerance
        p_value = float((int(extreme.sum()) + 1) / (permutations + 1))
    return EIIndex(
        value=value,
        external=external,
        internal=internal,
        expected=expected,
        groups=groups,
        nodes=nodes,
        by=by_name(by),
        permutations=permutations,
        p_value=p_value,
        permutation_mean=mean,
    )


def _permuted_internal(
    group: npt.NDArray[np.int64],
    indptr: npt.NDArray[np.int64],
    indices: npt.NDArray[np.int32],
    permutations: int,
    rng: np.random.Generator,
) -> npt.NDArray[np.int64]:
    """The number of internal ties after each of ``permutations`` label shuffles.

    numpy draws the shuffles in order; above the parallel threshold a batch of them (at
    most :data:`SHUFFLE_BATCH_BYTES` of orders) is counted at once, one shuffle per thread
    at a time, so the counts are those of drawing and counting one by one.
    """
    codes = np.ascontiguousarray(group, np.int64)
    upper = upper_starts(indptr, indices)
    out = np.empty(permutations, np.int64)
    n, ties = len(codes), len(indices) // 2
    threads = get_threads()
    batch = min(permutations, 8 * threads, max(1, SHUFFLE_BATCH_BYTES // (8 * max(n, 1))))
    if threads < 2 or batch < 2 or ties * batch < kernels.PARALLEL_WORK:
        for i in range(permutations):  # numpy draws each shuffle, a compiled loop counts it
            order = rng.permutation(n).astype(np.int64, copy=False)
            out[i] = internal_after_relabel(indptr, upper, indices, codes, order)
        return out
    orders = np.empty((batch, n), np.int64)
    for start in range(0, permutations, batch):
        rows = orders[: min(batch, permutations - start)]
        for row in rows:
            row[:] = rng.permutation(n)
        internal_after_relabels(indptr, upper, indices, codes, rows, out[start : start + len(rows)])
    return out


# -- mixing matrix and assortativity --------------------------------------------------------
@frozen(repr=False)
class MixingMatrix(Tabular):
    """Tie counts between groups, counted from both ends as networkx does.

    ``counts[i, j]`` (``i != j``) is the number of ties between group ``labels[i]`` and
    group ``labels[j]``; ``counts[i, i]`` is twice the number of ties inside group
    ``labels[i]`` (each tie is seen from both of its ends), so the matrix equals
    ``networkx.attribute_mixing_matrix(G, by, normalized=False)`` up to label order.
    """

    labels: tuple[str, ...]
    """The groups that have nodes, in vocabulary order (``"unknown"`` last)."""
    counts: npt.NDArray[np.int64] = field(eq=False)
    """The symmetric ``len(labels) x len(labels)`` matrix of counts."""
    by: str = "domain"
    """The node attribute that defines the groups."""

    def as_dict(self) -> dict[tuple[str, str], int]:
        """Ties per unordered group pair ``(a, b)``, ``a`` first in label order, zeros left out.

        Unlike :attr:`counts`, a tie inside a group counts once.
        """
        out: dict[tuple[str, str], int] = {}
        k = len(self.labels)
        for i in range(k):
            for j in range(i, k):
                ties = int(self.counts[i, j]) // (2 if i == j else 1)
                if ties:
                    out[(self.labels[i], self.labels[j])] = ties
        return out

    @property
    def ties(self) -> int:
        """The number of ties counted."""
        return int(self.counts.sum()) // 2

    @property
    def share_within(self) -> float:
        """The share of ties inside a group (``nan`` without ties)."""
        total = self.counts.sum()
        return float(np.trace(self.counts) / total) if total else float("nan")

    def normalized(self) -> npt.NDArray[np.float64]:
        """The counts divided by their sum (Newman's ``e`` matrix)."""
        total = self.counts.sum()
        return self.counts / total if total else np.zeros(self.counts.shape)

    def _tables(self) -> tuple[Table, ...]:
        matrix = Table(
            "matrix",
            ("group", *self.labels),
            [
                (label, *(int(c) for c in row))
                for label, row in zip(self.labels, self.counts, strict=True)
            ],
        )
        pairs = Table(
            "pairs",
            ("group", "other_group", "ties"),
            [(*k, v) for k, v in self.as_dict().items()],
            2,
        )
        return matrix, pairs

    def _notes(self) -> tuple[str, ...]:
        return (f"{self.ties} ties, {self.share_within:.0%} inside a group (by {self.by})",)

    def __repr__(self) -> str:
        return (
            f"<MixingMatrix by {self.by!r}: {len(self.labels)} groups, {self.ties} ties, "
            f"{self.share_within:.0%} within>"
        )


def mixing_matrix(G: nx.Graph | CompactGraph, *, by: Groups = "domain") -> MixingMatrix:  # noqa: N803
    """The mixing matrix of ties between groups.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The graph; nodes carry the ``by`` attribute (missing: group ``"unknown"``).
    by : str or mapping
        What defines the groups: ``"domain"``, ``"sector"``, ``"municipality"``,
        ``"organisation"``, any other node attribute of a networkx graph, or a mapping from
        node to group.

    Returns
    -------
    MixingMatrix
        Labels and the symmetric count matrix (each tie counted from both ends).

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "care", "b": "care", "c": "education"}, "domain")
    >>> m = mixing_matrix(G)
    >>> m.labels, m.counts.tolist(), m.share_within
    (('education', 'care'), [[0, 1], [1, 2]], 0.5)
    """
    C = as_compact(G)  # noqa: N806
    group, labels = dense_groups(C, by, G)
    k = len(labels)
    # Every CSR entry is one end of a tie: counting them all counts each tie from both ends.
    indptr = np.asarray(C.indptr, np.int64)
    blocks = work_blocks(C.n_nodes, lambda: indptr)
    counts = group_pair_counts(indptr, np.asarray(C.indices, np.int32), group, k, blocks)
    return MixingMatrix(labels=labels, counts=counts, by=by_name(by))


def assortativity(G: nx.Graph | CompactGraph, *, by: Groups = "domain") -> float:  # noqa: N803
    """Newman's attribute assortativity coefficient of the groups.

    Equal to ``networkx.attribute_assortativity_coefficient(G, by)``: ``(tr e - ||e^2||) /
    (1 - ||e^2||)`` over the normalised mixing matrix ``e``; ``nan`` when all ties lie inside
    one group, and 0.0 without ties (as networkx).

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("c", "d"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "care", "b": "care", "c": "education",
    ...                            "d": "education"}, "domain")
    >>> round(assortativity(G), 3)
    0.333
    """
    e = mixing_matrix(G, by=by).normalized()
    squared = float((e @ e).sum())
    trace = float(np.trace(e))
    if squared == 1.0:
        return float("nan")
    return (trace - squared) / (1.0 - squared)
