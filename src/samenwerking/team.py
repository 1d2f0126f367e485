"""The team around a child: who in a case does not know whom, and who could introduce them.

For one case (:func:`team_around`) or every case of a region (:func:`team_gaps`):

- the *team*: the case's coordinator and the professionals involved;
- the pairs in the team with no direct tie, and for each the shortest chain of people
  between them through the network (the people in between could introduce them);
  ``None`` when they sit on different islands, so nobody can;
- the organisations involved (the team's main organisations and the child's school)
  in which nobody is tied to the coordinator;
- over all cases, the pairs of organisations that meet in a case while none of their
  people in that case know each other, counted in cases. Those counts are about
  children: publish them only through :meth:`TeamGapsSummary.suppressed_links`.

Chains are found by a bidirectional breadth-first search on the CSR arrays of the
compact graph, built once; pairs on different islands are answered from the
connected-component labels without a search.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.model import Case, CaseId, CaseInvolvement, ProfessionalId
>>> region = sw.synthetic.region(200, seed=1)
>>> team = [p.id for p in region.professionals[:3]]
>>> case = Case(CaseId("c-1"), region.municipalities[0], "extra", coordinator=team[0],
...             involved=tuple(CaseInvolvement(p) for p in team[1:]))
>>> gaps = team_around(region.replace(cases=(case,)), "c-1")
>>> gaps.members == tuple(team), len(gaps.missing) <= 3
(True, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

import numpy as np
import numpy.typing as npt
from attrs import frozen

from samenwerking.errors import SamenwerkingError, UnknownIdError
from samenwerking.graph import CompactGraph, compact_graph
from samenwerking.model import Case, CaseId, OrganisationId, ProfessionalId, Region
from samenwerking.privacy import DEFAULT_THRESHOLD, SuppressedTable, suppress
from samenwerking.progress import Progress, report_progress

__all__ = [
    "MissingTie",
    "OrganisationLink",
    "TeamGaps",
    "TeamGapsSummary",
    "TeamGraphError",
    "team_around",
    "team_gaps",
]


_NUMPY_EDGES = 256
"""Frontiers with more ties than this are expanded with numpy rather than plain Python."""


class TeamGraphError(SamenwerkingError, ValueError):
    """The graph given does not belong to the region (its nodes differ)."""


@frozen
class MissingTie:
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
    """A shortest path ``first, ..., second``; ``None`` if none exists (or none short enough)."""
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


@frozen
class TeamGaps:
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


@frozen
class OrganisationLink:
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


@frozen
class TeamGapsSummary:
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


class _Searcher:
    """Shortest chains and adjacency tests on one compact graph (built once)."""

    def __init__(self, region: Region, graph: CompactGraph) -> None:
        from scipy.sparse.csgraph import connected_components

        if graph.n_nodes != len(region.professionals) or any(
            node != p.id for node, p in zip(graph.ids, region.professionals, strict=True)
        ):
            raise TeamGraphError(
                "graph must be compact_graph(region): its nodes differ from the region's "
                "professionals"
            )
        self.region = region
        self.graph = graph
        self.indptr: list[int] = graph.indptr.tolist()
        self.indices: list[int] = graph.indices.tolist()
        self.ids: tuple[Hashable, ...] = graph.ids
        if graph.n_nodes:
            _, labels = connected_components(graph.to_scipy(), directed=False)
        else:
            labels = np.zeros(0, np.int32)
        self.component: list[int] = np.asarray(labels).tolist()
        self.main_org: list[int] = graph.organisation.tolist()
        self.degree: list[int] = graph.degree().tolist()
        n = graph.n_nodes
        # Scratch arrays of the numpy search, reset after each use.
        self._parent = (np.full(n, -2, np.int64), np.full(n, -2, np.int64))  # -2: not reached
        self._depth = (np.full(n, -1, np.int64), np.full(n, -1, np.int64))

    def neighbours(self, node: int) -> list[int]:
        return self.indices[self.indptr[node] : self.indptr[node + 1]]

    def adjacent(self, a: int, b: int) -> bool:
        row = self.graph.indices[self.indptr[a] : self.indptr[a + 1]]
        at = int(np.searchsorted(row, b))
        return at < len(row) and int(row[at]) == b

    def chain(self, a: int, b: int, max_steps: int | None) -> list[int] | None:
        """A shortest path from ``a`` to ``b`` (both included), or ``None``."""
        if a == b:
            return [a]
        if self.component[a] != self.component[b]:
            return None
        indptr, indices, degree = self.indptr, self.indices, self.degree
        sides: tuple[dict[int, int], dict[int, int]] = ({a: -1}, {b: -1})  # node -> parent
        depths: tuple[dict[int, int], dict[int, int]] = ({a: 0}, {b: 0})
        frontiers: list[list[int]] = [[a], [b]]
        levels = [0, 0]
        while frontiers[0] and frontiers[1]:
            if max_steps is not None and levels[0] + levels[1] >= max_steps:
                return None
            side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            if sum(degree[u] for u in frontiers[side]) > _NUMPY_EDGES:
                return self._finish_numpy(sides, depths, frontiers, levels, max_steps)
            # Expand the smaller side by one whole level. Every node found there that the
            # other side has reached closes a path; the cheapest of them is a shortest one.
            parents, depth, other = sides[side], depths[side], depths[1 - side]
            level = levels[side] + 1
            best: tuple[int, int] | None = None  # (other side's depth, node)
            found: list[int] = []
            for u in frontiers[side]:
                for v in indices[indptr[u] : indptr[u + 1]]:
                    if v in parents:
                        continue
                    parents[v] = u
                    depth[v] = level
                    found.append(v)
                    if v in other and (best is None or (other[v], v) < best):
                        best = (other[v], v)
            frontiers[side], levels[side] = found, level
            if best is not None:
                meet = best[1]
                return _walk(sides[0], meet)[::-1] + _walk(sides[1], meet)[1:]
        return None

    def _finish_numpy(
        self,
        sides: tuple[dict[int, int], dict[int, int]],
        depths: tuple[dict[int, int], dict[int, int]],
        frontiers: list[list[int]],
        levels: list[int],
        max_steps: int | None,
    ) -> list[int] | None:
        """Go on with the search of :meth:`chain` level by level in numpy (big frontiers)."""
        parent, depth = self._parent, self._depth
        touched: list[npt.NDArray[np.int64]] = []
        try:
            return self._numpy_levels(sides, depths, frontiers, levels, max_steps, touched)
        finally:
            for k in (0, 1):
                for nodes in touched:
                    parent[k][nodes] = -2
                    depth[k][nodes] = -1

    def _numpy_levels(
        self,
        sides: tuple[dict[int, int], dict[int, int]],
        depths: tuple[dict[int, int], dict[int, int]],
        frontiers: list[list[int]],
        levels: list[int],
        max_steps: int | None,
        touched: list[npt.NDArray[np.int64]],
    ) -> list[int] | None:
        indptr, indices = self.graph.indptr, self.graph.indices
        parent, depth = self._parent, self._depth
        fronts = []
        for k in (0, 1):
            keys = np.fromiter(sides[k].keys(), np.int64, len(sides[k]))
            touched.append(keys)
            parent[k][keys] = np.fromiter(sides[k].values(), np.int64, len(sides[k]))
            depth[k][keys] = np.fromiter(depths[k].values(), np.int64, len(depths[k]))
            fronts.append(np.array(frontiers[k], np.int64))
        while len(fronts[0]) and len(fronts[1]):
            if max_steps is not None and levels[0] + levels[1] >= max_steps:
                return None
            side = 0 if len(fronts[0]) <= len(fronts[1]) else 1
            front = fronts[side]
            starts, lengths = indptr[front], indptr[front + 1] - indptr[front]
            total = int(lengths.sum())
            offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
            reached = indices[offsets].astype(np.int64)
            source = np.repeat(front, lengths)
            fresh = parent[side][reached] == -2
            reached, source = reached[fresh], source[fresh]
            # With repeated targets the last write wins; keep exactly that occurrence (a
            # node is never reached twice from the same source: there are no multi-edges).
            parent[side][reached] = source
            keep = parent[side][reached] == source
            reached = reached[keep]
            touched.append(reached)
            levels[side] += 1
            depth[side][reached] = levels[side]
            fronts[side] = reached
            meets = reached[depth[1 - side][reached] >= 0]
            if len(meets):
                cost = depth[1 - side][meets]
                meet = int(meets[np.lexsort((meets, cost))[0]])
                return _walk_array(parent[0], meet)[::-1] + _walk_array(parent[1], meet)[1:]
        return None


def _walk_array(parents: npt.NDArray[np.int64], node: int) -> list[int]:
    path = [node]
    while parents[node] != -1:
        node = int(parents[node])
        path.append(node)
    return path


def _walk(parents: dict[int, int], node: int) -> list[int]:
    path = [node]
    while parents[node] != -1:
        node = parents[node]
        path.append(node)
    return path


def _team(case: Case) -> tuple[ProfessionalId, ...]:
    members: dict[ProfessionalId, None] = {}
    if case.coordinator is not None:
        members[case.coordinator] = None
    for involvement in case.involved:
        members.setdefault(involvement.professional, None)
    return tuple(members)


def _gaps(case: Case, searcher: _Searcher, max_steps: int | None) -> TeamGaps:
    region = searcher.region
    graph = searcher.graph
    members = _team(case)
    nodes = [graph.index_of(member) for member in members]
    for member in members:
        region.professional(member)  # raises UnknownIdError naming the professional
    organisation_ids = graph.organisations
    main = [OrganisationId(organisation_ids[searcher.main_org[n]]) for n in nodes]

    missing: list[MissingTie] = []
    linked: set[tuple[OrganisationId, OrganisationId]] = set()
    unlinked: set[tuple[OrganisationId, OrganisationId]] = set()
    for i in range(len(nodes)):
        for j in range(i + 1, len(nodes)):
            a, b = nodes[i], nodes[j]
            pair = (main[i], main[j]) if main[i] <= main[j] else (main[j], main[i])
            if searcher.adjacent(a, b):
                linked.add(pair)
                continue
            unlinked.add(pair)
            same = searcher.component[a] == searcher.component[b]
            path = searcher.chain(a, b, max_steps) if same else None
            chain = (
                None
                if path is None
                else tuple(ProfessionalId(str(ids)) for ids in (searcher.ids[k] for k in path))
            )
            missing.append(MissingTie(members[i], members[j], chain, same))
    links = tuple(sorted(p for p in unlinked - linked if p[0] != p[1]))

    involved: dict[OrganisationId, None] = dict.fromkeys(main)
    if case.school is not None:
        region.organisation(case.school)
        involved.setdefault(case.school, None)
    without: tuple[OrganisationId, ...] = ()
    if case.coordinator is not None:
        coordinator = region.professional(case.coordinator)
        reached: set[str] = set(coordinator.organisations)
        for k in searcher.neighbours(nodes[0]):
            reached.update(region.professionals[k].organisations)
        without = tuple(o for o in involved if o not in reached)
    return TeamGaps(
        case.id, case.coordinator, members, tuple(missing), tuple(involved), without, links
    )


def _case(region: Region, case_id: str) -> Case:
    for case in region.cases:
        if case.id == case_id:
            return case
    raise UnknownIdError("case", case_id, [c.id for c in region.cases])


def _searcher(region: Region, graph: CompactGraph | None) -> _Searcher:
    return _Searcher(region, compact_graph(region) if graph is None else graph)


def _check_steps(max_steps: int | None) -> None:
    if max_steps is not None and (
        isinstance(max_steps, bool) or not isinstance(max_steps, int) or max_steps < 1
    ):
        from samenwerking.analysis._input import InvalidArgumentError

        raise InvalidArgumentError(
            f"max_steps must be a positive integer or None (got {max_steps!r})"
        )


def team_around(
    region: Region,
    case_id: str,
    *,
    graph: CompactGraph | None = None,
    max_steps: int | None = None,
) -> TeamGaps:
    """The gaps in the team around one child.

    Parameters
    ----------
    region : Region
        The region holding the case.
    case_id : str
        The case's (pseudonymous) id.
    graph : CompactGraph, optional
        ``compact_graph(region)``, if already built (it is built otherwise).
    max_steps : int, optional
        Look for chains of at most this many ties (a bounded search); longer chains are
        reported as ``None``. Default: no bound.

    Returns
    -------
    TeamGaps

    Raises
    ------
    UnknownIdError
        If there is no such case, or the case names an unknown professional or school.

    Example
    -------
    >>> import samenwerking as sw
    >>> region = sw.synthetic.region(200, seed=1)
    >>> region = region.replace(cases=sw.synthetic.cases(region, 3, seed=1))
    >>> gaps = team_around(region, region.cases[0].id)
    >>> all(gap.chain is None or gap.steps >= 2 for gap in gaps.missing)
    True
    """
    _check_steps(max_steps)
    case = _case(region, case_id)
    return _gaps(case, _searcher(region, graph), max_steps)


def team_gaps(
    region: Region,
    *,
    graph: CompactGraph | None = None,
    max_steps: int | None = None,
    progress: Progress | None = None,
) -> TeamGapsSummary:
    """The gaps in the teams around every child, and the most frequent missing links.

    The compact graph is built once (or passed as ``graph``); each chain is a
    bidirectional breadth-first search on its CSR arrays.

    Parameters
    ----------
    region : Region
        The region and its cases.
    graph : CompactGraph, optional
        ``compact_graph(region)``, if already built.
    max_steps : int, optional
        Bound on the length of the chains looked for (see :func:`team_around`).
    progress : Progress, optional
        Called as ``progress(done, total)`` with cases done.

    Returns
    -------
    TeamGapsSummary
        Per case results in the region's order; ``missing_links`` counts, per pair of
        organisations, the cases where the two met in the team without a tie between
        their members there. These are counts of children: publish them only through
        :meth:`TeamGapsSummary.suppressed_links`.

    Example
    -------
    >>> import samenwerking as sw
    >>> region = sw.synthetic.region(400, seed=2)
    >>> region = region.replace(cases=sw.synthetic.cases(region, 20, seed=2))
    >>> summary = team_gaps(region)
    >>> summary.cases, summary.cases_with_missing_ties <= 20
    (20, True)
    """
    _check_steps(max_steps)
    searcher = _searcher(region, graph)
    total = len(region.cases)
    teams: list[TeamGaps] = []
    counts: Counter[tuple[OrganisationId, OrganisationId]] = Counter()
    step = max(1, total // 100)
    for done, case in enumerate(region.cases, start=1):
        gaps = _gaps(case, searcher, max_steps)
        teams.append(gaps)
        counts.update(gaps.missing_organisation_links)
        if done % step == 0 or done == total:
            report_progress(progress, done, total)
    links = tuple(
        OrganisationLink(pair, count)
        for pair, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return TeamGapsSummary(tuple(teams), links)
