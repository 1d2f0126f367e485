"""Partners: organisations (by sector) and the professionals who work in them.

Example
-------
>>> school = Organisation(OrganisationId("s1"), "De Linde", Sector.PRIMARY_SCHOOL, "Dorp",
...                       parent=OrganisationId("board-1"), identifiers={"brin": "99XX"})
>>> school.domain
<Domain.EDUCATION: 'education'>
>>> Professional(ProfessionalId("p1"), "A. de Vries", Role.INTERN_BEGELEIDER, (school.id,)).role
<Role.INTERN_BEGELEIDER: 'intern_begeleider'>
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import field, frozen

from samenwerking.model.ids import OrganisationId, ProfessionalId, check_id, check_ids, check_text
from samenwerking.model.vocabulary import Domain, Role, Sector

__all__ = ["Organisation", "Professional"]


def _check_identifiers(_instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        raise TypeError(f"{attribute.name} must be a mapping of scheme to identifier")
    for scheme, ident in value.items():
        if not (isinstance(scheme, str) and isinstance(ident, str)):
            raise TypeError(f"{attribute.name} must map strings to strings")
        for part in (scheme, ident):
            if not part or part != part.strip() or any(c in part for c in ";|=\n\r"):
                raise ValueError(f"{attribute.name} holds an invalid entry {scheme!r}={ident!r}")


def _frozen_dict(value: Mapping[str, str]) -> dict[str, str]:
    return dict(sorted(value.items()))


@frozen
class Organisation:
    """An organisation that takes part: a school, a board, a youth-care provider, ..."""

    id: OrganisationId = field(validator=check_id)
    """Unique identifier within the region."""
    name: str = field(validator=check_text)
    """Display name."""
    sector: Sector = field(converter=Sector)
    """The kind of organisation; determines its domain."""
    municipality: str = field(validator=check_text)
    """The municipality (gemeente) where it is located or that it serves."""
    parent: OrganisationId | None = field(default=None, validator=check_id)
    """The organisation it belongs to, e.g. a school's board (bevoegd gezag)."""
    memberships: tuple[OrganisationId, ...] = field(default=(), validator=check_ids)
    """Organisations it is a member of, e.g. a board's samenwerkingsverbanden."""
    identifiers: dict[str, str] = field(
        factory=dict, converter=_frozen_dict, validator=_check_identifiers
    )
    """External identifiers by scheme, e.g. ``{"brin": "00AA", "kvk": "12345678"}``."""

    @property
    def domain(self) -> Domain:
        """The domain of this organisation's sector."""
        return self.sector.domain


@frozen
class Professional:
    """A person who works with or for children, in one or more organisations."""

    id: ProfessionalId = field(validator=check_id)
    """Unique identifier within the region."""
    name: str = field(validator=check_text)
    """Display name (a professional's work identity, never a child's)."""
    role: Role = field(converter=Role)
    """What this professional does."""
    organisations: tuple[OrganisationId, ...] = field(validator=check_ids)
    """The organisations they work for; the first is their main one."""
    capacity: int | None = field(default=None)
    """How many new contacts they can take on (``None``: not known)."""

    @organisations.validator
    def _at_least_one(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise ValueError("a professional works for at least one organisation")

    @capacity.validator
    def _non_negative(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and (isinstance(value, bool) or value < 0):
            raise ValueError(f"capacity must be a non-negative integer (got {value!r})")

    @property
    def organisation(self) -> OrganisationId:
        """The main organisation."""
        return self.organisations[0]


def _checked_professional(
    id: str, name: str, role: Role, organisations: tuple[str, ...], capacity: int | None
) -> Professional | None:
    """Build a professional from values a reader has already checked, skipping validators.

    Private fast path for readers of many rows. The caller guarantees that ``id`` is a
    valid identifier, ``name`` non-blank text without surrounding spaces, ``role`` a
    :class:`Role` member and ``organisations`` a tuple of valid identifiers. The two
    rules that cell parsers do not check are checked here: without an organisation, or
    with a capacity that is not a non-negative ``int`` (or ``None``), this returns
    ``None``, so that the caller uses the normal constructor (which raises the precise
    error). The result equals ``Professional(id, name, role, organisations, capacity)``.
    """
    if not organisations or not (capacity is None or (type(capacity) is int and capacity >= 0)):
        return None
    obj = _new(Professional)
    _put(obj, "id", id)
    _put(obj, "name", name)
    _put(obj, "role", role)
    _put(obj, "organisations", organisations)
    _put(obj, "capacity", capacity)
    return obj


_new = object.__new__
_put = object.__setattr__


def _checked_professionals(
    rows: Iterable[tuple[str, str, Role, tuple[str, ...], int | None]],
) -> list[Professional | None]:
    """:func:`_checked_professional` for many rows (same guarantees from the caller)."""
    return list(itertools.starmap(_checked_professional, rows))
