"""Structural holes: Burt's constraint and effective size, compiled over the CSR arrays.

A professional whose contacts do not know each other spans *structural holes*: their
network is large in effect (high effective size) and they are little constrained by any
one contact (low constraint). Both measures need, for every tie ``(u, v)``, a sum over the
common neighbours of ``u`` and ``v``; the ties among a node's contacts are
found once per node by compiled kernels (:mod:`._holes_kernels`): each node marks its
contacts and walks their upward ties, in parallel over blocks of nodes.

References
----------
Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.* Harvard
University Press.
Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
*Connections* 20(1), 35-38.

Example
-------
>>> import networkx as nx
>>> G = nx.star_graph(3)
>>> effective_size(G)[0], round(constraint(G)[0], 4)
(3.0, 0.3333)
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking.analysis._holes_kernels import (
    constraints,
    effective_sizes,
    oriented,
    triangles,
)
from samenwerking.analysis._input import as_compact
from samenwerking.analysis._kernels import weighted
from samenwerking.graph.compact import CompactGraph

__all__ = ["constraint", "effective_size"]


def _weights(
    G: nx.Graph | CompactGraph,  # noqa: N803
    weight: str | None,
) -> tuple[CompactGraph, npt.NDArray[np.float64] | None]:
    """The compact graph and its tie weights (``None``: every tie counts 1)."""
    if weight is None:
        return as_compact(G), None
    if isinstance(G, CompactGraph):
        C, values = G, G.weight  # noqa: N806
    else:
        C, W = weighted(G, weight)  # noqa: N806
        values = W.data
    if not (values != 1).any():
        return C, None
    return C, np.asarray(values, np.float64)


def _csr(G: CompactGraph) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int32]]:  # noqa: N803
    return np.asarray(G.indptr, np.int64), np.asarray(G.indices, np.int32)


def constraint(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    weight: str | None = None,
) -> dict[Hashable, float]:
    """Burt's constraint of every node: how much its contacts are tied to each other.

    ``c(v) = sum over contacts j of (p_vj + sum_q p_vq p_qj)^2`` with ``p_vj`` the share of
    ``v``'s tie weight that goes to ``j``. Equal to :func:`networkx.constraint` on an
    undirected graph (a directed graph is taken as undirected).

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.
    weight : str, optional
        ``None``: every tie counts 1. For a networkx graph, the edge attribute holding the
        weight; for a compact graph, any value uses the tie counts.

    Returns
    -------
    dict
        Constraint by node id; ``nan`` for a node without ties.

    Example
    -------
    >>> import networkx as nx
    >>> constraint(nx.complete_graph(3))[0]
    1.125
    """
    C, values = _weights(G, weight)  # noqa: N806
    indptr, indices = _csr(C)
    up_end, up, up_weight = oriented(indptr, indices, values)
    unit = np.empty(0)  # every tie weighs 1
    result = constraints(indptr, indices, unit if values is None else values, up_end, up, up_weight)
    return _with_nan(C, result)


def effective_size(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    weight: str | None = None,
) -> dict[Hashable, float]:
    """Burt's effective size of every node: its contacts minus their redundancy.

    ``e(v) = sum over contacts j of (1 - sum_q p_vq m_jq)``, with ``m_jq`` the weight of
    the tie ``j-q`` divided by ``j``'s strongest tie; unweighted this is
    ``degree - 2 * ties among contacts / degree`` (Borgatti 1997). Equal to
    :func:`networkx.effective_size` on an undirected graph.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.
    weight : str, optional
        As for :func:`constraint`.

    Returns
    -------
    dict
        Effective size by node id; ``nan`` for a node without ties.

    Example
    -------
    >>> import networkx as nx
    >>> effective_size(nx.complete_graph(4))[0]
    1.0
    """
    C, values = _weights(G, weight)  # noqa: N806
    indptr, indices = _csr(C)
    up_end, up, up_weight = oriented(indptr, indices, values)
    if values is not None:
        result = effective_sizes(indptr, indices, values, up_end, up, up_weight)
    else:  # Borgatti (1997): degree - 2 * ties among contacts / degree
        degree = np.diff(indptr).astype(np.float64)
        ties = triangles(indptr, up_end, up)
        with np.errstate(divide="ignore", invalid="ignore"):
            result = degree - 2 * ties / degree
    return _with_nan(C, result)


def _with_nan(G: CompactGraph, values: npt.NDArray[np.float64]) -> dict[Hashable, float]:  # noqa: N803
    values = np.where(np.diff(G.indptr) > 0, values, np.nan)
    return dict(zip(G.ids, values.tolist(), strict=True))
