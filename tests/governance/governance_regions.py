"""A small builder for hand-made regions in the governance tests.

``build(orgs, people, ties, **fields)`` takes organisations as ``id: sector`` (or
``id: (sector, parent, memberships)``), people as ``id: organisation`` (or a tuple of
organisations) and ties as ``(a, b)`` pairs or :class:`Tie` objects; further keyword
arguments (``working_groups=...``, ``agreements=...``) go to :class:`Region`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from samenwerking.model import (
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Tie,
)

__all__ = ["build", "random_region"]

OrgSpec = Sector | tuple[Sector, str | None, tuple[str, ...]]


def build(
    orgs: Mapping[str, OrgSpec],
    people: Mapping[str, str | tuple[str, ...]],
    ties: Iterable[tuple[str, str] | Tie] = (),
    **fields: Any,
) -> Region:
    """A region with the given organisations, people and ties (all in one municipality)."""
    organisations = []
    for oid, spec in orgs.items():
        sector, parent, memberships = spec if isinstance(spec, tuple) else (spec, None, ())
        organisations.append(
            Organisation(
                OrganisationId(oid),
                f"Org {oid}",
                sector,
                "Dorp",
                parent=None if parent is None else OrganisationId(parent),
                memberships=tuple(OrganisationId(m) for m in memberships),
            )
        )
    professionals = tuple(
        Professional(
            ProfessionalId(pid),
            f"Person {pid}",
            Role.OTHER,
            tuple(OrganisationId(o) for o in ((org,) if isinstance(org, str) else org)),
        )
        for pid, org in people.items()
    )
    tie_list = [
        t if isinstance(t, Tie) else Tie(ProfessionalId(t[0]), ProfessionalId(t[1])) for t in ties
    ]
    return Region("Dorp", tuple(organisations), professionals, tie_list, **fields)


def random_region(sectors: list[Sector], edges: list[tuple[int, int]], **fields: Any) -> Region:
    """Person ``p{i}`` works in an organisation of sector ``sectors[i]``; edges join positions."""
    orgs = {f"o{i}": s for i, s in enumerate(dict.fromkeys(sectors))}
    org_of = {s: o for o, s in orgs.items()}
    people = {f"p{i}": org_of[s] for i, s in enumerate(sectors)}
    ties = [(f"p{a}", f"p{b}") for a, b in edges if a != b]
    return build(orgs, people, ties, **fields)
