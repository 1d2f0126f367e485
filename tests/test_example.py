"""The bundled example region: valid, deterministic, and holding every promised part."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter

import networkx as nx
import pytest

import samenwerking as sw
from samenwerking.example import (
    EXAMPLE_KEY,
    EXAMPLE_NAME,
    REFERENCE_DATE,
    YOUTH_CONSTITUTION,
    example_region,
)
from samenwerking.model import (
    AgendaKind,
    Agreement,
    AgreementStatus,
    CaseEventKind,
    CaseStatus,
    Domain,
    GroupKind,
    MeetingKind,
    Region,
    Role,
    Sector,
    StepStatus,
    SupportLevel,
    Tie,
    WorkingGroup,
)
from samenwerking.privacy import pseudonymise

SIX_WEEKS = dt.timedelta(weeks=6)


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
        assert any(m.sector is Sector.SCHOOL_BOARD for m in members), swv_sector
        assert all(m.sector is Sector.SCHOOL_BOARD or m.sector.is_school for m in members)
    # Every school is a member of exactly one samenwerkingsverband.
    swvs = {o.id for o in region.organisations if o.sector in (Sector.SWV_PO, Sector.SWV_VO)}
    for school in region.organisations:
        if school.sector.is_school:
            assert len(swvs & set(school.memberships)) == 1, school.id


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


# -- helpers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph(region: Region) -> nx.Graph:
    return sw.to_graph(region)


def sector_of(region: Region) -> dict[str, Sector]:
    return {p.id: region.sector_of(p.id) for p in region.professionals}


def density(graph: nx.Graph, people: tuple[str, ...]) -> float:
    pairs = list(itertools.combinations(people, 2))
    return sum(graph.has_edge(a, b) for a, b in pairs) / len(pairs)


def share_within_two(region: Region, graph: nx.Graph, pid: str) -> float:
    """The share of a professional's own sector they reach within two steps."""
    sectors = sector_of(region)
    own = [q for q in sectors if sectors[q] is sectors[pid] and q != pid]
    reached = nx.single_source_shortest_path_length(graph, pid, cutoff=2)
    return sum(q in reached for q in own) / len(own)


def components(region: Region, ties: list[Tie]) -> int:
    g = nx.Graph()
    g.add_nodes_from(p.id for p in region.professionals)
    g.add_edges_from((t.source, t.target) for t in ties)
    return nx.number_connected_components(g)


def ei_index(region: Region, ties: list[Tie]) -> float:
    external = sum(region.domain_of(t.source) is not region.domain_of(t.target) for t in ties)
    return (2 * external - len(ties)) / len(ties)


# -- LEA table and working groups -------------------------------------------------------


def lea(region: Region) -> WorkingGroup:
    (table,) = (g for g in region.working_groups if g.kind is GroupKind.LEA_TABLE)
    return table


def test_lea_table_misses_pre_school_and_seats_primary_twice(region: Region) -> None:
    table = lea(region)
    assert table.lead in table.members
    assert Sector.PRESCHOOL in table.needed_sectors
    seats = Counter(region.sector_of(p) for p in table.members)
    # Nobody from a pre-school or childcare organisation.
    assert seats[Sector.PRESCHOOL] == seats[Sector.CHILDCARE] == 0
    # Umbrella organisations would represent several provisions: none at the table.
    assert not seats.keys() & {Sector.SCHOOL_BOARD, Sector.SWV_PO, Sector.SWV_VO}
    assert seats[Sector.PRIMARY_SCHOOL] == 2
    for sector in set(table.needed_sectors) - {Sector.PRESCHOOL, Sector.PRIMARY_SCHOOL}:
        assert seats[sector] == 1, sector


def test_lea_representatives_reach_their_sector_unequally(region: Region, graph: nx.Graph) -> None:
    shares = {p: share_within_two(region, graph, p) for p in lea(region).members}
    assert max(shares.values()) >= 0.75
    assert min(shares.values()) <= 0.25


def test_working_groups_show_each_problem_and_a_healthy_one(
    region: Region, graph: nx.Graph
) -> None:
    groups = [g for g in region.working_groups if g.kind is GroupKind.WORKING_GROUP]
    themes = {g.theme for g in groups}
    assert {"krimp", "warm handover", "thuiszitters", YOUTH_CONSTITUTION} <= themes
    sectors = sector_of(region)

    def missing(group: WorkingGroup) -> set[Sector]:
        return set(group.needed_sectors) - {sectors[m] for m in group.members}

    assert any(g.lead is None for g in groups)
    assert any(g.lead is not None and g.lead not in g.members for g in groups)
    assert any(g.lead in g.members and missing(g) for g in groups)
    praatclubs = [
        g
        for g in groups
        if len(g.members) >= 5 and g.lead in g.members and not missing(g)
        and density(graph, g.members) < 0.1
    ]  # fmt: skip
    assert praatclubs
    # The praatclub's members are no strangers to the network, only to each other.
    assert all(graph.degree(m) > 0 for m in praatclubs[0].members)
    healthy = [
        g
        for g in groups
        if g.lead in g.members and not missing(g) and density(graph, g.members) >= 0.8
    ]
    assert healthy
    assert all(g.needed_sectors for g in groups)


def test_meetings(region: Region) -> None:
    kinds = Counter(m.kind for m in region.meetings)
    assert kinds[MeetingKind.LEA_TABLE] >= 2
    assert kinds[MeetingKind.SOCIAAL_CAFE] >= 1
    assert kinds[MeetingKind.CONFERENCE] >= 1
    assert kinds[MeetingKind.SUPPORT_TEAM] >= 1
    assert all(m.participants and m.date is not None for m in region.meetings)
    table = set(lea(region).members)
    for m in region.meetings:
        if m.kind is MeetingKind.LEA_TABLE:
            assert set(m.participants) & table
    years = {t.since.year for t in region.ties if t.since is not None}
    assert {2023, 2024, 2025, 2026} <= years


def test_a_sociaal_cafe_joins_islands_with_cross_domain_ties(region: Region) -> None:
    ties = list(region.ties)
    joined = []
    for cafe in (m for m in region.meetings if m.kind is MeetingKind.SOCIAAL_CAFE):
        assert cafe.date is not None
        before = [t for t in ties if t.since is None or t.since < cafe.date]
        new = [t for t in ties if t.met_at == cafe.id]
        crossing = [t for t in new if region.domain_of(t.source) is not region.domain_of(t.target)]
        if components(region, [*before, *new]) < components(region, before):
            joined.append(cafe)
            assert len(crossing) >= 3
            assert ei_index(region, [*before, *new]) > ei_index(region, before)
    assert joined


# -- agendas and agreements ---------------------------------------------------------------


def test_transformation_agenda(region: Region) -> None:
    (agenda,) = (a for a in region.agendas if a.kind is AgendaKind.TRANSFORMATION)
    assert agenda.start is not None and agenda.end is not None
    assert agenda.end.year - agenda.start.year + 1 == 3
    assert agenda.end > REFERENCE_DATE
    assert {"analysis", "clarity", "prevention", "expectations"} <= {t.id for t in agenda.topics}
    groups = {g.id for g in region.working_groups}
    assert all(t.outcomes and t.working_group in groups for t in agenda.topics)
    steps = [s for t in agenda.topics for s in t.steps]
    assert {s.status for s in steps} == set(StepStatus)
    assert any(s.owner is None for s in steps)

    def unfinished(step: sw.Step) -> bool:
        return step.status not in (StepStatus.DONE, StepStatus.DROPPED)

    assert any(unfinished(s) and s.due is not None and s.due < REFERENCE_DATE for s in steps)
    assert any(unfinished(s) and s.due is not None and s.due >= REFERENCE_DATE for s in steps)
    assert any(t.outcomes and not t.steps for t in agenda.topics)
    assert any(not t.leads for t in agenda.topics)
    assert any(t.leads and t.steps and not any(map(unfinished, t.steps)) for t in agenda.topics)
    # Topics still open at the agenda's end: a step not finished and not due before it.
    assert any(
        any(unfinished(s) and (s.due is None or s.due <= agenda.end) for s in t.steps)
        for t in agenda.topics
    )


def endorsers(agreement: Agreement) -> set[str]:
    return {e.party for e in agreement.endorsements}


def measurable(criterion: str) -> bool:
    return any(c.isdigit() for c in criterion)


def test_agreements_show_each_weakness_and_a_good_example(region: Region) -> None:
    agreements = region.agreements
    assert len({a.theme for a in agreements}) >= 8
    assert Counter(p for a in agreements for p in a.parties).most_common(1)[0][1] >= 5
    complete = [
        a
        for a in agreements
        if a.success_criteria
        and all(map(measurable, a.success_criteria))
        and a.commitments
        and a.valid_until is not None
        and a.valid_until > REFERENCE_DATE
        and endorsers(a) == set(a.parties)
        and a.status is AgreementStatus.ACTIVE
    ]
    assert complete
    assert any(not a.success_criteria for a in agreements)
    assert any(a.success_criteria and not any(map(measurable, a.success_criteria))
               for a in agreements)  # fmt: skip
    expired = [a for a in agreements if a.status is AgreementStatus.EXPIRED]
    assert expired
    assert all(a.valid_until is not None and a.valid_until < REFERENCE_DATE for a in expired)
    assert any(
        a.status is AgreementStatus.ACTIVE
        and a.valid_until is not None
        and a.valid_until < REFERENCE_DATE
        for a in agreements
    )
    assert any(a.status is AgreementStatus.ACTIVE and not a.endorsements for a in agreements)
    assert any(endorsers(a) and endorsers(a) < set(a.parties) for a in agreements)


def test_youth_constitution(region: Region) -> None:
    constitution = [a for a in region.agreements if a.theme == YOUTH_CONSTITUTION]
    assert 3 <= len(constitution) <= 4
    parties = {frozenset(a.parties) for a in constitution}
    assert len(parties) == 1
    (everyone,) = parties
    not_endorsed = {p for a in constitution for p in everyone - endorsers(a)}
    assert 1 <= len(not_endorsed) <= 2
    assert any(endorsers(a) == everyone for a in constitution)


def test_an_agreement_on_paper_only(region: Region, graph: nx.Graph) -> None:
    def tied_across(a: Agreement) -> bool:
        people = {party: {p.id for p in region.members_of(party)} for party in a.parties}
        return any(
            graph.has_edge(x, y)
            for first, second in itertools.combinations(a.parties, 2)
            for x in people[first]
            for y in people[second]
        )

    multi = [a for a in region.agreements if len(a.parties) >= 2]
    assert any(not tied_across(a) and a.endorsements for a in multi)
    assert any(tied_across(a) for a in multi)


# -- cases -----------------------------------------------------------------------------------


def test_cases_are_pseudonymous(region: Region) -> None:
    cases = region.cases
    assert 35 <= len(cases) <= 45
    assert all(re.fullmatch(r"c-[0-9a-f]{16}", c.id) for c in cases)
    for i, case in enumerate(cases):
        assert case.opened is not None
        assert case.id == pseudonymise(f"LH-{case.opened.year}-{i + 1:03d}", key=EXAMPLE_KEY)
    assert len(EXAMPLE_KEY.encode()) >= 16


def test_cases_timelines(region: Region) -> None:
    cases = region.cases
    assert {c.support_level for c in cases} == set(SupportLevel)
    assert {c.status for c in cases} == set(CaseStatus)
    assert any(c.school is None for c in cases)
    for case in cases:
        dates = [e.date for e in case.events]
        assert dates == sorted(dates)
        assert dates[-1] <= REFERENCE_DATE
        assert case.events[0].kind is CaseEventKind.SIGNALLED
        assert case.involved
        assert (case.closed is None) == (case.status is CaseStatus.OPEN)
    open_cases = [c for c in cases if c.is_open]
    assert any(c.coordinator is None for c in open_cases)
    assert any(c.coordinator is not None for c in open_cases)
    assert any(not c.has_plan for c in open_cases)
    assert any(c.has_plan for c in open_cases)


def test_stranded_cases_with_disputes_between_education_and_care(region: Region) -> None:
    def last(case: sw.Case) -> dt.date:
        return case.events[-1].date

    stranded = [c for c in region.cases if c.is_open and REFERENCE_DATE - last(c) > SIX_WEEKS]
    moving = [c for c in region.cases if c.is_open and REFERENCE_DATE - last(c) <= SIX_WEEKS]
    assert stranded and moving
    disputed = []
    for case in stranded:
        domains = {
            region.domain_of(e.actor)
            for e in case.events
            if e.kind is CaseEventKind.DISPUTE and e.actor is not None
        }
        if {Domain.EDUCATION, Domain.CARE} <= domains:
            disputed.append(case)
    assert disputed


def test_returns_from_special_to_regular_school(region: Region) -> None:
    def sector(org: str | None) -> Sector | None:
        return None if org is None else region.organisation(org).sector

    returns, stays = [], []
    for case in region.cases:
        placed = [i for i, e in enumerate(case.events)
                  if e.kind is CaseEventKind.PLACEMENT
                  and sector(e.organisation) is Sector.SPECIAL_SCHOOL]  # fmt: skip
        if not placed:
            continue
        later = case.events[placed[0] + 1 :]
        if any(e.kind is CaseEventKind.RETURN_TO_SCHOOL
               and sector(e.organisation) in (Sector.PRIMARY_SCHOOL, Sector.SECONDARY_SCHOOL)
               for e in later):  # fmt: skip
            returns.append(case)
        else:
            stays.append(case)
    assert returns and stays


def test_case_aggregates_have_cells_above_and_below_the_threshold(region: Region) -> None:
    boards = {o.id: o.parent for o in region.organisations if o.sector.is_school}
    swv = {
        o.id: next(m for m in o.memberships if region.organisation(m).sector.name.startswith("SWV"))
        for o in region.organisations
        if o.sector.is_school
    }
    tables = [
        Counter((c.municipality, c.support_level) for c in region.cases),
        Counter((boards.get(c.school or ""), c.support_level) for c in region.cases),
        Counter((swv.get(c.school or ""), c.support_level) for c in region.cases),
    ]
    assert len({c.municipality for c in region.cases}) >= 2
    for table in tables:
        assert max(table.values()) >= 5
        assert any(0 < n < 5 for n in table.values())


def test_teams_around_a_child(region: Region, graph: nx.Graph) -> None:
    strangers, close_knit, unconnected_org = [], [], []
    for case in region.cases:
        people = [i.professional for i in case.involved]
        pairs = list(itertools.combinations(people, 2))
        if all(graph.has_edge(a, b) for a, b in pairs):
            close_knit.append(case)
        else:
            strangers.append(case)
        if case.coordinator is not None:
            for p in people:
                org = region.professional(p).organisation
                staff = {q.id for q in region.members_of(org)}
                if case.coordinator not in staff and not any(
                    graph.has_edge(case.coordinator, q) for q in staff
                ):
                    unconnected_org.append(case)
    assert strangers and close_knit and unconnected_org
    assert any(len(c.involved) >= 4 for c in close_knit)


# -- room for introductions ------------------------------------------------------------------


def test_room_for_introductions(region: Region, graph: nx.Graph) -> None:
    found = sw.analysis.islands(graph)
    assert sum(i.size > 1 for i in found.islands) >= 3
    factors = [link.bus_factor for link in sw.analysis.bus_factor(graph)]
    assert 1 in factors and max(factors) >= 3
    capacities = [p.capacity for p in region.professionals]
    assert any(c is not None for c in capacities) and None in capacities
    care = {p.id for p in region.professionals
            if region.sector_of(p.id) in (Sector.YOUTH_CARE, Sector.YOUTH_HEALTH)}  # fmt: skip
    without, with_contact = [], []
    for school in (o for o in region.organisations if o.sector.is_school):
        reached: set[str] = set()
        for member in region.members_of(school.id):
            reached |= set(nx.single_source_shortest_path_length(graph, member.id, cutoff=2))
        (with_contact if reached & care else without).append(school.id)
    assert len(without) >= 2 and with_contact


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
