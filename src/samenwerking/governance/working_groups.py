"""Working groups: a lead (trekker), the sectors the theme needs, and ties among members.

A group whose members hardly know each other is a *praatclub*: strangers around a table.
The rule used here: a group of at least ``min_members`` members is flagged when fewer than
``praatclub_density`` (default one in three) of its pairs of members are tied.

A member brings the sectors of every organisation they work for (not only their main
one), as :func:`~samenwerking.governance.linked_parties` counts every organisation too.

Example
-------
>>> from samenwerking.model import (Organisation, Professional, Region, Role, Sector, Tie,
...     WorkingGroup)
>>> region = Region("Dorp",
...     organisations=(Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp"),),
...     professionals=tuple(Professional(p, p.upper(), Role.TEACHER, ("s",)) for p in "abcd"),
...     ties=[Tie("a", "b")],
...     working_groups=(WorkingGroup("wg", "Overgang", members=tuple("abcd"),
...                                  needed_sectors=("primary_school", "youth_care")),))
>>> check = check_working_groups(region)[0]
>>> check.has_lead, check.missing_sectors, check.untied_members, check.praatclub
(False, (<Sector.YOUTH_CARE: 'youth_care'>,), ('c', 'd'), True)
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from attrs import frozen

from samenwerking._arguments import check_whole
from samenwerking.errors import InvalidArgumentError
from samenwerking.governance._common import check_region, graph_of
from samenwerking.graph.compact import CompactGraph
from samenwerking.model import GroupKind, ProfessionalId, Region, Sector, WorkingGroupId
from samenwerking.tabular import Table, Tabular

__all__ = ["PRAATCLUB_DENSITY", "PRAATCLUB_MIN_MEMBERS", "GroupCheck", "check_working_groups"]

PRAATCLUB_DENSITY = 1 / 3
"""A group whose member density is below this is a praatclub (strangers around a table)."""

PRAATCLUB_MIN_MEMBERS = 3
"""Groups smaller than this are never flagged as a praatclub."""


@frozen(repr=False)
class GroupCheck(Tabular):
    """What one working group looks like: lead, sectors and ties among its members."""

    id: WorkingGroupId
    """The group."""
    name: str
    """Its name."""
    kind: GroupKind
    """Its kind."""
    lead: ProfessionalId | None
    """Its lead (trekker), if any."""
    lead_is_member: bool
    """Whether the lead is listed among the members."""
    members: tuple[ProfessionalId, ...]
    """The members that name a professional in the region, in the group's order."""
    sectors: tuple[Sector, ...]
    """The sectors of every organisation the members work for, in vocabulary order."""
    needed_sectors: tuple[Sector, ...]
    """The sectors its theme needs."""
    missing_sectors: tuple[Sector, ...]
    """Needed sectors no member works in (in any of their organisations)."""
    tied_pairs: int
    """Pairs of members joined by at least one tie."""
    untied_members: tuple[ProfessionalId, ...]
    """Members without a tie to any other member."""
    islands: int
    """The number of connected groups among the members (each untied member is one)."""
    praatclub: bool
    """True when the members are mostly strangers (see the module's rule)."""
    unknown_members: tuple[ProfessionalId, ...] = ()
    """Member ids (or the lead) that name no professional in the region."""

    @property
    def has_lead(self) -> bool:
        """Whether the group has a lead."""
        return self.lead is not None

    @property
    def density(self) -> float | None:
        """The share of pairs of members that are tied (``None`` below two members)."""
        n = len(self.members)
        return self.tied_pairs / (n * (n - 1) / 2) if n >= 2 else None

    @property
    def problems(self) -> tuple[str, ...]:
        """What to fix, in plain words (empty when nothing)."""
        out = []
        if not self.has_lead:
            out.append("no lead")
        elif not self.lead_is_member:
            out.append("lead is not a member")
        if self.missing_sectors:
            out.append("missing " + ", ".join(s.label for s in self.missing_sectors))
        if self.praatclub:
            out.append("praatclub: members hardly know each other")
        if self.unknown_members:
            out.append("unknown members " + ", ".join(self.unknown_members))
        return tuple(out)

    def __str__(self) -> str:
        return f"{self.name}: " + ("; ".join(self.problems) or "ok")

    def _tables(self) -> tuple[Table, ...]:
        columns = (
            "group",
            "name",
            "kind",
            "lead",
            "lead_is_member",
            "members",
            "sectors",
            "missing_sectors",
            "tied_pairs",
            "density",
            "islands",
            "praatclub",
            "untied_members",
            "problems",
        )
        row = (
            self.id,
            self.name,
            self.kind,
            self.lead,
            self.lead_is_member,
            len(self.members),
            self.sectors,
            self.missing_sectors,
            self.tied_pairs,
            self.density,
            self.islands,
            self.praatclub,
            self.untied_members,
            self.problems,
        )
        return (Table("groups", columns, [row]),)


def check_working_groups(
    region: Region,
    *,
    kinds: Iterable[GroupKind | str] | None = None,
    praatclub_density: float = PRAATCLUB_DENSITY,
    min_members: int = PRAATCLUB_MIN_MEMBERS,
    graph: CompactGraph | None = None,
) -> tuple[GroupCheck, ...]:
    """Check every working group (or those of some kinds), in the region's order.

    Parameters
    ----------
    region : Region
        The region.
    kinds : iterable of GroupKind, optional
        Only groups of these kinds (default: all).
    praatclub_density : float
        Flag groups whose member density (tied pairs / possible pairs) is below this.
    min_members : int
        Never flag groups with fewer members than this.
    graph : CompactGraph, optional
        ``compact_graph(region)``, if already built.

    Returns
    -------
    tuple of GroupCheck
        Per group: lead and whether the lead is a member, sectors present and missing,
        tied pairs, untied members, islands among members and the praatclub flag.

    Raises
    ------
    InvalidArgumentError
        For an unknown kind, a density outside 0..1 or a negative ``min_members``.

    Example
    -------
    >>> from samenwerking.model import Region, WorkingGroup
    >>> region = Region("Dorp", working_groups=(WorkingGroup("wg", "Leeg"),))
    >>> check_working_groups(region, kinds=["lea_table"])
    ()
    """
    check_region(region, "check_working_groups")
    wanted = _kinds(kinds)
    if (
        isinstance(praatclub_density, bool)
        or not isinstance(praatclub_density, int | float)
        or not 0 <= praatclub_density <= 1
    ):
        raise InvalidArgumentError(
            f"praatclub_density must be a number from 0 to 1 (got {praatclub_density!r})"
        )
    check_whole(min_members, "min_members", minimum=0)
    groups = [g for g in region.working_groups if g.kind in wanted]
    if not groups:
        return ()
    G = graph_of(region, graph)  # noqa: N806
    matrix = G.to_scipy()
    position = {p.id: i for i, p in enumerate(region.professionals)}
    org_sector = {o.id: o.sector for o in region.organisations}
    sectors = list(Sector)
    out = []
    for group in groups:
        listed = list(dict.fromkeys(group.members))
        members = tuple(m for m in listed if m in position)
        unknown = [m for m in listed if m not in position]
        if group.lead is not None and group.lead not in position:
            unknown.append(group.lead)
        nodes = np.array([position[m] for m in members], np.int64)
        present = {
            org_sector[o]
            for m in members
            for o in region.professionals[position[m]].organisations
            if o in org_sector
        }
        sub = matrix[nodes][:, nodes] if len(nodes) else None
        tied = int(sub.nnz // 2) if sub is not None else 0
        degree = np.diff(sub.indptr) if sub is not None else np.zeros(0, np.int64)
        islands = 0
        if sub is not None:
            from scipy.sparse.csgraph import connected_components

            islands = int(connected_components(sub, directed=False)[0])
        n = len(members)
        density = tied / (n * (n - 1) / 2) if n >= 2 else None
        out.append(
            GroupCheck(
                group.id,
                group.name,
                group.kind,
                group.lead,
                group.lead is not None and group.lead in group.members,
                members,
                tuple(s for s in sectors if s in present),
                group.needed_sectors,
                tuple(s for s in group.needed_sectors if s not in present),
                tied,
                tuple(m for m, d in zip(members, degree.tolist(), strict=True) if d == 0),
                islands,
                n >= max(min_members, 2) and density is not None and density < praatclub_density,
                tuple(dict.fromkeys(unknown)),
            )
        )
    return tuple(out)


def _kinds(kinds: Iterable[GroupKind | str] | None) -> frozenset[GroupKind]:
    if kinds is None:
        return frozenset(GroupKind)
    if isinstance(kinds, str):
        kinds = (kinds,)
    out = set()
    for kind in kinds:
        try:
            out.add(GroupKind(kind))
        except ValueError:
            choices = ", ".join(k.value for k in GroupKind)
            raise InvalidArgumentError(
                f"kinds holds an unknown group kind {kind!r}; choose from {choices}"
            ) from None
    return frozenset(out)
