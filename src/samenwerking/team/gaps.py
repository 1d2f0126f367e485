"""The gaps in the team around one child, or around every child of a region.

Example
-------
>>> from samenwerking.model import Region
>>> team_gaps(Region("Dorp")).cases
0
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import cast

import numpy as np

from samenwerking._arguments import check_whole
from samenwerking.errors import UnknownIdError
from samenwerking.graph import CompactGraph, compact_graph
from samenwerking.model import Case, OrganisationId, ProfessionalId, Region
from samenwerking.progress import Progress, report_progress
from samenwerking.team._search import Searcher
from samenwerking.team.results import MissingTie, OrganisationLink, TeamGaps, TeamGapsSummary

_Chain = tuple[ProfessionalId, ...]
"""A chain of professionals between two team members, as :class:`MissingTie` holds it."""

__all__ = ["team_around", "team_gaps"]


def _team(case: Case) -> tuple[ProfessionalId, ...]:
    members: dict[ProfessionalId, None] = {}
    if case.coordinator is not None:
        members[case.coordinator] = None
    for involvement in case.involved:
        members.setdefault(involvement.professional, None)
    return tuple(members)


def _all_gaps(
    cases: Sequence[Case],
    searcher: Searcher,
    max_steps: int | None,
    progress: Progress | None = None,
) -> list[TeamGaps]:
    """The gaps of every case; all chains are found together (see :meth:`Searcher.chains`)."""
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
    searcher: Searcher,
) -> TeamGaps:
    """One case's gaps, given ``(tied, same island)`` for each pair in team order."""
    region, graph = searcher.region, searcher.graph
    ids = graph.ids  # a region's graph: its professionals' ids, text
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
            chain = None if path is None else cast(_Chain, tuple(map(ids.__getitem__, path)))
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


def _searcher(region: Region, graph: CompactGraph | None) -> Searcher:
    return Searcher(region, compact_graph(region) if graph is None else graph)


def _check_steps(max_steps: int | None) -> None:
    if max_steps is not None:
        check_whole(max_steps, "max_steps")


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
    found together, by compiled breadth-first searches from both ends of every pair.

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
