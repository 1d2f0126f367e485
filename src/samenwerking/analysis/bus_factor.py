"""Bus factor of a link: how many people carry the ties between two groups.

For two groups (domains, sectors, municipalities or organisations) the *bus factor* of
their link is the smallest number of people whose leaving would cut every tie between
them. That is a minimum vertex cover of the bipartite graph of cross-group ties, whose size
equals a maximum matching (König's theorem). Every person gets one copy per group pair, so
the pairs stay apart; compiled loops (:mod:`~samenwerking.analysis._bus_factor_kernels`)
find the cross ties and match each pair (Hopcroft-Karp after a Karp-Sipser start).

References
----------
König, D. (1931). Gráfok és mátrixok. *Matematikai és Fizikai Lapok* 38, 116-119.

Example
-------
>>> import networkx as nx
>>> G = nx.Graph([("t1", "y1"), ("t2", "y1")])
>>> nx.set_node_attributes(G, {"t1": "education", "t2": "education", "y1": "care"}, "domain")
>>> link = bus_factor(G)[0]
>>> link.groups, link.bus_factor, link.single_carrier
(('care', 'education'), 1, 'y1')
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from operator import itemgetter
from typing import Any

import networkx as nx
import numpy as np
from attrs import frozen

from samenwerking.analysis._bus_factor_kernels import cross_entries, link_copies, matching_sizes
from samenwerking.analysis._input import Groups, as_compact, group_codes
from samenwerking.analysis._kernels import group_labels
from samenwerking.graph.compact import CompactGraph
from samenwerking.tabular import Table, Tabular

__all__ = ["LinkCarriers", "bus_factor"]


@frozen(repr=False)
class LinkCarriers(Tabular):
    """The people who carry the ties between two groups, and how few of them hold it up."""

    groups: tuple[str, str]
    """The two group labels, in label order."""
    pairs: int
    """Distinct pairs of people tied across the two groups."""
    ties: int
    """Ties across the two groups (several ties between one pair all count)."""
    carriers: tuple[tuple[Hashable, ...], tuple[Hashable, ...]]
    """The distinct people with a cross tie, on each side (in the order of ``groups``)."""
    bus_factor: int
    """The fewest people whose leaving cuts every tie between the groups."""
    single_carrier: Hashable | None
    """The one person the link hangs on when ``bus_factor`` is 1 (the first group's side
    when each side has one), else ``None``."""

    def _tables(self) -> tuple[Table, ...]:
        columns = ("group", "other_group", "pairs", "ties", "bus_factor", "single_carrier")
        columns_ = (*columns, "carriers", "other_carriers")
        row = (*self.groups, self.pairs, self.ties, self.bus_factor, self.single_carrier)
        return (Table("links", columns_, [(*row, *self.carriers)], index=2),)


def _people(ids: Sequence[Hashable], positions: list[int]) -> tuple[Hashable, ...]:
    """The ids at ``positions`` (picked in C, not in a Python loop)."""
    if len(positions) > 1:
        return itemgetter(*positions)(ids)  # type: ignore[no-any-return]
    return tuple(ids[i] for i in positions)


def _sorted(items: Sequence[Any]) -> tuple[Any, ...]:
    """``items`` sorted (by ``repr`` if they do not compare); fast when nearly sorted already."""
    try:
        return tuple(sorted(items))
    except TypeError:
        return tuple(sorted(items, key=repr))


def _sortable(labels: tuple[Any, ...]) -> tuple[Any, ...]:
    """The labels themselves if they sort together, else their reprs (e.g. ints and unknown)."""
    try:
        sorted(labels)
    except TypeError:
        return tuple(repr(label) for label in labels)
    return labels


def bus_factor(G: nx.Graph | CompactGraph, *, by: Groups = "domain") -> tuple[LinkCarriers, ...]:  # noqa: N803
    """For each pair of groups with ties between them, the people who carry those ties.

    Parameters
    ----------
    G : networkx.Graph or CompactGraph
        The collaboration graph (a directed graph is taken as undirected).
    by : str or mapping
        What defines the groups: ``"domain"``, ``"sector"``, ``"municipality"``,
        ``"organisation"``, any other node attribute of a networkx graph, or a mapping from
        node to group. Nodes without one form ``"unknown"``.

    Returns
    -------
    tuple of LinkCarriers
        Most fragile first: by bus factor, then fewest tied pairs, then the labels.

    Raises
    ------
    InvalidArgumentError
        If ``by`` is not a grouping.

    Example
    -------
    >>> import networkx as nx
    >>> G = nx.Graph([("a", "x"), ("b", "y")])
    >>> nx.set_node_attributes(G, {"a": "care", "b": "care", "x": "welfare", "y": "welfare"},
    ...                        "domain")
    >>> [(link.groups, link.bus_factor, link.carriers) for link in bus_factor(G)]
    [(('care', 'welfare'), 2, (('a', 'b'), ('x', 'y')))]
    """
    C = as_compact(G)  # noqa: N806
    codes, labels = group_codes(C, by, G)
    group, names = group_labels(codes, labels)
    groups = len(names)
    # Each cross tie once, oriented from the group whose label sorts first.
    keys = _sortable(names)
    rank = np.argsort(np.argsort(np.array(keys, dtype=object), kind="stable"))
    key, left, right, weight = cross_entries(
        np.asarray(C.indptr, np.int64),
        np.asarray(C.indices, np.int32),
        np.asarray(C.weight, np.float64),
        np.asarray(rank[group], np.int64),
        groups,
    )
    if not len(key):
        return ()
    # One copy of each person per group pair, on each side; a matching per pair.
    pairs, counts, ties, lptr, lperson, rptr, rperson, lcopy, rcopy = link_copies(
        key, left, right, weight, C.n_nodes, groups
    )
    matches = matching_sizes(lptr, rptr, lcopy, rcopy).tolist()
    by_rank = np.argsort(rank).tolist()
    ids = C.ids
    left_people, right_people = lperson.tolist(), rperson.tolist()
    left_bounds, right_bounds = lptr.tolist(), rptr.tolist()
    pair_counts, pair_ties = counts.tolist(), ties.tolist()
    result = []
    for at, pair in enumerate(pairs.tolist()):
        side_a = _sorted(_people(ids, left_people[left_bounds[at] : left_bounds[at + 1]]))
        side_b = _sorted(_people(ids, right_people[right_bounds[at] : right_bounds[at + 1]]))
        factor = matches[at]
        single = None
        if factor == 1:
            single = side_a[0] if len(side_a) == 1 else side_b[0]
        result.append(
            LinkCarriers(
                groups=(names[by_rank[pair // groups]], names[by_rank[pair % groups]]),
                pairs=pair_counts[at],
                ties=round(pair_ties[at]),
                carriers=(side_a, side_b),
                bus_factor=factor,
                single_carrier=single,
            )
        )
    key_of = dict(zip(names, keys, strict=True))
    result.sort(key=lambda link: (link.bus_factor, link.pairs, tuple(map(key_of.get, link.groups))))
    return tuple(result)
