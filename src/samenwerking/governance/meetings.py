"""Meetings: which ties began at a meeting, and what the meeting did to the network.

The effect of a meeting compares two versions of the region. Both leave out ties that
began after the meeting (their ``since`` is later than its date; ties without a date are
kept). *Before* also leaves out the ties met at the meeting; *after* keeps them. The
difference shows the new tied pairs (and how many cross a domain boundary), and the change
in the number of islands, the share of people in the largest island and the E-I index.

Example
-------
>>> import datetime as dt
>>> from samenwerking.model import (Meeting, Organisation, Professional, Region, Role,
...     Sector, Tie)
>>> region = Region("Dorp",
...     organisations=(Organisation("s", "School", Sector.PRIMARY_SCHOOL, "Dorp"),
...                    Organisation("c", "CJG", Sector.FAMILY_CENTRE, "Dorp")),
...     professionals=(Professional("a", "A", Role.TEACHER, ("s",)),
...                    Professional("b", "B", Role.FAMILY_COACH, ("c",))),
...     ties=[Tie("a", "b", met_at="cafe", since=dt.date(2025, 3, 1))],
...     meetings=(Meeting("cafe", "Sociaal cafe", "sociaal_cafe", dt.date(2025, 3, 1),
...                       participants=("a", "b")),))
>>> effect = meeting_effects(region)[0]
>>> effect.ties, effect.new_cross_ties, effect.islands.before, effect.islands.after
(1, 1, 2.0, 1.0)
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt
from attrs import frozen

from samenwerking.analysis._input import GROUPINGS, Groups, as_groups, by_name, group_codes
from samenwerking.analysis.change import Delta
from samenwerking.errors import InvalidArgumentError, UnknownIdError
from samenwerking.governance._common import check_region
from samenwerking.graph.compact import compact_graph
from samenwerking.model import Meeting, MeetingId, MeetingKind, ProfessionalId, Region, TieStore
from samenwerking.tabular import Table, Tabular

__all__ = [
    "MeetingEffect",
    "meeting_effect",
    "meeting_effects",
    "since_mask",
    "ties_by_meeting",
    "ties_until",
]


def since_mask(ties: TieStore, date: dt.date, *, undated: bool = True) -> npt.NDArray[np.bool_]:
    """Which ties began on or before ``date`` (ties without ``since``: ``undated``).

    Example
    -------
    >>> from samenwerking.model import Tie, TieStore
    >>> store = TieStore.from_ties([Tie("a", "b", since=dt.date(2024, 1, 1)),
    ...                             Tie("b", "c", since=dt.date(2026, 1, 1)), Tie("a", "c")])
    >>> since_mask(store, dt.date(2025, 1, 1)).tolist()
    [True, False, True]
    """
    if isinstance(date, dt.datetime) or not isinstance(date, dt.date):
        raise InvalidArgumentError(f"date must be a datetime.date (got {date!r})")
    since = ties.column("since")
    missing = np.isnat(since)
    mask: npt.NDArray[np.bool_] = np.where(
        missing, bool(undated), since <= np.datetime64(date, "D")
    )
    return mask


def ties_until(region: Region, date: dt.date, *, undated: bool = True) -> Region:
    """The region with only the ties that began on or before ``date``.

    Ties without a ``since`` date are kept, unless ``undated`` is false.

    Example
    -------
    >>> from samenwerking.model import Region, Tie
    >>> region = Region("Dorp", ties=[Tie("a", "b", since=dt.date(2024, 1, 1)), Tie("b", "c")])
    >>> len(ties_until(region, dt.date(2023, 1, 1)).ties)
    1
    """
    check_region(region, "ties_until")
    return region.replace(ties=region.ties.select(since_mask(region.ties, date, undated=undated)))


def ties_by_meeting(region: Region) -> dict[MeetingId, int]:
    """The number of ties met at each meeting, for every meeting named by a tie or the region.

    Meetings come in the region's order; meetings named only by ties follow, sorted.

    Example
    -------
    >>> from samenwerking.model import Region, Tie
    >>> ties_by_meeting(Region("Dorp", ties=[Tie("a", "b", met_at="m"), Tie("b", "c")]))
    {'m': 1}
    """
    check_region(region, "ties_by_meeting")
    store = region.ties
    met = store.column("met_at")
    counts = np.bincount(met[met >= 0], minlength=len(store.meetings)).tolist()
    found = dict(zip(store.meetings, counts, strict=True))
    out = {m.id: found.pop(m.id, 0) for m in region.meetings}
    out.update(sorted(found.items()))
    return out


@frozen(repr=False)
class MeetingEffect(Tabular):
    """What one meeting did to the network."""

    id: MeetingId
    """The meeting."""
    name: str
    """Its name."""
    kind: MeetingKind
    """Its kind."""
    date: dt.date | None
    """When it took place."""
    participants: int
    """The number of participants recorded."""
    ties: int
    """Ties recorded as met at this meeting."""
    new_pairs: tuple[tuple[str, str], ...]
    """Tied pairs of professionals that exist only thanks to the meeting (ids sorted)."""
    new_cross_ties: int
    """Of those, the pairs whose ends belong to different groups (see :attr:`by`)."""
    islands: Delta
    """The number of islands (isolates included), before and after."""
    largest_share: Delta
    """The share of professionals in the largest island, before and after."""
    ei: Delta
    """The whole-network E-I index, before and after."""
    by: str = "domain"
    """The grouping for cross ties and the E-I index."""

    def __str__(self) -> str:
        return (
            f"{self.name}: {len(self.new_pairs)} new tied pair(s), {self.new_cross_ties} "
            f"across {self.by}s; islands {self.islands.before:.0f} -> {self.islands.after:.0f}"
        )

    def _tables(self) -> tuple[Table, ...]:
        columns = (
            "meeting",
            "name",
            "kind",
            "date",
            "participants",
            "ties",
            "new_pairs",
            "new_cross_ties",
            "islands_before",
            "islands_after",
            "largest_share_before",
            "largest_share_after",
            "ei_before",
            "ei_after",
        )
        row = (
            self.id,
            self.name,
            self.kind,
            self.date,
            self.participants,
            self.ties,
            len(self.new_pairs),
            self.new_cross_ties,
            self.islands.before,
            self.islands.after,
            self.largest_share.before,
            self.largest_share.after,
            self.ei.before,
            self.ei.after,
        )
        return (Table("meetings", columns, [row]),)


def _find(region: Region, meeting: str | Meeting) -> Meeting:
    if isinstance(meeting, Meeting):
        return meeting
    for found in region.meetings:
        if found.id == meeting:
            return found
    raise UnknownIdError("meeting", str(meeting), [m.id for m in region.meetings])


def _check_by(by: object) -> Groups:
    groups = as_groups(by)
    if isinstance(groups, str) and groups not in GROUPINGS:
        raise InvalidArgumentError(
            f"cannot group by {groups!r}: a region has only {', '.join(GROUPINGS)}; "
            "or pass by= a mapping from professional id to group"
        )
    return groups


class _Network:
    """What the effects of all meetings of a region share, built once.

    The ties that join two different known professionals, in the order of their pair key
    ``low * n + high`` (node positions), with their ``since`` and ``met_at`` codes; each
    node's group code for ``by``; and each node's rank among the ids sorted as text.
    A snapshot is then a boolean mask over these ties: its distinct tied pairs are the
    masked keys that differ from their predecessor, with no sorting per meeting.
    """

    def __init__(self, region: Region, by: Groups) -> None:
        professionals = region.professionals
        n = len(professionals)
        self.n = n
        self.ids: tuple[ProfessionalId, ...] = tuple(p.id for p in professionals)
        # Node attributes as compact_graph codes them (main organisation), without the ties.
        nodes = compact_graph(region.replace(ties=TieStore.empty()))
        self.group = group_codes(nodes, by)[0].astype(np.int64)
        self.rank = np.empty(n, np.int64)
        self.rank[sorted(range(n), key=lambda i: str(self.ids[i]))] = np.arange(n)

        store = region.ties
        met = store.column("met_at").astype(np.int64)
        # Ties recorded at each meeting code (unknown people and self loops included).
        self.recorded = np.bincount(met[met >= 0], minlength=len(store.meetings))
        self.meeting_code = {m: i for i, m in enumerate(store.meetings)}
        if store.ids == self.ids:
            source, target = store.source.astype(np.int64), store.target.astype(np.int64)
        else:
            position = {pid: i for i, pid in enumerate(self.ids)}
            remap = np.fromiter((position.get(i, -1) for i in store.ids), np.int64, len(store.ids))
            source = remap[store.source] if len(store) else np.empty(0, np.int64)
            target = remap[store.target] if len(store) else np.empty(0, np.int64)
        valid = np.flatnonzero((source >= 0) & (target >= 0) & (source != target))
        width = np.int64(max(n, 1))
        key = np.minimum(source[valid], target[valid]) * width + np.maximum(
            source[valid], target[valid]
        )
        order = np.argsort(key, kind="stable")
        rows = valid[order]
        self.key = key[order]
        self.low, self.high = np.divmod(self.key, width)
        self.met = met[rows]
        since = store.column("since")[rows]
        self.since = since
        self.undated = np.isnat(since)

    def in_time(self, date: dt.date | None) -> npt.NDArray[np.bool_]:
        """Ties that began on or before ``date`` (undated ties, and every tie for ``None``)."""
        if date is None:
            return np.ones(len(self.key), bool)
        if isinstance(date, dt.datetime) or not isinstance(date, dt.date):
            raise InvalidArgumentError(f"meeting date must be a datetime.date (got {date!r})")
        kept: npt.NDArray[np.bool_] = self.undated | (self.since <= np.datetime64(date, "D"))
        return kept

    def effect(self, meeting: Meeting, by: Groups) -> MeetingEffect:
        """The effect of one meeting (see :func:`meeting_effect`)."""
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import connected_components

        n = self.n
        code = self.meeting_code.get(meeting.id, -2)
        recorded = int(self.recorded[code]) if code >= 0 else 0
        at = self.met == code
        before = self.in_time(meeting.date) & ~at
        # Distinct tied pairs before: keys are sorted, so a masked key is new when it
        # differs from the previous masked key.
        keys = self.key[before]
        first = np.ones(len(keys), bool)
        first[1:] = keys[1:] != keys[:-1]
        picked = np.flatnonzero(before)[first]
        low, high = self.low[picked], self.high[picked]
        # After = before plus the ties met at the meeting; the new pairs are those of the
        # meeting's ties that were not tied before.
        met_keys = np.unique(self.key[at])
        new = met_keys[~_sorted_contains(keys, met_keys)]
        new_low, new_high = np.divmod(new, np.int64(max(n, 1)))

        same_before = int((self.group[low] == self.group[high]).sum())
        new_same = int((self.group[new_low] == self.group[new_high]).sum())
        ei_before = _ei(len(low) - same_before, same_before)
        ei_after = _ei(len(low) + len(new) - same_before - new_same, same_before + new_same)

        if n:
            indptr = np.zeros(n + 1, np.int64)
            np.cumsum(np.bincount(low, minlength=n), out=indptr[1:])
            graph = csr_matrix((np.ones(len(high), np.int8), high, indptr), shape=(n, n))
            count, label = connected_components(graph, directed=False)
            sizes = np.bincount(label, minlength=count)
            # Islands after: the islands before, joined by the new pairs.
            joined = csr_matrix(
                (np.ones(len(new), np.int8), (label[new_low], label[new_high])),
                shape=(count, count),
            )
            merged_count, merged = connected_components(joined, directed=False)
            merged_sizes = np.bincount(merged, weights=sizes, minlength=merged_count)
            islands = Delta(float(count), float(merged_count))
            largest = Delta(int(sizes.max()) / n, int(merged_sizes.max()) / n)
        else:
            islands, largest = Delta(0.0, 0.0), Delta(0.0, 0.0)

        # New pairs as sorted ids, ordered by (first id, second id) compared as text.
        swap = self.rank[new_low] > self.rank[new_high]
        first_node = np.where(swap, new_high, new_low)
        second_node = np.where(swap, new_low, new_high)
        order = np.lexsort((self.rank[second_node], self.rank[first_node]))
        ids = self.ids
        pairs = tuple(
            (str(ids[a]), str(ids[b]))
            for a, b in zip(first_node[order].tolist(), second_node[order].tolist(), strict=True)
        )
        return MeetingEffect(
            meeting.id,
            meeting.name,
            meeting.kind,
            meeting.date,
            len(meeting.participants),
            recorded,
            pairs,
            len(new) - new_same,
            islands,
            largest,
            Delta(ei_before, ei_after),
            by_name(by),
        )


def _sorted_contains(
    pool: npt.NDArray[np.int64], values: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """Whether each value occurs in the sorted array ``pool``."""
    if not len(pool):
        return np.zeros(len(values), bool)
    at = np.minimum(np.searchsorted(pool, values), len(pool) - 1)
    found: npt.NDArray[np.bool_] = pool[at] == values
    return found


def _ei(external: int, internal: int) -> float | None:
    """``(E - I) / (E + I)``, or ``None`` without ties (as :func:`~samenwerking.ei_index`)."""
    total = float(external) + float(internal)
    return (float(external) - float(internal)) / total if total else None


def meeting_effect(
    region: Region, meeting: str | Meeting, *, by: Groups = "domain"
) -> MeetingEffect:
    """The ties a meeting brought and its effect on islands and the E-I index.

    Parameters
    ----------
    region : Region
        The region.
    meeting : str or Meeting
        The meeting, or its id.
    by : str or mapping
        ``"domain"``, ``"sector"``, ``"municipality"``, ``"organisation"``, or a mapping from
        professional id to group: the grouping for cross ties and the E-I index.

    Returns
    -------
    MeetingEffect
        The ties met there, the new tied pairs (and cross-group ones), and islands,
        largest-island share and E-I index before and after (see the module's rule).

    Raises
    ------
    UnknownIdError
        For a meeting id the region does not have.
    InvalidArgumentError
        For an unknown ``by``.

    Example
    -------
    >>> from samenwerking.model import Meeting, Region
    >>> effect = meeting_effect(Region("Dorp", meetings=(Meeting("m", "M", "conference"),)), "m")
    >>> effect.ties, effect.new_pairs, effect.islands.change
    (0, (), 0.0)
    """
    check_region(region, "meeting_effect")
    by = _check_by(by)
    found = _find(region, meeting)
    return _Network(region, by).effect(found, by)


def meeting_effects(region: Region, *, by: Groups = "domain") -> tuple[MeetingEffect, ...]:
    """The effect of every meeting of the region, in the region's order.

    See :func:`meeting_effect`. What all meetings share (the tie ends, their pair keys
    sorted once, the node groups) is built once, so each further meeting costs two
    passes over the ties and one connected-components search.

    Example
    -------
    >>> from samenwerking.model import Region
    >>> meeting_effects(Region("Dorp"))
    ()
    """
    check_region(region, "meeting_effects")
    by = _check_by(by)
    if not region.meetings:
        return ()
    network = _Network(region, by)
    return tuple(network.effect(m, by) for m in region.meetings)
