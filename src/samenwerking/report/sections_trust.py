"""The "Trust and value" section: PARTNER-style ratings per pair of domains.

Only present when ties carry trust or value scores.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> region = sw.example_region()
>>> trust_section(ReportContext.of(region)).overall.ratings > 0
True
>>> trust_section(ReportContext.of(region.replace(ties=[]))) is None  # nothing rated
True
"""

from __future__ import annotations

from attrs import frozen

from samenwerking.analysis.trust import Rating, trust_value
from samenwerking.report._format import Block, BlockSection, Table, Text, number
from samenwerking.report.base import ReportContext
from samenwerking.report.i18n import N_, _, format_int, format_measure, ngettext, translate_all
from samenwerking.report.vocabulary import domain_label

__all__ = ["TrustRow", "TrustSection", "trust_section"]


@frozen
class TrustRow:
    """Mean ratings given by one domain to another."""

    rater: str
    """The domain of those who rate."""
    rated: str
    """The domain of those rated."""
    trust: float | None
    """Mean trust (``None``: no trust ratings)."""
    value: float | None
    """Mean value (``None``: no value ratings)."""
    ratings: int
    """Ties carrying trust, value or both."""


def _row(rater: str, rated: str, rating: Rating) -> TrustRow:
    return TrustRow(rater, rated, rating.trust, rating.value, rating.ratings)


@frozen
class TrustSection(BlockSection):
    """Trust and value overall, per rated domain and per domain pair."""

    overall: TrustRow
    """Over every rated tie (``rater`` and ``rated`` are ``"all"``)."""
    domains: tuple[TrustRow, ...]
    """Per rated domain (``rater`` is ``"all"``)."""
    pairs: tuple[TrustRow, ...]
    """Per (rater domain, rated domain)."""
    key: str = "trust"
    """Section key."""
    title: str = N_("Trust and value")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        o = self.overall
        headers = translate_all(
            (N_("Rated by"), N_("Rated"), N_("Trust"), N_("Value"), N_("Ratings"))
        )
        return [
            Text(
                ngettext(
                    "{n} tie(s) carry a rating of how much the one trusts the other and how "
                    "valuable they find them (PARTNER-style). Mean trust {trust}, mean value "
                    "{value}. Per domain, as rated by everyone:",
                    "{n} tie(s) carry a rating of how much the one trusts the other and how "
                    "valuable they find them (PARTNER-style). Mean trust {trust}, mean value "
                    "{value}. Per domain, as rated by everyone:",
                    o.ratings,
                ).format(
                    n=format_int(o.ratings),
                    trust=format_measure(o.trust, 2),
                    value=format_measure(o.value, 2),
                )
            ),
            Table(
                translate_all((N_("Domain"), N_("Trust"), N_("Value"), N_("Ratings"))),
                tuple(
                    (domain_label(r.rated), number(r.trust, 2), number(r.value, 2), r.ratings)
                    for r in self.domains
                ),
                what=N_("domains"),
            ),
            Text(_("Per pair of domains, the first rating the second:")),
            Table(
                headers,
                tuple(
                    (
                        domain_label(r.rater),
                        domain_label(r.rated),
                        number(r.trust, 2),
                        number(r.value, 2),
                        r.ratings,
                    )
                    for r in self.pairs
                ),
                what=N_("domain pairs"),
            ),
        ]


def trust_section(context: ReportContext) -> TrustSection | None:
    """Compute the trust section; ``None`` when no tie carries trust or value."""
    found = trust_value(context.region, by="domain")
    if found.overall.ratings == 0:
        return None
    return TrustSection(
        overall=_row("all", "all", found.overall),
        domains=tuple(_row("all", d, r) for d, r in found.groups.items()),
        pairs=tuple(_row(a, b, r) for (a, b), r in found.pairs.items()),
    )
