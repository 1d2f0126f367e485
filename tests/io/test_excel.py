"""Tests for the Excel workbook adapter and exporter."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import assume, given

import strategies as s
from samenwerking.errors import InvalidRegionError, Problem, UnsupportedSourceError
from samenwerking.example import example_region
from samenwerking.io import cells
from samenwerking.io.csvfolder import TABLES
from samenwerking.io.excel import (
    SHEETS,
    ExcelAdapter,
    ExcelExporter,
    ExcelNotInstalledError,
    read_excel,
    write_excel,
)
from samenwerking.model import (
    Organisation,
    Professional,
    Region,
    Role,
    Sector,
    Tie,
    TieKind,
)
from samenwerking.plugins.hookspecs import Exporter, SourceAdapter


def _save(region: Region, path: Path) -> Path:
    ExcelExporter().write(region, path)
    return path


def _load(path: Path) -> Region:
    return ExcelAdapter().read(path)


# -- round trips ----------------------------------------------------------------------------------
@given(s.regions())
def test_round_trip(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    book = tmp_path_factory.mktemp("excel") / "x.xlsx"
    try:
        _save(region, book)
    except UnsupportedSourceError as error:
        # Only characters XML cannot hold (U+FFFE, U+FFFF) keep a valid region out of Excel.
        assert "Excel cannot hold the character U+FFF" in str(error)
        assume(False)
    assert _load(book) == region


def test_example_region_round_trip(tmp_path: Path) -> None:
    region = example_region()
    assert _load(_save(region, tmp_path / "lindenhoeve.xlsx")) == region


def test_sheets_and_columns_are_those_of_the_csv_folder(tmp_path: Path) -> None:
    book = _save(example_region(), tmp_path / "lindenhoeve.xlsx")
    workbook = openpyxl.load_workbook(book, read_only=True)
    assert workbook.sheetnames == [Path(file).stem for file in TABLES]
    for file, columns in TABLES.items():
        header = next(workbook[Path(file).stem].iter_rows(max_row=1, values_only=True))
        assert list(header) == [column.name for column in columns]
    workbook.close()
    assert list(SHEETS) == [Path(file).stem for file in TABLES]


def test_numbers_dates_and_booleans_are_typed_for_excel(tmp_path: Path) -> None:
    region = Region(
        "Dorp",
        organisations=(Organisation("o1", "Gemeente", Sector.MUNICIPALITY, "Dorp"),),
        professionals=(
            Professional("p1", "An", Role.TEACHER, ("o1",), capacity=7),
            Professional("p2", "Bo", Role.TEACHER, ("o1",)),
        ),
        ties=[Tie("p1", "p2", strength=0.25, since=dt.date(2024, 9, 3), directed=True)],
    )
    workbook = openpyxl.load_workbook(_save(region, tmp_path / "dorp.xlsx"))
    ties = workbook["ties"]
    assert ties["D2"].value == 0.25
    assert ties["G2"].value == dt.datetime(2024, 9, 3)
    assert ties["I2"].value is True
    assert workbook["professionals"]["E2"].value == 7


@pytest.mark.parametrize("number", [0.30000000000000004, 1.7976931348623157e308, 5e-324, 2.5])
def test_numbers_survive_exactly(tmp_path: Path, number: float) -> None:
    region = Region(
        "Dorp",
        organisations=(Organisation("o1", "Gemeente", Sector.MUNICIPALITY, "Dorp"),),
        professionals=(
            Professional("p1", "An", Role.TEACHER, ("o1",)),
            Professional("p2", "Bo", Role.TEACHER, ("o1",)),
        ),
        ties=[Tie("p1", "p2", value=number)],
    )
    (tie,) = _load(_save(region, tmp_path / "dorp.xlsx")).ties
    assert tie.value == number


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    region = Region(
        "=Dorp",
        organisations=(Organisation("o1", "=SUM(A1:A3)", Sector.MUNICIPALITY, "Dorp"),),
    )
    book = _save(region, tmp_path / "dorp.xlsx")
    assert openpyxl.load_workbook(book)["organisations"]["B2"].data_type == "s"
    assert _load(book) == region


# -- reading what people make in Excel ------------------------------------------------------------
def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_cells_typed_by_excel_are_accepted(tmp_path: Path) -> None:
    book = _workbook(
        tmp_path / "dorp.xlsx",
        {
            "Organisations": [
                ["ID", "name", "sector", "municipality"],
                ["o1", "Gemeente Dorp", "municipality", "Dorp"],
                [12, "De Es", "primary_school", "Dorp"],
            ],
            "professionals": [
                ["id", "name", "role", "organisations", "capacity"],
                ["p1", "An", "teacher", 12, 8.0],
                ["p2", "Bo", "intern_begeleider", "o1;12", None],
            ],
            "ties": [
                ["source", "target", "strength", "since", "directed"],
                ["p1", "p2", 3, dt.datetime(2024, 9, 3), True],
                [None, None, None, None, None],
                ["p2", "p1", 0.5, "3-9-2024", "no"],
            ],
        },
    )
    expected = Region(
        "dorp",
        organisations=(
            Organisation("o1", "Gemeente Dorp", Sector.MUNICIPALITY, "Dorp"),
            Organisation("12", "De Es", Sector.PRIMARY_SCHOOL, "Dorp"),
        ),
        professionals=(
            Professional("p1", "An", Role.TEACHER, ("12",), capacity=8),
            Professional("p2", "Bo", Role.INTERN_BEGELEIDER, ("o1", "12")),
        ),
        ties=[
            Tie("p1", "p2", TieKind.KNOWS, strength=3.0, since=dt.date(2024, 9, 3), directed=True),
            Tie("p2", "p1", TieKind.KNOWS, strength=0.5, since=dt.date(2024, 9, 3)),
        ],
    )
    assert read_excel(book) == expected


def _message(parse: object, cell: str) -> str:
    """The message the column's own codec gives for a bad cell."""
    with pytest.raises(cells.CellError) as caught:
        parse(cell)  # type: ignore[operator]
    return str(caught.value)


def test_a_broken_workbook_gets_every_problem_precisely(tmp_path: Path) -> None:
    book = _save(example_region(), tmp_path / "lindenhoeve.xlsx")
    workbook = openpyxl.load_workbook(book)
    workbook["ties"]["B14"] = "p-999"  # target of the 13th tie
    workbook["organisations"]["C3"] = "school"  # not a sector
    workbook["professionals"]["E5"] = "veel"  # capacity is a whole number
    workbook["cases"]["F2"] = dt.datetime(2024, 9, 2, 10, 30)  # a date with a time
    workbook.create_sheet("Notities")["A1"] = "bellen met de school"
    workbook.save(book)

    with pytest.raises(InvalidRegionError) as caught:
        read_excel(book)

    problems = caught.value.problems
    expected = [
        Problem(
            f"unknown sheet; expected sheets: {', '.join(SHEETS)}",
            "lindenhoeve.xlsx, sheet Notities",
        ),
        Problem(
            _message(cells.enum_parser(Sector), "school"),
            "lindenhoeve.xlsx, sheet organisations",
            "row 3",
            "sector",
            "school",
        ),
        Problem(
            _message(cells.parse_int, "veel"),
            "lindenhoeve.xlsx, sheet professionals",
            "row 5",
            "capacity",
            "veel",
        ),
        Problem(
            _message(cells.parse_date, "2024-09-02 10:30:00"),
            "lindenhoeve.xlsx, sheet cases",
            "row 2",
            "opened",
            "2024-09-02 10:30:00",
        ),
    ]
    for problem in expected:
        assert problem in problems
    tie = [p for p in problems if p.source.endswith("sheet ties")]
    assert [str(p) for p in tie] == [
        "lindenhoeve.xlsx, sheet ties, row 14, field 'target', value 'p-999': unknown professional"
    ]
    assert str(book) in str(caught.value)


def test_blank_rows_keep_the_row_numbers_excel_shows(tmp_path: Path) -> None:
    book = _workbook(
        tmp_path / "dorp.xlsx",
        {
            "organisations": [
                ["id", "name", "sector", "municipality"],
                [],
                ["o1", "Gemeente", "municipality", "Dorp"],
                [],
                [],
                ["o2", None, "municipality", "Dorp"],
            ]
        },
    )
    with pytest.raises(InvalidRegionError) as caught:
        read_excel(book)
    assert caught.value.problems == (
        Problem("required value missing", "dorp.xlsx, sheet organisations", "row 6", "name"),
    )


def test_missing_sheet_and_columns_are_named(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "leeg.xlsx", {"ties": [["source"], ["p1"]]})
    with pytest.raises(InvalidRegionError) as caught:
        read_excel(book)
    problems = caught.value.problems
    assert Problem("required sheet missing", "leeg.xlsx, sheet organisations") in problems
    missing = [p for p in problems if p.field == "target"]
    assert len(missing) == 1
    assert missing[0].source == "leeg.xlsx, sheet ties"
    assert missing[0].location == "row 1"
    assert missing[0].message.startswith("required column missing")


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    book = tmp_path / "kapot.xlsx"
    book.write_text("id,name\n", encoding="utf-8")
    with pytest.raises(InvalidRegionError) as caught:
        read_excel(book)
    (problem,) = caught.value.problems
    assert problem.source == "kapot.xlsx"
    assert "cannot be read as an Excel workbook" in problem.message


def test_a_missing_workbook(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no Excel workbook"):
        read_excel(tmp_path / "weg.xlsx")


# -- writing --------------------------------------------------------------------------------------
def test_values_excel_cannot_hold_are_named_and_nothing_is_written(tmp_path: Path) -> None:
    book = _save(Region("Oud"), tmp_path / "dorp.xlsx")
    before = book.read_bytes()
    region = Region(
        "Dorp", organisations=(Organisation("o1", "Gemeente\ufffe", Sector.MUNICIPALITY, "Dorp"),)
    )
    with pytest.raises(UnsupportedSourceError) as caught:
        write_excel(region, book)
    assert "dorp.xlsx, sheet organisations, row 2, field 'name'" in str(caught.value)
    assert "U+FFFE" in str(caught.value)
    assert book.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dorp.xlsx"]


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = _save(Region("Oud"), tmp_path / "dorp.xlsx")
    before = book.read_bytes()

    def fail(self: object, filename: object) -> None:
        Path(str(filename)).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", fail)
    with pytest.raises(OSError, match="disk full"):
        write_excel(example_region(), book)
    assert book.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dorp.xlsx"]


def test_a_folder_is_not_a_workbook_target(tmp_path: Path) -> None:
    (tmp_path / "map.xlsx").mkdir()
    with pytest.raises(UnsupportedSourceError, match="is a folder"):
        write_excel(Region("Dorp"), tmp_path / "map.xlsx")


# -- the adapter and exporter as plugins see them --------------------------------------------------
def test_adapter_and_exporter_follow_the_protocols() -> None:
    adapter, exporter = ExcelAdapter(), ExcelExporter()
    assert isinstance(adapter, SourceAdapter)
    assert isinstance(exporter, Exporter)
    assert adapter.name == exporter.name == "excel"
    assert adapter.can_read("data/Lindenhoeve.XLSX")
    assert adapter.can_read(Path("lindenhoeve.xlsx"))
    assert not adapter.can_read("lindenhoeve.csv")
    assert not adapter.can_read("lindenhoeve")
    assert exporter.can_write("uit/lindenhoeve.xlsx")
    assert not exporter.can_write("uit/lindenhoeve.json")


def test_unknown_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedSourceError, match="sheet"):
        ExcelAdapter().read(tmp_path / "x.xlsx", sheet="ties")
    with pytest.raises(UnsupportedSourceError, match="engine"):
        ExcelExporter().write(Region("Dorp"), tmp_path / "x.xlsx", engine="fast")


def test_without_openpyxl_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = _save(Region("Dorp"), tmp_path / "dorp.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes `import openpyxl` fail
    for attempt in (lambda: read_excel(book), lambda: write_excel(Region("Dorp"), book)):
        with pytest.raises(ExcelNotInstalledError) as caught:
            attempt()
        assert "pip install 'samenwerking[excel]'" in str(caught.value)
        assert isinstance(caught.value, ImportError)
