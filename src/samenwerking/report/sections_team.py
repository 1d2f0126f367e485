"""The "Team around a child" section: team members who do not know each other, in counts.

Every count of cases passes through :func:`samenwerking.privacy.suppress`; no case id is shown.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> region = sw.synthetic.region(400, seed=2)
>>> region = region.replace(cases=sw.synthetic.cases(region, 30, seed=2))
>>> section = team_section(ReportContext.of(region))
>>> section.title
'The team around a child'
"""

from __future__ import annotations

from attrs import frozen

from samenwerking.privacy import suppress
from samenwerking.report._format import Block, BlockSection, Table, Text
from samenwerking.report.base import ReportContext
from samenwerking.report.i18n import N_, _, format_int, ngettext, translate_all
from samenwerking.team import team_gaps

__all__ = ["TeamSection", "team_section"]

HIDDEN = N_("fewer than 5, or hidden")
"""Shown instead of a suppressed count (translated when rendered)."""

_BUCKETS = ((N_("everyone knows everyone"), 0, 0), (N_("1-2 pairs"), 1, 2),
            (N_("3-5 pairs"), 3, 5), (N_("6 or more pairs"), 6, None))  # fmt: skip

_CONDITIONS = (
    N_("a pair on different islands (nobody can introduce them)"),
    N_("an organisation involved without a tie to the coordinator"),
    N_("no coordinator"),
)


def _shown(count: int | None) -> int | str:
    return _(HIDDEN) if count is None else count


@frozen
class TeamSection(BlockSection):
    """Gaps in the teams around children, as counts fit for publication."""

    by_missing: tuple[tuple[str, int | None], ...]
    """Cases by how many pairs in the team have no tie (``None``: suppressed)."""
    cases: int | None
    """Cases in all (``None``: suppressed)."""
    conditions: tuple[tuple[str, int | None], ...]
    """Cases with a given kind of gap (``None``: suppressed)."""
    links: tuple[tuple[str, str, int], ...]
    """Published missing links: organisation, organisation, cases; most cases first."""
    hidden_links: int
    """Missing links whose count is suppressed (not listed)."""
    organisations_involved: int
    """Distinct organisations involved in some case."""
    organisations_without_tie: int
    """Of those, how many in at least one case had no tie to that case's coordinator."""
    key: str = "team-around-a-child"
    """Section key."""
    title: str = N_("The team around a child")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        blocks: list[Block] = [
            Text(
                _(
                    "Collaboration around a child starts with people who know each other. "
                    "For every case, the professionals involved and the coordinator were "
                    "checked for a direct tie. Counts of cases below 5 are hidden."
                )
            ),
            Table(
                translate_all((N_("Team members without a tie"), N_("Cases"))),
                (
                    *((_(label), _shown(count)) for label, count in self.by_missing),
                    (_("all cases"), _shown(self.cases)),
                ),
                what=N_("rows"),
            ),
            Table(
                translate_all((N_("Gap"), N_("Cases"))),
                tuple((_(label), _shown(c)) for label, c in self.conditions),
            ),
            Text(
                ngettext(
                    "{n} of {total} organisation(s) involved in cases had, in at least one "
                    "case, nobody with a tie to the coordinator.",
                    "{n} of {total} organisation(s) involved in cases had, in at least one "
                    "case, nobody with a tie to the coordinator.",
                    self.organisations_involved,
                ).format(
                    n=format_int(self.organisations_without_tie),
                    total=format_int(self.organisations_involved),
                )
            ),
        ]
        if self.links:
            blocks.append(
                Table(
                    translate_all(
                        (
                            N_("Organisation"),
                            N_("Organisation"),
                            N_("Cases where their people did not know each other"),
                        )
                    ),
                    self.links,
                    what=N_("organisation pairs"),
                )
            )
        if self.hidden_links:
            blocks.append(
                Text(
                    ngettext(
                        "{n} more pair(s) of organisations are not listed: their counts are "
                        "small or hidden to protect small counts.",
                        "{n} more pair(s) of organisations are not listed: their counts are "
                        "small or hidden to protect small counts.",
                        self.hidden_links,
                    ).format(n=format_int(self.hidden_links)),
                    muted=True,
                )
            )
        return blocks


def team_section(context: ReportContext) -> TeamSection | None:
    """Compute the team section; ``None`` when the region has no cases."""
    region = context.region
    if not region.cases:
        return None
    summary = team_gaps(region, graph=context.compact)
    counts = []
    for _label, low, high in _BUCKETS:
        counts.append(
            sum(
                1
                for t in summary.teams
                if low <= len(t.missing) and (high is None or len(t.missing) <= high)
            )
        )
    by = suppress([[c] for c in counts], row_labels=[b[0] for b in _BUCKETS])
    by_missing = tuple((label, row[0]) for label, row in zip(by.row_labels, by.cells, strict=True))
    labels = _CONDITIONS
    condition_counts = [
        summary.cases_with_unreachable,
        summary.cases_with_organisation_without_coordinator_tie,
        summary.cases_without_coordinator,
    ]
    conditions = suppress([[c] for c in condition_counts], row_labels=labels)
    names: dict[str, str] = {o.id: o.name for o in region.organisations}
    table = summary.suppressed_links(labels=names)
    links = []
    for link, row in zip(summary.missing_links, table.cells, strict=True):
        if row[0] is not None:
            a, b = link.organisations
            links.append((names.get(a, a), names.get(b, b), row[0]))
    involved = {o for t in summary.teams for o in t.organisations}
    without = {o for t in summary.teams for o in t.without_coordinator_tie}
    return TeamSection(
        by_missing=by_missing,
        cases=by.column_totals[0],
        conditions=tuple(
            (label, row[0])
            for label, row in zip(conditions.row_labels, conditions.cells, strict=True)
        ),
        links=tuple(links),
        hidden_links=len(summary.missing_links) - len(links),
        organisations_involved=len(involved),
        organisations_without_tie=len(without),
    )
