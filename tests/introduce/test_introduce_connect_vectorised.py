"""connect_islands with vectorised rounds makes exactly the introductions it made before.

Reference: ``connect_reference.py``, the implementation before the rounds were vectorised
(a Python union-find and a loop per island). Regions are synthetic and sparse (most
people are isolates, as in ``benchmarks/bench_introduce.py``'s very sparse case), with
caps that bind and do not bind, shared working groups small and large (the two group
paths) and introductions planned beforehand.
"""

from __future__ import annotations

import connect_reference
from hypothesis import given
from hypothesis import strategies as st
from introduce_regions import regions

from samenwerking.introduce import CostModel, Introduction, Introductions, connect_islands
from samenwerking.introduce.connect import SMALL_GROUP
from samenwerking.model import Region, WorkingGroup
from samenwerking.synthetic import region as synthetic_region

CAPS = st.sampled_from([1, 2, 3, None])


def _same(new: Introductions, old: Introductions) -> None:
    assert [(i.a, i.b, i.cost, i.reason, i.joins) for i in new] == [
        (i.a, i.b, i.cost, i.reason, i.joins) for i in old
    ]
    assert new.total_cost == old.total_cost
    assert (new.exact, new.cheapest, new.complete) == (old.exact, old.cheapest, old.complete)
    assert (new.lower_bound, new.note, new.method) == (old.lower_bound, old.note, old.method)


@st.composite
def sparse_regions(draw: st.DrawFn) -> Region:
    """A synthetic region with few ties, maybe with shared working groups."""
    n = draw(st.integers(50, 400))
    region = synthetic_region(
        n,
        seed=draw(st.integers(0, 10_000)),
        ties_per_professional=draw(st.sampled_from([0.05, 0.2, 0.3, 0.6, 1.5])),
        municipalities=draw(st.integers(1, n // 50)),
    )
    ids = [p.id for p in region.professionals]
    groups = []
    for k in range(draw(st.integers(0, 3))):
        size = draw(st.sampled_from([2, 5, SMALL_GROUP + 1, min(n, 3 * SMALL_GROUP)]))
        members = draw(st.permutations(ids))[: min(size, n)]
        groups.append(WorkingGroup(f"wg{k}", f"group {k}", members=tuple(members)))
    return region.replace(working_groups=tuple(groups)) if groups else region


@given(sparse_regions(), CAPS)
def test_same_introductions_on_sparse_regions(region: Region, cap: int | None) -> None:
    model = CostModel(cap=cap)
    _same(
        connect_islands(region, cost=model), connect_reference.connect_islands(region, cost=model)
    )


@given(sparse_regions(), CAPS, st.integers(1, 40))
def test_same_introductions_on_top_of_planned(region: Region, cap: int | None, k: int) -> None:
    ids = [p.id for p in region.professionals]
    planned = [Introduction(ids[i], ids[-1 - i], 1.0, "") for i in range(min(k, len(ids) // 2))]
    model = CostModel(cap=cap)
    new = connect_islands(region, cost=model, planned=planned)
    _same(new, connect_reference.connect_islands(region, cost=model, planned=planned))


@given(regions(max_people=10, max_ties=4), CAPS)
def test_same_introductions_on_small_regions(region: Region, cap: int | None) -> None:
    model = CostModel(cap=cap)
    _same(
        connect_islands(region, cost=model), connect_reference.connect_islands(region, cost=model)
    )
