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
import math
from collections.abc import Iterable, Sequence
from itertools import combinations

import numpy as np
from attrs import frozen

from samenwerking.analysis._input import InvalidArgumentError, check_builtin, group_codes
from samenwerking.analysis.bus_factor import LinkCarriers, bus_factor
from samenwerking.analysis.islands import Islands
from samenwerking.analysis.islands import islands as find_islands
from samenwerking.analysis.mixing import EIIndex, ei_index
from samenwerking.analysis.reach import ContactReach, nearest_contact
from samenwerking.errors import UnknownIdError
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.introduce._pick import positive
from samenwerking.introduce.reach import EXPERT_SECTORS
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.model import Region, Sector, Tie, TieKind, TieStore
from samenwerking.tabular import Table, Tabular

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


def min_bus_factor(
    G: CompactGraph,  # noqa: N803
    *,
    by: str = "domain",
    pairs: Iterable[tuple[str, str]] | None = None,
    links: Sequence[LinkCarriers] | None = None,
) -> tuple[int | None, int | None]:
    """The lowest bus factor over pairs of groups, and how many pairs have 1.

    Pairs of groups without any tie between them count as 0. Unknown groups are left out.
    By default every pair of groups present; with ``by="organisation"`` only the pairs
    that have a tie (as :func:`~samenwerking.introduce.make_links_robust` does). With
    fewer than two groups there is nothing to measure: ``(None, None)``. A caller that
    has ``bus_factor(G, by=by)`` passes it as ``links`` (default: computed here).

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> low, single = min_bus_factor(compact_graph(region(300, seed=1)), by="sector")
    >>> low >= 0 and single >= 0
    True
    """
    codes, labels = group_codes(G, check_builtin(by, "min_bus_factor"))
    present = sorted({labels[c] for c in codes.tolist() if c >= 0})
    if links is None:
        links = bus_factor(G, by=by)
    found = {frozenset(link.groups): link.bus_factor for link in links}
    wanted: list[frozenset[str]]
    if pairs is not None:
        wanted = [frozenset(_label(x) for x in pair) for pair in pairs]
        for pair in wanted:
            for value in pair:
                if value not in labels:
                    raise InvalidArgumentError(
                        f"unknown group {value!r} in pairs; choose from {', '.join(labels)}"
                    )
    elif by == "organisation":
        wanted = list(found)
    else:
        wanted = [frozenset(pair) for pair in combinations(present, 2)]
    values = [found.get(pair, 0) for pair in wanted]
    if not values:
        return None, None
    return min(values), sum(1 for v in values if v == 1)


def _label(value: object) -> str:
    return str(getattr(value, "value", value))


_PLURAL = {
    "domain": "domains",
    "sector": "sectors",
    "municipality": "municipalities",
    "organisation": "organisations",
}


@frozen(repr=False)
class Improvement(Tabular):
    """Network figures before and after applying introductions.

    A figure with nothing to measure (one domain only, no pair of groups) is ``None`` and
    shows as ``n/a``.
    """

    islands: tuple[int, int]
    """Number of islands (isolates included), before and after."""
    largest_share: tuple[float, float]
    """Share of professionals in the largest island, before and after."""
    ei_index: tuple[float | None, float | None]
    """The E-I index by domain (higher: more ties across domains), before and after;
    ``None`` with fewer than two domains or no ties."""
    min_bus_factor: tuple[int | None, int | None]
    """The lowest bus factor over the pairs of groups (:attr:`by`; 0: a pair with no tie)."""
    single_carrier_links: tuple[int | None, int | None]
    """Pairs of groups whose link hangs on one person, before and after."""
    schools_out_of_reach: tuple[int, int] = (0, 0)
    """Schools (with professionals) without an expert within :attr:`steps`, before and
    after."""
    steps: int = 2
    """The steps counted for :attr:`schools_out_of_reach`."""
    by: str = "domain"
    """The groups of :attr:`min_bus_factor` and :attr:`single_carrier_links`."""
    chosen_pairs: int = 0
    """How many pairs of groups were measured when they were chosen (0: the default)."""
    experts: tuple[str, ...] = tuple(s.value for s in EXPERT_SECTORS)
    """The expert sectors of :attr:`schools_out_of_reach`."""
    chosen_schools: int = 0
    """How many schools were measured when they were chosen (0: every school)."""

    def rows(self) -> list[tuple[str, float | str, float | str]]:
        """``(figure, before, after)`` rows for a table; ``"n/a"`` where nothing is measured."""
        groups = _PLURAL.get(self.by, self.by)
        scope = (
            f"the {self.chosen_pairs} chosen pair(s) of {groups}" if self.chosen_pairs else groups
        )
        kind = self.by.capitalize() if not self.chosen_pairs else f"Chosen {self.by}"
        schools = f"{self.chosen_schools} chosen school(s)" if self.chosen_schools else "Schools"
        default = tuple(s.value for s in EXPERT_SECTORS)
        contact = (
            "a care contact"
            if self.experts == default
            else ("a contact in " + ", ".join(self.experts))
        )
        return [
            ("Islands", *self.islands),
            ("Share in largest island", *_rounded(self.largest_share)),
            ("E-I index (domains)", *_rounded(self.ei_index)),
            (f"Lowest bus factor between {scope}", *_shown(self.min_bus_factor)),
            (f"{kind} links hanging on one person", *_shown(self.single_carrier_links)),
            (
                f"{schools} without {contact} within {self.steps} steps",
                *self.schools_out_of_reach,
            ),
        ]

    def __str__(self) -> str:
        return "\n".join(f"{name}: {a} -> {b}" for name, a, b in self.rows())

    def _tables(self) -> tuple[Table, ...]:
        names = (
            "islands",
            "largest_share",
            "ei_index",
            "min_bus_factor",
            "single_carrier_links",
            "schools_out_of_reach",
        )
        rows = [
            (name, label, *getattr(self, name))
            for name, (label, _a, _b) in zip(names, self.rows(), strict=True)
        ]
        return (Table("measures", ("measure", "description", "before", "after"), rows),)

    def __repr__(self) -> str:
        return (
            f"<Improvement: islands {self.islands[0]} -> {self.islands[1]}, largest share "
            f"{self.largest_share[0]:.0%} -> {self.largest_share[1]:.0%}>"
        )


NOT_AVAILABLE = "n/a"
"""How a figure with nothing to measure is shown."""


def _shown(pair: tuple[int | None, int | None]) -> tuple[int | str, int | str]:
    a, b = pair
    return (NOT_AVAILABLE if a is None else a, NOT_AVAILABLE if b is None else b)


def _rounded(pair: tuple[float | None, float | None]) -> tuple[float | str, float | str]:
    a, b = pair
    return (
        NOT_AVAILABLE if a is None else round(a, 3),
        NOT_AVAILABLE if b is None else round(b, 3),
    )


def _figures(
    region: Region,
    G: CompactGraph,  # noqa: N803
    known: _Known,
    *,
    steps: int,
    experts: tuple[Sector | str, ...],
    by: str,
    pairs: list[tuple[str, str]] | None,
    schools: list[str] | None,
) -> tuple[int, float, float | None, int | None, int | None, int]:
    """The figures of graph ``G``; ``region`` gives the organisations of ``schools``."""
    found, links, known_ei, known_reach = known
    if found is None:
        found = find_islands(G)
    low, single = min_bus_factor(G, by=by, pairs=pairs, links=links)
    # With fewer than two domains "across domains" means nothing.
    domains = len({int(c) for c in np.unique(G.domain).tolist() if c >= 0})
    measured = known_ei if known_ei is not None or domains < 2 else ei_index(G)
    ei = measured.value if measured is not None and domains > 1 else math.nan
    targets = [_label(x) for x in experts]
    if schools is None:
        reach = (
            nearest_contact(G, to_sectors=targets, max_steps=steps)
            if known_reach is None
            else known_reach
        )
        out_of_reach = len(reach.unreached)
    else:
        chosen = set(schools)
        sectors = sorted({o.sector.value for o in region.organisations if o.id in chosen})
        reach = nearest_contact(G, from_sectors=sectors, to_sectors=targets, max_steps=steps)
        out_of_reach = len([o for o in reach.unreached if o in chosen])
    return (
        len(found),
        found.share_in_largest,
        None if math.isnan(ei) else float(ei),
        low,
        single,
        out_of_reach,
    )


_Known = tuple[Islands | None, Sequence[LinkCarriers] | None, EIIndex | None, ContactReach | None]
"""What the caller computed for one side: islands, bus factor links, E-I index, reach."""


def _graph_of(region: Region | CompactGraph, name: str, nodes: int | None = None) -> CompactGraph:
    """``region``'s compact graph (itself if it is one), checked to have ``nodes`` nodes."""
    G = region if isinstance(region, CompactGraph) else compact_graph(region)  # noqa: N806
    if nodes is not None and G.n_nodes != nodes:
        raise InvalidArgumentError(
            f"{name} has {G.n_nodes} professional(s), the region {nodes}: "
            "pass the graph of the same region"
        )
    return G


def improvement(
    before: Region,
    after: Region | CompactGraph,
    *,
    steps: int = 2,
    experts: Iterable[Sector | str] = EXPERT_SECTORS,
    by: str = "domain",
    pairs: Iterable[tuple[str, str]] | None = None,
    schools: Iterable[str] | None = None,
    graph: CompactGraph | None = None,
    islands: Islands | None = None,
    links: Sequence[LinkCarriers] | None = None,
    ei: EIIndex | None = None,
    reach: ContactReach | None = None,
) -> Improvement:
    """Islands, E-I index, bus factor and schools out of reach of two versions of a region.

    Pass the options the introductions were chosen with, so that the figures measure what
    they aimed at. A caller that already has the "before" region's compact graph, or the
    analyses of it, passes them (``graph=``, ``islands=``, ``links=``, ``ei=``,
    ``reach=``), and the "after" side as a compact graph (for example ``before``'s graph
    with the new ties added), so that none is computed again; the figures are the same.

    Parameters
    ----------
    before : Region
        The region.
    after : Region or CompactGraph
        A copy of the region with introductions applied, or its compact graph.
    steps : int
        A school is out of reach when none of its professionals is within this many steps
        of an expert.
    experts : iterable of Sector or str
        The expert sectors (default :data:`~samenwerking.introduce.EXPERT_SECTORS`: youth
        care, youth health, family centre, neighbourhood team).
    by : {"domain", "sector", "municipality", "organisation"}
        The groups whose links the bus factor measures (as in ``make_links_robust``).
    pairs : iterable of (str, str), optional
        The pairs of groups to measure (default: as ``make_links_robust`` does).
    schools : iterable of str, optional
        The organisation ids counted as schools (default: every school).
    graph : CompactGraph, optional
        ``compact_graph(before)``, when the caller has it (default: built here).
    islands : Islands, optional
        ``islands(graph)`` of the "before" graph, when the caller has it (default: found
        here).
    links : sequence of LinkCarriers, optional
        ``bus_factor(graph, by=by)`` of the "before" graph (default: computed here).
    ei : EIIndex, optional
        ``ei_index(graph, by="domain")`` of the "before" graph; only its value is read, so
        any ``permutations`` will do (default: computed here).
    reach : ContactReach, optional
        ``nearest_contact(graph, to_sectors=experts, max_steps=steps)`` of the "before"
        graph, read when ``schools`` is not given (default: computed here).

    Raises
    ------
    InvalidArgumentError
        For a bad ``steps``, ``by``, pair or school, a graph of another size or a
        ``reach`` measured with other steps.

    Example
    -------
    >>> from samenwerking.introduce.connect import connect_islands
    >>> from samenwerking.synthetic import region
    >>> r = region(300, seed=1, ties_per_professional=0.5)
    >>> after = apply_introductions(r, connect_islands(r))
    >>> change = improvement(r, after, by="sector")
    >>> change.islands[1], change.rows()[3][0]
    (1, 'Lowest bus factor between sectors')
    >>> improvement(r, compact_graph(after), by="sector", graph=compact_graph(r)) == change
    True
    """
    positive(steps, "steps")
    check_builtin(by, "improvement")
    targets = tuple(experts)
    chosen_pairs = None if pairs is None else [(p[0], p[1]) for p in pairs]
    chosen_schools = None if schools is None else list(dict.fromkeys(str(s) for s in schools))
    if chosen_schools is not None:
        known = {o.id for o in before.organisations}
        for school in chosen_schools:
            if school not in known:
                raise InvalidArgumentError(
                    f"unknown school {school!r} in schools; e.g. {', '.join(sorted(known)[:5])}"
                )
    if reach is not None and reach.max_steps != steps:
        raise InvalidArgumentError(
            f"reach was measured within {reach.max_steps} steps, not steps={steps}"
        )
    size = len(before.professionals)
    graphs = (
        _graph_of(before if graph is None else graph, "graph", size),
        _graph_of(after, "after", size if isinstance(after, CompactGraph) else None),
    )
    a, b = (
        _figures(
            before,
            G,
            known,
            steps=steps,
            experts=targets,
            by=by,
            pairs=chosen_pairs,
            schools=chosen_schools,
        )
        for G, known in zip(
            graphs, ((islands, links, ei, reach), (None, None, None, None)), strict=True
        )
    )
    return Improvement(
        islands=(a[0], b[0]),
        largest_share=(a[1], b[1]),
        ei_index=(a[2], b[2]),
        min_bus_factor=(a[3], b[3]),
        single_carrier_links=(a[4], b[4]),
        schools_out_of_reach=(a[5], b[5]),
        steps=steps,
        by=by,
        chosen_pairs=len(chosen_pairs or ()),
        experts=tuple(_label(x) for x in targets),
        chosen_schools=len(chosen_schools or ()),
    )
