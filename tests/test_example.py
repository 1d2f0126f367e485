"""The bundled example region: valid, deterministic, and holding every promised part."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

import samenwerking as sw
from samenwerking.example import EXAMPLE_NAME, example_region
from samenwerking.model import (
    AgendaKind,
    AgreementStatus,
    CaseEventKind,
    CaseStatus,
    GroupKind,
    MeetingKind,
    Region,
    Role,
    Sector,
    StepStatus,
)

# The day the example's "past due" and "stranded" are judged against.
REFERENCE_DAY = dt.date(2025, 1, 1)


@pytest.fixture(scope="module")
def region() -> Region:
    return example_region()


def sectors(region: Region) -> Counter[Sector]:
    return Counter(o.sector for o in region.organisations)


def test_valid_and_deterministic(region: Region) -> None:
    assert region.validate() is region
    assert example_region() == region
    assert region.name == EXAMPLE_NAME == "Lindenhoeve"


def test_schools_boards_and_samenwerkingsverbanden(region: Region) -> None:
    count = sectors(region)
    assert count[Sector.PRIMARY_SCHOOL] == 16
    assert count[Sector.SECONDARY_SCHOOL] == 2
    assert count[Sector.SPECIAL_SCHOOL] == 2
    by_id = {o.id: o for o in region.organisations}
    primary_boards = {o.parent for o in region.organisations if o.sector is Sector.PRIMARY_SCHOOL}
    assert 3 <= len(primary_boards) <= 4
    for school in region.organisations:
        if school.sector.is_school:
            assert school.parent is not None
            assert by_id[school.parent].sector is Sector.SCHOOL_BOARD
    for swv_sector in (Sector.SWV_PO, Sector.SWV_VO):
        (swv,) = (o for o in region.organisations if o.sector is swv_sector)
        members = [o for o in region.organisations if swv.id in o.memberships]
        assert members, swv_sector
        assert all(m.sector is Sector.SCHOOL_BOARD for m in members)


def test_other_partners(region: Region) -> None:
    count = sectors(region)
    for sector in (
        Sector.MUNICIPALITY,
        Sector.FAMILY_CENTRE,
        Sector.YOUTH_HEALTH,
        Sector.NEIGHBOURHOOD_TEAM,
        Sector.CHILDCARE,
        Sector.PRESCHOOL,
        Sector.WELFARE,
        Sector.SCHOOL_ATTENDANCE,
    ):
        assert count[sector] >= 1, sector
    assert count[Sector.YOUTH_CARE] == 3


def test_professionals_and_roles(region: Region) -> None:
    assert 150 <= len(region.professionals) <= 250
    roles = {p.role for p in region.professionals}
    for role in (
        Role.DIRECTOR,
        Role.INTERN_BEGELEIDER,
        Role.TEACHER,
        Role.ORTHOPEDAGOOG,
        Role.YOUTH_CONSULTANT,
        Role.YOUTH_DOCTOR,
        Role.YOUTH_NURSE,
        Role.ATTENDANCE_OFFICER,
        Role.POLICY_ADVISER,
        Role.ALDERMAN,
        Role.BOARD_MEMBER,
    ):
        assert role in roles, role
    assert len({p.name for p in region.professionals}) == len(region.professionals)
    # Every organisation has people.
    staffed = {org for p in region.professionals for org in p.organisations}
    assert staffed == {o.id for o in region.organisations}


def test_ties_carry_scores_dates_and_meetings(region: Region) -> None:
    ties = list(region.ties)
    scored = [t for t in ties if t.strength is not None]
    assert 0 < len(scored) < len(ties)
    assert all(t.trust is not None and t.value is not None for t in scored)
    assert any(t.since is not None for t in ties)
    meetings = {m.id: m for m in region.meetings}
    met = [t for t in ties if t.met_at is not None]
    assert met
    for tie in met:
        meeting = meetings[tie.met_at]
        assert {tie.source, tie.target} <= set(meeting.participants)
        assert tie.since == meeting.date
    assert any(t.directed for t in ties)


def test_lea_table_has_one_representative_per_provision(region: Region) -> None:
    (lea,) = (g for g in region.working_groups if g.kind is GroupKind.LEA_TABLE)
    provisions = {
        Sector.PRESCHOOL,
        Sector.PRIMARY_SCHOOL,
        Sector.SECONDARY_SCHOOL,
        Sector.SPECIAL_SCHOOL,
        Sector.FAMILY_CENTRE,
        Sector.MUNICIPALITY,
    }
    assert set(lea.needed_sectors) == provisions
    assert lea.lead in lea.members
    # A board member represents the kind of school the board runs.
    schools_of = Counter[tuple[str, Sector]]()
    for org in region.organisations:
        if org.parent is not None:
            schools_of[(org.parent, org.sector)] += 1
    represented: set[Sector] = set()
    for pid in lea.members:
        org = region.organisation(region.professional(pid).organisation)
        represented.add(org.sector)
        represented.update(s for (board, s) in schools_of if board == org.id)
    assert provisions <= represented


def test_working_groups_and_meetings(region: Region) -> None:
    groups = [g for g in region.working_groups if g.kind is GroupKind.WORKING_GROUP]
    assert len(groups) >= 3
    themes = {g.theme for g in groups}
    assert {"krimp", "warm handover", "thuiszitters"} <= themes
    for group in groups:
        assert group.lead in group.members
        assert group.needed_sectors
    kinds = {m.kind for m in region.meetings}
    assert {
        MeetingKind.LEA_TABLE,
        MeetingKind.SOCIAAL_CAFE,
        MeetingKind.CONFERENCE,
        MeetingKind.SUPPORT_TEAM,
    } <= kinds
    assert all(m.participants and m.date is not None for m in region.meetings)


def test_agreements_show_each_weakness(region: Region) -> None:
    agreements = region.agreements

    def endorsed(a: sw.Agreement) -> set[str]:
        return {e.party for e in a.endorsements}

    complete = [
        a
        for a in agreements
        if a.success_criteria
        and a.commitments
        and a.valid_from
        and a.valid_until
        and endorsed(a) == set(a.parties)
        and a.status is AgreementStatus.ACTIVE
    ]
    assert complete
    assert any(not a.success_criteria for a in agreements)
    expired = [a for a in agreements if a.status is AgreementStatus.EXPIRED]
    assert expired
    assert all(a.valid_until is not None and a.valid_until < REFERENCE_DAY for a in expired)
    assert any(endorsed(a) and endorsed(a) < set(a.parties) for a in agreements)


def test_transformation_agenda(region: Region) -> None:
    (agenda,) = (a for a in region.agendas if a.kind is AgendaKind.TRANSFORMATION)
    assert agenda.start is not None and agenda.end is not None
    assert 2 <= agenda.end.year - agenda.start.year <= 3
    assert {"analysis", "clarity", "prevention", "expectations"} <= {t.id for t in agenda.topics}
    groups = {g.id for g in region.working_groups}
    for topic in agenda.topics:
        assert topic.outcomes and topic.steps and topic.leads
        assert topic.working_group in groups
    steps = [s for t in agenda.topics for s in t.steps]
    assert any(s.status is StepStatus.DONE for s in steps)
    assert any(
        s.due is not None
        and s.due < REFERENCE_DAY
        and s.status not in (StepStatus.DONE, StepStatus.DROPPED)
        for s in steps
    )
    assert any(s.owner is None for s in steps)


def test_cases(region: Region) -> None:
    cases = region.cases
    assert len(cases) == 12
    assert all(re.fullmatch(r"c-[0-9a-f]{6}", c.id) for c in cases)
    assert {c.support_level for c in cases} == set(sw.SupportLevel)
    assert len({c.status for c in cases}) >= 2
    assert sum(c.coordinator is None for c in cases) == 1
    assert any(c.school is None for c in cases)
    for case in cases:
        dates = [e.date for e in case.events]
        assert dates == sorted(dates)
        assert case.events[0].kind is CaseEventKind.SIGNALLED
        assert case.involved
        assert (case.closed is None) == (case.status is CaseStatus.OPEN)
    stranded = [
        c
        for c in cases
        if c.is_open
        and not c.has_plan
        and c.opened is not None
        and (REFERENCE_DAY - c.opened).days > 365
        and any(e.kind is CaseEventKind.DISPUTE for e in c.events)
    ]
    assert len(stranded) == 1


def test_islands_silo_and_isolates(region: Region) -> None:
    found = sw.analysis.islands(sw.to_graph(region))
    assert len(found.islands) > 1
    assert found.isolates
    by_org = {p.id: p.organisation for p in region.professionals}
    sector_of = {o.id: o.sector for o in region.organisations}
    childcare_silo = [
        s
        for s in found.silos
        if {sector_of[by_org[m]] for m in s.members} == {Sector.CHILDCARE, Sector.PRESCHOOL}
    ]
    assert childcare_silo
    # A youth-care provider that no one outside it knows.
    largest = set(found.islands[0].members)
    assert any(
        o.sector is Sector.YOUTH_CARE and not any(by_org[m] == o.id for m in largest)
        for o in region.organisations
    )
