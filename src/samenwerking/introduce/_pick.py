"""What the three introduction functions share (private): the plan so far and the cap.

A :class:`Plan` holds the region's graph *with the introductions already planned* added as
ties, the cost model, everyone's room left under the cap (the planned introductions count
against it), and turns a chosen pair of people into an :class:`Introduction`, taking one
from each one's room.

Example
-------
>>> from samenwerking.model import Organisation, Professional, Region, Role, Sector
>>> orgs = (Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp"),)
>>> people = tuple(Professional(i, i, Role.TEACHER, ("s",)) for i in ("a", "b", "c"))
>>> plan = Plan(Region("r", orgs, people), "test", planned=[Introduction("a", "b", 1.0, "")])
>>> plan.graph.n_edges, plan.remaining.tolist()
(1, [1, 1, 2])
>>> plan.introduce(2, 0, "x").a, plan.remaining.tolist()
('a', [0, 1, 1])
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from samenwerking._arguments import check_whole
from samenwerking.errors import UnknownIdError
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.introduce.cost import CostModel, People
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.model import Region

__all__ = ["Plan", "positive", "with_ties"]


def positive(value: object, name: str) -> int:
    """``value`` if it is a positive integer; otherwise an error naming ``name``."""
    return check_whole(value, name)


def with_ties(
    G: CompactGraph,  # noqa: N803
    source: npt.NDArray[np.int64],
    target: npt.NDArray[np.int64],
) -> CompactGraph:
    """``G`` with one more tie per ``(source[t], target[t])`` (self loops skipped)."""
    keep = source != target
    if not keep.any():
        return G
    n = G.n_nodes
    ones = np.ones(int(keep.sum()), np.float64)
    import scipy.sparse as sp  # imported when used: scipy.sparse is large

    extra = sp.csr_matrix((ones, (source[keep], target[keep])), shape=(n, n))
    matrix = (G.to_scipy() + extra + extra.T).tocsr()
    matrix.sum_duplicates()
    matrix.sort_indices()
    return attrs.evolve(
        G,
        indptr=matrix.indptr.astype(np.int64),
        indices=matrix.indices.astype(np.int32),
        weight=matrix.data.astype(np.float64),
    )


class Plan:
    """The region with the planned introductions, the cost model and the room per person."""

    def __init__(
        self,
        region: Region,
        purpose: str,
        *,
        cost: CostModel | None = None,
        graph: CompactGraph | None = None,
        planned: Introductions | Iterable[Introduction] = (),
    ) -> None:
        self.region = region
        self.purpose = purpose
        self.model = cost or CostModel()
        base = compact_graph(region) if graph is None else graph
        items = list(planned)
        ends = np.array(
            [_position(base, person) for item in items for person in (item.a, item.b)], np.int64
        ).reshape(-1, 2)
        self.planned = len(items)
        self.graph = with_ties(base, ends[:, 0], ends[:, 1])
        used = np.bincount(ends.reshape(-1), minlength=base.n_nodes)
        # Introductions each person can still take under the cap.
        self.remaining: npt.NDArray[np.int64] = np.maximum(self.model.limit - used, 0)

    @cached_property
    def people(self) -> People:
        """The profiles and costs (built on first use)."""
        return People(self.region, self.graph, self.model)

    @property
    def cap(self) -> str:
        """The cap in words, for notes: ``"the cap of 2 introduction(s) per person"``."""
        text = f"the cap of {self.model.cap} introduction(s) per person"
        if self.planned:
            text += f" (counting {self.planned} planned)"
        return text

    def introduce(self, i: int, j: int, joins: str, *, by_id: bool = True) -> Introduction:
        """Introduce node ``i`` to node ``j``, taking one from each one's room.

        ``by_id``: put the smaller id first; otherwise keep ``i`` first.
        """
        ids = self.graph.ids
        if by_id and str(ids[j]) < str(ids[i]):
            i, j = j, i
        self.remaining[i] -= 1
        self.remaining[j] -= 1
        people = self.people
        return Introduction(
            str(ids[i]), str(ids[j]), people.pair_cost(i, j), people.reason(i, j), joins
        )

    def result(self, items: Iterable[Introduction], **fields: Any) -> Introductions:
        """The :class:`Introductions` of this plan's purpose."""
        return Introductions(tuple(items), self.purpose, planned=self.planned, **fields)


def _position(G: CompactGraph, person: str) -> int:  # noqa: N803
    try:
        return G._position[person]
    except KeyError:
        raise UnknownIdError("professional", person, [str(i) for i in G.ids[:5]]) from None
