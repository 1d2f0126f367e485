"""Small regions for the planner's tests, and the rules every plan must keep."""

from __future__ import annotations

import itertools

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
from samenwerking.planner import TablePlan

SECTORS = (Sector.PRIMARY_SCHOOL, Sector.YOUTH_CARE, Sector.MUNICIPALITY, Sector.CHILDCARE)


def build(orgs: list[int], edges: list[tuple[int, int]]) -> Region:
    """Person ``p{i}`` works for ``o{orgs[i]}``, whose sector (and domain) is ``k % 4``."""
    n_orgs = max(orgs, default=0) + 1
    organisations = tuple(
        Organisation(OrganisationId(f"o{k}"), f"Org {k}", SECTORS[k % 4], "Dorp")
        for k in range(n_orgs)
    )
    people = tuple(
        Professional(ProfessionalId(f"p{i}"), f"P {i}", Role.OTHER, (OrganisationId(f"o{o}"),))
        for i, o in enumerate(orgs)
    )
    ties = tuple(Tie(ProfessionalId(f"p{a}"), ProfessionalId(f"p{b}")) for a, b in edges)
    return Region("Test", organisations, people, ties)


def assert_seating_rules(plan: TablePlan, invitees: list[str], tables: int) -> None:
    """Everyone seated once a round, sizes within one, and no pair together twice."""
    met: set[frozenset[str]] = set()
    for round_tables in plan.assignment:
        assert len(round_tables) == tables
        assert sorted(p for people in round_tables for p in people) == sorted(invitees)
        sizes = [len(people) for people in round_tables]
        assert max(sizes) - min(sizes) <= 1
        for people in round_tables:
            for pair in itertools.combinations(people, 2):
                assert frozenset(pair) not in met, "someone meets the same person twice"
                met.add(frozenset(pair))
