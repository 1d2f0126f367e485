"""Tests for synthetic regions (``samenwerking.synthetic``)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from samenwerking.analysis.islands import islands
from samenwerking.errors import SamenwerkingError
from samenwerking.graph.compact import compact_graph
from samenwerking.model import Domain, Region, Role, Sector
from samenwerking.synthetic import SyntheticParameterError, region

# Roles that make sense per sector (a deliberately loose check: no teachers in youth care,
# no police officers in schools).
SCHOOL_ONLY = {Role.TEACHER, Role.INTERN_BEGELEIDER, Role.ZORGCOORDINATOR}


@pytest.fixture(scope="module")
def town() -> Region:
    return region(3000, seed=4)


def _ties_equal(a: Region, b: Region) -> bool:
    return a.ties == b.ties


def test_same_arguments_same_region() -> None:
    first, second = region(600, seed=9), region(600, seed=9)
    assert first.organisations == second.organisations
    assert first.professionals == second.professionals
    assert _ties_equal(first, second)
    assert not _ties_equal(first, region(600, seed=10))


def test_sizes_and_validity(town: Region) -> None:
    assert len(town.professionals) == 3000
    assert len(town.ties) == 30_000
    assert town.validate() is town
    assert len({p.id for p in town.professionals}) == 3000
    assert len({o.id for o in town.organisations}) == len(town.organisations)


def test_ties_per_professional_and_municipalities() -> None:
    r = region(2000, seed=1, ties_per_professional=3.5, municipalities=4)
    assert len(r.ties) == 7000
    assert len(r.municipalities) == 4
    assert r.validate() is r
    assert len(region(500, seed=1, ties_per_professional=0).ties) == 0


def test_organisations_hold_5_to_200_people(town: Region) -> None:
    sizes = Counter(p.organisation for p in town.professionals)
    assert set(sizes) == {o.id for o in town.organisations}
    assert min(sizes.values()) >= 5 and max(sizes.values()) <= 200


def test_every_sector_but_other_is_present(town: Region) -> None:
    present = {o.sector for o in town.organisations}
    assert present == set(Sector) - {Sector.OTHER}


def test_structure_of_boards_and_swvs(town: Region) -> None:
    by_id = {o.id: o for o in town.organisations}
    for org in town.organisations:
        if org.sector.is_school:
            assert org.parent is not None
            board = by_id[org.parent]
            assert board.sector is Sector.SCHOOL_BOARD
            swv = {Sector.SWV_VO} if org.sector is Sector.SECONDARY_SCHOOL else {Sector.SWV_PO}
            assert {by_id[m].sector for m in board.memberships} == swv
        elif org.sector is not Sector.SCHOOL_BOARD:
            assert org.parent is None and org.memberships == ()


def test_roles_fit_the_sector(town: Region) -> None:
    by_id = {o.id: o for o in town.organisations}
    for person in town.professionals:
        sector = by_id[person.organisation].sector
        if person.role in SCHOOL_ONLY:
            assert sector.domain is Domain.EDUCATION, (person, sector)
        if person.role is Role.POLICE_OFFICER:
            assert sector is Sector.SAFETY
        if person.role is Role.ALDERMAN:
            assert sector is Sector.MUNICIPALITY
    second = [p for p in town.professionals if len(p.organisations) > 1]
    assert 0 < len(second) < 0.1 * len(town.professionals)


def test_ties_mostly_inside_organisations_fewer_across_domains(town: Region) -> None:
    org = {p.id: p.organisation for p in town.professionals}
    domain = {o.id: o.domain for o in town.organisations}
    store = town.ties
    inside = across_org = across_domain = 0
    for s, t in zip(store.source_ids(), store.target_ids(), strict=True):
        if org[s] == org[t]:
            inside += 1
        elif domain[org[s]] == domain[org[t]]:
            across_org += 1
        else:
            across_domain += 1
    assert inside > 0.5 * len(store)
    assert inside > across_org > 0 and inside > across_domain > 0
    assert across_domain < 0.3 * len(store)


def test_optional_attributes_are_partly_filled(town: Region) -> None:
    for name in ("strength", "trust", "value"):
        share = float(np.mean(~np.isnan(town.ties.column(name))))
        assert 0.1 < share < 0.7, name
    assert 0.2 < float(np.mean(~np.isnat(town.ties.column("since")))) < 0.8
    assert 0.0 < float(np.mean(town.ties.column("directed"))) < 0.5
    assert set(np.unique(town.ties.kind).tolist()) == {0, 1, 2}


def test_islands_isolates_and_silos_exist() -> None:
    found = islands(compact_graph(region(8000, seed=2)))
    assert found.isolates
    assert found.silos
    assert 0.5 < found.share_in_largest < 1.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"professionals": 10}, "at least 50"),
        ({"professionals": 500, "municipalities": 20}, "at least 50"),
        ({"professionals": 500, "municipalities": 0}, "positive"),
        ({"professionals": 500, "ties_per_professional": -1.0}, "non-negative"),
        ({"professionals": 500, "ties_per_professional": float("nan")}, "non-negative"),
        ({"professionals": 500.0}, "integer"),
    ],
)
def test_bad_parameters(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(SyntheticParameterError, match=match) as info:
        region(**kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError) and isinstance(info.value, SamenwerkingError)


@given(
    st.lists(st.floats(1, 300), min_size=1, max_size=40),
    st.integers(0, 2_000),
    st.integers(0, 2**32 - 1),
)
@example([1.0] * 17, 0, 0)  # the random passes once left one person over
def test_fitted_organisation_sizes_are_never_negative(
    sizes: list[float], total: int, seed: int
) -> None:
    from samenwerking.synthetic import _fit_sizes

    fitted = _fit_sizes(np.array(sizes), total, np.random.default_rng(seed))
    assert (fitted >= 0).all()
    assert int(fitted.sum()) == total
