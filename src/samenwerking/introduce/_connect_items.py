"""Many introductions at once, each exactly as :meth:`Plan.introduce` words it (private).

``connect_islands`` makes tens of thousands of introductions; most share their words up to
the groups and the spare capacity, so the first part of each reason is made once per pair
of (domain, municipality, role) and reused. The room under the cap is not touched: the
caller has taken it already.

Example
-------
>>> from samenwerking.model import Organisation, Professional, Region, Role, Sector
>>> orgs = (Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp"),
...         Organisation("y", "Jeugdhulp", Sector.YOUTH_CARE, "Dorp"))
>>> people = (Professional("ib", "IB", Role.INTERN_BEGELEIDER, ("s",)),
...           Professional("yc", "YC", Role.YOUTH_CONSULTANT, ("y",)))
>>> plan = Plan(Region("r", orgs, people), "test")
>>> [item] = introductions(plan, [1], [0], ["an island of 1 with an island of 1"])
>>> item.a, item.b, item.cost
('ib', 'yc', 1.0)
>>> for part in item.reason.split("; "):
...     print(part)
cross-domain (education - care)
same municipality (Dorp)
roles fit (intern_begeleider - youth_consultant)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from samenwerking.introduce._pick import Plan
from samenwerking.introduce.cost import _ROLES, People, fits
from samenwerking.introduce.result import Introduction
from samenwerking.io._gc import collector_paused

__all__ = ["introductions"]


def introductions(
    plan: Plan, first: Sequence[int], second: Sequence[int], joins: Sequence[str]
) -> list[Introduction]:
    """``plan.introduce(i, j, text)`` for each ``(i, j, text)``, without taking room.

    The smaller id comes first, as :meth:`Plan.introduce` puts it.
    """
    people = plan.people
    G = people.graph  # noqa: N806
    if not len(first):
        return []
    names = list(map(str, G.ids))
    i = np.asarray(first, np.int64)
    j = np.asarray(second, np.int64)
    swap = np.fromiter(
        (names[y] < names[x] for x, y in zip(i.tolist(), j.tolist(), strict=True)),
        np.bool_,
        len(i),
    )
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    # The reason's first part, once per pair of (domain, municipality, role).
    domain = G.domain.astype(np.int64)
    municipality = G.municipality.astype(np.int64)
    role = people.role
    person = np.unique(_codes(domain, municipality, role), return_inverse=True)[1].reshape(-1)
    pair = person[i] * len(names) + person[j]
    _, once, which = np.unique(pair, return_index=True, return_inverse=True)
    d, m, r = domain.tolist(), municipality.tolist(), role.tolist()
    words = [
        _words(people, d[x], d[y], m[x], m[y], r[x], r[y])
        for x, y in zip(i[once].tolist(), j[once].tolist(), strict=True)
    ]
    reasons = [words[k] for k in which.reshape(-1).tolist()]
    costs = people.costs[people.profile[i], people.profile[j]].tolist()
    # Shared groups and no spare capacity add to the reason (and groups lower the cost).
    grouped = np.zeros(len(names), np.bool_)
    grouped[list(people.groups)] = True
    spare, ids, discount = people.spare, G.ids, people.model.shared_group
    more = np.flatnonzero((grouped[i] & grouped[j]) | ~spare[i] | ~spare[j])
    for k, x, y in zip(more.tolist(), i[more].tolist(), j[more].tolist(), strict=True):
        reason = reasons[k]
        shared = people.shared(x, y)
        if shared:
            costs[k] -= discount
            reason += "".join(f"; both in {people.labels[key]}" for key in shared)
        if not spare[x]:
            reason += f"; {ids[x]} has no spare capacity"
        if not spare[y]:
            reason += f"; {ids[y]} has no spare capacity"
        reasons[k] = reason
    a = [names[x] for x in i.tolist()]
    b = [names[y] for y in j.tolist()]
    with collector_paused():  # many small objects, none in a cycle
        return list(map(Introduction, a, b, costs, reasons, joins))


def _codes(*columns: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """One integer per row of the columns (equal rows, equal codes; ``-1`` allowed)."""
    code = np.zeros(len(columns[0]), np.int64)
    for column in columns:
        code = code * (int(column.max()) + 2) + (column + 1)
    return code


def _words(people: People, di: int, dj: int, mi: int, mj: int, ri: int, rj: int) -> str:
    """The reason's parts that depend on domain, municipality and role (as ``People.reason``)."""
    G = people.graph  # noqa: N806
    parts = []
    if di >= 0 and dj >= 0 and di != dj:
        parts.append(f"cross-domain ({G.domains[di]} - {G.domains[dj]})")
    elif di >= 0 and di == dj:
        parts.append(f"same domain ({G.domains[di]})")
    if mi >= 0 and mi == mj:
        parts.append(f"same municipality ({G.municipalities[mi]})")
    else:
        parts.append("different municipalities")
    a, b = _ROLES[ri], _ROLES[rj]
    if fits(a, b, people.model.role_fit):
        parts.append(f"roles fit ({a.value} - {b.value})")
    return "; ".join(parts)
