"""Connect the islands: the fewest, cheapest introductions that join every island into one.

With ``I`` islands at least ``I - 1`` new ties are needed, and ``I - 1`` suffice when the
cap allows: the answer is a spanning tree over the islands. The cheapest one is an
island-level minimum spanning tree where two islands cost their cheapest pair of people.

That tree is found with Borůvka's algorithm on *profiles* instead of people: apart from a
shared working group, a pair's cost depends only on the two people's profiles (domain,
municipality, role-fit class, spare capacity), so each round every island looks for its
cheapest partner over the few hundred profiles present elsewhere, and pairs that share a
group are added as explicit candidates. No list of person pairs is ever built.

The cap per person is kept by a simple rule: an island with room for only one more
introduction is joined only to an island with room for two or more (unless it is the last
join), so the joined islands never run out of room while a join is still needed: this
always succeeds when a tree within the cap exists, which is when every island has room and
``sum(min(room_i, I - 1)) >= 2 (I - 1)``. When the cap makes a tree impossible (e.g.
``cap=1`` and three isolates), the result joins what it can and says so. Introductions
passed as ``planned=`` are ties already (fewer islands) and use up room under the cap.

So the *count* is always minimal when the goal is reached (``exact``); the *cost* is the
cheapest only when the cap cannot bind (everyone has room for ``islands - 1``
introductions; ``cheapest``). Under a binding cap the tree is a cheap one, not proven the
cheapest.

People who share a group (working group or agenda) get the same discount for every pair
inside it, so a large group is searched like the region: by (island, profile) of its
members, with the profile costs minus the discount; small groups pair by pair.

Each round is a few compiled loops (numba, through :mod:`samenwerking._jit`): the islands'
roots (following the joins so far), the people with room by (island, profile) sorted by
counting, per profile the two islands with most room, then every island's proposal at once
(an island that tops a profile's list scans each of its profiles' partners cheapest first),
and the joins themselves, one by one in order (they share people's room). Each profile's
cheapest partner profile is kept from round to round and searched again only where it
stopped being usable. The introductions are worded once at the end, each reason's first
part made once per pair of (domain, municipality, role). A very sparse region of 50,000
people (35,000 islands, 126 rounds) takes about a third of a second.

Example
-------
>>> from samenwerking.model import Organisation, Professional, Region, Role, Sector
>>> orgs = (Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp"),
...         Organisation("y", "Jeugdhulp", Sector.YOUTH_CARE, "Dorp"))
>>> people = (Professional("ib", "IB", Role.INTERN_BEGELEIDER, ("s",)),
...           Professional("t", "T", Role.TEACHER, ("s",)),
...           Professional("yc", "YC", Role.YOUTH_CONSULTANT, ("y",)))
>>> result = connect_islands(Region("r", orgs, people))
>>> [(i.a, i.b) for i in result], result.exact, result.cheapest
([('ib', 'yc'), ('t', 'yc')], True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

from samenwerking.graph.compact import CompactGraph
from samenwerking.introduce._connect_items import introductions
from samenwerking.introduce._connect_joins import island_roots, join_round
from samenwerking.introduce._connect_order import order_partners
from samenwerking.introduce._connect_pools import sorted_pools
from samenwerking.introduce._connect_propose import by_cost, island_proposals, profile_tops
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
    from scipy.sparse.csgraph import connected_components  # large: imported when used

    count, label = connected_components(C.to_scipy(), directed=False)
    label = label.astype(np.int64)
    if count <= 1:
        return plan.result((), exact=True, cheapest=True, method=method)
    people = plan.people
    remaining = plan.remaining
    # No one takes part in more than count - 1 joins: with that much room for everyone
    # the cap never binds and the tree is the cheapest one.
    unbound_at_start = int(remaining.min()) >= count - 1
    size = np.bincount(label, minlength=count).astype(np.int64)
    # The room of an island (by root): no island needs more than count - 1 joins.
    capacity = np.bincount(label, np.minimum(remaining, count), count).astype(np.int64)
    feasible = bool((capacity >= 1).all()) and int(np.minimum(capacity, count - 1).sum()) >= 2 * (
        count - 1
    )
    # Each island's parent in the joins so far (a root is its own); resolved every round.
    parent = np.arange(count, dtype=np.int64)
    small, large = _groups(people, label)
    eu, ev, ec = small
    P = people.n_profiles  # noqa: N806
    partners = _BestPartners(people.costs)
    profile = people.profile
    # The joins made: the two people, then the sizes of their two islands before the join.
    joined = np.zeros((4, count - 1), np.int64)
    made = 0
    components = count
    while components > 1:
        proot = island_roots(parent, label)
        relaxed = components == 2 or not feasible
        pools = _Pools(proot, remaining, profile, P)
        found = [_proposals(pools, capacity, P, partners, relaxed)]
        found.append(_group_proposals(proot, remaining, capacity, eu, ev, ec, relaxed))
        found.extend(group.proposals(proot, remaining, capacity, relaxed) for group in large)
        _, island, own, partner = _cheapest_per_island(found, partners.distinct)
        before = made
        made = join_round(
            island,
            own,
            partner,
            pools.starts,
            pools.end,
            pools.people,
            remaining,
            proot,
            parent,
            capacity,
            size,
            relaxed,
            joined,
            made,
        )
        components -= made - before
        if made == before:
            break
    i, j, size_x, size_y = joined[:, :made].tolist()
    texts = [f"an island of {x} with an island of {y}" for x, y in zip(size_x, size_y, strict=True)]
    chosen = introductions(plan, i, j, texts)
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


Proposals = tuple[
    npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]
]
"""Join proposals as columns: cost, island, own pool, partner pool (see :class:`_Pools`)."""


def _no_proposals() -> Proposals:
    empty = np.zeros(0, np.int64)
    return np.zeros(0, np.float64), empty, empty, empty


def _cheapest_per_island(found: list[Proposals], distinct: npt.NDArray[np.float64]) -> Proposals:
    """Each island's cheapest proposal (by profile or through a group), cheapest first.

    ``found[0]`` are the proposals by profile (at most one per island, in island order),
    the rest through groups.

    Borůvka may join along an island's cheapest edge only: a dearer group proposal next to
    a cheaper profile one could otherwise join first and break the minimum. Ties are
    broken as the tuples ``(cost, island, own pool, partner pool)`` compare. ``distinct``:
    the costs the proposals by profile can have, sorted.
    """
    value, island, own, partner = (np.concatenate(c) for c in zip(*found, strict=True))
    if not len(value):
        return value, island, own, partner
    if any(len(part[0]) for part in found[1:]):
        # Groups propose too: keep each island's cheapest.
        order = np.lexsort((partner, own, value, island))
        first = order[np.concatenate([[True], island[order][1:] != island[order][:-1]])]
        value, island, own, partner = value[first], island[first], own[first], partner[first]
        # One proposal per island now, so cost and island order them as the tuples would.
        order = np.lexsort((island, value))
    else:
        # The proposals by profile come in island order: a stable sort by cost does,
        # by counting when every cost is one of the few distinct ones.
        order = by_cost(value, distinct)
        if len(order) != len(value):
            order = np.argsort(value, kind="stable")
    return value[order], island[order], own[order], partner[order]


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
        costs = people.costs[np.ix_(present, present)] - people.model.shared_group
        self.partners = _BestPartners(costs)

    def proposals(
        self,
        proot: npt.NDArray[np.int64],
        remaining: npt.NDArray[np.int64],
        capacity: npt.NDArray[np.int64],
        relaxed: bool,
    ) -> Proposals:
        """Each island's cheapest join inside this group, with fixed people as pools."""
        pools = _Pools(
            proot[self.members], remaining[self.members].copy(), self.profile, self.n_profiles
        )
        value, island, own, partner = _proposals(
            pools, capacity, self.n_profiles, self.partners, relaxed
        )
        # Nothing is taken while proposing, so each pool's first person is the one joined.
        fixed = self.members[pools.first()]
        return value, island, -1 - fixed[own], -1 - fixed[partner]


class _BestPartners:
    """Per profile the cheapest partner profile among the usable ones.

    Remembered per level of room; in the next round, when no profile has become usable,
    only the profiles whose best partner is no longer usable are searched again (a first
    cheapest partner that stays usable stays the first cheapest among fewer).
    """

    def __init__(self, costs: npt.NDArray[np.float64]) -> None:
        self.costs = costs
        # The distinct costs, and per profile the partner profiles by cost, cheapest first,
        # ties in order (a counting sort over the few distinct costs).
        self.distinct, self.by_row = order_partners(costs)
        self.seen: dict[tuple[int, bool], tuple[Any, Any, Any]] = {}

    def __call__(
        self, usable: npt.NDArray[np.bool_], level: int, *, other: bool
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
        """``(q, cost)``: each profile's first cheapest usable partner profile and its cost.

        ``other``: the partner profile must differ from the own one.
        """
        slot = (level, other)
        seen = self.seen.get(slot)
        if seen is not None and not (usable & ~seen[0]).any():
            # Fewer usable profiles than last time: only the rows whose best is gone change.
            _, q, cheapest = seen
            rows = np.flatnonzero(~usable[q])
            if len(rows):
                sub = np.where(usable, self.costs[rows], np.inf)
                if other:
                    sub[np.arange(len(rows)), rows] = np.inf
                q, cheapest = q.copy(), cheapest.copy()
                q[rows] = np.argmin(sub, axis=1)
                cheapest[rows] = sub[np.arange(len(rows)), q[rows]]
        else:
            masked = np.where(usable, self.costs, np.inf)
            if other:
                np.fill_diagonal(masked, np.inf)
            q = np.argmin(masked, axis=1)
            cheapest = masked[np.arange(len(q)), q]
        self.seen[slot] = (usable, q, cheapest)
        return q, cheapest


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
        n = len(remaining)
        top = int(remaining.max()) if n else 0
        if top > 0 and P * (top + 1) <= 4 * n + 2**16:
            # Little room (a cap): by counting, linear in the people.
            islands = int(proot.max()) + 1
            self.people, self.keys, self.starts, self.end = sorted_pools(
                proot, remaining, profile, P, islands, top
            )
            return
        idx = np.flatnonzero(remaining > 0)
        keys = proot[idx] * P + profile[idx]
        room = remaining[idx]
        top = int(room.max()) if len(room) else 0
        if len(idx) and (int(keys.max()) + 1) * (top + 1) * n < 2**62:
            # One sort of one integer: key, then most room, then position.
            code = (keys * (top + 1) + (top - room)) * n + idx
            code.sort()
            people, keys = code % n, code // n // (top + 1)
        else:
            order = np.lexsort((idx, -room, keys))
            people, keys = idx[order], keys[order]
        first = np.concatenate([[True], keys[1:] != keys[:-1]]) if len(keys) else keys > 0
        starts = np.flatnonzero(first)
        self.keys = keys[starts]
        self.people = people
        self.starts = starts
        self.end = np.append(starts[1:], len(keys))

    def first(self) -> npt.NDArray[np.int64]:
        """Every pool's first person (the one a join takes before any is used)."""
        return self.people[self.starts]


def _proposals(
    pools: _Pools,
    capacity: npt.NDArray[np.int64],
    P: int,  # noqa: N803
    partners: _BestPartners,
    relaxed: bool,
) -> Proposals:
    """Each island's cheapest join by profile: ``(cost, island, own pool, partner pool)``.

    See :mod:`samenwerking.introduce._connect_propose` for the rules.
    """
    if not len(pools.keys):
        return _no_proposals()
    kroot, kprof = pools.keys // P, pools.keys % P
    # An island needs room for at most 3 - its own room on the other side.
    levels = max(4, 4 - int(capacity.min()))
    tops, used = profile_tops(kroot, kprof, capacity, P, levels, relaxed)
    found = []
    for other, row in ((True, 0), (False, 1)):
        q = np.zeros((levels, P), np.int64)
        cheapest = np.full((levels, P), np.inf)
        for level in np.flatnonzero(used[row]).tolist():
            q[level], cheapest[level] = partners(
                (tops[0] >= 0) & (tops[2] >= level), level, other=other
            )
        found += [q, cheapest]
    return island_proposals(
        kroot, kprof, capacity, relaxed, tops, partners.costs, partners.by_row, *found
    )


def _group_proposals(
    proot: npt.NDArray[np.int64],
    remaining: npt.NDArray[np.int64],
    capacity: npt.NDArray[np.int64],
    eu: npt.NDArray[np.int64],
    ev: npt.NDArray[np.int64],
    ec: npt.NDArray[np.float64],
    relaxed: bool,
) -> Proposals:
    """Each island's cheapest join through a shared group, in the same form.

    Only the cheapest per island: Borůvka may join along an island's cheapest edge only.
    """
    if not len(eu):
        return _no_proposals()
    ru, rv = proot[eu], proot[ev]
    ok = (ru != rv) & (remaining[eu] > 0) & (remaining[ev] > 0)
    if not relaxed:
        ok &= capacity[ru] + capacity[rv] >= 3
    eu, ev, ec = eu[ok], ev[ok], ec[ok]
    if not len(eu):
        return _no_proposals()
    x, y, c = np.concatenate([eu, ev]), np.concatenate([ev, eu]), np.concatenate([ec, ec])
    island = proot[x]
    # Per island the smallest (cost, island, -1 - x, -1 - y), as the tuples compare.
    order = np.lexsort((-1 - y, -1 - x, c, island))
    first = order[np.concatenate([[True], island[order][1:] != island[order][:-1]])]
    return c[first], island[first], -1 - x[first], -1 - y[first]
