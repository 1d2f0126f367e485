"""The field's vocabulary as the report shows it: sectors, domains, roles and kinds.

The data keeps its English values (``"youth_care"``, ``"intern_begeleider"``); the report
shows their English labels, and :func:`term` gives the label in the report's language.
Every label is marked here, so that ``pybabel extract`` finds it and a test can check
that each value of each vocabulary has a translation.

Example
-------
>>> from samenwerking.report.i18n import use_language
>>> with use_language("nl"):
...     sector_label("neighbourhood_team"), domain_label("care"), role_label("teacher")
('wijkteam', 'zorg', 'leerkracht')
>>> role_label("youth_doctor")
'youth doctor'
"""

from __future__ import annotations

from samenwerking.model import (
    AgreementStatus,
    CaseStatus,
    Domain,
    MeetingKind,
    Role,
    Sector,
    SupportLevel,
)
from samenwerking.report.i18n import N_, _

__all__ = [
    "SHOWN_VOCABULARIES",
    "TERMS",
    "domain_label",
    "role_label",
    "sector_label",
    "term",
    "value_label",
]

SHOWN_VOCABULARIES = (AgreementStatus, CaseStatus, MeetingKind, Role, SupportLevel)
"""The vocabularies whose values the report shows through :func:`value_label`."""

TERMS = (
    # sectors, as Sector.label writes them
    N_("municipality (gemeente)"),
    N_("school board (schoolbestuur)"),
    N_("primary school (PO)"),
    N_("secondary school (VO)"),
    N_("special school (SO/VSO)"),
    N_("special primary school (SBO)"),
    N_("samenwerkingsverband PO"),
    N_("samenwerkingsverband VO"),
    N_("youth care provider (jeugdhulp)"),
    N_("youth health care (JGZ)"),
    N_("family centre (CJG)"),
    N_("neighbourhood team (wijkteam)"),
    N_("childcare (kinderopvang)"),
    N_("pre-school (VVE)"),
    N_("welfare (welzijn)"),
    N_("school attendance (leerplicht/RMC)"),
    N_("safety (veiligheid)"),
    N_("other"),
    # domains
    N_("education"),
    N_("care"),
    N_("municipality"),
    N_("childcare"),
    N_("welfare"),
    N_("safety"),
    N_("unknown"),
    # roles
    N_("teacher"),
    N_("intern begeleider"),
    N_("zorgcoordinator"),
    N_("orthopedagoog"),
    N_("psychologist"),
    N_("school social worker"),
    N_("support consultant"),
    N_("youth consultant"),
    N_("youth care worker"),
    N_("family coach"),
    N_("attendance officer"),
    N_("youth doctor"),
    N_("youth nurse"),
    N_("childcare worker"),
    N_("preschool teacher"),
    N_("youth worker"),
    N_("police officer"),
    N_("policy adviser"),
    N_("alderman"),
    N_("director"),
    N_("board member"),
    N_("manager"),
    # statuses, levels and kinds, as value_label writes them
    N_("draft"),
    N_("active"),
    N_("fulfilled"),
    N_("expired"),
    N_("cancelled"),
    N_("open"),
    N_("resolved"),
    N_("closed"),
    N_("basic"),
    N_("extra"),
    N_("special"),
    N_("lea table"),
    N_("working group"),
    N_("sociaal cafe"),
    N_("conference"),
    N_("support team"),
    N_("training"),
    # the rows of the regional case tables
    N_("board"),
    N_("swv"),
)
"""Every label of the vocabularies the report shows, marked for translation."""


def term(label: str) -> str:
    """A vocabulary label (as the report writes it in English) in the report's language.

    Example
    -------
    >>> term("youth care provider (jeugdhulp)")
    'youth care provider (jeugdhulp)'
    """
    return _(label)


def value_label(value: str) -> str:
    """An English vocabulary value as a label: ``"lea_table"`` -> ``"lea table"``, translated.

    Example
    -------
    >>> value_label("in_progress")
    'in progress'
    """
    return _(value.replace("_", " "))


def sector_label(value: str) -> str:
    """The label of the sector ``value`` (e.g. ``"swv_po"``) in the report's language."""
    return _(Sector(value).label)


def domain_label(value: str) -> str:
    """The name of the domain ``value`` (e.g. ``"care"``) in the report's language."""
    return _(Domain(value).value) if value in set(Domain) else _(value)


def role_label(value: str) -> str:
    """The name of the role ``value`` (e.g. ``"intern_begeleider"``) in the report's language."""
    return value_label(Role(value).value)
