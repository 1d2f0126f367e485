"""Change over time: compare two snapshots of a region.

What changed between ``before`` and ``after``: which tied pairs of professionals are new
and which were lost (overall and per group pair), who joined and who left, which islands
merged or split, and how the E-I index and density moved, whole and per group pair.

Example
-------
>>> from samenwerking.synthetic import region
>>> before = region(300, seed=1)
>>> after = before.replace(ties=before.ties.select(range(2000)))
>>> change = compare(before, after)
>>> change.new_ties, change.lost_ties > 0, change.density.change < 0
(0, True, True)
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import cast

import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking.analysis._ei_kernels import pair_keys, sorted_in
from samenwerking.analysis._input import (
    GROUPINGS,
    Groups,
    InvalidArgumentError,
    as_groups,
    by_name,
)
from samenwerking.analysis._text_order import ids_ascending
from samenwerking.analysis.cohesion import density, density_between
from samenwerking.analysis.islands import Island, island_labels, islands
from samenwerking.analysis.mixing import (
    _ei_index,
    dense_groups,
    mixing_matrix,
    unique_counts,
)
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.model import Region
from samenwerking.tabular import Table, Tabular

__all__ = ["Change", "Delta", "IslandMerge", "IslandSplit", "compare"]


_DELTA = ("before", "after", "change")


@frozen
class Delta(Tabular):
    """A measure before and after (``None`` where it is not defined)."""

    before: float | None
    """The value in the earlier snapshot."""
    after: float | None
    """The value in the later snapshot."""

    @property
    def change(self) -> float | None:
        """``after - before``, or ``None`` if either is missing."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    def _row(self) -> tuple[object, ...]:
        return (self.before, self.after, self.change)

    def _tables(self) -> tuple[Table, ...]:
        return (Table("delta", _DELTA, [self._row()], index=0),)


def _island_row(island: Island, others: tuple[Island, ...]) -> tuple[object, ...]:
    return (
        island.members[0] if island.members else None,
        island.size,
        tuple(i.size for i in others),
    )


@frozen
class IslandMerge(Tabular):
    """An island of ``after`` whose members came from two or more islands of ``before``."""

    island: Island
    """The island in ``after``."""
    sources: tuple[Island, ...]
    """The islands of ``before`` its members came from, largest first."""

    def _tables(self) -> tuple[Table, ...]:
        row = _island_row(self.island, self.sources)
        return (Table("merged", ("first_member", "size", "source_sizes"), [row]),)


@frozen
class IslandSplit(Tabular):
    """An island of ``before`` whose members now sit in two or more islands of ``after``."""

    island: Island
    """The island in ``before``."""
    parts: tuple[Island, ...]
    """The islands of ``after`` its members sit in, largest first."""

    def _tables(self) -> tuple[Table, ...]:
        row = _island_row(self.island, self.parts)
        return (Table("split", ("first_member", "size", "part_sizes"), [row]),)


@frozen(repr=False)
class Change(Tabular):
    """Everything that changed between two snapshots of a region.

    ``to_frame()`` has one row per pair of groups (new and lost ties, E-I index and density
    before and after); ``to_frames()`` adds the groups, the tie pairs and the islands.
    """

    by: str
    """The grouping used for group pairs."""
    new_pairs: tuple[tuple[str, str], ...]
    """Tied pairs of professionals in ``after`` but not in ``before`` (ids sorted)."""
    lost_pairs: tuple[tuple[str, str], ...]
    """Tied pairs in ``before`` but not in ``after`` (ids sorted)."""
    new_by_pair: dict[tuple[str, str], int]
    """New tied pairs per group pair (groups in ``after``, labels sorted)."""
    lost_by_pair: dict[tuple[str, str], int]
    """Lost tied pairs per group pair (groups in ``before``, labels sorted)."""
    added: tuple[str, ...]
    """Professionals in ``after`` only, sorted."""
    removed: tuple[str, ...]
    """Professionals in ``before`` only, sorted."""
    merged: tuple[IslandMerge, ...]
    """Islands of ``after`` drawing members from two or more earlier islands."""
    split: tuple[IslandSplit, ...]
    """Islands of ``before`` whose remaining members sit in two or more later islands."""
    ei: Delta
    """The whole-network E-I index."""
    density: Delta
    """The whole-network density."""
    ei_by_group: dict[str, Delta] = field(factory=dict)
    """The E-I index of each group (its outside ties against its inside ties)."""
    ei_by_pair: dict[tuple[str, str], Delta] = field(factory=dict)
    """For each pair of groups ``(a, b)``, ``a < b``: the E-I index of the ties that touch
    only ``a`` and ``b`` (``a-b`` ties external, ``a-a`` and ``b-b`` ties internal)."""
    density_by_pair: dict[tuple[str, str], Delta] = field(factory=dict)
    """Density between (and, for ``(a, a)``, inside) groups, labels sorted."""

    @property
    def new_ties(self) -> int:
        """The number of new tied pairs."""
        return len(self.new_pairs)

    @property
    def lost_ties(self) -> int:
        """The number of lost tied pairs."""
        return len(self.lost_pairs)

    def _tables(self) -> tuple[Table, ...]:
        keys = sorted(
            set(self.new_by_pair)
            | set(self.lost_by_pair)
            | set(self.ei_by_pair)
            | set(self.density_by_pair)
        )
        nothing = Delta(None, None)
        pairs = [
            (
                *key,
                self.new_by_pair.get(key, 0),
                self.lost_by_pair.get(key, 0),
                *self.ei_by_pair.get(key, nothing)._row(),
                *self.density_by_pair.get(key, nothing)._row(),
            )
            for key in keys
        ]
        columns: tuple[str, ...] = ("group", "other_group", "new_ties", "lost_ties")
        columns += tuple(f"ei_{c}" for c in _DELTA) + tuple(f"density_{c}" for c in _DELTA)
        ties = [(*p, "new") for p in self.new_pairs] + [(*p, "lost") for p in self.lost_pairs]
        people = [(p, "added") for p in self.added] + [(p, "removed") for p in self.removed]
        islands = [(*_island_row(m.island, m.sources), "merged") for m in self.merged]
        islands += [(*_island_row(s.island, s.parts), "split") for s in self.split]
        return (
            Table("pairs", columns, pairs, index=2),
            Table(
                "groups",
                ("group", *(f"ei_{c}" for c in _DELTA)),
                [(g, *d._row()) for g, d in self.ei_by_group.items()],
            ),
            Table("ties", ("node", "other_node", "change"), ties, index=2),
            Table("people", ("node", "change"), people),
            Table("islands", ("first_member", "size", "other_sizes", "change"), islands),
        )

    def _notes(self) -> tuple[str, ...]:
        return (
            f"{self.new_ties} new and {self.lost_ties} lost tied pairs; "
            f"{len(self.added)} people added, {len(self.removed)} removed",
            f"E-I index {_delta(self.ei)}; density {_delta(self.density)} (by {self.by})",
        )

    def __repr__(self) -> str:
        return (
            f"<Change by {self.by!r}: {self.new_ties} new ties, {self.lost_ties} lost, "
            f"{len(self.added)} added, {len(self.removed)} removed, {len(self.merged)} merged "
            f"and {len(self.split)} split islands>"
        )


def _delta(delta: Delta) -> str:
    def shown(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"

    return f"{shown(delta.before)} -> {shown(delta.after)}"


def compare(before: Region, after: Region, *, by: Groups = "domain") -> Change:
    """Compare two snapshots of a region.

    Parameters
    ----------
    before, after : Region
        The earlier and the later snapshot; professionals are matched by id.
    by : str or mapping
        The grouping for per-group and per-pair figures: ``"domain"``, ``"sector"``,
        ``"municipality"``, ``"organisation"``, or a mapping from professional id to group
        that covers the professionals of both snapshots.

    Returns
    -------
    Change
        New and lost tied pairs (a pair of professionals is tied when one or more ties join
        them), professionals added and removed, merged and split islands, and the E-I index
        and density before and after, whole, per group and per group pair.

    Raises
    ------
    InvalidArgumentError
        For an unknown ``by`` or arguments that are not regions.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(200, seed=2)
    >>> same = compare(r, r)
    >>> same.new_ties, same.lost_ties, same.merged, same.split, same.ei.change
    (0, 0, (), (), 0.0)
    """
    by = as_groups(by)
    if isinstance(by, str) and by not in GROUPINGS:
        raise InvalidArgumentError(
            f"cannot group by {by!r}: a region has only {', '.join(GROUPINGS)}; "
            "or pass by= a mapping from professional id to group"
        )
    if not isinstance(before, Region) or not isinstance(after, Region):
        raise InvalidArgumentError(
            f"compare needs two Regions, got {type(before).__name__} and {type(after).__name__}"
        )
    old, new = compact_graph(before), compact_graph(after)
    same_people = old.ids == new.ids  # the usual case: nothing to match by id
    names, old_code, new_code = _shared_places(old, new, same_people)
    old_edges = _Edges(old, old_code, len(names), by)
    new_edges = _Edges(new, new_code, len(names), by)
    gained = ~sorted_in(new_edges.key, old_edges.key)
    lost = ~sorted_in(old_edges.key, new_edges.key)
    added, removed = ((), ()) if same_people else _added_and_removed(old, new)

    merged, split = _island_changes(old, new, same_people)
    old_ei = _ei_index(old, by, with_nodes=False)
    new_ei = _ei_index(new, by, with_nodes=False)
    groups = sorted(set(old_ei.groups) | set(new_ei.groups))
    old_density, new_density = density_between(old, by=by), density_between(new, by=by)
    old_pair_ei, new_pair_ei = _pair_ei(old, by), _pair_ei(new, by)
    return Change(
        by=by_name(by),
        new_pairs=new_edges.pairs(gained, names),
        lost_pairs=old_edges.pairs(lost, names),
        new_by_pair=new_edges.by_pair(gained),
        lost_by_pair=old_edges.by_pair(lost),
        added=added,
        removed=removed,
        merged=merged,
        split=split,
        ei=Delta(_defined(old_ei.value), _defined(new_ei.value)),
        density=Delta(density(old), density(new)),
        ei_by_group={g: Delta(old_ei.groups.get(g), new_ei.groups.get(g)) for g in groups},
        ei_by_pair=_deltas(old_pair_ei, new_pair_ei),
        density_by_pair=_deltas(
            {_sorted_pair(p): v for p, v in old_density.items()},
            {_sorted_pair(p): v for p, v in new_density.items()},
        ),
    )


def _defined(value: float) -> float | None:
    return None if np.isnan(value) else value


def _sorted_pair(pair: tuple[str, str]) -> tuple[str, str]:
    a, b = pair
    return (a, b) if a <= b else (b, a)


def _deltas(
    old: dict[tuple[str, str], float], new: dict[tuple[str, str], float]
) -> dict[tuple[str, str], Delta]:
    return {p: Delta(old.get(p), new.get(p)) for p in sorted(set(old) | set(new))}


def _shared_places(
    old: CompactGraph, new: CompactGraph, same_people: bool
) -> tuple[Sequence[str], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Both snapshots' ids as sorted text, and each node's place among them, per snapshot."""
    if same_people and ids_ascending(old.ids):  # the same sorted text ids: usual
        place = np.arange(old.n_nodes, dtype=np.int64)
        return cast("tuple[str, ...]", old.ids), place, place
    names = sorted({str(i) for i in old.ids} | {str(i) for i in new.ids})
    position = {name: i for i, name in enumerate(names)}
    return (
        names,
        np.fromiter((position[str(i)] for i in old.ids), np.int64, old.n_nodes),
        np.fromiter((position[str(i)] for i in new.ids), np.int64, new.n_nodes),
    )


def _added_and_removed(
    old: CompactGraph, new: CompactGraph
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids (as text, sorted) only in ``new`` and only in ``old``."""
    old_ids, new_ids = {str(i) for i in old.ids}, {str(i) for i in new.ids}
    return tuple(sorted(new_ids - old_ids)), tuple(sorted(old_ids - new_ids))


class _Edges:
    """The tied pairs of one snapshot, keyed by places in a shared sorted id list (ascending)."""

    def __init__(
        self,
        G: CompactGraph,  # noqa: N803
        code: npt.NDArray[np.int64],
        places: int,
        by: Groups,
    ) -> None:
        indptr = np.ascontiguousarray(G.indptr, np.int64)
        indices = np.ascontiguousarray(G.indices, np.int32)
        self.width = np.int64(max(places, 1))
        self.key = pair_keys(indptr, indices, code, int(self.width))
        self.key.sort()  # ascending (in place): two snapshots' keys then merge
        group, self.labels = dense_groups(G, by)
        rank = np.empty(len(self.labels), np.int64)
        rank[sorted(range(len(self.labels)), key=self.labels.__getitem__)] = np.arange(
            len(self.labels)
        )
        self.rank_at = np.zeros(places, np.int64)  # group rank by shared place
        self.rank_at[code] = rank[group]
        self.sorted_labels = sorted(self.labels)

    def pairs(
        self, pick: npt.NDArray[np.bool_], names: Sequence[str]
    ) -> tuple[tuple[str, str], ...]:
        """The picked pairs as sorted id pairs, in sorted order."""
        low, high = np.divmod(self.key[pick], self.width)  # the keys ascend
        return tuple((names[a], names[b]) for a, b in zip(low.tolist(), high.tolist(), strict=True))

    def by_pair(self, pick: npt.NDArray[np.bool_]) -> dict[tuple[str, str], int]:
        """The picked pairs counted per pair of group labels (sorted)."""
        k = np.int64(max(len(self.labels), 1))
        low, high = np.divmod(self.key[pick], self.width)
        a, b = self.rank_at[low], self.rank_at[high]
        codes, counts = unique_counts(np.minimum(a, b) * k + np.maximum(a, b))
        labels = self.sorted_labels
        return {
            (labels[c // k], labels[c % k]): n
            for c, n in zip(codes.tolist(), counts.tolist(), strict=True)
        }


def _pair_ei(G: CompactGraph, by: Groups) -> dict[tuple[str, str], float]:  # noqa: N803
    """E-I index of the ties among each pair of groups (``a-b`` external, inside internal)."""
    matrix = mixing_matrix(G, by=by)
    counts, labels = matrix.counts, matrix.labels
    out: dict[tuple[str, str], float] = {}
    for i in range(len(labels)):
        for j in range(i + 1, len(labels)):
            external = int(counts[i, j])
            internal = (int(counts[i, i]) + int(counts[j, j])) // 2
            if external + internal:
                out[_sorted_pair((labels[i], labels[j]))] = (external - internal) / (
                    external + internal
                )
    return out


def _island_changes(
    old: CompactGraph, new: CompactGraph, same_people: bool
) -> tuple[tuple[IslandMerge, ...], tuple[IslandSplit, ...]]:
    old_label, new_label = island_labels(old), island_labels(new)
    if same_people:  # no positions to look up
        a, b = old_label, new_label
    else:
        old_position = {node: i for i, node in enumerate(old.ids)}
        common: list[Hashable] = [node for node in new.ids if node in old_position]
        new_position = {node: i for i, node in enumerate(new.ids)}
        a = old_label[[old_position[c] for c in common]] if common else np.empty(0, np.int64)
        b = new_label[[new_position[c] for c in common]] if common else np.empty(0, np.int64)
    old_count, new_count = int(old_label.max(initial=-1)) + 1, int(new_label.max(initial=-1)) + 1
    width = np.int64(max(old_count, 1))
    links = unique_counts(b * width + a)[0]  # distinct (new island, old island) pairs
    later, earlier = np.divmod(links, width)
    merging = np.flatnonzero(np.bincount(later, minlength=new_count) >= 2).tolist()
    splitting = np.flatnonzero(np.bincount(earlier, minlength=old_count) >= 2).tolist()
    if not merging and not splitting:  # the usual case: no Island needs to be built
        return (), ()
    old_islands, new_islands = islands(old).islands, islands(new).islands
    merged = tuple(
        IslandMerge(
            new_islands[island],
            tuple(old_islands[s] for s in earlier[later == island].tolist()),  # largest first
        )
        for island in merging
    )
    split = tuple(
        IslandSplit(
            old_islands[island],
            tuple(new_islands[p] for p in np.sort(later[earlier == island]).tolist()),
        )
        for island in splitting
    )
    return merged, split
