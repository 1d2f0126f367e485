"""Each island's cheapest join by profile in one Borůvka round, as compiled loops (private).

The pools (people with room, by island and profile; see ``connect._Pools``) come in key
order ``island * P + profile``, so each island is one slice of them. Per profile, the two
islands with most room that hold it (:func:`profile_tops`, ties to the smaller island) are
the partners an island may join; then :func:`island_proposals` finds each island's
cheapest proposal ``(cost, island, own pool, partner pool)``:

- an island with one profile ``p`` joins the best other profile (the first cheapest usable
  one, from ``single``) or ``p`` itself on the island with most room that is not this one;
- an island with several profiles that tops no profile's list takes, over its profiles in
  key order, the first with the cheapest best partner (from ``multi``);
- an island that tops some profile's list (a *clash*) looks at every profile's partner
  island, the second one where the first is itself, and takes the first cheapest pair
  (its profiles in key order, then the partner profiles in order): each own profile scans
  its partner profiles cheapest first and stops at the first usable one.

A partner island must have room for ``need`` more ends: 1, or ``3 - room`` of the island
unless the round is ``relaxed``. ``single[need]`` and ``multi[need]`` hold, per profile,
the first cheapest usable partner profile and its cost (``inf``: none), for the levels the
round uses (:func:`profile_tops` says which).

Example
-------
Two isolates of profiles 0 and 1 (pools 0 and 1), room 2 each:

>>> import numpy as np
>>> kroot, kprof, capacity = np.array([0, 1]), np.array([0, 1]), np.array([2, 2])
>>> tops, used = profile_tops(kroot, kprof, capacity, 2, 4, False)
>>> tops[0].tolist(), used.tolist()
([0, 1], [[False, True, False, False], [False, False, False, False]])
>>> by_cost(np.array([2.0, 1.0, 2.0]), np.array([1.0, 2.0])).tolist()
[1, 0, 2]
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["by_cost", "island_proposals", "profile_tops"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@kernel
def profile_tops(
    kroot: Ints,
    kprof: Ints,
    capacity: Ints,
    P: int,  # noqa: N803
    levels: int,
    relaxed: bool,
) -> tuple[Ints, npt.NDArray[np.bool_]]:  # pragma: no cover - compiled
    """Per profile the first two islands by room: rows island, pool, room of the first, then
    of the second (-1, -1, 0: none); and which need levels the single (row 0) and the
    multi-profile islands that top no profile (row 1) use (needs below ``levels``)."""
    tops = np.full((6, P), -1, np.int64)
    tops[2, :] = 0
    tops[5, :] = 0
    for k in range(len(kroot)):  # islands in increasing order: ties keep the first
        p, x = kprof[k], kroot[k]
        room = capacity[x]
        if tops[0, p] < 0 or room > tops[2, p]:
            tops[3, p], tops[4, p], tops[5, p] = tops[0, p], tops[1, p], tops[2, p]
            tops[0, p], tops[1, p], tops[2, p] = x, k, room
        elif tops[3, p] < 0 or room > tops[5, p]:
            tops[3, p], tops[4, p], tops[5, p] = x, k, room
    used = np.zeros((2, levels), np.bool_)
    lo = 0
    while lo < len(kroot):
        x = kroot[lo]
        hi = lo + 1
        clash = tops[0, kprof[lo]] == x
        while hi < len(kroot) and kroot[hi] == x:
            clash |= tops[0, kprof[hi]] == x
            hi += 1
        need = 1 if relaxed else max(1, 3 - capacity[x])
        if hi - lo == 1:
            used[0, need] = True
        elif not clash:
            used[1, need] = True
        lo = hi
    return tops, used


@kernel
def island_proposals(
    kroot: Ints,
    kprof: Ints,
    capacity: Ints,
    relaxed: bool,
    tops: Ints,
    costs: Floats,
    by_row: Ints,
    single_q: Ints,
    single_cost: Floats,
    multi_q: Ints,
    multi_cost: Floats,
) -> tuple[Floats, Ints, Ints, Ints]:  # pragma: no cover - compiled
    """Each island's cheapest join by profile, in island order: cost, island, own pool,
    partner pool (islands without any are left out). ``by_row[p]``: the profiles by
    ``costs[p]``, cheapest first, ties in order."""
    n = len(kroot)
    P = costs.shape[0]  # noqa: N806
    value = np.empty(n, np.float64)
    island = np.empty(n, np.int64)
    own = np.empty(n, np.int64)
    partner = np.empty(n, np.int64)
    made = 0
    lo = 0
    while lo < n:
        x = kroot[lo]
        hi = lo + 1
        clash = tops[0, kprof[lo]] == x
        while hi < n and kroot[hi] == x:
            clash |= tops[0, kprof[hi]] == x
            hi += 1
        need = 1 if relaxed else max(1, 3 - capacity[x])
        best, best_own, best_partner = np.inf, -1, -1
        if hi - lo == 1:
            p = kprof[lo]
            best = single_cost[need, p]
            best_own, best_partner = lo, tops[1, single_q[need, p]]
            row = 3 if tops[0, p] == x else 0
            if tops[row, p] >= 0 and tops[row + 2, p] >= need and costs[p, p] < best:
                best, best_partner = costs[p, p], tops[row + 1, p]
        elif not clash:
            for r in range(lo, hi):
                p = kprof[r]
                if multi_cost[need, p] < best:
                    best = multi_cost[need, p]
                    best_own, best_partner = r, tops[1, multi_q[need, p]]
        else:
            for r in range(lo, hi):
                p = kprof[r]
                for t in range(P):  # partner profiles cheapest first, then in order
                    q = by_row[p, t]
                    if costs[p, q] >= best:
                        break
                    row = 3 if tops[0, q] == x else 0
                    if tops[row, q] >= 0 and tops[row + 2, q] >= need:
                        best, best_own, best_partner = costs[p, q], r, tops[row + 1, q]
                        break
        if best < np.inf:
            value[made], island[made], own[made], partner[made] = best, x, best_own, best_partner
            made += 1
        lo = hi
    return value[:made], island[:made], own[:made], partner[:made]


@kernel
def by_cost(value: Floats, distinct: Floats) -> Ints:  # pragma: no cover - compiled
    """The order that sorts ``value`` stably, by counting over the sorted ``distinct``
    values; empty when a value is not among them."""
    rank = np.searchsorted(distinct, value)
    count = np.zeros(len(distinct) + 1, np.int64)
    for k in range(len(value)):
        r = rank[k]
        if r >= len(distinct) or distinct[r] != value[k]:
            return np.zeros(0, np.int64)
        count[r + 1] += 1
    for r in range(len(distinct)):
        count[r + 1] += count[r]
    order = np.empty(len(value), np.int64)
    for k in range(len(value)):
        order[count[rank[k]]] = k
        count[rank[k]] += 1
    return order
