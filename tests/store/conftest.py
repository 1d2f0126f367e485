"""Store fixtures: every store test runs against SQLite and against PostgreSQL.

The PostgreSQL variants need a server: set ``SAMENWERKING_TEST_POSTGRES_URL`` (``bash
.ci/postgres.sh start`` starts a throwaway one and prints the line to export). Each test
gets a fresh database of its own on that server, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

POSTGRES_ENV = "SAMENWERKING_TEST_POSTGRES_URL"


def _postgres_base() -> str:
    url = os.environ.get(POSTGRES_ENV, "")
    if not url:
        pytest.skip(
            f"PostgreSQL variant skipped: {POSTGRES_ENV} is not set "
            '(run `eval "$(bash .ci/postgres.sh start)"` to start a throwaway server)'
        )
    return url


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    base = sa.make_url(_postgres_base()).set(drivername="postgresql+psycopg")
    name = f"sw_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty store: an SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url: str = request.getfixturevalue("postgres_database")
    return url
