"""Trust and value: PARTNER-style scores aggregated per group and per pair of groups.

In a PARTNER survey each respondent rates the partners they work with on *trust* (e.g.
reliability, mission, openness) and *value* (e.g. power, involvement, resources), often
on a 1-4 scale. A tie that carries ``trust`` or ``value`` holds its source's rating of its
target. This module averages the ratings received per group of the rated professional
(organisation, sector, domain or municipality) and per ordered pair of groups (rater's
group -> rated group).

One compiled pass over the tie columns sums the ratings (in tie order, as
:func:`numpy.bincount` would); :class:`Ratings` makes each :class:`Rating` only when it is
read, so thousands of organisation pairs cost arrays, not objects, until used.

References
----------
Varda, D. M., Chandra, A., Stern, S. A. and Lurie, N. (2008). Core dimensions of
connectivity in public health collaboratives. *J. Public Health Management and Practice*
14(5), E1-E7 (the PARTNER trust and value dimensions).

Example
-------
>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_nodes_from(["a", "b"], organisation="school")
>>> G.add_node("c", organisation="team")
>>> G.add_edge("a", "c", trust=4.0, value=3.0)
>>> G.add_edge("b", "c", trust=2.0)
>>> result = trust_value(G)
>>> result.groups["team"].trust, result.groups["team"].value, result.groups["team"].ratings
(3.0, 3.0, 2)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator, Mapping
from typing import Any, TypeVar

import networkx as nx
import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking.analysis._input import (
    GROUPINGS,
    Groups,
    InvalidArgumentError,
    as_groups,
    by_name,
)
from samenwerking.analysis._trust_kernels import rating_sums
from samenwerking.graph.compact import CompactGraph, built_compact_graph
from samenwerking.model import Organisation, Region
from samenwerking.tabular import Table, Tabular

__all__ = ["Rating", "Ratings", "TrustValue", "trust_value"]

UNKNOWN = "unknown"
"""The label of the group of professionals whose group is not known."""


_RATING_COLUMNS = ("trust", "value", "ratings", "trust_ratings", "value_ratings")


@frozen
class Rating(Tabular):
    """Mean trust and value over a set of ratings."""

    trust: float | None
    """Mean trust (``None`` when no rating carries trust)."""
    value: float | None
    """Mean value (``None`` when no rating carries value)."""
    ratings: int
    """The number of ties carrying trust, value or both."""
    trust_ratings: int
    """The number of ties carrying trust."""
    value_ratings: int
    """The number of ties carrying value."""

    def _row(self) -> tuple[object, ...]:
        return (self.trust, self.value, self.ratings, self.trust_ratings, self.value_ratings)

    def _tables(self) -> tuple[Table, ...]:
        return (Table("ratings", _RATING_COLUMNS, [self._row()], index=0),)


def _rating(counts: tuple[int, int, int], sums: tuple[float, float]) -> Rating:
    ratings, t, v = counts
    return Rating(sums[0] / t if t else None, sums[1] / v if v else None, ratings, t, v)


K = TypeVar("K", str, tuple[str, str])


class Ratings(Mapping[K, Rating]):
    """A read-only mapping of :class:`Rating` by group or pair, built from column arrays.

    What :attr:`TrustValue.groups` and :attr:`TrustValue.pairs` hold: a ``Rating`` is made
    the first time its key is looked up, so a result over many groups costs no objects
    until they are read. It equals a ``dict`` with the same items.

    Example
    -------
    >>> import numpy as np
    >>> ratings = Ratings(np.array([[2, 2, 0]]), np.array([[7.0, 0.0]]), (np.array([0]),), ("a",))
    >>> ratings["a"], dict(ratings) == {"a": Rating(3.5, None, 2, 2, 0)}
    (Rating(trust=3.5, value=None, ratings=2, trust_ratings=2, value_ratings=0), True)
    """

    __slots__ = ("_codes", "_counts", "_index", "_keys", "_labels", "_made", "_sums")

    def __init__(
        self,
        counts: npt.NDArray[np.int64],
        sums: npt.NDArray[np.float64],
        codes: tuple[npt.NDArray[np.int64], ...],
        labels: tuple[str, ...],
    ) -> None:
        self._counts, self._sums, self._codes, self._labels = counts, sums, codes, labels
        self._keys: list[K] | None = None
        self._index: dict[K, int] | None = None
        self._made: dict[int, Rating] = {}

    @property
    def counts(self) -> npt.NDArray[np.int64]:
        """Ratings, trust ratings and value ratings, one row per key (in key order)."""
        return self._counts

    def keys_list(self) -> list[K]:
        """The keys in order, as a list."""
        if self._keys is None:
            labels = self._labels
            columns = [[labels[c] for c in codes.tolist()] for codes in self._codes]
            keys: list[Any] = columns[0] if len(columns) == 1 else list(zip(*columns, strict=True))
            self._keys = keys
        return self._keys

    def rows(self) -> list[tuple[object, ...]]:
        """``(*key, trust, value, ratings, trust_ratings, value_ratings)`` per key, in order."""
        labels = self._labels
        columns = [[labels[c] for c in codes.tolist()] for codes in self._codes]
        scores = [
            [s / n if n else None for s, n in zip(sums, counts, strict=True)]
            for sums, counts in zip(
                self._sums.T.tolist(), self._counts[:, 1:].T.tolist(), strict=True
            )
        ]
        return list(zip(*columns, *scores, *self._counts.T.tolist(), strict=True))

    def __getitem__(self, key: K) -> Rating:
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self.keys_list())}
        i = self._index[key]
        made = self._made.get(i)
        if made is None:
            counts, sums = self._counts[i].tolist(), self._sums[i].tolist()
            made = self._made[i] = _rating((counts[0], counts[1], counts[2]), (sums[0], sums[1]))
        return made

    def __iter__(self) -> Iterator[K]:
        return iter(self.keys_list())

    def __len__(self) -> int:
        return len(self._counts)

    def __contains__(self, key: object) -> bool:
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self.keys_list())}
        return key in self._index

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Ratings, (self._counts, self._sums, self._codes, self._labels))


@frozen(repr=False)
class TrustValue(Tabular):
    """Trust and value received, overall, per group and per (rater group, rated group).

    ``to_frame()`` has one row per group; ``to_frames()["pairs"]`` one per pair of groups.
    """

    overall: Rating
    """Over every rated tie."""
    groups: Mapping[str, Rating] = field(factory=dict)
    """Per group of the rated professional, by label (sorted, ``"unknown"`` last)."""
    pairs: Mapping[tuple[str, str], Rating] = field(factory=dict)
    """Per ``(rater group, rated group)``, sorted. For an undirected graph the pair is
    unordered (labels sorted) and :attr:`groups` counts a rating for both ends' groups."""
    by: str = "organisation"
    """The grouping used."""

    def _tables(self) -> tuple[Table, ...]:
        return (
            Table(
                "groups",
                ("group", *_RATING_COLUMNS),
                _rows(self.groups),
            ),
            Table(
                "pairs",
                ("rater_group", "rated_group", *_RATING_COLUMNS),
                _rows(self.pairs),
                index=2,
            ),
        )

    def _notes(self) -> tuple[str, ...]:
        overall = self.overall
        return (
            f"overall trust {_shown(overall.trust)}, value {_shown(overall.value)} "
            f"over {overall.ratings} rated ties (by {self.by})",
        )

    def __repr__(self) -> str:
        return (
            f"<TrustValue by {self.by!r}: trust {_shown(self.overall.trust)}, value "
            f"{_shown(self.overall.value)}, {self.overall.ratings} ratings, "
            f"{len(self.groups)} groups>"
        )


def _rows(ratings: Mapping[Any, Rating]) -> list[tuple[object, ...]]:
    if isinstance(ratings, Ratings):
        return ratings.rows()
    return [(*(k if isinstance(k, tuple) else (k,)), *r._row()) for k, r in ratings.items()]


def _shown(score: float | None) -> str:
    return "-" if score is None else f"{score:.2f}"


def trust_value(source: Region | nx.Graph, *, by: Groups = "organisation") -> TrustValue:
    """PARTNER-style trust and value scores per group and per pair of groups.

    Parameters
    ----------
    source : Region or networkx.Graph
        A region: its ties' ``trust`` and ``value`` columns, the source rating the target;
        groups from each professional's main organisation. Or a networkx graph whose edges
        carry ``trust``/``value`` (missing or ``None``: not rated) and whose nodes carry the
        ``by`` attribute: in a ``DiGraph`` ``u`` rates ``v``; in an undirected graph a
        rating belongs to both ends.
    by : str or mapping
        The grouping: ``"organisation"`` (named by its id), ``"sector"``, ``"domain"``,
        ``"municipality"``; for a networkx graph also any other node attribute; or a
        mapping from node (professional id) to group. Group labels are text.

    Returns
    -------
    TrustValue
        Means and counts overall, per rated group and per group pair; only groups and
        pairs with at least one rating appear.

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` or a source that is neither a region nor a networkx graph.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b", {"trust": 3.0}), ("b", "a", {"trust": 1.0})])
    >>> nx.set_node_attributes(G, {"a": "care", "b": "education"}, "domain")
    >>> result = trust_value(G, by="domain")
    >>> result.pairs[("care", "education")].trust, result.overall.trust
    (3.0, 2.0)
    """
    by = as_groups(by)
    if isinstance(source, Region) and isinstance(by, str) and by not in GROUPINGS:
        raise InvalidArgumentError(
            f"cannot group by {by!r}: a region has only {', '.join(GROUPINGS)}; "
            "or pass by= a mapping from professional id to group"
        )
    if isinstance(source, Region):
        source, target, code, trust, value, labels = _from_region(source, by)
        directed = True
    elif isinstance(source, nx.Graph):
        directed = source.is_directed()
        source, target, code, trust, value, labels = _from_graph(source, by)
    else:
        raise InvalidArgumentError(
            f"trust_value needs a Region or a networkx graph, got {type(source).__name__}"
        )
    group_counts, pair_counts, group_sums, pair_sums, rater, rated = rating_sums(
        _readonly(source),
        _readonly(target),
        _readonly(code),
        len(labels),
        _readonly(trust),
        _readonly(value),
        not directed,
    )
    present = np.flatnonzero(group_counts[:-1, 0])
    whole, sums = group_counts[-1].tolist(), group_sums[-1].tolist()
    return TrustValue(
        overall=_rating((whole[0], whole[1], whole[2]), (sums[0], sums[1])),
        groups=Ratings(group_counts[present], group_sums[present], (present,), labels),
        pairs=Ratings(pair_counts, pair_sums, (rater, rated), labels),
        by=by_name(by),
    )


def _codes(values: list[str | None]) -> tuple[npt.NDArray[np.int64], tuple[str, ...]]:
    """Codes into sorted labels (``"unknown"`` last for ``None``)."""
    known = sorted({v for v in values if v is not None})
    labels = (*known, UNKNOWN)
    position = {label: i for i, label in enumerate(known)}
    codes = np.fromiter(
        (len(known) if v is None else position[v] for v in values), np.int64, len(values)
    )
    return codes, labels


def _mapped(nodes: list[Hashable], by: Mapping[Any, Any]) -> list[str | None]:
    missing = [node for node in nodes if node not in by]
    if missing:
        sample = ", ".join(repr(m) for m in missing[:5])
        raise InvalidArgumentError(
            f"by: {len(missing)} of {len(nodes)} nodes are missing from the mapping "
            f"(e.g. {sample}); map every node to a group (None for unknown)"
        )
    return [None if by[node] is None else str(by[node]) for node in nodes]


_Arrays = tuple[
    npt.NDArray[np.int32],
    npt.NDArray[np.int32],
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    tuple[str, ...],
]
"""Tie sources and targets (node positions), each node's group code, trust, value, labels."""


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """A read-only view, as the tie store's columns are: one compiled kernel serves all."""
    view = array.view()
    view.flags.writeable = False
    return view


def _from_region(region: Region, by: Groups) -> _Arrays:
    def group_of(org: Organisation) -> str:
        if by == "organisation":
            return str(org.id)
        if by == "sector":
            return str(org.sector.value)
        if by == "domain":
            return str(org.domain.value)
        return str(org.municipality)

    store = region.ties
    built = built_compact_graph(region)
    coded = None if built is None or isinstance(by, Mapping) else _graph_codes(built, by)
    if coded is not None and built is not None and store.ids == built.ids:  # node order
        codes, labels = coded
        source, target = store.source, store.target  # int32, as the kernel takes them
        return source, target, codes, store.column("trust"), store.column("value"), labels
    people = region.professionals
    ids = [p.id for p in people]
    if isinstance(by, Mapping):
        codes, labels = _codes(_mapped(list(ids), by))
    else:
        # One label per main organisation; an unknown one is still named by its id.
        org_group: dict[str, str] = {o.id: group_of(o) for o in region.organisations}
        named = by == "organisation"
        mains = [p.organisations[0] for p in people]
        distinct = list(dict.fromkeys(mains))
        where = {m: i for i, m in enumerate(distinct)}
        org_codes, labels = _codes([org_group.get(m, m if named else None) for m in distinct])
        codes = org_codes[np.fromiter(map(where.__getitem__, mains), np.int64, len(mains))]
    if store.ids != tuple(ids):  # the store's vocabulary onto professional positions
        position = {pid: i for i, pid in enumerate(ids)}
        found = np.fromiter((position.get(i, -1) for i in store.ids), np.int64, len(store.ids))
        mapped = np.full(len(found), -1, np.int64)
        mapped[found >= 0] = codes[found[found >= 0]]
        codes = mapped
    source, target = store.source, store.target  # int32, as the kernel takes them
    codes = np.ascontiguousarray(codes, np.int64)
    return source, target, codes, store.column("trust"), store.column("value"), labels


def _graph_codes(
    G: CompactGraph,  # noqa: N803
    by: str,
) -> tuple[npt.NDArray[np.int64], tuple[str, ...]] | None:
    """Codes into sorted labels (``"unknown"`` last) from a region's compact graph.

    The same codes and labels as reading each professional's main organisation; ``None``
    when the graph cannot say (a main organisation the region does not list is named by
    its id, which the graph does not keep).
    """
    codes, vocabulary = {
        "organisation": (G.organisation, G.organisations),
        "sector": (G.sector, G.sectors),
        "domain": (G.domain, G.domains),
        "municipality": (G.municipality, G.municipalities),
    }[by]
    node_codes = np.asarray(codes, np.int64)
    if by == "organisation" and len(node_codes) and int(node_codes.min()) < 0:
        return None
    present = np.flatnonzero(np.bincount(node_codes + 1, minlength=len(vocabulary) + 1)[1:])
    names = [str(vocabulary[i]) for i in present.tolist()]
    order = sorted(range(len(names)), key=names.__getitem__)
    labels = (*(names[i] for i in order), UNKNOWN)
    table = np.full(len(vocabulary) + 1, len(labels) - 1, np.int64)  # the last: code -1
    table[present[order]] = np.arange(len(order), dtype=np.int64)
    return table[node_codes], labels


def _number(x: object) -> float:
    if x is None:
        return math.nan
    if isinstance(x, bool) or not isinstance(x, int | float | np.integer | np.floating):
        raise InvalidArgumentError(f"trust and value must be numbers (got {x!r})")
    return float(x)


def _from_graph(G: nx.Graph, by: Groups) -> _Arrays:  # noqa: N803
    nodes: list[Hashable] = list(G)
    if isinstance(by, Mapping):
        codes, labels = _codes(_mapped(nodes, by))
    else:
        attribute = [G.nodes[v].get(by) for v in nodes]
        if by not in GROUPINGS and nodes and all(a is None for a in attribute):
            raise InvalidArgumentError(f"cannot group by {by!r}: no node has that attribute")
        codes, labels = _codes([None if a is None else str(a) for a in attribute])
    position = {v: i for i, v in enumerate(nodes)}
    edges = [(u, v, d) for u, v, d in G.edges(data=True) if u != v]
    arrays = (
        np.fromiter((position[u] for u, _, _ in edges), np.int32, len(edges)),
        np.fromiter((position[v] for _, v, _ in edges), np.int32, len(edges)),
        codes,
        np.fromiter((_number(d.get("trust")) for *_, d in edges), np.float64, len(edges)),
        np.fromiter((_number(d.get("value")) for *_, d in edges), np.float64, len(edges)),
    )
    return (*arrays, labels)
