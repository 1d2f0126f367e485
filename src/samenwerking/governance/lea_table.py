"""The LEA table: one representative per type of provision, and how far each one reaches.

At a compact LEA table (Lokale Educatieve Agenda) every type of provision has exactly one
representative. This module checks which provisions are missing or have more than one,
and, for each representative, which share of their constituency (everyone working in the
provision's sectors, in any of the organisations they work for) they reach within one and
two steps in the tie network.

Who represents what
-------------------
A member represents the provisions that hold the sector of their main (first)
organisation, taken to be the one they sit at the table for. Like everyone else, they do
count in the constituency of every provision whose sectors they work in, through any of
their organisations.
A member whose main organisation is an umbrella (a school board or a samenwerkingsverband,
see :data:`UMBRELLA_SECTORS`) represents, in addition, the provisions of every
organisation under it: organisations whose ``parent`` is the umbrella or that list it in
their ``memberships``, followed down (a SWV's boards, then their schools).

Example
-------
>>> from samenwerking.model import (GroupKind, Organisation, Professional, Region, Role,
...     Sector, Tie, WorkingGroup)
>>> region = Region("Dorp",
...     organisations=(Organisation("g", "Gemeente", Sector.MUNICIPALITY, "Dorp"),
...                    Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp")),
...     professionals=(Professional("a", "A", Role.ALDERMAN, ("g",)),
...                    Professional("b", "B", Role.DIRECTOR, ("s",)),
...                    Professional("c", "C", Role.TEACHER, ("s",))),
...     ties=[Tie("b", "c")],
...     working_groups=(WorkingGroup("lea", "LEA", GroupKind.LEA_TABLE, members=("a", "b")),))
>>> table = lea_table(region)
>>> table.missing
('pre-school', 'secondary', 'special', 'youth care / family centre')
>>> rep = table.provision("primary").representatives[0]
>>> rep.id, rep.constituency, rep.share_1
('b', 1, 1.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import numpy as np
import numpy.typing as npt
from attrs import frozen

from samenwerking.errors import InvalidArgumentError, UnknownIdError
from samenwerking.governance._common import check_region, graph_of, within_steps
from samenwerking.graph.compact import CompactGraph
from samenwerking.model import (
    GroupKind,
    Organisation,
    OrganisationId,
    ProfessionalId,
    Region,
    Sector,
    WorkingGroup,
    WorkingGroupId,
)
from samenwerking.tabular import Table, Tabular

__all__ = [
    "DEFAULT_PROVISIONS",
    "UMBRELLA_SECTORS",
    "LeaTable",
    "Provision",
    "Representative",
    "find_lea_table",
    "lea_table",
    "represented_sectors",
]

DEFAULT_PROVISIONS: Mapping[str, tuple[Sector, ...]] = MappingProxyType(
    {
        "pre-school": (Sector.PRESCHOOL, Sector.CHILDCARE),
        "primary": (Sector.PRIMARY_SCHOOL, Sector.SPECIAL_PRIMARY_SCHOOL),
        "secondary": (Sector.SECONDARY_SCHOOL,),
        "special": (Sector.SPECIAL_SCHOOL,),
        "youth care / family centre": (
            Sector.FAMILY_CENTRE,
            Sector.YOUTH_CARE,
            Sector.YOUTH_HEALTH,
            Sector.NEIGHBOURHOOD_TEAM,
        ),
        "municipality": (Sector.MUNICIPALITY,),
    }
)
"""The types of provision a compact LEA table seats, with the sectors each covers."""

UMBRELLA_SECTORS: frozenset[Sector] = frozenset({Sector.SCHOOL_BOARD, Sector.SWV_PO, Sector.SWV_VO})
"""Sectors whose people represent the organisations under them (boards and SWVs)."""


@frozen
class Representative(Tabular):
    """A member of the table who represents one provision, and how far they reach it."""

    id: ProfessionalId
    """The professional."""
    name: str
    """Their name."""
    organisation: OrganisationId
    """Their main organisation."""
    provision: str
    """The provision they represent."""
    constituency: int
    """The number of professionals working in the provision's sectors (in any of their
    organisations), themselves not counted."""
    reached_1: int
    """How many of those they are tied to directly."""
    reached_2: int
    """How many of those they reach within two steps."""

    @property
    def share_1(self) -> float | None:
        """The share of the constituency reached directly (``None``: nobody to reach)."""
        return self.reached_1 / self.constituency if self.constituency else None

    @property
    def share_2(self) -> float | None:
        """The share of the constituency reached within two steps."""
        return self.reached_2 / self.constituency if self.constituency else None

    _COLUMNS = (
        "professional",
        "name",
        "organisation",
        "provision",
        "constituency",
        "reached_1",
        "reached_2",
        "share_1",
        "share_2",
    )

    def _row(self) -> tuple[object, ...]:
        return (
            self.id,
            self.name,
            self.organisation,
            self.provision,
            self.constituency,
            self.reached_1,
            self.reached_2,
            self.share_1,
            self.share_2,
        )

    def _tables(self) -> tuple[Table, ...]:
        return (Table("representatives", self._COLUMNS, [self._row()]),)


@frozen(repr=False)
class Provision(Tabular):
    """One type of provision and who represents it at the table."""

    name: str
    """The provision, e.g. ``"primary"``."""
    sectors: tuple[Sector, ...]
    """The sectors it covers."""
    representatives: tuple[Representative, ...]
    """The members representing it, in the table's member order."""

    @property
    def status(self) -> str:
        """``"missing"``, ``"ok"`` (exactly one representative) or ``"more than one"``."""
        count = len(self.representatives)
        return "missing" if count == 0 else "ok" if count == 1 else "more than one"

    def _row(self) -> tuple[object, ...]:
        ids = tuple(r.id for r in self.representatives)
        return (self.name, self.status, self.sectors, ids)

    def _tables(self) -> tuple[Table, ...]:
        columns = ("provision", "status", "sectors", "representatives")
        return (Table("provisions", columns, [self._row()]),)


@frozen(repr=False)
class LeaTable(Tabular):
    """The check of an LEA table: provisions, representatives and reach."""

    table: WorkingGroupId
    """The working group checked."""
    name: str
    """Its name."""
    provisions: tuple[Provision, ...]
    """Every provision, in the order they were given."""
    unrepresenting: tuple[ProfessionalId, ...]
    """Members who represent no provision, in member order."""
    unknown_members: tuple[ProfessionalId, ...] = ()
    """Member ids that name no professional in the region (left out of the check)."""

    def provision(self, name: str) -> Provision:
        """The provision with this name."""
        for provision in self.provisions:
            if provision.name == name:
                return provision
        raise UnknownIdError("provision", name, [p.name for p in self.provisions])

    @property
    def missing(self) -> tuple[str, ...]:
        """Provisions without a representative."""
        return tuple(p.name for p in self.provisions if p.status == "missing")

    @property
    def crowded(self) -> tuple[str, ...]:
        """Provisions with more than one representative."""
        return tuple(p.name for p in self.provisions if p.status == "more than one")

    @property
    def representatives(self) -> tuple[Representative, ...]:
        """Every representative, provision by provision."""
        return tuple(r for p in self.provisions for r in p.representatives)

    @property
    def ok(self) -> bool:
        """True when every provision has exactly one representative."""
        return not self.missing and not self.crowded

    def __str__(self) -> str:
        if self.ok:
            return f"{self.name}: every provision has exactly one representative"
        parts = []
        if self.missing:
            parts.append("missing " + ", ".join(self.missing))
        if self.crowded:
            parts.append("more than one for " + ", ".join(self.crowded))
        return f"{self.name}: " + "; ".join(parts)

    def _tables(self) -> tuple[Table, ...]:
        people = [r._row() for p in self.provisions for r in p.representatives]
        return (
            Table(
                "provisions",
                ("provision", "status", "sectors", "representatives"),
                [p._row() for p in self.provisions],
            ),
            Table("representatives", Representative._COLUMNS, people),
        )

    def _notes(self) -> tuple[str, ...]:
        return (
            f"missing: {', '.join(self.missing) or 'none'}; crowded: "
            f"{', '.join(self.crowded) or 'none'}",
            f"{len(self.unrepresenting)} members represent no provision",
        )

    def __repr__(self) -> str:
        return (
            f"<LeaTable {self.table!r}: {len(self.provisions)} provisions, "
            f"{len(self.missing)} missing, {len(self.crowded)} crowded>"
        )


def _checked_provisions(
    provisions: Mapping[str, Iterable[Sector | str]],
) -> dict[str, tuple[Sector, ...]]:
    if not isinstance(provisions, Mapping) or not provisions:
        raise InvalidArgumentError(
            f"provisions must be a non-empty mapping of name to sectors (got {provisions!r})"
        )
    out: dict[str, tuple[Sector, ...]] = {}
    choices = ", ".join(s.value for s in Sector)
    for name, sectors in provisions.items():
        if not isinstance(name, str) or not name.strip():
            raise InvalidArgumentError(f"provision names must be non-blank text (got {name!r})")
        if isinstance(sectors, str):
            sectors = (sectors,)
        picked: list[Sector] = []
        for value in sectors:
            try:
                picked.append(Sector(value))
            except ValueError:
                raise InvalidArgumentError(
                    f"provision {name!r} names an unknown sector {value!r}; choose from {choices}"
                ) from None
        if not picked:
            raise InvalidArgumentError(f"provision {name!r} covers no sector")
        out[name] = tuple(dict.fromkeys(picked))
    return out


def find_lea_table(region: Region, table: str | None = None) -> WorkingGroup:
    """The working group to check as the LEA table.

    With ``table`` the group with that id (of any kind); without it the only group of kind
    :attr:`GroupKind.LEA_TABLE`.

    Raises
    ------
    UnknownIdError
        When no group has the id ``table``.
    InvalidArgumentError
        When ``table`` is not given and the region has no LEA table, or several.

    Example
    -------
    >>> from samenwerking.model import GroupKind, Region, WorkingGroup
    >>> region = Region("Dorp", working_groups=(WorkingGroup("t", "LEA", GroupKind.LEA_TABLE),))
    >>> find_lea_table(region).id
    't'
    """
    check_region(region, "find_lea_table")
    if table is not None:
        for group in region.working_groups:
            if group.id == table:
                return group
        raise UnknownIdError("working group", table, [g.id for g in region.working_groups])
    tables = [g for g in region.working_groups if g.kind is GroupKind.LEA_TABLE]
    if not tables:
        raise InvalidArgumentError(
            f"region {region.name!r} has no working group of kind 'lea_table'; "
            "add one or pass table=<working group id>"
        )
    if len(tables) > 1:
        ids = ", ".join(repr(g.id) for g in tables)
        raise InvalidArgumentError(
            f"region {region.name!r} has {len(tables)} LEA tables ({ids}); pass table=<id>"
        )
    return tables[0]


def _under(region: Region, umbrella: OrganisationId) -> list[Organisation]:
    """Every organisation under ``umbrella`` through parent and membership links."""
    children: dict[str, list[Organisation]] = {}
    for org in region.organisations:
        for up in {org.parent, *org.memberships} - {None}:
            children.setdefault(str(up), []).append(org)
    found: dict[str, Organisation] = {}
    todo = [str(umbrella)]
    while todo:
        for org in children.get(todo.pop(), []):
            if org.id not in found and org.id != umbrella:
                found[org.id] = org
                todo.append(org.id)
    return list(found.values())


def represented_sectors(
    region: Region,
    organisation: OrganisationId,
    *,
    umbrella_sectors: Iterable[Sector] = UMBRELLA_SECTORS,
) -> frozenset[Sector]:
    """The sectors a person from ``organisation`` speaks for at the table.

    Example
    -------
    >>> from samenwerking.model import Organisation, Region, Sector
    >>> region = Region("Dorp", organisations=(
    ...     Organisation("b", "Board", Sector.SCHOOL_BOARD, "Dorp"),
    ...     Organisation("s", "School", Sector.SPECIAL_SCHOOL, "Dorp", parent="b")))
    >>> sorted(represented_sectors(region, "b"))
    [<Sector.SCHOOL_BOARD: 'school_board'>, <Sector.SPECIAL_SCHOOL: 'special_school'>]
    """
    org = region.organisation(organisation)
    sectors = {org.sector}
    if org.sector in frozenset(umbrella_sectors):
        sectors.update(o.sector for o in _under(region, org.id))
    return frozenset(sectors)


def lea_table(
    region: Region,
    *,
    table: str | None = None,
    provisions: Mapping[str, Iterable[Sector | str]] = DEFAULT_PROVISIONS,
    umbrella_sectors: Iterable[Sector] = UMBRELLA_SECTORS,
    graph: CompactGraph | None = None,
) -> LeaTable:
    """Check the LEA table: one representative per provision, and their reach.

    Parameters
    ----------
    region : Region
        The region.
    table : str, optional
        The id of the working group to check; by default the region's only group of kind
        ``lea_table``.
    provisions : mapping of str to sectors
        The types of provision that should be at the table, each with the sectors it
        covers (default :data:`DEFAULT_PROVISIONS`).
    umbrella_sectors : iterable of Sector
        Sectors whose people also represent the organisations under them.
    graph : CompactGraph, optional
        ``compact_graph(region)``, if already built.

    Returns
    -------
    LeaTable
        Per provision its representatives (none: missing; more than one: crowded), per
        representative the size of their constituency (everyone working in the
        provision's sectors, in any of their organisations, but themselves) and how many
        of them they reach in one and two steps, and the members who represent no
        provision.

    Raises
    ------
    InvalidArgumentError
        For bad ``provisions`` or when the table cannot be found (see :func:`find_lea_table`).

    Example
    -------
    >>> from samenwerking.model import GroupKind, Organisation, Professional, Region, Role
    >>> from samenwerking.model import Sector, WorkingGroup
    >>> region = Region("Dorp",
    ...     organisations=(Organisation("w", "Welzijn", Sector.WELFARE, "Dorp"),),
    ...     professionals=(Professional("a", "A", Role.YOUTH_WORKER, ("w",)),),
    ...     working_groups=(WorkingGroup("t", "LEA", GroupKind.LEA_TABLE, members=("a",)),))
    >>> result = lea_table(region, provisions={"welfare": ["welfare"]})
    >>> result.ok, result.provision("welfare").representatives[0].share_1
    (True, None)
    """
    check_region(region, "lea_table")
    wanted = _checked_provisions(provisions)
    group = find_lea_table(region, table)
    G = graph_of(region, graph)  # noqa: N806
    umbrellas = frozenset(Sector(s) for s in umbrella_sectors)
    known = {p.id: i for i, p in enumerate(region.professionals)}
    org_sector = {o.id: o.sector for o in region.organisations}
    works_in = [
        frozenset(org_sector[o] for o in p.organisations if o in org_sector)
        for p in region.professionals
    ]
    constituencies: dict[str, npt.NDArray[np.bool_]] = {}
    members = list(dict.fromkeys(group.members))
    unknown = tuple(m for m in members if m not in known)
    representing: dict[str, list[Representative]] = {name: [] for name in wanted}
    unrepresenting: list[ProfessionalId] = []
    for member in members:
        if member not in known:
            continue
        node = known[member]
        person = region.professionals[node]
        try:
            speaks_for = represented_sectors(
                region, person.organisation, umbrella_sectors=umbrellas
            )
        except UnknownIdError:
            speaks_for = frozenset()
        names = [name for name, sectors in wanted.items() if speaks_for.intersection(sectors)]
        if not names:
            unrepresenting.append(member)
            continue
        reach_1 = within_steps(G, node, 1)
        reach_2 = within_steps(G, node, 2)
        for name in names:
            if name not in constituencies:
                covered = frozenset(wanted[name])
                constituencies[name] = np.fromiter(
                    (not covered.isdisjoint(w) for w in works_in), bool, len(works_in)
                )
            mask = constituencies[name].copy()
            mask[node] = False
            representing[name].append(
                Representative(
                    member,
                    person.name,
                    person.organisation,
                    name,
                    int(mask.sum()),
                    int((mask & reach_1).sum()),
                    int((mask & reach_2).sum()),
                )
            )
    return LeaTable(
        group.id,
        group.name,
        tuple(
            Provision(name, sectors, tuple(representing[name])) for name, sectors in wanted.items()
        ),
        tuple(unrepresenting),
        unknown,
    )
