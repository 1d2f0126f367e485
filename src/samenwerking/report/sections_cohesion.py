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

from attrs import frozen

from samenwerking.analysis.cohesion import (
    core_numbers,
    degree_centralization,
    density,
    density_by,
    reciprocity,
)
from samenwerking.analysis.communities import communities
from samenwerking.report._format import Block, BlockSection, Table, Text, number
from samenwerking.report.base import ReportContext

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
    key: str = "cohesion"
    """Section key."""
    title: str = "Cohesion"
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        answered = (
            f" Reciprocity: {number(self.reciprocity)} of the directed (survey) ties are "
            "answered by a tie the other way."
            if self.reciprocity is not None
            else ""
        )
        sizes = ", ".join(str(s) for s in self.sizes)
        more = self.communities - len(self.sizes)
        return [
            Text(
                f"Density: {number(self.density, 5)} of all possible pairs of professionals "
                f"are tied. Degree centralization: {number(self.centralization)} (0: everyone "
                "has as many contacts; 1: one person knows everyone and nobody else is tied)."
                + answered
            ),
            Table(
                ("Municipality", "Professionals", "Density"),
                tuple((m, people, number(d, 5)) for m, people, d in self.by_municipality),
                what="municipalities",
            ),
            Text(
                "k-cores: the largest k such that someone sits in a group where everyone has "
                "at least k contacts inside the group."
            ),
            Table(("k", "Professionals"), self.cores, what="core levels"),
            Text(
                f"Communities (Louvain): {self.communities}, modularity "
                f"{number(self.modularity)}. Largest sizes: {sizes}"
                + (f" and {more} more." if more > 0 else ".")
            ),
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
    )
