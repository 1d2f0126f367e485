"""A small hand-built region for the analysis sections of the report.

Organisations: two schools (s1 in Noord, s2 in Noord), youth care (y, Zuid), the
municipality (m, Noord) and childcare (k, Zuid). Ties::

    s1a - s1b - s1c - s1a   (a triangle inside school s1)
    s1a - y1 - y2           (the only tie between education and care)
    s1b - m1 - s2a - s2b    (school s2 reaches care only in four steps)
    k1 - k2                 (a childcare silo)
    s2c                     (no ties)

Three ties are directed survey answers with trust and value: s1a -> y1, y1 -> s1a and
m1 -> s1b.
"""

from __future__ import annotations

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

__all__ = ["EVIL_NAME", "hand_region"]

EVIL_NAME = "<b>Y1</b> | *care*"

_ORGS = (
    ("s1", "OBS De Linde", Sector.PRIMARY_SCHOOL, "Noord"),
    ("s2", "VO De Brug", Sector.SECONDARY_SCHOOL, "Noord"),
    ("y", "Jeugdhulp <Oost>", Sector.YOUTH_CARE, "Zuid"),
    ("m", "Gemeente Noord", Sector.MUNICIPALITY, "Noord"),
    ("k", "Kinderopvang Zon", Sector.CHILDCARE, "Zuid"),
)
_PEOPLE = (
    ("s1a", Role.INTERN_BEGELEIDER, "s1"),
    ("s1b", Role.DIRECTOR, "s1"),
    ("s1c", Role.TEACHER, "s1"),
    ("s2a", Role.ZORGCOORDINATOR, "s2"),
    ("s2b", Role.TEACHER, "s2"),
    ("s2c", Role.TEACHER, "s2"),
    ("y1", Role.YOUTH_CONSULTANT, "y"),
    ("y2", Role.YOUTH_CARE_WORKER, "y"),
    ("m1", Role.POLICY_ADVISER, "m"),
    ("k1", Role.MANAGER, "k"),
    ("k2", Role.CHILDCARE_WORKER, "k"),
)
_TIES = (
    ("s1a", "s1b"),
    ("s1b", "s1c"),
    ("s1a", "s1c"),
    ("y1", "y2"),
    ("s1b", "m1"),
    ("m1", "s2a"),
    ("s2a", "s2b"),
    ("k1", "k2"),
)
_RATED = (("s1a", "y1", 3.0, 4.0), ("y1", "s1a", 2.0, None), ("m1", "s1b", 4.0, 3.0))


def hand_region(*, ratings: bool = True) -> Region:
    """The region described above; without ``ratings`` the directed ties carry no scores."""
    orgs = tuple(Organisation(OrganisationId(i), n, s, m) for i, n, s, m in _ORGS)
    people = tuple(
        Professional(
            ProfessionalId(pid),
            EVIL_NAME if pid == "y1" else pid.upper(),
            role,
            (OrganisationId(o),),
        )
        for pid, role, o in _PEOPLE
    )
    ties = [Tie(ProfessionalId(a), ProfessionalId(b)) for a, b in _TIES]
    ties += [
        Tie(
            ProfessionalId(a),
            ProfessionalId(b),
            trust=trust if ratings else None,
            value=value if ratings else None,
            directed=True,
        )
        for a, b, trust, value in _RATED
    ]
    return Region("Dorp", orgs, people, ties=ties).validate()
