"""Synthetic regions: realistic, deterministic, fictional collaboration networks of any size.

Use them to try analyses, to simulate interventions, and to benchmark. Everything is
drawn with numpy from one seeded generator, so the same arguments always give the same
region; a country-sized one (600,000 professionals, 6,000,000 ties) takes about 16 s.

What a region holds
-------------------
- **Municipalities** with fictional names, of varying size.
- **Organisations** of 5-200 people in every sector of :class:`~samenwerking.model.Sector`
  except ``other``: in each municipality the municipality itself, primary schools under
  school boards, secondary, special and special-primary schools, youth care providers,
  youth health care (JGZ), a family centre (CJG), neighbourhood teams, childcare,
  pre-schools, welfare, school attendance and safety. Each group of about six
  municipalities shares a samenwerkingsverband PO and VO; boards are members of the SWV
  of the schools they run.
- **Professionals** with roles that fit their organisation's sector; about 3 % also work
  for a second organisation in their municipality.
- **Ties**, most inside organisations, fewer across organisations within a domain and a
  municipality, fewer still across domains and across municipalities. Cross-organisation
  ties are carried mostly by bridging roles (intern begeleiders, zorgcoördinatoren,
  youth consultants, ...). About 2 % of professionals have no ties (isolates) and about
  3 % of organisations keep to themselves (islands, often silos). A share of ties carries
  ``strength`` (1-5), ``trust`` and ``value`` (1-4) and a ``since`` date; some are
  directed, as in a survey. There is at most one tie per pair, so the region validates.

Example
-------
>>> r = region(500, seed=7)
>>> len(r.professionals), len(r.ties)
(500, 5000)
>>> r.validate() is r
True
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from samenwerking._arguments import check_whole
from samenwerking.errors import InvalidArgumentError
from samenwerking.model import (
    Case,
    CaseId,
    CaseInvolvement,
    CaseRole,
    CaseStatus,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    SupportLevel,
    TieKind,
    TieStore,
)

__all__ = ["SyntheticParameterError", "cases", "region"]

MIN_PROFESSIONALS_PER_MUNICIPALITY = 50
"""The smallest number of professionals per municipality :func:`region` accepts."""


_T = TypeVar("_T")


class SyntheticParameterError(InvalidArgumentError):
    """A parameter of :func:`region` is out of range."""


# Sector: (share of professionals, smallest size, largest size); per municipality.
_SECTOR_PLAN: dict[Sector, tuple[float, int, int]] = {
    Sector.MUNICIPALITY: (0.03, 10, 150),
    Sector.SCHOOL_BOARD: (0.015, 5, 25),
    Sector.PRIMARY_SCHOOL: (0.30, 12, 45),
    Sector.SECONDARY_SCHOOL: (0.15, 50, 195),
    Sector.SPECIAL_SCHOOL: (0.04, 20, 80),
    Sector.SPECIAL_PRIMARY_SCHOOL: (0.02, 15, 40),
    Sector.YOUTH_CARE: (0.09, 20, 195),
    Sector.YOUTH_HEALTH: (0.03, 10, 60),
    Sector.FAMILY_CENTRE: (0.02, 8, 40),
    Sector.NEIGHBOURHOOD_TEAM: (0.04, 8, 30),
    Sector.CHILDCARE: (0.11, 5, 40),
    Sector.PRESCHOOL: (0.03, 5, 20),
    Sector.WELFARE: (0.03, 8, 50),
    Sector.SCHOOL_ATTENDANCE: (0.01, 5, 20),
    Sector.SAFETY: (0.02, 10, 60),
}
_ALWAYS = frozenset({Sector.MUNICIPALITY, Sector.PRIMARY_SCHOOL, Sector.FAMILY_CENTRE})
_SWV_SIZE = (10, 60)
_SWV_GROUP = 6

# Sector: (role, weight) pairs.
_ROLES: dict[Sector, tuple[tuple[Role, float], ...]] = {
    Sector.MUNICIPALITY: (
        (Role.POLICY_ADVISER, 0.6),
        (Role.YOUTH_CONSULTANT, 0.15),
        (Role.MANAGER, 0.17),
        (Role.ALDERMAN, 0.03),
        (Role.OTHER, 0.05),
    ),
    Sector.SCHOOL_BOARD: (
        (Role.BOARD_MEMBER, 0.35),
        (Role.DIRECTOR, 0.15),
        (Role.POLICY_ADVISER, 0.35),
        (Role.MANAGER, 0.15),
    ),
    Sector.PRIMARY_SCHOOL: (
        (Role.TEACHER, 0.82),
        (Role.INTERN_BEGELEIDER, 0.08),
        (Role.DIRECTOR, 0.05),
        (Role.SCHOOL_SOCIAL_WORKER, 0.02),
        (Role.OTHER, 0.03),
    ),
    Sector.SECONDARY_SCHOOL: (
        (Role.TEACHER, 0.82),
        (Role.ZORGCOORDINATOR, 0.05),
        (Role.ORTHOPEDAGOOG, 0.02),
        (Role.SCHOOL_SOCIAL_WORKER, 0.02),
        (Role.DIRECTOR, 0.02),
        (Role.MANAGER, 0.04),
        (Role.OTHER, 0.03),
    ),
    Sector.SPECIAL_SCHOOL: (
        (Role.TEACHER, 0.65),
        (Role.ORTHOPEDAGOOG, 0.1),
        (Role.PSYCHOLOGIST, 0.05),
        (Role.INTERN_BEGELEIDER, 0.05),
        (Role.YOUTH_CARE_WORKER, 0.08),
        (Role.DIRECTOR, 0.04),
        (Role.OTHER, 0.03),
    ),
    Sector.SPECIAL_PRIMARY_SCHOOL: (
        (Role.TEACHER, 0.72),
        (Role.INTERN_BEGELEIDER, 0.1),
        (Role.ORTHOPEDAGOOG, 0.1),
        (Role.DIRECTOR, 0.05),
        (Role.OTHER, 0.03),
    ),
    Sector.SWV_PO: (
        (Role.SUPPORT_CONSULTANT, 0.5),
        (Role.ORTHOPEDAGOOG, 0.2),
        (Role.PSYCHOLOGIST, 0.1),
        (Role.DIRECTOR, 0.05),
        (Role.POLICY_ADVISER, 0.15),
    ),
    Sector.SWV_VO: (
        (Role.SUPPORT_CONSULTANT, 0.5),
        (Role.ORTHOPEDAGOOG, 0.2),
        (Role.PSYCHOLOGIST, 0.1),
        (Role.DIRECTOR, 0.05),
        (Role.POLICY_ADVISER, 0.15),
    ),
    Sector.YOUTH_CARE: (
        (Role.YOUTH_CARE_WORKER, 0.6),
        (Role.PSYCHOLOGIST, 0.1),
        (Role.ORTHOPEDAGOOG, 0.1),
        (Role.FAMILY_COACH, 0.1),
        (Role.MANAGER, 0.1),
    ),
    Sector.YOUTH_HEALTH: (
        (Role.YOUTH_NURSE, 0.6),
        (Role.YOUTH_DOCTOR, 0.3),
        (Role.MANAGER, 0.1),
    ),
    Sector.FAMILY_CENTRE: (
        (Role.FAMILY_COACH, 0.4),
        (Role.YOUTH_CONSULTANT, 0.3),
        (Role.YOUTH_NURSE, 0.1),
        (Role.SCHOOL_SOCIAL_WORKER, 0.1),
        (Role.MANAGER, 0.1),
    ),
    Sector.NEIGHBOURHOOD_TEAM: (
        (Role.YOUTH_CONSULTANT, 0.5),
        (Role.FAMILY_COACH, 0.3),
        (Role.YOUTH_WORKER, 0.1),
        (Role.MANAGER, 0.1),
    ),
    Sector.CHILDCARE: ((Role.CHILDCARE_WORKER, 0.87), (Role.MANAGER, 0.1), (Role.OTHER, 0.03)),
    Sector.PRESCHOOL: ((Role.PRESCHOOL_TEACHER, 0.87), (Role.MANAGER, 0.1), (Role.OTHER, 0.03)),
    Sector.WELFARE: (
        (Role.YOUTH_WORKER, 0.6),
        (Role.SCHOOL_SOCIAL_WORKER, 0.2),
        (Role.MANAGER, 0.1),
        (Role.OTHER, 0.1),
    ),
    Sector.SCHOOL_ATTENDANCE: (
        (Role.ATTENDANCE_OFFICER, 0.8),
        (Role.MANAGER, 0.1),
        (Role.POLICY_ADVISER, 0.1),
    ),
    Sector.SAFETY: (
        (Role.POLICE_OFFICER, 0.7),
        (Role.POLICY_ADVISER, 0.1),
        (Role.MANAGER, 0.1),
        (Role.YOUTH_WORKER, 0.1),
    ),
}

# How much a role reaches beyond its own organisation (1.0 = average).
_BRIDGING: dict[Role, float] = {
    Role.TEACHER: 0.15,
    Role.CHILDCARE_WORKER: 0.2,
    Role.PRESCHOOL_TEACHER: 0.3,
    Role.INTERN_BEGELEIDER: 6.0,
    Role.ZORGCOORDINATOR: 6.0,
    Role.ORTHOPEDAGOOG: 3.0,
    Role.PSYCHOLOGIST: 2.0,
    Role.SCHOOL_SOCIAL_WORKER: 5.0,
    Role.SUPPORT_CONSULTANT: 6.0,
    Role.YOUTH_CONSULTANT: 5.0,
    Role.FAMILY_COACH: 3.0,
    Role.ATTENDANCE_OFFICER: 5.0,
    Role.YOUTH_DOCTOR: 2.0,
    Role.YOUTH_NURSE: 2.0,
    Role.POLICY_ADVISER: 3.0,
    Role.ALDERMAN: 4.0,
    Role.DIRECTOR: 3.0,
    Role.BOARD_MEMBER: 3.0,
    Role.MANAGER: 1.5,
}

_NAME_HEADS = (
    "Beek", "Berk", "Bos", "Brug", "Dal", "Eik", "Ham", "Heuvel", "Hof", "Holt",
    "Kamp", "Lin", "Meer", "Mol", "Rade", "Ros", "Veen", "Wil", "Zand", "Zwaluw",
)  # fmt: skip
_NAME_TAILS = (
    "berg", "broek", "dam", "dijk", "dorp", "drecht", "gaarde", "haven", "hoek", "horst",
    "hove", "huizen", "lo", "meer", "oord", "rode", "stede", "veld", "waard", "wijk",
)  # fmt: skip
_TREES = (
    "Linde", "Eik", "Wilg", "Beuk", "Kastanje", "Esdoorn", "Berk", "Hazelaar", "Vlier", "Meidoorn",
    "Regenboog", "Zonnewijzer", "Vlinder", "Klimop", "Morgenster", "Horizon", "Kompas", "Ark",
)  # fmt: skip
_SURNAMES = (
    "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker",
    "Brouwer", "Dijkstra", "Jacobs", "Kok", "Willems", "Schouten", "Verbeek", "Postma", "Kuiper",
    "Huisman", "Prins", "Koster", "Blom", "Wolters", "Timmer", "Veenstra", "Hoekstra", "Groen",
    "Kramer", "Sanders", "Roos", "Jonker", "Lammers", "Boer", "Vermeer", "Hermans", "Aksoy",
    "Yilmaz", "El Amrani", "Nguyen", "Pinas", "Tahiri", "Wong", "Rahimi", "Sedney", "Kaya",
)  # fmt: skip
_INITIALS = "ABCDEFGHIJKLMNOPRSTWYZ"


def _municipality_names(count: int, rng: np.random.Generator) -> list[str]:
    pool = [head + tail for head in _NAME_HEADS for tail in _NAME_TAILS]
    picked = rng.permutation(len(pool)).tolist()
    names = [pool[i] for i in picked[: min(count, len(pool))]]
    for extra in range(count - len(names)):  # beyond 400, number the names
        names.append(f"{pool[picked[extra % len(pool)]]} {extra // len(pool) + 2}")
    return names


def _organisation_name(sector: Sector, municipality: str, serial: int) -> str:
    tree = _TREES[serial % len(_TREES)]
    return {
        Sector.MUNICIPALITY: f"Gemeente {municipality}",
        Sector.SCHOOL_BOARD: f"Stichting {tree} Onderwijs {municipality}",
        Sector.PRIMARY_SCHOOL: f"Basisschool De {tree} {municipality}",
        Sector.SECONDARY_SCHOOL: f"{tree} College {municipality}",
        Sector.SPECIAL_SCHOOL: f"SO/VSO De {tree} {municipality}",
        Sector.SPECIAL_PRIMARY_SCHOOL: f"SBO De {tree} {municipality}",
        Sector.SWV_PO: f"Samenwerkingsverband PO {municipality} e.o.",
        Sector.SWV_VO: f"Samenwerkingsverband VO {municipality} e.o.",
        Sector.YOUTH_CARE: f"Jeugdhulp {tree} {municipality}",
        Sector.YOUTH_HEALTH: f"JGZ {municipality}",
        Sector.FAMILY_CENTRE: f"CJG {municipality}",
        Sector.NEIGHBOURHOOD_TEAM: f"Wijkteam {municipality}",
        Sector.CHILDCARE: f"Kinderopvang {tree} {municipality}",
        Sector.PRESCHOOL: f"Peuterspeelzaal {tree} {municipality}",
        Sector.WELFARE: f"Welzijn {municipality}",
        Sector.SCHOOL_ATTENDANCE: f"Leerplicht {municipality}",
        Sector.SAFETY: f"Veiligheidsteam {municipality}",
    }.get(sector, f"Organisatie {municipality}") + (f" {serial}" if serial else "")


def region(
    professionals: int = 2000,
    *,
    seed: int = 0,
    ties_per_professional: float = 10.0,
    municipalities: int | None = None,
) -> Region:
    """A realistic, fictional region of the given size, the same for the same arguments.

    Parameters
    ----------
    professionals : int
        Number of professionals (at least 50 per municipality). 2,000 is a small
        municipality, 50,000 a youth-care region, 600,000 the whole country.
    seed : int
        Seed of the random generator; the region is a pure function of the arguments.
    ties_per_professional : float
        Ties per professional: the region holds ``round(professionals *
        ties_per_professional)`` ties (each tie joins two people, so the mean number of
        contacts is twice this). Fewer when organisations are too small to hold them.
    municipalities : int, optional
        Number of municipalities; by default one per 2,000 professionals (at most 340).

    Returns
    -------
    Region
        Named ``"Synthetic region (seed S)"``; it passes :meth:`Region.validate`.

    Raises
    ------
    SyntheticParameterError
        If a parameter is out of range (also a ``ValueError``).

    Example
    -------
    >>> r = region(1000, seed=1, ties_per_professional=4)
    >>> len(r.ties), len(r.municipalities)
    (4000, 1)
    """
    if isinstance(professionals, bool) or not isinstance(professionals, int):
        raise SyntheticParameterError(f"professionals must be an integer (got {professionals!r})")
    if municipalities is None:
        municipalities = max(1, min(340, round(professionals / 2000)))
    if not isinstance(municipalities, int) or municipalities < 1:
        raise SyntheticParameterError(
            f"municipalities must be a positive integer (got {municipalities!r})"
        )
    if professionals < MIN_PROFESSIONALS_PER_MUNICIPALITY * municipalities:
        raise SyntheticParameterError(
            f"professionals must be at least {MIN_PROFESSIONALS_PER_MUNICIPALITY} per "
            f"municipality (got {professionals} for {municipalities}); "
            "ask for more professionals or fewer municipalities"
        )
    if not (math.isfinite(ties_per_professional) and ties_per_professional >= 0):
        raise SyntheticParameterError(
            f"ties_per_professional must be a non-negative number (got {ties_per_professional!r})"
        )
    rng = np.random.default_rng(seed)
    names = _municipality_names(municipalities, rng)
    orgs = _plan_organisations(professionals, names, rng)
    people = _place_professionals(orgs, professionals, rng)
    ties = _ties(orgs, people, round(professionals * ties_per_professional), rng)
    return Region(
        name=f"Synthetic region (seed {seed})",
        organisations=orgs.build(names),
        professionals=people.build(orgs, rng),
        ties=ties,
    )


class _Organisations:
    """The organisations as parallel arrays while the region is drawn."""

    def __init__(self) -> None:
        self.sector: list[Sector] = []
        self.municipality: list[int] = []
        self.size: list[int] = []
        self.parent: list[int] = []
        self.memberships: list[tuple[int, ...]] = []
        self.closed: npt.NDArray[np.bool_] = np.zeros(0, bool)

    def add(self, sector: Sector, municipality: int, size: int, parent: int = -1) -> int:
        self.sector.append(sector)
        self.municipality.append(municipality)
        self.size.append(size)
        self.parent.append(parent)
        self.memberships.append(())
        return len(self.sector) - 1

    def ids(self) -> list[str]:
        width = len(str(len(self.sector)))
        return [f"o{i:0{width}d}" for i in range(len(self.sector))]

    def build(self, names: list[str]) -> tuple[Organisation, ...]:
        ids = self.ids()
        serial: dict[tuple[Sector, int], int] = {}
        out = []
        for i, (sector, muni) in enumerate(zip(self.sector, self.municipality, strict=True)):
            k = serial.get((sector, muni), 0)
            serial[sector, muni] = k + 1
            out.append(
                Organisation(
                    OrganisationId(ids[i]),
                    _organisation_name(sector, names[muni], k),
                    sector,
                    names[muni],
                    parent=None if self.parent[i] < 0 else OrganisationId(ids[self.parent[i]]),
                    memberships=tuple(OrganisationId(ids[m]) for m in self.memberships[i]),
                )
            )
        return tuple(out)


def _plan_organisations(total: int, names: list[str], rng: np.random.Generator) -> _Organisations:
    count = len(names)
    weights = rng.lognormal(0.0, 0.6, count)
    floor = MIN_PROFESSIONALS_PER_MUNICIPALITY
    share = floor + (total - floor * count) * weights / weights.sum()
    orgs = _Organisations()
    swv: dict[int, tuple[int, int]] = {}
    for m in range(count):
        group = m // _SWV_GROUP
        if group not in swv:
            po = orgs.add(Sector.SWV_PO, m, int(rng.integers(*_SWV_SIZE, endpoint=True)))
            vo = orgs.add(Sector.SWV_VO, m, int(rng.integers(*_SWV_SIZE, endpoint=True)))
            swv[group] = (po, vo)
        boards: dict[str, list[int]] = {"po": [], "vo": []}
        for sector, (fraction, low, high) in _SECTOR_PLAN.items():
            if sector is Sector.SCHOOL_BOARD:
                continue
            expected = share[m] * fraction / ((low + high) / 2)
            n = int(rng.poisson(expected)) if sector is not Sector.MUNICIPALITY else 1
            if sector in _ALWAYS:
                n = max(n, 1)
            for _ in range(n):
                size = int(rng.integers(low, high, endpoint=True))
                parent = -1
                if sector.is_school:
                    kind = "vo" if sector is Sector.SECONDARY_SCHOOL else "po"
                    # About five schools per board; a new board when the last one is full.
                    if not boards[kind] or rng.random() < 0.2:
                        low_b, high_b = _SECTOR_PLAN[Sector.SCHOOL_BOARD][1:]
                        board = orgs.add(
                            Sector.SCHOOL_BOARD, m, int(rng.integers(low_b, high_b, endpoint=True))
                        )
                        po, vo = swv[group]
                        orgs.memberships[board] = (vo,) if kind == "vo" else (po,)
                        boards[kind].append(board)
                    parent = boards[kind][-1]
                orgs.add(sector, m, size, parent)
    sizes = _fit_sizes(np.array(orgs.size, np.float64), total, rng)
    orgs.size = sizes.tolist()
    orgs.closed = rng.random(len(sizes)) < 0.03
    return orgs


def _fit_sizes(
    sizes: npt.NDArray[np.float64], total: int, rng: np.random.Generator
) -> npt.NDArray[np.int64]:
    """Scale sizes to sum to ``total`` while keeping each within 5-200 where possible."""
    low, high = 5, 200
    scaled = sizes * total / sizes.sum()
    fitted = np.clip(np.floor(scaled + rng.random(len(sizes))), low, high).astype(np.int64)
    for _ in range(100):
        gap = total - int(fitted.sum())
        if gap == 0:
            break
        room = (high - fitted) if gap > 0 else (fitted - low)
        if room.sum() == 0:  # cannot stay in range: grow evenly, or shrink by size (never below 0)
            room = np.ones_like(fitted) if gap > 0 else fitted.copy()
        picks = rng.choice(len(fitted), size=abs(gap), p=room / room.sum())
        step = np.bincount(picks, minlength=len(fitted))
        step = np.minimum(step, room) if room.sum() >= abs(gap) else step
        if gap < 0:
            step = np.minimum(step, fitted)  # an organisation cannot shrink below 0
        fitted += step if gap > 0 else -step
    gap = total - int(fitted.sum())
    while gap:  # rarely left by the random passes: one person at a time, largest shrink first
        at = int(np.argmax(fitted)) if gap < 0 else int(np.argmin(fitted))
        fitted[at] += 1 if gap > 0 else -1
        gap += -1 if gap > 0 else 1
    result: npt.NDArray[np.int64] = fitted
    return result


class _People:
    """The professionals as arrays, grouped by main organisation (contiguous)."""

    def __init__(self, org: npt.NDArray[np.int64], role: npt.NDArray[np.int64]) -> None:
        self.org = org
        self.role = role
        self.second = np.full(len(org), -1, np.int64)

    def build(self, orgs: _Organisations, rng: np.random.Generator) -> tuple[Professional, ...]:
        n = len(self.org)
        width = len(str(n))
        org_ids = [OrganisationId(i) for i in orgs.ids()]
        roles = list(Role)
        initials = rng.integers(0, len(_INITIALS), n).tolist()
        surnames = rng.integers(0, len(_SURNAMES), n).tolist()
        org_list, second, role = self.org.tolist(), self.second.tolist(), self.role.tolist()
        out = []
        for i in range(n):
            organisations: tuple[OrganisationId, ...] = (org_ids[org_list[i]],)
            if second[i] >= 0:
                organisations = (org_ids[org_list[i]], org_ids[second[i]])
            out.append(
                Professional(
                    ProfessionalId(f"p{i:0{width}d}"),
                    f"{_INITIALS[initials[i]]}. {_SURNAMES[surnames[i]]}",
                    roles[role[i]],
                    organisations,
                )
            )
        return tuple(out)


def _place_professionals(orgs: _Organisations, total: int, rng: np.random.Generator) -> _People:
    sizes = np.array(orgs.size, np.int64)
    org = np.repeat(np.arange(len(sizes)), sizes)
    sector_of_org = np.array([list(Sector).index(s) for s in orgs.sector], np.int64)
    sector = sector_of_org[org]
    roles = list(Role)
    role = np.zeros(total, np.int64)
    for code, s in enumerate(Sector):
        mask = sector == code
        if not mask.any():
            continue
        options = _ROLES[s]
        p = np.array([w for _, w in options])
        picks = rng.choice(len(options), size=int(mask.sum()), p=p / p.sum())
        role[mask] = np.array([roles.index(r) for r, _ in options])[picks]
    people = _People(org, role)
    # About 3 % also work for another organisation in their municipality.
    muni_of_org = np.array(orgs.municipality, np.int64)
    by_muni = np.argsort(muni_of_org, kind="stable")
    muni_start = np.searchsorted(muni_of_org[by_muni], np.arange(muni_of_org.max() + 2))
    double = np.flatnonzero(rng.random(total) < 0.03)
    muni = muni_of_org[org[double]]
    span = muni_start[muni + 1] - muni_start[muni]
    other = by_muni[muni_start[muni] + (rng.random(len(double)) * span).astype(np.int64)]
    keep = other != org[double]
    people.second[double[keep]] = other[keep]
    return people


def _ties(orgs: _Organisations, people: _People, wanted: int, rng: np.random.Generator) -> TieStore:
    n = len(people.org)
    width = len(str(n))
    ids = [f"p{i:0{width}d}" for i in range(n)]
    org = people.org
    sizes = np.array(orgs.size, np.int64)
    start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    muni = np.array(orgs.municipality, np.int64)[org]
    domains = [s.domain for s in orgs.sector]
    domain_codes = sorted({d.value for d in domains})
    domain = np.array([domain_codes.index(d.value) for d in domains], np.int64)[org]
    isolate = rng.random(n) < 0.02
    open_ = ~isolate & ~orgs.closed[org]
    activity = rng.lognormal(0.0, 0.5, n) * ~isolate
    bridging = np.array([_BRIDGING.get(r, 1.0) for r in Role])[people.role] * activity * open_

    # Pools of open professionals by (municipality, domain) and by municipality.
    def pools(key: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        members = np.flatnonzero(open_)
        order = members[np.argsort(key[members], kind="stable")]
        bounds = np.searchsorted(key[order], np.arange(int(key.max()) + 2))
        return order, bounds

    n_domains = len(domain_codes)
    md_key = muni * n_domains + domain
    md_pool, md_bounds = pools(md_key)
    m_pool, m_bounds = pools(muni)
    region_key = muni // _SWV_GROUP
    r_pool, r_bounds = pools(region_key)
    all_pool, all_bounds = pools(np.zeros(n, np.int64))

    def draw(
        pool: npt.NDArray[np.int64], bounds: npt.NDArray[np.int64], key: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.int64]:
        lo, hi = bounds[key], bounds[key + 1]
        pick = lo + (rng.random(len(key)) * (hi - lo)).astype(np.int64)
        return np.where(hi > lo, pool[np.minimum(pick, len(pool) - 1)], -1)

    def candidates(count: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        # Inside the organisation; same municipality and domain; same municipality;
        # same SWV area; anywhere (regional providers, national networks).
        mix = rng.multinomial(count, [0.72, 0.14, 0.10, 0.035, 0.005])
        inside = rng.choice(n, size=mix[0], p=activity / activity.sum())
        inside_t = start[org[inside]] + (rng.random(mix[0]) * sizes[org[inside]]).astype(np.int64)
        cross_p = bridging / bridging.sum() if bridging.sum() > 0 else activity / activity.sum()
        s1, s2, s3, s4 = (rng.choice(n, size=k, p=cross_p) for k in mix[1:])
        t1 = draw(md_pool, md_bounds, md_key[s1])
        t2 = draw(m_pool, m_bounds, muni[s2])
        t3 = draw(r_pool, r_bounds, region_key[s3])
        t4 = draw(all_pool, all_bounds, np.zeros(len(s4), np.int64))
        return (
            np.concatenate([inside, s1, s2, s3, s4]),
            np.concatenate([inside_t, t1, t2, t3, t4]),
        )

    n64 = np.int64(max(n, 1))
    keys = np.empty(0, np.int64)
    need = wanted
    for _ in range(20):
        if need <= 0 or activity.sum() == 0:
            break
        s, t = candidates(int(need * 1.25) + 1000)
        ok = (t >= 0) & (s != t) & ~isolate[np.maximum(t, 0)]
        s, t = s[ok], t[ok]
        keys = _unique(np.concatenate([keys, np.minimum(s, t) * n64 + np.maximum(s, t)]))
        need = wanted - len(keys)
    if len(keys) > wanted:
        keys = np.sort(rng.choice(keys, size=wanted, replace=False))
    # Shuffle the order so that files look like survey exports, not sorted lists.
    keys = keys[rng.permutation(len(keys))]
    low, high = np.divmod(keys, n64)
    flip = rng.random(len(keys)) < 0.5
    source, target = np.where(flip, high, low), np.where(flip, low, high)
    return _attributes(ids, source, target, org, domain, rng)


def _attributes(
    ids: list[str],
    source: npt.NDArray[np.int64],
    target: npt.NDArray[np.int64],
    org: npt.NDArray[np.int64],
    domain: npt.NDArray[np.int64],
    rng: np.random.Generator,
) -> TieStore:
    m = len(source)
    kinds = list(TieKind)
    same_org = org[source] == org[target]
    same_domain = domain[source] == domain[target]
    # Inside organisations people mostly collaborate; across domains they also refer.
    kind = np.where(
        same_org,
        rng.choice(2, size=m, p=[0.45, 0.55]),
        np.where(
            same_domain,
            rng.choice(3, size=m, p=[0.6, 0.35, 0.05]),
            rng.choice(3, size=m, p=[0.5, 0.3, 0.2]),
        ),
    )
    order = [kinds.index(k) for k in (TieKind.KNOWS, TieKind.COLLABORATES, TieKind.REFERS)]
    kind = np.array(order, np.int8)[kind]

    def score(share: float, top: int) -> npt.NDArray[np.float64]:
        values = rng.integers(1, top, size=m, endpoint=True).astype(np.float64)
        return np.where(rng.random(m) < share, values, np.nan)

    first = np.datetime64(dt.date(2005, 1, 1), "D").astype(np.int64)
    last = np.datetime64(dt.date(2025, 12, 31), "D").astype(np.int64)
    days = rng.integers(first, last, size=m, endpoint=True).astype("datetime64[D]")
    since = np.where(rng.random(m) < 0.5, days, np.datetime64("NaT", "D"))
    return TieStore(
        ids=ids,
        source=source,
        target=target,
        kind=kind,
        strength=score(0.4, 5),
        trust=score(0.25, 4),
        value=score(0.25, 4),
        since=since,
        directed=rng.random(m) < 0.2,
    )


def _unique(values: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Sorted distinct values (sorting beats numpy's hash-based unique on large int arrays)."""
    ordered = np.sort(values)
    return (
        ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])] if len(ordered) else ordered
    )


# -- synthetic cases (for trying and benchmarking the team around a child) -----------------
_SCHOOL_CONTACT_ROLES = frozenset(
    {Role.INTERN_BEGELEIDER, Role.ZORGCOORDINATOR, Role.ORTHOPEDAGOOG, Role.SCHOOL_SOCIAL_WORKER}
)
_COORDINATOR_SECTORS = (Sector.NEIGHBOURHOOD_TEAM, Sector.FAMILY_CENTRE, Sector.MUNICIPALITY)
# Sector: case role of a professional from it when involved in a case.
_CASE_SECTORS: dict[Sector, CaseRole] = {
    Sector.YOUTH_CARE: CaseRole.CARE_PROVIDER,
    Sector.YOUTH_HEALTH: CaseRole.HEALTH,
    Sector.SCHOOL_ATTENDANCE: CaseRole.ATTENDANCE,
    Sector.SWV_PO: CaseRole.SUPPORT_CONSULTANT,
    Sector.SWV_VO: CaseRole.SUPPORT_CONSULTANT,
    Sector.WELFARE: CaseRole.OTHER,
    Sector.SAFETY: CaseRole.OTHER,
}


def cases(area: Region, count: int, *, seed: int = 0) -> tuple[Case, ...]:
    """Fictional cases for a region: children known only by a made-up pseudonym.

    Each case has a school (a primary, secondary or special school of the region), a
    school contact there (an intern begeleider, zorgcoördinator, ... where the school
    has one), a coordinator from a neighbourhood team, family centre or the
    municipality where the school is, and one to four professionals from youth care,
    youth health care, school attendance, the samenwerkingsverband, welfare or safety,
    mostly from the same municipality. The same arguments give the same cases.

    Parameters
    ----------
    area : Region
        The region (e.g. from :func:`region`); only its organisations and professionals
        are read.
    count : int
        Number of cases (non-negative).
    seed : int
        Seed of the random generator.

    Returns
    -------
    tuple of Case
        Ids ``c-00000``, ``c-00001``, ...; use ``area.replace(cases=...)`` to attach them.

    Raises
    ------
    SyntheticParameterError
        If ``count`` is negative or the region has no school.

    Example
    -------
    >>> r = region(500, seed=7)
    >>> found = cases(r, 10, seed=1)
    >>> len(found), r.replace(cases=found).validate().cases[0].id
    (10, 'c-00000')
    """
    check_whole(count, "count", minimum=0, error=SyntheticParameterError)
    if count == 0:
        return ()
    rng = np.random.default_rng(seed)
    members: dict[str, list[Professional]] = {o.id: [] for o in area.organisations}
    for person in area.professionals:
        members[person.organisation].append(person)
    by_place: dict[tuple[str, Sector], list[Organisation]] = {}
    by_sector: dict[Sector, list[Organisation]] = {}
    for org in area.organisations:
        if members[org.id]:
            by_place.setdefault((org.municipality, org.sector), []).append(org)
            by_sector.setdefault(org.sector, []).append(org)
    schools = [o for o in area.organisations if o.sector.is_school and members[o.id]]
    if not schools:
        raise SyntheticParameterError(
            "the region has no school with professionals to draw cases for"
        )

    def pick(options: list[_T]) -> _T:
        return options[int(rng.integers(len(options)))]

    def someone(org: Organisation, roles: frozenset[Role] = frozenset()) -> Professional:
        people = members[org.id]
        fitting = [p for p in people if p.role in roles]
        return pick(fitting or people)

    def organisation_in(municipality: str, sectors: tuple[Sector, ...]) -> Organisation | None:
        local = [o for s in sectors for o in by_place.get((municipality, s), [])]
        if local and rng.random() < 0.9:
            return pick(local)
        anywhere = [o for s in sectors for o in by_sector.get(s, [])]
        return pick(anywhere) if anywhere else None

    levels = list(SupportLevel)
    statuses = list(CaseStatus)
    out = []
    first_day = dt.date(2023, 1, 1)
    for i in range(count):
        school = pick(schools)
        place = school.municipality
        involved = [CaseInvolvement(someone(school, _SCHOOL_CONTACT_ROLES).id, "school_contact")]
        coordinator: ProfessionalId | None = None
        home = organisation_in(place, _COORDINATOR_SECTORS)
        if home is not None and rng.random() < 0.9:
            coordinator = someone(home, frozenset({Role.YOUTH_CONSULTANT, Role.FAMILY_COACH})).id
        for _ in range(int(rng.integers(1, 5))):
            sector = pick(list(_CASE_SECTORS))
            provider = organisation_in(place, (sector,))
            if provider is not None:
                involved.append(CaseInvolvement(someone(provider).id, _CASE_SECTORS[sector]))
        seen = {coordinator}
        unique = []
        for involvement in involved:
            if involvement.professional not in seen:
                seen.add(involvement.professional)
                unique.append(involvement)
        status = statuses[int(rng.choice(len(statuses), p=[0.6, 0.25, 0.15]))]
        opened = first_day + dt.timedelta(days=int(rng.integers(0, 900)))
        closed = None
        if status is not CaseStatus.OPEN:
            closed = opened + dt.timedelta(days=int(rng.integers(30, 300)))
        out.append(
            Case(
                CaseId(f"c-{i:05d}"),
                place,
                levels[int(rng.choice(len(levels), p=[0.3, 0.5, 0.2]))],
                status=status,
                school=school.id,
                opened=opened,
                closed=closed,
                coordinator=coordinator,
                has_plan=bool(rng.random() < 0.6),
                involved=tuple(unique),
            )
        )
    return tuple(out)
