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

from collections.abc import Iterable

from samenwerking.introduce._pick import Plan
from samenwerking.introduce.cost import _ROLES, People, fits
from samenwerking.introduce.result import Introduction
from samenwerking.io._gc import collector_paused

__all__ = ["introductions"]


def introductions(
    plan: Plan, first: Iterable[int], second: Iterable[int], joins: Iterable[str]
) -> list[Introduction]:
    """``plan.introduce(i, j, text)`` for each ``(i, j, text)``, without taking room.

    The smaller id comes first, as :meth:`Plan.introduce` puts it.
    """
    people = plan.people
    G = people.graph  # noqa: N806
    ids = G.ids
    names = list(map(str, ids))
    domain, municipality = G.domain.tolist(), G.municipality.tolist()
    role, spare, profile = people.role.tolist(), people.spare.tolist(), people.profile.tolist()
    costs = people.costs.tolist()
    groups, discount = people.groups, people.model.shared_group
    words: dict[tuple[int, int, int, int, int, int], str] = {}
    made = []
    with collector_paused():  # many small objects, none in a cycle
        for i, j, text in zip(first, second, joins, strict=True):
            if names[j] < names[i]:
                i, j = j, i
            key = (domain[i], domain[j], municipality[i], municipality[j], role[i], role[j])
            reason = words.get(key)
            if reason is None:
                reason = words[key] = _words(people, *key)
            value = costs[profile[i]][profile[j]]
            if i in groups and j in groups:
                shared = people.shared(i, j)
                if shared:
                    value -= discount
                    reason += "".join(f"; both in {people.labels[k]}" for k in shared)
            if not spare[i]:
                reason += f"; {ids[i]} has no spare capacity"
            if not spare[j]:
                reason += f"; {ids[j]} has no spare capacity"
            made.append(Introduction(names[i], names[j], value, reason, text))
    return made


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
