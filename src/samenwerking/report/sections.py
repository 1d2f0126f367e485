"""The built-in report sections: what they compute, and how each one renders.

Each ``*_section`` function is a :data:`~samenwerking.report.base.SectionBuilder`: it
computes a frozen section from the shared context. The section classes only format.

Example
-------
>>> section = CountsSection(
...     sectors=(SectorCount("school_board", "school board", "education", 1, 2),),
...     domains=(DomainCount("education", 1, 2, 1, 0),),
... )
>>> section.title
'Organisations and professionals per sector and domain'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from attrs import frozen

from samenwerking.analysis import Island
from samenwerking.model import Domain, Sector
from samenwerking.report._format import MAX_LISTED, more_text
from samenwerking.report.base import Overview, PersonRow, ReportContext
from samenwerking.report.html import esc, html_table
from samenwerking.report.i18n import (
    N_,
    _,
    format_int,
    format_published,
    ngettext,
    translate_all,
)
from samenwerking.report.markdown import md_escape, md_table
from samenwerking.report.picture import (
    MAX_ORGANISATION_NODES,
    MAX_PROFESSIONAL_NODES,
    NetworkPicture,
    layout_picture,
    organisation_graph,
    render_svg,
)
from samenwerking.report.sections_brokers import brokers_section
from samenwerking.report.sections_bus_factor import bus_factor_section
from samenwerking.report.sections_cases import cases_section
from samenwerking.report.sections_change import change_section
from samenwerking.report.sections_cohesion import cohesion_section
from samenwerking.report.sections_governance import (
    agendas_section,
    agreements_section,
    lea_table_section,
    meetings_section,
    working_groups_section,
)
from samenwerking.report.sections_introductions import introductions_section
from samenwerking.report.sections_map import map_section
from samenwerking.report.sections_mixing import mixing_section
from samenwerking.report.sections_reach import reach_section
from samenwerking.report.sections_team import team_section
from samenwerking.report.sections_trust import trust_section
from samenwerking.report.vocabulary import domain_label, role_label, term

__all__ = [
    "DEFAULT_SECTIONS",
    "MAX_LISTED",
    "CountsSection",
    "DomainCount",
    "IslandRow",
    "IslandsSection",
    "IsolatesSection",
    "OverviewSection",
    "PersonRow",
    "PictureSection",
    "SectorCount",
    "SilosSection",
    "compute_overview",
    "counts_section",
    "islands_section",
    "isolates_section",
    "overview_section",
    "picture_section",
    "silos_section",
]

PICTURE_FILE = "network.svg"
"""The file name under which the picture is written next to ``report.md``."""


def _order(vocabulary: Iterable[str]) -> dict[str, int]:
    return {value: i for i, value in enumerate(vocabulary)}


_SECTOR_ORDER = _order(s.value for s in Sector)
_DOMAIN_ORDER = _order(d.value for d in Domain)


def _counts_text(counts: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{domain_label(key)} {format_int(count)}" for key, count in counts)


_more = more_text


# -- overview -----------------------------------------------------------------------------
def compute_overview(context: ReportContext) -> Overview:
    """The headline figures of the context's region and islands.

    Example
    -------
    >>> import samenwerking as sw
    >>> from samenwerking.report.base import ReportContext
    >>> compute_overview(ReportContext.of(sw.example_region())).cases
    40
    """
    region, found = context.region, context.islands
    largest = found.largest.size if found.largest is not None else 0
    return Overview(
        organisations=len(region.organisations),
        professionals=len(region.professionals),
        ties=len(region.ties),
        cases=len(region.cases),
        islands=len(found.islands),
        isolates=len(found.isolates),
        silos=len(found.silos),
        largest=largest,
        share_in_largest=found.share_in_largest,
    )


@frozen
class OverviewSection:
    """The headline figures as a small table."""

    overview: Overview
    """The figures."""
    key: str = "overview"
    """Section key."""
    title: str = N_("Overview")
    """Section title."""

    def _rows(self) -> list[list[object]]:
        o = self.overview
        return [
            [_("Organisations"), o.organisations],
            [_("Professionals"), o.professionals],
            [_("Ties"), o.ties],
            [_("Cases"), format_published(o.cases)],
            [_("Islands (connected groups)"), o.islands],
            [_("Professionals without any tie"), o.isolates],
            [_("Silos (islands within one domain)"), o.silos],
            [_("Professionals in the largest island"), o.largest],
            [_("Share in the largest island (%)"), round(100 * o.share_in_largest, 1)],
        ]

    def _headers(self) -> list[str]:
        return [_("Figure"), _("Value")]

    def to_markdown(self) -> str:
        """Markdown body."""
        return md_table(self._headers(), self._rows())

    def to_html(self) -> str:
        """HTML body."""
        return html_table(self._headers(), self._rows())


def overview_section(context: ReportContext) -> OverviewSection:
    """Build the overview section."""
    return OverviewSection(compute_overview(context))


# -- counts per sector and domain -----------------------------------------------------------
@frozen
class SectorCount:
    """Organisations and professionals in one sector."""

    sector: str
    """The sector's value, e.g. ``"primary_school"``."""
    label: str
    """Its human label."""
    domain: str
    """The domain it belongs to."""
    organisations: int
    """Organisations in the sector."""
    professionals: int
    """Professionals whose main organisation is in the sector."""


@frozen
class DomainCount:
    """Organisations, professionals and ties of one domain."""

    domain: str
    """The domain's value, e.g. ``"care"``."""
    organisations: int
    """Organisations in the domain."""
    professionals: int
    """Professionals whose main organisation is in the domain."""
    ties_within: int
    """Ties (graph edges) between two professionals of this domain."""
    ties_across: int
    """Ties (graph edges) between this domain and another one."""


@frozen
class CountsSection:
    """Counts per sector and per domain."""

    sectors: tuple[SectorCount, ...]
    """One row per sector present, in vocabulary order."""
    domains: tuple[DomainCount, ...]
    """One row per domain present, in vocabulary order."""
    key: str = "counts"
    """Section key."""
    title: str = N_("Organisations and professionals per sector and domain")
    """Section title."""

    _SECTOR_HEADERS = (N_("Sector"), N_("Domain"), N_("Organisations"), N_("Professionals"))
    _DOMAIN_HEADERS = (
        N_("Domain"),
        N_("Organisations"),
        N_("Professionals"),
        N_("Ties within"),
        N_("Ties across"),
    )

    def _sector_rows(self) -> list[list[object]]:
        return [
            [term(s.label), domain_label(s.domain), s.organisations, s.professionals]
            for s in self.sectors
        ]

    def _domain_rows(self) -> list[list[object]]:
        return [
            [domain_label(d.domain), d.organisations, d.professionals, d.ties_within, d.ties_across]
            for d in self.domains
        ]

    def to_markdown(self) -> str:
        """Markdown body."""
        return (
            md_table(translate_all(self._SECTOR_HEADERS), self._sector_rows())
            + "\n\n"
            + md_table(translate_all(self._DOMAIN_HEADERS), self._domain_rows())
        )

    def to_html(self) -> str:
        """HTML body."""
        return (
            html_table(translate_all(self._SECTOR_HEADERS), self._sector_rows())
            + "\n"
            + html_table(translate_all(self._DOMAIN_HEADERS), self._domain_rows())
        )


def counts_section(context: ReportContext) -> CountsSection:
    """Count organisations and professionals per sector, and ties within and across domains."""
    region, C = context.region, context.compact  # noqa: N806
    orgs = Counter(o.sector.value for o in region.organisations)
    known = C.sector >= 0
    per_sector = np.bincount(C.sector[known], minlength=len(C.sectors)).tolist()
    people = Counter({C.sectors[i]: n for i, n in enumerate(per_sector) if n})
    sectors = tuple(
        SectorCount(s.value, s.label, s.domain.value, orgs[s.value], people[s.value])
        for s in Sector
        if orgs[s.value] or people[s.value]
    )
    domain_orgs = Counter(o.sector.domain.value for o in region.organisations)
    k = len(C.domains) + 1  # the last code: unknown
    domain = np.where(C.domain >= 0, C.domain, k - 1).astype(np.int64)
    domain_people = Counter(
        {C.domains[i]: n for i, n in enumerate(np.bincount(domain, minlength=k)[:-1]) if n}
    )
    rows = np.repeat(np.arange(C.n_nodes), np.diff(C.indptr))
    upper = rows < C.indices  # each edge once
    du, dv = domain[rows[upper]], domain[C.indices[upper]]
    same = du == dv
    inside = np.bincount(du[same], minlength=k).tolist()
    outside = (np.bincount(du[~same], minlength=k) + np.bincount(dv[~same], minlength=k)).tolist()
    labels = (*C.domains, "unknown")
    within = Counter({labels[i]: n for i, n in enumerate(inside) if n})
    across = Counter({labels[i]: n for i, n in enumerate(outside) if n})
    present = set(domain_orgs) | set(domain_people)
    domains = tuple(
        DomainCount(d, domain_orgs[d], domain_people[d], within[d], across[d])
        for d in sorted(present, key=lambda d: _DOMAIN_ORDER.get(d, len(_DOMAIN_ORDER)))
    )
    return CountsSection(sectors, domains)


# -- islands and silos ----------------------------------------------------------------------
@frozen
class IslandRow:
    """One island, summarised for a table."""

    rank: int
    """1 for the largest island, 2 for the next, ..."""
    size: int
    """Number of professionals in it."""
    share: float
    """Share of all professionals (0 to 1)."""
    domains: tuple[tuple[str, int], ...]
    """Professionals per domain, most first."""
    organisations: tuple[tuple[str, int], ...]
    """Professionals per organisation (by name), most first."""
    municipalities: tuple[str, ...]
    """The municipalities present."""
    is_silo: bool
    """True when the island holds only one domain."""


def _by_count(counts: Mapping[Any, int]) -> tuple[tuple[str, int], ...]:
    return tuple(
        sorted(((str(k), int(c)) for k, c in counts.items()), key=lambda kc: (-kc[1], kc[0]))
    )


def _island_row(rank: int, position: int, island: Island, context: ReportContext) -> IslandRow:
    """Island ``position`` of ``context.islands.islands``, shown as ``#rank``."""
    C = context.compact  # noqa: N806
    total = max(len(context.region.professionals), 1)
    codes = C.organisation[context.members_of(position)]
    found, counts = np.unique(codes.astype(np.int64), return_counts=True)
    main_org: Counter[str] = Counter()
    for code, count in zip(found.tolist(), counts.tolist(), strict=True):
        main_org[context.organisation_name(code)] += count
    return IslandRow(
        rank=rank,
        size=island.size,
        share=island.size / total,
        domains=_by_count(island.domains),
        organisations=_by_count(main_org),
        municipalities=tuple(sorted(str(m) for m in island.municipalities)),
        is_silo=bool(island.is_silo),
    )


@frozen
class IslandsSection:
    """Every island of two or more people, largest first."""

    islands: tuple[IslandRow, ...]
    """The islands with two or more professionals, largest first (at most ``MAX_LISTED``)."""
    total: int
    """The number of such islands (more than may be listed)."""
    key: str = "islands"
    """Section key."""
    title: str = N_("Islands")
    """Section title."""

    _HEADERS = (
        N_("Island"),
        N_("People"),
        N_("Share (%)"),
        N_("Domains"),
        N_("Organisations"),
        N_("Silo"),
    )

    def _rows(self) -> list[list[object]]:
        return [
            [
                f"#{r.rank}",
                r.size,
                round(100 * r.share, 1),
                _counts_text(r.domains),
                len(r.organisations),
                _("yes") if r.is_silo else _("no"),
            ]
            for r in self.islands[:MAX_LISTED]
        ]

    def _intro(self) -> str:
        return ngettext(
            "{n} island of two or more professionals: a group connected among "
            "themselves but to no one outside. People without any tie are listed below.",
            "{n} islands of two or more professionals: groups connected among "
            "themselves but to no one outside. People without any tie are listed below.",
            self.total,
        ).format(n=format_int(self.total))

    def to_markdown(self) -> str:
        """Markdown body."""
        more = _more(self.total, min(self.total, MAX_LISTED), N_("islands"))
        table = md_table(translate_all(self._HEADERS), self._rows())
        return "\n\n".join(p for p in (self._intro(), table, more) if p)

    def to_html(self) -> str:
        """HTML body."""
        more = _more(self.total, min(self.total, MAX_LISTED), N_("islands"))
        return (
            f"<p>{esc(self._intro())}</p>\n"
            + html_table(translate_all(self._HEADERS), self._rows())
            + (f'\n<p class="muted">{esc(more)}</p>' if more else "")
        )


def islands_section(context: ReportContext) -> IslandsSection:
    """Summarise every island with two or more professionals."""
    groups = [(p, i) for p, i in enumerate(context.islands.islands) if i.size > 1]
    rows = tuple(
        _island_row(rank, p, i, context) for rank, (p, i) in enumerate(groups[:MAX_LISTED], 1)
    )
    return IslandsSection(rows, len(groups))


@frozen
class SilosSection:
    """Islands whose people all work in one domain."""

    silos: tuple[IslandRow, ...]
    """The silos with two or more professionals, largest first (at most ``MAX_LISTED``)."""
    total: int
    """The number of such silos."""
    key: str = "silos"
    """Section key."""
    title: str = N_("Silos")
    """Section title."""

    def _lines(self) -> list[str]:
        out = []
        for r in self.silos[:MAX_LISTED]:
            domain = r.domains[0][0] if r.domains else "unknown"
            orgs = "; ".join(f"{name} ({format_int(count)})" for name, count in r.organisations[:5])
            text = ngettext(
                "{n} professional, all in {domain}: {organisations}",
                "{n} professionals, all in {domain}: {organisations}",
                r.size,
            )
            out.append(
                text.format(n=format_int(r.size), domain=domain_label(domain), organisations=orgs)
            )
        return out

    def _empty(self) -> str:
        return _("No silos: every island with two or more people spans more than one domain.")

    def to_markdown(self) -> str:
        """Markdown body."""
        if not self.silos:
            return self._empty()
        more = _more(self.total, min(len(self.silos), MAX_LISTED), N_("silos"))
        items = "\n".join(f"- {md_escape(line)}" for line in self._lines())
        return items + (f"\n\n{more}" if more else "")

    def to_html(self) -> str:
        """HTML body."""
        if not self.silos:
            return f"<p>{esc(self._empty())}</p>"
        more = _more(self.total, min(len(self.silos), MAX_LISTED), N_("silos"))
        items = "".join(f"<li>{esc(line)}</li>" for line in self._lines())
        return f"<ul>{items}</ul>" + (f'\n<p class="muted">{esc(more)}</p>' if more else "")


def silos_section(context: ReportContext) -> SilosSection:
    """List the silos of two or more professionals."""
    ranked = [(rank, i) for rank, i in enumerate(context.islands.islands, 1) if i.is_silo]
    silos = tuple(_island_row(rank, rank - 1, i, context) for rank, i in ranked[:MAX_LISTED])
    return SilosSection(silos, len(ranked))


# -- isolates -------------------------------------------------------------------------------
@frozen
class IsolatesSection:
    """Professionals who have no tie at all."""

    people: tuple[PersonRow, ...]
    """The isolated professionals, by id (at most ``MAX_LISTED``)."""
    total: int
    """The number of isolated professionals."""
    key: str = "isolates"
    """Section key."""
    title: str = N_("Professionals without any tie")
    """Section title."""

    _HEADERS = (N_("Id"), N_("Name"), N_("Role"), N_("Organisation"), N_("Sector"))

    def _rows(self) -> list[list[object]]:
        return [
            [p.id, p.name, term(p.role), p.organisation, term(p.sector)]
            for p in self.people[:MAX_LISTED]
        ]

    def to_markdown(self) -> str:
        """Markdown body."""
        if not self.people:
            return _("Everyone has at least one tie.")
        more = _more(self.total, min(len(self.people), MAX_LISTED), N_("people"))
        table = md_table(translate_all(self._HEADERS), self._rows())
        return table + (f"\n\n{more}" if more else "")

    def to_html(self) -> str:
        """HTML body."""
        if not self.people:
            return f"<p>{esc(_('Everyone has at least one tie.'))}</p>"
        more = _more(self.total, min(len(self.people), MAX_LISTED), N_("people"))
        return html_table(translate_all(self._HEADERS), self._rows()) + (
            f'\n<p class="muted">{esc(more)}</p>' if more else ""
        )


def isolates_section(context: ReportContext) -> IsolatesSection:
    """List the professionals without any tie."""
    isolates = sorted(str(i) for i in context.islands.isolates)
    rows = tuple(context.person_by_id(pid) for pid in isolates[:MAX_LISTED])
    return IsolatesSection(rows, len(isolates))


# -- picture --------------------------------------------------------------------------------
@frozen
class PictureSection:
    """The network picture: inline SVG in HTML, a file reference in Markdown."""

    picture: NetworkPicture
    """The laid-out picture."""
    svg: str
    """The picture drawn as SVG."""
    shown: int | None = None
    """When only part of the organisations is drawn: how many (``None``: all)."""
    total: int | None = None
    """When only part of the organisations is drawn: how many there are."""
    file_name: str = PICTURE_FILE
    """Where the Markdown expects the SVG file, relative to ``report.md``."""
    key: str = "picture"
    """Section key."""
    title: str = N_("The network, coloured by domain")
    """Section title."""

    def _caption(self) -> str:
        if self.picture.level == "professional":
            text = _(
                "Each dot is a professional; lines are ties. Colours show the domain "
                "(see the legend). Hover over a dot to see who it is."
            )
        else:
            text = _(
                "Each dot is an organisation; lines are ties. Colours show the domain "
                "(see the legend). Hover over a dot to see who it is."
            )
        if self.shown is not None:
            text += " " + _(
                "Only the {shown} organisations with the most ties to other organisations "
                "are drawn, out of {total}."
            ).format(shown=format_int(self.shown), total=format_int(self.total or 0))
        return text

    def files(self) -> dict[str, str]:
        """The picture to write next to ``report.md``: file name to SVG text."""
        return {self.file_name: self.svg}

    def to_markdown(self) -> str:
        """Markdown body."""
        return (
            f"![{md_escape(self.picture.title)}]({self.file_name})\n\n{md_escape(self._caption())}"
        )

    def to_html(self) -> str:
        """HTML body."""
        return f"<figure>\n{self.svg}<figcaption>{esc(self._caption())}</figcaption>\n</figure>"


def picture_section(context: ReportContext) -> PictureSection:
    """Lay out and draw the network: professionals if few enough, else organisations.

    It draws the professionals when there are at most ``MAX_PROFESSIONAL_NODES`` (with the
    context's graph and layout, which the map shares), else the organisations with the
    most ties (at most ``MAX_ORGANISATION_NODES``).
    """

    region = context.region
    orgs = {o.id: o for o in region.organisations}
    if context.compact.n_nodes <= MAX_PROFESSIONAL_NODES:
        labels = {}
        for person in region.professionals:
            org = orgs.get(person.organisation)
            where = org.name if org else person.organisation
            role = role_label(person.role.value)
            labels[person.id] = f"{person.name} ({role}, {where})"
        picture = layout_picture(
            context.professional_graph,
            title=_("Professionals in {region} and who knows whom").format(region=region.name),
            seed=context.seed,
            labels=labels,
            positions=context.professional_layout,
        )
        return PictureSection(picture, render_svg(picture))
    graph, staff = organisation_graph(
        region, context.compact, limit=MAX_ORGANISATION_NODES, ties=context.organisation_ties
    )
    picture = layout_picture(
        graph,
        title=_("Organisations in {region} and their ties").format(region=region.name),
        level="organisation",
        seed=context.seed,
        labels={o: f"{orgs[o].name} ({term(orgs[o].sector.label)})" for o in graph},
        sizes=staff,
    )
    total = len(region.organisations)
    capped = graph.number_of_nodes() < total
    return PictureSection(
        picture,
        render_svg(picture),
        shown=graph.number_of_nodes() if capped else None,
        total=total if capped else None,
    )


DEFAULT_SECTIONS = (
    overview_section,
    counts_section,
    islands_section,
    silos_section,
    isolates_section,
    brokers_section,
    mixing_section,
    cohesion_section,
    trust_section,
    reach_section,
    bus_factor_section,
    change_section,
    lea_table_section,
    working_groups_section,
    agendas_section,
    agreements_section,
    meetings_section,
    cases_section,
    team_section,
    introductions_section,
    map_section,
    picture_section,
)
"""The built-in section builders, in display order; those with nothing to say are left out."""
