"""Published case tables taken together: no hidden count can be worked out by combining them.

The reference is an independent linear attack on everything :func:`standard_aggregates`
publishes: every place (cell or total) of every table is an unknown; the equations are
each table's lines, every published count, the equality of the same total in different
tables (cases per municipality, per support level, ...), and what a reader knows about
the checks (``yes + no`` is the number of open cases, ``not checked`` the others). A hidden
count is recoverable when its unit vector lies in the row space of that system. Also the
API changes around publication: BSN checks, argument checks and an all-or-nothing folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from case_regions import D, case, with_cases

import samenwerking as sw
from samenwerking.cases import (
    CHECKS,
    STANDARD_TABLES,
    CaseArgumentError,
    aggregate,
    case_duration,
    check_cases,
    count_cases,
    disputed_cases,
    durations_by_level,
    read_table_csv,
    special_to_regular,
    standard_aggregates,
    stranded_cases,
    table_name,
    without_coordinator,
    without_plan,
    write_aggregates,
)
from samenwerking.errors import InvalidArgumentError
from samenwerking.model import Case, CaseId, Region
from samenwerking.privacy import BsnLikeValueError, SuppressedTable
from samenwerking.report.base import ReportContext
from samenwerking.report.sections_cases import cases_section

TODAY = D(3, 3)
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _attack(region: Region, today: dt.date, threshold: int = 5) -> list[str]:
    """The hidden counts that everything published together gives away."""
    published = standard_aggregates(region, today=today, threshold=threshold)
    places: dict[tuple[str, int, int], int] = {}
    truth: list[int] = []
    shown: list[int | None] = []
    grids = {}
    for rows, columns in STANDARD_TABLES:
        name = table_name(rows, columns)
        counts = count_cases(region, rows, columns, today=today)
        exact = np.array(counts.counts, dtype=np.int64).reshape(
            len(counts.row_labels), len(counts.column_labels)
        )
        n_rows, n_cols = exact.shape
        grid = np.zeros((n_rows + 1, n_cols + 1), dtype=np.int64)
        grid[:n_rows, :n_cols] = exact
        grid[:n_rows, n_cols] = exact.sum(axis=1)
        grid[n_rows, :n_cols] = exact.sum(axis=0)
        grid[n_rows, n_cols] = exact.sum()
        t: SuppressedTable = published[name]
        view = [[*cells, total] for cells, total in zip(t.cells, t.row_totals, strict=True)]
        view.append([*t.column_totals, t.grand_total])
        for i in range(n_rows + 1):
            for j in range(n_cols + 1):
                places[(name, i, j)] = len(truth)
                truth.append(int(grid[i, j]))
                shown.append(view[i][j])
        grids[name] = (rows, columns, counts.row_labels, counts.column_labels, n_rows, n_cols)
    equations: list[dict[int, int]] = []
    for name, (_, _, _, _, n_rows, n_cols) in grids.items():
        for i in range(n_rows + 1):
            line = {places[(name, i, j)]: 1 for j in range(n_cols)}
            equations.append({**line, places[(name, i, n_cols)]: -1})
        for j in range(n_cols + 1):
            line = {places[(name, i, j)]: 1 for i in range(n_rows)}
            equations.append({**line, places[(name, n_rows, j)]: -1})
    # The same total in two tables: cases per value of a dimension.
    margins: dict[tuple[str, str], list[int]] = {}
    for name, (rows, columns, row_labels, col_labels, n_rows, n_cols) in grids.items():
        for i, label in enumerate(row_labels):
            margins.setdefault((rows, label), []).append(places[(name, i, n_cols)])
        for j, label in enumerate(col_labels):
            margins.setdefault((str(columns), label), []).append(places[(name, n_rows, j)])
        margins.setdefault(("", ""), []).append(places[(name, n_rows, n_cols)])
    for same in margins.values():
        equations.extend({same[0]: 1, other: -1} for other in same[1:])
    # Checks on open cases, per municipality and overall.
    status = table_name("municipality", "status")
    _, _, _, statuses, n_towns, _ = grids[status]
    for name, (rows, _, _, col_labels, _, _) in grids.items():
        if rows != "municipality" or "not checked" not in col_labels:
            continue
        for i in range(n_towns + 1):
            equations.append(
                {
                    places[(name, i, 0)]: 1,
                    places[(name, i, 1)]: 1,
                    places[(status, i, statuses.index("open"))]: -1,
                }
            )
    unknown = [k for k, value in enumerate(shown) if value is None]
    if not unknown:
        return []
    column = {k: c for c, k in enumerate(unknown)}
    matrix = np.zeros((len(equations), len(unknown)))
    for row, equation in enumerate(equations):
        for k, coefficient in equation.items():
            if k in column:
                matrix[row, column[k]] += coefficient
    _, singular, vh = np.linalg.svd(matrix)
    rank = int(np.sum(singular > 1e-9 * max(matrix.shape) * max(singular[0], 1)))
    null = vh[rank:]
    names = {k: place for place, k in places.items()}
    return [
        f"{names[k]}={truth[k]}"
        for k in unknown
        if not len(null) or np.all(np.abs(null[:, column[k]]) < 1e-9)
    ]


def test_the_example_region_gives_nothing_away() -> None:
    region = sw.example_region()
    today = dt.date(2026, 11, 23)
    assert _attack(region, today) == []
    tables = standard_aggregates(region, today=today)
    levels = tables[table_name("support_level", "status")]
    by_town = tables[table_name("municipality", "support_level")]
    special = levels.row_labels.index("special")
    # The reviewer's leak: special-open = (special in the other table) - the rest of the row.
    if levels.cells[special][0] is None and by_town.column_totals[special] is not None:
        assert any(v is None for v in levels.cells[special][1:])


@pytest.mark.parametrize(("count", "seed"), [(15, 1), (30, 2), (60, 5)])
def test_synthetic_regions_give_nothing_away(count: int, seed: int) -> None:
    area = sw.synthetic.region(2000, seed=3, municipalities=3)
    region = area.replace(cases=sw.synthetic.cases(area, count, seed=seed))
    assert _attack(region, dt.date(2025, 3, 1)) == []


def test_the_report_section_shows_the_tables_suppressed_together() -> None:
    area = sw.synthetic.region(2000, seed=3, municipalities=3)
    region = area.replace(cases=sw.synthetic.cases(area, 15, seed=1))
    today = dt.date(2025, 3, 1)
    section = cases_section(ReportContext.of(region, today=today))
    assert section is not None
    tables = standard_aggregates(region, today=today)
    assert section.durations.counts == tables[table_name("support_level", "status")]
    for check, shown in zip(CHECKS, section.check_tables, strict=True):
        expected = tables[table_name("municipality", check)]
        assert (shown.cells, shown.row_totals, shown.column_totals) == (
            expected.cells,
            expected.row_totals,
            expected.column_totals,
        )
    by_status = dict(section.regional)["Cases per municipality and status"]
    assert by_status.cells == tables[table_name("municipality", "status")].cells


def test_write_aggregates_writes_the_tables_suppressed_together(tmp_path: Path) -> None:
    area = sw.synthetic.region(2000, seed=3, municipalities=3)
    region = area.replace(cases=sw.synthetic.cases(area, 30, seed=2))
    today = dt.date(2025, 3, 1)
    write_aggregates(region, tmp_path, today=today)
    for name, table in standard_aggregates(region, today=today).items():
        read = read_table_csv(tmp_path / f"{name}.csv")
        assert (read.cells, read.row_totals, read.column_totals, read.grand_total) == (
            table.cells,
            table.row_totals,
            table.column_totals,
            table.grand_total,
        )


def _fictional_bsn(prefix: str = "12345678") -> str:
    check = sum(w * int(d) for w, d in zip(WEIGHTS, prefix, strict=True)) % 11
    assert check < 10
    return prefix + str(check)


def test_published_outputs_refuse_bsn_like_values(tmp_path: Path) -> None:
    number = _fictional_bsn()
    cases = tuple(Case(CaseId(f"c-{i}"), number, "extra") for i in range(6))
    region = Region("Dorp", cases=cases)  # built in code: never passed through load
    calls = [
        lambda: write_aggregates(region, tmp_path / "out", today=TODAY),
        lambda: aggregate(region, "municipality", today=TODAY),
        lambda: standard_aggregates(region, today=TODAY),
        lambda: cases_section(ReportContext.of(region, today=TODAY)),
    ]
    for call in calls:
        with pytest.raises(BsnLikeValueError) as caught:
            call()
        assert number not in str(caught.value)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "call",
    [
        lambda r: check_cases(r),
        lambda r: stranded_cases(r),
        lambda r: without_plan(r),
        lambda r: without_coordinator(r),
        lambda r: disputed_cases(r),
        lambda r: special_to_regular(r),
        lambda r: count_cases(r, "municipality"),
        lambda r: aggregate(r, "municipality"),
        lambda r: standard_aggregates(r),
    ],
)
def test_a_region_that_is_not_a_region_is_an_argument_error(call: object) -> None:
    with pytest.raises(CaseArgumentError, match="region must be a Region") as caught:
        call("x")  # type: ignore[operator]
    assert isinstance(caught.value, InvalidArgumentError)


def test_stranded_weeks_has_one_name_everywhere() -> None:
    region = with_cases(case("c-1", opened=D(1, 6)))
    assert stranded_cases(region, stranded_weeks=6, today=D(2, 17)) == ("c-1",)
    assert stranded_cases(region, stranded_weeks=7, today=D(2, 17)) == ()
    assert check_cases(region, stranded_weeks=7, today=D(2, 17)).stranded == ()
    with pytest.raises(TypeError):
        stranded_cases(region, weeks=6)  # type: ignore[call-arg]
    with pytest.raises(CaseArgumentError, match="stranded_weeks"):
        stranded_cases(region, stranded_weeks=0)


def test_an_open_case_opened_after_today_has_an_unknown_duration() -> None:
    future = case("c-1", "basic", opened=D(4, 1))
    region = with_cases(future, case("c-2", "basic", opened=D(2, 1)))
    found = case_duration(region, future, today=TODAY)
    assert found.days is None and found.ended_by is None
    basic = durations_by_level(region, today=TODAY)[0]
    assert (basic.cases, basic.open, basic.measured) == (2, 2, 1)
    assert basic.longest_days == (TODAY - D(2, 1)).days


def test_a_failure_midway_leaves_the_folder_all_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from samenwerking.cases import aggregates

    old = with_cases(*(case(f"c-{i}") for i in range(6)))
    write_aggregates(old, tmp_path, today=TODAY)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = aggregates.write_text_atomically
    written: list[Path] = []

    def fail_fifth(path: Path, text: str) -> Path:
        if len(written) == 4:
            raise OSError("disk full")
        written.append(path)
        return real(path, text)

    monkeypatch.setattr(aggregates, "write_text_atomically", fail_fifth)
    new = with_cases(*(case(f"c-{i}", "basic") for i in range(9)))
    with pytest.raises(OSError, match="disk full"):
        write_aggregates(new, tmp_path, today=TODAY)
    monkeypatch.undo()
    assert len(written) == 4
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert not [p for p in tmp_path.parent.iterdir() if p.name.startswith(f".{tmp_path.name}.")]


def test_a_failure_while_moving_puts_the_old_files_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    old = with_cases(*(case(f"c-{i}") for i in range(6)))
    write_aggregates(old, folder, today=TODAY)
    (folder / "cases_by_board_and_support_level.csv").unlink()  # one file is new
    (folder / "notes.txt").write_text("mine")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = Path.replace
    moves: list[Path] = []

    def fail_late(self: Path, target: Path) -> Path:
        if Path(target).parent == folder:  # a move into the folder
            moves.append(Path(target))
            if len(moves) == 6:
                raise OSError("gone")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", fail_late)
    new = with_cases(*(case(f"c-{i}", "basic") for i in range(9)))
    with pytest.raises(OSError, match="gone"):
        write_aggregates(new, folder, today=TODAY)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
