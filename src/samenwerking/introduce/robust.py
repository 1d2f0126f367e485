"""Make links robust: the fewest introductions so that no link between groups hangs on few people.

The bus factor of the link between groups ``g`` and ``h``
(:func:`samenwerking.analysis.bus_factor`) is the fewest people whose leaving cuts every
tie between them: a minimum vertex cover of the bipartite graph of ``g``-``h`` ties,
which by König's theorem has the size of a maximum matching ``m``. One new tie raises a
maximum matching by at most one, so at least ``k - m`` introductions are needed; tying
``k - m`` pairs of people that a maximum matching leaves unmatched on both sides gives a
matching of size ``k``, so ``max(0, k - m)`` is exact. Ties between ``g`` and ``h`` do
not touch any other pair's matching, so the minimum over all pairs is the sum. The link
can reach at most ``min(|g|, |h|)``: smaller groups are reported, not hidden.

Example
-------
>>> from samenwerking.model import Organisation, Professional, Region, Role, Sector, Tie
>>> orgs = (Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp"),
...         Organisation("y", "Jeugdhulp", Sector.YOUTH_CARE, "Dorp"))
>>> people = tuple(Professional(i, i.upper(), r, (o,)) for i, r, o in (
...     ("ib", Role.INTERN_BEGELEIDER, "s"), ("zc", Role.ZORGCOORDINATOR, "s"),
...     ("yc", Role.YOUTH_CONSULTANT, "y"), ("fc", Role.FAMILY_COACH, "y")))
>>> r = Region("r", orgs, people, ties=[Tie("ib", "yc")])
>>> result = make_links_robust(r, k=2)
>>> [(i.a, i.b) for i in result], result.exact
([('fc', 'zc')], True)
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import numpy as np
import numpy.typing as npt
from scipy.sparse.csgraph import maximum_bipartite_matching

from samenwerking.analysis._input import InvalidArgumentError, group_codes
from samenwerking.graph.compact import CompactGraph
from samenwerking.introduce._pick import Plan, positive
from samenwerking.introduce.cost import CostModel, People
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.model import Region

__all__ = ["make_links_robust", "maximum_matching"]

PURPOSE = "make links robust"


def maximum_matching(
    G: CompactGraph,  # noqa: N803
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> tuple[int, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """A maximum matching of the ties between two disjoint node sets.

    Returns its size and which of ``left`` and ``right`` it matches.

    Example
    -------
    >>> import networkx as nx
    >>> G = CompactGraph.from_networkx(nx.Graph([(0, 2), (1, 2)]))
    >>> size, a, b = maximum_matching(G, np.array([0, 1]), np.array([2]))
    >>> size, a.sum(), b.tolist()
    (1, np.int64(1), [True])
    """
    matrix = G.to_scipy()[left][:, right]
    match = maximum_bipartite_matching(matrix, perm_type="column")
    left_matched = match >= 0
    right_matched = np.zeros(len(right), np.bool_)
    right_matched[match[left_matched]] = True
    return int(left_matched.sum()), left_matched, right_matched


def _pairs(
    labels: tuple[str, ...], present: list[str], pairs: Iterable[tuple[str, str]] | None
) -> list[tuple[str, str]]:
    if pairs is None:
        return list(combinations(present, 2))
    out = []
    for pair in pairs:
        a, b = (str(getattr(x, "value", x)) for x in pair)
        for value in (a, b):
            if value not in labels:
                raise InvalidArgumentError(
                    f"unknown group {value!r} in pairs; choose from {', '.join(labels)}"
                )
        if a == b:
            raise InvalidArgumentError(f"pairs holds the same group twice: ({a!r}, {b!r})")
        out.append((a, b) if a <= b else (b, a))
    return sorted(set(out))


def make_links_robust(
    region: Region,
    *,
    k: int = 2,
    by: str = "domain",
    pairs: Iterable[tuple[str, str]] | None = None,
    cost: CostModel | None = None,
    graph: CompactGraph | None = None,
    planned: Introductions | Iterable[Introduction] = (),
) -> Introductions:
    """The fewest introductions so that every pair of groups has a bus factor of at least k.

    Parameters
    ----------
    region : Region
        The region.
    k : int
        The bus factor every link should reach (at least 1).
    by : {"domain", "sector", "municipality", "organisation"}
        What the groups are.
    pairs : iterable of (str, str), optional
        The pairs of groups to make robust, e.g. ``[("primary_school", "youth_care")]``
        with ``by="sector"``; by default every pair of groups that has professionals.
    cost : CostModel, optional
        Cost model and cap per person; among the people a maximum matching leaves
        unmatched, the cheapest pairs are introduced.
    graph : CompactGraph, optional
        ``compact_graph(region)`` if you already have it.
    planned : Introductions or iterable of Introduction
        Introductions already planned (e.g. from :func:`connect_islands`): they count as
        ties and against the cap per person, and the result holds only what is needed on
        top.

    Returns
    -------
    Introductions
        ``sum(max(0, k - m))`` introductions over the pairs (``m``: the current bus factor,
        planned ties included), which is the minimum (``exact=True``). ``complete=False``
        when a group has fewer than ``k`` people or the cap leaves too few free people
        (see ``note``).

    Raises
    ------
    InvalidArgumentError
        For a bad ``k``, ``by`` or pair.
    UnknownIdError
        If a planned introduction names a professional the region does not have.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> result = make_links_robust(region(300, seed=1), k=3)
    >>> result.exact, len(result) == result.lower_bound
    (True, True)
    """
    positive(k, "k")
    plan = Plan(region, PURPOSE, cost=cost, graph=graph, planned=planned)
    C = plan.graph  # noqa: N806
    codes, labels = group_codes(C, by)
    present = sorted({labels[c] for c in codes.tolist() if c >= 0})
    wanted = _pairs(labels, present, pairs)
    chosen: list[Introduction] = []
    bound = 0
    short: list[str] = []
    for g, h in wanted:
        left = np.flatnonzero(codes == labels.index(g)).astype(np.int64)
        right = np.flatnonzero(codes == labels.index(h)).astype(np.int64)
        m, left_matched, right_matched = maximum_matching(C, left, right)
        target = min(k, len(left), len(right))
        need = max(0, target - m)
        bound += need
        if target < k:
            short.append(f"{g} - {h} can reach only {target} (too few people)")
        if not need:
            continue
        found = _cheapest(
            plan.people, left[~left_matched], right[~right_matched], plan.remaining, need
        )
        chosen += [plan.introduce(i, j, f"{g} - {h}") for i, j in found]
        if len(found) < need:
            short.append(f"{g} - {h} lacks {need - len(found)} ({plan.cap} reached)")
    return plan.result(
        chosen,
        exact=len(chosen) == bound,
        complete=not short,
        lower_bound=bound,
        method="maximum matching per pair (König), unmatched people tied",
        note="; ".join(short),
    )


def _cheapest(
    people: People,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    remaining: npt.NDArray[np.int64],
    need: int,
) -> list[tuple[int, int]]:
    """Up to ``need`` disjoint pairs across ``left`` and ``right``, cheapest profiles first.

    Only people with room left take part; each takes part once.
    """
    left, right = left[remaining[left] > 0], right[remaining[right] > 0]
    if not len(left) or not len(right):
        return []

    def by_profile(nodes: npt.NDArray[np.int64]) -> tuple[list[int], list[list[int]]]:
        order = np.lexsort((nodes, -remaining[nodes], people.profile[nodes]))
        groups: dict[int, list[int]] = {}
        for node in nodes[order].tolist():
            groups.setdefault(int(people.profile[node]), []).append(node)
        keys = sorted(groups)
        return keys, [groups[key][::-1] for key in keys]  # pop() takes the first

    lp, lists_l = by_profile(left)
    rp, lists_r = by_profile(right)
    costs = people.costs[np.ix_(lp, rp)].copy()
    found: list[tuple[int, int]] = []
    while len(found) < need and np.isfinite(costs).any():
        row, col = divmod(int(np.argmin(costs)), costs.shape[1])
        found.append((lists_l[row].pop(), lists_r[col].pop()))
        if not lists_l[row]:
            costs[row, :] = np.inf
        if not lists_r[col]:
            costs[:, col] = np.inf
    return found
