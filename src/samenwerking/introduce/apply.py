"""Apply introductions to a copy of a region and measure the improvement.

Example
-------
>>> from samenwerking.introduce.result import Introduction, Introductions
>>> from samenwerking.synthetic import region
>>> before = region(200, seed=1, ties_per_professional=1)
>>> a, b = before.professionals[0].id, before.professionals[-1].id
>>> after = apply_introductions(before, Introductions((Introduction(a, b, 1.0, ""),), "x"))
>>> len(after.ties) - len(before.ties), len(before.ties) == len(before.ties)
(1, True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import combinations

from attrs import frozen

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.bus_factor import bus_factor
from samenwerking.analysis.islands import islands
from samenwerking.analysis.mixing import ei_index
from samenwerking.analysis.reach import nearest_contact
from samenwerking.errors import UnknownIdError
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.introduce._pick import positive
from samenwerking.introduce.reach import EXPERT_SECTORS
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.model import Region, Sector, Tie, TieKind, TieStore

__all__ = ["Improvement", "apply_introductions", "improvement", "min_bus_factor"]


def apply_introductions(
    region: Region,
    introductions: Introductions | Iterable[Introduction],
    *,
    since: dt.date | None = None,
) -> Region:
    """A copy of ``region`` with one new ``knows`` tie per introduction (never mutates).

    Parameters
    ----------
    region : Region
        The region.
    introductions : Introductions or iterable of Introduction
        What to apply.
    since : datetime.date, optional
        The date the new ties carry (``None``: no date).

    Returns
    -------
    Region
        The copy; its tie store holds the old ties followed by the new ones.

    Raises
    ------
    UnknownIdError
        If an introduction names a professional the region does not have.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(100, seed=1)
    >>> item = Introduction(r.professionals[0].id, r.professionals[1].id, 1.0, "")
    >>> apply_introductions(r, [item]).ties[-1].kind
    <TieKind.KNOWS: 'knows'>
    """
    items = list(introductions)
    known = {p.id for p in region.professionals}
    for item in items:
        for person in (item.a, item.b):
            if person not in known:
                raise UnknownIdError("professional", person, sorted(known)[:5])
    if not items:
        return region.replace()
    new = TieStore.from_ties(
        Tie(item.a, item.b, kind=TieKind.KNOWS, since=since)  # type: ignore[arg-type]
        for item in items
    )
    return region.replace(ties=TieStore.concat([region.ties, new]))


def min_bus_factor(G: CompactGraph, *, by: str = "domain") -> tuple[int, int]:  # noqa: N803
    """The lowest bus factor over every pair of groups present, and how many pairs have 1.

    Pairs of groups without any tie between them count as 0. Unknown groups are left out.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> low, single = min_bus_factor(compact_graph(region(300, seed=1)))
    >>> low >= 0 and single >= 0
    True
    """
    if by not in ("domain", "sector"):
        raise InvalidArgumentError(f"cannot group by {by!r}; choose from domain, sector")
    codes = getattr(G, by)
    labels = getattr(G, f"{by}s")
    present = sorted({labels[c] for c in codes.tolist() if c >= 0})
    found = {link.groups: link.bus_factor for link in bus_factor(G, by=by)}
    values = [found.get((a, b), 0) for a, b in combinations(present, 2)]
    if not values:
        return 0, 0
    return min(values), sum(1 for v in values if v == 1)


@frozen
class Improvement:
    """Network figures before and after applying introductions."""

    islands: tuple[int, int]
    """Number of islands (isolates included), before and after."""
    largest_share: tuple[float, float]
    """Share of professionals in the largest island, before and after."""
    ei_index: tuple[float, float]
    """The E-I index by domain (higher: more ties across domains), before and after."""
    min_bus_factor: tuple[int, int]
    """The lowest bus factor over all pairs of domains (0: a pair with no tie)."""
    single_carrier_links: tuple[int, int]
    """Pairs of domains whose link hangs on one person, before and after."""
    schools_out_of_reach: tuple[int, int] = (0, 0)
    """Schools (with professionals) without an expert within :attr:`steps`, before and
    after."""
    steps: int = 2
    """The steps counted for :attr:`schools_out_of_reach`."""

    def rows(self) -> list[tuple[str, float, float]]:
        """``(figure, before, after)`` rows for a table."""
        return [
            ("Islands", *self.islands),
            ("Share in largest island", *_rounded(self.largest_share)),
            ("E-I index (domains)", *_rounded(self.ei_index)),
            ("Lowest bus factor between domains", *self.min_bus_factor),
            ("Domain links hanging on one person", *self.single_carrier_links),
            (
                f"Schools without a care contact within {self.steps} steps",
                *self.schools_out_of_reach,
            ),
        ]

    def __str__(self) -> str:
        return "\n".join(f"{name}: {a} -> {b}" for name, a, b in self.rows())


def _rounded(pair: tuple[float, float]) -> tuple[float, float]:
    return round(pair[0], 3), round(pair[1], 3)


def _figures(
    region: Region, steps: int, experts: tuple[Sector | str, ...]
) -> tuple[int, float, float, int, int, int]:
    G = compact_graph(region)  # noqa: N806
    found = islands(G)
    low, single = min_bus_factor(G)
    out_of_reach = len(nearest_contact(G, to_sectors=experts, max_steps=steps).unreached)
    return len(found), found.share_in_largest, ei_index(G).value, low, single, out_of_reach


def improvement(
    before: Region,
    after: Region,
    *,
    steps: int = 2,
    experts: Iterable[Sector | str] = EXPERT_SECTORS,
) -> Improvement:
    """Islands, E-I index, bus factor and schools out of reach of two versions of a region.

    Parameters
    ----------
    before, after : Region
        The region, and a copy with introductions applied.
    steps : int
        A school is out of reach when none of its professionals is within this many steps
        of an expert.
    experts : iterable of Sector or str
        The expert sectors (default :data:`~samenwerking.introduce.EXPERT_SECTORS`: youth
        care, youth health, family centre, neighbourhood team).

    Example
    -------
    >>> from samenwerking.introduce.connect import connect_islands
    >>> from samenwerking.synthetic import region
    >>> r = region(300, seed=1, ties_per_professional=0.5)
    >>> change = improvement(r, apply_introductions(r, connect_islands(r)))
    >>> change.islands[1]
    1
    """
    positive(steps, "steps")
    targets = tuple(experts)
    a, b = _figures(before, steps, targets), _figures(after, steps, targets)
    return Improvement(
        islands=(a[0], b[0]),
        largest_share=(a[1], b[1]),
        ei_index=(a[2], b[2]),
        min_bus_factor=(a[3], b[3]),
        single_carrier_links=(a[4], b[4]),
        schools_out_of_reach=(a[5], b[5]),
        steps=steps,
    )
