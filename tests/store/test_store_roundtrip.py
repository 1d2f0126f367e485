"""Loading a snapshot gives exactly the region that was added, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
from hypothesis import HealthCheck, given, settings
from store_helpers import grown, small_region

import strategies as s
from samenwerking import example_region
from samenwerking.model import ProfessionalId, Region, TieStore
from samenwerking.store import open_store


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(region=s.regions())
def test_loaded_equals_added_for_generated_regions(store_url: str, region: Region) -> None:
    # One store for all examples: each adds a new snapshot next to the earlier ones, so
    # records shared between generated regions are exercised too.
    with open_store(store_url) as store:
        day = dt.date(2000, 1, 1) + dt.timedelta(days=len(store.snapshots()))
        info = store.add(region, as_of=day)
        loaded = store.load(info.id)
    assert loaded == region
    assert loaded.ties.ids == region.ties.ids
    assert loaded.ties.meetings == region.ties.meetings


def test_example_region_round_trips_with_many_chunks(store_url: str) -> None:
    region = example_region()
    with open_store(store_url, chunk_ties=7) as store:
        info = store.add(region, as_of=dt.date(2025, 6, 1))
        assert store.load(info.id) == region
        assert store.load(dt.date(2025, 6, 1)) == region
        assert store.latest() == region
        storage = store.storage()
    # 488 ties in chunks of 7, plus the two vocabularies.
    assert storage.chunks == -(-len(region.ties) // 7) + 2


def test_tie_vocabulary_order_is_kept(store_url: str) -> None:
    # A store whose vocabulary holds ids in an order (and one id) that no tie suggests.
    base = small_region(people=4)
    people = tuple(
        attrs.evolve(p, id=ProfessionalId(name))
        for p, name in zip(base.professionals, ["z", "a", "m", "unused"], strict=True)
    )
    ties = TieStore(ids=["z", "a", "m", "unused"], source=[1, 2], target=[0, 1])
    region = base.replace(professionals=people, ties=ties, cases=())
    with open_store(store_url) as store:
        loaded = store.load(store.add(region, as_of=dt.date(2024, 2, 29)).id)
    assert loaded.ties.ids == ("z", "a", "m", "unused")
    assert loaded == region


def test_unchanged_records_and_chunks_are_stored_once(store_url: str) -> None:
    first = small_region(people=30)
    second = grown(first, 2)  # two newcomers, their two ties appended at the end
    with open_store(store_url, chunk_ties=10) as store:
        store.add(first, as_of=dt.date(2024, 1, 1))
        after_one = store.storage()
        store.add(second, as_of=dt.date(2025, 1, 1))
        after_two = store.storage()
        assert store.load(dt.date(2024, 1, 1)) == first
        assert store.load(dt.date(2025, 1, 1)) == second
    # Only the two newcomers are new records; the other records are shared.
    assert after_two.records - after_one.records == 2
    assert after_two.record_references == 2 * after_one.record_references + 2
    # 30 ties = 3 full chunks, shared; the 2 new ties make one new chunk; the id
    # vocabulary changed (2 new ids), the empty meeting vocabulary is shared.
    assert after_two.chunks - after_one.chunks == 2


def test_snapshots_of_many_days_load_back_each_as_added(store_url: str) -> None:
    regions = [small_region(people=n) for n in (3, 8, 5)]
    days = [dt.date(2023, 5, 1), dt.date(2021, 5, 1), dt.date(2022, 5, 1)]
    with open_store(store_url, chunk_ties=4) as store:
        ids = [store.add(r, as_of=d).id for r, d in zip(regions, days, strict=True)]
        for snapshot_id, region in zip(ids, regions, strict=True):
            assert store.load(snapshot_id) == region
        assert store.latest() == regions[0]
    assert list(itertools.accumulate(ids, max)) == ids  # ids only grow
