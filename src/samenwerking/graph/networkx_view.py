"""The networkx view of a region: professionals (or organisations) as nodes, ties as edges.

The view is built from the tie store's columns: ties are merged per pair with numpy, so
no :class:`~samenwerking.model.Tie` object is made per row.

Example
-------
>>> from samenwerking.model import (Organisation, OrganisationId, Professional,
...     ProfessionalId, Region, Role, Sector, Tie)
>>> org = Organisation(OrganisationId("o1"), "Gemeente Dorp", Sector.MUNICIPALITY, "Dorp")
>>> people = tuple(Professional(ProfessionalId(p), p.upper(), Role.POLICY_ADVISER, (org.id,))
...                for p in ("a", "b"))
>>> G = to_graph(Region("Dorp", (org,), people, ties=[Tie(people[0].id, people[1].id)]))
>>> G.nodes["a"]["domain"], G.edges["a", "b"]["kind"]
('municipality', 'knows')
"""

from __future__ import annotations

from typing import Literal

import networkx as nx
import numpy as np
import numpy.typing as npt

from samenwerking.errors import InvalidArgumentError
from samenwerking.model import Region, TieStore

__all__ = ["UnknownLevelError", "to_graph"]

LEVELS = ("professional", "organisation")

_NO_DATE = np.iinfo(np.int64).max


class UnknownLevelError(InvalidArgumentError):
    """A graph level that :func:`to_graph` does not know."""


def to_graph(
    region: Region,
    level: Literal["professional", "organisation"] = "professional",
    *,
    directed: bool = False,
) -> nx.Graph | nx.DiGraph:
    """The collaboration graph of a region as a networkx graph.

    Parameters
    ----------
    region : Region
        The region to draw.
    level : {"professional", "organisation"}
        ``"professional"``: one node per professional (isolates included) with attributes
        ``name, role, organisation`` (main organisation id), ``organisations`` (tuple),
        ``sector, domain, municipality`` (of the main organisation; ``None`` if unknown).
        Several ties between one pair become one edge with ``ties`` (count), ``kinds``
        (sorted distinct kinds), ``kind`` (the strongest: refers > collaborates > knows),
        ``strength``, ``trust``, ``value`` (mean of the known values, else ``None``),
        ``since`` (earliest date) and ``met_at`` (meeting of the earliest tie naming one).

        ``"organisation"``: one node per organisation with ``name, sector, domain,
        municipality, parent``; two organisations are joined when people whose main
        organisation they are have ties, with ``weight`` (number of ties) and ``people``
        (distinct professionals carrying them). Ties within one organisation are left out.
    directed : bool
        If true, return a :class:`networkx.DiGraph` that follows each tie's direction;
        undirected ties point both ways.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        ``G.graph["name"]`` is the region's name. Ties naming an unknown professional, or
        from a professional to themselves, are skipped (:meth:`Region.validate` reports them).

    Raises
    ------
    UnknownLevelError
        If ``level`` is not one of the two levels (also a ``ValueError``).

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> G = to_graph(region(200, seed=3), "organisation")
    >>> sorted(G.nodes[next(iter(G))])
    ['domain', 'municipality', 'name', 'parent', 'sector']
    """
    if level not in LEVELS:
        raise UnknownLevelError(
            f"unknown graph level {level!r}; choose 'professional' or 'organisation'"
        )
    G: nx.Graph = nx.DiGraph() if directed else nx.Graph()  # noqa: N806
    G.graph["name"] = region.name
    G.graph["level"] = level
    if level == "professional":
        _professional_graph(G, region, directed)
    else:
        _organisation_graph(G, region, directed)
    return G


def _endpoints(
    region: Region, directed: bool
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Professional positions of each usable tie end, and the tie row, oriented for the graph.

    Undirected ties come out once with ``source < target`` in an undirected graph, and in
    both directions in a directed one.
    """
    store = region.ties
    position = {p.id: i for i, p in enumerate(region.professionals)}
    remap = np.fromiter((position.get(i, -1) for i in store.ids), np.int64, len(store.ids))
    rows = np.arange(len(store), dtype=np.int64)
    if not len(store):
        empty = np.empty(0, np.int64)
        return empty, empty, empty
    source, target = remap[store.source], remap[store.target]
    keep = (source >= 0) & (target >= 0) & (source != target)
    source, target, rows = source[keep], target[keep], rows[keep]
    if not directed:
        return np.minimum(source, target), np.maximum(source, target), rows
    both = ~store.column("directed")[rows]
    return (
        np.concatenate([source, target[both]]),
        np.concatenate([target, source[both]]),
        np.concatenate([rows, rows[both]]),
    )


def _groups(
    source: npt.NDArray[np.int64], target: npt.NDArray[np.int64], n: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Sort order of the pairs and the start of each group of equal (source, target)."""
    key = source * np.int64(max(n, 1)) + target
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]])) if len(key) else key
    return order, starts, key


def _mean(column: npt.NDArray[np.float64], starts: npt.NDArray[np.int64]) -> list[float | None]:
    known = ~np.isnan(column)
    values = np.where(known, column, 0.0)
    count = np.add.reduceat(known.astype(np.int64), starts)
    with np.errstate(over="ignore"):
        total = np.add.reduceat(values, starts)
    means = [None if c == 0 else t / c for t, c in zip(total.tolist(), count.tolist(), strict=True)]
    overflowed = np.flatnonzero(~np.isfinite(total)).tolist()
    if overflowed:
        # Huge scores: sum each value already divided by the count, which cannot overflow.
        sizes = np.diff(np.append(starts, len(values)))
        scaled = values / np.repeat(np.maximum(count, 1), sizes)
        safe = np.add.reduceat(scaled, starts)
        for group in overflowed:
            means[group] = float(safe[group])
    return means


def _professional_graph(G: nx.Graph, region: Region, directed: bool) -> None:  # noqa: N803
    organisations = {o.id: o for o in region.organisations}
    for p in region.professionals:
        org = organisations.get(p.organisation)
        G.add_node(
            p.id,
            name=p.name,
            role=p.role.value,
            organisation=p.organisation,
            organisations=tuple(p.organisations),
            sector=None if org is None else org.sector.value,
            domain=None if org is None else org.domain.value,
            municipality=None if org is None else org.municipality,
        )
    source, target, rows = _endpoints(region, directed)
    if not len(rows):
        return
    store: TieStore = region.ties
    order, starts, _ = _groups(source, target, len(region.professionals))
    rows = rows[order]
    kind = store.kind[rows].astype(np.int64)
    kinds_mask = np.bitwise_or.reduceat(np.left_shift(1, kind), starts).tolist()
    strongest = np.maximum.reduceat(kind, starts).tolist()
    count = np.diff(np.append(starts, len(rows))).tolist()
    means = {
        name: _mean(store.column(name)[rows], starts) for name in ("strength", "trust", "value")
    }
    since = store.column("since")[rows]
    since_day = np.where(np.isnat(since), _NO_DATE, since.astype(np.int64))
    earliest = np.minimum.reduceat(since_day, starts).tolist()
    met = store.column("met_at")[rows]
    # Within each group: ties naming a meeting first, then earliest date, then file order.
    group = np.repeat(np.arange(len(starts)), count)
    pick = np.lexsort((rows, since_day, met < 0, group))
    first_met = met[pick][starts].tolist()

    ids = [p.id for p in region.professionals]
    kinds = store.KINDS
    kind_names = [
        tuple(sorted(k.value for c, k in enumerate(kinds) if mask >> c & 1))
        for mask in range(1 << len(kinds))
    ]
    meetings = store.meetings
    u = source[order][starts].tolist()
    v = target[order][starts].tolist()
    G.add_edges_from(
        (
            ids[u[g]],
            ids[v[g]],
            {
                "ties": count[g],
                "kinds": kind_names[kinds_mask[g]],
                "kind": kinds[strongest[g]].value,
                "strength": means["strength"][g],
                "trust": means["trust"][g],
                "value": means["value"][g],
                "since": None
                if earliest[g] == _NO_DATE
                else np.datetime64(earliest[g], "D").astype(object),
                "met_at": None if first_met[g] < 0 else meetings[first_met[g]],
            },
        )
        for g in range(len(starts))
    )


def _organisation_graph(G: nx.Graph, region: Region, directed: bool) -> None:  # noqa: N803
    for o in region.organisations:
        G.add_node(
            o.id,
            name=o.name,
            sector=o.sector.value,
            domain=o.domain.value,
            municipality=o.municipality,
            parent=o.parent,
        )
    org_ids = [o.id for o in region.organisations]
    org_position = {oid: i for i, oid in enumerate(org_ids)}
    main = np.array(
        [org_position.get(p.organisation, -1) for p in region.professionals] + [-1], np.int64
    )
    source, target, _ = _endpoints(region, directed)
    a, b = main[source], main[target]
    keep = (a >= 0) & (b >= 0) & (a != b)
    source, target, a, b = source[keep], target[keep], a[keep], b[keep]
    if not directed:
        swap = a > b
        a, b = np.where(swap, b, a), np.where(swap, a, b)
    if not len(a):
        return
    order, starts, _ = _groups(a, b, len(org_ids))
    a, b = a[order][starts].tolist(), b[order][starts].tolist()
    count = np.diff(np.append(starts, len(order)))
    group = np.repeat(np.arange(len(starts)), count)
    # Distinct people per group: unique (group, person) over both ends of every tie.
    n = np.int64(max(len(region.professionals), 1))
    people_key = _unique(np.concatenate([group * n + source[order], group * n + target[order]]))
    people = np.bincount(people_key // n, minlength=len(starts)).tolist()
    weights = count.tolist()
    G.add_edges_from(
        (org_ids[a[g]], org_ids[b[g]], {"weight": weights[g], "people": people[g]})
        for g in range(len(starts))
    )


def _unique(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Sorted distinct values (sorting beats numpy's hash-based unique on large int arrays)."""
    ordered = np.sort(values)
    return (
        ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])] if len(ordered) else ordered
    )
