"""Islands: the connected groups of the collaboration graph, its isolates and its silos.

An *island* is a connected component: people who can reach each other through ties. An
*isolate* is an island of one; a *silo* is an island of two or more people who all
belong to the same domain (education, care, ...), so nobody in it bridges to another world.

Example
-------
>>> import networkx as nx
>>> G = nx.Graph([("a", "b")])
>>> G.add_node("c")
>>> nx.set_node_attributes(G, "education", "domain")
>>> result = islands(G)
>>> [island.members for island in result], result.isolates, len(result.silos)
([('a', 'b'), ('c',)], ('c',), 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from functools import partial
from itertools import chain, pairwise
from typing import Any, overload

import networkx as nx
import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking.analysis._island_kernels import IslandLayout, Tally, island_layout, tally_islands
from samenwerking.analysis._text_order import ids_ascending
from samenwerking.graph.compact import CompactGraph
from samenwerking.io._gc import collector_paused
from samenwerking.tabular import Table, Tabular

__all__ = ["Island", "IslandSequence", "Islands", "island_labels", "islands"]

UNKNOWN = "unknown"
"""The label counted for a node without a sector or domain."""


def _sorted(nodes: Iterable[Any]) -> tuple[Any, ...]:
    items = list(nodes)
    try:
        return tuple(sorted(items))
    except TypeError:
        return tuple(sorted(items, key=repr))


_ISLAND_COLUMNS = ("size", "silo", "domains", "sectors", "municipalities", "members")
_PICTURE_ISLANDS = 150
"""At most this many islands are drawn in a notebook view (the largest)."""


@frozen(repr=False)
class Island(Tabular):
    """One connected group of professionals."""

    members: tuple[str, ...]
    """The node ids in it, sorted."""
    sectors: dict[str, int] = field(factory=dict)
    """Member count per sector (``"unknown"`` for nodes without one), by sector."""
    domains: dict[str, int] = field(factory=dict)
    """Member count per domain (``"unknown"`` for nodes without one), by domain."""
    municipalities: tuple[str, ...] = ()
    """The municipalities its members work in, sorted."""

    @property
    def size(self) -> int:
        """The number of members."""
        return len(self.members)

    @property
    def is_isolate(self) -> bool:
        """True for a single professional without ties."""
        return len(self.members) == 1

    @property
    def is_silo(self) -> bool:
        """True for two or more members who all belong to one domain."""
        return len(self.members) >= 2 and len(self.domains) == 1

    def _row(self) -> tuple[object, ...]:
        return (
            self.size,
            self.is_silo,
            self.domains,
            self.sectors,
            self.municipalities,
            self.members,
        )

    def _tables(self) -> tuple[Table, ...]:
        return (Table("island", _ISLAND_COLUMNS, [self._row()], index=0),)

    def __repr__(self) -> str:
        domains = ", ".join(f"{d} {n}" for d, n in self.domains.items())
        return f"<Island of {self.size} ({domains})>"


@frozen(repr=False)
class Islands(Tabular):
    """All islands of a graph, largest first (equal sizes by their first member id).

    ``to_frame()`` has one row per island (numbered from 0, the largest);
    ``to_frames()["members"]`` gives each node's island number.
    """

    islands: Sequence[Island] = ()
    """Every connected component, isolates included: a tuple, or for a compact graph a
    sequence that builds its :class:`Island` objects on first use and then behaves as
    (and compares equal to) the tuple of them."""

    @property
    def isolates(self) -> tuple[str, ...]:
        """The ids of professionals without any tie, sorted."""
        return tuple(i.members[0] for i in self.islands if i.is_isolate)

    @property
    def silos(self) -> tuple[Island, ...]:
        """Islands of two or more people that hold only one domain."""
        return tuple(i for i in self.islands if i.is_silo)

    @property
    def largest(self) -> Island | None:
        """The largest island, or ``None`` for an empty graph."""
        return self.islands[0] if self.islands else None

    @property
    def share_in_largest(self) -> float:
        """The share of all nodes that are in the largest island (0.0 for an empty graph)."""
        total = sum(i.size for i in self.islands)
        return self.islands[0].size / total if total else 0.0

    def __len__(self) -> int:
        return len(self.islands)

    def __iter__(self) -> Iterator[Island]:
        return iter(self.islands)

    def _tables(self) -> tuple[Table, ...]:
        islands = Table(
            "islands",
            ("island", *_ISLAND_COLUMNS),
            [(i, *island._row()) for i, island in enumerate(self.islands)],
        )
        members = Table(
            "members",
            ("node", "island"),
            [(node, i) for i, island in enumerate(self.islands) for node in island.members],
        )
        return islands, members

    def _notes(self) -> tuple[str, ...]:
        people = sum(i.size for i in self.islands)
        return (
            f"{people} people; {self.share_in_largest:.0%} in the largest island",
            f"{len(self.isolates)} isolates, {len(self.silos)} silos",
        )

    def _svg(self) -> str:
        from samenwerking.notebook import islands_svg

        return islands_svg(tuple(self.islands[:_PICTURE_ISLANDS]))

    def __repr__(self) -> str:
        largest = self.largest.size if self.largest is not None else 0
        return (
            f"<Islands: {len(self.islands)} islands, largest {largest} "
            f"({self.share_in_largest:.0%}), {len(self.isolates)} isolates, "
            f"{len(self.silos)} silos>"
        )


def islands(G: nx.Graph | CompactGraph) -> Islands:  # noqa: N803
    """The connected groups of a collaboration graph, largest first.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompactGraph
        The graph, e.g. from :func:`samenwerking.to_graph` or
        :func:`samenwerking.compact_graph`. A directed graph is split into its weakly
        connected components. Nodes are described by their ``sector``, ``domain`` and
        ``municipality`` attributes where present.

    Returns
    -------
    Islands
        Every connected component as an :class:`Island`, largest first, equal sizes
        ordered by their first (smallest) member id; with the isolates, the silos
        (islands of one domain) and the share of nodes in the largest island. For a
        compact graph with text ids the components are found at once and the
        :class:`Island` objects built on first use (an :class:`IslandSequence`).

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")])
    >>> nx.set_node_attributes(G, {"a": "care", "b": "education"}, "domain")
    >>> result = islands(G)
    >>> result.largest.members, result.largest.domains
    (('c', 'd', 'e'), {'unknown': 3})
    >>> round(result.share_in_largest, 2)
    0.6
    """
    if isinstance(G, CompactGraph):
        return Islands(_compact_islands(G))
    components = (
        nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    )
    found = [_island(G, component) for component in components]
    found.sort(key=lambda island: (-island.size, island.members[0]))
    return Islands(tuple(found))


def _counts(values: Iterable[Any]) -> dict[str, int]:
    counter = Counter(UNKNOWN if v is None else str(v) for v in values)
    return dict(sorted(counter.items()))


def _island(G: nx.Graph, component: Iterable[Hashable]) -> Island:  # noqa: N803
    members = _sorted(component)
    nodes = G.nodes
    return Island(
        members=members,
        sectors=_counts(nodes[m].get("sector") for m in members),
        domains=_counts(nodes[m].get("domain") for m in members),
        municipalities=tuple(
            sorted(
                {str(m) for m in (nodes[x].get("municipality") for x in members) if m is not None}
            )
        ),
    )


def _compact_islands(G: CompactGraph) -> Sequence[Island]:  # noqa: N803
    """The islands of a compact graph, largest first (equal sizes by first member).

    The compiled layout is found here; the :class:`Island` objects are built on first use
    (at once for ids that are not all text, which sort as Python compares them).
    """
    n = G.n_nodes
    if n == 0:
        return ()
    ids: tuple[Any, ...] = G.ids
    ascending = ids_ascending(ids)  # None: not all text; then members sort by their text
    ranked = _ranked(ids, ascending)
    ordered = ids if ascending else tuple(ids[i] for i in ranked.tolist())
    layout = island_layout(G.indptr, G.indices, ranked)
    tallies = tally_islands(
        ranked[layout.ranks],
        layout.bounds,
        (
            _ranked_codes(G.sector, G.sectors, UNKNOWN),
            _ranked_codes(G.domain, G.domains, UNKNOWN),
            _ranked_codes(G.municipality, G.municipalities, None),
        ),
    )
    names = (
        _sorted_names(G.sectors, UNKNOWN),
        _sorted_names(G.domains, UNKNOWN),
        _sorted_names(G.municipalities, None),
    )
    found = IslandSequence(len(layout.bounds) - 1, partial(_build, ordered, layout, tallies, names))
    if ascending is None:  # by the first member itself, not its text
        return tuple(sorted(found, key=lambda island: (-island.size, island.members[0])))
    return found


def island_labels(G: CompactGraph) -> npt.NDArray[np.int64]:  # noqa: N803
    """Each node's island, in node order: its index in ``islands(G).islands``.

    For text ids the labels come from the compiled layout alone (no :class:`Island` is
    built and nothing is tallied).

    Example
    -------
    >>> import networkx as nx
    >>> from samenwerking.graph import CompactGraph
    >>> island_labels(CompactGraph.from_networkx(nx.Graph([("a", "b"), ("c", "c")]))).tolist()
    [0, 0, 1]
    """
    n = G.n_nodes
    label = np.empty(n, np.int64)
    ascending = ids_ascending(G.ids) if n else True
    if ascending is None:  # islands sorted by Python: label them from their members
        position = {node: i for i, node in enumerate(G.ids)}
        for number, island in enumerate(_compact_islands(G)):
            label[[position[m] for m in island.members]] = number
        return label
    ranked = _ranked(G.ids, ascending)
    layout = island_layout(G.indptr, G.indices, ranked)
    sizes = np.diff(layout.bounds)
    label[ranked[layout.ranks]] = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    return label


def _ranked(ids: tuple[Any, ...], ascending: bool | None) -> npt.NDArray[np.int64]:
    """The node positions in member order, given :func:`ids_ascending` of ``ids``."""
    if ascending:
        return np.arange(len(ids), dtype=np.int64)  # the usual case
    if ascending is not None:
        return np.array(sorted(range(len(ids)), key=ids.__getitem__), np.int64)
    return np.argsort(np.array([str(i) for i in ids]), kind="stable").astype(np.int64)


def _build(
    ordered: tuple[Any, ...],
    layout: IslandLayout,
    tallies: tuple[Tally, Tally, Tally],
    names: tuple[list[str], list[str], list[str]],
) -> tuple[Island, ...]:
    """The :class:`Island` objects of a layout and its tallies, in the layout's order."""
    alone = int(np.searchsorted(-np.diff(layout.bounds), -1))  # from here on: isolates
    sector, domain, place = tallies
    with collector_paused():  # thousands of small acyclic results: no garbage to find
        return tuple(
            map(
                Island,
                _members(ordered, layout, alone),
                _counted(sector, names[0], alone),
                _counted(domain, names[1], alone),
                _named(place, names[2]),
            )
        )


def _kept(items: tuple[Island, ...]) -> tuple[Island, ...]:
    return items


class IslandSequence(Sequence[Island]):
    """Islands built on first use: until then only their number is known.

    Behaves as the tuple of the islands (indexing, slices as tuples, iteration, equality
    with that tuple, pickling as it); :func:`islands` returns one for a compact graph.

    Example
    -------
    >>> lazy = IslandSequence(1, lambda: (Island(("a",)),))
    >>> len(lazy), lazy == (Island(("a",)),), lazy[0].members
    (1, True, ('a',))
    """

    __slots__ = ("_build", "_count", "_items")

    def __init__(self, count: int, build: Callable[[], tuple[Island, ...]]) -> None:
        self._count = count
        self._build = build
        self._items: tuple[Island, ...] | None = None

    def _all(self) -> tuple[Island, ...]:
        items = self._items
        if items is None:  # two threads may both build: equal tuples, either one is kept
            items = self._items = self._build()
            self._build = partial(_kept, items)  # let the arrays go
        return items

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Island: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Island, ...]: ...
    def __getitem__(self, index: int | slice) -> Island | tuple[Island, ...]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Island]:
        return iter(self._all())

    def __reversed__(self) -> Iterator[Island]:
        return reversed(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IslandSequence):
            return self._all() == other._all()
        if isinstance(other, tuple):
            return self._all() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __add__(self, other: tuple[Island, ...]) -> tuple[Island, ...]:
        return self._all() + other

    def __radd__(self, other: tuple[Island, ...]) -> tuple[Island, ...]:
        return other + self._all()

    def __reduce__(self) -> tuple[type[tuple[Island, ...]], tuple[tuple[Island, ...]]]:
        return tuple, (self._all(),)

    def __repr__(self) -> str:
        return repr(self._all())


def _sorted_names(vocabulary: tuple[str, ...], unknown: str | None) -> list[str]:
    """The distinct names of a vocabulary (and ``unknown``), sorted."""
    return sorted({*vocabulary} if unknown is None else {*vocabulary, unknown})


def _ranked_codes(
    codes: npt.NDArray[Any], vocabulary: tuple[str, ...], unknown: str | None
) -> tuple[npt.NDArray[Any], npt.NDArray[np.int64]]:
    """The codes with ``rank[code + 1]``: each code's place among the sorted names.

    Code ``-1`` is named ``unknown``, or left out (rank ``-1``) when that is ``None``;
    equal names share a place.
    """
    where = {name: i for i, name in enumerate(_sorted_names(vocabulary, unknown))}
    first = -1 if unknown is None else where[unknown]
    return codes, np.array([first, *(where[name] for name in vocabulary)], np.int64)


def _members(ordered: tuple[Any, ...], layout: IslandLayout, alone: int) -> list[tuple[Any, ...]]:
    """Each island's members: slices of the ranked ids, one per run of consecutive ranks."""
    runs, first_run = layout.runs.tolist(), layout.run_bounds.tolist()
    found = []
    for c in range(alone):
        r, end = first_run[c], first_run[c + 1]
        if end == r + 1:
            found.append(ordered[runs[2 * r] : runs[2 * r + 1]])
        else:
            pieces = (ordered[runs[j] : runs[j + 1]] for j in range(2 * r, 2 * end, 2))
            found.append(tuple(chain.from_iterable(pieces)))
    isolated = layout.ranks[int(layout.bounds[alone]) :].tolist()
    found.extend([ordered[i : i + 1] for i in isolated])
    return found


def _counted(tally: Tally, names: list[str], alone: int) -> list[dict[str, int]]:
    """Per island, its members per name, in name order (an isolate has one name, once)."""
    starts, which, counts = tally.starts.tolist(), tally.names.tolist(), tally.counts.tolist()
    found = [
        {names[which[a]]: counts[a]}
        if b == a + 1
        else {names[which[i]]: counts[i] for i in range(a, b)}
        for a, b in pairwise(starts[: alone + 1])
    ]
    found.extend([{names[x]: 1} for x in which[starts[alone] :]])
    return found


def _named(tally: Tally, names: list[str]) -> list[tuple[str, ...]]:
    """Per island, the names its members carry, sorted."""
    labels = [names[x] for x in tally.names.tolist()]
    return [tuple(labels[a:b]) for a, b in pairwise(tally.starts.tolist())]
