"""A small hand-built region for the case tests, and a helper to add cases to it.

Organisations::

    g-dorp, g-stad        municipalities Dorp and Stad
    swv-po, swv-vo        samenwerkingsverbanden PO and VO
    b1                    school board, member of swv-po and swv-vo
    b2                    school board, member of swv-po
    s-po                  primary school of b1 (its SWV: swv-po, matching PO)
    s-vo                  secondary school of b1 (its SWV: swv-vo, matching VO)
    s-so                  special school (SO/VSO) of b2, itself a member of swv-vo
    s-sbo                 special primary school (SBO) of b2 (its SWV: b2's swv-po)
    s-lone                primary school without board (board and SWV unknown)
    y1                    youth care provider (not a school)

Professionals: p-edu (s-po) and p-care (y1).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from samenwerking.model import (
    Case,
    CaseEvent,
    CaseId,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
)

__all__ = ["D", "base_region", "case", "event", "with_cases"]


def D(month: int, day: int, year: int = 2025) -> dt.date:  # noqa: N802
    """A date in 2025 by default."""
    return dt.date(year, month, day)


def _org(id: str, sector: Sector, town: str = "Dorp", **kwargs: Any) -> Organisation:
    return Organisation(OrganisationId(id), f"Org {id}", sector, town, **kwargs)


def base_region() -> Region:
    """The organisations and professionals above, without cases."""
    orgs = (
        _org("g-dorp", Sector.MUNICIPALITY),
        _org("g-stad", Sector.MUNICIPALITY, "Stad"),
        _org("swv-po", Sector.SWV_PO),
        _org("swv-vo", Sector.SWV_VO),
        _org(
            "b1",
            Sector.SCHOOL_BOARD,
            memberships=(OrganisationId("swv-po"), OrganisationId("swv-vo")),
        ),
        _org("b2", Sector.SCHOOL_BOARD, memberships=(OrganisationId("swv-po"),)),
        _org("s-po", Sector.PRIMARY_SCHOOL, parent=OrganisationId("b1")),
        _org("s-vo", Sector.SECONDARY_SCHOOL, parent=OrganisationId("b1")),
        _org(
            "s-so",
            Sector.SPECIAL_SCHOOL,
            parent=OrganisationId("b2"),
            memberships=(OrganisationId("swv-vo"),),
        ),
        _org("s-sbo", Sector.SPECIAL_PRIMARY_SCHOOL, parent=OrganisationId("b2")),
        _org("s-lone", Sector.PRIMARY_SCHOOL, "Stad"),
        _org("y1", Sector.YOUTH_CARE),
    )
    people = (
        Professional(
            ProfessionalId("p-edu"), "A. Jansen", Role.INTERN_BEGELEIDER, (OrganisationId("s-po"),)
        ),
        Professional(
            ProfessionalId("p-care"), "B. Smit", Role.YOUTH_CONSULTANT, (OrganisationId("y1"),)
        ),
    )
    return Region("Dorp", orgs, people)


def event(
    date: dt.date, kind: str, organisation: str | None = None, actor: str | None = None
) -> CaseEvent:
    """A case event."""
    return CaseEvent(
        date,
        kind,
        actor=ProfessionalId(actor) if actor else None,
        organisation=OrganisationId(organisation) if organisation else None,
    )


def case(id: str, level: str = "extra", *events: CaseEvent, **kwargs: Any) -> Case:
    """A case in Dorp (by default) with the given events."""
    town = kwargs.pop("municipality", "Dorp")
    school = kwargs.pop("school", None)
    return Case(
        CaseId(id),
        town,
        level,
        school=OrganisationId(school) if school else None,
        events=tuple(events),
        **kwargs,
    )


def with_cases(*cases: Case) -> Region:
    """The base region with these cases (validated, so the test data is consistent)."""
    return base_region().replace(cases=cases).validate()
