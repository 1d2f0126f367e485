"""The "Suggested introductions" section: whom to introduce, and what it would change.

Lists the introductions that join the islands (:func:`samenwerking.introduce.connect_islands`),
those that make every link between domains robust (bus factor at least :data:`ROBUST_K`,
:func:`samenwerking.introduce.make_links_robust`) and those that give every school an
expert within :data:`REACH_STEPS` steps (:func:`samenwerking.introduce.expertise_within_reach`),
and a before/after table from applying all three to a copy of the region. Each list is
planned on top of the ones before it (``planned=``), so the cap per person holds over all
three together.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> section = introductions_section(ReportContext.of(sw.synthetic.region(300, seed=1)))
>>> section is None or section.after[0] <= section.before[0]
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from attrs import frozen

from samenwerking.introduce import (
    CostModel,
    Improvement,
    apply_introductions,
    connect_islands,
    expertise_within_reach,
    improvement,
    make_links_robust,
)
from samenwerking.introduce._pick import with_ties
from samenwerking.introduce.result import Introduction, Introductions
from samenwerking.report._format import MAX_LISTED, Block, BlockSection, Figure, Table, Text
from samenwerking.report.base import ReportContext
from samenwerking.report.i18n import N_, _, format_int, translate_all
from samenwerking.report.introduction_text import figure_rows, note_text, reason_text
from samenwerking.report.picture import MAX_PROFESSIONAL_NODES, layout_picture, render_svg
from samenwerking.report.vocabulary import term

__all__ = [
    "INTRODUCTIONS_FILE",
    "REACH_STEPS",
    "ROBUST_K",
    "SHARED_EI",
    "SHARED_LINKS",
    "SHARED_REACH",
    "IntroductionRow",
    "IntroductionsSection",
    "introductions_section",
]

ROBUST_K = 2
"""The bus factor every link between two domains should reach."""
REACH_STEPS = 2
"""The most steps between a school and a youth care or youth health contact."""


@frozen
class IntroductionRow:
    """One suggested introduction, ready to list."""

    a: str
    """The first person: name (organisation)."""
    b: str
    """The second person: name (organisation)."""
    reason: str
    """Why these two."""
    cost: float
    """Its cost under the default cost model."""


@frozen
class IntroductionsSection(BlockSection):
    """Suggested introductions and the figures before and after applying them."""

    connect: tuple[IntroductionRow, ...]
    """Introductions that join the islands (at most :data:`MAX_LISTED`)."""
    connect_total: int
    """How many introductions join the islands."""
    robust: tuple[IntroductionRow, ...]
    """Introductions that make the links between domains robust (at most MAX_LISTED)."""
    robust_total: int
    """How many introductions make the links robust."""
    reach: tuple[IntroductionRow, ...]
    """Introductions that bring an expert within reach of every school (at most MAX_LISTED)."""
    reach_total: int
    """How many introductions bring expertise within reach."""
    notes: tuple[str, ...]
    """Where a goal cannot be reached (the cap, too few people), in English."""
    figures: tuple[str, ...]
    """Names of the before/after figures."""
    before: tuple[float | str, ...]
    """The figures before (counts as ``int``; ``"n/a"`` where nothing is measured)."""
    after: tuple[float | str, ...]
    """The figures after applying every suggested introduction."""
    figure: Figure | None = None
    """The network with the suggested introductions dashed (small regions only)."""
    unreached: tuple[tuple[str, str], ...] = ()
    """The same as ``(purpose, note)`` pairs, which the report words in its language."""
    change: Improvement | None = None
    """The figures before and after, as computed (names them in the report's language)."""
    key: str = "introductions"
    """Section key."""
    title: str = N_("Suggested introductions")
    """Section title."""

    @property
    def figure_names(self) -> tuple[str, ...]:
        """The names of the before/after figures in the report's language."""
        if self.change is None:
            return ()
        return tuple(row[0] for row in figure_rows(self.change))

    def blocks(self) -> list[Block]:
        """The body."""
        cap = CostModel().cap
        blocks: list[Block] = [
            Text(
                _(
                    "{connect} introduction(s) would join every island into one network; "
                    "{robust} more would give every link between two domains at least {k} "
                    "people who carry it; {reach} more would give every school a contact in "
                    "youth care or youth health (youth care, youth health, family centre or "
                    "neighbourhood team) within {steps} steps. Each pairs people for whom it "
                    "costs least: across domains, in the same municipality, with roles that "
                    "fit, and at most {cap} introductions per person over all three lists "
                    "together."
                ).format(
                    connect=format_int(self.connect_total),
                    robust=format_int(self.robust_total),
                    k=format_int(ROBUST_K),
                    reach=format_int(self.reach_total),
                    steps=format_int(REACH_STEPS),
                    cap=format_int(cap) if cap is not None else "∞",
                )
            )
        ]
        for rows, total, what in (
            (self.connect, self.connect_total, N_("introductions that join islands")),
            (self.robust, self.robust_total, N_("introductions that make links robust")),
            (
                self.reach,
                self.reach_total,
                N_("introductions that bring expertise within reach"),
            ),
        ):
            if rows:
                blocks.append(
                    Table(
                        translate_all((N_("Introduce"), N_("to"), N_("Why"))),
                        tuple((r.a, r.b, reason_text(r.reason)) for r in rows),
                        total=total,
                        what=what,
                    )
                )
        notes = [note_text(purpose, note) for purpose, note in self.unreached] or self.notes
        blocks.extend(Text(note, muted=True) for note in notes)
        figures = self.figure_names or self.figures
        blocks.append(
            Table(
                translate_all((N_("Figure"), N_("Before"), N_("After"))),
                tuple(zip(figures, self.before, self.after, strict=True)),
            )
        )
        if self.figure is not None:
            blocks.append(self.figure)
        return blocks


def _rows(context: ReportContext, result: Introductions) -> tuple[IntroductionRow, ...]:
    rows = []
    for item in result.items[:MAX_LISTED]:
        a, b = context.person_by_id(item.a), context.person_by_id(item.b)
        rows.append(
            IntroductionRow(
                f"{a.name} ({a.organisation})",
                f"{b.name} ({b.organisation})",
                item.reason,
                item.cost,
            )
        )
    return tuple(rows)


SHARED_LINKS = "bus_factor_links"
"""The ``context.shared`` key under which an earlier section may leave
``bus_factor(context.compact, by="domain")``; the "before" figures then reuse it."""
SHARED_EI = "ei_index"
"""The key of ``ei_index(context.compact, by="domain")`` (any permutations), reused so."""
SHARED_REACH = "care_reach"
"""The key of ``nearest_contact(context.compact, to_sectors=EXPERT_SECTORS,
max_steps=REACH_STEPS)``, reused so (the reach section's care contacts are those sectors)."""

INTRODUCTIONS_FILE = "introductions.svg"
"""The file name under which the introductions picture is written next to ``report.md``."""


def _figure(context: ReportContext, suggested: Sequence[Introduction]) -> Figure | None:
    """The network after the introductions, the new ties dashed; ``None`` for big regions."""
    from samenwerking.graph import to_graph

    if len(context.region.professionals) > MAX_PROFESSIONAL_NODES:
        return None
    region = apply_introductions(context.region, suggested)
    labels = {}
    for index, person in enumerate(region.professionals):
        row = context.person(index)
        labels[person.id] = f"{row.name} ({term(row.role)}, {row.organisation})"
    picture = layout_picture(
        to_graph(region, level="professional"),
        title=_("{region} with the suggested introductions").format(region=context.region.name),
        seed=context.seed,
        labels=labels,
        new_edges=[(item.a, item.b) for item in suggested],
    )
    return Figure(
        render_svg(picture),
        INTRODUCTIONS_FILE,
        picture.title,
        _(
            "Each dot is a professional, coloured by domain; grey lines are existing ties, "
            "dashed dark lines the suggested introductions. Hover over a dot to see who it is."
        ),
    )


def introductions_section(context: ReportContext) -> IntroductionsSection | None:
    """Compute the section; ``None`` when there is nothing to suggest.

    The three lists are chained: robust links are planned on top of the islands' joins,
    expertise within reach on top of both, so one person gets at most the cap in all.
    """
    region, graph = context.region, context.compact
    connect = connect_islands(region, graph=graph)
    robust = make_links_robust(region, k=ROBUST_K, graph=graph, planned=connect)
    reach = expertise_within_reach(
        region, steps=REACH_STEPS, graph=graph, planned=(*connect, *robust)
    )
    results = (connect, robust, reach)
    if not any(r.items for r in results):
        return None
    suggested = (*connect, *robust, *reach)
    context.shared["introductions"] = tuple((item.a, item.b) for item in suggested)
    # The "before" figures read the context's graph and islands; the "after" graph is that
    # graph with the new ties added, so neither the region nor its graph is copied or rebuilt.
    ends = np.array(
        [graph.index_of(person) for item in suggested for person in (item.a, item.b)], np.int64
    ).reshape(-1, 2)
    after = with_ties(graph, ends[:, 0], ends[:, 1])
    reach_found = context.shared.get(SHARED_REACH)
    if reach_found is not None and reach_found.max_steps != REACH_STEPS:
        reach_found = None
    change = improvement(
        region,
        after,
        steps=REACH_STEPS,
        graph=graph,
        islands=context.islands,
        links=context.shared.get(SHARED_LINKS),
        ei=context.shared.get(SHARED_EI),
        reach=reach_found,
    )
    names, before, later = zip(*change.rows(), strict=True)
    unreached = tuple((r.purpose, r.note) for r in results if not r.complete)
    notes = tuple(f"Not every goal can be reached ({p}): {n}." for p, n in unreached)
    return IntroductionsSection(
        connect=_rows(context, connect),
        connect_total=len(connect),
        robust=_rows(context, robust),
        robust_total=len(robust),
        reach=_rows(context, reach),
        reach_total=len(reach),
        notes=notes,
        figures=tuple(str(n) for n in names),
        before=tuple(before),
        after=tuple(later),
        figure=_figure(context, suggested),
        unreached=unreached,
        change=change,
    )
