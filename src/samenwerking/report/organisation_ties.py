"""Ties between organisations, summed once from the professionals' compact graph.

The picture and the map of a large region both draw the organisations with the most
ties to other organisations; :class:`OrganisationTies` sums those ties in one sparse
product (``P^T A P``, with ``P`` the professionals' main organisations), so a report
sums the 6,000,000 ties of a national region once, and each drawing only picks its top.

Example
-------
>>> import samenwerking as sw
>>> region = sw.example_region()
>>> ties = OrganisationTies.of(sw.compact_graph(region), len(region.organisations))
>>> ties.between.shape == (len(region.organisations),) * 2
True
>>> bool((ties.between.diagonal() == 0).all())
True
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from attrs import frozen

from samenwerking.graph import CompactGraph

__all__ = ["OrganisationTies"]


@frozen(eq=False)
class OrganisationTies:
    """Tie weights between organisations (people of one with people of another)."""

    between: Any
    """Symmetric ``k x k`` CSR matrix: the ties between the people of two organisations
    (ties inside one organisation left out), indices sorted."""
    outside: npt.NDArray[np.float64]
    """Per organisation, its ties to other organisations (row sums of :attr:`between`)."""
    staff: npt.NDArray[np.int64]
    """Per organisation, the professionals whose main organisation it is."""

    @classmethod
    def of(cls, compact: CompactGraph, organisations: int) -> OrganisationTies:
        """Sum the compact graph's ties by the main organisations of their two ends."""
        k = organisations
        org = compact.organisation.astype(np.int64)
        known = np.flatnonzero(org >= 0)
        from scipy.sparse import csr_matrix  # imported when used: scipy.sparse is large

        member = csr_matrix(
            (np.ones(len(known)), (known, org[known])), shape=(compact.n_nodes, max(k, 0))
        )
        between = (member.T @ compact.to_scipy() @ member).tocsr()
        between.setdiag(0)
        between.eliminate_zeros()
        between.sort_indices()
        outside = np.asarray(between.sum(axis=1), np.float64).ravel()
        staff = np.bincount(org[known], minlength=k).astype(np.int64)
        return cls(between, outside, staff)

    def top(self, limit: int) -> npt.NDArray[np.int64]:
        """The (at most ``limit``) organisations with the most ties to others, then the
        most staff, then the first; as sorted positions."""
        k = len(self.staff)
        chosen = np.lexsort((np.arange(k), -self.staff, -self.outside))[: max(limit, 0)]
        return np.sort(chosen).astype(np.int64)

    def pairs(
        self, chosen: npt.NDArray[np.int64]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """The tied pairs among ``chosen`` (sorted positions): low, high and weight, in
        order of (low, high)."""
        sub = self.between[chosen][:, chosen].tocoo()
        upper = sub.row < sub.col
        low, high, weight = sub.row[upper], sub.col[upper], sub.data[upper]
        order = np.lexsort((high, low))
        return chosen[low[order]], chosen[high[order]], weight[order]
