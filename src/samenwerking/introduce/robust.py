"""Make links robust: the fewest introductions so that no link between groups hangs on few people.

The bus factor of the link between groups ``g`` and ``h``
(:func:`samenwerking.analysis.bus_factor`) is the fewest people whose leaving cuts every
tie between them: a minimum vertex cover of the bipartite graph of ``g``-``h`` ties,
which by König's theorem has the size of a maximum matching ``m``. One new tie raises a
maximum matching by at most one, so at least ``k - m`` introductions are needed; tying
``k - m`` pairs of people that a maximum matching leaves unmatched on both sides gives a
matching of size ``k``, so ``max(0, k - m)`` is exact. Under a cap only people with room can
be tied, so the matching is the one that leaves the most people with room free. Ties
between ``g`` and ``h`` do not touch any other pair's matching, so the minimum over all
pairs is the sum. The link
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

from samenwerking.analysis._input import InvalidArgumentError, check_builtin, group_codes
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
    from scipy.sparse.csgraph import maximum_bipartite_matching  # large: imported when used

    matrix = G.to_scipy()[left][:, right]
    match = maximum_bipartite_matching(matrix, perm_type="column")
    left_matched = match >= 0
    right_matched = np.zeros(len(right), np.bool_)
    right_matched[match[left_matched]] = True
    return int(left_matched.sum()), left_matched, right_matched


def _default_pairs(
    by: str,
    present: list[str],
    linked: set[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Every pair of groups present; for organisations only those already tied."""
    if by == "organisation":
        return sorted(linked)
    return list(combinations(present, 2))


def _pairs(labels: tuple[str, ...], pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    known = set(labels)
    for pair in pairs:
        a, b = (str(getattr(x, "value", x)) for x in pair)
        for value in (a, b):
            if value not in known:
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
        with ``by="sector"``. By default every pair of groups that has professionals;
        with ``by="organisation"`` only the pairs of organisations that already have a
        tie (planned ones included): making every pair of organisations robust would ask
        ``k`` introductions for each of the (often a million) pairs.
    cost : CostModel, optional
        Cost model and cap per person. Among the people some maximum matching leaves
        free, the cheapest pairs are introduced; the matching is chosen so that people
        with room under the cap stay free where possible.
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
        planned ties included), which is the minimum count (``exact=True``); the cost is
        the cheapest pairing of the free people, not proven the cheapest overall
        (``cheapest`` is ``True`` only when nothing is needed). ``complete=False`` when a
        group has fewer than ``k`` people or the cap leaves too few people with room for
        the minimal count (see ``note``). The result does not depend on the order of the
        professionals.

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
    check_builtin(by, "make_links_robust")
    plan = Plan(region, PURPOSE, cost=cost, graph=graph, planned=planned)
    C = plan.graph  # noqa: N806
    raw, labels = group_codes(C, by)
    codes = raw.astype(np.int64)
    code_of = {label: c for c, label in enumerate(labels)}
    # Members of every group at once: nodes sorted by group code.
    known = np.flatnonzero(codes >= 0)
    by_group = known[np.argsort(codes[known], kind="stable")]
    bounds = np.concatenate([[0], np.cumsum(np.bincount(codes[known], minlength=len(labels)))])
    present = sorted(labels[c] for c in np.flatnonzero(np.diff(bounds) > 0).tolist())
    edges = _cross_edges(C, codes)
    linked = {_ordered(labels[g], labels[h]) for g, h in edges}
    wanted = _default_pairs(by, present, linked) if pairs is None else _pairs(labels, pairs)
    rank = np.empty(C.n_nodes, np.int64)
    rank[np.argsort(np.array(C.ids, dtype=str), kind="stable")] = np.arange(C.n_nodes)
    empty = np.zeros(0, np.int64)
    chosen: list[Introduction] = []
    bound = 0
    short: list[str] = []
    for g, h in wanted:
        cg, ch = code_of[g], code_of[h]
        left = by_group[bounds[cg] : bounds[cg + 1]]
        right = by_group[bounds[ch] : bounds[ch + 1]]
        eu, ev = (
            edges.get((cg, ch), (empty, empty))
            if cg < ch
            else edges.get((ch, cg), (empty, empty))[::-1]
        )
        target = min(k, len(left), len(right))
        m, free_left, free_right = _free(left, right, eu, ev, plan.remaining, rank, target)
        need = max(0, target - m)
        bound += need
        if target < k:
            short.append(f"{g} - {h} can reach only {target} (too few people)")
        if not need:
            continue
        found = _cheapest(plan.people, free_left, free_right, plan.remaining, need, rank)
        chosen += [plan.introduce(i, j, f"{g} - {h}") for i, j in found]
        if len(found) < need:
            short.append(
                f"{g} - {h} lacks {need - len(found)} ({plan.cap} leaves too few people "
                "with room for the fewest introductions)"
            )
    return plan.result(
        chosen,
        exact=len(chosen) == bound,
        cheapest=not bound,
        complete=not short,
        lower_bound=bound,
        method="maximum matching per pair (König), free people tied",
        note="; ".join(short),
    )


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _cross_edges(
    C: CompactGraph,  # noqa: N803
    codes: npt.NDArray[np.int64],
) -> dict[tuple[int, int], tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
    """The ties between two different groups, by ``(smaller code, larger code)``.

    Each tie ``(u, v)`` is oriented so that ``u`` lies in the group of the smaller code.
    """
    n = C.n_nodes
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(C.indptr))
    cols = C.indices.astype(np.int64)
    cu, cv = codes[rows], codes[cols]
    keep = (rows < cols) & (cu >= 0) & (cv >= 0) & (cu != cv)
    u, v, cu, cv = rows[keep], cols[keep], cu[keep], cv[keep]
    swap = cu > cv
    u, v = np.where(swap, v, u), np.where(swap, u, v)
    cu, cv = np.minimum(cu, cv), np.maximum(cu, cv)
    order = np.lexsort((cv, cu))
    u, v, cu, cv = u[order], v[order], cu[order], cv[order]
    out: dict[tuple[int, int], tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = {}
    if not len(u):
        return out
    starts = np.flatnonzero(np.concatenate([[True], (cu[1:] != cu[:-1]) | (cv[1:] != cv[:-1])]))
    ends = [*starts[1:].tolist(), len(u)]
    for lo, hi in zip(starts.tolist(), ends, strict=True):
        out[(int(cu[lo]), int(cv[lo]))] = (u[lo:hi], v[lo:hi])
    return out


def _free(
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    eu: npt.NDArray[np.int64],
    ev: npt.NDArray[np.int64],
    remaining: npt.NDArray[np.int64],
    rank: npt.NDArray[np.int64],
    target: int,
) -> tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The size of a maximum matching of the ties ``eu[t] - ev[t]`` between ``left`` and
    ``right``, and the people of each side it leaves free.

    When introductions are needed, the matching is one that leaves the most people with
    room free on both sides (ties broken by id): a new tie raises the matching only
    between two people a maximum matching leaves free, so the fewest introductions can
    use only those. Minimising the people with room a maximum matching covers, weighted
    per person, is a minimum-cost perfect matching of the doubled graph (every person
    also matches a copy of themselves, every tie also joins the two copies); by the
    Mendelsohn-Dulmage theorem both sides reach their best at once.
    """
    if not len(eu):
        return 0, left, right
    ul, li = np.unique(eu, return_inverse=True)
    ur, ri = np.unique(ev, return_inverse=True)
    li, ri = li.reshape(-1), ri.reshape(-1)
    a, b = len(ul), len(ur)
    ones = np.ones(len(li), np.float64)
    import scipy.sparse as sp  # large: imported when used
    from scipy.sparse.csgraph import (
        maximum_bipartite_matching,
        min_weight_full_bipartite_matching,
    )

    ties = sp.csr_matrix((ones, (li, ri)), shape=(a, b))
    m = int((maximum_bipartite_matching(ties, perm_type="column") >= 0).sum())
    if m >= target:
        return m, left[:0], right[:0]
    nodes = np.concatenate([ul, ur])
    s = len(nodes)
    local_rank = np.empty(s, np.float64)
    local_rank[np.argsort(rank[nodes], kind="stable")] = np.arange(s)
    # Leaving someone free costs 4, less 1 (and a little by id) when they have room.
    keep_free = 4.0 - np.where(remaining[nodes] > 0, 1.0 + (s - local_rank) / (4.0 * s * s), 0.0)
    rows = np.concatenate([li, a + ri, np.arange(a), a + np.arange(b)])
    cols = np.concatenate([ri, b + li, b + np.arange(a), np.arange(b)])
    weight = np.concatenate([ones, ones, keep_free[:a], keep_free[a:]])
    doubled = sp.csr_matrix((weight, (rows, cols)), shape=(s, s))
    row_of, col_of = min_weight_full_bipartite_matching(doubled)
    matched = (row_of < a) & (col_of < b)
    taken = np.concatenate([ul[row_of[matched]], ur[col_of[matched]]])
    return (
        m,
        left[~np.isin(left, taken)],
        right[~np.isin(right, taken)],
    )


def _cheapest(
    people: People,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    remaining: npt.NDArray[np.int64],
    need: int,
    rank: npt.NDArray[np.int64],
) -> list[tuple[int, int]]:
    """Up to ``need`` disjoint pairs across ``left`` and ``right``, cheapest profiles first.

    Only people with room left take part; each takes part once. Ties between equally
    cheap pairs go by id, so the order of the professionals does not matter.
    """
    left, right = left[remaining[left] > 0], right[remaining[right] > 0]
    if not len(left) or not len(right):
        return []

    def by_profile(nodes: npt.NDArray[np.int64]) -> tuple[list[int], list[list[int]]]:
        order = np.lexsort((rank[nodes], -remaining[nodes], people.profile[nodes]))
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
        rows, cols = np.nonzero(costs == costs.min())
        heads = [
            (rank[lists_l[r][-1]], rank[lists_r[c][-1]]) for r, c in zip(rows, cols, strict=True)
        ]
        at = min(range(len(heads)), key=heads.__getitem__)
        row, col = int(rows[at]), int(cols[at])
        found.append((lists_l[row].pop(), lists_r[col].pop()))
        if not lists_l[row]:
            costs[row, :] = np.inf
        if not lists_r[col]:
            costs[:, col] = np.inf
    return found
