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

The counts are computed per broker, in a compiled loop split over threads, from group
counts of its in- and out-neighbours; the closed two-paths (those with a tie ``a -> c``)
are found from the triangles of the undirected graph, each listed once, and taken off
their roles, so no open two-path is enumerated.

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
from attrs import frozen

from samenwerking.analysis._brokerage_kernels import role_counts, transpose
from samenwerking.analysis._input import Groups, as_compact, group_codes
from samenwerking.analysis._kernels import group_labels
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
    if C.n_nodes == 0:
        return {}
    arcs = C if D is None else D
    indptr, indices = _rows(arcs.indptr, arcs.indices)
    into_ptr, into = (indptr, indices) if D is None else _rows(*transpose(indptr, indices))
    ptr, idx = _rows(C.indptr, C.indices)
    group = _readonly(np.asarray(group, np.int64))
    groups = int(group.max()) + 1
    counts = role_counts(ptr, idx, into_ptr, into, indptr, indices, group, groups).T.tolist()
    return dict(zip(C.ids, map(BrokerageRoles, *counts), strict=True))


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """A read-only view, as the graphs' arrays are: one compiled kernel serves every input."""
    view = array.view()
    view.flags.writeable = False
    return view


def _rows(
    indptr: npt.NDArray[Any], indices: npt.NDArray[Any]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32]]:
    """CSR rows as the kernels take them: read-only ``int64`` pointers, ``int32`` positions."""
    return _readonly(np.asarray(indptr, np.int64)), _readonly(np.asarray(indices, np.int32))
