"""The people with room, by (island, profile), most room first, by counting (private).

Sorting people by island, then profile, then most room, then position is two stable
counting sorts (first by profile and room, then by island), linear in the people when the
room is small (under a cap), where one general sort per Borůvka round would not be.

Example
-------
Three people with room 1, 2, 1 on islands 1, 1, 0, all of profile 0 (one profile):

>>> import numpy as np
>>> people, keys, starts, end = sorted_pools(
...     np.array([1, 1, 0]), np.array([1, 2, 1]), np.array([0, 0, 0]), 1, 2, 2)
>>> people.tolist(), keys.tolist(), starts.tolist(), end.tolist()
([2, 1, 0], [0, 1], [0, 1], [1, 3])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from samenwerking._jit import kernel

__all__ = ["sorted_pools"]

Ints = npt.NDArray[np.int64]


@kernel
def sorted_pools(
    proot: Ints,
    remaining: Ints,
    profile: Ints,
    P: int,  # noqa: N803
    islands: int,
    top: int,
) -> tuple[Ints, Ints, Ints, Ints]:  # pragma: no cover - compiled
    """``(people, keys, starts, end)``: the people with room sorted by (island, profile,
    most room, position); pool ``k`` is ``people[starts[k]:end[k]]``, of key
    ``keys[k] = island * P + profile``. ``islands`` bounds ``proot``, ``top`` the room."""
    n = len(remaining)
    span = P * (top + 1)
    count = np.zeros(span + 1, np.int64)
    m = 0
    for p in range(n):
        if remaining[p] > 0:
            count[profile[p] * (top + 1) + (top - remaining[p]) + 1] += 1
            m += 1
    for s in range(span):
        count[s + 1] += count[s]
    by_profile = np.empty(m, np.int64)
    for p in range(n):
        if remaining[p] > 0:
            s = profile[p] * (top + 1) + (top - remaining[p])
            by_profile[count[s]] = p
            count[s] += 1
    at = np.zeros(islands + 1, np.int64)
    for k in range(m):
        at[proot[by_profile[k]] + 1] += 1
    for x in range(islands):
        at[x + 1] += at[x]
    people = np.empty(m, np.int64)
    for k in range(m):
        p = by_profile[k]
        people[at[proot[p]]] = p
        at[proot[p]] += 1
    keys = np.empty(m, np.int64)
    starts = np.empty(m, np.int64)
    pools = 0
    for k in range(m):
        key = proot[people[k]] * P + profile[people[k]]
        if pools == 0 or key != keys[pools - 1]:
            keys[pools] = key
            starts[pools] = k
            pools += 1
    end = np.empty(pools, np.int64)
    for k in range(pools - 1):
        end[k] = starts[k + 1]
    if pools:
        end[pools - 1] = m
    return people, keys[:pools], starts[:pools], end
