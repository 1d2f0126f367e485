"""Every built-in reader on mutated valid inputs: a valid region or a samenwerking error.

The inputs are the bundled example region (fictional) saved as a CSV folder, a JSON file
and an Excel workbook, mutated by :mod:`fuzz_engine` (bytes flipped, rows cut and
repeated, cells swapped, quotes unbalanced, huge cells, a million columns, deep nesting,
NUL bytes, Windows-1252, old line ends). Any other exception fails the test.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzz_engine import KINDS, Mutation, mutate, outcome
from hypothesis import given, settings
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.io.csvfolder import TABLES

FUZZ = settings.get_profile("fuzz")
SLOW = settings(FUZZ, max_examples=max(10, FUZZ.max_examples // 3))

mutations = st.lists(
    st.tuples(st.sampled_from(KINDS), st.floats(0, 1), st.integers(0, 10**6)),
    min_size=1,
    max_size=3,
)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example region as a CSV folder, a JSON file and a workbook."""
    root = tmp_path_factory.mktemp("seeds")
    region = sw.example_region()
    return {
        "csv": sw.save(region, root / "lindenhoeve"),
        "json": sw.save(region, root / "lindenhoeve.json"),
        "excel": sw.save(region, root / "lindenhoeve.xlsx"),
    }


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A fresh folder per hypothesis example."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as name:
        yield Path(name)


def _fresh(scratch: Path) -> Path:
    return Path(tempfile.mkdtemp(dir=scratch))


@FUZZ
@given(file=st.sampled_from(sorted(TABLES)), changes=mutations)
def test_csv_folder(
    seeds: dict[str, Path], scratch: Path, file: str, changes: list[Mutation]
) -> None:
    folder = _fresh(scratch) / "region"
    shutil.copytree(seeds["csv"], folder)
    path = folder / file
    path.write_bytes(mutate(path.read_bytes(), changes))
    outcome(lambda: sw.load(folder), [str(folder), file])


@FUZZ
@given(changes=mutations)
def test_json_file(seeds: dict[str, Path], scratch: Path, changes: list[Mutation]) -> None:
    path = _fresh(scratch) / "region.json"
    path.write_bytes(mutate(seeds["json"].read_bytes(), changes))
    outcome(lambda: sw.load(path), [str(path), path.name])


@SLOW
@given(changes=mutations)
def test_excel_bytes(seeds: dict[str, Path], scratch: Path, changes: list[Mutation]) -> None:
    path = _fresh(scratch) / "region.xlsx"
    path.write_bytes(mutate(seeds["excel"].read_bytes(), changes))
    outcome(lambda: sw.load(path), [str(path), path.name])


cell_values = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(["=1+1", "@SUM(A1)", "-2", "x" * 40_000, "p-001;p-002", "2024-02-30"]),
    st.integers(-(2**60), 2**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
)
cell_changes = st.lists(
    st.tuples(
        st.sampled_from(["set", "delete_row", "swap", "rename_sheet", "add_sheet"]),
        st.integers(0, 500),
        st.integers(0, 12),
        cell_values,
    ),
    min_size=1,
    max_size=4,
)


@SLOW
@given(sheet=st.sampled_from([Path(f).stem for f in TABLES]), changes=cell_changes)
def test_excel_cells(
    seeds: dict[str, Path], scratch: Path, sheet: str, changes: list[tuple[str, int, int, object]]
) -> None:
    """Cells changed the way a person editing the workbook might, and some they would not."""
    import openpyxl

    path = _fresh(scratch) / "region.xlsx"
    book = openpyxl.load_workbook(seeds["excel"])
    page = book[sheet]
    for action, row, column, value in changes:
        row = 1 + row % max(1, page.max_row)
        column = 1 + column % max(1, page.max_column)
        if action == "set":
            try:
                page.cell(row, column).value = value
            except (ValueError, TypeError):  # openpyxl itself refuses some values
                continue
        elif action == "delete_row":
            page.delete_rows(row)
        elif action == "swap":
            other = page.cell(1 + (row * 7) % max(1, page.max_row), column)
            mine = page.cell(row, column)
            mine.value, other.value = other.value, mine.value
        elif action == "rename_sheet":
            page.title = f"{sheet[:3]}{row}"
        else:
            book.create_sheet(f"extra{row}")
    book.save(path)
    outcome(lambda: sw.load(path), [str(path), path.name])
