"""Small fictional regions for the store tests, and a way to change them a little.

Every name and id here is made up.
"""

from __future__ import annotations

import datetime as dt

from samenwerking.model import (
    Case,
    CaseId,
    CaseStatus,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    SupportLevel,
    Tie,
    TieStore,
)

__all__ = ["grown", "small_region"]


def small_region(people: int = 6) -> Region:
    """A fictional village: a municipality, a school and youth care, a ring of ties, 3 cases."""
    orgs = (
        Organisation(OrganisationId("gem"), "Gemeente Veldhoek", Sector.MUNICIPALITY, "Veldhoek"),
        Organisation(
            OrganisationId("po-1"), "Basisschool De Wilg", Sector.PRIMARY_SCHOOL, "Veldhoek"
        ),
        Organisation(OrganisationId("jz-1"), "Jeugdhulp Veldhoek", Sector.YOUTH_CARE, "Veldhoek"),
    )
    staff = tuple(
        Professional(
            ProfessionalId(f"p-{i:03d}"),
            f"Medewerker {i}",
            Role.TEACHER if i % 3 == 1 else Role.POLICY_ADVISER,
            (orgs[i % 3].id,),
        )
        for i in range(people)
    )
    ties = TieStore.from_ties(
        Tie(staff[i].id, staff[(i + 1) % people].id, strength=float(i % 5 + 1))
        for i in range(people)
    )
    cases = (
        Case(CaseId("c-0a1"), "Veldhoek", SupportLevel.EXTRA, opened=dt.date(2019, 9, 2)),
        Case(
            CaseId("c-0b2"),
            "Veldhoek",
            SupportLevel.SPECIAL,
            status=CaseStatus.CLOSED,
            opened=dt.date(2017, 1, 9),
            closed=dt.date(2018, 3, 1),
        ),
        Case(
            CaseId("c-0c3"),
            "Veldhoek",
            SupportLevel.BASIC,
            status=CaseStatus.RESOLVED,
            opened=dt.date(2023, 1, 9),
            closed=dt.date(2024, 6, 30),
        ),
    )
    return Region("Veldhoek", organisations=orgs, professionals=staff, ties=ties, cases=cases)


def grown(region: Region, newcomers: int) -> Region:
    """The region with ``newcomers`` more professionals at the school, each tied to p-000."""
    start = len(region.professionals)
    extra = tuple(
        Professional(
            ProfessionalId(f"p-{i:03d}"), f"Nieuw {i}", Role.TEACHER, (OrganisationId("po-1"),)
        )
        for i in range(start, start + newcomers)
    )
    ties = TieStore.concat(
        [region.ties, TieStore.from_ties(Tie(p.id, ProfessionalId("p-000")) for p in extra)]
    )
    return region.replace(professionals=region.professionals + extra, ties=ties)
