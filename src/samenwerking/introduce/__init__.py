"""Introductions: whom to introduce to whom, so that collaboration gets stronger.

- :func:`connect_islands`: the fewest introductions that join all islands into one;
- :func:`make_links_robust`: the fewest so that every pair of domains is held by k people;
- :func:`expertise_within_reach`: the fewest so that every school reaches an expert;
- :func:`apply_introductions` and :func:`improvement`: the figures before and after.

Each suggestion has a cost under a :class:`CostModel` and a reason in words. Every
function takes ``planned=``: introductions already planned count as ties and against the
cap per person, so results can be chained with one cap over all of them.

Example
-------
>>> from samenwerking.synthetic import region
>>> r = region(300, seed=1, ties_per_professional=0.5)
>>> result = connect_islands(r)
>>> improvement(r, apply_introductions(r, result)).islands[1]
1
"""

from __future__ import annotations

from samenwerking.introduce.apply import (
    Improvement,
    apply_introductions,
    improvement,
    min_bus_factor,
)
from samenwerking.introduce.connect import connect_islands
from samenwerking.introduce.cost import ROLE_FIT, CostModel, fits, introduction_cost
from samenwerking.introduce.reach import EXPERT_SECTORS, expertise_within_reach
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.introduce.robust import make_links_robust

__all__ = [
    "EXPERT_SECTORS",
    "ROLE_FIT",
    "CostModel",
    "Improvement",
    "Introduction",
    "Introductions",
    "apply_introductions",
    "connect_islands",
    "expertise_within_reach",
    "fits",
    "improvement",
    "introduction_cost",
    "make_links_robust",
    "min_bus_factor",
]
