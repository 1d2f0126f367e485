"""Notebook views: the compact HTML that Jupyter shows for a region or a result.

:func:`html_view` draws a one-line summary, a few notes (totals, what was suppressed), an
optional inline SVG picture and the first :data:`MAX_ROWS` rows of each table, with every
text escaped. It needs no pandas.

Example
-------
>>> from samenwerking.tabular import Table
>>> html = html_view("<Scores: 2>", [Table("scores", ("name", "score"), [("a<b", 0.5)])])
>>> "<table" in html and "a&lt;b" in html and "&lt;Scores: 2&gt;" in html
True
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from samenwerking.tabular import Table

if TYPE_CHECKING:
    from samenwerking.analysis import Island
    from samenwerking.model import Region
    from samenwerking.report.picture import NetworkPicture

__all__ = [
    "MAX_CELL",
    "MAX_ROWS",
    "MAX_TABLES",
    "cell_text",
    "html_view",
    "islands_svg",
    "region_svg",
    "region_view",
]

MAX_ROWS = 10
"""Rows shown per table; the view says how many more there are."""
MAX_TABLES = 6
"""Tables shown per view."""
MAX_CELL = 60
"""Characters shown per cell before it is cut with an ellipsis."""
SUPPRESSED = "x"
"""What a suppressed count shows, as in the published CSV tables."""


def cell_text(value: object, *, count: bool = False) -> str:
    """How one value reads in a notebook table (not yet escaped).

    Example
    -------
    >>> cell_text(None, count=True), cell_text(0.123456), cell_text(("a", "b")), cell_text(None)
    ('x', '0.1235', 'a, b', '')
    """
    if value is None:
        return SUPPRESSED if count else ""
    if isinstance(value, enum.Enum):
        text = str(value.value)
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, float):
        text = "" if math.isnan(value) else f"{value:.4g}"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, Mapping):
        text = ", ".join(f"{cell_text(k)}: {cell_text(v)}" for k, v in value.items())
    elif isinstance(value, tuple | list | frozenset | set):
        text = ", ".join(cell_text(v) for v in value)
    else:
        text = str(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _table_html(table: Table) -> str:
    counts = {table.columns.index(c) for c in table.counts}
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    body = []
    for row in table.rows[:MAX_ROWS]:
        cells = []
        for i, value in enumerate(row):
            text = escape(cell_text(value, count=i in counts))
            tag = "th" if i < table.index else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{scope}>{text}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    rows = len(table)
    shown = min(rows, MAX_ROWS)
    caption = f"{escape(table.name)}: {rows} row{'s' if rows != 1 else ''}"
    if shown < rows:
        caption += f" (first {shown} shown)"
    if table.suppressed:
        caption += f"; {table.suppressed} suppressed ({SUPPRESSED})"
    return (
        f'<table class="samenwerking-table"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def html_view(
    summary: str, tables: Iterable[Table], *, notes: Iterable[str] = (), svg: str = ""
) -> str:
    """The notebook HTML of a result: summary, notes, picture and the first rows of each table.

    ``svg`` is inserted as is (it is made by :mod:`samenwerking.report.picture`, which
    escapes its own text); everything else is escaped here.

    Example
    -------
    >>> from samenwerking.tabular import Table
    >>> rows = [(i, i * i) for i in range(25)]
    >>> html = html_view("<Squares>", [Table("squares", ("n", "square"), rows)], notes=["25 rows"])
    >>> html.count("<tr>"), "squares: 25 rows (first 10 shown)" in html
    (11, True)
    """
    parts = [f'<div class="samenwerking"><p><strong>{escape(summary)}</strong></p>']
    note_items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    if note_items:
        parts.append(f"<ul>{note_items}</ul>")
    if svg:
        parts.append(f'<div class="samenwerking-picture">{svg}</div>')
    all_tables = list(tables)
    for table in all_tables[:MAX_TABLES]:
        parts.append(_table_html(table))
    if len(all_tables) > MAX_TABLES:
        rest = ", ".join(t.name for t in all_tables[MAX_TABLES:])
        parts.append(f"<p>More tables in to_frames(): {escape(rest)}</p>")
    parts.append("</div>")
    return "".join(parts)


MAX_PICTURE_PEOPLE = 300
"""A region with at most this many professionals is drawn person by person in a notebook."""
MAX_PICTURE_ORGANISATIONS = 80
"""Otherwise at most this many organisations are drawn (those with the most ties)."""
PICTURE_WIDTH = 480
"""The width of a notebook picture in pixels (the drawing scales to it)."""


def _small(picture: NetworkPicture) -> str:
    from samenwerking.report.picture import render_svg

    svg = render_svg(picture)
    height = round(PICTURE_WIDTH * picture.height / picture.width)
    return svg.replace(
        f'width="{picture.width}" height="{picture.height}" role=',
        f'width="{PICTURE_WIDTH}" height="{height}" role=',
        1,
    )


def islands_svg(islands: Sequence[Island]) -> str:
    """A small picture with one dot per island, sized by its people, coloured by main domain.

    Example
    -------
    >>> from samenwerking.analysis import Island
    >>> svg = islands_svg([Island(("a", "b"), domains={"care": 2}), Island(("c",))])
    >>> svg.startswith("<svg") and 'width="480"' in svg
    True
    """
    import networkx as nx

    from samenwerking.report.picture import layout_picture

    G = nx.Graph()  # noqa: N806 - networkx convention
    for i, island in enumerate(islands):
        domain = max(island.domains, key=island.domains.__getitem__) if island.domains else ""
        G.add_node(i, domain=domain, name=f"island {i}: {island.size} people")
    sizes = {i: float(island.size) for i, island in enumerate(islands)}
    picture = layout_picture(G, title="Islands", level="organisation", sizes=sizes)
    return _small(picture)


def region_svg(region: Region) -> str:
    """A small picture of a region: its professionals, or for a big region its organisations.

    Example
    -------
    >>> import samenwerking as sw
    >>> region_svg(sw.example_region()).count("<circle") > 10
    True
    """
    from samenwerking.graph import compact_graph, to_graph
    from samenwerking.report.picture import layout_picture, organisation_graph

    if not region.professionals:
        return ""
    if len(region.professionals) <= MAX_PICTURE_PEOPLE:
        picture = layout_picture(to_graph(region), title=f"Who knows whom in {region.name}")
        return _small(picture)
    graph, staff = organisation_graph(
        region, compact_graph(region), limit=MAX_PICTURE_ORGANISATIONS
    )
    picture = layout_picture(
        graph,
        title=f"The {graph.number_of_nodes()} most tied organisations in {region.name}",
        level="organisation",
        sizes=staff,
    )
    return _small(picture)


def region_view(region: Region) -> str:
    """The notebook HTML of a region: counts, a small picture, organisations and people.

    Example
    -------
    >>> import samenwerking as sw
    >>> html = region_view(sw.example_region())
    >>> html.count("<table"), "<svg" in html
    (2, True)
    """
    staff: dict[str, int] = {}
    for person in region.professionals:
        staff[person.organisation] = staff.get(person.organisation, 0) + 1
    organisations = Table(
        "organisations",
        ("id", "name", "sector", "municipality", "professionals"),
        [
            (o.id, o.name, o.sector, o.municipality, staff.get(o.id, 0))
            for o in region.organisations
        ],
    )
    professionals = Table(
        "professionals",
        ("id", "name", "role", "organisation"),
        [(p.id, p.name, p.role, p.organisation) for p in region.professionals],
    )
    notes = (
        f"{len(region.agreements)} agreements, {len(region.agendas)} agendas, "
        f"{len(region.working_groups)} working groups, {len(region.meetings)} meetings",
        f"municipalities: {cell_text(region.municipalities)}",
        "all tables: region.to_frames()",
    )
    return html_view(
        repr(region), (organisations, professionals), notes=notes, svg=region_svg(region)
    )
