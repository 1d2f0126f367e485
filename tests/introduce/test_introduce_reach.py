"""expertise_within_reach: every school reaches an expert afterwards; exact answers are minimal.

Distances are rechecked with plain networkx breadth-first search; minimality with an
exhaustive search over every set of new ties (any pair of people, not only experts).
"""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from introduce_regions import EXPERTS, reference_graph, regions, unreached_schools_nx

from samenwerking.analysis import nearest_contact
from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.graph.compact import compact_graph
from samenwerking.introduce import (
    CostModel,
    apply_introductions,
    expertise_within_reach,
)
from samenwerking.model import Organisation, Professional, Region, Role, Sector, Tie


@given(regions(max_people=9), st.integers(1, 3))
def test_every_school_is_within_reach_after_applying(region: Region, steps: int) -> None:
    result = expertise_within_reach(region, steps=steps, cost=CostModel(cap=None))
    G = reference_graph(region)  # noqa: N806
    has_experts = any(s in EXPERTS for _, s in G.nodes(data="sector"))
    assert result.complete == (has_experts or not unreached_schools_nx(G, region, steps))
    if result.complete:
        after = apply_introductions(region, result)
        assert not unreached_schools_nx(reference_graph(after), region, steps)
        assert (
            nearest_contact(
                compact_graph(after), to_sectors=sorted(EXPERTS), max_steps=steps
            ).unreached
            == ()
        )
    if steps == 1 and has_experts:
        assert result.exact
        assert len(result) == len(unreached_schools_nx(G, region, 1))


@given(regions(max_people=7, max_ties=5), st.integers(1, 3))
def test_exact_answers_are_minimal_over_all_new_ties(region: Region, steps: int) -> None:
    result = expertise_within_reach(region, steps=steps, cost=CostModel(cap=None))
    if not result.exact:
        return
    G = reference_graph(region)  # noqa: N806
    candidates = [(u, v) for u, v in combinations(G.nodes, 2) if not G.has_edge(u, v)]
    for size in range(len(result)):
        for extra in combinations(candidates, size):
            H = G.copy()  # noqa: N806
            H.add_edges_from(extra)
            assert unreached_schools_nx(H, region, steps)


@given(regions(max_people=9), st.sampled_from([1, 2]))
def test_cap_is_kept(region: Region, cap: int) -> None:
    result = expertise_within_reach(region, steps=2, cost=CostModel(cap=cap))
    assert all(v <= cap for v in result.per_person().values())


def _chain(schools: int) -> Region:
    """Schools s0..s{n-1} with one member each, all tied to a hub h; one expert x apart."""
    orgs = [
        Organisation(f"s{i}", f"School {i}", Sector.PRIMARY_SCHOOL, "Noord") for i in range(schools)
    ]
    orgs += [
        Organisation("m", "Gemeente", Sector.MUNICIPALITY, "Noord"),
        Organisation("y", "Jeugdhulp", Sector.YOUTH_CARE, "Noord"),
    ]
    people = [
        Professional(f"t{i}", f"T{i}", Role.INTERN_BEGELEIDER, (f"s{i}",)) for i in range(schools)
    ]
    people += [
        Professional("h", "Hub", Role.POLICY_ADVISER, ("m",)),
        Professional("x", "Expert", Role.YOUTH_CONSULTANT, ("y",)),
    ]
    ties = [Tie(f"t{i}", "h") for i in range(schools)]
    return Region("chain", tuple(orgs), tuple(people), ties=ties)


def test_one_introduction_to_a_hub_serves_many_schools() -> None:
    result = expertise_within_reach(_chain(20), steps=2)
    (item,) = result
    assert {item.a, item.b} == {"h", "x"}
    # 20 schools: more than an exact search takes, but greedy meets the lower bound.
    assert result.method == "greedy set cover"
    assert result.exact and result.lower_bound == 1
    assert "and 17 more" in item.joins


def test_greedy_when_many_schools() -> None:
    result = expertise_within_reach(_chain(20), steps=1, cost=CostModel(cap=None))
    assert len(result) == 20 and result.exact  # one per school is exact for one step
    region = _chain(20)
    r = expertise_within_reach(region, steps=2, schools=[f"s{i}" for i in range(5)])
    assert len(r) == 1


def test_errors_and_no_experts() -> None:
    region = _chain(2)
    with pytest.raises(InvalidArgumentError, match="steps must be"):
        expertise_within_reach(region, steps=0)
    with pytest.raises(InvalidArgumentError, match="unknown school 'nope'"):
        expertise_within_reach(region, schools=["nope"])
    none = expertise_within_reach(region, experts=[Sector.SAFETY])
    assert not none.complete and "no experts" in none.note
