"""The governance sections hold what the governance checks return, and render safely."""

from __future__ import annotations

import datetime as dt

import pytest

from samenwerking.governance import (
    agreement_matrix,
    check_agendas,
    check_agreements,
    check_working_groups,
    lea_table,
    meeting_effects,
)
from samenwerking.model import (
    Agenda,
    Agreement,
    Endorsement,
    GroupKind,
    Meeting,
    Organisation,
    Professional,
    Region,
    Role,
    Sector,
    Step,
    Tie,
    Topic,
    WorkingGroup,
)
from samenwerking.report.base import ReportContext
from samenwerking.report.sections_governance import (
    AgendasSection,
    AgreementsSection,
    LeaTableSection,
    MeetingsSection,
    WorkingGroupsSection,
    agendas_section,
    agreements_section,
    lea_table_section,
    meetings_section,
    working_groups_section,
)

TODAY = dt.date(2025, 6, 1)
EVIL = "<script>x</script> | *b*"
BUILDERS = (
    lea_table_section,
    working_groups_section,
    agendas_section,
    agreements_section,
    meetings_section,
)


def governed_region() -> Region:
    orgs = (
        Organisation("gem", "Gemeente", Sector.MUNICIPALITY, "Dorp"),
        Organisation("po", EVIL, Sector.PRIMARY_SCHOOL, "Dorp"),
        Organisation("cjg", "CJG", Sector.FAMILY_CENTRE, "Dorp"),
    )
    people = (
        Professional("g", "G. Wethouder", Role.ALDERMAN, ("gem",)),
        Professional("p", EVIL, Role.DIRECTOR, ("po",)),
        Professional("q", "Q. Leraar", Role.TEACHER, ("po",)),
        Professional("c", "C. Coach", Role.FAMILY_COACH, ("cjg",)),
    )
    ties = [
        Tie("p", "q"),
        Tie("g", "p", met_at="lea-1", since=dt.date(2025, 2, 1)),
    ]
    return Region(
        "Dorp",
        orgs,
        people,
        ties,
        agreements=(
            Agreement("a1", EVIL, "jeugdgrondwet", "administrative", ("gem", "po", "cjg"),
                      endorsements=(Endorsement("gem"),)),
            Agreement("a2", "Zorg in school", "zorg", "policy", ("po", "cjg"),
                      success_criteria=("80% van de scholen",), valid_until=dt.date(2024, 1, 1)),
        ),
        agendas=(
            Agenda("lea", "LEA agenda", "lea", "gem", end=dt.date(2026, 12, 31), topics=(
                Topic("t1", EVIL, outcomes=("x",)),
                Topic("t2", "Overgang", leads=("p",), steps=(
                    Step("a", owner="p", due=dt.date(2025, 1, 1)),
                    Step("b", due=dt.date(2025, 9, 1), status="done"),
                )),
            )),
        ),
        working_groups=(
            WorkingGroup("table", "LEA-tafel", GroupKind.LEA_TABLE, lead="g",
                         members=("g", "p")),
            WorkingGroup("wg", EVIL, members=("g", "q", "c"),
                         needed_sectors=("youth_care",)),
        ),
        meetings=(Meeting("lea-1", "LEA-tafel februari", "lea_table", dt.date(2025, 2, 1),
                          participants=("g", "p")),),
    )  # fmt: skip


@pytest.fixture(scope="module")
def context() -> ReportContext:
    return ReportContext.of(governed_region(), today=TODAY)


def test_builders_return_none_without_governance_data() -> None:
    empty = ReportContext.of(
        Region("Leeg", (Organisation("o", "O", Sector.OTHER, "Dorp"),)), today=TODAY
    )
    assert [builder(empty) for builder in BUILDERS] == [None] * 5
    only_group = ReportContext.of(
        Region("Dorp", working_groups=(WorkingGroup("wg", "W"),)), today=TODAY
    )
    assert lea_table_section(only_group) is None
    assert working_groups_section(only_group) is not None


def test_sections_hold_the_checks(context: ReportContext) -> None:
    region = context.region
    lea = lea_table_section(context)
    assert isinstance(lea, LeaTableSection)
    assert lea.tables == (lea_table(region),)
    assert lea.tables[0].missing == (
        "pre-school",
        "secondary",
        "special",
        "youth care / family centre",
    )
    groups = working_groups_section(context)
    assert isinstance(groups, WorkingGroupsSection)
    assert groups.groups == check_working_groups(region)
    agendas = agendas_section(context)
    assert isinstance(agendas, AgendasSection)
    assert agendas.agendas == check_agendas(region, today=TODAY)
    agreements = agreements_section(context)
    assert isinstance(agreements, AgreementsSection)
    assert agreements.agreements == check_agreements(region, today=TODAY)
    assert agreements.matrix == agreement_matrix(region)
    assert agreements.constitution is not None
    assert [p.party for p in agreements.constitution.missing] == ["po", "cjg"]
    meetings = meetings_section(context)
    assert isinstance(meetings, MeetingsSection)
    assert meetings.meetings == meeting_effects(region)  # one meeting: order does not matter


def test_meetings_come_by_date_whatever_the_region_order() -> None:
    def meeting(mid: str, date: dt.date | None) -> Meeting:
        return Meeting(mid, f"Meeting {mid}", "conference", date, participants=("g", "c"))

    region = governed_region()
    region = region.replace(
        meetings=(
            meeting("late", dt.date(2025, 5, 1)),
            meeting("undated", None),
            *region.meetings,  # lea-1, 2025-02-01
            meeting("early", dt.date(2024, 11, 1)),
            meeting("also-early", dt.date(2024, 11, 1)),
        ),
        ties=[*region.ties, Tie("g", "c", met_at="late", since=dt.date(2025, 5, 1))],
    )
    section = meetings_section(ReportContext.of(region, today=TODAY))
    assert section is not None
    assert [m.id for m in section.meetings] == ["early", "also-early", "lea-1", "late", "undated"]
    by_id = {e.id: e for e in meeting_effects(region)}
    assert section.meetings == tuple(by_id[m.id] for m in section.meetings)
    assert len(by_id) == 5 and by_id["late"].new_pairs == (("c", "g"),)
    body = section.to_markdown()
    assert (
        body.index("Meeting early")
        < body.index("LEA-tafel februari")
        < body.index("Meeting late")
        < body.index("Meeting undated")
    )
    assert "2 of 5 meeting(s) led to new ties" in body


def test_markdown_shows_the_findings(context: ReportContext) -> None:
    lea = lea_table_section(context)
    assert lea is not None
    text = lea.to_markdown()
    assert "no representative for pre-school" in text and "| primary | ok |" in text
    groups = working_groups_section(context)
    assert groups is not None
    assert "missing youth care" in groups.to_markdown()
    assert "praatclub" in groups.to_markdown()  # g, q, c share no tie
    agendas = agendas_section(context)
    assert agendas is not None
    body = agendas.to_markdown()
    assert "outcomes without steps" in body and "1 step(s) past due" in body
    assert "| 2025-Q1 | 1 | 0 | 0 | 1 |" in body
    agreements = agreements_section(context)
    assert agreements is not None
    body = agreements.to_markdown()
    assert "expired" in body and "has not endorsed \\<script\\>" in body  # by title, escaped
    assert "not endorsed by" in body and "not endorsed by po" not in body  # names, not ids
    assert "paper only" in body  # po and cjg people share no tie
    meetings = meetings_section(context)
    assert meetings is not None
    assert "1 of 1 meeting(s) led to new ties" in meetings.to_markdown()


@pytest.mark.parametrize("builder", BUILDERS)
def test_text_is_escaped(context: ReportContext, builder: object) -> None:
    section = builder(context)
    assert section is not None
    html = section.to_html()
    assert "<script>" not in html
    markdown = section.to_markdown()
    assert "<script>" not in markdown
    if EVIL.split()[0] in str(section):
        assert "&lt;script&gt;" in html
