"""Answer scales and the default mapping of common Dutch sector and role labels.

Labels are compared after :func:`normalise_label` (lower case, accents removed,
punctuation read as spaces), so ``"IB'er"``, ``"ib-er"`` and ``" IB er"`` are one label.

Example
-------
>>> default_sector("Basisschool"), default_role("IB'er")
(<Sector.PRIMARY_SCHOOL: 'primary_school'>, <Role.INTERN_BEGELEIDER: 'intern_begeleider'>)
>>> default_sector("Sportclub") is None
True
>>> FREQUENCY_LABELS["wekelijks"]
3
"""

from __future__ import annotations

import re
import unicodedata

from samenwerking.model import Role, Sector

__all__ = [
    "FREQUENCY_LABELS",
    "ROLE_LABELS",
    "SECTOR_LABELS",
    "default_role",
    "default_sector",
    "normalise_label",
]

FREQUENCY_LABELS: dict[str, int] = {
    "nooit": 0,
    "never": 0,
    "jaarlijks": 1,
    "een paar keer per jaar": 1,
    "yearly": 1,
    "annually": 1,
    "maandelijks": 2,
    "monthly": 2,
    "wekelijks": 3,
    "weekly": 3,
    "dagelijks": 4,
    "daily": 4,
}
"""Frequency labels on the 0-4 scale (keys normalised)."""

SECTOR_LABELS: dict[str, Sector] = {
    "gemeente": Sector.MUNICIPALITY,
    "municipality": Sector.MUNICIPALITY,
    "schoolbestuur": Sector.SCHOOL_BOARD,
    "bestuur": Sector.SCHOOL_BOARD,
    "school": Sector.PRIMARY_SCHOOL,
    "basisschool": Sector.PRIMARY_SCHOOL,
    "basisonderwijs": Sector.PRIMARY_SCHOOL,
    "po": Sector.PRIMARY_SCHOOL,
    "primary school": Sector.PRIMARY_SCHOOL,
    "voortgezet onderwijs": Sector.SECONDARY_SCHOOL,
    "middelbare school": Sector.SECONDARY_SCHOOL,
    "vo": Sector.SECONDARY_SCHOOL,
    "secondary school": Sector.SECONDARY_SCHOOL,
    "speciaal onderwijs": Sector.SPECIAL_SCHOOL,
    "so": Sector.SPECIAL_SCHOOL,
    "vso": Sector.SPECIAL_SCHOOL,
    "so vso": Sector.SPECIAL_SCHOOL,
    "sbo": Sector.SPECIAL_PRIMARY_SCHOOL,
    "speciaal basisonderwijs": Sector.SPECIAL_PRIMARY_SCHOOL,
    "samenwerkingsverband": Sector.SWV_PO,
    "swv": Sector.SWV_PO,
    "swv po": Sector.SWV_PO,
    "samenwerkingsverband po": Sector.SWV_PO,
    "swv vo": Sector.SWV_VO,
    "samenwerkingsverband vo": Sector.SWV_VO,
    "jeugdhulp": Sector.YOUTH_CARE,
    "jeugdzorg": Sector.YOUTH_CARE,
    "jeugdhulpaanbieder": Sector.YOUTH_CARE,
    "youth care": Sector.YOUTH_CARE,
    "jgz": Sector.YOUTH_HEALTH,
    "jeugdgezondheidszorg": Sector.YOUTH_HEALTH,
    "ggd": Sector.YOUTH_HEALTH,
    "consultatiebureau": Sector.YOUTH_HEALTH,
    "cjg": Sector.FAMILY_CENTRE,
    "centrum voor jeugd en gezin": Sector.FAMILY_CENTRE,
    "wijkteam": Sector.NEIGHBOURHOOD_TEAM,
    "sociaal wijkteam": Sector.NEIGHBOURHOOD_TEAM,
    "buurtteam": Sector.NEIGHBOURHOOD_TEAM,
    "jeugdteam": Sector.NEIGHBOURHOOD_TEAM,
    "kinderopvang": Sector.CHILDCARE,
    "bso": Sector.CHILDCARE,
    "childcare": Sector.CHILDCARE,
    "peuterspeelzaal": Sector.PRESCHOOL,
    "vve": Sector.PRESCHOOL,
    "voorschool": Sector.PRESCHOOL,
    "welzijn": Sector.WELFARE,
    "welzijnswerk": Sector.WELFARE,
    "jongerenwerk": Sector.WELFARE,
    "welfare": Sector.WELFARE,
    "leerplicht": Sector.SCHOOL_ATTENDANCE,
    "rmc": Sector.SCHOOL_ATTENDANCE,
    "leerplicht rmc": Sector.SCHOOL_ATTENDANCE,
    "politie": Sector.SAFETY,
    "veilig thuis": Sector.SAFETY,
    "veiligheid": Sector.SAFETY,
    "overig": Sector.OTHER,
    "anders": Sector.OTHER,
    "other": Sector.OTHER,
}
"""Sector labels (keys normalised) mapped by this plugin's default hook."""

ROLE_LABELS: dict[str, Role] = {
    "leerkracht": Role.TEACHER,
    "docent": Role.TEACHER,
    "mentor": Role.TEACHER,
    "teacher": Role.TEACHER,
    "intern begeleider": Role.INTERN_BEGELEIDER,
    "ib": Role.INTERN_BEGELEIDER,
    "ib er": Role.INTERN_BEGELEIDER,
    "iber": Role.INTERN_BEGELEIDER,
    "zorgcoordinator": Role.ZORGCOORDINATOR,
    "orthopedagoog": Role.ORTHOPEDAGOOG,
    "psycholoog": Role.PSYCHOLOGIST,
    "schoolmaatschappelijk werker": Role.SCHOOL_SOCIAL_WORKER,
    "smw": Role.SCHOOL_SOCIAL_WORKER,
    "smw er": Role.SCHOOL_SOCIAL_WORKER,
    "consulent passend onderwijs": Role.SUPPORT_CONSULTANT,
    "onderwijsadviseur": Role.SUPPORT_CONSULTANT,
    "consulent": Role.SUPPORT_CONSULTANT,
    "jeugdconsulent": Role.YOUTH_CONSULTANT,
    "consulent jeugd": Role.YOUTH_CONSULTANT,
    "jeugdhulpverlener": Role.YOUTH_CARE_WORKER,
    "jeugdzorgwerker": Role.YOUTH_CARE_WORKER,
    "gezinscoach": Role.FAMILY_COACH,
    "gezinsvoogd": Role.FAMILY_COACH,
    "leerplichtambtenaar": Role.ATTENDANCE_OFFICER,
    "leerplicht": Role.ATTENDANCE_OFFICER,
    "rmc consulent": Role.ATTENDANCE_OFFICER,
    "jeugdarts": Role.YOUTH_DOCTOR,
    "jeugdverpleegkundige": Role.YOUTH_NURSE,
    "pedagogisch medewerker": Role.CHILDCARE_WORKER,
    "pm er": Role.CHILDCARE_WORKER,
    "vve leidster": Role.PRESCHOOL_TEACHER,
    "peuterleidster": Role.PRESCHOOL_TEACHER,
    "jongerenwerker": Role.YOUTH_WORKER,
    "wijkagent": Role.POLICE_OFFICER,
    "jeugdagent": Role.POLICE_OFFICER,
    "beleidsmedewerker": Role.POLICY_ADVISER,
    "beleidsadviseur": Role.POLICY_ADVISER,
    "wethouder": Role.ALDERMAN,
    "directeur": Role.DIRECTOR,
    "schoolleider": Role.DIRECTOR,
    "bestuurder": Role.BOARD_MEMBER,
    "manager": Role.MANAGER,
    "teamleider": Role.MANAGER,
    "overig": Role.OTHER,
    "anders": Role.OTHER,
    "other": Role.OTHER,
}
"""Role labels (keys normalised) mapped by this plugin's default hook."""

_WORD = re.compile(r"\w+")


def normalise_label(label: str) -> str:
    """A label as it is looked up: lower case, accents removed, punctuation as spaces.

    Example
    -------
    >>> normalise_label("  Zorgcoördinator ")
    'zorgcoordinator'
    """
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain))


def default_sector(label: str) -> Sector | None:
    """The sector for a common Dutch (or English) label, or ``None`` if it is not known."""
    key = normalise_label(label)
    if key in SECTOR_LABELS:
        return SECTOR_LABELS[key]
    try:
        return Sector(key.replace(" ", "_"))
    except ValueError:
        return None


def default_role(label: str) -> Role | None:
    """The role for a common Dutch (or English) label, or ``None`` if it is not known."""
    key = normalise_label(label)
    if key in ROLE_LABELS:
        return ROLE_LABELS[key]
    try:
        return Role(key.replace(" ", "_"))
    except ValueError:
        return None
