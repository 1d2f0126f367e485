"""The "Change over time" section: what changed since an earlier snapshot.

Only present when the report is given a ``before`` region.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> region = sw.example_region()
>>> change_section(ReportContext.of(region)) is None
True
>>> change_section(ReportContext.of(region, before=region)).new_ties
0
"""

from __future__ import annotations

from attrs import frozen

from samenwerking.analysis import islands
from samenwerking.analysis.change import Delta, compare
from samenwerking.graph import compact_graph
from samenwerking.report._format import (
    Block,
    BlockSection,
    Figure,
    Table,
    Text,
    defined,
    number,
)
from samenwerking.report.base import ReportContext
from samenwerking.report.charts import before_after_chart
from samenwerking.report.i18n import N_, _, format_int, translate_all
from samenwerking.report.vocabulary import domain_label

__all__ = ["ChangeSection", "PairChange", "change_section"]


@frozen
class PairChange:
    """What changed between (or inside) two domains."""

    groups: tuple[str, str]
    """The two domains (equal for ties inside one domain)."""
    new: int
    """New tied pairs."""
    lost: int
    """Lost tied pairs."""
    density_before: float | None
    """Density between them before."""
    density_after: float | None
    """Density between them after."""


@frozen
class ChangeSection(BlockSection):
    """New and lost ties, merged and split islands, and E-I index and density, then and now."""

    new_ties: int
    """Tied pairs now that were not there before."""
    lost_ties: int
    """Tied pairs before that are gone now."""
    added: int
    """Professionals who joined."""
    removed: int
    """Professionals who left."""
    merged: int
    """Islands now that joined two or more earlier islands."""
    split: int
    """Earlier islands that fell into two or more."""
    ei_before: float | None
    """E-I index by domain before."""
    ei_after: float | None
    """E-I index by domain now."""
    density_before: float | None
    """Density before."""
    density_after: float | None
    """Density now."""
    pairs: tuple[PairChange, ...]
    """Per domain pair with any change, most new plus lost first."""
    professionals: tuple[int, int] = (0, 0)
    """Professionals before and now."""
    islands: tuple[int, int] = (0, 0)
    """Islands (single people included) before and now."""
    key: str = "change"
    """Section key."""
    title: str = N_("Change over time")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        out: list[Block] = [
            Text(
                _(
                    "Since the earlier snapshot: {new} new and {lost} lost tied pair(s); "
                    "{added} professional(s) joined and {removed} left; {merged} island(s) "
                    "merged and {split} split."
                ).format(
                    new=format_int(self.new_ties),
                    lost=format_int(self.lost_ties),
                    added=format_int(self.added),
                    removed=format_int(self.removed),
                    merged=format_int(self.merged),
                    split=format_int(self.split),
                )
            ),
            Table(
                translate_all((N_("Measure"), N_("Before"), N_("Now"))),
                (
                    (_("E-I index by domain"), number(self.ei_before), number(self.ei_after)),
                    (_("Density"), number(self.density_before, 5), number(self.density_after, 5)),
                ),
            ),
        ]
        if self.pairs:
            out.append(
                Table(
                    translate_all(
                        (
                            N_("Domains"),
                            N_("New ties"),
                            N_("Lost ties"),
                            N_("Density before"),
                            N_("Density now"),
                        )
                    ),
                    tuple(
                        (
                            f"{domain_label(p.groups[0])} - {domain_label(p.groups[1])}",
                            p.new,
                            p.lost,
                            number(p.density_before, 5),
                            number(p.density_after, 5),
                        )
                        for p in self.pairs
                    ),
                    what=N_("domain pairs"),
                )
            )
        out.append(self.chart())
        return out

    def chart(self) -> Figure:
        """The figures before and now, as a chart."""
        return before_after_chart(
            (_("Professionals"), _("Islands"), _("E-I index by domain"), _("Density")),
            (self.professionals[0], self.islands[0], self.ei_before, self.density_before),
            (self.professionals[1], self.islands[1], self.ei_after, self.density_after),
        )


def _density(
    deltas: dict[tuple[str, str], Delta], pair: tuple[str, str]
) -> tuple[float | None, float | None]:
    delta = deltas.get(pair)
    if delta is None:
        return None, None
    return defined(delta.before), defined(delta.after)


def change_section(context: ReportContext) -> ChangeSection | None:
    """Compare with ``context.before``; ``None`` when there is no earlier snapshot."""
    if context.before is None:
        return None
    change = compare(context.before, context.region, by="domain")
    keys = set(change.new_by_pair) | set(change.lost_by_pair)
    pairs = [
        PairChange(
            pair,
            change.new_by_pair.get(pair, 0),
            change.lost_by_pair.get(pair, 0),
            *_density(change.density_by_pair, pair),
        )
        for pair in keys
    ]
    pairs.sort(key=lambda p: (-(p.new + p.lost), p.groups))
    return ChangeSection(
        new_ties=change.new_ties,
        lost_ties=change.lost_ties,
        added=len(change.added),
        removed=len(change.removed),
        merged=len(change.merged),
        split=len(change.split),
        ei_before=defined(change.ei.before),
        ei_after=defined(change.ei.after),
        density_before=defined(change.density.before),
        density_after=defined(change.density.after),
        pairs=tuple(pairs),
        professionals=(len(context.before.professionals), len(context.region.professionals)),
        islands=(
            len(islands(compact_graph(context.before)).islands),
            len(context.islands.islands),
        ),
    )
