"""The "Reach" section: can every school reach youth care within two steps?

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> section = reach_section(ReportContext.of(sw.example_region()))
>>> section.schools > 0, section.steps
(True, 2)
"""

from __future__ import annotations

import numpy as np
from attrs import frozen

from samenwerking.analysis import nearest_contact, reach_counts
from samenwerking.introduce.reach import EXPERT_SECTORS
from samenwerking.model import Organisation, Sector
from samenwerking.report._format import Block, BlockSection, Table, Text
from samenwerking.report.base import ReportContext
from samenwerking.report.i18n import N_, _, format_int, format_measure, ngettext, translate_all
from samenwerking.report.sections_introductions import SHARED_REACH
from samenwerking.report.vocabulary import term

__all__ = ["CARE_CONTACTS", "REACH_STEPS", "ReachSection", "UnreachedSchool", "reach_section"]

REACH_STEPS = 2
"""Within this many steps a contact counts as within reach."""
CARE_CONTACTS: tuple[str, ...] = (
    Sector.YOUTH_CARE.value,
    Sector.YOUTH_HEALTH.value,
    Sector.FAMILY_CENTRE.value,
    Sector.NEIGHBOURHOOD_TEAM.value,
)
"""The sectors a school should be able to call: youth care, JGZ, CJG, neighbourhood team."""


@frozen
class UnreachedSchool:
    """A school with no youth-care contact within reach."""

    id: str
    """The organisation's id."""
    name: str
    """Its name."""
    sector: str
    """Its sector's label."""
    members: int
    """Its professionals."""


@frozen
class ReachSection(BlockSection):
    """Schools without a care contact within reach, and how far people reach."""

    steps: int
    """The number of steps that counts as within reach."""
    schools: int
    """Schools measured."""
    unreached: tuple[UnreachedSchool, ...]
    """Schools with no care contact within :attr:`steps`, by id."""
    reach_mean: float
    """Mean number of people reached within :attr:`steps`."""
    reach_median: float
    """Median number of people reached within :attr:`steps`."""
    reach_max: int
    """The most people anyone reaches within :attr:`steps`."""
    reach_none: int
    """Professionals who reach nobody (no ties)."""
    key: str = "reach"
    """Section key."""
    title: str = N_("Reach")
    """Section title."""

    def blocks(self) -> list[Block]:
        """The body."""
        out: list[Block] = [
            Text(
                ngettext(
                    "{n} of {total} school(s) have nobody within {steps} steps in youth care, "
                    "youth health care (JGZ), a family centre (CJG) or a neighbourhood team: no "
                    "one they know, and no one their contacts know.",
                    "{n} of {total} school(s) have nobody within {steps} steps in youth care, "
                    "youth health care (JGZ), a family centre (CJG) or a neighbourhood team: no "
                    "one they know, and no one their contacts know.",
                    self.schools,
                ).format(
                    n=format_int(len(self.unreached)),
                    total=format_int(self.schools),
                    steps=format_int(self.steps),
                )
            )
        ]
        if self.unreached:
            out.append(
                Table(
                    translate_all((N_("School"), N_("Sector"), N_("Professionals"))),
                    tuple((s.name, term(s.sector), s.members) for s in self.unreached),
                    what=N_("schools"),
                )
            )
        out.append(
            Text(
                _(
                    "Within {steps} steps a professional reaches {mean} others on average "
                    "(median {median}, at most {most}); {none} reach nobody."
                ).format(
                    steps=format_int(self.steps),
                    mean=format_measure(self.reach_mean, 1),
                    median=format_measure(self.reach_median, 1),
                    most=format_int(self.reach_max),
                    none=format_int(self.reach_none),
                )
            )
        )
        return out


def reach_section(context: ReportContext) -> ReachSection | None:
    """Compute the reach section; ``None`` for a region without professionals."""
    C = context.compact  # noqa: N806
    if C.n_nodes == 0:
        return None
    found = nearest_contact(C, to_sectors=CARE_CONTACTS, max_steps=REACH_STEPS)
    if tuple(s.value for s in EXPERT_SECTORS) == CARE_CONTACTS:  # what the introductions measure
        context.shared[SHARED_REACH] = found
    orgs: dict[str, Organisation] = {o.id: o for o in context.region.organisations}
    unreached = []
    for contact in found.contacts:
        if contact.distance is not None:
            continue
        org = orgs.get(contact.organisation)
        unreached.append(
            UnreachedSchool(
                contact.organisation,
                org.name if org else contact.organisation,
                Sector(contact.sector).label,
                contact.members,
            )
        )
    counts = np.fromiter(reach_counts(C, k=REACH_STEPS).values(), np.int64, C.n_nodes)
    return ReachSection(
        steps=REACH_STEPS,
        schools=len(found.contacts),
        unreached=tuple(sorted(unreached, key=lambda s: s.id)),
        reach_mean=float(counts.mean()),
        reach_median=float(np.median(counts)),
        reach_max=int(counts.max()),
        reach_none=int((counts == 0).sum()),
    )
