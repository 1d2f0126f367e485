"""Tests for the networkx view of a region (``samenwerking.graph.networkx_view``).

Merged edge attributes are checked against a brute-force reference that walks the
:class:`Tie` objects one by one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.errors import SamenwerkingError
from samenwerking.graph.networkx_view import UnknownLevelError, to_graph
from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Tie,
    TieKind,
)

oid, pid = OrganisationId, ProfessionalId
STRENGTH = {TieKind.KNOWS: 0, TieKind.COLLABORATES: 1, TieKind.REFERS: 2}


def small_region() -> Region:
    """Three organisations, six people (one isolate, one without a known organisation)."""
    orgs = (
        Organisation(oid("school"), "Basisschool De Wilg", Sector.PRIMARY_SCHOOL, "Oosterhout",
                     parent=oid("board")),
        Organisation(oid("board"), "Stichting Wilg", Sector.SCHOOL_BOARD, "Oosterhout"),
        Organisation(oid("cjg"), "CJG Westveen", Sector.FAMILY_CENTRE, "Westveen"),
    )  # fmt: skip
    people = (
        Professional(pid("ib"), "I. Bos", Role.INTERN_BEGELEIDER, (oid("school"), oid("board"))),
        Professional(pid("teacher"), "T. Kok", Role.TEACHER, (oid("school"),)),
        Professional(pid("coach"), "C. Roos", Role.FAMILY_COACH, (oid("cjg"),)),
        Professional(pid("nurse"), "N. Blom", Role.YOUTH_NURSE, (oid("cjg"),)),
        Professional(pid("lonely"), "L. Prins", Role.DIRECTOR, (oid("board"),)),
        Professional(pid("guest"), "g. Smit", Role.OTHER, (oid("elsewhere"),)),
    )
    ties = [
        Tie(pid("ib"), pid("coach"), TieKind.KNOWS, strength=2.0, since=dt.date(2021, 5, 1)),
        Tie(pid("coach"), pid("ib"), TieKind.REFERS, strength=4.0, trust=3.0,
            since=dt.date(2019, 3, 1), met_at="lea-1", directed=True),
        Tie(pid("ib"), pid("coach"), TieKind.COLLABORATES, since=dt.date(2020, 1, 1),
            met_at="cafe"),
        Tie(pid("ib"), pid("teacher"), TieKind.COLLABORATES),
        Tie(pid("teacher"), pid("nurse"), TieKind.KNOWS, directed=True),
        Tie(pid("nurse"), pid("ghost"), TieKind.KNOWS),  # unknown professional: skipped
        Tie(pid("coach"), pid("coach"), TieKind.KNOWS),  # self tie: skipped
        Tie(pid("guest"), pid("nurse"), TieKind.KNOWS),
    ]  # fmt: skip
    return Region("Oosterhout", orgs, people, ties=ties)


def test_nodes_carry_the_main_organisation_and_isolates_are_kept() -> None:
    g = to_graph(small_region())
    assert isinstance(g, nx.Graph) and not g.is_directed()
    assert g.graph["name"] == "Oosterhout"
    assert set(g) == {"ib", "teacher", "coach", "nurse", "lonely", "guest"}
    assert g.degree("lonely") == 0
    assert g.nodes["ib"] == {
        "name": "I. Bos",
        "role": "intern_begeleider",
        "organisation": "school",
        "organisations": ("school", "board"),
        "sector": "primary_school",
        "domain": "education",
        "municipality": "Oosterhout",
    }
    assert all(type(v) is str for k, v in g.nodes["coach"].items() if k != "organisations")
    assert g.nodes["guest"]["sector"] is None and g.nodes["guest"]["organisation"] == "elsewhere"


def test_ties_between_one_pair_merge_into_one_edge() -> None:
    g = to_graph(small_region())
    edge = g.edges["coach", "ib"]
    assert edge == {
        "ties": 3,
        "kinds": ("collaborates", "knows", "refers"),
        "kind": "refers",
        "strength": 3.0,  # mean of 2 and 4; the third tie has none
        "trust": 3.0,
        "value": None,
        "since": dt.date(2019, 3, 1),
        "met_at": "lea-1",  # the meeting of the earliest tie
    }
    assert g.edges["ib", "teacher"]["ties"] == 1
    assert g.edges["ib", "teacher"]["since"] is None


def test_unknown_professionals_and_self_ties_are_skipped() -> None:
    g = to_graph(small_region())
    assert "ghost" not in g
    assert not list(nx.selfloop_edges(g))
    assert g.number_of_edges() == 4  # coach-ib, ib-teacher, teacher-nurse, guest-nurse


def test_directed_view_follows_tie_direction() -> None:
    d = to_graph(small_region(), directed=True)
    assert isinstance(d, nx.DiGraph)
    assert d.has_edge("teacher", "nurse") and not d.has_edge("nurse", "teacher")
    assert d.has_edge("ib", "teacher") and d.has_edge("teacher", "ib")
    # coach -> ib carries the directed referral plus both undirected ties.
    assert d.edges["coach", "ib"]["ties"] == 3
    assert d.edges["ib", "coach"]["ties"] == 2
    assert d.edges["ib", "coach"]["kind"] == "collaborates"
    assert d.edges["ib", "coach"]["met_at"] == "cafe"


def test_organisation_level() -> None:
    g = to_graph(small_region(), "organisation")
    assert set(g) == {"school", "board", "cjg"}
    assert g.nodes["school"] == {
        "name": "Basisschool De Wilg",
        "sector": "primary_school",
        "domain": "education",
        "municipality": "Oosterhout",
        "parent": "board",
    }
    # school-cjg: three ib-coach ties and one teacher-nurse tie, carried by four people.
    assert g.edges["school", "cjg"] == {"weight": 4, "people": 4}
    # ib-teacher is inside the school: no self loop. guest has no known organisation.
    assert g.number_of_edges() == 1
    assert not list(nx.selfloop_edges(g))


def test_organisation_level_directed() -> None:
    d = to_graph(small_region(), "organisation", directed=True)
    assert d.edges["school", "cjg"]["weight"] == 3  # two undirected ib-coach + teacher -> nurse
    assert d.edges["cjg", "school"]["weight"] == 3  # two undirected ib-coach + coach -> ib


@pytest.mark.parametrize("level", ["people", "", "Professional"])
def test_unknown_level_names_the_choices(level: Any) -> None:
    with pytest.raises(UnknownLevelError, match="'professional' or 'organisation'") as info:
        to_graph(small_region(), level)
    assert isinstance(info.value, ValueError) and isinstance(info.value, SamenwerkingError)


def test_empty_region() -> None:
    g = to_graph(Region("Leeg"))
    assert g.number_of_nodes() == 0 and g.graph["name"] == "Leeg"
    assert to_graph(Region("Leeg"), "organisation", directed=True).number_of_nodes() == 0


# -- property tests against a brute-force reference ------------------------------------

PEOPLE = ["a", "b", "c", "d", "e"]
scores = st.none() | st.integers(1, 5).map(float)
dates = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1))
ties = st.builds(
    Tie,
    source=st.sampled_from([*PEOPLE, "x"]).map(pid),
    target=st.sampled_from(PEOPLE).map(pid),
    kind=st.sampled_from(TieKind),
    strength=scores,
    trust=scores,
    value=scores,
    since=dates,
    met_at=st.none() | st.sampled_from(["m1", "m2"]),
    directed=st.booleans(),
)


@st.composite
def regions(draw: st.DrawFn) -> Region:
    orgs = tuple(
        Organisation(oid(f"o{i}"), f"Org {i}", draw(st.sampled_from(Sector)),
                     draw(st.sampled_from(["Noord", "Zuid"])))
        for i in range(draw(st.integers(1, 3)))
    )  # fmt: skip
    people = tuple(
        Professional(pid(p), p.upper(), draw(st.sampled_from(Role)),
                     (oid(f"o{draw(st.integers(0, len(orgs)))}"),))  # o{len} is unknown
        for p in PEOPLE
    )  # fmt: skip
    return Region("R", orgs, people, ties=draw(st.lists(ties, max_size=15)))


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def reference_professional_edges(region: Region, directed: bool) -> dict[Any, dict[str, Any]]:
    known = {p.id for p in region.professionals}
    groups: dict[Any, list[tuple[int, Tie]]] = defaultdict(list)
    for row, tie in enumerate(region.ties):
        if tie.source not in known or tie.target not in known or tie.source == tie.target:
            continue
        if not directed:
            groups[frozenset((tie.source, tie.target))].append((row, tie))
        else:
            groups[(tie.source, tie.target)].append((row, tie))
            if not tie.directed:
                groups[(tie.target, tie.source)].append((row, tie))
    out = {}
    for key, rows in groups.items():
        group = [t for _, t in rows]
        dated = [t.since for t in group if t.since is not None]
        with_meeting = sorted(
            ((t.since or dt.date.max, row, t.met_at) for row, t in rows if t.met_at is not None)
        )
        out[key] = {
            "ties": len(group),
            "kinds": tuple(sorted({t.kind.value for t in group})),
            "kind": max((t.kind for t in group), key=STRENGTH.__getitem__).value,
            "strength": _mean([t.strength for t in group]),
            "trust": _mean([t.trust for t in group]),
            "value": _mean([t.value for t in group]),
            "since": min(dated) if dated else None,
            "met_at": with_meeting[0][2] if with_meeting else None,
        }
    return out


def _close(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.keys() != b.keys():
        return False
    for k in a:
        if isinstance(a[k], float) and isinstance(b[k], float):
            if not math.isclose(a[k], b[k]):
                return False
        elif a[k] != b[k]:
            return False
    return True


@given(regions(), st.booleans())
def test_professional_edges_match_brute_force(region: Region, directed: bool) -> None:
    g = to_graph(region, directed=directed)
    expected = reference_professional_edges(region, directed)
    assert list(g) == [p.id for p in region.professionals]
    got = {((u, v) if directed else frozenset((u, v))): data for u, v, data in g.edges(data=True)}
    assert got.keys() == expected.keys()
    for key, data in got.items():
        assert _close(data, expected[key]), (key, data, expected[key])


@given(regions(), st.booleans())
def test_organisation_edges_match_brute_force(region: Region, directed: bool) -> None:
    main = {p.id: p.organisation for p in region.professionals}
    org_ids = {o.id for o in region.organisations}
    weight: dict[Any, int] = defaultdict(int)
    people: dict[Any, set[str]] = defaultdict(set)
    for tie in region.ties:
        if tie.source not in main or tie.target not in main or tie.source == tie.target:
            continue
        a, b = main[tie.source], main[tie.target]
        if a == b or a not in org_ids or b not in org_ids:
            continue
        keys = [frozenset((a, b))] if not directed else [(a, b)]
        if directed and not tie.directed:
            keys.append((b, a))
        for key in keys:
            weight[key] += 1
            people[key] |= {tie.source, tie.target}
    g = to_graph(region, "organisation", directed=directed)
    got = {((u, v) if directed else frozenset((u, v))): d for u, v, d in g.edges(data=True)}
    assert got == {k: {"weight": weight[k], "people": len(people[k])} for k in weight}
    assert set(g) == org_ids


def test_mean_of_huge_scores_does_not_overflow() -> None:
    """Two ties rated near the largest float average to that rating, not to infinity."""
    huge = 1.5e308
    region = Region(
        "x",
        organisations=(Organisation(OrganisationId("o"), "O", Sector.OTHER, "X"),),
        professionals=tuple(
            Professional(ProfessionalId(p), p.upper(), Role.OTHER, (OrganisationId("o"),))
            for p in ("a", "b")
        ),
        ties=[
            Tie(ProfessionalId("a"), ProfessionalId("b"), TieKind.KNOWS, strength=huge),
            Tie(ProfessionalId("a"), ProfessionalId("b"), TieKind.REFERS, strength=huge),
        ],
    )
    graph = to_graph(region)
    assert graph.edges["a", "b"]["strength"] == pytest.approx(huge)
    assert math.isfinite(graph.edges["a", "b"]["strength"])
