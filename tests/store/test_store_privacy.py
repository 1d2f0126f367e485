"""Privacy in the store: BSN-like values never written, and the retention purge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers import grown, small_region

import strategies as s
from samenwerking.errors import InvalidRegionError
from samenwerking.model import CaseId, CaseStatus, OrganisationId, Region
from samenwerking.privacy import BsnLikeValueError, PrivacyError
from samenwerking.store import StoreArgumentError, open_store
from samenwerking.store.retention import is_expired

DAY = dt.date(2025, 6, 1)
TWO_YEARS = dt.timedelta(days=730)


def _bsn() -> str:
    digits = "87654321"  # fictional; the check digit makes it pass the 11-test
    weighted = sum(w * int(d) for w, d in zip(range(9, 1, -1), digits, strict=True))
    return digits + str(weighted % 11)


def test_a_bsn_like_case_id_is_refused_before_anything_is_written(store_url: str) -> None:
    region = small_region()
    number = _bsn()
    leaky = region.replace(
        cases=(attrs.evolve(region.cases[0], id=CaseId(number)), *region.cases[1:])
    )
    with open_store(store_url) as store:
        with pytest.raises(BsnLikeValueError) as caught:
            store.add(leaky, as_of=DAY)
        assert store.snapshots() == []
        assert store.storage().records == 0 and store.storage().chunks == 0
    error = caught.value
    assert isinstance(error, PrivacyError)
    assert number not in str(error)
    assert "for store " in str(error) and "as of 2025-06-01" in str(error)
    assert [(p.location, p.field) for p in error.problems] == [("$.cases[0]", "id")]


def test_a_bsn_like_school_in_a_case_is_refused_too(store_url: str) -> None:
    region = small_region()
    leaky = region.replace(
        cases=(attrs.evolve(region.cases[0], school=OrganisationId(_bsn())), *region.cases[1:])
    )
    with open_store(store_url) as store:
        with pytest.raises(BsnLikeValueError, match="field 'school'"):
            store.add(leaky, as_of=DAY)
        assert store.storage().records == 0


def test_purge_removes_cases_closed_longer_than_the_period_from_every_snapshot(
    store_url: str,
) -> None:
    first, second = small_region(), grown(small_region(), 2)
    today = dt.date(2026, 1, 1)  # c-0b2 closed 2018-03-01: gone; c-0c3 closed 2024-06-30: kept
    with open_store(store_url) as store:
        a = store.add(first, as_of=dt.date(2024, 9, 1))
        b = store.add(second, as_of=dt.date(2025, 9, 1))
        before = store.storage()
        dry = store.purge(older_than=TWO_YEARS, today=today, dry_run=True)
        assert store.storage() == before and store.load(a.id) == first
        result = store.purge(older_than=TWO_YEARS, today=today)
        after = store.storage()
        kept = tuple(c for c in first.cases if c.id != "c-0b2")
        assert store.load(a.id) == first.replace(cases=kept)
        assert store.load(b.id) == second.replace(cases=kept)
        infos = store.snapshots()
        again = store.purge(older_than=TWO_YEARS, today=today)
        log = store.purges()
    assert dry == attrs.evolve(result, dry_run=True)
    assert result.closed_before == dt.date(2024, 1, 2)
    assert (result.cases, result.per_snapshot) == (2, ((a.id, 1), (b.id, 1)))
    assert [(i.counts.cases, i.purged_cases) for i in infos] == [(2, 1), (2, 1)]
    assert after.records == before.records - 1  # the one shared case record is gone
    assert again.cases == 0
    # Both real purges are logged (the dry run is not), with their rule and figures.
    assert [(e.today, e.older_than, e.closed_before, e.cases, e.snapshots) for e in log] == [
        (today, TWO_YEARS, dt.date(2024, 1, 2), 2, 2),
        (today, TWO_YEARS, dt.date(2024, 1, 2), 0, 0),
    ]
    assert log[0].purged_at.tzinfo is dt.UTC


def test_cases_without_a_closing_date_or_still_open_are_kept() -> None:
    case = small_region().cases[1]
    long_ago = dt.date(2030, 1, 1)
    assert is_expired(case, closed_before=long_ago)
    assert not is_expired(attrs.evolve(case, closed=None), closed_before=long_ago)
    assert not is_expired(attrs.evolve(case, status=CaseStatus.OPEN), closed_before=long_ago)
    assert not is_expired(case, closed_before=case.closed)  # closed that very day: kept


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    max_examples=20,
)
@given(
    region=s.regions(),
    today=s.dates(),
    days=st.integers(1, 20 * 365),
)
def test_purge_keeps_exactly_the_cases_a_plain_filter_keeps(
    store_url: str, region: Region, today: dt.date, days: int
) -> None:
    period = dt.timedelta(days=days)
    with open_store(store_url) as store:
        for info in store.snapshots():
            store.delete(info.id)
        info = store.add(region, as_of=DAY)
        result = store.purge(older_than=period, today=today)
        loaded = store.load(info.id)
    expected = tuple(
        c
        for c in region.cases
        if not (c.status is not CaseStatus.OPEN and c.closed and c.closed < today - period)
    )
    assert loaded == region.replace(cases=expected)
    assert result.cases == len(region.cases) - len(expected)


def test_purge_needs_a_period_of_at_least_a_day(store_url: str) -> None:
    with open_store(store_url) as store:
        with pytest.raises(StoreArgumentError, match=r"older_than must be a datetime\.timedelta"):
            store.purge(older_than=730)  # type: ignore[arg-type]
        with pytest.raises(StoreArgumentError, match="at least one day"):
            store.purge(older_than=dt.timedelta(hours=5))


def test_purged_cases_leave_no_trace_in_an_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with open_store(path) as store:
        store.add(small_region(), as_of=DAY)
        assert b"c-0b2" in path.read_bytes()
        store.purge(older_than=TWO_YEARS, today=dt.date(2026, 1, 1))
    data = path.read_bytes()
    assert b"c-0b2" not in data  # overwritten (secure_delete), not left in free pages
    assert b"c-0c3" in data


def test_a_bsn_in_the_note_is_refused_and_never_shown(store_url: str) -> None:
    number = _bsn()
    with open_store(store_url) as store:
        with pytest.raises(BsnLikeValueError) as caught:
            store.add(small_region(), as_of=DAY, note=f"na overleg over {number}")
        assert store.snapshots() == []
    assert number not in str(caught.value)
    assert [p.field for p in caught.value.problems] == ["note"]


def test_problems_in_an_invalid_region_never_show_a_bsn(store_url: str) -> None:
    number = _bsn()
    region = small_region()
    # A professional's organisation that looks like a BSN: not a case field, but still withheld.
    broken = region.replace(
        professionals=(
            attrs.evolve(region.professionals[0], organisations=(OrganisationId(number),)),
            *region.professionals[1:],
        )
    )
    with open_store(store_url) as store, pytest.raises(InvalidRegionError) as caught:
        store.add(broken, as_of=DAY)
    assert number not in str(caught.value)
    assert "unknown organisation" in str(caught.value)
