"""Building blocks of section bodies (text, lists, tables, heat maps), as Markdown and HTML.

A section describes its body as a few blocks; :class:`BlockSection` renders them both
ways, escaping all text and capping long tables with "... and N more".

Example
-------
>>> table = Table(("Name", "Ties"), (("<A>", 3), ("B", 2)), total=5, what="people")
>>> print(blocks_markdown([Text("Two of five:"), table]))
Two of five:
<BLANKLINE>
| Name | Ties |
| --- | ---: |
| \\<A\\> | 3 |
| B | 2 |
<BLANKLINE>
... and 3 more people.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from attrs import frozen

from samenwerking.report.html import esc, html_table
from samenwerking.report.i18n import _, format_int
from samenwerking.report.markdown import md_escape, md_table

__all__ = [
    "MAX_LISTED",
    "Block",
    "BlockSection",
    "Figure",
    "HeatTable",
    "Items",
    "Table",
    "Text",
    "blocks_html",
    "blocks_markdown",
    "defined",
    "more_text",
    "number",
]

MAX_LISTED = 25
"""At most this many rows or items are listed; the rest are counted."""


def more_text(total: int, shown: int, what: str) -> str:
    """``"... and N more <what>."`` when ``total`` exceeds ``shown``, else ``""``.

    ``what`` is translated too (mark it with :func:`~samenwerking.report.i18n.N_` or
    :func:`~samenwerking.report.i18n._`).

    Example
    -------
    >>> more_text(30, 25, "islands")
    '... and 5 more islands.'
    >>> from samenwerking.report.i18n import use_language
    >>> with use_language("nl"):
    ...     more_text(1030, 25, "islands")
    '... en nog 1.005 eilandjes.'
    """
    if total <= shown:
        return ""
    return _("... and {n} more {what}.").format(n=format_int(total - shown), what=_(what))


def defined(value: float | None) -> float | None:
    """The value, or ``None`` when it is missing or not a number (so reports compare equal).

    Example
    -------
    >>> defined(float("nan")) is None, defined(0.5)
    (True, 0.5)
    """
    if value is None or math.isnan(value):
        return None
    return float(value)


def number(value: float | None, digits: int = 3) -> float | str:
    """A value rounded for a table, or ``"n/a"`` when it is missing or not a number.

    The table renderers write the number, and ``"n/a"``, in the report's language.

    Example
    -------
    >>> number(2 / 3), number(float("nan")), number(None)
    (0.667, 'n/a', 'n/a')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return round(float(value), digits)


@frozen
class Text:
    """A paragraph."""

    text: str
    """The text (plain, escaped when rendered)."""
    muted: bool = False
    """Shown in grey (notes, captions)."""


@frozen
class Items:
    """A bulleted list, capped at :data:`MAX_LISTED` items."""

    items: tuple[str, ...]
    """The items (plain text)."""
    total: int | None = None
    """The number of items there are (more than given); ``None``: as many as given."""
    what: str = "items"
    """What the items are, for "... and N more"."""


@frozen
class Table:
    """A table, capped at :data:`MAX_LISTED` rows."""

    headers: tuple[str, ...]
    """Column headers."""
    rows: tuple[tuple[object, ...], ...]
    """The rows (numbers are right-aligned)."""
    total: int | None = None
    """The number of rows there are (more than given); ``None``: as many as given."""
    what: str = "rows"
    """What the rows are, for "... and N more"."""


@frozen
class HeatTable:
    """A square table of counts; in HTML each cell is shaded by its count."""

    corner: str
    """The top-left header."""
    labels: tuple[str, ...]
    """Row and column labels."""
    counts: tuple[tuple[int, ...], ...]
    """``counts[i][j]`` for row ``labels[i]`` and column ``labels[j]``."""


@frozen
class Figure:
    """A picture: inline SVG in HTML, a reference to its file in Markdown.

    :func:`samenwerking.report.write_report` writes ``svg`` to ``file_name`` next to
    ``report.md``.
    """

    svg: str
    """The picture as a standalone SVG document (all text in it escaped)."""
    file_name: str
    """The SVG file's name, relative to ``report.md``."""
    title: str
    """What the picture shows (the Markdown alt text)."""
    caption: str
    """How to read it."""


Block = Text | Items | Table | HeatTable | Figure
"""Anything a section body is made of."""


def _shown(total: int | None, given: int) -> tuple[int, int]:
    shown = min(given, MAX_LISTED)
    return shown, given if total is None else total


def _heat_rows(block: HeatTable) -> list[list[object]]:
    return [[label, *row] for label, row in zip(block.labels, block.counts, strict=True)]


def blocks_markdown(blocks: Sequence[Block]) -> str:
    """Render blocks as Markdown, separated by blank lines."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Text):
            parts.append(md_escape(block.text) if not block.muted else f"_{md_escape(block.text)}_")
        elif isinstance(block, Items):
            shown, total = _shown(block.total, len(block.items))
            parts.append("\n".join(f"- {md_escape(item)}" for item in block.items[:shown]))
            parts.append(more_text(total, shown, block.what))
        elif isinstance(block, Table):
            shown, total = _shown(block.total, len(block.rows))
            parts.append(md_table(block.headers, block.rows[:shown]))
            parts.append(more_text(total, shown, block.what))
        elif isinstance(block, Figure):
            parts.append(f"![{md_escape(block.title)}]({block.file_name})")
            parts.append(md_escape(block.caption))
        else:
            parts.append(md_table((block.corner, *block.labels), _heat_rows(block)))
    return "\n\n".join(p for p in parts if p)


def _heat_html(block: HeatTable) -> str:
    top = max((c for row in block.counts for c in row), default=0) or 1
    head = "".join(f'<th class="num">{esc(label)}</th>' for label in block.labels)
    body = []
    for label, row in zip(block.labels, block.counts, strict=True):
        cells = []
        for count in row:
            alpha = round(0.06 + 0.6 * count / top, 3) if count else 0.0
            style = f' style="background-color: rgba(0, 114, 178, {alpha})"' if count else ""
            cells.append(f'<td class="num"{style}>{esc(format_int(count))}</td>')
        body.append(f"<tr><th>{esc(label)}</th>{''.join(cells)}</tr>")
    return (
        f'<table class="heat"><thead><tr><th>{esc(block.corner)}</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _muted(text: str) -> str:
    return f'<p class="muted">{esc(text)}</p>' if text else ""


def blocks_html(blocks: Sequence[Block]) -> str:
    """Render blocks as an HTML fragment, all text escaped."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Text):
            parts.append(_muted(block.text) if block.muted else f"<p>{esc(block.text)}</p>")
        elif isinstance(block, Items):
            shown, total = _shown(block.total, len(block.items))
            items = "".join(f"<li>{esc(item)}</li>" for item in block.items[:shown])
            parts.append(f"<ul>{items}</ul>" if items else "")
            parts.append(_muted(more_text(total, shown, block.what)))
        elif isinstance(block, Table):
            shown, total = _shown(block.total, len(block.rows))
            parts.append(html_table(block.headers, block.rows[:shown]))
            parts.append(_muted(more_text(total, shown, block.what)))
        elif isinstance(block, Figure):
            parts.append(
                f"<figure>\n{block.svg}<figcaption>{esc(block.caption)}</figcaption>\n</figure>"
            )
        else:
            parts.append(_heat_html(block))
    return "\n".join(p for p in parts if p)


class BlockSection:
    """Mixin for sections whose body is a list of blocks: define :meth:`blocks`."""

    def blocks(self) -> list[Block]:
        """The body, as blocks."""
        raise NotImplementedError

    def files(self) -> dict[str, str]:
        """The pictures to write next to ``report.md``: file name to SVG text."""
        return {b.file_name: b.svg for b in self.blocks() if isinstance(b, Figure)}

    def to_markdown(self) -> str:
        """Markdown body."""
        return blocks_markdown(self.blocks())

    def to_html(self) -> str:
        """HTML body."""
        return blocks_html(self.blocks())
