"""Governance checks: the LEA table, working groups, agendas, agreements and meetings.

Each check takes a :class:`~samenwerking.model.Region` and returns small frozen results
that say what a municipality should fix: a provision without a representative at the LEA
table, a working group without a lead (trekker) or of strangers (praatclub), steps past
due, agreements without measurable success criteria or on paper only, and what a meeting
did to the network. See ``docs/governance.md``.

Example
-------
>>> from samenwerking.model import Region, WorkingGroup
>>> region = Region("Dorp", working_groups=(WorkingGroup("wg", "Overgang PO-VO"),))
>>> print(check_working_groups(region)[0])
Overgang PO-VO: no lead
"""

from samenwerking.governance.agendas import (
    PERIODS,
    AgendaCheck,
    PeriodProgress,
    TopicCheck,
    check_agenda,
    check_agendas,
)
from samenwerking.governance.agreements import (
    CONSTITUTION_THEMES,
    MEASURABLE_PATTERN,
    AgreementCheck,
    AgreementMatrix,
    Constitution,
    PartyEndorsements,
    agreement_matrix,
    check_agreements,
    constitution,
    constitution_agreements,
    is_measurable,
    linked_parties,
)
from samenwerking.governance.lea_table import (
    DEFAULT_PROVISIONS,
    UMBRELLA_SECTORS,
    LeaTable,
    Provision,
    Representative,
    find_lea_table,
    lea_table,
    represented_sectors,
)
from samenwerking.governance.meetings import (
    MeetingEffect,
    meeting_effect,
    meeting_effects,
    since_mask,
    ties_by_meeting,
    ties_until,
)
from samenwerking.governance.working_groups import (
    PRAATCLUB_DENSITY,
    PRAATCLUB_MIN_MEMBERS,
    GroupCheck,
    check_working_groups,
)

__all__ = [
    "CONSTITUTION_THEMES",
    "DEFAULT_PROVISIONS",
    "MEASURABLE_PATTERN",
    "PERIODS",
    "PRAATCLUB_DENSITY",
    "PRAATCLUB_MIN_MEMBERS",
    "UMBRELLA_SECTORS",
    "AgendaCheck",
    "AgreementCheck",
    "AgreementMatrix",
    "Constitution",
    "GroupCheck",
    "LeaTable",
    "MeetingEffect",
    "PartyEndorsements",
    "PeriodProgress",
    "Provision",
    "Representative",
    "TopicCheck",
    "agreement_matrix",
    "check_agenda",
    "check_agendas",
    "check_agreements",
    "check_working_groups",
    "constitution",
    "constitution_agreements",
    "find_lea_table",
    "is_measurable",
    "lea_table",
    "linked_parties",
    "meeting_effect",
    "meeting_effects",
    "represented_sectors",
    "since_mask",
    "ties_by_meeting",
    "ties_until",
]
