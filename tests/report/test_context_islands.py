"""The context's one component labelling puts every professional in the island
``analysis.islands`` lists them in."""

from __future__ import annotations

import pytest

import samenwerking as sw
from samenwerking.model import Region
from samenwerking.report.base import ReportContext


@pytest.mark.parametrize(
    "region",
    [
        sw.example_region(),
        sw.synthetic.region(400, seed=2, ties_per_professional=0.6),
        sw.synthetic.region(300, seed=3, ties_per_professional=0.0),
        Region("Leeg"),
    ],
    ids=["example", "sparse", "no ties", "empty"],
)
def test_island_of_matches_the_members(region: Region) -> None:
    context = ReportContext.of(region)
    C = context.compact  # noqa: N806
    assert len(context.island_of) == C.n_nodes
    for position, island in enumerate(context.islands.islands):
        expected = sorted(C.index_of(m) for m in island.members)
        assert context.members_of(position).tolist() == expected
    assert (context.island_of >= 0).all()
