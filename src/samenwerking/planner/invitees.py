"""Who may be invited: at most a few people per organisation, each known to the region.

Example
-------
>>> import samenwerking as sw
>>> region = sw.synthetic.region(400, seed=3)
>>> chosen = select_invitees(region, [p.id for p in region.professionals])
>>> len(chosen.invited) + len(chosen.left_out) == len(region.professionals)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from samenwerking._arguments import check_whole
from samenwerking.model import OrganisationId, ProfessionalId, Region
from samenwerking.planner.results import (
    DEFAULT_MAX_PER_ORGANISATION,
    InviteeError,
    InviteeSelection,
    PlannerArgumentError,
)

__all__ = ["check_invitees", "check_positive", "select_invitees"]


def select_invitees(
    region: Region,
    candidates: Iterable[str],
    *,
    max_per_organisation: int = DEFAULT_MAX_PER_ORGANISATION,
) -> InviteeSelection:
    """Keep at most ``max_per_organisation`` candidates per organisation, first come first.

    The candidates' order is their priority (e.g. the order they signed up in): from each
    main organisation the first ``max_per_organisation`` are kept, the rest left out.
    Every organisation gets the same cap, and nobody is dropped for any other reason.
    Duplicates are kept once; unknown ids raise.

    Example
    -------
    >>> import samenwerking as sw
    >>> region = sw.synthetic.region(200, seed=1)
    >>> chosen = select_invitees(region, [p.id for p in region.professionals],
    ...                          max_per_organisation=2)
    >>> len(chosen.invited) + len(chosen.left_out) == len(region.professionals)
    True
    """
    check_positive("max_per_organisation", max_per_organisation)
    kept: list[ProfessionalId] = []
    dropped: list[ProfessionalId] = []
    seen: set[str] = set()
    per_org: dict[str, int] = {}
    for candidate in candidates:
        if candidate in seen:
            continue
        seen.add(candidate)
        person = region.professional(candidate)
        count = per_org.get(person.organisation, 0)
        if count < max_per_organisation:
            per_org[person.organisation] = count + 1
            kept.append(person.id)
        else:
            dropped.append(person.id)
    return InviteeSelection(tuple(kept), tuple(dropped))


def check_positive(name: str, value: object) -> int:
    return check_whole(value, name, error=PlannerArgumentError, numpy=True)


def check_invitees(
    region: Region, invitees: Sequence[str], max_per_organisation: int
) -> tuple[ProfessionalId, ...]:
    ids = tuple(ProfessionalId(i) for i in invitees)
    unknown = [i for i in ids if i not in region._professional_index]
    if unknown:
        raise InviteeError(
            f"{len(unknown)} invitee(s) are not professionals of this region: "
            + ", ".join(repr(i) for i in unknown[:10])
            + (" ..." if len(unknown) > 10 else "")
        )
    seen: set[str] = set()
    twice = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    if twice:
        raise InviteeError("invitee(s) listed more than once: " + ", ".join(map(repr, twice)))
    by_org: dict[OrganisationId, list[ProfessionalId]] = {}
    for i in ids:
        by_org.setdefault(region.professional(i).organisation, []).append(i)
    over = {org: people for org, people in by_org.items() if len(people) > max_per_organisation}
    if over:
        parts = [
            f"{region.organisation(org).name} ({org}): {len(people)} people ({', '.join(people)})"
            for org, people in sorted(over.items())
        ]
        raise InviteeError(
            f"at most {max_per_organisation} invitees per organisation, but "
            + "; ".join(parts)
            + "; trim the list with select_invitees(...) or raise max_per_organisation"
        )
    return ids
