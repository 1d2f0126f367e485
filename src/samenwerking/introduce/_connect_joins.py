"""The joins of one Borůvka round of ``connect_islands``, as one compiled loop (private).

The round's proposals come cheapest first; each is made when both its pools still have
someone with room, its two islands are not joined yet and (unless ``relaxed``) the two have
room for three more ends. Joins share people's room, so they are made one by one, in order.

A pool ``k >= 0`` is the slice ``people[starts[k]:end[k]]`` of people with room at the start
of the round, most room first; a pool ``-1 - p`` is the fixed person ``p``.

Example
-------
Two isolates (islands 0 and 1, one person each, room 2) and the proposal of island 0 to
join its pool 0 to pool 1:

>>> import numpy as np
>>> one = lambda *v: np.array(v, np.int64)
>>> out = np.zeros((4, 1), np.int64)
>>> made = join_round(one(0), one(0), one(1), one(0, 1), one(1, 2), one(0, 1),
...                   one(2, 2), one(0, 1), one(0, 1), one(2, 2), one(1, 1), False, out, 0)
>>> made, out[:, 0].tolist()
(1, [0, 1, 1, 1])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["island_roots", "join_round"]

Ints = npt.NDArray[np.int64]


@kernel
def _take(
    pool: int, pointer: Ints, end: Ints, people: Ints, remaining: Ints
) -> int:  # pragma: no cover - compiled
    """A person of the pool with room left, or -1 (the pool's pointer moves past the full)."""
    if pool < 0:
        person = -1 - pool
        return person if remaining[person] > 0 else -1
    at = pointer[pool]
    stop = end[pool]
    while at < stop and remaining[people[at]] == 0:
        at += 1
    pointer[pool] = at
    return people[at] if at < stop else -1


@kernel
def _find(parent: Ints, x: int) -> int:  # pragma: no cover - compiled
    """The root of island ``x``; the path is pointed at it."""
    root = x
    while parent[root] != root:
        root = parent[root]
    while x != root:
        up = parent[x]
        parent[x] = root
        x = up
    return root


@kernel
def island_roots(parent: Ints, label: Ints) -> Ints:  # pragma: no cover - compiled
    """Point every island of ``parent`` at its root; return the root of each ``label``."""
    for x in range(len(parent)):
        _find(parent, x)
    out = np.empty(len(label), np.int64)
    for k in range(len(label)):
        out[k] = parent[label[k]]
    return out


@kernel
def join_round(
    island: Ints,
    own: Ints,
    partner: Ints,
    starts: Ints,
    end: Ints,
    people: Ints,
    remaining: Ints,
    proot: Ints,
    parent: Ints,
    capacity: Ints,
    size: Ints,
    relaxed: bool,
    out: Ints,
    made: int,
) -> int:  # pragma: no cover - compiled
    """Make the round's joins in order; return the new number of joins made so far.

    ``parent`` (every island pointing at its root), ``capacity`` (room per root), ``size``
    (people per root) and ``remaining`` (room per person) are updated. Join ``t`` is written
    to ``out[:, made + t]``: the two people, then the sizes of their two islands before it.
    """
    pointer = starts.copy()
    empty = np.zeros(len(starts), np.bool_)  # pools found used up (room only shrinks)
    for k in range(len(island)):
        a, b = own[k], partner[k]
        if (a >= 0 and empty[a]) or (b >= 0 and empty[b]):
            continue
        i = _take(a, pointer, end, people, remaining)
        if i < 0:
            if a >= 0:
                empty[a] = True
            continue
        j = _take(b, pointer, end, people, remaining)
        if j < 0:
            if b >= 0:
                empty[b] = True
            continue
        rx = _find(parent, island[k])
        ry = _find(parent, proot[j])
        if rx == ry:
            continue
        room = capacity[rx] + capacity[ry]
        if room < 3 and not relaxed:
            continue
        out[0, made] = i
        out[1, made] = j
        out[2, made] = size[rx]
        out[3, made] = size[ry]
        made += 1
        parent[ry] = rx
        capacity[rx] = room - 2
        size[rx] += size[ry]
        remaining[i] -= 1
        remaining[j] -= 1
    return made
