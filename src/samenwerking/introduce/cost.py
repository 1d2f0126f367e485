"""The cost model: how good an introduction between two professionals would be.

A lower cost is a better introduction. The cost of introducing ``a`` to ``b`` is::

    base
    + same_domain          if both work in the same domain (cross-domain ties are preferred)
    + other_municipality   unless both work in the same municipality
    + role_mismatch        unless their roles fit (see ROLE_FIT)
    + no_spare_capacity    for each of the two whose ``capacity`` is 0
    - shared_group         if they share a working group or an agenda topic (as leads)

Apart from the shared group, the cost depends only on a person's *profile*: domain,
municipality, role-fit class and whether they have spare capacity. The algorithms use
that to work on a few hundred profiles instead of millions of person pairs.

Example
-------
>>> model = CostModel()
>>> model.cap
2
>>> fits(Role.INTERN_BEGELEIDER, Role.YOUTH_CONSULTANT), fits(Role.TEACHER, Role.ALDERMAN)
(True, False)
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from itertools import repeat
from operator import attrgetter
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking._jit import kernel
from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.model import Region, Role

__all__ = ["ROLE_FIT", "CostModel", "fits", "introduction_cost"]

_SCHOOL_CARE = (
    Role.INTERN_BEGELEIDER,
    Role.ZORGCOORDINATOR,
    Role.SCHOOL_SOCIAL_WORKER,
    Role.ORTHOPEDAGOOG,
)
_CARE = (
    Role.YOUTH_CONSULTANT,
    Role.FAMILY_COACH,
    Role.YOUTH_CARE_WORKER,
    Role.YOUTH_NURSE,
    Role.YOUTH_DOCTOR,
    Role.PSYCHOLOGIST,
)


_ROLES: tuple[Role, ...] = tuple(Role)
"""The roles in code order (``People.role`` holds positions in it)."""


def _pairs(left: Iterable[Role], right: Iterable[Role]) -> set[frozenset[Role]]:
    return {frozenset((a, b)) for a in left for b in right}


ROLE_FIT: frozenset[frozenset[Role]] = frozenset(
    _pairs(_SCHOOL_CARE, _CARE)
    | _pairs((Role.SUPPORT_CONSULTANT,), (*_SCHOOL_CARE, Role.YOUTH_CONSULTANT))
    | _pairs((Role.ATTENDANCE_OFFICER,), (*_SCHOOL_CARE, Role.YOUTH_DOCTOR, Role.YOUTH_CONSULTANT))
    | _pairs(
        (Role.PRESCHOOL_TEACHER, Role.CHILDCARE_WORKER),
        (Role.YOUTH_NURSE, Role.FAMILY_COACH, Role.INTERN_BEGELEIDER),
    )
    | _pairs((Role.YOUTH_WORKER,), (Role.FAMILY_COACH, Role.POLICE_OFFICER, Role.ZORGCOORDINATOR))
    | _pairs((Role.POLICE_OFFICER,), (Role.ATTENDANCE_OFFICER, Role.YOUTH_CONSULTANT))
    | _pairs((Role.POLICY_ADVISER,), (Role.POLICY_ADVISER, Role.MANAGER, Role.DIRECTOR))
    | _pairs((Role.DIRECTOR, Role.MANAGER), (Role.DIRECTOR, Role.MANAGER))
    | _pairs((Role.ALDERMAN,), (Role.BOARD_MEMBER, Role.DIRECTOR))
)
"""The default pairs of roles that fit (unordered; ``{r}`` alone means ``r`` fits ``r``).

School care staff (intern begeleider, zorgcoördinator, school social worker,
orthopedagoog) fit youth consultants, family coaches, youth care workers, youth nurses
and doctors and psychologists; the SWV support consultant fits school care staff and
youth consultants; the attendance officer fits school care staff, youth doctors and youth
consultants; pre-school and childcare staff fit youth nurses, family coaches and intern
begeleiders; youth workers fit family coaches, police and zorgcoördinatoren; police fit
attendance officers and youth consultants; policy advisers, managers and directors fit
each other; aldermen fit board members and directors.
"""


def fits(a: Role | str, b: Role | str, table: frozenset[frozenset[Role]] = ROLE_FIT) -> bool:
    """Whether two roles fit according to ``table``.

    Example
    -------
    >>> fits("zorgcoordinator", "family_coach")
    True
    """
    return frozenset((Role(a), Role(b))) in table


def _check_cost(_instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
        raise InvalidArgumentError(
            f"{attribute.name} must be a non-negative number (got {value!r})"
        )


def _check_cap(_instance: Any, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise InvalidArgumentError(f"cap must be a positive integer or None (got {value!r})")


def _role_table(value: Iterable[Iterable[Role | str]]) -> frozenset[frozenset[Role]]:
    table = frozenset(frozenset(Role(r) for r in pair) for pair in value)
    for pair in table:
        if not 1 <= len(pair) <= 2:
            raise InvalidArgumentError(f"role_fit holds a pair of {len(pair)} roles: {pair!r}")
    return table


@frozen
class CostModel:
    """What makes an introduction cheap; change any field with :func:`attrs.evolve`.

    Example
    -------
    >>> import attrs
    >>> attrs.evolve(CostModel(), cap=None, other_municipality=5.0).other_municipality
    5.0
    """

    base: float = field(default=1.0, validator=_check_cost)
    """The cost every introduction has (must exceed ``shared_group``)."""
    same_domain: float = field(default=2.0, validator=_check_cost)
    """Added when both work in the same domain: cross-domain introductions are preferred."""
    other_municipality: float = field(default=1.0, validator=_check_cost)
    """Added unless both work in the same municipality."""
    role_mismatch: float = field(default=1.0, validator=_check_cost)
    """Added unless their roles fit according to :attr:`role_fit`."""
    no_spare_capacity: float = field(default=1.0, validator=_check_cost)
    """Added for each of the two whose ``Professional.capacity`` is 0 (``None``: unknown,
    counted as spare). ``capacity`` is the number of *new* contacts someone can take on,
    so their current ties are not subtracted."""
    shared_group: float = field(default=0.5, validator=_check_cost)
    """Subtracted when they share a working group (member or lead) or lead topics of the
    same agenda."""
    cap: int | None = field(default=2, validator=_check_cap)
    """The most introductions one person gets in one result (``None``: no limit)."""
    role_fit: frozenset[frozenset[Role]] = field(default=ROLE_FIT, converter=_role_table)
    """The pairs of roles that fit (default :data:`ROLE_FIT`)."""

    def __attrs_post_init__(self) -> None:
        if self.shared_group >= self.base:
            raise InvalidArgumentError(
                f"shared_group ({self.shared_group}) must be smaller than base ({self.base}) "
                "so that every introduction costs something"
            )

    @property
    def limit(self) -> int:
        """The cap as a number (a very large one for no cap)."""
        return self.cap if self.cap is not None else 2**31


def introduction_cost(
    region: Region, a: str, b: str, *, cost: CostModel | None = None
) -> tuple[float, str]:
    """The cost of introducing ``a`` to ``b`` and the reason, in words.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(200, seed=1)
    >>> value, reason = introduction_cost(r, r.professionals[0].id, r.professionals[1].id)
    >>> value >= CostModel().base - CostModel().shared_group
    True
    """
    people = People(region, compact_graph(region), cost or CostModel())
    i, j = people.graph.index_of(a), people.graph.index_of(b)
    return people.pair_cost(i, j), people.reason(i, j)


class People:
    """The professionals of a region as profiles, with the cost model applied (private)."""

    def __init__(self, region: Region, graph: CompactGraph, model: CostModel) -> None:
        self.region = region
        self.graph = graph
        self.model = model
        n = graph.n_nodes
        roles = tuple(Role)
        fit = np.zeros((len(roles), len(roles)), np.bool_)
        for pair in model.role_fit:
            a, b = (*pair, *pair)[:2]
            fit[roles.index(a), roles.index(b)] = fit[roles.index(b), roles.index(a)] = True
        # Roles with the same fit row are interchangeable for the cost: one class.
        rows, role_class = np.unique(fit, axis=0, return_inverse=True)
        self.class_fit = rows[:, np.unique(role_class, return_index=True)[1]]
        self.role = _role_codes(region, graph)
        caps = map(_CAPACITY, region.professionals)
        self.spare = np.fromiter(map(operator.ne, caps, repeat(0)), np.bool_, n)
        domain = graph.domain.astype(np.int64)
        municipality = graph.municipality.astype(np.int64)
        klass = role_class.reshape(-1)[self.role] if n else np.zeros(0, np.int64)
        key = np.stack([domain, municipality, klass, self.spare.astype(np.int64)], axis=1)
        if n:
            table, profile = _unique_rows(key)
        else:
            table, profile = np.zeros((0, 4), np.int64), np.zeros(0, np.int64)
        self.profile: npt.NDArray[np.int64] = profile.reshape(-1).astype(np.int64)
        self.n_profiles = len(table)
        d, m, c, s = (np.ascontiguousarray(table[:, k], np.int64) for k in range(4))
        self.costs: npt.NDArray[np.float64] = _profile_costs(
            d,
            m,
            c,
            s,
            np.ascontiguousarray(self.class_fit, np.bool_),
            float(model.base),
            float(model.same_domain),
            float(model.other_municipality),
            float(model.role_mismatch),
            float(model.no_spare_capacity),
        )
        self.labels: dict[tuple[str, str], str] = {}
        self.groups = self._groups()

    def _groups(self) -> dict[int, set[tuple[str, str]]]:
        """Group keys by person position: ``("working_group", id)`` or ``("agenda", id)``.

        Keys are ids, so two groups with the same name stay apart; :attr:`labels` holds the
        words for each key.
        """
        groups: dict[int, set[tuple[str, str]]] = {}
        if not self.region.working_groups and not self.region.agendas:
            return groups  # no need for the (large) id index
        position = self.graph._position

        def add(person: str | None, key: tuple[str, str]) -> None:
            at = position.get(person) if person is not None else None
            if at is not None:
                groups.setdefault(at, set()).add(key)

        for w in self.region.working_groups:
            key = ("working_group", str(w.id))
            self.labels[key] = f"working group {w.name}"
            for person in (*w.members, w.lead):
                add(person, key)
        for agenda in self.region.agendas:
            key = ("agenda", str(agenda.id))
            self.labels[key] = f"agenda {agenda.title}"
            for topic in agenda.topics:
                for person in topic.leads:
                    add(person, key)
        return groups

    def group_members(self) -> dict[tuple[str, str], list[int]]:
        """Person positions by group key."""
        members: dict[tuple[str, str], list[int]] = {}
        for person, keys in self.groups.items():
            for key in keys:
                members.setdefault(key, []).append(person)
        return {key: sorted(people) for key, people in sorted(members.items())}

    def shared(self, i: int, j: int) -> list[tuple[str, str]]:
        """The keys of the groups ``i`` and ``j`` share, sorted."""
        return sorted(self.groups.get(i, set()) & self.groups.get(j, set()))

    def pair_cost(self, i: int, j: int) -> float:
        """The cost of introducing node ``i`` to node ``j``."""
        value = float(self.costs[self.profile[i], self.profile[j]])
        if self.shared(i, j):
            value -= self.model.shared_group
        return value

    def reason(self, i: int, j: int) -> str:
        """Why this pair, in words."""
        G = self.graph  # noqa: N806
        parts = []
        di, dj = int(G.domain[i]), int(G.domain[j])
        if di >= 0 and dj >= 0 and di != dj:
            parts.append(f"cross-domain ({G.domains[di]} - {G.domains[dj]})")
        elif di >= 0 and di == dj:
            parts.append(f"same domain ({G.domains[di]})")
        mi, mj = int(G.municipality[i]), int(G.municipality[j])
        if mi >= 0 and mi == mj:
            parts.append(f"same municipality ({G.municipalities[mi]})")
        else:
            parts.append("different municipalities")
        ri, rj = _ROLES[self.role[i]], _ROLES[self.role[j]]
        if fits(ri, rj, self.model.role_fit):
            parts.append(f"roles fit ({ri.value} - {rj.value})")
        for key in self.shared(i, j):
            parts.append(f"both in {self.labels[key]}")
        for k in (i, j):
            if not self.spare[k]:
                parts.append(f"{G.ids[k]} has no spare capacity")
        return "; ".join(parts)


def _unique_rows(
    key: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """``np.unique(key, axis=0, return_inverse=True)`` of integer columns, through one
    integer per row (the same order: rows sorted column by column).

    Example
    -------
    >>> table, inverse = _unique_rows(np.array([[1, -1], [0, 2], [1, -1]]))
    >>> table.tolist(), inverse.tolist()
    ([[0, 2], [1, -1]], [1, 0, 1])
    """
    low = key.min(axis=0)
    span = key.max(axis=0) - low + 1
    if float(np.prod(span.astype(np.float64))) >= 2**62:
        table, inverse = np.unique(key, axis=0, return_inverse=True)
        return table, inverse.reshape(-1)
    code = np.zeros(len(key), np.int64)
    for column in range(key.shape[1]):  # mixed radix, the first column most significant
        code = code * span[column] + (key[:, column] - low[column])
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    return key[first], inverse.reshape(-1)


_CAPACITY = attrgetter("capacity")
_ROLE_POSITION = {role: k for k, role in enumerate(_ROLES)}


def _role_codes(region: Region, graph: CompactGraph) -> npt.NDArray[np.int64]:
    """Each professional's role as a position in ``tuple(Role)``: the graph's codes when it
    knows every role (the same order), otherwise read from the professionals."""
    known = graph.role
    if len(known) == len(region.professionals) and (len(known) == 0 or known.min() >= 0):
        return known.astype(np.int64)
    return np.array([_ROLE_POSITION[p.role] for p in region.professionals], np.int64)


@kernel
def _profile_costs(
    domain: npt.NDArray[np.int64],
    municipality: npt.NDArray[np.int64],
    klass: npt.NDArray[np.int64],
    spare: npt.NDArray[np.int64],
    class_fit: npt.NDArray[np.bool_],
    base: float,
    same_domain: float,
    other_municipality: float,
    role_mismatch: float,
    no_spare_capacity: float,
) -> npt.NDArray[np.float64]:
    """The cost between every two profiles, in one pass (the same sums, in the same order,
    as the cost model's formula).

    Example
    -------
    >>> one = np.zeros(1, np.int64)
    >>> _profile_costs(one, one, one, one, np.ones((1, 1), np.bool_), 1.0, 2.0, 1.0, 1.0, 1.0)
    array([[5.]])
    """
    size = len(domain)
    out = np.empty((size, size), np.float64)
    for i in range(size):
        di, mi, ci = domain[i], municipality[i], klass[i]
        si = 1.0 if spare[i] == 0 else 0.0
        for j in range(size):
            value = base + same_domain * (1.0 if di == domain[j] and di >= 0 else 0.0)
            value = value + other_municipality * (0.0 if mi == municipality[j] and mi >= 0 else 1.0)
            value = value + role_mismatch * (0.0 if class_fit[ci, klass[j]] else 1.0)
            value = value + no_spare_capacity * (si + (1.0 if spare[j] == 0 else 0.0))
            out[i, j] = value
    return out
