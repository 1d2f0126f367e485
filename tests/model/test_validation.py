"""Tests for region validation: every broken reference, duplicate and bad date is found."""

from __future__ import annotations

import datetime as dt

import pytest

from samenwerking.errors import InvalidRegionError, UnknownIdError
from samenwerking.model import (
    Agenda,
    AgendaKind,
    Agreement,
    AgreementLevel,
    Case,
    CaseInvolvement,
    Commitment,
    Endorsement,
    Meeting,
    MeetingKind,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Step,
    SupportLevel,
    Tie,
    Topic,
    WorkingGroup,
    WorkingGroupId,
)
from samenwerking.model.validation import region_problems

Org, P = OrganisationId, ProfessionalId


def _base() -> Region:
    return Region(
        "Testdorp",
        organisations=(
            Organisation(Org("gem"), "Gemeente", Sector.MUNICIPALITY, "Testdorp"),
            Organisation(Org("board"), "Bestuur", Sector.SCHOOL_BOARD, "Testdorp"),
            Organisation(
                Org("s1"), "School 1", Sector.PRIMARY_SCHOOL, "Testdorp", parent=Org("board")
            ),
        ),
        professionals=(
            Professional(P("p1"), "Ann", Role.POLICY_ADVISER, (Org("gem"),)),
            Professional(P("p2"), "Bob", Role.INTERN_BEGELEIDER, (Org("s1"),)),
        ),
        ties=[Tie(P("p1"), P("p2"))],
    )


def _messages(region: Region) -> set[tuple[str, str, object, str]]:
    return {(p.location, p.field, p.value, p.message) for p in region_problems(region)}


def test_a_consistent_region_has_no_problems() -> None:
    region = _base()
    assert region_problems(region) == []
    assert region.validate() is region


def test_every_broken_reference_is_reported() -> None:
    base = _base()
    region = base.replace(
        organisations=(
            *base.organisations,
            Organisation(
                Org("s2"), "School 2", Sector.PRIMARY_SCHOOL, "Testdorp", parent=Org("nope")
            ),
        ),
        professionals=(
            *base.professionals,
            Professional(P("p3"), "Cas", Role.TEACHER, (Org("s1"), Org("ghost"))),
        ),
        ties=[Tie(P("p1"), P("p2")), Tie(P("p1"), P("zz"), met_at="m-x")],
        agreements=(
            Agreement(
                "a1",
                "Thuiszitters",
                "attendance",
                AgreementLevel.ADMINISTRATIVE,
                parties=(Org("gem"), Org("board")),
                commitments=(Commitment(Org("s1"), "Report absence"),),
                endorsements=(Endorsement(Org("gem")), Endorsement(Org("gem"))),
                valid_from=dt.date(2024, 1, 1),
                valid_until=dt.date(2023, 1, 1),
            ),
        ),
        agendas=(
            Agenda(
                "ag",
                "Agenda",
                AgendaKind.TRANSFORMATION,
                Org("gem"),
                topics=(
                    Topic(
                        "t1",
                        "Prevention",
                        working_group=WorkingGroupId("wg-x"),
                        steps=(Step("Map it", owner=P("p9")),),
                    ),
                ),
            ),
        ),
        working_groups=(WorkingGroup(WorkingGroupId("wg"), "WG", lead=P("p8")),),
        meetings=(
            Meeting("m1", "Café", MeetingKind.SOCIAAL_CAFE, participants=(P("p1"), P("p1"))),
        ),
        cases=(
            Case(
                "c1",
                "Testdorp",
                SupportLevel.EXTRA,
                school=Org("board"),
                coordinator=P("p7"),
                involved=(CaseInvolvement(P("p6")),),
                opened=dt.date(2024, 5, 1),
                closed=dt.date(2024, 4, 1),
            ),
        ),
    )
    found = _messages(region)
    expected = {
        ("$.organisations[3]", "parent", "nope", "unknown organisation"),
        ("$.professionals[2]", "organisations", "ghost", "unknown organisation"),
        ("$.ties[1]", "target", "zz", "unknown professional"),
        ("$.ties[1]", "met_at", "m-x", "unknown meeting"),
        ("$.agreements[0].commitments[0]", "party", "s1", "commitment by a non-party"),
        ("$.agreements[0]", "valid_until", "2023-01-01", "ends before it starts (2024-01-01)"),
        ("$.agendas[0].topics[0]", "working_group", "wg-x", "unknown working group"),
        ("$.agendas[0].topics[0].steps[0]", "owner", "p9", "unknown professional"),
        ("$.working_groups[0]", "lead", "p8", "unknown professional"),
        ("$.meetings[0]", "participants", "p1", "professional listed twice"),
        ("$.cases[0]", "school", "board", "not a school (sector school_board)"),
        ("$.cases[0]", "coordinator", "p7", "unknown professional"),
        ("$.cases[0]", "involved", "p6", "unknown professional"),
        ("$.cases[0]", "closed", "2024-04-01", "ends before it starts (2024-05-01)"),
    }
    assert expected <= found
    assert any(
        m[3].startswith("duplicate id") and m[0] == "$.agreements[0].endorsements[1]" for m in found
    )
    with pytest.raises(InvalidRegionError) as info:
        region.validate()
    assert len(info.value.problems) == len(found)
    assert "ties[1], field 'target', value 'zz': unknown professional" in str(info.value)


def test_duplicates_and_self_ties_are_reported() -> None:
    base = _base()
    region = base.replace(
        professionals=(*base.professionals, base.professionals[0]),
        ties=[
            Tie(P("p1"), P("p2")),
            Tie(P("p2"), P("p1")),
            Tie(P("p2"), P("p2")),
            Tie(P("p2"), P("p1"), directed=True),
        ],
    )
    found = _messages(region)
    assert ("$.professionals[2]", "id", "p1", "duplicate id (appears 2 times)") in found
    assert any(loc == "$.ties[1]" and msg.startswith("duplicate tie") for loc, _, _, msg in found)
    assert ("$.ties[2]", "target", "p2", "a tie from a professional to themselves") in found
    # A directed survey answer is not a duplicate of an undirected tie.
    assert not any(loc == "$.ties[3]" for loc, *_ in found)


def test_parent_cycles_are_reported_once() -> None:
    region = Region(
        "x",
        organisations=(
            Organisation(Org("a"), "A", Sector.OTHER, "X", parent=Org("b")),
            Organisation(Org("b"), "B", Sector.OTHER, "X", parent=Org("a")),
        ),
    )
    cycles = [p for p in region_problems(region) if "cycle" in p.message]
    assert len(cycles) == 1


def test_problem_list_is_capped_with_a_count_of_the_rest() -> None:
    region = Region("x", ties=[Tie(P(f"a{i}"), P(f"b{i}")) for i in range(30)])
    problems = region_problems(region, limit=10)
    assert len(problems) == 11
    assert problems[-1].message.startswith("... and 50 more problems")


def test_custom_locator_names_file_and_row() -> None:
    region = Region("x", ties=[Tie(P("a"), P("b"))])
    problems = region_problems(region, locate=lambda path: ("ties.csv", f"row {int(path[1]) + 2}"))
    assert str(problems[0]) == "ties.csv, row 2, field 'source', value 'a': unknown professional"


def test_lookups_name_the_missing_id() -> None:
    region = _base()
    assert region.professional("p2").name == "Bob"
    assert region.domain_of("p2").value == "education"
    assert [p.id for p in region.members_of("s1")] == ["p2"]
    with pytest.raises(UnknownIdError, match="'p404'") as info:
        region.professional("p404")
    assert isinstance(info.value, LookupError)
