"""The team section: built on a hand-made region, every count of cases suppressed."""

from __future__ import annotations

from samenwerking.model import (
    Case,
    CaseId,
    CaseInvolvement,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Tie,
)
from samenwerking.report.base import ReportContext
from samenwerking.report.sections_team import HIDDEN, team_section

EVIL = "<b>School</b> | *x*"


def region(cases: int) -> Region:
    orgs = (
        Organisation(OrganisationId("s"), EVIL, Sector.PRIMARY_SCHOOL, "Dorp"),
        Organisation(OrganisationId("y"), "Jeugdhulp", Sector.YOUTH_CARE, "Dorp"),
        Organisation(OrganisationId("w"), "Wijkteam", Sector.NEIGHBOURHOOD_TEAM, "Dorp"),
    )
    people = (
        Professional(ProfessionalId("s1"), "S 1", Role.INTERN_BEGELEIDER, (OrganisationId("s"),)),
        Professional(ProfessionalId("y1"), "Y 1", Role.YOUTH_CARE_WORKER, (OrganisationId("y"),)),
        Professional(ProfessionalId("w1"), "W 1", Role.YOUTH_CONSULTANT, (OrganisationId("w"),)),
    )
    ties = (Tie(ProfessionalId("w1"), ProfessionalId("s1")),)
    team = (CaseInvolvement(ProfessionalId("s1")), CaseInvolvement(ProfessionalId("y1")))
    all_cases = tuple(
        Case(CaseId(f"c-{k}"), "Dorp", "extra", coordinator=ProfessionalId("w1"), involved=team)
        for k in range(cases)
    )
    return Region("Dorp", orgs, people, ties, cases=all_cases)


def test_no_cases_no_section() -> None:
    assert team_section(ReportContext.of(region(0))) is None


def test_counts_are_published_when_large_and_escaped() -> None:
    section = team_section(ReportContext.of(region(7)))
    assert section is not None
    # Each case: w1-s1 tied; s1-y1 and w1-y1 missing -> 2 pairs; y has no tie to w1.
    assert dict(section.by_missing)["1-2 pairs"] == 7
    assert section.cases == 7
    assert (
        dict(section.conditions)["an organisation involved without a tie to the coordinator"] == 7
    )
    assert section.links == ((EVIL, "Jeugdhulp", 7), ("Wijkteam", "Jeugdhulp", 7))
    assert (section.organisations_involved, section.organisations_without_tie) == (3, 1)
    markdown, html = section.to_markdown(), section.to_html()
    assert "<b>" not in html and "&lt;b&gt;School" in html
    assert "\\<b\\>" in markdown
    assert "c-1" not in markdown and "c-1" not in html


def test_small_counts_are_hidden() -> None:
    section = team_section(ReportContext.of(region(3)))
    assert section is not None
    assert dict(section.by_missing)["1-2 pairs"] is None
    assert section.cases is None
    assert section.links == ()
    assert section.hidden_links == 2
    assert HIDDEN in section.to_markdown()
    assert " 3 |" not in section.to_markdown()
