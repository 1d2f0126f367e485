"""Expertise within reach: the fewest introductions so that every school reaches an expert.

A school (an organisation whose sector is a school) reaches an expert within ``steps``
when one of its professionals is at most ``steps`` ties from a professional of an expert
sector (youth care, youth health, family centre, neighbourhood team by default), as
measured by :func:`samenwerking.analysis.nearest_contact`.

It is enough to introduce people *to experts*: take any set ``F`` of new ties that works,
and for each unreached school a shortest path in the new network to an expert. Along
shortest paths every new tie ``(a, b)`` is crossed from the end farther from the experts
to the nearer one (crossing it both ways would make each end nearer than the other), so
replacing it with "``a`` meets an expert" keeps every school within reach and does not
add introductions. After such an introduction a school is within reach when one of its
professionals is at most ``steps - 1`` ties from ``a``. So the problem is a *set cover*:
choose the fewest people ``a`` whose ``steps - 1`` neighbourhoods touch every unreached
school.

With ``steps == 1`` every introduction serves one school, so the answer is the number of
unreached schools (exact). With few unreached schools the set cover is solved exactly by
search; otherwise greedily (at most ``1 + ln(s)`` times the minimum, ``s`` the most
schools one introduction serves). ``exact`` in the result says whether the number is
proven minimal: by the exact search, by ``steps == 1``, or because the greedy answer meets
the lower bound (unreached schools divided by the most one introduction serves).

When the experts have no room left under the cap, someone with room near an expert stands
in for them (greedily, the introductions so far counting as ties); if that still leaves a
school, the note says the search found no introduction for it, not that none exists.

Example
-------
>>> from samenwerking.model import Organisation, Professional, Region, Role, Sector, Tie
>>> orgs = (Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp"),
...         Organisation("y", "Jeugdhulp", Sector.YOUTH_CARE, "Dorp"))
>>> people = (Professional("ib", "IB", Role.INTERN_BEGELEIDER, ("s",)),
...           Professional("yc", "YC", Role.YOUTH_CONSULTANT, ("y",)))
>>> result = expertise_within_reach(Region("r", orgs, people), steps=2)
>>> [(i.a, i.b) for i in result], result.exact
([('ib', 'yc')], True)
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis._kernels import pattern
from samenwerking.analysis.reach import _codes, nearest_contact
from samenwerking.graph.compact import CompactGraph
from samenwerking.introduce._pick import Plan, positive, with_ties
from samenwerking.introduce.cost import CostModel, People
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.model import Organisation, Region, Sector

if TYPE_CHECKING:
    import scipy.sparse as sp

__all__ = ["EXACT_SCHOOLS", "EXPERT_SECTORS", "expertise_within_reach"]

PURPOSE = "expertise within reach"

EXPERT_SECTORS: tuple[Sector, ...] = (
    Sector.YOUTH_CARE,
    Sector.YOUTH_HEALTH,
    Sector.FAMILY_CENTRE,
    Sector.NEIGHBOURHOOD_TEAM,
)
"""The sectors whose professionals count as experts by default."""

EXACT_SCHOOLS = 12
"""Up to this many unreached schools the set cover is solved exactly."""

_EXACT_PATTERNS = 200


def expertise_within_reach(
    region: Region,
    *,
    steps: int = 2,
    schools: Iterable[str] | None = None,
    experts: Iterable[Sector | str] = EXPERT_SECTORS,
    cost: CostModel | None = None,
    graph: CompactGraph | None = None,
    planned: Introductions | Iterable[Introduction] = (),
) -> Introductions:
    """The fewest introductions so that every school has an expert within ``steps`` steps.

    Parameters
    ----------
    region : Region
        The region.
    steps : int
        The most ties between a school's professional and an expert (at least 1).
    schools : iterable of str, optional
        Organisation ids to serve; by default every organisation whose sector is a school.
    experts : iterable of Sector or str
        The expert sectors (default :data:`EXPERT_SECTORS`).
    cost : CostModel, optional
        Cost model and cap per person; decides which expert each person meets and breaks
        ties between equally useful people.
    graph : CompactGraph, optional
        ``compact_graph(region)`` if you already have it.
    planned : Introductions or iterable of Introduction
        Introductions already planned (e.g. from :func:`connect_islands`): they count as
        ties and against the cap per person, and the result holds only what is needed on
        top.

    Returns
    -------
    Introductions
        Each introduction joins someone near unreached schools (``a``) with an expert
        (``b``); ``joins`` names the schools it serves. ``exact`` tells whether the number
        is proven minimal. ``complete=False`` when there are no experts or the cap leaves
        a school nobody with room can serve (see ``note``).

    Raises
    ------
    InvalidArgumentError
        For a bad ``steps``, an unknown school id or an unknown sector.
    UnknownIdError
        If a planned introduction names a professional the region does not have.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(400, seed=2, ties_per_professional=1)
    >>> result = expertise_within_reach(r, steps=2)
    >>> result.complete
    True
    """
    positive(steps, "steps")
    plan = Plan(region, PURPOSE, cost=cost, graph=graph, planned=planned)
    C = plan.graph  # noqa: N806
    expert_codes = _codes(experts, C.sectors, "sector")
    expert_sectors = [C.sectors[c] for c in expert_codes]
    known: dict[str, Organisation] = {o.id: o for o in region.organisations}
    wanted: list[str]
    if schools is None:
        wanted = [o.id for o in region.organisations if o.sector.is_school]
    else:
        wanted = list(dict.fromkeys(str(s) for s in schools))
        for school in wanted:
            if school not in known:
                raise InvalidArgumentError(
                    f"unknown school {school!r} in schools; e.g. {', '.join(sorted(known)[:5])}"
                )
    from_sectors = sorted({known[s].sector.value for s in wanted})
    reach = nearest_contact(
        C, from_sectors=from_sectors, to_sectors=expert_sectors, max_steps=steps
    )
    served = set(wanted)
    contacts = [c for c in reach.contacts if c.organisation in served]
    empty = len(served) - len(contacts)
    unreached = sorted(c.organisation for c in contacts if c.distance is None)
    notes = [f"{empty} school(s) without professionals left out"] if empty else []
    method = "one introduction per school" if steps == 1 else ""
    expert_nodes = np.flatnonzero(np.isin(C.sector, expert_codes))
    if not unreached:
        return plan.result((), exact=True, method=method or "none needed", note="; ".join(notes))
    if not len(expert_nodes):
        notes.append("the region has no experts")
        return plan.result((), complete=False, method=method, note="; ".join(notes))
    remaining = plan.remaining
    covers = _covers(C, unreached, steps, remaining)
    stuck = sorted(set(unreached) - set(_schools(covers, unreached)))
    if stuck:
        # Everyone near these schools has reached the cap: serve the others.
        notes.append(f"{plan.cap} leaves nobody to serve {_listed(stuck)}")
        unreached = [s for s in unreached if s not in stuck]
        covers = _covers(C, unreached, steps, remaining)
    people = plan.people
    expert_profiles = np.unique(people.profile[expert_nodes])
    cheapest = people.costs[:, expert_profiles].min(axis=1)
    price = {p: float(cheapest[people.profile[p]]) for p in covers}
    picks, exact = _set_cover(covers, len(unreached), price)
    method = method or ("exact set cover" if exact else "greedy set cover")
    chosen: list[Introduction] = []
    pending: list[str] = []
    for person, mask in picks:
        names = [unreached[s] for s in range(len(unreached)) if mask >> s & 1]
        expert = _expert_for(people, person, expert_nodes, remaining)
        if expert is None:
            pending += names
            continue
        chosen.append(plan.introduce(person, expert, "serves " + _listed(names), by_id=False))
    bound = len(picks) if exact else _bound(covers, len(unreached))
    if pending:
        # The experts have no room left: meet someone near an expert instead.
        extra, pending = _via_neighbours(plan, chosen, sorted(pending), steps, expert_nodes)
        chosen += extra
        method += ", then people near experts"
        if pending:
            notes.append(
                f"with {plan.cap} the search found no introductions for {_listed(pending)} "
                "(the experts have no room left; a way may still exist)"
            )
    return plan.result(
        chosen,
        exact=not pending and not stuck and len(chosen) == bound,
        cheapest=not chosen and not pending and not stuck,
        complete=not pending and not stuck,
        lower_bound=bound,
        method=method,
        note="; ".join(notes),
    )


def _via_neighbours(
    plan: Plan,
    chosen: list[Introduction],
    pending: list[str],
    steps: int,
    expert_nodes: npt.NDArray[np.int64],
) -> tuple[list[Introduction], list[str]]:
    """Serve ``pending`` schools when the experts have no room: greedily introduce someone
    within ``r`` steps of the most pending schools to someone with room within
    ``steps - 1 - r`` steps of an expert (the introductions so far count as ties)."""
    remaining = plan.remaining
    people = plan.people
    extra: list[Introduction] = []
    while pending:
        G = _with(plan, [*chosen, *extra])  # noqa: N806
        A = pattern(G, np.int32)  # noqa: N806
        near = _levels(A, expert_nodes, steps - 1)
        reach = _reach_levels(G, A, pending, steps - 1)
        best: tuple[int, int, int, int] | None = None  # (-count, d, person, ...)
        room = remaining > 0
        for d in range(steps):
            targets = np.flatnonzero(room & (near <= d))
            if not len(targets):
                continue
            column = reach[steps - 1 - d]
            counts = np.diff(column.indptr)
            counts[~room] = 0
            if len(targets) == 1:
                counts[targets[0]] = 0
            if not counts.any():
                continue
            person = int(np.argmax(counts))
            item = (-int(counts[person]), d, person, 0)
            if best is None or item < best:
                best = item
        if best is None:
            break
        _, d, person, _ = best
        targets = np.flatnonzero(room & (near <= d))
        targets = targets[targets != person]
        order = np.lexsort(
            (
                targets,
                -remaining[targets],
                people.costs[people.profile[person], people.profile[targets]],
            )
        )
        partner = int(targets[order[0]])
        column = reach[steps - 1 - d]
        served = [
            pending[r] for r in column.indices[column.indptr[person] : column.indptr[person + 1]]
        ]
        extra.append(
            plan.introduce(person, partner, "serves " + _listed(sorted(served)), by_id=False)
        )
        pending = [school for school in pending if school not in set(served)]
    return extra, pending


def _with(plan: Plan, items: list[Introduction]) -> CompactGraph:
    """The plan's graph with ``items`` as ties."""
    G = plan.graph  # noqa: N806
    ends = np.array([G.index_of(x) for item in items for x in (item.a, item.b)], np.int64)
    ends = ends.reshape(-1, 2)
    return with_ties(G, ends[:, 0], ends[:, 1])


def _levels(
    A: sp.csr_matrix,  # noqa: N803
    sources: npt.NDArray[np.int64],
    most: int,
) -> npt.NDArray[np.int64]:
    """Steps from the nearest source, up to ``most`` (farther: a large number)."""
    n = A.shape[0]
    far = np.iinfo(np.int64).max
    dist = np.full(n, far, np.int64)
    dist[sources] = 0
    frontier = np.zeros(n, np.bool_)
    frontier[sources] = True
    for d in range(1, most + 1):
        nxt = (A.T @ frontier.astype(np.int32)) > 0
        nxt &= dist == far
        dist[nxt] = d
        frontier = nxt
    return dist


def _reach_levels(
    C: CompactGraph,  # noqa: N803
    A: sp.csr_matrix,  # noqa: N803
    schools: list[str],
    most: int,
) -> list[sp.csc_matrix]:
    """For ``r = 0 .. most``: which people are within ``r`` steps of each school
    (schools by row, as CSC so that a person's column lists the schools)."""
    import scipy.sparse as sp  # large: imported when used

    position = {o: i for i, o in enumerate(C.organisations)}
    codes = np.array([position[s] for s in schools], np.int64)
    members = np.flatnonzero(np.isin(C.organisation, codes))
    row_of = {int(c): r for r, c in enumerate(codes.tolist())}
    rows = np.array([row_of[int(c)] for c in C.organisation[members].tolist()], np.int64)
    reach = sp.csr_matrix(
        (np.ones(len(members), np.int32), (rows, members)), shape=(len(codes), C.n_nodes)
    )
    out = [reach.tocsc()]
    for _ in range(most):
        reach = reach + reach @ A
        reach.data[:] = 1
        out.append(reach.tocsc())
    return out


def _listed(names: list[str], most: int = 3) -> str:
    """The first ``most`` names, and how many more: ``"a, b, c and 2 more"``."""
    text = ", ".join(names[:most])
    return text + (f" and {len(names) - most} more" if len(names) > most else "")


def _schools(covers: dict[int, int], unreached: list[str]) -> list[str]:
    """The schools some person in ``covers`` serves."""
    union = 0
    for mask in covers.values():
        union |= mask
    return [school for s, school in enumerate(unreached) if union >> s & 1]


def _covers(
    C: CompactGraph,  # noqa: N803
    unreached: list[str],
    steps: int,
    remaining: npt.NDArray[np.int64],
) -> dict[int, int]:
    """For each person with room, within ``steps - 1`` of unreached schools: those, as a mask."""
    reach = _reach_levels(C, pattern(C, np.int32), unreached, steps - 1)[-1]
    covers: dict[int, int] = {}
    for person in np.flatnonzero((np.diff(reach.indptr) > 0) & (remaining > 0)).tolist():
        mask = 0
        for r in reach.indices[reach.indptr[person] : reach.indptr[person + 1]].tolist():
            mask |= 1 << r
        covers[person] = mask
    return covers


def _patterns(covers: dict[int, int], price: dict[int, float]) -> dict[int, int]:
    """One person per distinct set of schools: the cheapest, then the first by position."""
    out: dict[int, int] = {}
    for person in sorted(covers, key=lambda p: (price[p], p)):
        out.setdefault(covers[person], person)
    return out


def _set_cover(
    covers: dict[int, int], schools: int, price: dict[int, float]
) -> tuple[list[tuple[int, int]], bool]:
    """People whose masks cover every school: ``(person, newly covered mask)``, and exactness."""
    patterns = _patterns(covers, price)
    full = (1 << schools) - 1
    # A pattern inside another is never needed.
    masks = sorted(patterns, key=lambda m: (-m.bit_count(), patterns[m]))
    if schools <= EXACT_SCHOOLS:
        maximal = [m for m in masks if not any(o != m and o & m == m for o in masks)]
        if len(maximal) <= _EXACT_PATTERNS:
            return _exact_cover(maximal, patterns, full), True
    return _greedy_cover(masks, patterns, full, price), all(m.bit_count() == 1 for m in masks)


def _exact_cover(masks: list[int], patterns: dict[int, int], full: int) -> list[tuple[int, int]]:
    """Breadth-first search over covered sets: the fewest masks whose union is ``full``."""
    came: dict[int, tuple[int, int]] = {0: (0, 0)}
    layer = [0]
    while full not in came:
        following = []
        for state in layer:
            for mask in masks:
                new = state | mask
                if new not in came:
                    came[new] = (state, mask)
                    following.append(new)
        layer = following
    picks = []
    state = full
    while state:
        previous, mask = came[state]
        picks.append((patterns[mask], state & ~previous))
        state = previous
    return picks[::-1]


def _greedy_cover(
    masks: list[int], patterns: dict[int, int], full: int, price: dict[int, float]
) -> list[tuple[int, int]]:
    """Lazy greedy: repeatedly the person who covers most unreached schools, cheapest first."""
    heap = [(-m.bit_count(), price[patterns[m]], patterns[m], m) for m in masks]
    heapq.heapify(heap)
    covered = 0
    picks = []
    while covered != full and heap:
        gain, value, person, mask = heapq.heappop(heap)
        fresh = (mask & ~covered).bit_count()
        if fresh == 0:
            continue
        if fresh < -gain:
            heapq.heappush(heap, (-fresh, value, person, mask))
            continue
        picks.append((person, mask & ~covered))
        covered |= mask
    return picks


def _bound(covers: dict[int, int], schools: int) -> int:
    """A lower bound: the schools divided by the most one introduction serves."""
    widest = max(m.bit_count() for m in covers.values())
    return -(-schools // widest)


def _expert_for(
    people: People,
    person: int,
    experts: npt.NDArray[np.int64],
    remaining: npt.NDArray[np.int64],
) -> int | None:
    """The cheapest expert with room left for ``person`` (most room, then position)."""
    free = experts[remaining[experts] > 0]
    if not len(free):
        return None
    costs = people.costs[people.profile[person], people.profile[free]]
    order = np.lexsort((free, -remaining[free], costs))
    return int(free[order[0]])
