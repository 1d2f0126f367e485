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

from samenwerking.analysis._input import GROUPINGS
from samenwerking.analysis.change import Delta, compare
from samenwerking.analysis.islands import islands
from samenwerking.errors import UnknownIdError
from samenwerking.governance._common import InvalidArgumentError, check_region
from samenwerking.graph.compact import compact_graph
from samenwerking.model import Meeting, MeetingId, MeetingKind, Region, TieStore

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


@frozen
class MeetingEffect:
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


def _find(region: Region, meeting: str | Meeting) -> Meeting:
    if isinstance(meeting, Meeting):
        return meeting
    for found in region.meetings:
        if found.id == meeting:
            return found
    raise UnknownIdError("meeting", str(meeting), [m.id for m in region.meetings])


def meeting_effect(region: Region, meeting: str | Meeting, *, by: str = "domain") -> MeetingEffect:
    """The ties a meeting brought and its effect on islands and the E-I index.

    Parameters
    ----------
    region : Region
        The region.
    meeting : str or Meeting
        The meeting, or its id.
    by : {"domain", "sector", "municipality", "organisation"}
        The grouping for cross ties and the E-I index.

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
    if by not in GROUPINGS:
        raise InvalidArgumentError(f"cannot group by {by!r}; choose from {', '.join(GROUPINGS)}")
    found = _find(region, meeting)
    store = region.ties
    met = store.column("met_at")
    code = store.meetings.index(found.id) if found.id in store.meetings else -2
    at_meeting = met == code
    base = since_mask(store, found.date) if found.date is not None else np.ones(len(store), bool)
    before = region.replace(ties=store.select(base & ~at_meeting))
    after = region.replace(ties=store.select(base | at_meeting))
    change = compare(before, after, by=by)
    old, new = islands(compact_graph(before)), islands(compact_graph(after))
    return MeetingEffect(
        found.id,
        found.name,
        found.kind,
        found.date,
        len(found.participants),
        int(at_meeting.sum()),
        change.new_pairs,
        sum(n for (a, b), n in change.new_by_pair.items() if a != b),
        Delta(float(len(old)), float(len(new))),
        Delta(old.share_in_largest, new.share_in_largest),
        change.ei,
        by,
    )


def meeting_effects(region: Region, *, by: str = "domain") -> tuple[MeetingEffect, ...]:
    """The effect of every meeting of the region, in the region's order.

    See :func:`meeting_effect`.

    Example
    -------
    >>> from samenwerking.model import Region
    >>> meeting_effects(Region("Dorp"))
    ()
    """
    check_region(region, "meeting_effects")
    return tuple(meeting_effect(region, m, by=by) for m in region.meetings)
