"""Working groups: lead, sectors, ties among members and the praatclub flag."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
from governance_regions import build, random_region
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.governance import PRAATCLUB_DENSITY, GroupCheck, check_working_groups
from samenwerking.model import GroupKind, Sector, WorkingGroup

S = Sector
ORGS = {"po": S.PRIMARY_SCHOOL, "cjg": S.FAMILY_CENTRE, "gem": S.MUNICIPALITY}
PEOPLE = {"a": "po", "b": "po", "c": "cjg", "d": "cjg", "e": "gem", "f": "gem"}


def group(
    members: str, lead: str | None = None, needed: tuple[Sector, ...] = (), **kw: object
) -> WorkingGroup:
    return WorkingGroup(
        kw.pop("gid", "wg"),
        "Werkgroep",
        members=tuple(members),
        lead=lead,
        needed_sectors=needed,
        **kw,
    )


def one(members: str, ties: list[tuple[str, str]], **kw: Any) -> GroupCheck:
    region = build(ORGS, PEOPLE, ties, working_groups=(group(members, **kw),))
    return check_working_groups(region)[0]


def test_lead_checks() -> None:
    assert not one("abc", []).has_lead
    assert "no lead" in one("abc", []).problems
    outsider = one("abc", [], lead="e")
    assert outsider.has_lead and not outsider.lead_is_member
    assert "lead is not a member" in outsider.problems
    inside = one("ab", [("a", "b")], lead="a")
    assert inside.lead_is_member and inside.problems == ()
    assert str(inside) == "Werkgroep: ok"


def test_sectors_present_and_missing() -> None:
    check = one("ac", [("a", "c")], lead="a", needed=(S.MUNICIPALITY, S.PRIMARY_SCHOOL))
    assert check.sectors == (S.PRIMARY_SCHOOL, S.FAMILY_CENTRE)
    assert check.missing_sectors == (S.MUNICIPALITY,)
    assert any("municipality" in p for p in check.problems)
    full = one("ace", [("a", "c"), ("c", "e")], lead="a", needed=(S.MUNICIPALITY,))
    assert full.missing_sectors == ()


def test_praatclub_fires_for_strangers_and_not_for_a_team() -> None:
    # Six members, one tie: 1 of 15 pairs.
    strangers = one("abcdef", [("a", "b")], lead="a")
    assert strangers.praatclub
    assert strangers.untied_members == ("c", "d", "e", "f")
    assert strangers.islands == 5
    assert strangers.density == pytest.approx(1 / 15)
    # A triangle: everybody knows everybody.
    team = one("ace", [("a", "c"), ("c", "e"), ("a", "e")], lead="a")
    assert not team.praatclub and team.density == 1.0 and team.islands == 1
    # A chain of four: 3 of 6 pairs, above one in three.
    chain = one("abcd", [("a", "b"), ("b", "c"), ("c", "d")], lead="a")
    assert not chain.praatclub and chain.untied_members == ()


def test_praatclub_threshold_and_minimum_size() -> None:
    region = build(
        ORGS,
        PEOPLE,
        [("a", "b"), ("b", "c"), ("c", "d")],
        working_groups=(group("abcd", lead="a"), group("ab", lead="a", gid="pair")),
    )
    chain, pair = check_working_groups(region, praatclub_density=0.6)
    assert chain.praatclub
    assert not pair.praatclub  # two members: below the default minimum of 3
    strangers = build(ORGS, PEOPLE, working_groups=(group("ab", lead="a"),))
    assert check_working_groups(strangers, min_members=2)[0].praatclub
    assert not check_working_groups(strangers)[0].praatclub
    assert 0 < PRAATCLUB_DENSITY < 0.5


def test_kinds_filter_and_unknown_members() -> None:
    region = build(
        ORGS,
        PEOPLE,
        working_groups=(
            group("ab", gid="wg"),
            WorkingGroup("lea", "LEA", GroupKind.LEA_TABLE, members=("a", "ghost"), lead="nobody"),
        ),
    )
    assert [g.id for g in check_working_groups(region, kinds=["lea_table"])] == ["lea"]
    assert [g.id for g in check_working_groups(region, kinds=GroupKind.WORKING_GROUP)] == ["wg"]
    lea = check_working_groups(region, kinds=["lea_table"])[0]
    assert lea.members == ("a",) and lea.unknown_members == ("ghost", "nobody")
    assert check_working_groups(build(ORGS, PEOPLE)) == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kinds": ["werkgroep"]}, "unknown group kind 'werkgroep'.*choose from"),
        ({"praatclub_density": 1.5}, "praatclub_density must be a number from 0 to 1"),
        ({"praatclub_density": True}, "praatclub_density"),
        ({"min_members": -1}, "min_members must be a non-negative integer"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    region = build(ORGS, PEOPLE, working_groups=(group("ab"),))
    with pytest.raises(ValueError, match=message):
        check_working_groups(region, **kwargs)


@given(
    n=st.integers(2, 12),
    data=st.data(),
)
def test_member_ties_match_networkx(n: int, data: st.DataObject) -> None:
    sectors = data.draw(st.lists(st.sampled_from(list(ORGS.values())), min_size=n, max_size=n))
    edges = data.draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n)
    )
    members = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=n, unique=True))
    ids = [f"p{m}" for m in members]
    wg = WorkingGroup("wg", "W", members=tuple(ids))
    check = check_working_groups(random_region(sectors, edges, working_groups=(wg,)))[0]
    G = nx.Graph()  # noqa: N806
    G.add_nodes_from(ids)
    G.add_edges_from(
        (f"p{a}", f"p{b}") for a, b in edges if a != b and f"p{a}" in G and f"p{b}" in G
    )
    assert check.tied_pairs == G.number_of_edges()
    assert check.islands == nx.number_connected_components(G)
    assert check.untied_members == tuple(m for m in ids if G.degree(m) == 0)
    if len(ids) >= 2:
        assert check.density == pytest.approx(nx.density(G))
    assert check.praatclub == (len(ids) >= 3 and nx.density(G) < PRAATCLUB_DENSITY)


def test_every_organisation_of_a_member_counts_for_the_sectors_present() -> None:
    orgs = {**ORGS, "yc": S.YOUTH_CARE}
    people = {"w": ("gem", "yc"), "t": ("po", "yc"), "a": "po"}
    needed = (S.YOUTH_CARE, S.MUNICIPALITY, S.FAMILY_CENTRE)
    region = build(orgs, people, working_groups=(group("wa", lead="w", needed=needed),))
    check = check_working_groups(region)[0]
    present = {S.PRIMARY_SCHOOL, S.YOUTH_CARE, S.MUNICIPALITY}
    assert check.sectors == tuple(s for s in S if s in present)  # vocabulary order
    assert check.missing_sectors == (S.FAMILY_CENTRE,)
    teacher = build(orgs, people, working_groups=(group("t", needed=(S.YOUTH_CARE,)),))
    assert check_working_groups(teacher)[0].missing_sectors == ()
