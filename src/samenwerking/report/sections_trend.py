"""The "Trends over time" section: the headline figures of every snapshot, and a chart.

Present when the report is given a :class:`~samenwerking.analysis.Trend` (from
:func:`samenwerking.analysis.trend`, e.g. over the snapshots of a store): a table per
snapshot, a table of who joined and left and which islands merged or split between each two,
and, from two snapshots on, a chart over time. The chart is drawn with matplotlib as an
SVG without dates in it (the same trend gives the same bytes), with a ``<title>`` and a
``<desc>`` for screen readers; the tables hold the same figures.

Example
-------
>>> import datetime as dt
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> region = sw.example_region()
>>> found = sw.analysis.trend([(dt.date(2025, 1, 1), region), (dt.date(2026, 1, 1), region)])
>>> section = trend_builder(found)(ReportContext.of(region))
>>> section.key, len(section.rows), section.files()["trend.svg"].startswith("<svg")
('trend', 2, True)
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence

from attrs import frozen

from samenwerking.analysis.trend import Trend, TrendRow, TrendStep
from samenwerking.report._format import Block, BlockSection, Figure, Table, Text, number
from samenwerking.report.base import ReportContext, SectionBuilder
from samenwerking.report.html import esc
from samenwerking.report.i18n import (
    N_,
    _,
    current_language,
    format_date,
    format_int,
    format_percent,
)

__all__ = ["CHART_FILE", "TrendSection", "trend_builder", "trend_chart"]

CHART_FILE = "trend.svg"
"""The chart's file name next to ``report.md``."""

_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
"""Okabe-Ito colours, distinguishable with the common colour-vision deficiencies."""
_MARKERS = ("o", "s", "^", "D")


@frozen
class TrendSection(BlockSection):
    """The figures of every snapshot (oldest first) and the change between each two."""

    rows: tuple[TrendRow, ...]
    """One per snapshot, oldest first."""
    steps: tuple[TrendStep, ...]
    """One per two consecutive snapshots."""
    by: str = "domain"
    """The grouping behind the share across groups and the bus factor."""
    steps_within: int = 2
    """Within this many steps a care contact counts as within reach."""
    threshold: int = 5
    """Open thuiszitter counts below this read "fewer than" it."""
    key: str = "trend"
    """Section key."""
    title: str = N_("Trends over time")
    """Section title (translated when rendered)."""

    def blocks(self) -> list[Block]:
        """The body: a summary, the chart (from two snapshots on) and two tables."""
        first, last = self.rows[0], self.rows[-1]
        out: list[Block] = [Text(_summary(first, last, len(self.rows)))]
        if len(self.rows) >= 2:
            out.append(
                Figure(
                    trend_chart(self.rows),
                    CHART_FILE,
                    _("Trends over time"),
                    _(
                        "Top: islands, professionals without ties, links between domains on "
                        "one person and schools without care within reach, per snapshot. "
                        "Bottom: the share of tied pairs across two domains. The table below "
                        "holds the same figures."
                    ),
                )
            )
        else:
            out.append(Text(_("One snapshot only: the chart appears from two on."), muted=True))
        out.append(
            Table(
                (
                    _("Snapshot"),
                    _("Professionals"),
                    _("Islands"),
                    _("Without ties"),
                    _("Across domains"),
                    _("E-I index"),
                    _("Links on one person"),
                    _("Schools without care"),
                    _("Agreements to fix"),
                    _("Open thuiszitters"),
                ),
                tuple(self._row_cells(row) for row in reversed(self.rows)),
                what=N_("snapshots"),
            )
        )
        if self.steps:
            out.append(Text(_("What changed between two snapshots (newest first):")))
            out.append(
                Table(
                    (
                        _("Period"),
                        _("Joined"),
                        _("Left"),
                        _("New tied pairs"),
                        _("Lost tied pairs"),
                        _("Islands merged"),
                        _("Islands split"),
                    ),
                    tuple(_step_cells(step) for step in reversed(self.steps)),
                    what=N_("periods"),
                )
            )
        out.append(
            Text(
                _(
                    "Open thuiszitters: open cases of a child still out of school on the "
                    "snapshot's day; counts below {t} read 'fewer than {t}'. Schools without "
                    "care: nobody within {k} steps in youth care, JGZ, a CJG or a "
                    "neighbourhood team. Agreements to fix: with at least one problem, of "
                    "those checked."
                ).format(t=format_int(self.threshold), k=format_int(self.steps_within)),
                muted=True,
            )
        )
        return out

    def _row_cells(self, row: TrendRow) -> tuple[object, ...]:
        label = format_date(row.as_of) + (f" ({row.note})" if row.note else "")
        return (
            label,
            row.professionals,
            row.islands,
            row.isolates,
            "n/a" if row.cross_share is None else format_percent(row.cross_share, 0),
            number(row.ei),
            len(row.fragile_links),
            _of(len(row.unreached_schools), row.schools),
            _of(row.agreements_to_fix, row.agreements),
            _published(row.open_thuiszitters, self.threshold),
        )


def _summary(first: TrendRow, last: TrendRow, count: int) -> str:
    if count == 1:
        return _(
            "One snapshot, of {day}: {i} islands, {s} professionals without any tie and {f} "
            "links between domains that hang on one person."
        ).format(
            day=format_date(first.as_of),
            i=format_int(first.islands),
            s=format_int(first.isolates),
            f=format_int(len(first.fragile_links)),
        )
    return _(
        "{n} snapshots from {first} to {last}. Islands: {i0} then, {i1} now; professionals "
        "without any tie: {s0} then, {s1} now; links between domains that hang on one "
        "person: {f0} then, {f1} now."
    ).format(
        n=format_int(count),
        first=format_date(first.as_of),
        last=format_date(last.as_of),
        i0=format_int(first.islands),
        i1=format_int(last.islands),
        s0=format_int(first.isolates),
        s1=format_int(last.isolates),
        f0=format_int(len(first.fragile_links)),
        f1=format_int(len(last.fragile_links)),
    )


def _of(part: int, whole: int) -> str:
    return _("{n} of {total}").format(n=format_int(part), total=format_int(whole))


def _published(text: str, threshold: int) -> object:
    """The published open-case count for a table: a number, or "fewer than N" translated."""
    if text.isdigit():
        return int(text)
    return _("fewer than {n}").format(n=format_int(threshold))


def _step_cells(step: TrendStep) -> tuple[object, ...]:
    return (
        _("{since} to {until}").format(
            since=format_date(step.since), until=format_date(step.until)
        ),
        len(step.joined),
        len(step.left),
        step.new_ties,
        step.lost_ties,
        len(step.merged),
        len(step.split),
    )


def trend_builder(found: Trend) -> SectionBuilder:
    """A section builder that adds ``found`` to a report (``None`` without snapshots).

    Pass it among the ``sections`` of :func:`samenwerking.report.build_report`.
    """

    def trend_section(context: ReportContext) -> TrendSection | None:
        del context  # the trend is computed over the snapshots, not the one region
        if not found.rows:
            return None
        return TrendSection(found.rows, found.steps, found.by, found.steps_within, found.threshold)

    return trend_section


def trend_chart(rows: Sequence[TrendRow]) -> str:
    """The chart over time as one SVG document (no XML prolog), with a title and description.

    The same rows in the same language always give the same text: matplotlib's SVG hash
    salt is fixed and no date or software version is written into the metadata.

    Example
    -------
    >>> import datetime as dt
    >>> import samenwerking as sw
    >>> r = sw.example_region()
    >>> found = sw.analysis.trend([(dt.date(2025, 1, 1), r), (dt.date(2026, 1, 1), r)])
    >>> svg = trend_chart(found.rows)
    >>> svg == trend_chart(found.rows), "<title" in svg, "<desc" in svg
    (True, True, True)
    """
    days = tuple(row.as_of for row in rows)
    labels = tuple(format_date(day) for day in days)
    counts = (
        (_("Islands"), tuple(row.islands for row in rows)),
        (_("Without ties"), tuple(row.isolates for row in rows)),
        (_("Links on one person"), tuple(len(row.fragile_links) for row in rows)),
        (_("Schools without care"), tuple(len(row.unreached_schools) for row in rows)),
    )
    shares = tuple(row.cross_share for row in rows)
    title = _("Trends over time, {first} to {last}").format(first=labels[0], last=labels[-1])
    parts = [f"{label}: " + ", ".join(format_int(v) for v in values) for label, values in counts]
    parts.append(
        _("Across domains")
        + ": "
        + ", ".join(_("n/a") if s is None else format_percent(s, 0) for s in shares)
    )
    desc = _("Per snapshot ({days}).").format(days=", ".join(labels)) + " " + "; ".join(parts) + "."
    return _render(days, labels, counts, shares, title, desc, current_language())


@functools.lru_cache(maxsize=8)
def _render(
    days: tuple[dt.date, ...],
    labels: tuple[str, ...],
    counts: tuple[tuple[str, tuple[int, ...]], ...],
    shares: tuple[float | None, ...],
    title: str,
    desc: str,
    lang: str,
) -> str:
    """Draw once per distinct input (Markdown, HTML and the file all ask for it)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.ticker import MaxNLocator

    del lang  # part of the cache key only: the axis labels below are in that language
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "samenwerking-trend",
            "svg.fonttype": "none",
            "svg.id": "trend-chart",
            "font.family": "DejaVu Sans",
            "font.size": 9,
        }
    ):
        figure = MplFigure(figsize=(7.5, 4.6), layout="constrained")
        FigureCanvasSVG(figure)
        top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(2, 1))
        for (label, values), colour, marker in zip(counts, _COLOURS, _MARKERS, strict=True):
            top.plot(days, values, color=colour, marker=marker, label=label, linewidth=1.5)
        top.set_ylabel(_("Count"))
        top.set_ylim(bottom=0)
        top.yaxis.set_major_locator(MaxNLocator(integer=True))
        top.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        top.grid(axis="y", color="#dddddd", linewidth=0.6)
        points = [(d, 100 * s) for d, s in zip(days, shares, strict=True) if s is not None]
        bottom.plot(
            [d for d, _s in points],
            [s for _d, s in points],
            color="#555555",
            marker="o",
            linewidth=1.5,
        )
        bottom.set_ylabel(_("Across domains (%)"))
        bottom.set_ylim(0, 100)
        bottom.grid(axis="y", color="#dddddd", linewidth=0.6)
        if len(days) <= 12:  # else matplotlib picks the dates to label
            bottom.set_xticks(list(days), labels=list(labels))
        for tick in bottom.get_xticklabels():
            tick.set_rotation(30)
            tick.set_horizontalalignment("right")
        for axes in (top, bottom):
            axes.spines[["top", "right"]].set_visible(False)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(buffer.getvalue(), title, desc)


def _accessible(svg: str, title: str, desc: str) -> str:
    """Drop the XML prolog (the SVG is inlined in HTML) and add a title and description."""
    start = svg.index("<svg")
    end = svg.index(">", start)
    opening = svg[start:end].replace(
        "<svg ",
        f'<svg role="img" aria-labelledby="trend-title trend-desc" aria-label="{esc(title)}" ',
        1,
    )
    return (
        f'{opening}>\n <title id="trend-title">{esc(title)}</title>\n'
        f' <desc id="trend-desc">{esc(desc)}</desc>{svg[end + 1 :]}'
    )
