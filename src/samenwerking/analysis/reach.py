"""Reach: who can reach whom within a few steps, and how far schools are from help.

"Is there someone in youth care this school can call?" :func:`nearest_contact` answers it
for every school at once with one multi-source breadth-first search from all target
professionals (a compiled kernel, :mod:`._reach_kernels`), so the cost does not grow with
the number of schools.

Example
-------
>>> import networkx as nx
>>> G = nx.path_graph(["a", "b", "c", "d"])
>>> within_reach(G, "b", k=1)
{'b': 0, 'a': 1, 'c': 1}
>>> reach_counts(G, k=2)
{'a': 2, 'b': 3, 'c': 3, 'd': 2}
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
from attrs import frozen

from samenwerking._arguments import check_whole
from samenwerking.analysis._dfs import component_labels
from samenwerking.analysis._input import InvalidArgumentError, as_compact
from samenwerking.analysis._kernels import node_positions, pattern
from samenwerking.analysis._reach_kernels import nearest_targets, reach_within
from samenwerking.graph.compact import CompactGraph
from samenwerking.model import Sector
from samenwerking.tabular import Table, Tabular

__all__ = [
    "SCHOOL_SECTORS",
    "ContactReach",
    "SchoolContact",
    "nearest_contact",
    "reach_counts",
    "within_reach",
]

SCHOOL_SECTORS: tuple[str, ...] = tuple(s.value for s in Sector if s.is_school)
"""The sectors of schools children attend: PO, VO, SO/VSO and SBO."""


def _check_steps(k: object, name: str = "k") -> int:
    return check_whole(k, name, minimum=0, numpy=True)


def within_reach(G: nx.Graph | CompactGraph, node: Hashable, *, k: int) -> dict[Hashable, int]:  # noqa: N803
    """The people ``node`` can reach in at most ``k`` steps, with their distance.

    Equal to :func:`networkx.single_source_shortest_path_length` with ``cutoff=k``.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph (a directed graph is taken as undirected).
    node : node id
        Where to start; it is included at distance 0.
    k : int
        The largest number of steps.

    Returns
    -------
    dict
        Distance by node id, nearest first (equal distances in node order).

    Example
    -------
    >>> import networkx as nx
    >>> within_reach(nx.star_graph(3), 1, k=2)
    {1: 0, 0: 1, 2: 2, 3: 2}
    """
    C = as_compact(G)  # noqa: N806
    steps = _check_steps(k)
    source = int(node_positions(C, [node])[0])
    from scipy.sparse.csgraph import dijkstra  # large: imported when used

    distance = dijkstra(pattern(C), indices=source, unweighted=True, limit=steps + 0.5)
    found = np.flatnonzero(np.isfinite(distance))
    found = found[np.argsort(distance[found], kind="stable")]
    return {C.ids[i]: int(distance[i]) for i in found.tolist()}


def reach_counts(G: nx.Graph | CompactGraph, *, k: int = 2) -> dict[Hashable, int]:  # noqa: N803
    """How many other people each person reaches within ``k`` steps.

    One breadth-first search of at most ``k`` levels from every node (compiled, in
    parallel over blocks of nodes); when ``k`` is at least the number of nodes it is
    simply the island size minus one.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph.
    k : int
        The largest number of steps (``k = 1`` gives the degree).

    Returns
    -------
    dict
        The count by node id, in node order.

    Example
    -------
    >>> import networkx as nx
    >>> reach_counts(nx.path_graph(5), k=1)
    {0: 1, 1: 2, 2: 2, 3: 2, 4: 1}
    """
    C = as_compact(G)  # noqa: N806
    steps = _check_steps(k)
    n = C.n_nodes
    if steps == 0 or n == 0:
        return dict.fromkeys(C.ids, 0)
    if steps >= n - 1:
        _, labels = component_labels(C.indptr, C.indices)
        sizes = np.bincount(labels)
        return dict(zip(C.ids, (sizes[labels] - 1).tolist(), strict=True))
    indptr = np.asarray(C.indptr, np.int64)
    indices = np.asarray(C.indices, np.int32)
    counts = reach_within(indptr, indices, steps)
    return dict(zip(C.ids, counts.tolist(), strict=True))


_CONTACT_COLUMNS = ("organisation", "sector", "members", "distance", "member", "contact")


@frozen
class SchoolContact(Tabular):
    """How far one organisation is from the nearest target professional."""

    organisation: str
    """The organisation's id."""
    sector: str
    """Its sector."""
    members: int
    """Its professionals in the graph (by main organisation)."""
    distance: int | None
    """Steps from its nearest member to the nearest target; ``None``: none within reach."""
    member: Hashable | None
    """The member who is nearest to a target, the first in node order of equally near ones
    (``None`` when unreached)."""
    contact: Hashable | None
    """The target professional at that distance, the first in node order of equally near
    ones (``None`` when unreached)."""

    def _row(self) -> tuple[object, ...]:
        return (
            self.organisation,
            self.sector,
            self.members,
            self.distance,
            self.member,
            self.contact,
        )

    def _tables(self) -> tuple[Table, ...]:
        return (Table("organisations", _CONTACT_COLUMNS, [self._row()], counts=("distance",)),)


@frozen(repr=False)
class ContactReach(Tabular):
    """For every organisation of the chosen sectors, the distance to the nearest target."""

    contacts: tuple[SchoolContact, ...]
    """One entry per organisation: farthest first, unreached before them, then by id."""
    max_steps: int | None
    """The largest distance that counted as within reach (``None``: no limit)."""

    @property
    def unreached(self) -> tuple[str, ...]:
        """The organisations with no target within ``max_steps``, sorted by id."""
        return tuple(sorted(c.organisation for c in self.contacts if c.distance is None))

    def distances(self) -> dict[str, int | None]:
        """Distance by organisation id."""
        return {c.organisation: c.distance for c in self.contacts}

    def _tables(self) -> tuple[Table, ...]:
        rows = [c._row() for c in self.contacts]
        return (Table("organisations", _CONTACT_COLUMNS, rows, counts=("distance",)),)

    def _notes(self) -> tuple[str, ...]:
        steps = "any distance" if self.max_steps is None else f"{self.max_steps} steps"
        return (f"{len(self.unreached)} of {len(self.contacts)} unreached within {steps}",)

    def __repr__(self) -> str:
        return (
            f"<ContactReach: {len(self.contacts)} organisations, {len(self.unreached)} "
            f"unreached (max_steps={self.max_steps})>"
        )


def _codes(values: Iterable[str] | None, vocabulary: tuple[str, ...], what: str) -> list[int]:
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    codes = []
    for value in values:
        text = str(getattr(value, "value", value))
        if text not in vocabulary:
            raise InvalidArgumentError(
                f"unknown {what} {text!r}; choose from {', '.join(vocabulary)}"
            )
        codes.append(vocabulary.index(text))
    return codes


def nearest_contact(
    G: nx.Graph | CompactGraph,  # noqa: N803
    *,
    from_sectors: Iterable[str] = SCHOOL_SECTORS,
    to_sectors: Iterable[str] | None = None,
    to_roles: Iterable[str] | None = None,
    max_steps: int | None = None,
) -> ContactReach:
    """For every school (or other organisation), the distance to the nearest target person.

    The distance of an organisation is the smallest number of steps from any of its members
    (professionals whose main organisation it is) to any target professional: 0 if a member
    is a target, 1 if a member knows one, and so on. Of equally near members and targets,
    the first in node order is named.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph, with node attributes ``sector``, ``organisation`` and
        (for ``to_roles``) ``role``.
    from_sectors : iterable of str or Sector
        Organisations of these sectors are measured; by default the schools (PO, VO,
        SO/VSO, SBO).
    to_sectors : iterable of str or Sector, optional
        Targets are professionals of these sectors (e.g. ``["youth_care"]``).
    to_roles : iterable of str or Role, optional
        Targets are professionals with these roles. With ``to_sectors`` too, a target must
        match both.
    max_steps : int, optional
        Distances beyond this count as unreached (``None``: any distance).

    Returns
    -------
    ContactReach
        ``.contacts`` per organisation and ``.unreached`` for those without a target.

    Raises
    ------
    InvalidArgumentError
        If neither ``to_sectors`` nor ``to_roles`` is given, or a sector or role is unknown.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("t", "c"), ("c", "y")])
    >>> G.add_node("u")
    >>> attributes = {"t": ("primary_school", "s1"), "c": ("municipality", "m"),
    ...               "y": ("youth_care", "y1"), "u": ("primary_school", "s2")}
    >>> for node, (sector, org) in attributes.items():
    ...     G.nodes[node].update(sector=sector, organisation=org)
    >>> result = nearest_contact(G, to_sectors=["youth_care"])
    >>> result.distances(), result.unreached
    ({'s2': None, 's1': 2}, ('s2',))
    """
    if to_sectors is None and to_roles is None:
        raise InvalidArgumentError("give to_sectors or to_roles (or both) to name the targets")
    limit = None if max_steps is None else _check_steps(max_steps, "max_steps")
    C = as_compact(G)  # noqa: N806
    from_codes = _codes(from_sectors, C.sectors, "sector")
    target = np.ones(C.n_nodes, np.bool_)
    if to_sectors is not None:
        target &= np.isin(C.sector, _codes(to_sectors, C.sectors, "sector"))
    if to_roles is not None:
        target &= np.isin(C.role, _codes(to_roles, C.roles, "role"))
    targets = np.flatnonzero(target)
    steps, nearest = nearest_targets(
        np.asarray(C.indptr, np.int64),
        np.asarray(C.indices, np.int32),
        targets.astype(np.int64),
        -1 if limit is None else limit,
    )
    distance = np.where(steps >= 0, steps, np.inf)
    # Organisations of the chosen sectors, by their members.
    member = (C.organisation >= 0) & np.isin(C.sector, from_codes)
    people = np.flatnonzero(member)
    orgs = C.organisation[people]
    contacts: list[SchoolContact] = []
    order = np.lexsort((distance[people], orgs))
    people, orgs = people[order], orgs[order]
    firsts = np.flatnonzero(np.concatenate([[len(orgs) > 0], orgs[1:] != orgs[:-1]]))
    sizes = np.diff(np.append(firsts, len(orgs)))
    for first, size in zip(firsts.tolist(), sizes.tolist(), strict=True):
        best = int(people[first])
        reached = bool(np.isfinite(distance[best]))
        contacts.append(
            SchoolContact(
                organisation=C.organisations[int(orgs[first])],
                sector=C.sectors[int(C.sector[best])],
                members=size,
                distance=int(distance[best]) if reached else None,
                member=C.ids[best] if reached else None,
                contact=C.ids[int(nearest[best])] if reached else None,
            )
        )
    contacts.sort(key=lambda c: (c.distance is not None, -(c.distance or 0), c.organisation))
    return ContactReach(contacts=tuple(contacts), max_steps=limit)
