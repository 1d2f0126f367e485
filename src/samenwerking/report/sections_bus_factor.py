"""The "Bus factor" section: links between domains that hang on one person.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> section = bus_factor_section(ReportContext.of(sw.example_region()))
>>> section.links[0].bus_factor <= section.links[-1].bus_factor
True
"""

from __future__ import annotations

from attrs import frozen

from samenwerking.analysis import bus_factor
from samenwerking.report._format import Block, BlockSection, Table, Text
from samenwerking.report.base import ReportContext
from samenwerking.report.i18n import N_, format_int, ngettext, translate_all
from samenwerking.report.sections_introductions import SHARED_LINKS
from samenwerking.report.vocabulary import domain_label

__all__ = ["BusFactorSection", "LinkRow", "bus_factor_section"]


@frozen
class LinkRow:
    """The link between two domains and the people who carry it."""

    groups: tuple[str, str]
    """The two domains."""
    bus_factor: int
    """The fewest people whose leaving cuts every tie between the two."""
    pairs: int
    """Distinct pairs of people tied across the two domains."""
    carriers: int
    """Distinct people with a tie across (both sides)."""
    single_carrier: str | None
    """When the link hangs on one person: their name and organisation."""


@frozen
class BusFactorSection(BlockSection):
    """Every link between two domains, most fragile first."""

    links: tuple[LinkRow, ...]
    """Most fragile first: by bus factor, then fewest tied pairs."""
    key: str = "bus-factor"
    """Section key."""
    title: str = N_("Bus factor of the links between domains")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        fragile = [link for link in self.links if link.bus_factor == 1]
        if fragile:
            intro = ngettext(
                "{n} of {total} link between two domains hangs on a single person: if they "
                "leave, the two domains lose every tie between them.",
                "{n} of {total} links between two domains hang on a single person: if they "
                "leave, the two domains lose every tie between them.",
                len(self.links),
            ).format(n=format_int(len(fragile)), total=format_int(len(self.links)))
        else:
            intro = ngettext(
                "The {total} link between two domains does not hang on a single person.",
                "None of the {total} links between two domains hangs on a single person.",
                len(self.links),
            ).format(total=format_int(len(self.links)))
        return [
            Text(intro),
            Table(
                translate_all(
                    (
                        N_("Domains"),
                        N_("Bus factor"),
                        N_("Tied pairs"),
                        N_("People carrying it"),
                        N_("Hangs on"),
                    )
                ),
                tuple(
                    (
                        f"{domain_label(a)} - {domain_label(b)}",
                        link.bus_factor,
                        link.pairs,
                        link.carriers,
                        link.single_carrier or "",
                    )
                    for link in self.links
                    for a, b in (link.groups,)
                ),
                what=N_("links"),
            ),
        ]


def bus_factor_section(context: ReportContext) -> BusFactorSection | None:
    """Compute the bus-factor section; ``None`` when no tie crosses two domains."""
    links = bus_factor(context.compact, by="domain")
    context.shared[SHARED_LINKS] = links  # the introductions' "before" figures reuse them
    if not links:
        return None
    context.shared["bus1"] = tuple(
        link.single_carrier for link in links if link.single_carrier is not None
    )
    rows = []
    for link in links:
        single = None
        if link.single_carrier is not None:
            person = context.person_by_id(link.single_carrier)
            single = f"{person.name} ({person.organisation})"
        rows.append(
            LinkRow(
                link.groups,
                link.bus_factor,
                link.pairs,
                len(link.carriers[0]) + len(link.carriers[1]),
                single,
            )
        )
    return BusFactorSection(tuple(rows))
