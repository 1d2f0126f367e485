"""The Excel workbook: the CSV folder's files as the sheets of one ``.xlsx`` workbook.

Each file of the CSV folder (:data:`samenwerking.io.csvfolder.TABLES`) is a sheet named
after it without ``.csv`` (``organisations``, ``ties``, ...), with the same columns and
the same cell codecs, so everything ``docs/file-formats.md`` says about a file holds for
its sheet. Reading accepts cells that Excel typed itself (numbers, dates, booleans)
wherever the column expects them, and collects every problem with the workbook, sheet,
row (the header is row 1), column and value. Writing is atomic, and types numbers, dates
and booleans so that Excel shows them as such.

Needs the optional dependency openpyxl: ``pip install 'samenwerking[excel]'``.

Example
-------
>>> import tempfile, pathlib
>>> from samenwerking.model import Region
>>> book = pathlib.Path(tempfile.mkdtemp()) / "dorp.xlsx"
>>> write_excel(Region("Dorp"), book)
>>> read_excel(book) == Region("Dorp")
True
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import importlib
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from samenwerking._atomic import write_atomically
from samenwerking.errors import (
    InvalidRegionError,
    Problem,
    SamenwerkingError,
    SourceNotFoundError,
    UnsupportedSourceError,
)
from samenwerking.io import cells, csv_ties, text
from samenwerking.io.csvfolder import TABLES, Column, csv_folder_problems, write_csv_folder
from samenwerking.model import Region

__all__ = [
    "SHEETS",
    "ExcelAdapter",
    "ExcelExporter",
    "ExcelNotInstalledError",
    "excel_problems",
    "read_excel",
    "write_excel",
]

SHEETS: dict[str, tuple[Column, ...]] = {
    Path(file).stem: columns for file, columns in TABLES.items()
}
"""Every sheet of the workbook, with its columns in order (those of the CSV folder)."""

SUFFIX = ".xlsx"
_FILE_OF_SHEET = {Path(file).stem: file for file in TABLES}
_MAX_ROWS = 1_048_576  # rows in an Excel sheet, the header included
_MAX_CELL = 32_767  # characters in an Excel cell
_EXACT_INT = 2**53  # larger whole numbers are not exact as Excel's (double) numbers
# Characters an .xlsx file (XML 1.0) cannot hold: control characters other than tab,
# line feed and carriage return, and the non-characters U+FFFE and U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_INSTALL_HINT = "pip install 'samenwerking[excel]'"


class ExcelNotInstalledError(SamenwerkingError, ImportError):
    """Excel workbooks need the optional dependency openpyxl, which is not installed."""


def _openpyxl() -> ModuleType:
    """Import openpyxl on first use, or say how to install it."""
    try:
        return importlib.import_module("openpyxl")
    except ImportError as exc:
        raise ExcelNotInstalledError(
            f"reading and writing Excel workbooks needs openpyxl, which is not installed: "
            f"run {_INSTALL_HINT}"
        ) from exc


# -- reading -------------------------------------------------------------------------------------
def _cell_text(value: object) -> str:
    """A cell as the text the CSV codecs read (Excel's own numbers, dates and booleans too).

    Example
    -------
    >>> _cell_text(dt.datetime(2024, 9, 3)), _cell_text(12.0), _cell_text(True)
    ('2024-09-03', '12', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return cells.format_bool(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT_INT:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")  # a date cell with a time: the date codec rejects it
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _header_line(header: Sequence[str]) -> tuple[str, str]:
    """A delimiter that the CSV reader will sniff back for this header, and the header line."""
    expected = [h.strip().lower() for h in header]
    for delimiter in (",", ";"):
        line = _csv_line(header, delimiter)
        if csv_ties.sniff_header(line) == (expected, delimiter):
            return delimiter, line
    return ",", _csv_line(header, ",")


def _csv_line(cells_: Sequence[str], delimiter: str) -> str:
    out = _LineBuffer()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerow(cells_)
    return out.text


class _LineBuffer:
    """The smallest writable the csv module accepts."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)


def _sheet_to_csv(rows: Iterable[Sequence[object]], path: Path) -> None:
    """Write a sheet's rows as a CSV file, keeping every row's number (none if it is empty)."""
    texts = [[_cell_text(value) for value in row] for row in rows]
    if not any(cell.strip() for row in texts for cell in row):
        return
    header = texts[0] if texts else []
    while header and not header[-1].strip():
        header = header[:-1]
    header = [" ".join(name.split()) for name in header]  # no line breaks in a header
    width = len(header)
    delimiter, line = _header_line(header)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(line)
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        for row in texts[1:]:
            end = len(row)
            while end > width and not row[end - 1].strip():
                end -= 1
            writer.writerow([*row[:end], *[""] * (width - end)])


def _located(problem: Problem, book: str, titles: dict[str, str]) -> Problem:
    """A problem the CSV reader found, renamed to the workbook and sheet it is in."""
    source, message = problem.source, problem.message
    stem = Path(source).stem
    if source in TABLES:
        source = f"{book}, sheet {titles.get(stem, stem)}"
        if message == "required file missing":
            message = "required sheet missing"
    elif not source:
        source = book
    for file, sheet in ((f, Path(f).stem) for f in TABLES):
        if file in message:
            message = message.replace(file, f"sheet {titles.get(sheet, sheet)}")
    return Problem(message, source, problem.location, problem.field, problem.value)


def excel_problems(
    source: str | os.PathLike[str], *, validate: bool = True
) -> tuple[Region | None, list[Problem]]:
    """Read a workbook and list every problem found (sheets, headers, cells, references).

    Example
    -------
    >>> import tempfile, pathlib
    >>> from samenwerking.model import Region
    >>> book = pathlib.Path(tempfile.mkdtemp()) / "leeg.xlsx"
    >>> write_excel(Region("Leeg"), book)
    >>> excel_problems(book)[1]
    []
    """
    path = Path(source)
    if not path.is_file():
        raise SourceNotFoundError(f"no Excel workbook at {str(path)!r}")
    openpyxl = _openpyxl()
    book = path.name
    refused = _unsafe(openpyxl, path, book)
    if refused is not None:
        return None, [refused]
    # Our own handle, closed whatever happens (openpyxl leaves its own open when it fails).
    handle = path.open("rb")
    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (zip, XML, key errors) on a bad file
        handle.close()
        return None, [Problem(f"cannot be read as an Excel workbook (.xlsx): {_reason(exc)}", book)]
    problems: list[Problem] = []
    titles: dict[str, str] = {}
    unreadable: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="samenwerking-excel-") as staging:
        folder = Path(staging) / (path.stem or "region")
        folder.mkdir()
        try:
            for sheet in workbook.worksheets:
                title = str(sheet.title)
                key = title.strip().lower()
                where = f"{book}, sheet {title}"
                if key not in SHEETS:
                    expected = ", ".join(SHEETS)
                    problems.append(Problem(f"unknown sheet; expected sheets: {expected}", where))
                    continue
                if key in titles:
                    message = f"same table as sheet {titles[key]!r}; keep one of the two"
                    problems.append(Problem(message, where))
                    continue
                titles[key] = title
                with contextlib.suppress(AttributeError):
                    sheet.reset_dimensions()  # the stored size may be wrong: read every row
                try:
                    _sheet_to_csv(
                        sheet.iter_rows(min_row=1, values_only=True), folder / f"{key}.csv"
                    )
                except Exception as exc:  # the sheet's XML or zip member is broken, or unsafe
                    message = f"the sheet cannot be read: {_reason(exc)}"
                    problems.append(Problem(message, where))
                    (folder / f"{key}.csv").unlink(missing_ok=True)
                    titles.pop(key, None)
                    unreadable.add(key)
        finally:
            workbook.close()
            handle.close()
        region, found = csv_folder_problems(folder, validate=validate)
    problems.extend(
        _located(problem, book, titles)
        for problem in found
        if not (
            problem.message == "required file missing" and Path(problem.source).stem in unreadable
        )
    )
    return region, problems


def _reason(error: BaseException) -> str:
    """One line: the first error that caused ``error`` (openpyxl wraps XML errors in others)."""

    def line(e: BaseException) -> str:
        words = " ".join(str(e).split())
        words = words if len(words) <= 200 else words[:197] + "..."
        return f"{type(e).__name__}: {words}" if words else type(e).__name__

    root = error
    while (root.__cause__ or root.__context__) is not None:
        root = root.__cause__ or root.__context__  # type: ignore[assignment]
    return line(error) if root is error else f"{line(root)} (in openpyxl's {type(error).__name__})"


def _unsafe(openpyxl: ModuleType, path: Path, book: str) -> Problem | None:
    """A problem if the workbook cannot be read safely: XML not defused, or a zip bomb.

    openpyxl parses a workbook's XML with defusedxml when it is installed (it is a
    dependency of samenwerking), which refuses entity expansion and external entities;
    this refuses to read at all if that is switched off (``OPENPYXL_DEFUSEDXML=False``).
    A workbook that unpacks to more than :data:`~samenwerking.io.text.MAX_WORKBOOK_BYTES`
    is refused before anything is unpacked.
    """
    if not getattr(openpyxl, "DEFUSEDXML", False):
        return Problem(
            "refusing to read a workbook: openpyxl is not using defusedxml (is "
            "OPENPYXL_DEFUSEDXML=False set, or defusedxml missing?), so its XML could expand "
            "entities or read local files; pip install defusedxml",
            book,
        )
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception as exc:  # zipfile raises BadZipFile, NotImplementedError, ... on a bad file
        return Problem(f"cannot be read as an Excel workbook (.xlsx): {_reason(exc)}", book)
    if unpacked > text.MAX_WORKBOOK_BYTES:
        return Problem(
            f"the workbook unpacks to {unpacked:,} bytes, more than the "
            f"{text.MAX_WORKBOOK_BYTES:,} allowed: a zip bomb, or far larger than a region",
            book,
        )
    return None


def read_excel(source: str | os.PathLike[str], *, validate: bool = True) -> Region:
    """Read a region from an Excel workbook, reporting every problem in every sheet at once.

    Raises :class:`~samenwerking.errors.InvalidRegionError` whose problems name the
    workbook and sheet, the row (the header is row 1), the column and the value.

    Example
    -------
    >>> import tempfile, pathlib, openpyxl
    >>> book = pathlib.Path(tempfile.mkdtemp()) / "dorp.xlsx"
    >>> workbook = openpyxl.Workbook()
    >>> workbook.active.title = "organisations"
    >>> workbook.active.append(["id", "name", "sector", "municipality"])
    >>> workbook.active.append(["o1", "Gemeente", "gemeente", "Dorp"])
    >>> workbook.save(book)
    >>> try:
    ...     read_excel(book)
    ... except InvalidRegionError as error:
    ...     print(error.problems[0])  # doctest: +ELLIPSIS
    dorp.xlsx, sheet organisations, row 2, field 'sector', value 'gemeente': unknown Sector; ...
    """
    region, problems = excel_problems(source, validate=validate)
    if problems or region is None:
        raise InvalidRegionError(problems, source=str(source))
    return region


# -- writing -------------------------------------------------------------------------------------
def _typed(column: Column, cell: str) -> object:
    """A CSV cell as the value Excel should hold: a number, date or boolean where typed.

    Example
    -------
    >>> columns = {c.name: c for c in SHEETS["ties"]}
    >>> _typed(columns["strength"], "0.5"), _typed(columns["strength"], "0.30000000000000004")
    (0.5, '0.30000000000000004')
    """
    if not cell:
        return None
    if column.parse is cells.parse_float:
        number = cells.parse_float(cell)
        # openpyxl writes numbers with 16 significant digits; keep the rare number that
        # needs 17 as exact text (the float codec reads it back the same).
        return number if number is None or float(f"{number:.16g}") == number else cell
    if column.parse is cells.parse_int:
        number = cells.parse_int(cell)
        return number if number is not None and abs(number) < _EXACT_INT else cell
    if column.parse is cells.parse_date:
        return cells.parse_date(cell)
    if column.parse is cells.parse_bool:
        return cells.parse_bool(cell)
    return cell


def _sheet_rows(
    folder: Path, file: str, where: str, problems: list[Problem]
) -> Iterator[list[object]]:
    """The typed rows of one CSV file of a folder written by :func:`write_csv_folder`."""
    by_name = {column.name: column for column in TABLES[file]}
    with (folder / file).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        columns = [by_name[name] for name in header]
        yield list(header)
        for row, texts in enumerate(reader, start=2):
            values = [_typed(column, text) for column, text in zip(columns, texts, strict=True)]
            for column, value in zip(columns, values, strict=True):
                if not isinstance(value, str):
                    continue
                bad = _UNSTORABLE.search(value)
                if bad:
                    message = f"Excel cannot hold the character U+{ord(bad.group()):04X}"
                elif len(value) > _MAX_CELL:
                    message = f"longer than the {_MAX_CELL} characters an Excel cell holds"
                else:
                    continue
                problems.append(Problem(message, where, f"row {row}", column.name, value))
            yield values


def _fill(openpyxl: ModuleType, workbook: Any, folder: Path, book: str) -> list[Problem]:
    """Add one sheet per table to a write-only workbook; return what Excel cannot hold."""
    write_only_cell = openpyxl.cell.WriteOnlyCell
    bold = openpyxl.styles.Font(bold=True)
    problems: list[Problem] = []
    for file in TABLES:
        sheet_name = Path(file).stem
        where = f"{book}, sheet {sheet_name}"
        sheet = workbook.create_sheet(sheet_name)
        sheet.freeze_panes = "A2"
        rows = _sheet_rows(folder, file, where, problems)
        header = [write_only_cell(sheet, value=name) for name in next(rows)]
        for cell in header:
            cell.font = bold
        sheet.append(header)
        for count, values in enumerate(rows, start=2):
            if count > _MAX_ROWS:
                message = f"more rows than the {_MAX_ROWS:,} an Excel sheet holds: use a CSV folder"
                problems.append(Problem(message, where))
                break
            for i, value in enumerate(values):
                if isinstance(value, str) and value.startswith("="):
                    cell = write_only_cell(sheet, value=value)
                    cell.data_type = "s"  # text, not a formula
                    values[i] = cell
            sheet.append(values)
    return problems


def write_excel(region: Region, target: str | os.PathLike[str]) -> None:
    """Write a region as an Excel workbook with one sheet per table, atomically.

    The workbook is written to a temporary file beside ``target`` that then replaces it,
    so a failure leaves any earlier workbook as it was. Raises
    :class:`~samenwerking.errors.UnsupportedSourceError` if a value cannot be held by an
    Excel cell (a control character, more than 32,767 characters) or a table has more
    rows than a sheet, naming every such value.

    Example
    -------
    >>> import tempfile, pathlib, openpyxl
    >>> from samenwerking.model import Region
    >>> book = pathlib.Path(tempfile.mkdtemp()) / "dorp.xlsx"
    >>> write_excel(Region("Dorp"), book)
    >>> openpyxl.load_workbook(book).sheetnames[:3]
    ['region', 'organisations', 'professionals']
    """
    path = Path(target)
    if path.is_dir():
        raise UnsupportedSourceError(f"{str(path)!r} is a folder; cannot write a workbook there")
    openpyxl = _openpyxl()
    workbook = openpyxl.Workbook(write_only=True)
    try:
        with tempfile.TemporaryDirectory(prefix="samenwerking-excel-") as staging:
            folder = Path(staging) / "region"
            write_csv_folder(region, folder)
            problems = _fill(openpyxl, workbook, folder, path.name)
        if problems:
            shown = "\n".join(f"  {p}" for p in problems)
            raise UnsupportedSourceError(f"cannot write {path.name} as an Excel workbook:\n{shown}")
        write_atomically(path, workbook.save)
    finally:
        _discard(workbook)


def _discard(workbook: Any) -> None:
    """Close the sheets of a write-only workbook that was not saved, and remove their
    temporary files (openpyxl streams each sheet to one); nothing to do once saved."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None and Path(writer.out).exists():
            with contextlib.suppress(Exception):
                writer.cleanup()


# -- the adapter and the exporter ----------------------------------------------------------------
def _has_suffix(source: str | os.PathLike[str]) -> bool:
    return Path(os.fspath(source)).suffix.lower() == SUFFIX


class ExcelAdapter:
    """Reads a region from an Excel workbook (``.xlsx``), one sheet per table.

    Example
    -------
    >>> adapter = ExcelAdapter()
    >>> adapter.name, adapter.can_read("lindenhoeve.xlsx"), adapter.can_read("x.csv")
    ('excel', True, False)
    """

    name: str = "excel"
    description: str = "Excel workbook (.xlsx) with one sheet per table, as in the CSV folder"

    def can_read(self, source: str | os.PathLike[str]) -> bool:
        """Whether the source is a path ending in ``.xlsx``."""
        return _has_suffix(source)

    def read(
        self, source: str | os.PathLike[str], *, validate: bool = True, **options: Any
    ) -> Region:
        """Read the workbook: see :func:`read_excel` (no options)."""
        if options:
            raise UnsupportedSourceError(
                f"the excel format takes no options (got {sorted(options)})"
            )
        return read_excel(source, validate=validate)

    def __repr__(self) -> str:
        return "ExcelAdapter()"


class ExcelExporter:
    """Writes a region to an Excel workbook (``.xlsx``), one sheet per table.

    Example
    -------
    >>> exporter = ExcelExporter()
    >>> exporter.name, exporter.can_write("out/lindenhoeve.xlsx")
    ('excel', True)
    """

    name: str = "excel"
    description: str = "Excel workbook (.xlsx) with one sheet per table, as in the CSV folder"

    def can_write(self, target: str | os.PathLike[str]) -> bool:
        """Whether the target is a path ending in ``.xlsx``."""
        return _has_suffix(target)

    def write(self, region: Region, target: str | os.PathLike[str], **options: Any) -> None:
        """Write the workbook: see :func:`write_excel` (no options)."""
        if options:
            raise UnsupportedSourceError(
                f"the excel format takes no options (got {sorted(options)})"
            )
        write_excel(region, target)

    def __repr__(self) -> str:
        return "ExcelExporter()"
