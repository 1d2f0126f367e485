"""Brokerage roles (Gould and Fernandez 1989) by sector, domain, municipality or organisation.

A broker ``b`` sits in the middle of an *open two-path* ``a -> b -> c``: ``a`` and ``c``
are different people and there is no tie ``a -> c``. The groups of the three name the role:

=================  =========================================  ==========
role               groups                                     G&F symbol
=================  =========================================  ==========
coordinator        a, b and c in one group                    w_I
consultant         a and c in one group, b in another         w_O
representative     a and b in one group, c in another         b_IO
gatekeeper         b and c in one group, a in another         b_OI
liaison            all three in different groups              b_O
=================  =========================================  ==========

For a directed graph (a networkx ``DiGraph`` or a :class:`CompactDiGraph`, e.g.
``compact_digraph(region)``) the arcs are used as they are. For an undirected graph (and
for a :class:`CompactGraph`, which is undirected) every tie counts in both directions, so
each open pair ``{a, c}`` around ``b`` is counted twice, once each way: representative and
gatekeeper counts are then equal, and every count is even. Nodes without a group form the
group ``"unknown"``.

The counts are computed per broker from group counts of its in- and out-neighbours; the
closed two-paths (those with a tie ``a -> c``) are subtracted with sparse products
restricted to the ties, so no two-path is enumerated in Python.

References
----------
Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach to
brokerage in transaction networks. *Sociological Methodology* 19, 89-126.

Example
-------
>>> import networkx as nx
>>> G = nx.DiGraph([("a", "b"), ("b", "c")])
>>> nx.set_node_attributes(G, {"a": "education", "b": "care", "c": "care"}, "domain")
>>> brokerage_roles(G)["b"]
BrokerageRoles(coordinator=0, gatekeeper=1, representative=0, consultant=0, liaison=0)
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from attrs import frozen

from samenwerking.analysis._input import Groups, as_compact, group_codes
from samenwerking.analysis._kernels import group_labels, pattern, row_chunks
from samenwerking.graph.compact import CompactDiGraph, CompactGraph
from samenwerking.tabular import Table, Tabular

__all__ = ["BrokerageRoles", "brokerage_roles"]


@frozen
class BrokerageRoles(Tabular):
    """How often one node brokers an open two-path, by role (Gould and Fernandez 1989)."""

    coordinator: int
    """Brokering within its own group (a, b, c in one group)."""
    gatekeeper: int
    """Letting an outsider in: a from another group, c from the broker's group."""
    representative: int
    """Speaking for its group to outsiders: a from the broker's group, c from another."""
    consultant: int
    """Serving another group from outside: a and c in one group, the broker elsewhere."""
    liaison: int
    """Linking two other groups: a, b and c in three different groups."""

    @property
    def total(self) -> int:
        """All open two-paths through the node."""
        return (
            self.coordinator
            + self.gatekeeper
            + self.representative
            + self.consultant
            + self.liaison
        )

    def _tables(self) -> tuple[Table, ...]:
        columns = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")
        row = (*(getattr(self, c) for c in columns), self.total)
        return (Table("roles", (*columns, "total"), [row], index=0),)


def brokerage_roles(
    G: nx.Graph | CompactGraph | CompactDiGraph,  # noqa: N803
    *,
    by: Groups = "domain",
) -> dict[Hashable, BrokerageRoles]:
    """Gould-Fernandez brokerage counts of every node, with groups given by ``by``.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph, CompactGraph or CompactDiGraph
        The collaboration graph. A directed graph is used with its arcs; ties of an
        undirected graph count in both directions.
    by : str or mapping
        What defines the groups: ``"domain"``, ``"sector"``, ``"municipality"``,
        ``"organisation"``, any other node attribute of a networkx graph, or a mapping from
        node to group.

    Returns
    -------
    dict
        :class:`BrokerageRoles` by node id, in node order.

    Raises
    ------
    InvalidArgumentError
        If ``by`` is not a grouping.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(G, "care", "domain")
    >>> brokerage_roles(G)["b"].coordinator  # a-b-c and c-b-a
    2
    """
    D = CompactDiGraph.from_networkx(G) if isinstance(G, nx.DiGraph) else G  # noqa: N806
    D = D if isinstance(D, CompactDiGraph) else None  # noqa: N806
    C = as_compact(G) if D is None else D.undirected  # noqa: N806
    codes, labels = group_codes(C, by, G)
    group, _ = group_labels(codes, labels)
    n = C.n_nodes
    if n == 0:
        return {}
    out = pattern(C, np.int64) if D is None else _arcs(D)
    into = out.T.tocsr()  # row b: the a with a -> b
    into.sort_indices()
    counts = _counts(into, out, group)
    names = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")
    rows = zip(*(counts[name].tolist() for name in names), strict=True)
    return {node: BrokerageRoles(*row) for node, row in zip(C.ids, rows, strict=True)}


def _arcs(D: CompactDiGraph) -> Any:  # noqa: N803
    """The arcs as an ``int64`` CSR pattern (row: tail), built on the graph's arrays."""
    n = D.n_nodes
    data = np.ones(D.n_arcs, np.int64)
    return sp.csr_matrix((data, D.indices, D.indptr), shape=(n, n))


def _split(matrix: Any, group: npt.NDArray[np.int64]) -> tuple[Any, Any]:
    """Entries whose column is in the row's group, and the others."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    same = group[matrix.indices] == group[rows]
    shape = matrix.shape

    def keep(mask: npt.NDArray[np.bool_]) -> Any:
        data = np.where(mask, matrix.data, 0)
        part = sp.csr_matrix((data, matrix.indices.copy(), matrix.indptr.copy()), shape=shape)
        part.eliminate_zeros()
        return part

    return keep(same), keep(~same)


def _row_sum(matrix: Any) -> npt.NDArray[np.int64]:
    return np.asarray(matrix.sum(axis=1), dtype=np.int64).ravel()


def _counts(into: Any, out: Any, group: npt.NDArray[np.int64]) -> dict[str, Any]:
    """The five role counts per broker; ``into`` and ``out`` are in-/out-neighbour rows."""
    n = out.shape[0]
    in_same, in_other = _split(into, group)
    out_same, out_other = _split(out, group)
    n_in_same, n_in_other = _row_sum(in_same), _row_sum(in_other)
    n_out_same, n_out_other = _row_sum(out_same), _row_sum(out_other)
    # Ordered pairs (a, c) around b with a and c in one group (a = c included).
    onehot = sp.csr_matrix(
        (np.ones(n, np.int64), (np.arange(n), group)), shape=(n, int(group.max()) + 1)
    )
    same_group_pairs = _row_sum((into @ onehot).multiply(out @ onehot))
    other_same_pairs = same_group_pairs - n_in_same * n_out_same  # a, c in one other group
    # a = c: mutual ties, in the broker's group or another.
    mutual = into.multiply(out)
    mutual_same, mutual_other = _split(sp.csr_matrix(mutual), group)
    coordinator = n_in_same * n_out_same - _row_sum(mutual_same)
    consultant = other_same_pairs - _row_sum(mutual_other)
    representative = n_in_same * n_out_other
    gatekeeper = n_in_other * n_out_same
    liaison = n_in_other * n_out_other - other_same_pairs
    # Closed two-paths a -> b -> c with an arc a -> c.
    if _closed_at_once(
        into, out, group, coordinator, gatekeeper, representative, consultant, liaison
    ):
        return {
            "coordinator": coordinator,
            "gatekeeper": gatekeeper,
            "representative": representative,
            "consultant": consultant,
            "liaison": liaison,
        }
    arcs_same_group = _pair_same(out, group)
    for start, stop, closed in row_chunks(in_same, out):
        coordinator[start:stop] -= _row_sum(closed.multiply(out_same[start:stop]))
        representative[start:stop] -= _row_sum(closed.multiply(out_other[start:stop]))
    for start, stop, closed in row_chunks(in_other, out):
        gatekeeper[start:stop] -= _row_sum(closed.multiply(out_same[start:stop]))
        liaison[start:stop] -= _row_sum(closed.multiply(out_other[start:stop]))
    for start, stop, closed in row_chunks(in_other, arcs_same_group):
        # Of the closed other-other paths, those with a and c in one group are consultant.
        shared = _row_sum(closed.multiply(out_other[start:stop]))
        consultant[start:stop] -= shared
        liaison[start:stop] += shared
    return {
        "coordinator": coordinator,
        "gatekeeper": gatekeeper,
        "representative": representative,
        "consultant": consultant,
        "liaison": liaison,
    }


_FIELD = 21
"""Bits per count in the packed product of :func:`_closed_at_once`."""


def _closed_at_once(
    into: Any,
    out: Any,
    group: npt.NDArray[np.int64],
    *roles: npt.NDArray[np.int64],
) -> bool:
    """Subtract the closed two-paths from the five role counts with one sparse product.

    Row ``b`` of ``into`` holds 1 for an ``a`` in ``b``'s group and ``2**21`` for one
    outside; an arc ``a -> c`` holds ``1 + 2**21`` when ``a`` and ``c`` share a group, else
    1. At an arc ``b -> c`` the product packs three counts of the ``a`` with ``a -> b`` and
    ``a -> c``: bits 0-20 those in ``b``'s group; bits 21-41 those outside it (plus, when
    ``c`` is in ``b``'s group, the first count again); bits 42-62 those outside ``b``'s
    group sharing ``c``'s (only when ``c`` is outside ``b``'s group; else none can).
    Returns False, doing nothing, when a count could overflow its 21 bits.
    """
    coordinator, gatekeeper, representative, consultant, liaison = roles
    n = out.shape[0]
    if n >= 1 << _FIELD or (into.nnz and int(np.diff(into.indptr).max()) >= 1 << _FIELD):
        return False
    low = np.int64((1 << _FIELD) - 1)

    def coded(matrix: Any, values: npt.NDArray[np.int64]) -> Any:
        return sp.csr_matrix((values, matrix.indices, matrix.indptr), shape=matrix.shape)

    rows_in = np.repeat(np.arange(n), np.diff(into.indptr))
    left = coded(into, np.where(group[into.indices] == group[rows_in], 1, 1 << _FIELD))
    rows_out = np.repeat(np.arange(n), np.diff(out.indptr))
    same_ac = group[out.indices] == group[rows_out]
    right = coded(out, np.where(same_ac, 1 + (1 << _FIELD), 1).astype(np.int64))
    for start, stop, product in row_chunks(left, right):
        closed = sp.csr_matrix(product.multiply(out[start:stop]))
        b = np.repeat(np.arange(start, stop), np.diff(closed.indptr))
        packed = closed.data.astype(np.int64)
        inside = group[closed.indices] == group[b]  # c in b's group
        first = packed & low
        second = (packed >> _FIELD) & low
        third = packed >> (2 * _FIELD)
        size = stop - start

        def total(
            values: npt.NDArray[np.int64], b: Any = b, start: int = start, size: int = size
        ) -> Any:
            return np.bincount(b - start, values, size).astype(np.int64)

        coordinator[start:stop] -= total(np.where(inside, first, 0))
        representative[start:stop] -= total(np.where(inside, 0, first))
        gatekeeper[start:stop] -= total(np.where(inside, second - first, 0))
        outside_other = np.where(inside, 0, second)
        shared = np.where(inside, 0, third)
        liaison[start:stop] -= total(outside_other - shared)
        consultant[start:stop] -= total(shared)
    return True


def _pair_same(arcs: Any, group: npt.NDArray[np.int64]) -> Any:
    """The arcs whose two ends are in one group."""
    rows = np.repeat(np.arange(arcs.shape[0]), np.diff(arcs.indptr))
    same = group[arcs.indices] == group[rows]
    data = np.where(same, arcs.data, 0)
    result = sp.csr_matrix((data, arcs.indices.copy(), arcs.indptr.copy()), shape=arcs.shape)
    result.eliminate_zeros()
    return result
