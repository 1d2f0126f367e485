"""Opening stores: paths and URLs, missing stores, things that are no store, hidden passwords."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from store_helpers import small_region

from samenwerking.store import (
    NotAStoreError,
    StoreArgumentError,
    StoreError,
    StoreNotFoundError,
    open_store,
)
from samenwerking.store.urls import shown, store_url


def test_a_path_a_relative_url_and_an_absolute_url_name_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("years.db") as store:
        store.add(small_region(), as_of=dt.date(2024, 1, 1))
    for where in (tmp_path / "years.db", "sqlite:///years.db", f"sqlite:///{tmp_path}/years.db"):
        with open_store(where, create=False) as store:
            assert [s.as_of for s in store.snapshots()] == [dt.date(2024, 1, 1)]


def test_a_missing_store_is_not_created_when_create_is_false(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFoundError) as caught:
        open_store(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()
    assert str(tmp_path / "none.db") in str(caught.value)
    assert isinstance(caught.value, FileNotFoundError)
    with pytest.raises(StoreNotFoundError, match="does not exist"):
        open_store(tmp_path / "no-folder" / "s.db")


def test_a_missing_postgres_schema_is_not_created_when_create_is_false(
    postgres_database: str,
) -> None:
    with pytest.raises(StoreNotFoundError, match="the database is empty"):
        open_store(postgres_database, create=False)


def test_files_and_databases_that_are_no_store_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "region.json"
    text.write_text('{"format": "samenwerking-region"}' + " " * 200)
    with pytest.raises(NotAStoreError, match="not an SQLite database"):
        open_store(text)
    assert text.read_text().startswith('{"format"')
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table pupils (name text)")
    with pytest.raises(NotAStoreError, match=r"other tables \(pupils\)"):
        open_store(other)
    with pytest.raises(NotAStoreError, match="a folder"):
        open_store(tmp_path)


def test_other_databases_are_refused_with_the_supported_ones() -> None:
    with pytest.raises(StoreArgumentError, match="unsupported database 'mysql'"):
        open_store("mysql://u:pw@host/db")
    with pytest.raises(StoreArgumentError):
        open_store("")


def test_postgres_urls_use_psycopg_and_hide_the_password() -> None:
    url = store_url("postgres://steward:geheim@db.example:5433/regio")
    assert url.drivername == "postgresql+psycopg"
    assert shown(url) == "postgresql+psycopg://steward:***@db.example:5433/regio"


def test_an_unreachable_server_gives_a_store_error_without_the_password() -> None:
    # Port 9 on this machine: nothing listens, so the connection is refused at once.
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://steward:geheim-wachtwoord@127.0.0.1:9/regio", timeout=2)
    message = str(caught.value)
    assert "geheim-wachtwoord" not in message
    assert message.startswith("store postgresql+psycopg://steward:***@127.0.0.1:9/regio: opening")
