"""A picture of the collaboration network as SVG, coloured by domain.

:func:`layout_picture` computes where everything goes (once, with a fixed seed);
:func:`render_svg` only draws it. Colours come from the Okabe-Ito palette, which stays
distinguishable for the common forms of colour blindness; a legend names each domain.

Example
-------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("a", name="A", domain="care")
>>> G.add_node("b", name="B", domain="education")
>>> G.add_edge("a", "b")
>>> svg = render_svg(layout_picture(G, title="Two people"))
>>> svg.startswith("<svg") and "Two people" in svg
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import networkx as nx
from attrs import frozen

from samenwerking.graph import CompactGraph
from samenwerking.model import Domain, Region
from samenwerking.report.html import esc
from samenwerking.report.i18n import _, format_int
from samenwerking.report.layout import force_layout
from samenwerking.report.organisation_ties import OrganisationTies
from samenwerking.report.vocabulary import domain_label

__all__ = [
    "DOMAIN_COLOURS",
    "FORCE_LAYOUT_FROM",
    "MAX_ORGANISATION_NODES",
    "MAX_PROFESSIONAL_NODES",
    "NetworkPicture",
    "PictureEdge",
    "PictureNode",
    "layout_picture",
    "organisation_graph",
    "packed_layout",
    "render_svg",
]

MAX_PROFESSIONAL_NODES = 1500
"""Above this many professionals the picture shows organisations instead."""
FORCE_LAYOUT_FROM = 500
"""Islands of more nodes are laid out with the vectorised :func:`force_layout`."""
MAX_ORGANISATION_NODES = 400
"""At most this many organisations are drawn: those with the most ties to others."""

DOMAIN_COLOURS: dict[str, str] = {
    Domain.EDUCATION.value: "#0072B2",  # blue
    Domain.CARE.value: "#D55E00",  # vermillion
    Domain.MUNICIPALITY.value: "#009E73",  # bluish green
    Domain.CHILDCARE.value: "#E69F00",  # orange
    Domain.WELFARE.value: "#CC79A7",  # reddish purple
    Domain.SAFETY.value: "#56B4E9",  # sky blue
    Domain.OTHER.value: "#7F7F7F",  # grey
}
"""Okabe-Ito colours per domain (colour-blind friendly)."""

_UNKNOWN_COLOUR = "#000000"
_NEW_TIE_COLOUR = "#1f2328"
_WIDTH, _HEIGHT, _LEGEND, _MARGIN, _TOP = 880, 620, 210, 24, 40


@frozen
class PictureNode:
    """One dot: a professional or an organisation."""

    x: float
    """Horizontal position in pixels."""
    y: float
    """Vertical position in pixels."""
    radius: float
    """Dot radius in pixels."""
    domain: str
    """The domain, which sets the colour."""
    label: str
    """Tooltip text (name, role, organisation)."""


@frozen
class PictureEdge:
    """One line between two dots."""

    x1: float
    """Start, horizontal."""
    y1: float
    """Start, vertical."""
    x2: float
    """End, horizontal."""
    y2: float
    """End, vertical."""
    width: float
    """Line width in pixels."""
    new: bool = False
    """Drawn dashed and dark: a tie that does not exist yet (a suggested introduction)."""


@frozen
class NetworkPicture:
    """A laid-out network, ready to draw."""

    title: str
    """Shown at the top of the picture."""
    level: Literal["professional", "organisation"]
    """What the dots stand for."""
    nodes: tuple[PictureNode, ...]
    """The dots."""
    edges: tuple[PictureEdge, ...]
    """The lines."""
    legend: tuple[tuple[str, int], ...]
    """Each domain drawn, with how many dots it has, in vocabulary order."""
    width: int = _WIDTH + _LEGEND
    """Total width in pixels."""
    height: int = _HEIGHT + _TOP
    """Total height in pixels."""


def _domain_order(domain: str) -> int:
    order = [d.value for d in Domain]
    return order.index(domain) if domain in order else len(order)


def layout_picture(
    G: Any,  # noqa: N803 - networkx convention
    *,
    title: str,
    level: Literal["professional", "organisation"] = "professional",
    seed: int = 1,
    labels: Mapping[Any, str] | None = None,
    sizes: Mapping[Any, float] | None = None,
    new_edges: Iterable[tuple[Any, Any]] = (),
    positions: Mapping[Any, tuple[float, float]] | None = None,
) -> NetworkPicture:
    """Lay out a collaboration graph with ``networkx.spring_layout`` and a fixed seed.

    Parameters
    ----------
    G
        A graph from :func:`samenwerking.to_graph`; nodes carry ``domain`` and ``name``.
    title
        The picture's title.
    level
        Whether the nodes are professionals or organisations.
    seed
        Seed for the layout: the same graph and seed give the same picture.
    labels
        Tooltip text per node; by default the node's ``name`` attribute.
    sizes
        A size per node (e.g. the people in an organisation); dots grow with its root.
    new_edges
        Edges of ``G`` to draw dashed as ties that do not exist yet (suggested introductions);
        the layout leaves them out, so they are seen bridging the islands they would join.
    positions
        Positions already computed with :func:`packed_layout` for ``G`` and ``seed`` (used
        only without ``new_edges``), so a report lays its network out once.

    Example
    -------
    >>> import networkx as nx
    >>> picture = layout_picture(nx.path_graph(3), title="Path")
    >>> len(picture.nodes), len(picture.edges), picture.legend
    (3, 2, (('other', 3),))
    """
    nodes = list(G.nodes)
    fresh = {frozenset(edge) for edge in new_edges}
    laid_out = G
    if fresh:  # place people as they are now, so the new ties are seen to bridge islands
        laid_out = G.copy()
        laid_out.remove_edges_from(tuple(edge) for edge in fresh if len(edge) == 2)
    if positions is None or fresh:
        positions = packed_layout(laid_out, seed)
    xs = [float(positions[n][0]) for n in nodes]
    ys = [float(positions[n][1]) for n in nodes]
    x_low, x_span = (min(xs), (max(xs) - min(xs)) or 1.0) if xs else (0.0, 1.0)
    y_low, y_span = (min(ys), (max(ys) - min(ys)) or 1.0) if ys else (0.0, 1.0)
    scale = min((_WIDTH - 2 * _MARGIN) / x_span, (_HEIGHT - 2 * _MARGIN) / y_span)

    def place(node: Any) -> tuple[float, float]:
        x, y = positions[node]
        px = _MARGIN + (float(x) - x_low) * scale
        py = _TOP + _MARGIN + (float(y) - y_low) * scale
        return round(px, 1), round(py, 1)

    placed = {n: place(n) for n in nodes}
    domains: Counter[str] = Counter()
    dots = []
    for node in nodes:
        data = G.nodes[node]
        domain = str(data.get("domain") or Domain.OTHER.value)
        domains[domain] += 1
        label = labels[node] if labels is not None and node in labels else data.get("name")
        radius = 4.5
        if sizes is not None and node in sizes:
            radius = min(3.0 + 2.0 * math.sqrt(max(float(sizes[node]), 0.0)), 30.0)
        x, y = placed[node]
        dots.append(PictureNode(x, y, round(radius, 1), domain, str(label or node)))
    lines = []
    for u, v, data in G.edges(data=True):
        weight = data.get("weight")
        width = 0.6
        if level == "organisation" and isinstance(weight, int | float) and weight > 0:
            width = round(0.6 + math.log1p(float(weight)), 2)
        (x1, y1), (x2, y2) = placed[u], placed[v]
        is_new = frozenset((u, v)) in fresh
        lines.append(PictureEdge(x1, y1, x2, y2, 1.6 if is_new else width, is_new))
    legend = tuple(sorted(domains.items(), key=lambda item: _domain_order(item[0])))
    return NetworkPicture(title, level, tuple(dots), tuple(lines), legend)


def organisation_graph(
    region: Region,
    compact: CompactGraph,
    *,
    limit: int = MAX_ORGANISATION_NODES,
    ties: OrganisationTies | None = None,
) -> tuple[nx.Graph, dict[str, int]]:
    """A small networkx graph of the organisations with the most ties to other organisations.

    Two organisations are joined when people whose main organisation they are have ties;
    ``weight`` counts those ties (ties inside one organisation are left out), as in
    ``to_graph(region, level="organisation")``. It is computed from the compact graph's
    arrays, so only the (at most ``limit``) organisations drawn become networkx nodes;
    pass ``ties`` (summed once, e.g. :attr:`ReportContext.organisation_ties`) to draw
    several from one sum.

    Returns
    -------
    tuple
        The graph (nodes carry ``name``, ``sector`` and ``domain``) and the number of
        professionals per organisation drawn (by main organisation).

    Example
    -------
    >>> import samenwerking as sw
    >>> region = sw.example_region()
    >>> G, staff = organisation_graph(region, sw.compact_graph(region), limit=5)
    >>> G.number_of_nodes(), sum(staff.values()) <= len(region.professionals)
    (5, True)
    """
    orgs = region.organisations
    found = OrganisationTies.of(compact, len(orgs)) if ties is None else ties
    chosen = found.top(limit)
    G = nx.Graph()  # noqa: N806
    for i in chosen.tolist():
        o = orgs[i]
        G.add_node(o.id, name=o.name, sector=o.sector.value, domain=o.sector.domain.value)
    lows, highs, weights = found.pairs(chosen)
    for x, y, w in zip(lows.tolist(), highs.tolist(), weights.tolist(), strict=True):
        G.add_edge(orgs[x].id, orgs[y].id, weight=int(w))
    return G, {orgs[i].id: int(found.staff[i]) for i in chosen.tolist()}


def packed_layout(G: Any, seed: int) -> dict[Any, tuple[float, float]]:  # noqa: N803
    """Lay out each island on its own and pack them in rows, largest first.

    A single ``spring_layout`` of a graph with several islands pushes them to the edges
    and crams the largest one in the middle; packing gives each island room by its size.
    """
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    islands = sorted(
        (sorted(c, key=repr) for c in nx.connected_components(undirected)),
        key=lambda c: (-len(c), repr(c[0])),
    )
    total = sum(len(c) for c in islands)
    if not total:
        return {}
    row_width = math.sqrt(total * _WIDTH / _HEIGHT) * 1.05
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members in islands:
        side = math.sqrt(len(members))
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        if len(members) == 1:
            local = {members[0]: (0.5, 0.5)}
        else:
            island = undirected.subgraph(members)
            big = len(members) > FORCE_LAYOUT_FROM
            raw = force_layout(island, seed=seed) if big else nx.spring_layout(island, seed=seed)
            xs = [float(raw[m][0]) for m in members]
            ys = [float(raw[m][1]) for m in members]
            dx, dy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
            local = {
                m: (0.1 + 0.8 * (float(raw[m][0]) - min(xs)) / dx,
                    0.1 + 0.8 * (float(raw[m][1]) - min(ys)) / dy)
                for m in members
            }  # fmt: skip
        for m, (lx, ly) in local.items():
            out[m] = (x + lx * side, y + ly * side)
        x += side
        row_height = max(row_height, side)
    return out


def render_svg(picture: NetworkPicture) -> str:
    """Draw a laid-out network as a standalone SVG document; all text is escaped.

    Example
    -------
    >>> picture = NetworkPicture("<T>", "professional", (), (), ())
    >>> "&lt;T&gt;" in render_svg(picture)
    True
    """
    if picture.level == "professional":
        heading = _("Domain (professionals)")
    else:
        heading = _("Domain (organisations)")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {picture.width} '
        f'{picture.height}" width="{picture.width}" height="{picture.height}" role="img" '
        f'aria-label="{esc(picture.title)}">',
        f"<title>{esc(picture.title)}</title>",
        f'<rect width="{picture.width}" height="{picture.height}" fill="#ffffff"/>',
        f'<text x="{_MARGIN}" y="26" font-family="sans-serif" font-size="17" '
        f'fill="#1f2328">{esc(picture.title)}</text>',
        '<g stroke="#8c959f" stroke-opacity="0.45">',
    ]
    out += [
        f'<line x1="{e.x1}" y1="{e.y1}" x2="{e.x2}" y2="{e.y2}" stroke-width="{e.width}"/>'
        for e in picture.edges
        if not e.new
    ]
    fresh = [e for e in picture.edges if e.new]
    out.append(f'</g>\n<g stroke="{_NEW_TIE_COLOUR}" stroke-dasharray="5 3">')
    out += [
        f'<line x1="{e.x1}" y1="{e.y1}" x2="{e.x2}" y2="{e.y2}" stroke-width="{e.width}"/>'
        for e in fresh
    ]
    out.append('</g>\n<g stroke="#ffffff" stroke-width="0.8">')
    out += [
        f'<circle cx="{n.x}" cy="{n.y}" r="{n.radius}" '
        f'fill="{DOMAIN_COLOURS.get(n.domain, _UNKNOWN_COLOUR)}">'
        f"<title>{esc(n.label)}</title></circle>"
        for n in picture.nodes
    ]
    out.append("</g>")
    left = _WIDTH + 10
    out.append(
        f'<g font-family="sans-serif" font-size="13" fill="#1f2328">'
        f'<text x="{left}" y="{_TOP + 20}" font-weight="bold">{esc(heading)}</text>'
    )
    for i, (domain, count) in enumerate(picture.legend):
        y = _TOP + 44 + 24 * i
        colour = DOMAIN_COLOURS.get(domain, _UNKNOWN_COLOUR)
        out.append(
            f'<circle cx="{left + 7}" cy="{y - 4}" r="6" fill="{colour}"/>'
            f'<text x="{left + 20}" y="{y}">{esc(domain_label(domain))}: '
            f"{esc(format_int(count))}</text>"
        )
    if fresh:
        y = _TOP + 44 + 24 * len(picture.legend)
        introductions = _("suggested introduction: {n}").format(n=format_int(len(fresh)))
        out.append(
            f'<line x1="{left}" y1="{y - 4}" x2="{left + 14}" y2="{y - 4}" '
            f'stroke="{_NEW_TIE_COLOUR}" stroke-width="1.6" stroke-dasharray="5 3"/>'
            f'<text x="{left + 20}" y="{y}">{esc(introductions)}</text>'
        )
    out.append("</g>\n</svg>")
    return "\n".join(out) + "\n"
