"""The LEA table check: representation per provision and each representative's reach."""

from __future__ import annotations

import networkx as nx
import pytest
from governance_regions import build, random_region
from hypothesis import given
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.errors import SamenwerkingError, UnknownIdError
from samenwerking.governance import DEFAULT_PROVISIONS, find_lea_table, lea_table
from samenwerking.model import GroupKind, Sector, WorkingGroup

S = Sector


def table(*members: str, gid: str = "lea", kind: GroupKind = GroupKind.LEA_TABLE) -> WorkingGroup:
    return WorkingGroup(gid, f"Table {gid}", kind, members=members)


FULL_ORGS = {
    "vve": S.PRESCHOOL,
    "po": S.PRIMARY_SCHOOL,
    "vo": S.SECONDARY_SCHOOL,
    "so": S.SPECIAL_SCHOOL,
    "cjg": S.FAMILY_CENTRE,
    "gem": S.MUNICIPALITY,
    "welzijn": S.WELFARE,
}
FULL_PEOPLE = {
    "r-vve": "vve",
    "r-po": "po",
    "r-vo": "vo",
    "r-so": "so",
    "r-cjg": "cjg",
    "r-gem": "gem",
    "w": "welzijn",
}


def test_one_representative_per_provision_is_ok() -> None:
    region = build(FULL_ORGS, FULL_PEOPLE, working_groups=(table(*FULL_PEOPLE),))
    result = lea_table(region)
    assert result.ok and result.missing == () and result.crowded == ()
    assert [p.name for p in result.provisions] == list(DEFAULT_PROVISIONS)
    assert [r.id for r in result.representatives] == [
        "r-vve", "r-po", "r-vo", "r-so", "r-cjg", "r-gem"
    ]  # fmt: skip
    assert result.unrepresenting == ("w",)
    assert "exactly one" in str(result)


def test_missing_and_more_than_one() -> None:
    people = {**FULL_PEOPLE, "r-po2": "po"}
    members = [m for m in people if m not in ("r-so", "r-vve")]
    region = build(FULL_ORGS, people, working_groups=(table(*members),))
    result = lea_table(region)
    assert not result.ok
    assert result.missing == ("pre-school", "special")
    assert result.crowded == ("primary",)
    assert result.provision("primary").status == "more than one"
    assert result.provision("special").status == "missing"
    assert result.provision("secondary").status == "ok"
    assert "missing pre-school, special" in str(result)
    with pytest.raises(UnknownIdError):
        result.provision("university")


def test_board_and_swv_represent_the_schools_under_them() -> None:
    orgs = {
        "swv": S.SWV_PO,
        "board": (S.SCHOOL_BOARD, None, ("swv",)),
        "po": (S.PRIMARY_SCHOOL, "board", ()),
        "sbo": (S.SPECIAL_PRIMARY_SCHOOL, "board", ()),
        "so": (S.SPECIAL_SCHOOL, None, ("swv",)),
        "lonely-board": S.SCHOOL_BOARD,
    }
    people = {"b": "board", "s": "swv", "l": "lonely-board", "t": "po"}
    region = build(orgs, people, working_groups=(table("b", "s", "l"),))
    result = lea_table(region)
    assert [r.id for r in result.provision("primary").representatives] == ["b", "s"]
    assert [r.id for r in result.provision("special").representatives] == ["s"]
    # A board with no schools under it represents nothing.
    assert result.unrepresenting == ("l",)
    # Without umbrellas only the own sector counts.
    plain = lea_table(region, umbrella_sectors=())
    assert plain.unrepresenting == ("b", "s", "l")


def test_reach_of_a_representative() -> None:
    # r (primary) - a - b - c, with a, b, c, d primary; d unreachable.
    orgs = {"po": S.PRIMARY_SCHOOL, "gem": S.MUNICIPALITY}
    people = {"r": "po", "a": "po", "b": "po", "c": "po", "d": "po", "g": "gem"}
    region = build(
        orgs,
        people,
        [("r", "a"), ("a", "b"), ("b", "c"), ("r", "g")],
        working_groups=(table("r", "g"),),
    )
    rep = lea_table(region).provision("primary").representatives[0]
    assert (rep.constituency, rep.reached_1, rep.reached_2) == (4, 1, 2)
    assert rep.share_1 == pytest.approx(1 / 4) and rep.share_2 == pytest.approx(2 / 4)
    mun = lea_table(region).provision("municipality").representatives[0]
    assert mun.constituency == 0 and mun.share_1 is None and mun.share_2 is None


def test_configurable_provisions_and_table_choice() -> None:
    region = build(
        FULL_ORGS,
        FULL_PEOPLE,
        working_groups=(table("w", gid="t1"), table("r-po", gid="t2", kind=GroupKind.OTHER)),
    )
    result = lea_table(region, provisions={"welfare": ["welfare"], "care": (S.YOUTH_CARE,)})
    assert result.table == "t1"
    assert result.missing == ("care",)
    assert [r.id for r in result.provision("welfare").representatives] == ["w"]
    assert lea_table(region, table="t2").provision("primary").representatives[0].id == "r-po"


def test_unknown_members_are_reported_not_counted() -> None:
    region = build(FULL_ORGS, FULL_PEOPLE, working_groups=(table("r-po", "ghost"),))
    result = lea_table(region)
    assert result.unknown_members == ("ghost",)
    assert result.unrepresenting == ()


def test_bad_arguments() -> None:
    none = build(FULL_ORGS, FULL_PEOPLE)
    with pytest.raises(SamenwerkingError, match="no working group of kind 'lea_table'"):
        lea_table(none)
    two = build(FULL_ORGS, FULL_PEOPLE, working_groups=(table(gid="a"), table(gid="b")))
    with pytest.raises(ValueError, match=r"2 LEA tables .*'a', 'b'.*table="):
        lea_table(two)
    assert find_lea_table(two, "b").id == "b"
    with pytest.raises(UnknownIdError, match="working group"):
        lea_table(two, table="c")
    one = build(FULL_ORGS, FULL_PEOPLE, working_groups=(table(),))
    with pytest.raises(ValueError, match=r"unknown sector 'school'.*choose from"):
        lea_table(one, provisions={"x": ["school"]})
    with pytest.raises(ValueError, match="covers no sector"):
        lea_table(one, provisions={"x": []})
    with pytest.raises(ValueError, match="non-empty mapping"):
        lea_table(one, provisions={})
    with pytest.raises(ValueError, match="needs a Region"):
        lea_table("region")
    other = sw.compact_graph(build({"x": S.OTHER}, {"p": "x"}))
    with pytest.raises(ValueError, match="1 nodes but the region has 7"):
        lea_table(one, graph=other)


SECTORS = [S.PRIMARY_SCHOOL, S.SECONDARY_SCHOOL, S.MUNICIPALITY, S.FAMILY_CENTRE, S.WELFARE]


@given(
    sectors=st.lists(st.sampled_from(SECTORS), min_size=2, max_size=14),
    data=st.data(),
)
def test_reach_matches_networkx_shortest_paths(sectors: list[Sector], data: st.DataObject) -> None:
    n = len(sectors)
    edges = data.draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n)
    )
    members = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=4, unique=True))
    region = random_region(sectors, edges, working_groups=(table(*(f"p{m}" for m in members)),))
    result = lea_table(region)
    G = nx.Graph()  # noqa: N806
    G.add_nodes_from(f"p{i}" for i in range(n))
    G.add_edges_from((f"p{a}", f"p{b}") for a, b in edges if a != b)
    sector_of = {f"p{i}": s for i, s in enumerate(sectors)}
    for rep in result.representatives:
        wanted = set(DEFAULT_PROVISIONS[rep.provision])
        constituency = {p for p, s in sector_of.items() if s in wanted} - {rep.id}
        hops = nx.single_source_shortest_path_length(G, rep.id, cutoff=2)
        assert rep.constituency == len(constituency)
        assert rep.reached_1 == sum(1 for p in constituency if hops.get(p) == 1)
        assert rep.reached_2 == sum(1 for p in constituency if p in hops)
    represented = {r.id for r in result.representatives}
    for m in members:
        pid = f"p{m}"
        assert (pid in represented) != (pid in result.unrepresenting)


def test_constituency_counts_every_organisation_a_professional_works_for() -> None:
    orgs = {"gem": S.MUNICIPALITY, "yc": S.YOUTH_CARE, "po": S.PRIMARY_SCHOOL}
    # w sits at the table for the municipality (main organisation) and also works in youth
    # care; t teaches and also works in youth care.
    people = {"w": ("gem", "yc"), "j": "yc", "d": "po", "t": ("po", "yc")}
    region = build(orgs, people, [("j", "t")], working_groups=(table("w", "j", "d"),))
    result = lea_table(region)
    (youth,) = result.provision("youth care / family centre").representatives
    assert youth.id == "j" and youth.constituency == 2  # w and t, through yc
    assert (youth.reached_1, youth.reached_2) == (1, 1)
    (primary,) = result.provision("primary").representatives
    assert primary.id == "d" and primary.constituency == 1  # t
    (municipality,) = result.provision("municipality").representatives
    assert municipality.id == "w" and municipality.constituency == 0
    assert result.provision("youth care / family centre").status == "ok"  # w: main org only
