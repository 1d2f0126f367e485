"""Synthetic cases: deterministic, valid, and drawn from the region's own people."""

from __future__ import annotations

import pytest

from samenwerking import synthetic
from samenwerking.model import CaseRole


def test_cases_are_valid_deterministic_and_additive() -> None:
    area = synthetic.region(800, seed=3)
    found = synthetic.cases(area, 25, seed=9)
    assert found == synthetic.cases(area, 25, seed=9)
    assert found != synthetic.cases(area, 25, seed=10)
    assert area.replace(cases=found).validate().cases == found
    assert synthetic.region(800, seed=3) == area  # the region itself is unchanged
    for case in found:
        assert case.school is not None and area.organisation(case.school).sector.is_school
        assert case.involved[0].role is CaseRole.SCHOOL_CONTACT
        members = [i.professional for i in case.involved]
        assert len(set(members)) == len(members) and case.coordinator not in members


def test_bad_count_is_an_error() -> None:
    area = synthetic.region(200, seed=1)
    assert synthetic.cases(area, 0) == ()
    with pytest.raises(synthetic.SyntheticParameterError, match="count"):
        synthetic.cases(area, -1)
