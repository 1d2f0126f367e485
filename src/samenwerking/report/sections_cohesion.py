"""The "Cohesion" section: how dense the network is, how centred, and its communities.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> section = cohesion_section(ReportContext.of(sw.example_region()))
>>> 0 < section.density < 1, section.communities > 1
(True, True)
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from attrs import frozen

from samenwerking.analysis.cohesion import (
    core_numbers,
    degree_centralization,
    density,
    density_by,
    reciprocity,
)
from samenwerking.analysis.communities import communities
from samenwerking.report._format import Block, BlockSection, Figure, Table, Text, number
from samenwerking.report.base import ReportContext
from samenwerking.report.charts import degree_chart
from samenwerking.report.i18n import N_, _, format_int, format_measure, translate_all

__all__ = ["TOP_COMMUNITIES", "CohesionSection", "cohesion_section"]

TOP_COMMUNITIES = 10
"""How many community sizes are listed."""


@frozen
class CohesionSection(BlockSection):
    """Density, centralization, reciprocity, k-cores and communities."""

    density: float
    """Tied pairs over possible pairs, whole network."""
    by_municipality: tuple[tuple[str, int, float], ...]
    """Per municipality: its professionals and the density among them."""
    centralization: float
    """Freeman's degree centralization (1 for a star)."""
    reciprocity: float | None
    """Share of directed (survey) ties answered the other way; ``None``: no directed ties."""
    cores: tuple[tuple[int, int], ...]
    """``(k, professionals with core number k)``, highest ``k`` first."""
    communities: int
    """The number of communities (Louvain), single people included."""
    sizes: tuple[int, ...]
    """Community sizes, largest first (at most :data:`TOP_COMMUNITIES`)."""
    modularity: float
    """The modularity of the communities."""
    degree_chart: Figure | None = None
    """How many ties people have, as a chart."""
    key: str = "cohesion"
    """Section key."""
    title: str = N_("Cohesion")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        text = _(
            "Density: {density} of all possible pairs of professionals are tied. Degree "
            "centralization: {centralization} (0: everyone has as many contacts; 1: one "
            "person knows everyone and nobody else is tied)."
        ).format(
            density=format_measure(self.density, 5),
            centralization=format_measure(self.centralization),
        )
        if self.reciprocity is not None:
            text += " " + _(
                "Reciprocity: {share} of the directed (survey) ties are answered by a tie "
                "the other way."
            ).format(share=format_measure(self.reciprocity))
        sizes = ", ".join(format_int(s) for s in self.sizes)
        more = self.communities - len(self.sizes)
        if more > 0:
            communities = _(
                "Communities (Louvain): {n}, modularity {modularity}. Largest sizes: {sizes} "
                "and {more} more."
            )
        else:
            communities = _(
                "Communities (Louvain): {n}, modularity {modularity}. Largest sizes: {sizes}."
            )
        return [
            Text(text),
            Table(
                translate_all((N_("Municipality"), N_("Professionals"), N_("Density"))),
                tuple(
                    (_("unknown") if m == "unknown" else m, people, number(d, 5))
                    for m, people, d in self.by_municipality
                ),
                what=N_("municipalities"),
            ),
            Text(
                _(
                    "k-cores: the largest k such that someone sits in a group where everyone "
                    "has at least k contacts inside the group."
                )
            ),
            Table(
                translate_all((N_("k"), N_("Professionals"))), self.cores, what=N_("core levels")
            ),
            Text(
                communities.format(
                    n=format_int(self.communities),
                    modularity=format_measure(self.modularity),
                    sizes=sizes,
                    more=format_int(more),
                )
            ),
            *((self.degree_chart,) if self.degree_chart is not None else ()),
        ]


def _reciprocity(context: ReportContext) -> float | None:
    if not context.region.ties.column("directed").any():
        return None
    return reciprocity(context.region)


def cohesion_section(context: ReportContext) -> CohesionSection | None:
    """Compute the cohesion section; ``None`` for a region without professionals."""
    C = context.compact  # noqa: N806
    if C.n_nodes == 0:
        return None
    densities = density_by(C, by="municipality")
    people = Counter(C.decode("municipality"))
    cores = Counter(core_numbers(C).values())
    found = communities(C, seed=context.seed, progress=context.step("communities"))
    sizes = sorted((len(g) for g in found.groups), reverse=True)
    return CohesionSection(
        density=density(C),
        by_municipality=tuple(
            (m, people.get(None if m == "unknown" else m, 0), d) for m, d in densities.items()
        ),
        centralization=degree_centralization(C),
        reciprocity=_reciprocity(context),
        cores=tuple(sorted(cores.items(), reverse=True)),
        communities=len(found.groups),
        sizes=tuple(sizes[:TOP_COMMUNITIES]),
        modularity=found.modularity,
        degree_chart=degree_chart(np.diff(C.indptr).tolist()),
    )
