"""``samenwerking history --db`` and ``samenwerking report --db``, end to end on a real SQLite
store of three snapshots of the example region (people joining, ties to the isolates, one
person leaving again). Expected figures come from ``analysis.trend`` on the same regions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import samenwerking as sw
from samenwerking.analysis import Trend, trend
from samenwerking.cli import main
from samenwerking.model import Professional, ProfessionalId, Region, Role, Tie, TieStore
from samenwerking.store import open_store

DAYS = (dt.date(2024, 6, 1), dt.date(2025, 6, 1), dt.date(2026, 6, 1))
NOTES = ("survey 2024", "", "survey 2026")
POSTGRES_ENV = "SAMENWERKING_TEST_POSTGRES_URL"


def _regions() -> tuple[Region, Region, Region]:
    first = sw.example_region()
    isolates = sw.analysis.islands(sw.compact_graph(first)).isolates
    org = first.organisations[0].id
    newcomers = tuple(
        Professional(ProfessionalId(f"new-{i}"), f"Nieuwe Collega {i}", Role.OTHER, (org,))
        for i in range(2)
    )
    anchor = first.professionals[0].id
    added = [Tie(n.id, anchor) for n in newcomers] + [Tie(i, anchor) for i in isolates]
    second = first.replace(
        professionals=first.professionals + newcomers,
        ties=TieStore.concat([first.ties, TieStore.from_ties(added)]),
    )
    keep = [i for i, t in enumerate(second.ties) if "new-1" not in (t.source, t.target)]
    third = second.replace(
        professionals=tuple(p for p in second.professionals if p.id != "new-1"),
        ties=second.ties.select(keep),
    )
    return first, second, third


def _fill(url: str | Path) -> None:
    with open_store(url) as store:
        for day, region, note in zip(DAYS, _regions(), NOTES, strict=True):
            store.add(region, as_of=day, note=note)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "years.db"
    _fill(path)
    return path


@pytest.fixture
def postgres_store() -> Iterator[str]:
    """The same three snapshots in a fresh PostgreSQL database (``.ci/postgres.sh``)."""
    base_url = os.environ.get(POSTGRES_ENV, "")
    if not base_url:
        pytest.skip(f"PostgreSQL variant skipped: {POSTGRES_ENV} is not set")
    base = sa.make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"sw_history_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        url = base.set(database=name).render_as_string(hide_password=False)
        _fill(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def expected() -> Trend:
    return trend(zip(DAYS, _regions(), strict=True))


def test_history_prints_one_line_per_snapshot(
    store_path: Path, expected: Trend, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--db", str(store_path)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split()[:4] == ["as", "of", "people", "islands"]
    for line, row in zip(lines[1:4], expected.rows, strict=True):
        cells = line.split()
        assert cells[0] == row.as_of.isoformat()
        assert cells[1:4] == [str(row.professionals), str(row.islands), str(row.isolates)]
        assert cells[6] == str(len(row.fragile_links))
        assert cells[7] == f"{len(row.unreached_schools)}/{row.schools}"
        assert cells[8] == f"{row.agreements_to_fix}/{row.agreements}"
    assert lines[1].endswith("survey 2024") and lines[3].endswith("survey 2026")
    changes = lines[lines.index("What changed:") + 1 :]
    assert changes[0].strip().startswith(f"{DAYS[0]} -> {DAYS[1]}: 2 joined, 0 left")
    assert "1 island(s) merged" in changes[0]
    assert changes[1].strip().startswith(f"{DAYS[1]} -> {DAYS[2]}: 0 joined, 1 left")
    assert "Reading snapshot 1 (as of 2024-06-01) (1 of 3)" in captured.err


def test_open_thuiszitters_are_suppressed_in_the_table(
    store_path: Path, expected: Trend, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--db", str(store_path), "--threshold", "50"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:4]
    counts = trend(zip(DAYS, _regions(), strict=True), threshold=50).series("open_thuiszitters")
    assert all(c.startswith("fewer than 50") or c == "0" for c in counts)
    for line, count in zip(lines, counts, strict=True):
        assert count in line


def test_history_people_and_csv(
    store_path: Path, expected: Trend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "history.csv"
    assert main(["history", "--db", str(store_path), "--people", "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "joined: Nieuwe Collega 0 (new-0)" in printed
    assert printed.count("left: Nieuwe Collega 1 (new-1)") == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["as_of"] for r in rows] == [d.isoformat() for d in DAYS]
    assert [r["note"] for r in rows] == ["survey 2024", "", "survey 2026"]
    for r, row in zip(rows, expected.rows, strict=True):
        assert int(r["isolates"]) == row.isolates and int(r["islands"]) == row.islands
        assert float(r["cross_domain"]) == pytest.approx(row.cross_share, abs=1e-6)
        assert r["open_thuiszitters"] == row.open_thuiszitters


def test_history_by_sector(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--db", str(store_path), "--by", "sector"]) == 0
    by_sector = trend(zip(DAYS, _regions(), strict=True), by="sector")
    out = capsys.readouterr().out
    assert "between two sector groups" in out
    line = out.splitlines()[1].split()
    assert line[6] == str(len(by_sector.rows[0].fragile_links))


def test_history_on_an_empty_and_a_missing_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.db"
    open_store(empty).close()
    assert main(["history", "--db", str(empty)]) == 0
    assert "No snapshots in" in capsys.readouterr().out
    missing = tmp_path / "missing.db"
    assert main(["history", "--db", str(missing)]) == 1
    assert "samenwerking: error:" in capsys.readouterr().err
    assert not missing.exists()  # reading never creates a store
    assert main(["history"]) == 2  # --db is required


def test_report_on_the_latest_snapshot_with_trends(
    store_path: Path, expected: Trend, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report"
    assert main(["report", "--db", str(store_path), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    markdown = (out / "report.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "## Trends over time" in markdown and "## Change over time" in markdown
    assert markdown.index("## Change over time") < markdown.index("## Trends over time")
    assert (out / "trend.svg").read_text(encoding="utf-8").startswith("<svg")
    assert 'id="trend-title"' in html and "<desc" in html
    # The latest snapshot is reported on, compared with the one before it.
    assert "0 professional(s) joined and 1 left" in markdown
    assert captured.out.startswith("Lindenhoeve: ")
    assert "Reporting on snapshot 3 (as of 2026-06-01)" in captured.err


def test_report_db_and_source_together_is_refused(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sw.save(sw.example_region(), tmp_path / "region.json")
    code = main(["report", str(source), "--db", str(store_path), "--out", str(tmp_path / "r")])
    assert code == 1
    assert "SOURCE or --db" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_report_db_with_before_compares_with_that_source(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = sw.save(_regions()[0], tmp_path / "old.json")
    out = tmp_path / "r"
    assert main(["report", "--db", str(store_path), "--before", str(old), "--out", str(out)]) == 0
    capsys.readouterr()
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "1 professional(s) joined and 0 left" in markdown  # new-0 since the first snapshot


def test_history_is_the_same_on_postgresql(
    store_path: Path, postgres_store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--db", str(store_path), "--people"]) == 0
    on_sqlite = capsys.readouterr().out
    assert main(["history", "--db", postgres_store, "--people"]) == 0
    assert capsys.readouterr().out == on_sqlite
