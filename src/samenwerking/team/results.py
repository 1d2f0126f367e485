"""What the team-around-a-child functions return: gaps per case and over all cases.

Example
-------
>>> tie = MissingTie(ProfessionalId("p1"), ProfessionalId("p3"), ("p1", "p2", "p3"), True)
>>> tie.introducers, tie.steps
(('p2',), 2)
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from attrs import frozen

from samenwerking.errors import InvalidArgumentError
from samenwerking.model import CaseId, OrganisationId, ProfessionalId
from samenwerking.privacy import DEFAULT_THRESHOLD, SuppressedTable, suppress
from samenwerking.tabular import Table, Tabular

__all__ = ["MissingTie", "OrganisationLink", "TeamGaps", "TeamGapsSummary", "TeamGraphError"]


class TeamGraphError(InvalidArgumentError):
    """The graph given does not belong to the region (its nodes differ)."""


@frozen
class MissingTie(Tabular):
    """Two members of a team who have no direct tie, and the shortest chain between them.

    Example
    -------
    >>> gap = MissingTie(ProfessionalId("a"), ProfessionalId("c"),
    ...                  (ProfessionalId("a"), ProfessionalId("b"), ProfessionalId("c")))
    >>> gap.introducers, gap.steps
    (('b',), 2)
    """

    first: ProfessionalId
    """One member (the one listed first in the team)."""
    second: ProfessionalId
    """The other member."""
    chain: tuple[ProfessionalId, ...] | None
    """A shortest path ``first, ..., second``; ``None`` if none exists (or none short enough).

    Of several shortest paths, the smallest by position in ``region.professionals``, read
    from whichever of the two comes first there."""
    same_island: bool = True
    """Whether the two are on the same island (``False``: nobody can introduce them)."""

    @property
    def introducers(self) -> tuple[ProfessionalId, ...]:
        """The people between the two on the chain (empty when there is no chain)."""
        return () if self.chain is None else self.chain[1:-1]

    @property
    def steps(self) -> int | None:
        """The number of ties on the chain, or ``None`` when there is no chain."""
        return None if self.chain is None else len(self.chain) - 1

    _COLUMNS = ("first", "second", "same_island", "steps", "introducers", "chain")

    def _row(self) -> tuple[object, ...]:
        return (self.first, self.second, self.same_island, self.steps, self.introducers, self.chain)

    def _tables(self) -> tuple[Table, ...]:
        return (Table("missing", self._COLUMNS, [self._row()], index=2, counts=("steps",)),)


@frozen(repr=False)
class TeamGaps(Tabular):
    """The gaps in the team around one child.

    Example
    -------
    >>> gaps = TeamGaps(CaseId("c-1"), None, (ProfessionalId("a"),), (), (), (), ())
    >>> gaps.pairs, str(gaps)
    (0, 'case c-1: 1 member(s), 0 of 0 pair(s) without a tie, ...')
    """

    case: CaseId
    """The case (a pseudonymous id)."""
    coordinator: ProfessionalId | None
    """The coordinator (regisseur), if the case has one."""
    members: tuple[ProfessionalId, ...]
    """The team: the coordinator first, then the professionals involved (each once)."""
    missing: tuple[MissingTie, ...]
    """Pairs of members with no direct tie, in team order."""
    organisations: tuple[OrganisationId, ...]
    """The organisations involved: members' main organisations, then the child's school."""
    without_coordinator_tie: tuple[OrganisationId, ...]
    """Organisations involved (other than the coordinator's own) where nobody is tied to
    the coordinator; empty when the case has no coordinator."""
    missing_organisation_links: tuple[tuple[OrganisationId, OrganisationId], ...]
    """Pairs of different organisations in the team with no tie between their members here."""

    @property
    def pairs(self) -> int:
        """The number of pairs of members."""
        return len(self.members) * (len(self.members) - 1) // 2

    @property
    def unreachable(self) -> tuple[MissingTie, ...]:
        """Missing ties between members on different islands: nobody can introduce them."""
        return tuple(gap for gap in self.missing if not gap.same_island)

    def __str__(self) -> str:
        return (
            f"case {self.case}: {len(self.members)} member(s), {len(self.missing)} of "
            f"{self.pairs} pair(s) without a tie, {len(self.unreachable)} on different islands, "
            f"{len(self.without_coordinator_tie)} organisation(s) without a tie to the coordinator"
        )

    def _tables(self) -> tuple[Table, ...]:
        rows = [m._row() for m in self.missing]
        return (Table("missing", MissingTie._COLUMNS, rows, index=2, counts=("steps",)),)

    def _notes(self) -> tuple[str, ...]:
        return (str(self),)

    def __repr__(self) -> str:
        return (
            f"<TeamGaps for case {self.case!r}: {len(self.members)} members, "
            f"{len(self.missing)} of {self.pairs} pairs without a tie, "
            f"{len(self.unreachable)} unreachable>"
        )


@frozen
class OrganisationLink(Tabular):
    """A pair of organisations whose people, in some cases, did not know each other.

    Example
    -------
    >>> OrganisationLink((OrganisationId("s1"), OrganisationId("y1")), 7).cases
    7
    """

    organisations: tuple[OrganisationId, OrganisationId]
    """The two organisations, in sorted order."""
    cases: int
    """In how many cases this link was missing (a count of children: suppress to publish)."""

    def _tables(self) -> tuple[Table, ...]:
        row = (*self.organisations, self.cases)
        return (Table("links", ("organisation", "other_organisation", "cases"), [row], index=2),)


@frozen(repr=False)
class TeamGapsSummary(Tabular):
    """The gaps in the teams around every child of a region.

    Example
    -------
    >>> summary = TeamGapsSummary((), ())
    >>> summary.cases, summary.cases_with_missing_ties
    (0, 0)
    """

    teams: tuple[TeamGaps, ...]
    """One result per case, in the region's order."""
    missing_links: tuple[OrganisationLink, ...]
    """Missing links between organisations, most cases first (then by organisation ids)."""

    @property
    def cases(self) -> int:
        """The number of cases."""
        return len(self.teams)

    @property
    def cases_with_missing_ties(self) -> int:
        """Cases where at least two members have no tie."""
        return sum(1 for team in self.teams if team.missing)

    @property
    def cases_with_unreachable(self) -> int:
        """Cases where at least two members are on different islands."""
        return sum(1 for team in self.teams if team.unreachable)

    @property
    def cases_without_coordinator(self) -> int:
        """Cases without a coordinator."""
        return sum(1 for team in self.teams if team.coordinator is None)

    @property
    def cases_with_organisation_without_coordinator_tie(self) -> int:
        """Cases where some organisation involved has no tie to the coordinator."""
        return sum(1 for team in self.teams if team.without_coordinator_tie)

    def suppressed_links(
        self,
        *,
        threshold: int = DEFAULT_THRESHOLD,
        labels: Mapping[str, str] | None = None,
    ) -> SuppressedTable:
        """The missing links as a one-column table of case counts, fit for publication.

        Rows are the organisation pairs of :attr:`missing_links` (labelled ``"A - B"`` with
        the ids, or with ``labels[id]`` where given); counts below ``threshold`` and the
        complements that protect them are hidden by :func:`samenwerking.privacy.suppress`.
        """
        names = labels or {}
        rows = [
            f"{names.get(a, a)} - {names.get(b, b)}"
            for a, b in (link.organisations for link in self.missing_links)
        ]
        counts = np.array([[link.cases] for link in self.missing_links], np.int64).reshape(-1, 1)
        return suppress(counts, threshold=threshold, row_labels=rows, column_labels=["cases"])

    def _tables(self) -> tuple[Table, ...]:
        teams = [
            (
                t.case,
                t.coordinator,
                len(t.members),
                t.pairs,
                len(t.missing),
                len(t.unreachable),
                len(t.without_coordinator_tie),
            )
            for t in self.teams
        ]
        published = self.suppressed_links()
        links = [
            (*link.organisations, count[0])
            for link, count in zip(self.missing_links, published.cells, strict=True)
        ]
        hidden = sum(count[0] is None for count in published.cells)
        columns = ("case", "coordinator", "members", "pairs", "missing", "unreachable")
        return (
            Table("teams", (*columns, "organisations_without_coordinator_tie"), teams),
            Table(
                "links",
                ("organisation", "other_organisation", "cases"),
                links,
                index=2,
                counts=("cases",),
                suppressed=hidden,
            ),
        )

    def _notes(self) -> tuple[str, ...]:
        return (
            f"{self.cases} cases: {self.cases_with_missing_ties} with missing ties, "
            f"{self.cases_with_unreachable} with members on different islands, "
            f"{self.cases_without_coordinator} without a coordinator",
            "case counts per pair of organisations are suppressed below the threshold (x)",
        )

    def __repr__(self) -> str:
        return (
            f"<TeamGapsSummary: {self.cases} cases, {self.cases_with_missing_ties} with missing "
            f"ties, {len(self.missing_links)} missing organisation links>"
        )
