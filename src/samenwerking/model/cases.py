"""Cases: children who need several parties at once, such as a thuiszitter.

A case never holds a child's name, birth date or citizen service number: only a
pseudonymous id chosen by the data owner (see ``docs/privacy.md``).

Example
-------
>>> case = Case(CaseId("c-7f3a"), "Dorp", SupportLevel.EXTRA, opened=dt.date(2024, 9, 2))
>>> case.is_open
True
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from samenwerking.model.ids import CaseId, OrganisationId, ProfessionalId, check_id, check_text
from samenwerking.model.vocabulary import CaseEventKind, CaseRole, CaseStatus, SupportLevel

__all__ = ["Case", "CaseEvent", "CaseInvolvement"]


@frozen
class CaseInvolvement:
    """A professional involved in a case, and in what part."""

    professional: ProfessionalId = field(validator=check_id)
    """Who is involved."""
    role: CaseRole = field(default=CaseRole.OTHER, converter=CaseRole)
    """Their part in the case."""


@frozen
class CaseEvent:
    """Something that happened in a case on a given day (no free text, by design)."""

    date: dt.date
    """When it happened."""
    kind: CaseEventKind = field(converter=CaseEventKind)
    """What happened."""
    actor: ProfessionalId | None = field(default=None, validator=check_id)
    """Who acted, if anyone in particular."""
    organisation: OrganisationId | None = field(default=None, validator=check_id)
    """The organisation it concerns, e.g. the school a child is placed at or returns to."""


@frozen
class Case:
    """A child who needs support from several parties, known only by a pseudonym."""

    id: CaseId = field(validator=check_id)
    """Pseudonymous identifier; never a name, birth date or BSN."""
    municipality: str = field(validator=check_text)
    """The municipality responsible (woonplaatsbeginsel)."""
    support_level: SupportLevel = field(converter=SupportLevel)
    """Basic, extra or special support (basis / extra / speciaal)."""
    status: CaseStatus = field(default=CaseStatus.OPEN, converter=CaseStatus)
    """Open, resolved or closed."""
    school: OrganisationId | None = field(default=None, validator=check_id)
    """The school the child is enrolled at, if any."""
    opened: dt.date | None = None
    """When the case was opened (e.g. the first day out of school)."""
    closed: dt.date | None = None
    """When it was closed."""
    coordinator: ProfessionalId | None = field(default=None, validator=check_id)
    """The professional who coordinates (regisseur)."""
    has_plan: bool = False
    """Whether there is an agreed plan (one plan per child and family)."""
    involved: tuple[CaseInvolvement, ...] = ()
    """The professionals involved and their part."""
    events: tuple[CaseEvent, ...] = ()
    """The timeline, oldest first."""

    @property
    def is_open(self) -> bool:
        """True while the case is neither resolved nor closed."""
        return self.status is CaseStatus.OPEN
