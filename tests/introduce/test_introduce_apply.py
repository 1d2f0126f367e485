"""apply_introductions, improvement, the cost model and the result classes."""

from __future__ import annotations

import datetime as dt
import math

import attrs
import networkx as nx
import pytest
from hypothesis import given
from introduce_regions import bus_factor_nx, domain_pairs, reference_graph, regions

from samenwerking import synthetic
from samenwerking.analysis import bus_factor, ei_index, nearest_contact
from samenwerking.analysis import islands as find_islands
from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.errors import UnknownIdError
from samenwerking.graph import compact_graph
from samenwerking.introduce import (
    EXPERT_SECTORS,
    CostModel,
    Introduction,
    Introductions,
    apply_introductions,
    connect_islands,
    fits,
    improvement,
    introduction_cost,
)
from samenwerking.model import (
    Organisation,
    Professional,
    Region,
    Role,
    Sector,
    Tie,
    TieKind,
    WorkingGroup,
)


@given(regions())
def test_apply_appends_knows_ties_and_never_mutates(region: Region) -> None:
    result = connect_islands(region)
    ties_before = list(region.ties)
    after = apply_introductions(region, result, since=dt.date(2026, 1, 5))
    assert list(region.ties) == ties_before
    new = list(after.ties)[len(ties_before) :]
    assert [(t.source, t.target) for t in new] == [(i.a, i.b) for i in result]
    assert all(t.kind == TieKind.KNOWS and t.since == dt.date(2026, 1, 5) for t in new)
    assert after.professionals == region.professionals


@given(regions())
def test_improvement_matches_the_analyses(region: Region) -> None:
    after = apply_introductions(region, connect_islands(region))
    change = improvement(region, after)
    for at, r in enumerate((region, after)):
        G = reference_graph(r)  # noqa: N806
        components = list(nx.connected_components(G))
        assert change.islands[at] == len(components)
        assert change.largest_share[at] == pytest.approx(
            max(len(c) for c in components) / G.number_of_nodes()
        )
        expected_ei = ei_index(G, by="domain").value
        if math.isnan(expected_ei) or len({d for _, d in G.nodes(data="domain")}) < 2:
            assert change.ei_index[at] is None
        else:
            assert change.ei_index[at] == pytest.approx(expected_ei)
        factors = [bus_factor_nx(G, a, b) for a, b in domain_pairs(G)]
        assert change.min_bus_factor[at] == (min(factors) if factors else None)
        assert change.single_carrier_links[at] == (factors.count(1) if factors else None)
    assert "Islands" in str(change)


@given(regions())
def test_improvement_with_the_before_side_given_equals_the_plain_call(region: Region) -> None:
    after = apply_introductions(region, connect_islands(region))
    G = compact_graph(region)  # noqa: N806
    schools = [o.id for o in region.organisations][:2]
    for options in ({}, {"by": "sector"}, {"schools": schools}):
        plain = improvement(region, after, **options)  # type: ignore[arg-type]
        assert improvement(region, after, graph=G, **options) == plain  # type: ignore[arg-type]
        given_all = improvement(
            region,
            compact_graph(after),
            graph=G,
            islands=find_islands(G),
            links=bus_factor(G, by=options.get("by", "domain")),  # type: ignore[arg-type]
            ei=ei_index(G, by="domain"),
            reach=nearest_contact(G, to_sectors=EXPERT_SECTORS, max_steps=2),
            **options,  # type: ignore[arg-type]
        )
        assert given_all == plain


def test_improvement_rejects_a_graph_of_another_region() -> None:
    region = synthetic.region(60, seed=2)
    other = compact_graph(synthetic.region(50, seed=2))
    with pytest.raises(InvalidArgumentError, match="same region"):
        improvement(region, region, graph=other)
    with pytest.raises(InvalidArgumentError, match="same region"):
        improvement(region, other)
    reach = nearest_contact(compact_graph(region), to_sectors=["youth_care"], max_steps=3)
    with pytest.raises(InvalidArgumentError, match="within 3 steps"):
        improvement(region, region, reach=reach)


def test_unknown_person_raises() -> None:
    region = Region(
        "r",
        (Organisation("o", "Org", Sector.YOUTH_CARE, "Noord"),),
        (Professional("p", "P", Role.FAMILY_COACH, ("o",)),),
    )
    with pytest.raises(UnknownIdError):
        apply_introductions(region, [Introduction("p", "ghost", 1.0, "")])


def _pair(role_a: Role, role_b: Role, *, same_muni: bool, group: bool) -> Region:
    orgs = (
        Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Noord"),
        Organisation("y", "Care", Sector.YOUTH_CARE, "Noord" if same_muni else "Zuid"),
    )
    people = (
        Professional("a", "A", role_a, ("s",)),
        Professional("b", "B", role_b, ("y",), capacity=0),
    )
    groups = (WorkingGroup("w", "Thuiszitters", members=("a", "b")),) if group else ()
    return Region("r", orgs, people, working_groups=groups)


def test_cost_follows_the_documented_formula() -> None:
    m = CostModel()
    # cross-domain; other municipality; roles do not fit; b has no spare capacity.
    value, reason = introduction_cost(
        _pair(Role.TEACHER, Role.ALDERMAN, same_muni=False, group=False), "a", "b"
    )
    assert value == m.base + m.other_municipality + m.role_mismatch + m.no_spare_capacity
    assert "different municipalities" in reason and "b has no spare capacity" in reason
    value, reason = introduction_cost(
        _pair(Role.INTERN_BEGELEIDER, Role.FAMILY_COACH, same_muni=True, group=True), "a", "b"
    )
    assert value == m.base + m.no_spare_capacity - m.shared_group
    assert "both in working group Thuiszitters" in reason
    assert "roles fit (intern_begeleider - family_coach)" in reason


def test_role_fit_table_can_be_replaced() -> None:
    region = _pair(Role.TEACHER, Role.ALDERMAN, same_muni=True, group=False)
    custom = CostModel(role_fit=[(Role.TEACHER, Role.ALDERMAN)])
    assert fits("teacher", "alderman", custom.role_fit)
    assert (
        introduction_cost(region, "a", "b", cost=custom)[0] < introduction_cost(region, "a", "b")[0]
    )


def test_cost_model_checks_its_fields() -> None:
    with pytest.raises(InvalidArgumentError, match="cap must be"):
        CostModel(cap=0)
    with pytest.raises(InvalidArgumentError, match="same_domain must be"):
        CostModel(same_domain=-1)
    with pytest.raises(InvalidArgumentError, match="shared_group"):
        CostModel(base=0.5, shared_group=0.5)
    with pytest.raises(InvalidArgumentError, match="pair of 3 roles"):
        CostModel(role_fit=[(Role.TEACHER, Role.ALDERMAN, Role.DIRECTOR)])
    assert attrs.evolve(CostModel(), cap=None).limit > 10**6


def test_introductions_table_and_text() -> None:
    items = (Introduction("a", "b", 1.0, "why", "x"), Introduction("a", "c", 2.0, "so", "y"))
    result = Introductions(items, "test", exact=False, complete=False, note="cap")
    assert result.per_person() == {"a": 2, "b": 1, "c": 1}
    assert result.rows()[1] == ("a", "c", 2.0, "so", "y")
    text = str(result)
    assert "not proven minimal" in text and "goal not reached: cap" in text
    assert Tie("a", "b").kind == TieKind.KNOWS
