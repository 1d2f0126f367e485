"""How partners organise their collaboration: agreements, agendas, groups and meetings.

Example
-------
>>> wg = WorkingGroup(WorkingGroupId("wg-1"), "Warm handover", lead=ProfessionalId("p1"),
...                   members=(ProfessionalId("p1"), ProfessionalId("p2")))
>>> wg.kind
<GroupKind.WORKING_GROUP: 'working_group'>
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from attrs import field, frozen

from samenwerking.model.ids import (
    AgendaId,
    AgreementId,
    MeetingId,
    OrganisationId,
    ProfessionalId,
    WorkingGroupId,
    check_id,
    check_ids,
    check_optional_text,
    check_text,
)
from samenwerking.model.vocabulary import (
    AgendaKind,
    AgreementLevel,
    AgreementStatus,
    GroupKind,
    MeetingKind,
    Sector,
    StepStatus,
)

__all__ = [
    "Agenda",
    "Agreement",
    "Commitment",
    "Endorsement",
    "Meeting",
    "Step",
    "Topic",
    "WorkingGroup",
]


def _check_texts(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name} must be a tuple of text")
    for item in value:
        if not isinstance(item, str) or not item.strip() or item != item.strip():
            raise ValueError(f"{attribute.name} holds blank or padded text {item!r}")


def _sectors(values: tuple[str, ...]) -> tuple[Sector, ...]:
    return tuple(Sector(v) for v in values)


@frozen
class Commitment:
    """One party's promise within an agreement: who does what by when."""

    party: OrganisationId = field(validator=check_id)
    """The organisation that commits."""
    action: str = field(validator=check_text)
    """What it will do."""
    due: dt.date | None = None
    """By when."""
    owner: ProfessionalId | None = field(default=None, validator=check_id)
    """The professional who carries it out."""


@frozen
class Endorsement:
    """A party's signature under an agreement."""

    party: OrganisationId = field(validator=check_id)
    """The organisation that endorsed the agreement."""
    date: dt.date | None = None
    """When it did."""


@frozen
class Agreement:
    """An afspraak: what parties agreed, how they will know it worked, and for how long."""

    id: AgreementId = field(validator=check_id)
    """Unique identifier within the region."""
    title: str = field(validator=check_text)
    """A short title."""
    theme: str = field(validator=check_text)
    """The theme, e.g. ``"thuiszitters"`` or ``"warm handover"``."""
    level: AgreementLevel = field(converter=AgreementLevel)
    """Administrative (bestuurlijk), policy (beleid) or operational (uitvoering)."""
    parties: tuple[OrganisationId, ...] = field(validator=check_ids)
    """The organisations bound by it."""
    status: AgreementStatus = field(default=AgreementStatus.ACTIVE, converter=AgreementStatus)
    """Draft, active, fulfilled, expired or cancelled."""
    commitments: tuple[Commitment, ...] = ()
    """Who does what by when."""
    success_criteria: tuple[str, ...] = field(default=(), validator=_check_texts)
    """How the parties will know it worked (measurable, ideally)."""
    valid_from: dt.date | None = None
    """First day it applies."""
    valid_until: dt.date | None = None
    """Last day it applies."""
    endorsements: tuple[Endorsement, ...] = ()
    """The parties that endorsed it, and when."""


@frozen
class Step:
    """One step towards a topic's outcomes."""

    description: str = field(validator=check_text)
    """What is to be done."""
    owner: ProfessionalId | None = field(default=None, validator=check_id)
    """Who is responsible."""
    due: dt.date | None = None
    """By when."""
    status: StepStatus = field(default=StepStatus.PLANNED, converter=StepStatus)
    """Planned, in progress, done or dropped."""


@frozen
class Topic:
    """A topic (onderwerp) on an agenda, with its outcomes, steps, group and leads."""

    id: str = field(validator=check_id)
    """Identifier, unique within its agenda."""
    title: str = field(validator=check_text)
    """A short title."""
    outcomes: tuple[str, ...] = field(default=(), validator=_check_texts)
    """The outcomes (opbrengsten) the topic should deliver."""
    steps: tuple[Step, ...] = ()
    """The steps (stappen) towards those outcomes."""
    working_group: WorkingGroupId | None = field(default=None, validator=check_id)
    """The working group that works it out."""
    leads: tuple[ProfessionalId, ...] = field(default=(), validator=check_ids)
    """The administrative leads (trekkers)."""


@frozen
class Agenda:
    """A joint agenda: an LEA agenda, a transformatieagenda, a youth policy plan."""

    id: AgendaId = field(validator=check_id)
    """Unique identifier within the region."""
    title: str = field(validator=check_text)
    """The title."""
    kind: AgendaKind = field(converter=AgendaKind)
    """LEA, transformation, youth policy plan or other."""
    owner: OrganisationId = field(validator=check_id)
    """The organisation that holds it, usually the municipality."""
    start: dt.date | None = None
    """First day of its period."""
    end: dt.date | None = None
    """Last day of its period."""
    ambition: str | None = field(default=None, validator=check_optional_text)
    """The shared ambition, in a sentence or two."""
    topics: tuple[Topic, ...] = ()
    """The topics it will work on."""


@frozen
class WorkingGroup:
    """A standing group: the LEA table, a working group (werkgroep), a support team."""

    id: WorkingGroupId = field(validator=check_id)
    """Unique identifier within the region."""
    name: str = field(validator=check_text)
    """Its name."""
    kind: GroupKind = field(default=GroupKind.WORKING_GROUP, converter=GroupKind)
    """LEA table, working group, steering group, support team or other."""
    theme: str | None = field(default=None, validator=check_optional_text)
    """What it works on."""
    lead: ProfessionalId | None = field(default=None, validator=check_id)
    """Its lead (trekker or chair)."""
    members: tuple[ProfessionalId, ...] = field(default=(), validator=check_ids)
    """The professionals in it (the lead included)."""
    needed_sectors: tuple[Sector, ...] = field(default=(), converter=_sectors)
    """Sectors that its theme needs at the table."""


@frozen
class Meeting:
    """A meeting where professionals met: an LEA table, a sociaal café, a conference."""

    id: MeetingId = field(validator=check_id)
    """Unique identifier within the region."""
    name: str = field(validator=check_text)
    """Its name."""
    kind: MeetingKind = field(converter=MeetingKind)
    """The kind of meeting."""
    date: dt.date | None = None
    """When it took place."""
    organiser: OrganisationId | None = field(default=None, validator=check_id)
    """The organisation that hosted it."""
    participants: tuple[ProfessionalId, ...] = field(default=(), validator=check_ids)
    """Who took part."""
