"""The :class:`Region`: every partner, tie, agreement, agenda, group, meeting and case.

Example
-------
>>> from samenwerking.model import Organisation, OrganisationId, Professional, ProfessionalId, Role
>>> region = Region(
...     name="Dorp",
...     organisations=(Organisation(OrganisationId("o1"), "Gemeente Dorp",
...                                 Sector.MUNICIPALITY, "Dorp"),),
...     professionals=(Professional(ProfessionalId("p1"), "A. Jansen", Role.POLICY_ADVISER,
...                                 (OrganisationId("o1"),)),),
... )
>>> region.professional("p1").role, len(region.ties)
(<Role.POLICY_ADVISER: 'policy_adviser'>, 0)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import evolve, field, frozen

from samenwerking.errors import UnknownIdError
from samenwerking.model.cases import Case
from samenwerking.model.governance import Agenda, Agreement, Meeting, WorkingGroup
from samenwerking.model.partners import Organisation, Professional
from samenwerking.model.ties import Tie, TieStore, as_tie_store
from samenwerking.model.vocabulary import Domain, Sector

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMAT_VERSION", "Region"]

FORMAT_VERSION = 1
"""Version of the region file formats written by this release."""

_T = TypeVar("_T")


def _ties(value: TieStore | Iterable[Tie] | Mapping[str, Any]) -> TieStore:
    return as_tie_store(value)


@frozen
class Region:
    """Everything known about collaboration around children in one area.

    A region is immutable; use :meth:`replace` to derive a changed copy, and
    :func:`samenwerking.validate` (or :meth:`validate`) to check its references.
    """

    name: str
    """The region's name, e.g. a municipality or youth-care region."""
    organisations: tuple[Organisation, ...] = ()
    """The organisations taking part."""
    professionals: tuple[Professional, ...] = ()
    """The professionals working in them."""
    ties: TieStore = field(factory=TieStore.empty, converter=_ties)
    """Who knows whom, as a columnar store."""
    agreements: tuple[Agreement, ...] = ()
    """The agreements (afspraken) made."""
    agendas: tuple[Agenda, ...] = ()
    """The joint agendas."""
    working_groups: tuple[WorkingGroup, ...] = ()
    """The LEA table, working groups and other standing groups."""
    meetings: tuple[Meeting, ...] = ()
    """Meetings where people met."""
    cases: tuple[Case, ...] = ()
    """Cases, by pseudonymous id only."""

    # -- lookups ---------------------------------------------------------------------
    @cached_property
    def _organisation_index(self) -> dict[str, Organisation]:
        return {o.id: o for o in self.organisations}

    @cached_property
    def _professional_index(self) -> dict[str, Professional]:
        return {p.id: p for p in self.professionals}

    @cached_property
    def _compact_graph(self) -> Any:  # a CompactGraph (attrs evaluates this annotation)
        # Built once per region and shared: both are immutable (samenwerking.compact_graph).
        from samenwerking.graph.compact import CompactGraph

        return CompactGraph.from_region(self)

    def organisation(self, organisation_id: str) -> Organisation:
        """The organisation with this id; raises :class:`UnknownIdError` if there is none."""
        return _lookup(self._organisation_index, "organisation", organisation_id)

    def professional(self, professional_id: str) -> Professional:
        """The professional with this id; raises :class:`UnknownIdError` if there is none."""
        return _lookup(self._professional_index, "professional", professional_id)

    def sector_of(self, professional_id: str) -> Sector:
        """The sector of a professional's main organisation."""
        return self.organisation(self.professional(professional_id).organisation).sector

    def domain_of(self, professional_id: str) -> Domain:
        """The domain of a professional's main organisation."""
        return self.sector_of(professional_id).domain

    def members_of(self, organisation_id: str) -> tuple[Professional, ...]:
        """The professionals working for an organisation."""
        self.organisation(organisation_id)
        return tuple(p for p in self.professionals if organisation_id in p.organisations)

    @property
    def municipalities(self) -> tuple[str, ...]:
        """The municipalities of the organisations, sorted."""
        return tuple(sorted({o.municipality for o in self.organisations}))

    # -- derived copies --------------------------------------------------------------
    def replace(self, **changes: Any) -> Region:
        """A copy with some fields replaced, e.g. ``region.replace(ties=new_ties)``."""
        return evolve(self, **changes)

    def validate(self) -> Region:
        """Check references, duplicates and dates; return ``self`` or raise.

        Raises :class:`~samenwerking.errors.InvalidRegionError` listing every problem.
        """
        from samenwerking.model.validation import check_region

        check_region(self)
        return self

    # -- tables and notebook view ----------------------------------------------------
    def to_frames(self) -> dict[str, pd.DataFrame]:
        """One pandas DataFrame per record type: the tables of the CSV folder format.

        Needs the ``pandas`` extra; :func:`samenwerking.from_frames` builds a region back.
        See :func:`samenwerking.io.frames.region_frames`.
        """
        from samenwerking.io.frames import region_frames

        return region_frames(self)

    def _repr_html_(self) -> str:
        """The notebook view: counts, a small picture and the first organisations."""
        from samenwerking.notebook import region_view

        return region_view(self)

    def __repr__(self) -> str:
        return (
            f"<Region {self.name!r}: {len(self.organisations)} organisations, "
            f"{len(self.professionals)} professionals, {len(self.ties)} ties, "
            f"{len(self.cases)} cases>"
        )


def _lookup(index: Mapping[str, _T], kind: str, key: str) -> _T:
    try:
        return index[key]
    except KeyError:
        raise UnknownIdError(kind, key, list(index)) from None
