"""Trust and value: PARTNER-style scores aggregated per group and per pair of groups.

In a PARTNER survey each respondent rates the partners they work with on *trust* (e.g.
reliability, mission, openness) and *value* (e.g. power, involvement, resources), often
on a 1-4 scale. A tie that carries ``trust`` or ``value`` holds its source's rating of its
target. This module averages the ratings received per group of the rated professional
(organisation, sector, domain or municipality) and per ordered pair of groups (rater's
group -> rated group).

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
from collections.abc import Hashable, Mapping
from typing import Any

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
from samenwerking.model import Organisation, Region
from samenwerking.tabular import Table, Tabular

__all__ = ["Rating", "TrustValue", "trust_value"]

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


@frozen(repr=False)
class TrustValue(Tabular):
    """Trust and value received, overall, per group and per (rater group, rated group).

    ``to_frame()`` has one row per group; ``to_frames()["pairs"]`` one per pair of groups.
    """

    overall: Rating
    """Over every rated tie."""
    groups: dict[str, Rating] = field(factory=dict)
    """Per group of the rated professional, by label (sorted, ``"unknown"`` last)."""
    pairs: dict[tuple[str, str], Rating] = field(factory=dict)
    """Per ``(rater group, rated group)``, sorted. For an undirected graph the pair is
    unordered (labels sorted) and :attr:`groups` counts a rating for both ends' groups."""
    by: str = "organisation"
    """The grouping used."""

    def _tables(self) -> tuple[Table, ...]:
        return (
            Table(
                "groups",
                ("group", *_RATING_COLUMNS),
                [(g, *r._row()) for g, r in self.groups.items()],
            ),
            Table(
                "pairs",
                ("rater_group", "rated_group", *_RATING_COLUMNS),
                [(*pair, *r._row()) for pair, r in self.pairs.items()],
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
        rater, rated, trust, value, labels = _from_region(source, by)
        directed = True
    elif isinstance(source, nx.Graph):
        rater, rated, trust, value, labels = _from_graph(source, by)
        directed = source.is_directed()
    else:
        raise InvalidArgumentError(
            f"trust_value needs a Region or a networkx graph, got {type(source).__name__}"
        )
    keep = ~(np.isnan(trust) & np.isnan(value))
    rater, rated, trust, value = rater[keep], rated[keep], trust[keep], value[keep]
    k = len(labels)
    if not directed:  # unordered pairs: smaller code first
        rater, rated = np.minimum(rater, rated), np.maximum(rater, rated)
        both = rater != rated
        group_key = np.concatenate([rated, rater[both]])
        group_trust = np.concatenate([trust, trust[both]])
        group_value = np.concatenate([value, value[both]])
    else:
        group_key, group_trust, group_value = rated, trust, value
    groups = _aggregate(group_key, group_trust, group_value, k)
    pairs = _aggregate(rater * k + rated, trust, value, k * k)
    return TrustValue(
        overall=_aggregate(np.zeros(len(trust), np.int64), trust, value, 1).get(0)
        or Rating(None, None, 0, 0, 0),
        groups={labels[g]: r for g, r in groups.items()},
        pairs={(labels[p // k], labels[p % k]): r for p, r in pairs.items()},
        by=by_name(by),
    )


def _aggregate(
    key: npt.NDArray[np.int64],
    trust: npt.NDArray[np.float64],
    value: npt.NDArray[np.float64],
    size: int,
) -> dict[int, Rating]:
    # Compress the keys first: ``size`` may be the square of thousands of organisations.
    present, key = np.unique(key, return_inverse=True)
    size = len(present)
    has_trust, has_value = ~np.isnan(trust), ~np.isnan(value)
    count = np.bincount(key, minlength=size)
    trust_count = np.bincount(key, weights=has_trust, minlength=size)
    value_count = np.bincount(key, weights=has_value, minlength=size)
    trust_sum = np.bincount(key, weights=np.where(has_trust, trust, 0.0), minlength=size)
    value_sum = np.bincount(key, weights=np.where(has_value, value, 0.0), minlength=size)
    out: dict[int, Rating] = {}
    for g, name in enumerate(present.tolist()):
        t, v = int(trust_count[g]), int(value_count[g])
        out[name] = Rating(
            trust=float(trust_sum[g] / t) if t else None,
            value=float(value_sum[g] / v) if v else None,
            ratings=int(count[g]),
            trust_ratings=t,
            value_ratings=v,
        )
    return out


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


def _from_region(
    region: Region, by: Groups
) -> tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    tuple[str, ...],
]:
    def group_of(org: Organisation) -> str:
        if by == "organisation":
            return str(org.id)
        if by == "sector":
            return str(org.sector.value)
        if by == "domain":
            return str(org.domain.value)
        return str(org.municipality)

    # One label per organisation; an unknown main organisation is still named by its id.
    org_group: dict[str, str] = {o.id: group_of(o) for o in region.organisations}

    store = region.ties
    named = by == "organisation"
    main = {
        p.id: org_group.get(p.organisation, p.organisation if named else None)
        for p in region.professionals
    }
    values = [main.get(i) for i in store.ids]
    if isinstance(by, Mapping):
        people = [p.id for p in region.professionals]
        groups = dict(zip(people, _mapped(list(people), by), strict=True))
        values = [groups.get(i) for i in store.ids]
    codes, labels = _codes(values)
    known = np.fromiter((i in main for i in store.ids), bool, len(store.ids))
    source, target = store.source, store.target
    keep = known[source] & known[target] & (source != target) if len(store) else np.zeros(0, bool)
    return (
        codes[source[keep]] if len(store) else np.empty(0, np.int64),
        codes[target[keep]] if len(store) else np.empty(0, np.int64),
        store.column("trust")[keep],
        store.column("value")[keep],
        labels,
    )


def _number(x: object) -> float:
    if x is None:
        return math.nan
    if isinstance(x, bool) or not isinstance(x, int | float | np.integer | np.floating):
        raise InvalidArgumentError(f"trust and value must be numbers (got {x!r})")
    return float(x)


def _from_graph(
    G: nx.Graph,  # noqa: N803
    by: Groups,
) -> tuple[
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    tuple[str, ...],
]:
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
    return (
        codes[np.fromiter((position[u] for u, _, _ in edges), np.int64, len(edges))],
        codes[np.fromiter((position[v] for _, v, _ in edges), np.int64, len(edges))],
        np.fromiter((_number(d.get("trust")) for *_, d in edges), np.float64, len(edges)),
        np.fromiter((_number(d.get("value")) for *_, d in edges), np.float64, len(edges)),
        labels,
    )
