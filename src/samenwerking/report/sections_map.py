"""The interactive map of the network in ``report.html``.

The section carries the map's data (:func:`~samenwerking.report.map_data.map_data`)
and renders it as a canvas with controls, driven by a small script that is inlined
into the page from the package (``static/map.js``): nothing is fetched when the page
is opened. Without JavaScript the section says so, and the static picture and all
tables of the report remain.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> section = map_section(ReportContext.of(sw.example_region()))
>>> '<canvas id="sw-map-canvas"' in section.to_html()
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template

from attrs import frozen

from samenwerking.report.base import ReportContext
from samenwerking.report.html import esc
from samenwerking.report.i18n import _
from samenwerking.report.map_data import map_data, map_json

__all__ = ["MapSection", "map_section", "static_text"]


@cache
def static_text(name: str) -> str:
    """A file shipped in ``samenwerking/report/static`` (the map's script and style)."""
    return resources.files("samenwerking.report").joinpath("static", name).read_text("utf-8")


def _texts() -> dict[str, str]:
    """The words the script shows, in the report's language."""
    return {
        "broker": _("broker"),
        "cutPoint": _("cut point"),
        "busFactorOne": _("a link between domains hangs on them"),
        "sector": _("Sector"),
        "ties": _("ties"),
        "people": _("people"),
        "linkedOrgs": _("linked organisations"),
        "peopleOf": _("People of"),
        "andMore": _("... and {n} more."),
        "found": _("Found"),
        "notFound": _("Nothing found for '{q}'."),
        "island": _("Island {rank}: {size} people"),
        "shown": _("{n} dots shown."),
        "introductionsShown": _("{n} suggested introductions shown."),
    }


def _labels() -> dict[str, str]:
    """The words of the map's controls, in the report's language."""
    return {
        "noscript": _(
            "The interactive map needs JavaScript; the picture of the network and all "
            "tables of this report do not."
        ),
        "controls": _("Map controls"),
        "find": _("Find a person or organisation"),
        "colour_by": _("Colour by"),
        "domain": _("domain"),
        "sector_lower": _("sector"),
        "municipality": _("Municipality"),
        "sector": _("Sector"),
        "all": _("all"),
        "show_introductions": _("Show the suggested introductions (dashed)"),
        "zoom_in": _("Zoom in"),
        "zoom_out": _("Zoom out"),
        "reset": _("Reset view"),
        "canvas": _("Map of the network; the tables of this report hold the same information."),
        "islands": _("Islands"),
        "legend": _("Legend"),
    }


@frozen
class MapSection:
    """An explorable map of the network: its data as JSON, ready to inline."""

    data: str
    """The map's data, as JSON that is safe inside a script element."""
    level: str
    """``"people"`` or ``"organisations"``: what the map opens with."""
    key: str = "map"
    """Section key."""

    @property
    def title(self) -> str:
        """Section title."""
        return _("Explore the network")

    def _intro(self) -> str:
        if self.level == "people":
            return _(
                "Each dot is a professional, each line a tie. Drag to move, scroll or use "
                "the buttons to zoom, hover over a dot to see who it is and what part they "
                "play. Click an island in the list to highlight it."
            )
        return _(
            "Each dot is an organisation, sized by its staff; lines are ties between their "
            "people. Click an organisation to show its people around it. Drag to move, "
            "scroll or use the buttons to zoom, hover over a dot to see what it is."
        )

    def to_markdown(self) -> str:
        """Markdown body: the map only lives in the HTML report."""
        return _("The interactive map of the network is in report.html.")

    def to_html(self) -> str:
        """HTML body: the controls, the canvas, the data and the script."""
        labels = {name: esc(text) for name, text in _labels().items()}
        return Template(static_text("map.html")).substitute(
            labels,
            intro=esc(self._intro()),
            css=static_text("map.css"),
            data=self.data,
            text=map_json(_texts()),
            script=static_text("map.js"),
        )


def map_section(context: ReportContext) -> MapSection | None:
    """Compute the map's data; ``None`` for a region without professionals."""
    if context.compact.n_nodes == 0:
        return None
    data = map_data(context)
    return MapSection(map_json(data), str(data["level"]))
