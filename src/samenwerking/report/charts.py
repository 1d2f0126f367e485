"""Charts for the report, drawn with matplotlib as inline SVG that screen readers can read.

Each function returns a :class:`~samenwerking.report._format.Figure` block: the SVG
carries ``role="img"``, a ``<title>`` and a ``<desc>`` that says in words what the chart
shows, and the section lists the same numbers in a table. The SVG is deterministic
(fixed hash salt, no date), its text stays text, and numbers follow the report's language.

Example
-------
>>> figure = degree_chart([0, 1, 1, 2, 3, 3, 3])
>>> figure.svg.startswith("<svg") and 'role="img"' in figure.svg and "<desc" in figure.svg
True
>>> degree_chart([0, 1, 1, 2, 3, 3, 3]).svg == figure.svg
True
"""

from __future__ import annotations

import io
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure as Canvas
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samenwerking.report._format import Figure
from samenwerking.report.html import esc
from samenwerking.report.i18n import _, format_int, format_number

__all__ = [
    "before_after_chart",
    "days_chart",
    "degree_chart",
    "ei_chart",
    "mixing_heatmap",
]

_BLUE, _ORANGE, _GREY, _INK = "#0072B2", "#E69F00", "#8c959f", "#1f2328"


@contextmanager
def _style(key: str) -> Iterator[None]:
    with mpl.rc_context(
        {
            "svg.hashsalt": f"samenwerking-{key}",
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": _GREY,
            "axes.labelcolor": _INK,
            "xtick.color": _INK,
            "ytick.color": _INK,
        }
    ):
        yield


def _svg(canvas: Canvas, key: str, title: str, description: str) -> str:
    """The figure as an SVG element with a title and a description for screen readers."""
    out = io.StringIO()
    canvas.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = out.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    head_end = text.index(">") + 1
    opening = text[:head_end]
    opening = opening[:-1] + (f' role="img" aria-labelledby="chart-{key}-title chart-{key}-desc">')
    labels = (
        f'<title id="chart-{key}-title">{esc(title)}</title>'
        f'<desc id="chart-{key}-desc">{esc(description)}</desc>'
    )
    return opening + labels + text[head_end:].strip() + "\n"


def _figure(
    key: str, draw: Callable[[Canvas], None], title: str, caption: str, text: str
) -> Figure:
    with _style(key):
        canvas = Canvas(figsize=(6.4, 3.6), layout="constrained")
        draw(canvas)
        svg = _svg(canvas, key, title, text)
    return Figure(svg, f"chart-{key}.svg", title, caption)


def _numbers(axis: Any) -> None:
    """Tick labels in the report's language, with as many decimals as the scale needs."""

    def label(value: float, _position: object) -> str:
        low, high = axis.get_view_interval()
        span = abs(high - low) or 1.0
        return format_number(value, max(0, 2 - math.floor(math.log10(span))))

    axis.set_major_formatter(FuncFormatter(label))


def _integers(axis: Any) -> None:
    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _position: format_int(round(value))))


def degree_chart(degrees: Sequence[int]) -> Figure:
    """How many people have how many ties: a bar per number of ties (binned above 40)."""
    counts = Counter(int(d) for d in degrees)
    top = max(counts, default=0)
    if top <= 40:
        edges = list(range(top + 2))
    else:
        edges = sorted({0, 1, *np.unique(np.geomspace(1, top + 1, 24).astype(int)).tolist()})
        edges.append(top + 1)
    bins = [
        (low, high, sum(c for d, c in counts.items() if low <= d < high))
        for low, high in itertools.pairwise(edges)
        if high > low
    ]

    def draw(canvas: Canvas) -> None:
        axes = canvas.add_subplot()
        for low, high, people in bins:
            axes.bar(low, people, width=max(high - low, 1) * 0.9, align="edge", color=_BLUE)
        axes.set_xlabel(_("ties per person"))
        axes.set_ylabel(_("people"))
        _integers(axes.yaxis)
        _integers(axes.xaxis)

    isolated = counts.get(0, 0)
    values = sorted(int(d) for d in degrees)
    median = values[len(values) // 2] if values else 0
    text = _(
        "{people} people; {isolated} without any tie; half have {median} ties or fewer; "
        "the most connected person has {top}."
    ).format(
        people=format_int(len(values)),
        isolated=format_int(isolated),
        median=format_int(median),
        top=format_int(top),
    )
    return _figure(
        "degrees",
        draw,
        _("How many ties people have"),
        _("Each bar counts the people with that many ties (wider bars: a range)."),
        text,
    )


def mixing_heatmap(labels: Sequence[str], matrix: Sequence[Sequence[int]]) -> Figure:
    """Ties between domains as a heat map: darker is more, every cell labelled."""
    values = np.array(matrix, dtype=float).reshape(len(labels), len(labels))

    def draw(canvas: Canvas) -> None:
        axes = canvas.add_subplot()
        edges = np.arange(len(labels) + 1) - 0.5  # vector cells, no embedded image
        axes.pcolormesh(edges, edges, values, cmap="Blues", vmin=0)
        axes.set_aspect("equal")
        axes.invert_yaxis()
        axes.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
        axes.set_yticks(range(len(labels)), labels)
        top = values.max() if values.size else 0
        for i in range(len(labels)):
            for j in range(len(labels)):
                dark = top > 0 and values[i, j] > top * 0.6
                axes.text(
                    j, i, format_int(int(values[i, j])), ha="center", va="center",
                    color="#ffffff" if dark else _INK, fontsize=9,
                )  # fmt: skip
        axes.spines[:].set_visible(False)

    pairs = [
        (int(values[i, j]), labels[i], labels[j])
        for i in range(len(labels))
        for j in range(i, len(labels))
    ]
    across = sorted((p for p in pairs if p[1] != p[2]), reverse=True)[:3]
    inside = sum(p[0] for p in pairs if p[1] == p[2])
    text = _("{inside} ties stay inside a domain. Most ties across domains: {pairs}.").format(
        inside=format_int(inside),
        pairs="; ".join(f"{a} – {b}: {format_int(n)}" for n, a, b in across) or "-",
    )
    return _figure(
        "mixing",
        draw,
        _("Ties between domains"),
        _("Rows and columns are domains; each cell counts the ties between them."),
        text,
    )


def ei_chart(groups: Sequence[tuple[str, float]]) -> Figure:
    """The E-I index of each group as a bar from -1 (all inside) to +1 (all across)."""
    shown = [(label, value) for label, value in groups if not math.isnan(value)]

    def draw(canvas: Canvas) -> None:
        canvas.set_size_inches(6.4, 1.2 + 0.4 * max(len(shown), 1))
        axes = canvas.add_subplot()
        names = [label for label, _value in shown][::-1]
        values = [value for _label, value in shown][::-1]
        axes.barh(names, values, color=[_BLUE if v < 0 else _ORANGE for v in values])
        axes.axvline(0, color=_GREY, linewidth=0.8)
        axes.set_xlim(-1, 1)
        axes.set_xlabel(_("E-I index: -1 every tie inside the group, +1 every tie across"))
        _numbers(axes.xaxis)

    text = "; ".join(f"{label}: {format_number(value, 2)}" for label, value in shown)
    return _figure(
        "ei",
        draw,
        _("E-I index per domain"),
        _("Bars to the left: a domain keeps to itself; to the right: it ties across."),
        text or _("No group has ties."),
    )


def days_chart(rows: Sequence[tuple[str, float | None]]) -> Figure:
    """Median days out of school per municipality; suppressed ones marked, not drawn."""
    marker = _("suppressed")

    def draw(canvas: Canvas) -> None:
        canvas.set_size_inches(6.4, 1.2 + 0.4 * max(len(rows), 1))
        axes = canvas.add_subplot()
        names = [name for name, _value in rows][::-1]
        values = [value for _name, value in rows][::-1]
        top = max((v for v in values if v is not None), default=1.0) or 1.0
        axes.barh(names, [v or 0 for v in values], color=_BLUE)
        for y, value in enumerate(values):
            if value is None:
                axes.text(top * 0.01, y, marker, va="center", color=_INK, style="italic")
            else:
                axes.text(value + top * 0.01, y, format_number(value, 1), va="center")
        axes.set_xlim(0, top * 1.15)
        axes.set_xlabel(_("median days out of school"))
        _numbers(axes.xaxis)

    text = "; ".join(
        f"{name}: {marker if value is None else format_number(value, 1)}" for name, value in rows
    )
    return _figure(
        "days",
        draw,
        _("Days out of school per municipality"),
        _(
            "The median days out of school of the cases of each municipality; "
            "'suppressed' where too few cases have a known duration to publish it."
        ),
        text,
    )


def before_after_chart(
    names: Sequence[str], before: Sequence[float | None], after: Sequence[float | None]
) -> Figure:
    """Each figure before and after, as a pair of bars on its own scale."""
    rows = [
        (name, b, a)
        for name, b, a in zip(names, before, after, strict=True)
        if b is not None and a is not None
    ][:8]
    word_before, word_after = _("before"), _("after")

    def draw(canvas: Canvas) -> None:
        canvas.set_size_inches(6.4, 0.8 + 0.7 * max(len(rows), 1))
        grid = canvas.subplots(max(len(rows), 1), 1, squeeze=False)
        for axes, (name, b, a) in zip(grid[:, 0], rows, strict=False):
            axes.barh([word_after, word_before], [a, b], color=[_ORANGE, _GREY])
            axes.set_title(name, loc="left", fontsize=9)
            low = min(0.0, a, b)
            axes.set_xlim(low, max(a, b, 0.0) * 1.15 or 1.0)
            _numbers(axes.xaxis)
            for y, value in enumerate((a, b)):
                axes.text(value, y, " " + format_number(value, 3), va="center", fontsize=8)

    text = "; ".join(
        _("{name}: {before} before, {after} after").format(
            name=name, before=format_number(b, 3), after=format_number(a, 3)
        )
        for name, b, a in rows
    )
    return _figure(
        "change",
        draw,
        _("Before and after"),
        _("Each pair of bars shows one figure in the earlier snapshot and now."),
        text,
    )
