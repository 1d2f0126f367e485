"""The domain model: plain, frozen, typed records that know nothing of files or graphs.

Example
-------
>>> from samenwerking.model import Sector
>>> Sector.YOUTH_HEALTH.domain.value
'care'
"""

from samenwerking.model.cases import Case, CaseEvent, CaseInvolvement
from samenwerking.model.governance import (
    Agenda,
    Agreement,
    Commitment,
    Endorsement,
    Meeting,
    Step,
    Topic,
    WorkingGroup,
)
from samenwerking.model.ids import (
    AgendaId,
    AgreementId,
    CaseId,
    MeetingId,
    OrganisationId,
    ProfessionalId,
    WorkingGroupId,
)
from samenwerking.model.partners import Organisation, Professional
from samenwerking.model.region import FORMAT_VERSION, Region
from samenwerking.model.ties import TIE_COLUMNS, Tie, TieStore
from samenwerking.model.validation import region_problems
from samenwerking.model.vocabulary import (
    AgendaKind,
    AgreementLevel,
    AgreementStatus,
    CaseEventKind,
    CaseRole,
    CaseStatus,
    Domain,
    GroupKind,
    MeetingKind,
    Role,
    Sector,
    StepStatus,
    SupportLevel,
    TieKind,
)

__all__ = [
    "FORMAT_VERSION",
    "TIE_COLUMNS",
    "Agenda",
    "AgendaId",
    "AgendaKind",
    "Agreement",
    "AgreementId",
    "AgreementLevel",
    "AgreementStatus",
    "Case",
    "CaseEvent",
    "CaseEventKind",
    "CaseId",
    "CaseInvolvement",
    "CaseRole",
    "CaseStatus",
    "Commitment",
    "Domain",
    "Endorsement",
    "GroupKind",
    "Meeting",
    "MeetingId",
    "MeetingKind",
    "Organisation",
    "OrganisationId",
    "Professional",
    "ProfessionalId",
    "Region",
    "Role",
    "Sector",
    "Step",
    "StepStatus",
    "SupportLevel",
    "Tie",
    "TieKind",
    "TieStore",
    "Topic",
    "WorkingGroup",
    "WorkingGroupId",
    "region_problems",
]
