"""Tests for the vocabularies and record-level validation."""

from __future__ import annotations

import pytest

from samenwerking.model import (
    Domain,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Role,
    Sector,
    WorkingGroup,
    WorkingGroupId,
)


def test_every_sector_has_a_domain_and_a_label() -> None:
    for sector in Sector:
        assert isinstance(sector.domain, Domain)
        assert sector.label


def test_schools_are_education_and_only_schools_are_schools() -> None:
    schools = {s for s in Sector if s.is_school}
    assert schools == {
        Sector.PRIMARY_SCHOOL,
        Sector.SECONDARY_SCHOOL,
        Sector.SPECIAL_SCHOOL,
        Sector.SPECIAL_PRIMARY_SCHOOL,
    }
    assert all(s.domain is Domain.EDUCATION for s in schools)


def test_every_domain_except_other_has_a_sector() -> None:
    assert {s.domain for s in Sector} == set(Domain)


def test_strings_convert_to_enums_and_bad_values_are_refused() -> None:
    org = Organisation(OrganisationId("o"), "O", "youth_health", "X")  # type: ignore[arg-type]
    assert org.sector is Sector.YOUTH_HEALTH
    with pytest.raises(ValueError, match="youth_hell"):
        Organisation(OrganisationId("o"), "O", "youth_hell", "X")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", " p1", "p1 ", "a;b", "a|b", "a=b", "a\nb"])
def test_bad_identifiers_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="identifier"):
        Professional(ProfessionalId(bad), "Name", Role.TEACHER, (OrganisationId("o"),))


def test_records_guard_their_own_invariants() -> None:
    with pytest.raises(ValueError, match="at least one organisation"):
        Professional(ProfessionalId("p"), "Name", Role.TEACHER, ())
    with pytest.raises(ValueError, match="capacity"):
        Professional(ProfessionalId("p"), "Name", Role.TEACHER, (OrganisationId("o"),), capacity=-1)
    with pytest.raises(ValueError, match="non-blank"):
        WorkingGroup(WorkingGroupId("w"), "WG", theme="  ")
    with pytest.raises(ValueError, match="invalid entry"):
        Organisation(OrganisationId("o"), "O", Sector.OTHER, "X", identifiers={"brin": "a;b"})


def test_identifiers_are_kept_sorted_and_compared_by_value() -> None:
    oid = OrganisationId("o")
    a = Organisation(oid, "O", Sector.OTHER, "X", identifiers={"kvk": "1", "brin": "2"})
    b = Organisation(oid, "O", Sector.OTHER, "X", identifiers={"brin": "2", "kvk": "1"})
    assert a == b
    assert list(a.identifiers) == ["brin", "kvk"]
