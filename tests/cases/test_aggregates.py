"""Regional counts: hand-counted tables, and properties over generated cases.

Properties: every table counts each case exactly once (its grand total is the number of
cases, its rows and columns partition them), agrees with a brute-force count, and what
is published never shows a count below the threshold (other than zero).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from case_regions import D, base_region, case, event, with_cases
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.cases import (
    CHECKS,
    DIMENSIONS,
    STANDARD_TABLES,
    UNKNOWN,
    CaseArgumentError,
    PublishedTable,
    aggregate,
    check_cases,
    count_cases,
    read_table_csv,
    standard_aggregates,
    table_name,
    write_aggregates,
)
from samenwerking.model import Case, CaseEvent, CaseId, OrganisationId, Region

TODAY = D(3, 3)
SCHOOLS = ("s-po", "s-vo", "s-so", "s-sbo", "s-lone")


def _row(table: object, label: str) -> tuple[int, ...]:
    counts = table  # CaseCounts
    return counts.counts[counts.row_labels.index(label)]  # type: ignore[attr-defined]


def test_board_and_swv_of_each_school() -> None:
    region = with_cases(*(case(f"c-{s}", school=s) for s in SCHOOLS), case("c-none"))
    board = count_cases(region, "board")
    assert board.row_labels == ("b1", "b2", UNKNOWN)
    assert [r[0] for r in board.counts] == [2, 2, 2]  # s-po, s-vo | s-so, s-sbo | s-lone, none
    swv = count_cases(region, "swv")
    assert swv.row_labels == ("swv-po", "swv-vo", UNKNOWN)
    # swv-po: s-po (b1, PO matches), s-sbo (b2's) | swv-vo: s-vo (b1, VO matches), s-so (own)
    assert [r[0] for r in swv.counts] == [2, 2, 2]


def test_swv_prefers_the_schools_own_membership() -> None:
    region = with_cases(case("c-1", school="s-so"))
    assert _row(count_cases(region, "swv"), "swv-vo") == (1,)


def test_municipality_rows_include_every_municipality() -> None:
    region = with_cases(case("c-1", municipality="Elders"))
    found = count_cases(region, "municipality", "support_level")
    assert found.row_labels == ("Dorp", "Elders", "Stad")
    assert found.counts == ((0, 0, 0), (0, 1, 0), (0, 0, 0))


def test_check_dimension_counts_yes_no_and_not_checked() -> None:
    region = with_cases(
        case("a", opened=D(1, 6)),
        case("b", has_plan=True),
        case("c", status="closed"),
    )
    found = count_cases(region, "municipality", "without_plan", today=TODAY)
    assert found.column_labels == ("yes", "no", "not checked")
    assert _row(found, "Dorp") == (1, 1, 1)
    back = count_cases(region, "status", "special_to_regular")
    assert back.column_labels == ("yes", "no")


def test_aggregate_suppresses_and_refuses_low_thresholds() -> None:
    region = with_cases(*(case(f"c-{i}", "basic" if i else "special") for i in range(8)))
    table = aggregate(region, "support_level")
    assert table.cells == ((None,), (0,), (None,))
    assert table.grand_total == 8
    for bad in (0, 1, 2):
        with pytest.raises(CaseArgumentError, match="threshold"):
            aggregate(region, "support_level", threshold=bad)


@pytest.mark.parametrize(("rows", "columns"), [("child", None), ("municipality", "name")])
def test_unknown_dimensions(rows: str, columns: str | None) -> None:
    with pytest.raises(CaseArgumentError, match="choose from"):
        count_cases(with_cases(), rows, columns)


def test_empty_region_gives_tables_of_zeros() -> None:
    tables = standard_aggregates(Region("Leeg"), today=TODAY)
    assert list(tables) == [table_name(r, c) for r, c in STANDARD_TABLES]
    assert all(t.grand_total == 0 for t in tables.values())


# -- properties ------------------------------------------------------------------------------


@st.composite
def case_regions(draw: st.DrawFn) -> Region:
    """The base region with up to 30 random (but valid) cases."""
    cases = []
    for i in range(draw(st.integers(0, 30))):
        status = draw(st.sampled_from(["open", "resolved", "closed"]))
        opened = draw(st.none() | st.dates(D(1, 1, 2024), D(3, 1)))
        closed = None
        if status != "open" and opened is not None and draw(st.booleans()):
            closed = opened + dt.timedelta(days=draw(st.integers(0, 300)))
        events = tuple(
            CaseEvent(
                draw(st.dates(D(1, 1, 2024), D(6, 1))),
                draw(
                    st.sampled_from(
                        [
                            "meeting",
                            "dispute",
                            "plan_agreed",
                            "placement",
                            "return_to_school",
                            "closed",
                        ]
                    )
                ),
                organisation=draw(
                    st.none() | st.sampled_from([*SCHOOLS, "y1"]).map(OrganisationId)
                ),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        school = draw(st.none() | st.sampled_from(SCHOOLS))
        cases.append(
            Case(
                CaseId(f"c-{i}"),
                draw(st.sampled_from(["Dorp", "Stad", "Elders"])),
                draw(st.sampled_from(["basic", "extra", "special"])),
                status,
                school=OrganisationId(school) if school else None,
                opened=opened,
                closed=closed,
                has_plan=draw(st.booleans()),
                events=events,
            )
        )
    return base_region().replace(cases=tuple(cases)).validate()


PAIRS = st.tuples(st.sampled_from(DIMENSIONS), st.none() | st.sampled_from(DIMENSIONS))


@given(case_regions(), PAIRS)
def test_every_case_is_counted_once(region: Region, pair: tuple[str, str | None]) -> None:
    rows, columns = pair
    found = count_cases(region, rows, columns, today=TODAY)
    assert found.total == len(region.cases)
    assert len(found.counts) == len(found.row_labels)
    assert all(len(r) == len(found.column_labels) for r in found.counts)
    assert len(set(found.row_labels)) == len(found.row_labels)


@given(case_regions(), st.sampled_from(CHECKS))
def test_check_tables_agree_with_the_checks(region: Region, check: str) -> None:
    found = count_cases(region, "status", check, today=TODAY)
    flagged = check_cases(region, today=TODAY).flagged(check)
    assert sum(row[0] for row in found.counts) == len(flagged)


@given(case_regions())
def test_municipality_counts_match_a_brute_force_count(region: Region) -> None:
    found = count_cases(region, "municipality", "support_level")
    for i, town in enumerate(found.row_labels):
        for j, level in enumerate(found.column_labels):
            expected = sum(
                1 for c in region.cases if c.municipality == town and c.support_level == level
            )
            assert found.counts[i][j] == expected


@given(case_regions(), PAIRS, st.integers(3, 12))
def test_nothing_small_is_published(
    region: Region, pair: tuple[str, str | None], threshold: int
) -> None:
    rows, columns = pair
    table = aggregate(region, rows, columns, threshold=threshold, today=TODAY)
    shown = [
        *(v for row in table.cells for v in row),
        *table.row_totals,
        *table.column_totals,
        table.grand_total,
    ]
    assert all(v is None or v == 0 or v >= threshold for v in shown)
    exact = count_cases(region, rows, columns, today=TODAY)
    for published, true in zip(table.cells, exact.counts, strict=True):
        assert all(p is None or p == t for p, t in zip(published, true, strict=True))


# -- writing ---------------------------------------------------------------------------------


def test_write_aggregates_writes_every_table_readably(tmp_path: Path) -> None:
    region = with_cases(
        *(case(f"d-{i}", school="s-po", opened=D(1, 6)) for i in range(7)),
        case("s-1", municipality="Stad", opened=D(1, 6)),
    )
    folder = tmp_path / "out"
    paths = write_aggregates(region, folder, today=TODAY)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(p.name for p in paths)
    assert len(paths) == len(STANDARD_TABLES) + 1
    tables = standard_aggregates(region, today=TODAY)
    for (rows, _columns), (name, table) in zip(STANDARD_TABLES, tables.items(), strict=True):
        assert read_table_csv(folder / f"{name}.csv") == PublishedTable.of(table, corner=rows)
    by_town = read_table_csv(folder / "cases_by_municipality_and_status.csv")
    assert by_town.row_labels == ("Dorp", "Stad")
    assert by_town.cells[1][0] is None  # the single case in Stad
    durations = (folder / "durations_by_support_level.csv").read_text().splitlines()
    assert durations == [
        "support_level,median_days,upper_quartile_days",
        "basic,,",
        "extra,56,56",  # all 8 opened on 6 January, still open on 3 March
        "special,,",
    ]


def test_small_duration_groups_are_marked(tmp_path: Path) -> None:
    region = with_cases(case("c-1", "basic", opened=D(1, 6)))
    write_aggregates(region, tmp_path, today=TODAY, marker="<5")
    text = (tmp_path / "durations_by_support_level.csv").read_text()
    assert "basic,<5,<5" in text
    assert "56" not in text


def test_nothing_is_written_when_an_argument_is_wrong(tmp_path: Path) -> None:
    for kwargs in ({"threshold": 2}, {"marker": "5"}, {"marker": ""}, {"stranded_weeks": 0}):
        with pytest.raises(CaseArgumentError):
            write_aggregates(with_cases(case("c-1")), tmp_path / "out", today=TODAY, **kwargs)  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = with_cases(*(case(f"c-{i}") for i in range(6)))
    write_aggregates(region, tmp_path, today=TODAY)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def fail(self: Path, target: object) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", fail)
    bigger = with_cases(*(case(f"c-{i}") for i in range(9)))
    with pytest.raises(OSError, match="disk full"):
        write_aggregates(bigger, tmp_path, today=TODAY)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_write_aggregates_refuses_a_file_as_folder(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("keep")
    with pytest.raises(CaseArgumentError, match="not a folder"):
        write_aggregates(with_cases(), target, today=TODAY)
    assert target.read_text() == "keep"


def test_events_with_unknown_kind_of_organisation_are_fine() -> None:
    region = with_cases(case("c-1", "extra", event(D(1, 6), "placement", "g-dorp")))
    assert count_cases(region, "swv").total == 1
