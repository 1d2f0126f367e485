"""The controlled vocabularies of the field: sectors, domains, roles and statuses.

Values are short English identifiers; the Dutch terms they stand for are in
``docs/glossary.md``.

Example
-------
>>> Sector.FAMILY_CENTRE.domain
<Domain.CARE: 'care'>
>>> Sector("swv_po").label
'samenwerkingsverband PO'
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AgendaKind",
    "AgreementLevel",
    "AgreementStatus",
    "CaseEventKind",
    "CaseRole",
    "CaseStatus",
    "Domain",
    "GroupKind",
    "MeetingKind",
    "Role",
    "Sector",
    "StepStatus",
    "SupportLevel",
    "TieKind",
]


class Domain(StrEnum):
    """The broad worlds that sectors belong to; cross-domain ties bridge them."""

    EDUCATION = "education"
    CARE = "care"
    MUNICIPALITY = "municipality"
    CHILDCARE = "childcare"
    WELFARE = "welfare"
    SAFETY = "safety"
    OTHER = "other"


class Sector(StrEnum):
    """The kind of organisation a partner is."""

    MUNICIPALITY = "municipality"
    SCHOOL_BOARD = "school_board"
    PRIMARY_SCHOOL = "primary_school"
    SECONDARY_SCHOOL = "secondary_school"
    SPECIAL_SCHOOL = "special_school"
    SPECIAL_PRIMARY_SCHOOL = "special_primary_school"
    SWV_PO = "swv_po"
    SWV_VO = "swv_vo"
    YOUTH_CARE = "youth_care"
    YOUTH_HEALTH = "youth_health"
    FAMILY_CENTRE = "family_centre"
    NEIGHBOURHOOD_TEAM = "neighbourhood_team"
    CHILDCARE = "childcare"
    PRESCHOOL = "preschool"
    WELFARE = "welfare"
    SCHOOL_ATTENDANCE = "school_attendance"
    SAFETY = "safety"
    OTHER = "other"

    @property
    def domain(self) -> Domain:
        """The domain this sector belongs to."""
        return _SECTOR_DOMAIN[self]

    @property
    def label(self) -> str:
        """A short human label, using the Dutch abbreviation where the field does."""
        return _SECTOR_LABEL[self]

    @property
    def is_school(self) -> bool:
        """True for schools that children attend (PO, VO, SO/VSO, SBO)."""
        return self in _SCHOOLS


_SCHOOLS = frozenset(
    {
        Sector.PRIMARY_SCHOOL,
        Sector.SECONDARY_SCHOOL,
        Sector.SPECIAL_SCHOOL,
        Sector.SPECIAL_PRIMARY_SCHOOL,
    }
)

_SECTOR_DOMAIN: dict[Sector, Domain] = {
    Sector.MUNICIPALITY: Domain.MUNICIPALITY,
    Sector.SCHOOL_BOARD: Domain.EDUCATION,
    Sector.PRIMARY_SCHOOL: Domain.EDUCATION,
    Sector.SECONDARY_SCHOOL: Domain.EDUCATION,
    Sector.SPECIAL_SCHOOL: Domain.EDUCATION,
    Sector.SPECIAL_PRIMARY_SCHOOL: Domain.EDUCATION,
    Sector.SWV_PO: Domain.EDUCATION,
    Sector.SWV_VO: Domain.EDUCATION,
    Sector.YOUTH_CARE: Domain.CARE,
    Sector.YOUTH_HEALTH: Domain.CARE,
    Sector.FAMILY_CENTRE: Domain.CARE,
    Sector.NEIGHBOURHOOD_TEAM: Domain.CARE,
    Sector.CHILDCARE: Domain.CHILDCARE,
    Sector.PRESCHOOL: Domain.CHILDCARE,
    Sector.WELFARE: Domain.WELFARE,
    Sector.SCHOOL_ATTENDANCE: Domain.MUNICIPALITY,
    Sector.SAFETY: Domain.SAFETY,
    Sector.OTHER: Domain.OTHER,
}

_SECTOR_LABEL: dict[Sector, str] = {
    Sector.MUNICIPALITY: "municipality (gemeente)",
    Sector.SCHOOL_BOARD: "school board (schoolbestuur)",
    Sector.PRIMARY_SCHOOL: "primary school (PO)",
    Sector.SECONDARY_SCHOOL: "secondary school (VO)",
    Sector.SPECIAL_SCHOOL: "special school (SO/VSO)",
    Sector.SPECIAL_PRIMARY_SCHOOL: "special primary school (SBO)",
    Sector.SWV_PO: "samenwerkingsverband PO",
    Sector.SWV_VO: "samenwerkingsverband VO",
    Sector.YOUTH_CARE: "youth care provider (jeugdhulp)",
    Sector.YOUTH_HEALTH: "youth health care (JGZ)",
    Sector.FAMILY_CENTRE: "family centre (CJG)",
    Sector.NEIGHBOURHOOD_TEAM: "neighbourhood team (wijkteam)",
    Sector.CHILDCARE: "childcare (kinderopvang)",
    Sector.PRESCHOOL: "pre-school (VVE)",
    Sector.WELFARE: "welfare (welzijn)",
    Sector.SCHOOL_ATTENDANCE: "school attendance (leerplicht/RMC)",
    Sector.SAFETY: "safety (veiligheid)",
    Sector.OTHER: "other",
}


class Role(StrEnum):
    """What a professional does."""

    TEACHER = "teacher"
    INTERN_BEGELEIDER = "intern_begeleider"
    ZORGCOORDINATOR = "zorgcoordinator"
    ORTHOPEDAGOOG = "orthopedagoog"
    PSYCHOLOGIST = "psychologist"
    SCHOOL_SOCIAL_WORKER = "school_social_worker"
    SUPPORT_CONSULTANT = "support_consultant"
    YOUTH_CONSULTANT = "youth_consultant"
    YOUTH_CARE_WORKER = "youth_care_worker"
    FAMILY_COACH = "family_coach"
    ATTENDANCE_OFFICER = "attendance_officer"
    YOUTH_DOCTOR = "youth_doctor"
    YOUTH_NURSE = "youth_nurse"
    CHILDCARE_WORKER = "childcare_worker"
    PRESCHOOL_TEACHER = "preschool_teacher"
    YOUTH_WORKER = "youth_worker"
    POLICE_OFFICER = "police_officer"
    POLICY_ADVISER = "policy_adviser"
    ALDERMAN = "alderman"
    DIRECTOR = "director"
    BOARD_MEMBER = "board_member"
    MANAGER = "manager"
    OTHER = "other"


class TieKind(StrEnum):
    """How two professionals are connected, from weakest to strongest."""

    KNOWS = "knows"
    COLLABORATES = "collaborates"
    REFERS = "refers"


class AgreementLevel(StrEnum):
    """The level an agreement (afspraak) is made at."""

    ADMINISTRATIVE = "administrative"
    """Bestuurlijk: between boards and aldermen."""
    POLICY = "policy"
    """Beleid: between policy staff."""
    OPERATIONAL = "operational"
    """Uitvoering: on the work floor."""


class AgreementStatus(StrEnum):
    """Where an agreement stands."""

    DRAFT = "draft"
    ACTIVE = "active"
    FULFILLED = "fulfilled"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class AgendaKind(StrEnum):
    """The kind of joint agenda."""

    LEA = "lea"
    TRANSFORMATION = "transformation"
    YOUTH_POLICY_PLAN = "youth_policy_plan"
    OTHER = "other"


class StepStatus(StrEnum):
    """Progress of one step on an agenda."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class GroupKind(StrEnum):
    """The kind of standing group people sit in."""

    LEA_TABLE = "lea_table"
    WORKING_GROUP = "working_group"
    STEERING_GROUP = "steering_group"
    SUPPORT_TEAM = "support_team"
    OTHER = "other"


class MeetingKind(StrEnum):
    """The kind of meeting where people met."""

    LEA_TABLE = "lea_table"
    WORKING_GROUP = "working_group"
    SOCIAAL_CAFE = "sociaal_cafe"
    CONFERENCE = "conference"
    SUPPORT_TEAM = "support_team"
    TRAINING = "training"
    OTHER = "other"


class SupportLevel(StrEnum):
    """The level of support a child receives (basis / extra / speciaal)."""

    BASIC = "basic"
    EXTRA = "extra"
    SPECIAL = "special"


class CaseStatus(StrEnum):
    """Where a case stands."""

    OPEN = "open"
    RESOLVED = "resolved"
    CLOSED = "closed"


class CaseRole(StrEnum):
    """The part a professional plays in one case."""

    COORDINATOR = "coordinator"
    SCHOOL_CONTACT = "school_contact"
    CARE_PROVIDER = "care_provider"
    ATTENDANCE = "attendance"
    HEALTH = "health"
    SUPPORT_CONSULTANT = "support_consultant"
    OTHER = "other"


class CaseEventKind(StrEnum):
    """What happened in a case on a given day."""

    SIGNALLED = "signalled"
    MEETING = "meeting"
    PLAN_AGREED = "plan_agreed"
    REFERRAL = "referral"
    PLACEMENT = "placement"
    RETURN_TO_SCHOOL = "return_to_school"
    DISPUTE = "dispute"
    CLOSED = "closed"
    OTHER = "other"
