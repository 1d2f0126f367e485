"""Identifier types and the rules every identifier and name follows.

Identifiers are plain strings chosen by the data owner (``"school-03"``, a BRIN code,
a survey respondent number). They must be non-empty, carry no leading or trailing
whitespace, and contain none of the separators ``;``, ``|`` or ``=`` that the CSV
format uses inside cells.

Example
-------
>>> is_valid_id("school-03"), is_valid_id(" school-03"), is_valid_id("a;b")
(True, False, False)
"""

from __future__ import annotations

from typing import Any, NewType

import attrs

__all__ = [
    "AgendaId",
    "AgreementId",
    "CaseId",
    "MeetingId",
    "OrganisationId",
    "ProfessionalId",
    "WorkingGroupId",
    "check_id",
    "check_ids",
    "check_optional_text",
    "check_text",
    "is_valid_id",
]

OrganisationId = NewType("OrganisationId", str)
ProfessionalId = NewType("ProfessionalId", str)
AgreementId = NewType("AgreementId", str)
AgendaId = NewType("AgendaId", str)
WorkingGroupId = NewType("WorkingGroupId", str)
MeetingId = NewType("MeetingId", str)
CaseId = NewType("CaseId", str)

_FORBIDDEN = frozenset(";|=\n\r\t")


def is_valid_id(value: object) -> bool:
    """Tell whether ``value`` can serve as an identifier."""
    return (
        isinstance(value, str)
        and value != ""
        and value == value.strip()
        and _FORBIDDEN.isdisjoint(value)
    )


def check_id(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for a required identifier (or ``None`` when the field is optional)."""
    if value is None and attribute.default is None:
        return
    if not is_valid_id(value):
        raise ValueError(
            f"{attribute.name} must be a non-empty identifier without surrounding spaces "
            f"or any of ; | = (got {value!r})"
        )


def check_ids(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for a tuple of identifiers."""
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name} must be a tuple (got {type(value).__name__})")
    for item in value:
        if not is_valid_id(item):
            raise ValueError(f"{attribute.name} holds an invalid identifier {item!r}")


def check_text(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for a required, non-blank piece of text."""
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise ValueError(
            f"{attribute.name} must be non-blank text without surrounding spaces (got {value!r})"
        )


def check_optional_text(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator for optional text: ``None`` or non-blank text."""
    if value is not None:
        check_text(_instance, attribute, value)
