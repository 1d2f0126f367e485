"""connect_islands as it was before its rounds were vectorised: the oracle of its results.

A frozen copy of ``samenwerking.introduce.connect.connect_islands`` at commit 7ca223e
(Borůvka over profiles with a Python union-find and a Python loop per island), used
only by ``test_introduce_connect_vectorised.py`` to check that the vectorised rounds make
exactly the same introductions. Do not change it to follow the library.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from scipy.sparse.csgraph import connected_components

from samenwerking.graph.compact import CompactGraph
from samenwerking.introduce._pick import Plan
from samenwerking.introduce.cost import CostModel, People
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.model import Region

__all__ = ["connect_islands"]

PURPOSE = "connect the islands"


def connect_islands(
    region: Region,
    *,
    cost: CostModel | None = None,
    graph: CompactGraph | None = None,
    planned: Introductions | Iterable[Introduction] = (),
) -> Introductions:
    """The fewest introductions that join all islands into one network, cheapest first.

    Parameters
    ----------
    region : Region
        The region; its professionals are the nodes.
    cost : CostModel, optional
        What makes an introduction cheap, and the cap per person (default
        :class:`CostModel`).
    graph : CompactGraph, optional
        ``compact_graph(region)`` if you already have it.
    planned : Introductions or iterable of Introduction
        Introductions already planned (e.g. another result): they count as ties and
        against the cap per person, and the result holds only what is needed on top.

    Returns
    -------
    Introductions
        ``islands - 1`` introductions forming a spanning tree over the islands
        (``exact=True``: the count is minimal). Without a binding cap it is the cheapest
        such tree (``cheapest=True``); under a binding cap a cheap one. With
        ``complete=False`` and a ``note`` when the cap makes joining all impossible (then
        as many joins as the cap allows).

    Raises
    ------
    UnknownIdError
        If a planned introduction names a professional the region does not have.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(300, seed=1, ties_per_professional=0.3)
    >>> result = connect_islands(r)
    >>> from samenwerking.introduce import apply_introductions
    >>> from samenwerking.analysis import islands
    >>> from samenwerking.graph import compact_graph
    >>> len(islands(compact_graph(apply_introductions(r, result))))
    1
    """
    plan = Plan(region, PURPOSE, cost=cost, graph=graph, planned=planned)
    C = plan.graph  # noqa: N806
    method = "island minimum spanning tree (Borůvka over profiles)"
    count, label = connected_components(C.to_scipy(), directed=False)
    label = label.astype(np.int64)
    if count <= 1:
        return plan.result((), exact=True, cheapest=True, method=method)
    people = plan.people
    remaining = plan.remaining
    # No one takes part in more than count - 1 joins: with that much room for everyone
    # the cap never binds and the tree is the cheapest one.
    unbound_at_start = int(remaining.min()) >= count - 1
    size = np.bincount(label, minlength=count)
    # The room of an island (by root): no island needs more than count - 1 joins.
    capacity = np.bincount(label, np.minimum(remaining, count), count).astype(np.int64)
    feasible = bool((capacity >= 1).all()) and int(np.minimum(capacity, count - 1).sum()) >= 2 * (
        count - 1
    )
    parent = list(range(count))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    small, large = _groups(people, label)
    eu, ev, ec = small
    P = people.n_profiles  # noqa: N806
    costs = people.costs
    profile = people.profile
    chosen: list[Introduction] = []
    components = count
    while components > 1:
        root = np.fromiter((find(x) for x in range(count)), np.int64, count)
        relaxed = components == 2 or not feasible
        pools = _Pools(root[label], remaining, profile, P)
        proposals = _proposals(pools, capacity, P, costs, relaxed)
        proposals += _group_proposals(root[label], remaining, capacity, eu, ev, ec, relaxed)
        for group in large:
            proposals += group.proposals(root[label], remaining, capacity, relaxed)
        merged = False
        for _, x, pool_i, pool_j in _cheapest_per_island(proposals):
            i, j = pools.take(pool_i), pools.take(pool_j)
            if i < 0 or j < 0:
                continue
            rx, ry = find(x), find(int(label[j]))
            if rx == ry or (capacity[rx] + capacity[ry] < 3 and not relaxed):
                continue
            joins = f"an island of {size[rx]} with an island of {size[ry]}"
            parent[ry] = rx
            capacity[rx] += capacity[ry] - 2
            size[rx] += size[ry]
            components -= 1
            merged = True
            chosen.append(plan.introduce(i, j, joins))
        if not merged:
            break
    complete = components == 1
    note = ""
    if not complete:
        note = f"{plan.cap} leaves {components} islands that cannot all be joined" + (
            "" if feasible else f" (joining {count} islands needs {2 * (count - 1)} ends)"
        )
    return plan.result(
        chosen,
        exact=complete,
        cheapest=complete and unbound_at_start,
        complete=complete,
        lower_bound=count - 1,
        method=method,
        note=note,
    )


def _cheapest_per_island(
    proposals: list[tuple[float, int, int, int]],
) -> list[tuple[float, int, int, int]]:
    """Each island's cheapest proposal (by profile or through a group), cheapest first.

    Borůvka may join along an island's cheapest edge only: a dearer group proposal next to
    a cheaper profile one could otherwise join first and break the minimum.
    """
    best: dict[int, tuple[float, int, int, int]] = {}
    for item in sorted(proposals):
        best.setdefault(item[1], item)
    return sorted(best.values())


SMALL_GROUP = 48
"""Groups up to this size are searched pair by pair; larger ones by profile."""


def _groups(
    people: People, label: npt.NDArray[np.int64]
) -> tuple[
    tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]],
    list[_LargeGroup],
]:
    """The shared groups: the pairs of small groups on different islands, with their cost,
    and the large groups, searched by profile like the whole region."""
    us: list[npt.NDArray[np.int64]] = []
    vs: list[npt.NDArray[np.int64]] = []
    large: list[_LargeGroup] = []
    discount = people.model.shared_group
    for members in people.group_members().values():
        nodes = np.array(members, np.int64)
        if len(nodes) > SMALL_GROUP:
            large.append(_LargeGroup(people, nodes))
            continue
        a, b = np.triu_indices(len(nodes), 1)
        keep = label[nodes[a]] != label[nodes[b]]
        us.append(nodes[a[keep]])
        vs.append(nodes[b[keep]])
    eu = np.concatenate(us) if us else np.zeros(0, np.int64)
    ev = np.concatenate(vs) if vs else np.zeros(0, np.int64)
    ec = people.costs[people.profile[eu], people.profile[ev]] - discount
    return (eu, ev, ec.astype(np.float64)), large


class _LargeGroup:
    """A large shared group: inside it every pair gets the same discount, so its members
    are searched by (island, profile) like the region, with the group's profile costs."""

    def __init__(self, people: People, members: npt.NDArray[np.int64]) -> None:
        self.members = members
        present, local = np.unique(people.profile[members], return_inverse=True)
        self.profile = local.reshape(-1).astype(np.int64)
        self.n_profiles = len(present)
        self.costs = people.costs[np.ix_(present, present)] - people.model.shared_group

    def proposals(
        self,
        proot: npt.NDArray[np.int64],
        remaining: npt.NDArray[np.int64],
        capacity: npt.NDArray[np.int64],
        relaxed: bool,
    ) -> list[tuple[float, int, int, int]]:
        """Each island's cheapest join inside this group, with fixed people as pools."""
        pools = _Pools(
            proot[self.members], remaining[self.members].copy(), self.profile, self.n_profiles
        )
        out = []
        for value, x, own, partner in _proposals(
            pools, capacity, self.n_profiles, self.costs, relaxed
        ):
            i, j = pools.take(own), pools.take(partner)
            out.append((value, x, -1 - int(self.members[i]), -1 - int(self.members[j])))
        return out


class _Pools:
    """The people with room left, by (island, profile), most room first.

    Pool ``k`` holds the people of key ``keys[k] = island * P + profile``; a negative pool
    ``-1 - person`` stands for one fixed person.
    """

    def __init__(
        self,
        proot: npt.NDArray[np.int64],
        remaining: npt.NDArray[np.int64],
        profile: npt.NDArray[np.int64],
        P: int,  # noqa: N803
    ) -> None:
        idx = np.flatnonzero(remaining > 0)
        keys = proot[idx] * P + profile[idx]
        order = np.lexsort((idx, -remaining[idx], keys))
        keys = keys[order]
        self.people = idx[order].tolist()
        first = np.concatenate([[True], keys[1:] != keys[:-1]]) if len(keys) else keys > 0
        starts = np.flatnonzero(first)
        self.keys = keys[starts]
        self.pointer = starts.tolist()
        self.end = [*starts[1:].tolist(), len(keys)]
        self.remaining = remaining

    def take(self, pool: int) -> int:
        """A person of the pool who has room left, or -1."""
        if pool < 0:
            person = -1 - pool
            return person if self.remaining[person] > 0 else -1
        at, end = self.pointer[pool], self.end[pool]
        while at < end and self.remaining[self.people[at]] == 0:
            at += 1
        self.pointer[pool] = at
        return self.people[at] if at < end else -1


def _proposals(
    pools: _Pools,
    capacity: npt.NDArray[np.int64],
    P: int,  # noqa: N803
    costs: npt.NDArray[np.float64],
    relaxed: bool,
) -> list[tuple[float, int, int, int]]:
    """Each island's cheapest join by profile: ``(cost, island, own pool, partner pool)``."""
    if not len(pools.keys):
        return []
    kroot, kprof = pools.keys // P, pools.keys % P
    pool = np.arange(len(kroot))
    # Per profile, the two islands with most room that hold it.
    by_room = np.lexsort((kroot, -capacity[kroot], kprof))
    sp, sr, sb = kprof[by_room], kroot[by_room], pool[by_room]
    starts = np.flatnonzero(np.concatenate([[True], sp[1:] != sp[:-1]]))
    top1, top1_pool = np.full(P, -1, np.int64), np.full(P, -1, np.int64)
    top2, top2_pool = np.full(P, -1, np.int64), np.full(P, -1, np.int64)
    top1[sp[starts]], top1_pool[sp[starts]] = sr[starts], sb[starts]
    has2 = starts + 1 < len(sp)
    has2[has2] &= sp[starts[has2] + 1] == sp[starts[has2]]
    s2 = starts[has2] + 1
    top2[sp[s2]], top2_pool[sp[s2]] = sr[s2], sb[s2]
    room1 = np.where(top1 >= 0, capacity[np.maximum(top1, 0)], 0)
    room2 = np.where(top2 >= 0, capacity[np.maximum(top2, 0)], 0)
    # Islands by their profiles: kroot is sorted, so each island is one slice.
    bounds = np.flatnonzero(np.concatenate([[True], kroot[1:] != kroot[:-1], [True]]))
    lo_all, hi_all = bounds[:-1], bounds[1:]
    need_all = np.ones(len(lo_all), np.int64)
    if not relaxed:
        need_all = np.maximum(1, 3 - capacity[kroot[lo_all]])
    out: list[tuple[float, int, int, int]] = []
    single = hi_all - lo_all == 1
    out += _single_proposals(
        lo_all[single],
        need_all[single],
        kroot,
        kprof,
        costs,
        (top1, top1_pool, room1),
        (top2, top2_pool, room2),
    )
    for lo, hi, need in zip(
        lo_all[~single].tolist(),
        hi_all[~single].tolist(),
        need_all[~single].tolist(),
        strict=True,
    ):
        x = int(kroot[lo])
        mine = kprof[lo:hi]
        partner, partner_pool, room = top1.copy(), top1_pool.copy(), room1.copy()
        clash = mine[top1[mine] == x]
        partner[clash], partner_pool[clash], room[clash] = (
            top2[clash],
            top2_pool[clash],
            room2[clash],
        )
        valid = np.flatnonzero((partner >= 0) & (room >= need))
        if not len(valid):
            continue
        sub = costs[mine][:, valid]
        row, col = divmod(int(np.argmin(sub)), len(valid))
        out.append((float(sub[row, col]), x, lo + row, int(partner_pool[valid[col]])))
    return out


def _single_proposals(
    lo: npt.NDArray[np.int64],
    need: npt.NDArray[np.int64],
    kroot: npt.NDArray[np.int64],
    kprof: npt.NDArray[np.int64],
    costs: npt.NDArray[np.float64],
    first: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]],
    second: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]],
) -> list[tuple[float, int, int, int]]:
    """Proposals of islands with one profile ``p``, all at once.

    Such an island can top a profile's list only for ``p`` itself, so for every other
    profile its partner is the island with most room; only ``p`` needs a second look.
    """
    if not len(lo):
        return []
    top1, top1_pool, room1 = first
    top2, top2_pool, room2 = second
    x, p = kroot[lo], kprof[lo]
    n = len(costs)
    best_cost = np.empty(len(lo))
    best_pool = np.empty(len(lo), np.int64)
    for level in np.unique(need).tolist():
        masked = np.where((top1 >= 0) & (room1 >= level), costs, np.inf)
        np.fill_diagonal(masked, np.inf)
        q = np.argmin(masked, axis=1)
        at = need == level
        best_cost[at] = masked[np.arange(n), q][p[at]]
        best_pool[at] = top1_pool[q[p[at]]]
    # The own profile: the island with most room holding it, unless that is this one.
    clash = top1[p] == x
    own_pool = np.where(clash, top2_pool[p], top1_pool[p])
    own_room = np.where(clash, room2[p], room1[p])
    own_ok = (np.where(clash, top2[p], top1[p]) >= 0) & (own_room >= need)
    own_cost = np.where(own_ok, costs[p, p], np.inf)
    use_own = own_cost < best_cost
    value = np.where(use_own, own_cost, best_cost)
    partner = np.where(use_own, own_pool, best_pool)
    keep = np.isfinite(value)
    return list(
        zip(
            value[keep].tolist(),
            x[keep].tolist(),
            lo[keep].tolist(),
            partner[keep].tolist(),
            strict=True,
        )
    )


def _group_proposals(
    proot: npt.NDArray[np.int64],
    remaining: npt.NDArray[np.int64],
    capacity: npt.NDArray[np.int64],
    eu: npt.NDArray[np.int64],
    ev: npt.NDArray[np.int64],
    ec: npt.NDArray[np.float64],
    relaxed: bool,
) -> list[tuple[float, int, int, int]]:
    """Each island's cheapest join through a shared group, in the same form.

    Only the cheapest per island: Borůvka may join along an island's cheapest edge only.
    """
    if not len(eu):
        return []
    ru, rv = proot[eu], proot[ev]
    ok = (ru != rv) & (remaining[eu] > 0) & (remaining[ev] > 0)
    if not relaxed:
        ok &= capacity[ru] + capacity[rv] >= 3
    eu, ev, ec = eu[ok], ev[ok], ec[ok]
    if not len(eu):
        return []
    x, y, c = np.concatenate([eu, ev]), np.concatenate([ev, eu]), np.concatenate([ec, ec])
    island = proot[x]
    # Per island the smallest (cost, island, -1 - x, -1 - y), as the tuples compare.
    order = np.lexsort((-1 - y, -1 - x, c, island))
    first = order[np.concatenate([[True], island[order][1:] != island[order][:-1]])]
    return list(
        zip(
            c[first].tolist(),
            island[first].tolist(),
            (-1 - x[first]).tolist(),
            (-1 - y[first]).tolist(),
            strict=True,
        )
    )
