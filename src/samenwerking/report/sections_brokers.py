"""The "Brokers and weak points" section: who holds the network together, and where it breaks.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> section = brokers_section(ReportContext.of(sw.example_region()))
>>> section.title, section.brokers[0].betweenness > 0
('Brokers and weak points', True)
"""

from __future__ import annotations

import numpy as np
from attrs import frozen

from samenwerking.analysis import (
    approximate_betweenness,
    betweenness,
    bridges,
    brokerage_roles,
    weak_points,
)
from samenwerking.report._ego import holes_of
from samenwerking.report._format import MAX_LISTED, Block, BlockSection, Table, Text, number
from samenwerking.report.base import SMALL_GRAPH, ReportContext
from samenwerking.report.i18n import (
    N_,
    _,
    format_int,
    format_number,
    format_percent,
    ngettext,
    translate_all,
)
from samenwerking.report.vocabulary import domain_label, term

__all__ = [
    "BROKER_CONFIDENCE",
    "BROKER_EPSILON",
    "TOP_BROKERS",
    "BrokerRow",
    "BrokersSection",
    "RoleRow",
    "WeakPointRow",
    "brokers_section",
]

TOP_BROKERS = 10
"""How many brokers are listed."""
BROKER_EPSILON = 0.1
"""The stated error of betweenness above :data:`~samenwerking.report.base.SMALL_GRAPH`.

Chosen so that the section on a 50,000-professional region takes no longer than the
256 sampled sources it used before (316 sampled paths; see docs/performance.md)."""
BROKER_CONFIDENCE = 0.9
"""The probability that every estimate is within :data:`BROKER_EPSILON`."""


@frozen
class BrokerRow:
    """One of the top brokers."""

    id: str
    """Their id."""
    name: str
    """Their name."""
    organisation: str
    """Their main organisation's name."""
    sector: str
    """Its sector."""
    betweenness: float
    """Normalised betweenness (share of shortest paths through them)."""
    constraint: float
    """Burt's constraint (low: contacts in separate groups)."""
    effective_size: float
    """Burt's effective size (non-redundant contacts)."""


@frozen
class WeakPointRow:
    """A professional whose leaving cuts others off."""

    id: str
    """Their id."""
    name: str
    """Their name."""
    organisation: str
    """Their main organisation's name."""
    cut_off: int
    """People who would lose their connection to the rest of the island."""
    island_size: int
    """The size of their island."""


@frozen
class RoleRow:
    """Gould-Fernandez brokerage summed over the brokers of one domain."""

    domain: str
    """The brokers' domain."""
    coordinator: int
    """Within the domain."""
    gatekeeper: int
    """Letting outsiders in."""
    representative: int
    """Speaking for the domain to outsiders."""
    consultant: int
    """Serving another domain from outside."""
    liaison: int
    """Linking two other domains."""


@frozen
class BrokersSection(BlockSection):
    """Top brokers, weak points, bridges and brokerage roles."""

    brokers: tuple[BrokerRow, ...]
    """The top brokers by betweenness, highest first."""
    sampled: int | None
    """Sampled shortest paths behind the betweenness estimate (``None``: exact)."""
    epsilon: float | None
    """The estimate's stated error (``None``: exact); only brokers surely in the top are named."""
    weak_points: tuple[WeakPointRow, ...]
    """Weak points, most people cut off first (at most :data:`MAX_LISTED`)."""
    weak_point_total: int
    """The number of weak points."""
    bridges: int
    """Ties whose loss would split an island."""
    roles: tuple[RoleRow, ...]
    """Brokerage roles per domain, in vocabulary order."""
    key: str = "brokers"
    """Section key."""
    title: str = N_("Brokers and weak points")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        if self.sampled is None or self.epsilon is None:
            how = _("exact")
        else:
            how = _(
                "estimated to within ±{epsilon} with {confidence} confidence from {n} sampled "
                "shortest paths; only brokers whose place in the top {top} is certain at that "
                "error are named"
            ).format(
                epsilon=format_number(self.epsilon),
                confidence=format_percent(BROKER_CONFIDENCE, 0),
                n=format_int(self.sampled),
                top=format_int(TOP_BROKERS),
            )
        weak = ngettext(
            "{n} weak point: a person whose leaving cuts others off from their island.",
            "{n} weak points: people whose leaving cuts others off from their island.",
            self.weak_point_total,
        ).format(n=format_int(self.weak_point_total))
        bridges = ngettext(
            "{n} tie is a bridge: without it an island falls apart.",
            "{n} ties are bridges: without them an island falls apart.",
            self.bridges,
        ).format(n=format_int(self.bridges))
        out: list[Block] = [
            Text(
                _(
                    "Brokers lie on many of the shortest paths between others (betweenness, "
                    "{how}). Low constraint and a high effective size mean their contacts sit "
                    "in groups that do not know each other."
                ).format(how=how)
            ),
            Table(
                translate_all(
                    (
                        N_("Name"),
                        N_("Organisation"),
                        N_("Sector"),
                        N_("Betweenness"),
                        N_("Constraint"),
                        N_("Effective size"),
                    )
                ),
                tuple(
                    (
                        b.name,
                        b.organisation,
                        term(b.sector),
                        number(b.betweenness, 4),
                        number(b.constraint),
                        number(b.effective_size, 1),
                    )
                    for b in self.brokers
                ),
            ),
            Text(f"{weak} {bridges}"),
        ]
        if not self.brokers and self.epsilon is not None:
            out[1] = Text(
                _(
                    "No broker's place in the top list is certain at this error: the highest "
                    "estimates lie closer together than twice the error."
                )
            )
        if self.weak_points:
            out.append(
                Table(
                    translate_all(
                        (
                            N_("Name"),
                            N_("Organisation"),
                            N_("If they leave, these people lose their connection"),
                        )
                    ),
                    tuple((w.name, w.organisation, w.cut_off) for w in self.weak_points),
                    total=self.weak_point_total,
                    what=N_("weak points"),
                )
            )
        if self.roles:
            out.append(
                Text(
                    _(
                        "Brokerage roles (Gould and Fernandez) by the broker's domain: open "
                        "paths a - broker - c, counted both ways, by whose domains they join."
                    )
                )
            )
            out.append(
                Table(
                    translate_all(
                        (
                            N_("Domain"),
                            N_("Coordinator"),
                            N_("Gatekeeper"),
                            N_("Representative"),
                            N_("Consultant"),
                            N_("Liaison"),
                        )
                    ),
                    tuple(
                        (
                            domain_label(r.domain),
                            r.coordinator,
                            r.gatekeeper,
                            r.representative,
                            r.consultant,
                            r.liaison,
                        )
                        for r in self.roles
                    ),
                )
            )
        return out


def _roles(context: ReportContext) -> tuple[RoleRow, ...]:
    C = context.compact  # noqa: N806
    found = brokerage_roles(C, by="domain")
    sums: dict[int, list[int]] = {}
    for index, roles in enumerate(found.values()):
        code = int(C.domain[index])
        row = sums.setdefault(code, [0, 0, 0, 0, 0])
        row[0] += roles.coordinator
        row[1] += roles.gatekeeper
        row[2] += roles.representative
        row[3] += roles.consultant
        row[4] += roles.liaison
    return tuple(
        RoleRow(C.domains[code] if code >= 0 else "unknown", *values)
        for code, values in sorted(sums.items(), key=lambda kv: (kv[0] < 0, kv[0]))
        if any(values)
    )


def brokers_section(context: ReportContext) -> BrokersSection | None:
    """Compute the brokers section; ``None`` for a network without ties."""
    C = context.compact  # noqa: N806
    if C.n_edges == 0:
        return None
    step = context.step("betweenness")
    sampled: int | None = None
    epsilon: float | None = None
    if C.n_nodes > SMALL_GRAPH:
        found = approximate_betweenness(
            C, epsilon=BROKER_EPSILON, delta=1 - BROKER_CONFIDENCE, seed=context.seed, progress=step
        )
        scores, sampled, epsilon = found.scores, found.samples, found.epsilon
        position = {node: i for i, node in enumerate(C.ids)}
        top = [position[node] for node in found.stable_top(TOP_BROKERS) if scores[node] > 0]
    else:
        scores = betweenness(C, progress=step)
        values = np.fromiter(scores.values(), np.float64, C.n_nodes)
        order = np.lexsort((np.arange(C.n_nodes), -values))[:TOP_BROKERS]
        top = [int(i) for i in order if values[i] > 0]
    # Only the named brokers' constraint and effective size are shown: computed from
    # their neighbourhoods, not for everyone (nothing at all when no one is named).
    held, size = holes_of(C, top)
    brokers = []
    for i in top:
        person = context.person(i)
        node = C.ids[i]
        brokers.append(
            BrokerRow(
                person.id,
                person.name,
                person.organisation,
                person.sector,
                scores[node],
                held[node],
                size[node],
            )
        )
    points = weak_points(C)
    context.shared["brokers"] = tuple(C.ids[i] for i in top)
    context.shared["cut_points"] = tuple(point.node for point in points)
    rows = []
    for point in points[:MAX_LISTED]:
        person = context.person_by_id(point.node)
        rows.append(
            WeakPointRow(
                person.id, person.name, person.organisation, point.cut_off, point.island_size
            )
        )
    return BrokersSection(
        brokers=tuple(brokers),
        sampled=sampled,
        epsilon=epsilon,
        weak_points=tuple(rows),
        weak_point_total=len(points),
        bridges=len(bridges(C)),
        roles=_roles(context),
    )
