"""make_links_robust: sum over pairs of max(0, k - matching), checked by exhaustive search.

The bus factor is recomputed with samenwerking.analysis.bus_factor and with a plain
networkx maximum matching (König: minimum vertex cover = maximum matching).
"""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from introduce_regions import (
    build_region,
    bus_factor_nx,
    domain_pairs,
    is_robust_nx,
    reference_graph,
    regions,
)

from samenwerking.analysis import bus_factor
from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.graph.compact import compact_graph
from samenwerking.introduce import CostModel, apply_introductions, make_links_robust
from samenwerking.model import Region, Role, Sector


@given(regions(), st.integers(1, 3), st.sampled_from(["domain", "sector"]))
def test_every_pair_reaches_k_after_applying(region: Region, k: int, by: str) -> None:
    result = make_links_robust(region, k=k, by=by, cost=CostModel(cap=None))
    G = reference_graph(region)  # noqa: N806
    expected = sum(
        max(
            0,
            min(k, *(sum(1 for _, d in G.nodes(data=by) if d == g) for g in pair))
            - bus_factor_nx(G, *pair, by),
        )
        for pair in domain_pairs(G, by)
    )
    assert len(result) == result.lower_bound == expected
    assert result.exact
    after = apply_introductions(region, result)
    H = reference_graph(after)  # noqa: N806
    assert is_robust_nx(H, k, by)
    factors = {link.groups: link.bus_factor for link in bus_factor(compact_graph(after), by=by)}
    for a, b in domain_pairs(H, by):
        assert factors.get((a, b), 0) == bus_factor_nx(H, a, b, by)
    assert all(item.joins for item in result)


@given(regions(max_people=6, max_ties=4), st.integers(1, 2))
def test_no_smaller_set_of_introductions_works(region: Region, k: int) -> None:
    result = make_links_robust(region, k=k, cost=CostModel(cap=None))
    G = reference_graph(region)  # noqa: N806
    candidates = [
        (u, v)
        for u, v in combinations(G.nodes, 2)
        if not G.has_edge(u, v) and G.nodes[u]["domain"] != G.nodes[v]["domain"]
    ]
    for size in range(len(result)):
        for extra in combinations(candidates, size):
            H = G.copy()  # noqa: N806
            H.add_edges_from(extra)
            assert not is_robust_nx(H, k)


@given(regions(), st.sampled_from([1, 2]))
def test_cap_is_kept(region: Region, cap: int) -> None:
    result = make_links_robust(region, k=3, cost=CostModel(cap=cap))
    assert all(v <= cap for v in result.per_person().values())
    if len(result) < result.lower_bound:
        assert not result.complete and not result.exact and "cap" in result.note


def test_chosen_pairs_are_cheapest_among_unmatched() -> None:
    region = build_region(
        [
            ("s", Sector.PRIMARY_SCHOOL, "Noord"),
            ("y", Sector.YOUTH_CARE, "Noord"),
            ("z", Sector.YOUTH_CARE, "Zuid"),
        ],
        [
            ("t1", Role.TEACHER, "s"),
            ("zc", Role.ZORGCOORDINATOR, "s"),
            ("y1", Role.YOUTH_CONSULTANT, "y"),
            ("y2", Role.FAMILY_COACH, "y"),
            ("z1", Role.TEACHER, "z"),
        ],
        [("t1", "y1")],
    )
    (item,) = make_links_robust(region, k=2)
    assert {item.a, item.b} == {"zc", "y2"}  # same municipality, roles fit
    assert item.joins == "care - education"


def test_pairs_argument_and_errors() -> None:
    from samenwerking.synthetic import region as synthetic

    r = synthetic(300, seed=3, ties_per_professional=1)
    only = make_links_robust(r, k=2, by="sector", pairs=[("youth_care", "primary_school")])
    assert {item.joins for item in only} <= {"primary_school - youth_care"}
    with pytest.raises(InvalidArgumentError, match="unknown group 'nope'"):
        make_links_robust(r, pairs=[("nope", "care")])
    with pytest.raises(InvalidArgumentError, match="k must be"):
        make_links_robust(r, k=0)
    with pytest.raises(InvalidArgumentError, match="cannot group by"):
        make_links_robust(r, by="colour")
