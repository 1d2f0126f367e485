"""Listing, finding, deleting and exporting snapshots; the errors name the store and snapshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_helpers import grown, small_region

import samenwerking as sw
from samenwerking.errors import InvalidRegionError, SamenwerkingError
from samenwerking.model import ProfessionalId, Tie, TieStore
from samenwerking.store import (
    SnapshotExistsError,
    SnapshotNotFoundError,
    StoreArgumentError,
    StoreError,
    open_store,
)
from samenwerking.store.urls import store_url as store_url_of

DAY = dt.date(2025, 6, 1)


def test_snapshots_are_listed_oldest_first_with_their_details(store_url: str) -> None:
    with open_store(store_url) as store:
        late = store.add(small_region(4), as_of=dt.date(2025, 1, 1), note="tweede meting")
        early = store.add(small_region(5), as_of=dt.date(2024, 1, 1), note="nulmeting")
        listed = store.snapshots()
        assert [s.id for s in listed] == [early.id, late.id]
        assert listed == [early, late]
        assert store.snapshot(dt.date(2025, 1, 1)) == late
        assert store.snapshot(late.id) == late
    assert early.note == "nulmeting" and early.region_name == "Veldhoek"
    assert early.counts.professionals == 5 and early.counts.ties == 5
    assert early.counts.cases == 3 and early.counts.organisations == 3
    assert early.added_at.tzinfo is dt.UTC
    assert abs(early.added_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_a_second_snapshot_of_the_same_day_is_refused(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.add(small_region(4), as_of=DAY)
        with pytest.raises(SnapshotExistsError) as caught:
            store.add(grown(small_region(4), 1), as_of=DAY)
        assert store.snapshots() == [first]
        assert store.load(DAY) == small_region(4)
    message = str(caught.value)
    assert f"snapshot {first.id} is already as of 2025-06-01" in message
    assert message.startswith("store ")


def test_missing_snapshots_are_named_with_what_is_stored(store_url: str) -> None:
    with open_store(store_url) as store:
        with pytest.raises(SnapshotNotFoundError, match="the store is empty"):
            store.latest()
        info = store.add(small_region(), as_of=DAY)
        with pytest.raises(SnapshotNotFoundError) as caught:
            store.load(info.id + 41)
        with pytest.raises(SnapshotNotFoundError, match="as of 2020-01-01"):
            store.load(dt.date(2020, 1, 1))
        with pytest.raises(StoreArgumentError, match="'2025-06-01'"):
            store.load("2025-06-01")  # type: ignore[arg-type]
    assert f"no snapshot with id {info.id + 41}; stored: {info.id} (2025-06-01)" in str(
        caught.value
    )
    assert isinstance(caught.value, LookupError)


def test_delete_removes_one_snapshot_and_what_only_it_used(store_url: str) -> None:
    first, second = small_region(10), grown(small_region(10), 3)
    with open_store(store_url, chunk_ties=4) as store:
        a = store.add(first, as_of=dt.date(2024, 1, 1))
        alone = store.storage()
        b = store.add(second, as_of=dt.date(2025, 1, 1))
        assert store.delete(b.id) == b
        assert store.snapshots() == [a]
        assert store.storage() == alone  # the newcomers' records and chunks are gone
        assert store.load(a.id) == first
        with pytest.raises(SnapshotNotFoundError):
            store.delete(b.id)
        store.delete(a.id)
        empty = store.storage()
    assert (empty.records, empty.chunks, empty.record_references) == (0, 0, 0)


def test_export_writes_the_snapshot_in_the_existing_formats(store_url: str, tmp_path: Path) -> None:
    region = sw.example_region()
    with open_store(store_url) as store:
        store.add(region, as_of=DAY)
        as_json = store.export(DAY, tmp_path / "r.json")
        as_csv = store.export(1, tmp_path / "folder")
    assert sw.load(as_json) == region
    assert sw.load(as_csv) == region


def test_invalid_regions_are_refused_before_anything_is_written(store_url: str) -> None:
    region = small_region()
    broken = region.replace(
        ties=TieStore.concat(
            [
                region.ties,
                TieStore.from_ties([Tie(ProfessionalId("p-000"), ProfessionalId("nobody"))]),
            ]
        )
    )
    with open_store(store_url) as store:
        with pytest.raises(InvalidRegionError) as caught:
            store.add(broken, as_of=DAY)
        assert store.snapshots() == []
        assert store.storage().records == 0
    error = caught.value
    assert "the snapshot as of 2025-06-01 for store" in str(error)
    assert any(p.value == "nobody" and p.field == "target" for p in error.problems)


def test_bad_arguments_are_named(store_url: str) -> None:
    with open_store(store_url) as store:
        with pytest.raises(StoreArgumentError, match=r"as_of must be a datetime\.date"):
            store.add(small_region(), as_of="2025-06-01")  # type: ignore[arg-type]
        with pytest.raises(StoreArgumentError, match="region must be a Region"):
            store.add({"name": "x"}, as_of=DAY)  # type: ignore[arg-type]
        with pytest.raises(StoreArgumentError, match="delete takes a snapshot id"):
            store.delete(DAY)  # type: ignore[arg-type]
    with pytest.raises(StoreArgumentError, match="timeout"):
        open_store(store_url, timeout=0)


def test_a_closed_store_says_so(store_url: str) -> None:
    store = open_store(store_url)
    store.close()
    with pytest.raises(StoreError, match="the store is closed"):
        store.snapshots()
    assert issubclass(StoreError, SamenwerkingError)


def test_a_damaged_snapshot_is_named_rather_than_half_loaded(store_url: str) -> None:
    with open_store(store_url) as store:
        info = store.add(small_region(), as_of=DAY)
    engine = sa.create_engine(store_url_of(store_url), poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE blobs SET body = :junk WHERE hash IN (SELECT chunk_hash FROM snapshot_ties)"
            ),
            {"junk": b"not zlib"},
        )
    engine.dispose()
    with open_store(store_url) as store, pytest.raises(StoreError) as caught:
        store.load(info.id)
    assert "snapshot 1 (as of 2025-06-01) is damaged and cannot be loaded" in str(caught.value)
    assert str(caught.value).startswith(f"store {store.url}: ")


def test_an_in_memory_store_lives_as_long_as_it_is_open() -> None:
    with open_store("sqlite:///:memory:") as store:
        store.add(small_region(), as_of=DAY)
        assert store.latest() == small_region()
