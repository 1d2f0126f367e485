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

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from attrs import frozen

from samenwerking.analysis import Islands
from samenwerking.errors import UnknownIdError
from samenwerking.model import Region

__all__ = ["Overview", "Report", "ReportContext", "Section", "SectionBuilder"]


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


@frozen
class ReportContext:
    """What section builders share, computed once per report."""

    region: Region
    """The region reported on."""
    graph: Any
    """The professional-level collaboration graph (a networkx graph)."""
    islands: Islands
    """The islands of that graph."""
    seed: int = 1
    """Seed for anything random, such as the picture's layout."""


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

    def section(self, key: str) -> Section:
        """The section with this key; raises :class:`UnknownIdError` if there is none."""
        for section in self.sections:
            if section.key == key:
                return section
        raise UnknownIdError("report section", key, [s.key for s in self.sections])
