"""The parts every report is made of: the :class:`Section` protocol, the context that
section builders share, and the :class:`Report` itself.

Sections are computed once, from a :class:`ReportContext`, into frozen data objects;
rendering them as Markdown or HTML only formats what they hold.

Example
-------
>>> from samenwerking.report.base import Report, Overview
>>> report = Report("Dorp", Overview(1, 2, 1, 0, 1, 0, 0, 2, 1.0), sections=())
>>> report.overview.professionals
2
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from functools import cached_property
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking.analysis import Islands
from samenwerking.errors import UnknownIdError
from samenwerking.graph import CompactGraph
from samenwerking.model import Region
from samenwerking.progress import Progress

__all__ = [
    "SMALL_GRAPH",
    "Overview",
    "PersonRow",
    "Report",
    "ReportContext",
    "ReportProgress",
    "Section",
    "SectionBuilder",
]

SMALL_GRAPH = 2000
"""Up to this many professionals, exact (and permutation-tested) figures are computed;
above it, estimates from samples (e.g. betweenness to within 0.1 from sampled shortest paths)."""


@runtime_checkable
class Section(Protocol):
    """One part of a report: a title, and its data rendered as Markdown and as HTML."""

    @property
    def key(self) -> str:
        """A short identifier, unique within a report (used as the HTML anchor)."""
        ...

    @property
    def title(self) -> str:
        """The heading shown above the section."""
        ...

    def to_markdown(self) -> str:
        """The section's body as Markdown (without its heading)."""
        ...

    def to_html(self) -> str:
        """The section's body as an HTML fragment (without its heading), all text escaped."""
        ...


class ReportProgress(Protocol):
    """Told which section is being computed, and asked for a progress bar per long step.

    The command line passes one that writes to standard error; library code never prints.
    """

    def section(self, label: str) -> None:
        """A section called ``label`` is about to be computed."""
        ...

    def step(self, label: str) -> Progress:
        """A progress callback for one long step, such as ``"betweenness"``."""
        ...


@frozen
class PersonRow:
    """One professional, for a list."""

    id: str
    """Their id."""
    name: str
    """Their name."""
    role: str
    """Their role."""
    organisation: str
    """Their main organisation's name."""
    sector: str
    """Its sector."""


@frozen(slots=False)
class ReportContext:
    """What section builders share, computed once per report.

    Analyses run on :attr:`compact`, the compact graph built once from the tie store;
    only the pictures and the map build a (small) networkx graph, once (:attr:`professional_graph`).

    Example
    -------
    >>> import samenwerking as sw
    >>> context = ReportContext.of(sw.example_region())
    >>> context.compact.n_nodes == len(context.region.professionals)
    True
    >>> context.person(0).name == context.region.professionals[0].name
    True
    """

    region: Region
    """The region reported on."""
    compact: CompactGraph
    """The professional-level collaboration graph; node ``i`` is ``region.professionals[i]``."""
    islands: Islands
    """The islands of that graph."""
    seed: int = 1
    """Seed for anything random: the picture's layout, sampled sources, communities."""
    before: Region | None = None
    """An earlier snapshot of the region, for the change-over-time section."""
    progress: ReportProgress | None = None
    """Where to report progress, if anywhere."""
    today: dt.date = field(factory=dt.date.today)
    """The reference date for checks that depend on it (past due, expired, stranded)."""

    @classmethod
    def of(
        cls,
        region: Region,
        *,
        seed: int = 1,
        before: Region | None = None,
        progress: ReportProgress | None = None,
        today: dt.date | None = None,
    ) -> ReportContext:
        """Build the compact graph and its islands once, for every section to share."""
        from samenwerking.analysis import islands
        from samenwerking.graph import compact_graph

        compact = compact_graph(region)
        found = islands(compact)
        when = dt.date.today() if today is None else today
        return cls(region, compact, found, seed, before, progress, when)

    def step(self, label: str) -> Progress | None:
        """A progress callback for a long step (``None`` without :attr:`progress`)."""
        return None if self.progress is None else self.progress.step(label)

    @cached_property
    def professional_graph(self) -> Any:
        """The region's professionals as a networkx graph (built once, for the pictures)."""
        from samenwerking.graph import to_graph

        return to_graph(self.region, level="professional")

    @cached_property
    def professional_layout(self) -> dict[Any, tuple[float, float]]:
        """Where :attr:`professional_graph`'s nodes go, islands packed (seeded by :attr:`seed`);
        the map and the static picture share it."""
        from samenwerking.report.picture import packed_layout

        return packed_layout(self.professional_graph, self.seed)

    @cached_property
    def island_of(self) -> npt.NDArray[np.int64]:
        """Each professional's island, as a position in ``islands.islands`` (one
        component labelling, so sections need not look up every member's id)."""
        from scipy.sparse.csgraph import connected_components

        C = self.compact  # noqa: N806
        _, labels = connected_components(C.to_scipy(), directed=False)
        rank = np.full(C.n_nodes, -1, np.int64)
        for position, island in enumerate(self.islands.islands):
            rank[labels[C.index_of(island.members[0])]] = position
        return rank[labels] if C.n_nodes else np.zeros(0, np.int64)

    def members_of(self, position: int) -> npt.NDArray[np.int64]:
        """The node positions of island ``position`` (of ``islands.islands``), ascending."""
        return np.flatnonzero(self.island_of == position)

    @cached_property
    def organisation_ties(self) -> Any:
        """The ties between organisations, summed once for the picture and the map
        (an :class:`~samenwerking.report.organisation_ties.OrganisationTies`)."""
        from samenwerking.report.organisation_ties import OrganisationTies

        return OrganisationTies.of(self.compact, len(self.region.organisations))

    @cached_property
    def shared(self) -> dict[str, Any]:
        """What a section computed that a later one reuses, by name.

        The brokers section leaves ``"brokers"`` (the named brokers' ids) and
        ``"cut_points"``, the bus-factor section ``"bus1"`` (the people a link hangs on),
        the introductions section ``"introductions"`` (pairs of ids); the map reads them.
        """
        return {}

    @cached_property
    def _organisation_names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.region.organisations)

    @cached_property
    def _sector_labels(self) -> tuple[str, ...]:
        from samenwerking.model import Sector

        return tuple(Sector(s).label for s in self.compact.sectors)

    def organisation_name(self, code: int) -> str:
        """The name of organisation ``code`` (a position in ``compact.organisations``)."""
        names = self._organisation_names
        return names[code] if 0 <= code < len(names) else "unknown"

    def person(self, index: int) -> PersonRow:
        """The professional at node ``index``, with their organisation and sector."""
        person = self.region.professionals[index]
        org = int(self.compact.organisation[index])
        sector = int(self.compact.sector[index])
        return PersonRow(
            str(person.id),
            person.name,
            person.role.value.replace("_", " "),
            self.organisation_name(org) if org >= 0 else str(person.organisation),
            self._sector_labels[sector] if sector >= 0 else "",
        )

    def person_by_id(self, node: Hashable) -> PersonRow:
        """The professional with this id (see :meth:`person`)."""
        return self.person(self.compact.index_of(node))


SectionBuilder = Callable[[ReportContext], Section | None]
"""Computes one section from the context, or returns ``None`` when it has nothing to say."""


@frozen
class Overview:
    """The headline figures of a region's collaboration network."""

    organisations: int
    """Number of organisations."""
    professionals: int
    """Number of professionals."""
    ties: int
    """Number of ties (rows in the tie store)."""
    cases: int
    """Number of cases."""
    islands: int
    """Number of islands (connected groups), single people included."""
    isolates: int
    """Number of professionals without any tie."""
    silos: int
    """Number of islands that hold only one domain."""
    largest: int
    """Number of professionals in the largest island."""
    share_in_largest: float
    """Share of all professionals in the largest island (0 to 1)."""


@frozen
class Report:
    """A computed report: the headline figures and a list of sections, ready to format."""

    region: str
    """The region's name."""
    overview: Overview
    """The headline figures."""
    sections: tuple[Section, ...]
    """The sections, in display order."""
    lang: str = "en"
    """The language it is written in (see :mod:`samenwerking.report.i18n`)."""

    def section(self, key: str) -> Section:
        """The section with this key; raises :class:`UnknownIdError` if there is none."""
        for section in self.sections:
            if section.key == key:
                return section
        raise UnknownIdError("report section", key, [s.key for s in self.sections])
