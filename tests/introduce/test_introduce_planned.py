"""``planned=``: introductions already planned count as ties and against the cap per person.

Chaining the three functions (as the report does) must keep the cap over all lists
together, and each list must reach its goal on top of the ones before it, or say why not.
Goals are rechecked with plain networkx (connectivity, Hopcroft-Karp bus factor, BFS).
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import networkx as nx
import numpy as np
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
    unreached_schools_nx,
)

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.errors import UnknownIdError
from samenwerking.graph.compact import compact_graph
from samenwerking.introduce import (
    CostModel,
    Introduction,
    apply_introductions,
    connect_islands,
    expertise_within_reach,
    improvement,
    make_links_robust,
)
from samenwerking.introduce._pick import with_ties
from samenwerking.model import Region, Role, Sector


def _planned(draw: st.DrawFn, region: Region, most: int = 4) -> list[Introduction]:
    ids = [p.id for p in region.professionals]
    pairs = draw(st.lists(st.sampled_from(list(combinations(ids, 2))), max_size=most))
    return [Introduction(a, b, 1.0, "planned") for a, b in pairs]


@given(regions(max_people=9), st.sampled_from([1, 2, 3]))
def test_cap_holds_over_the_three_chained_lists(region: Region, cap: int) -> None:
    model = CostModel(cap=cap)
    connect = connect_islands(region, cost=model)
    robust = make_links_robust(region, k=2, cost=model, planned=connect)
    reach = expertise_within_reach(region, steps=2, cost=model, planned=(*connect, *robust))
    together = Counter(p for r in (connect, robust, reach) for i in r for p in (i.a, i.b))
    assert all(count <= cap for count in together.values())
    assert (robust.planned, reach.planned) == (len(connect), len(connect) + len(robust))
    step1 = reference_graph(apply_introductions(region, connect))
    step2 = reference_graph(apply_introductions(region, (*connect, *robust)))
    step3 = reference_graph(apply_introductions(region, (*connect, *robust, *reach)))
    assert connect.complete == nx.is_connected(step1)
    if robust.complete:
        assert is_robust_nx(step2, 2)
    else:
        assert robust.note
    if reach.complete:
        assert not unreached_schools_nx(step3, region, 2)
    else:
        assert reach.note
    for result in (connect, robust, reach):
        assert result.complete or result.note


@st.composite
def _with_planned(draw: st.DrawFn) -> tuple[Region, list[Introduction]]:
    region = draw(regions(max_ties=4))
    return region, _planned(draw, region)


@given(_with_planned(), st.integers(1, 2), st.sampled_from(["domain", "sector"]))
def test_planned_ties_count_as_ties(
    case: tuple[Region, list[Introduction]], k: int, by: str
) -> None:
    region, planned = case
    no_cap = CostModel(cap=None)
    G = reference_graph(apply_introductions(region, planned))  # noqa: N806
    connect = connect_islands(region, cost=no_cap, planned=planned)
    assert len(connect) == connect.lower_bound == nx.number_connected_components(G) - 1
    robust = make_links_robust(region, k=k, by=by, cost=no_cap, planned=planned)
    sizes = Counter(d for _, d in G.nodes(data=by))
    expected = sum(
        max(0, min(k, sizes[a], sizes[b]) - bus_factor_nx(G, a, b, by))
        for a, b in domain_pairs(G, by)
    )
    assert len(robust) == robust.lower_bound == expected and robust.exact
    reach = expertise_within_reach(region, steps=1, cost=no_cap, planned=planned)
    if reach.complete:
        assert len(reach) == len(unreached_schools_nx(G, region, 1))


@given(_with_planned(), st.sampled_from([1, 2]))
def test_connect_meets_every_cap_that_the_planned_room_allows(
    case: tuple[Region, list[Introduction]], cap: int
) -> None:
    region, planned = case
    used = Counter(p for item in planned for p in (item.a, item.b))
    G = reference_graph(apply_introductions(region, planned))  # noqa: N806
    islands = list(nx.connected_components(G))
    count = len(islands)
    room = [sum(max(0, cap - used[p]) for p in island) for island in islands]
    # A tree with island degrees d_i exists iff 1 <= d_i <= room_i and sum = 2(I-1).
    feasible = count == 1 or (
        min(room) >= 1 and sum(min(r, count - 1) for r in room) >= 2 * (count - 1)
    )
    result = connect_islands(region, cost=CostModel(cap=cap), planned=planned)
    assert result.complete == feasible
    assert all(used[p] + n <= cap for p, n in result.per_person().items())
    if not feasible:
        assert f"cap of {cap}" in result.note
        assert ("planned" in result.note) == bool(planned)


@given(_with_planned())
def test_with_ties_matches_the_graph_of_the_applied_region(
    case: tuple[Region, list[Introduction]],
) -> None:
    region, planned = case
    C = compact_graph(region)  # noqa: N806
    at = {p.id: i for i, p in enumerate(region.professionals)}
    source = np.array([at[i.a] for i in planned], np.int64)
    target = np.array([at[i.b] for i in planned], np.int64)
    got = with_ties(C, source, target)
    want = compact_graph(apply_introductions(region, planned))
    for name in ("indptr", "indices", "weight"):
        assert getattr(got, name).tolist() == getattr(want, name).tolist()


def _school_and_care() -> Region:
    return build_region(
        [("s", Sector.PRIMARY_SCHOOL, "Noord"), ("y", Sector.YOUTH_CARE, "Noord")],
        [
            ("ib", Role.INTERN_BEGELEIDER, "s"),
            ("zc", Role.ZORGCOORDINATOR, "s"),
            ("yc", Role.YOUTH_CONSULTANT, "y"),
            ("fc", Role.FAMILY_COACH, "y"),
        ],
    )


def test_a_person_at_the_cap_is_not_introduced_again() -> None:
    region = _school_and_care()
    alone = make_links_robust(region, k=1, cost=CostModel(cap=1))
    (first,) = alone
    planned = [Introduction(first.a, "zc" if first.a != "zc" else "ib", 1.0, "")]
    # first.a already has its one introduction: the link needs someone else.
    again = make_links_robust(region, k=2, cost=CostModel(cap=1), planned=planned)
    assert first.a not in again.per_person()
    assert again.planned == 1 and "on top of 1 planned" in str(again)


def test_reach_says_when_the_cap_leaves_a_school_unserved() -> None:
    region = _school_and_care()
    planned = [Introduction("ib", "zc", 1.0, ""), Introduction("ib", "zc", 1.0, "")]
    result = expertise_within_reach(region, steps=1, cost=CostModel(cap=2), planned=planned)
    assert not result.complete and not result.exact and len(result) == 0
    assert "cap of 2" in result.note and "(counting 2 planned)" in result.note
    assert result.note.endswith("leaves nobody to serve s")


def test_bad_arguments_name_themselves() -> None:
    region = _school_and_care()
    with pytest.raises(UnknownIdError, match="ghost"):
        connect_islands(region, planned=[Introduction("ib", "ghost", 1.0, "")])
    with pytest.raises(InvalidArgumentError, match="unknown sector 'nope'"):
        expertise_within_reach(region, experts=["nope"])
    with pytest.raises(InvalidArgumentError, match="steps must be"):
        improvement(region, region, steps=0)
    with pytest.raises(InvalidArgumentError, match="unknown sector 'nope'"):
        improvement(region, region, experts=["nope"])


@given(regions(max_people=9))
def test_improvement_counts_schools_out_of_reach(region: Region) -> None:
    reach = expertise_within_reach(region, steps=2, cost=CostModel(cap=None))
    after = apply_introductions(region, reach)
    change = improvement(region, after, steps=2)
    assert change.schools_out_of_reach == (
        len(unreached_schools_nx(reference_graph(region), region, 2)),
        len(unreached_schools_nx(reference_graph(after), region, 2)),
    )
    if reach.complete:
        assert change.schools_out_of_reach[1] == 0
    assert change.rows()[-1][0] == "Schools without a care contact within 2 steps"
