"""Structural holes: Burt's constraint and effective size, vectorised over the CSR arrays.

A professional whose contacts do not know each other spans *structural holes*: their
network is large in effect (high effective size) and they are little constrained by any
one contact (low constraint). Both measures need, for every tie ``(u, v)``, a sum over the
common neighbours of ``u`` and ``v``; that sum is taken as a sparse matrix product
restricted to the ties, in row chunks so memory stays bounded.

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
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from samenwerking.analysis._kernels import row_chunks, weighted
from samenwerking.graph.compact import CompactGraph

__all__ = ["constraint", "effective_size"]


def _proportions(W: Any) -> Any:  # noqa: N803
    """``P[u, v] = w_uv / sum_x w_ux``: the share of ``u``'s ties that go to ``v``."""
    strength = np.asarray(W.sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        inverse = np.where(strength > 0, 1.0 / strength, 0.0)
    return sp.diags(inverse) @ W


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
    C, W = weighted(G, weight)  # noqa: N806
    P = _proportions(W)  # noqa: N806
    Pattern = (P != 0).astype(np.float64)  # noqa: N806
    n = C.n_nodes
    result = np.asarray(P.multiply(P).sum(axis=1)).ravel() if n else np.zeros(0)
    for start, stop, indirect in row_chunks(P, P):
        # indirect[u, v] = sum_q p_uq p_qv, needed on the ties (u, v) only.
        on_ties = indirect.multiply(Pattern[start:stop])
        cross = np.asarray(on_ties.multiply(P[start:stop]).sum(axis=1)).ravel()
        square = np.asarray(on_ties.multiply(on_ties).sum(axis=1)).ravel()
        result[start:stop] += 2 * cross + square
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
    C, W = weighted(G, weight)  # noqa: N806
    n = C.n_nodes
    P = _proportions(W)  # noqa: N806
    strongest = W.max(axis=1).toarray().ravel() if n else np.zeros(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        inverse = np.where(strongest > 0, 1.0 / strongest, 0.0)
    M = sp.diags(inverse) @ W  # noqa: N806
    Pattern = (W != 0).astype(np.float64)  # noqa: N806
    degree = np.diff(C.indptr).astype(np.float64)
    result = degree.copy()
    for start, stop, shared in row_chunks(Pattern, M):
        # shared[v, q] = sum over contacts j of v of m_jq; weighted by p_vq on v's ties.
        result[start:stop] -= np.asarray(shared.multiply(P[start:stop]).sum(axis=1)).ravel()
    return _with_nan(C, result)


def _with_nan(G: CompactGraph, values: npt.NDArray[np.float64]) -> dict[Hashable, float]:  # noqa: N803
    values = np.where(np.diff(G.indptr) > 0, values, np.nan)
    return dict(zip(G.ids, values.tolist(), strict=True))
