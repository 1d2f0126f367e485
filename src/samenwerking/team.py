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

Chains are found by breadth-first searches on the CSR arrays of the compact graph,
built once: one search per team member answers all of that member's pairs, and 64
members are searched at once (one bit each) with numpy. Pairs on different islands are
answered from the connected-component labels without a search. Of the shortest chains,
the one given is the smallest by position in ``region.professionals``, read from the
member that comes first there; it depends only on the network and the two members.

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

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

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


_BATCH = 64
"""Sources searched at once: one bit each of a 64-bit word per professional."""

_PUSH_SHARE = 8
"""A level whose ties are fewer than 1/_PUSH_SHARE of all ties pushes its bits along them;
a bigger one is expanded by letting every professional pull from all its neighbours."""


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
    """Ties and shortest chains between professionals of one compact graph (built once)."""

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
        n = graph.n_nodes
        self.indptr: npt.NDArray[np.int64] = graph.indptr.astype(np.int64)
        self.indices: npt.NDArray[np.intp] = graph.indices.astype(np.intp)
        degree = np.diff(self.indptr)
        # Every tie (both directions) as one number, in increasing order: CSR rows come in
        # order and are sorted within, so ``row * n + column`` is sorted.
        self._tie_keys = np.repeat(np.arange(n, dtype=np.int64), degree) * n + self.indices
        self._linked = np.flatnonzero(degree)  # professionals with at least one tie
        self._linked_starts = self.indptr[self._linked]
        if n:
            _, labels = connected_components(graph.to_scipy(), directed=False)
        else:
            labels = np.zeros(0, np.int32)
        self.component: npt.NDArray[np.int64] = np.asarray(labels, np.int64)
        self.main_org: list[int] = graph.organisation.tolist()

    def neighbours(self, node: int) -> list[int]:
        neighbours: list[int] = self.graph.neighbors(node).tolist()
        return neighbours

    def tied(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Whether ``a[k]`` and ``b[k]`` have a direct tie, for every ``k``."""
        if not len(self._tie_keys):
            return np.zeros(len(a), np.bool_)
        keys = a * self.graph.n_nodes + b
        at = np.minimum(np.searchsorted(self._tie_keys, keys), len(self._tie_keys) - 1)
        return np.asarray(self._tie_keys[at] == keys)

    def chains(
        self,
        pairs: Iterable[tuple[int, int]],
        max_steps: int | None,
        done: Callable[[int], None] | None = None,
    ) -> dict[tuple[int, int], tuple[int, ...] | None]:
        """A shortest chain ``low, ..., high`` for every pair ``(low, high)``, or ``None``.

        Pairs are grouped by their higher end (the *source*); one breadth-first search per
        source answers all its pairs, and up to :data:`_BATCH` sources are searched at once,
        one bit each. Of all shortest chains the one returned is the smallest read from
        ``low`` (by position): at every step from ``low`` it takes the lowest-numbered
        neighbour one step closer to ``high``. It depends only on the graph and the pair.
        ``done(k)`` is called after the first ``k`` sources (in order of first appearance).
        """
        targets: dict[int, list[int]] = {}
        for low, high in dict.fromkeys(pairs):
            targets.setdefault(high, []).append(low)
        sources = list(targets)
        result: dict[tuple[int, int], tuple[int, ...] | None] = {}
        for start in range(0, len(sources), _BATCH):
            batch = sources[start : start + _BATCH]
            for source, ends in zip(batch, self._search(batch, targets, max_steps), strict=True):
                for low, chain in zip(targets[source], ends, strict=True):
                    result[low, source] = chain
            if done is not None:
                done(start + len(batch))
        return result

    def _search(
        self, sources: list[int], targets: Mapping[int, list[int]], max_steps: int | None
    ) -> list[list[tuple[int, ...] | None]]:
        """Search from up to 64 sources at once (a bit each); their targets' chains, in order."""
        n = self.graph.n_nodes
        bits = np.left_shift(np.uint64(1), np.arange(len(sources), dtype=np.uint64))
        counts = [len(targets[s]) for s in sources]
        query = np.fromiter(itertools.chain.from_iterable(targets[s] for s in sources), np.int64)
        query_bit = np.repeat(bits, counts)
        distance = np.full(len(query), -1, np.int64)
        # Level k holds the professionals first reached at k steps, with one bit set for
        # every source that reached them there; ``front`` is the last level, dense.
        nodes: npt.NDArray[np.int64] = np.asarray(sources, np.int64)
        reached = bits
        levels = [(nodes, reached)]
        front = np.zeros(n, np.uint64)
        front[nodes] = bits
        seen = front.copy()
        while True:
            # A target not found yet is one step beyond the last level exactly when one of
            # its neighbours is on that level (for its source's bit): checking that is cheap,
            # and spares expanding the last level, the biggest.
            waiting = np.flatnonzero(distance < 0)
            owner, _ = self._neighbours_on(front, query[waiting], query_bit[waiting])
            distance[waiting[owner]] = len(levels)
            if (distance >= 0).all() or len(levels) == max_steps:
                break
            front = self._expand(nodes, reached) & ~seen
            nodes = np.flatnonzero(front)
            if not len(nodes):
                break
            reached = front[nodes]
            seen[nodes] |= reached
            levels.append((nodes, reached))
        steps = self._walk_back(levels, query, query_bit, distance).tolist()
        chains = [
            tuple(row[d::-1]) if d >= 0 else None
            for row, d in zip(steps, distance.tolist(), strict=True)
        ]
        ends = np.cumsum(counts).tolist()
        return [chains[end - count : end] for end, count in zip(ends, counts, strict=True)]

    def _expand(
        self, nodes: npt.NDArray[np.int64], bits: npt.NDArray[np.uint64]
    ) -> npt.NDArray[np.uint64]:
        """For every professional, the bits of its neighbours among ``nodes`` (OR-ed)."""
        starts = self.indptr[nodes]
        lengths = self.indptr[nodes + 1] - starts
        out = np.zeros(self.graph.n_nodes, np.uint64)
        if int(lengths.sum()) * _PUSH_SHARE < len(self.indices):
            # A small level: push its bits along its own ties.
            np.bitwise_or.at(out, self.indices[_spans(starts, lengths)], np.repeat(bits, lengths))
        elif len(self._linked):
            # A big level: every professional with ties pulls from all its neighbours.
            dense = np.zeros(self.graph.n_nodes, np.uint64)
            dense[nodes] = bits
            out[self._linked] = np.bitwise_or.reduceat(dense[self.indices], self._linked_starts)
        return out

    def _walk_back(
        self,
        levels: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]],
        query: npt.NDArray[np.int64],
        query_bit: npt.NDArray[np.uint64],
        distance: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.int64]:
        """The chain of every query found, as ``steps[q, k]``: its node ``k`` steps from the source.

        From the target back to the source, each step takes the lowest-numbered neighbour
        on the level before (neighbours are sorted), for all queries at once.
        """
        longest = int(distance.max(initial=0))
        steps = np.full((len(query), longest + 1), -1, np.int64)
        found = np.flatnonzero(distance >= 0)
        steps[found, distance[found]] = query[found]
        dense = np.zeros(self.graph.n_nodes, np.uint64)
        for level in range(longest - 1, -1, -1):
            active = np.flatnonzero(distance > level)
            nodes, bits = levels[level]
            dense[nodes] = bits
            owner, closer = self._neighbours_on(dense, steps[active, level + 1], query_bit[active])
            dense[nodes] = 0
            first = np.flatnonzero(np.diff(owner, prepend=-1))  # each query's first such one
            steps[active, level] = closer[first]
        return steps

    def _neighbours_on(
        self,
        level: npt.NDArray[np.uint64],
        nodes: npt.NDArray[np.int64],
        bits: npt.NDArray[np.uint64],
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.intp]]:
        """The neighbours of each ``nodes[k]`` with ``bits[k]`` set in ``level`` (dense).

        Returned as ``(k, neighbour)`` in two arrays, by ``k`` and then by neighbour.
        """
        starts = self.indptr[nodes]
        lengths = self.indptr[nodes + 1] - starts
        neighbours = self.indices[_spans(starts, lengths)]
        on = (level[neighbours] & np.repeat(bits, lengths)) != 0
        return np.repeat(np.arange(len(nodes)), lengths)[on], neighbours[on]


def _spans(starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The positions ``starts[k], ..., starts[k] + lengths[k] - 1`` for every ``k``, in order."""
    total = int(lengths.sum())
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)


def _team(case: Case) -> tuple[ProfessionalId, ...]:
    members: dict[ProfessionalId, None] = {}
    if case.coordinator is not None:
        members[case.coordinator] = None
    for involvement in case.involved:
        members.setdefault(involvement.professional, None)
    return tuple(members)


def _all_gaps(
    cases: Sequence[Case],
    searcher: _Searcher,
    max_steps: int | None,
    progress: Progress | None = None,
) -> list[TeamGaps]:
    """The gaps of every case; all chains are found together (see :meth:`_Searcher.chains`)."""
    region, graph = searcher.region, searcher.graph
    teams: list[tuple[ProfessionalId, ...]] = []
    for case in cases:
        teams.append(_team(case))
        for member in teams[-1]:
            region.professional(member)  # raises UnknownIdError naming the professional
        if case.school is not None:
            region.organisation(case.school)
    positions = [[graph.index_of(member) for member in members] for members in teams]
    # Every pair of members (as positions), case after case, in team order.
    pairs = [[(x, y) for i, x in enumerate(nodes) for y in nodes[i + 1 :]] for nodes in positions]
    ends = np.array([end for case_pairs in pairs for end in case_pairs], np.int64).reshape(-1, 2)
    tied = searcher.tied(ends[:, 0], ends[:, 1]).tolist()
    same = (searcher.component[ends[:, 0]] == searcher.component[ends[:, 1]]).tolist()
    pair_flags = iter(zip(tied, same, strict=True))  # (tied, same island) per pair
    flags = [[next(pair_flags) for _ in case_pairs] for case_pairs in pairs]
    searched = [
        [(min(x, y), max(x, y)) for (x, y), (t, s) in zip(ps, fs, strict=True) if s and not t]
        for ps, fs in zip(pairs, flags, strict=True)
    ]
    chains = searcher.chains(
        itertools.chain.from_iterable(searched), max_steps, _case_progress(progress, searched)
    )
    results = [
        _case_gaps(case, members, nodes, case_flags, chains, searcher)
        for case, members, nodes, case_flags in zip(cases, teams, positions, flags, strict=True)
    ]
    if cases:
        report_progress(progress, len(cases), len(cases))
    return results


def _case_progress(
    progress: Progress | None, searched: list[list[tuple[int, int]]]
) -> Callable[[int], None] | None:
    """Turn "the first k sources are searched" into cases done, for ``progress``.

    Sources are searched in order of first appearance, case after case, so the cases up
    to case ``c`` are done once as many sources are as those cases name.
    """
    if progress is None:
        return None
    ranked: set[int] = set()
    needed: list[int] = []
    for case_pairs in searched:
        ranked.update(high for _, high in case_pairs)
        needed.append(len(ranked))

    def done(sources: int) -> None:
        progress(bisect.bisect_right(needed, sources), len(needed))

    return done


def _case_gaps(
    case: Case,
    members: tuple[ProfessionalId, ...],
    nodes: list[int],
    flags: list[tuple[bool, bool]],
    chains: Mapping[tuple[int, int], tuple[int, ...] | None],
    searcher: _Searcher,
) -> TeamGaps:
    """One case's gaps, given ``(tied, same island)`` for each pair in team order."""
    region, graph = searcher.region, searcher.graph
    main = [OrganisationId(graph.organisations[searcher.main_org[n]]) for n in nodes]
    missing: list[MissingTie] = []
    linked: set[tuple[OrganisationId, OrganisationId]] = set()
    unlinked: set[tuple[OrganisationId, OrganisationId]] = set()
    pair = iter(flags)
    for i in range(len(nodes)):
        for j in range(i + 1, len(nodes)):
            tied, same_island = next(pair)
            orgs = (main[i], main[j]) if main[i] <= main[j] else (main[j], main[i])
            if tied:
                linked.add(orgs)
                continue
            unlinked.add(orgs)
            x, y = nodes[i], nodes[j]
            path = chains[min(x, y), max(x, y)] if same_island else None
            if path is not None and x > y:
                path = path[::-1]
            chain = None if path is None else tuple(ProfessionalId(str(graph.ids[k])) for k in path)
            missing.append(MissingTie(members[i], members[j], chain, same_island))
    links = tuple(sorted(p for p in unlinked - linked if p[0] != p[1]))

    involved: dict[OrganisationId, None] = dict.fromkeys(main)
    if case.school is not None:
        involved.setdefault(case.school, None)
    without: tuple[OrganisationId, ...] = ()
    if case.coordinator is not None:
        reached: set[str] = set(region.professional(case.coordinator).organisations)
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
    (gaps,) = _all_gaps([case], _searcher(region, graph), max_steps)
    return gaps


def team_gaps(
    region: Region,
    *,
    graph: CompactGraph | None = None,
    max_steps: int | None = None,
    progress: Progress | None = None,
) -> TeamGapsSummary:
    """The gaps in the teams around every child, and the most frequent missing links.

    The compact graph is built once (or passed as ``graph``); the chains of all cases are
    found together, by breadth-first searches from 64 team members at a time.

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
    teams = _all_gaps(region.cases, _searcher(region, graph), max_steps, progress)
    counts: Counter[tuple[OrganisationId, OrganisationId]] = Counter()
    for gaps in teams:
        counts.update(gaps.missing_organisation_links)
    links = tuple(
        OrganisationLink(pair, count)
        for pair, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return TeamGapsSummary(tuple(teams), links)
