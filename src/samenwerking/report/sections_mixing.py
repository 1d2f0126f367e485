"""The "Across sectors" section: do ties cross domain boundaries, or stay inside?

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> section = mixing_section(ReportContext.of(sw.example_region()))
>>> -1 <= section.ei <= 1, section.p_value is not None
(True, True)
"""

from __future__ import annotations

from attrs import frozen

from samenwerking.analysis.mixing import assortativity, ei_index, mixing_matrix
from samenwerking.report._format import (
    Block,
    BlockSection,
    Figure,
    HeatTable,
    Table,
    Text,
    defined,
    number,
)
from samenwerking.report.base import SMALL_GRAPH, ReportContext
from samenwerking.report.charts import ei_chart, mixing_heatmap
from samenwerking.report.i18n import N_, _, format_int, format_measure, translate_all
from samenwerking.report.sections_introductions import SHARED_EI
from samenwerking.report.vocabulary import domain_label

__all__ = ["PERMUTATIONS", "MixingSection", "mixing_section"]

PERMUTATIONS = 999
"""Label permutations for the E-I test, on graphs of up to ``SMALL_GRAPH`` professionals."""


@frozen
class MixingSection(BlockSection):
    """The E-I index (whole, per domain), the domain mixing matrix and assortativity."""

    ei: float
    """Whole-network E-I index by domain, from -1 (all inside) to +1 (all across)."""
    external: int
    """Ties between two domains."""
    internal: int
    """Ties inside one domain."""
    expected: float
    """The E-I index expected under random mixing, given the domain sizes."""
    p_value: float | None
    """Permutation p-value (``None``: not computed, for large graphs)."""
    permutations: int
    """The number of permutations behind :attr:`p_value`."""
    by_domain: tuple[tuple[str, float], ...]
    """E-I index per domain, in vocabulary order."""
    labels: tuple[str, ...]
    """The domains of the mixing matrix."""
    matrix: tuple[tuple[int, ...], ...]
    """Ties between domains (a tie inside a domain counted once, on the diagonal)."""
    assortativity_domain: float | None
    """Newman's assortativity by domain (``None``: all ties inside one domain)."""
    assortativity_sector: float | None
    """Newman's assortativity by sector (``None``: all ties inside one sector)."""
    charts: tuple[Figure, ...] = ()
    """The heat map of ties between domains and the E-I index per domain, as charts."""
    key: str = "across"
    """Section key."""
    title: str = N_("Across sectors")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        text = _(
            "E-I index by domain: {ei} ({external} ties across domains, {internal} inside). "
            "-1 means every tie stays inside a domain, +1 that every tie crosses. Expected "
            "under random mixing: {expected}."
        ).format(
            ei=format_measure(self.ei),
            external=format_int(self.external),
            internal=format_int(self.internal),
            expected=format_measure(self.expected),
        )
        if self.p_value is not None:
            text += " " + _(
                "In {n} random reshuffles of the domains over the same people a value this "
                "far from the expected one came up with p = {p}."
            ).format(n=format_int(self.permutations), p=format_measure(self.p_value))
        return [
            Text(text),
            Table(
                translate_all((N_("Domain"), N_("E-I index"))),
                tuple((domain_label(label), number(value)) for label, value in self.by_domain),
            ),
            Text(_("Ties between domains (a tie inside a domain is counted once):")),
            HeatTable(_("Domain"), tuple(map(domain_label, self.labels)), self.matrix),
            Text(
                _(
                    "Assortativity (Newman): by domain {domain}, by sector {sector}. Near 0: "
                    "people tie across groups as often as chance would have it; near 1: only "
                    "within."
                ).format(
                    domain=format_measure(self.assortativity_domain),
                    sector=format_measure(self.assortativity_sector),
                )
            ),
            *self.charts,
        ]


def mixing_section(context: ReportContext) -> MixingSection | None:
    """Compute the across-sectors section; ``None`` for a network without ties."""
    C = context.compact  # noqa: N806
    if C.n_edges == 0:
        return None
    permutations = PERMUTATIONS if C.n_nodes <= SMALL_GRAPH else 0
    ei = ei_index(C, by="domain", permutations=permutations, seed=context.seed)
    context.shared[SHARED_EI] = ei  # the introductions' "before" figures reuse it
    matrix = mixing_matrix(C, by="domain")
    counts = matrix.counts.tolist()
    k = len(matrix.labels)
    halved = tuple(
        tuple(int(counts[i][j]) // (2 if i == j else 1) for j in range(k)) for i in range(k)
    )
    return MixingSection(
        ei=ei.value,
        external=ei.external,
        internal=ei.internal,
        expected=ei.expected,
        p_value=ei.p_value,
        permutations=ei.permutations,
        by_domain=tuple(ei.groups.items()),
        labels=matrix.labels,
        matrix=halved,
        assortativity_domain=defined(assortativity(C, by="domain")),
        assortativity_sector=defined(assortativity(C, by="sector")),
        charts=(
            mixing_heatmap(tuple(map(domain_label, matrix.labels)), halved),
            ei_chart(tuple((domain_label(d), value) for d, value in ei.groups.items())),
        ),
    )
