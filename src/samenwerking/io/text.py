"""Text files as every reader sees them: the encoding policy, binary files and size limits.

Every CSV reader (the CSV folder, ties.csv, the DUO and survey plugins, the Excel
workbook's sheets) decides a file's encoding here, in one pass over its bytes:

- UTF-8, with or without a byte-order mark, is read as it is;
- a file that is not UTF-8 but is Windows-1252 text (what "CSV" in Excel on Windows
  writes) is read as Windows-1252, with a :class:`~samenwerking.errors.NotUtf8Warning`
  naming the file, the line and the first byte that is not UTF-8;
- anything else (a NUL byte, a byte Windows-1252 does not define, control characters
  in a file that is not UTF-8, a line longer than :data:`MAX_LINE_BYTES`) is refused
  with :class:`UnreadableFileError`: "not a text file", naming the file and the line.

The limits are module constants so that a 1 GB cell or a million columns gives an
error in bounded time and memory instead of a hang (``docs/robustness.md``).

Example
-------
>>> import tempfile, pathlib, warnings
>>> path = pathlib.Path(tempfile.mkdtemp()) / "organisations.csv"
>>> _ = path.write_bytes("id,name\\no1,Caf\\u00e9\\n".encode("cp1252"))
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     text_encoding(path)
'cp1252'
>>> str(caught[0].message).split("; ")[0].endswith("is not UTF-8 (byte 0xe9 on line 2)")
True
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from samenwerking.errors import InvalidRegionError, NotUtf8Warning, Problem

__all__ = [
    "MAX_COLUMNS",
    "MAX_FIELD_CHARS",
    "MAX_JSON_DEPTH",
    "MAX_LINE_BYTES",
    "MAX_WORKBOOK_BYTES",
    "UTF8_HINT",
    "UnreadableFileError",
    "csv_problem",
    "decode_text",
    "text_encoding",
    "too_many_columns",
]

MAX_LINE_BYTES = 4 << 20
"""The longest line a CSV file may have (4 MiB); a longer one is refused before parsing."""

MAX_FIELD_CHARS = csv.field_size_limit()
"""The most characters in one CSV cell: the csv module's limit (131,072), left as it is."""

MAX_COLUMNS = 1_000
"""The most columns a CSV header may have (the widest table of the folder has 9)."""

MAX_JSON_DEPTH = 64
"""How deeply a JSON region document may nest arrays and objects (a valid one needs 6)."""

MAX_WORKBOOK_BYTES = 2 << 30
"""The most bytes an ``.xlsx`` workbook may unpack to (2 GiB), against zip bombs."""

UTF8_HINT = (
    "in Excel choose 'Save as' > 'CSV UTF-8 (comma delimited)'; in LibreOffice tick "
    "'Edit filter settings' and pick 'Unicode (UTF-8)'"
)
"""How to save a file as UTF-8, for messages."""

_BLOCK = 16 << 20
_CONTROL = re.compile(rb"[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_NOT_TEXT = "not a text file"


class UnreadableFileError(InvalidRegionError):
    """A file is not text a CSV reader can read: binary, an unknown encoding, a huge line.

    It is an :class:`~samenwerking.errors.InvalidRegionError` with one problem that names
    the file and the line.

    Example
    -------
    >>> error = UnreadableFileError(Problem("not a text file", "x.csv", "line 1"))
    >>> print(error.problems[0])
    x.csv, line 1: not a text file
    """

    def __init__(self, problem: Problem) -> None:
        super().__init__([problem], source=problem.source)


def _blocks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            yield block


def text_encoding(
    path: str | os.PathLike[str], *, name: str | None = None, warn: bool = True
) -> str:
    """The codec to read a text file with: ``"utf-8-sig"`` or ``"cp1252"``.

    Reads the file once, in blocks. ``name`` is how messages call the file (by default
    its path). With ``warn`` (the default), reading a file as Windows-1252 issues a
    :class:`~samenwerking.errors.NotUtf8Warning`.

    Raises
    ------
    UnreadableFileError
        The file is not text (see the module's description), naming the file and line.

    Example
    -------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ties.csv"
    >>> _ = path.write_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    >>> try:
    ...     text_encoding(path, name="ties.csv")
    ... except UnreadableFileError as error:
    ...     print(error.problems[0])  # doctest: +ELLIPSIS
    ties.csv, line 3: not a text file (it holds a NUL byte...
    """
    source = str(path) if name is None else name
    return _encoding(lambda: _blocks(Path(path)), source, warn)


def decode_text(data: bytes, *, name: str, warn: bool = True) -> str:
    """The text of a whole file's bytes under the same policy as :func:`text_encoding`.

    Example
    -------
    >>> decode_text("gemeente;naam\\n".encode("utf-8-sig"), name="x.csv")
    'gemeente;naam\\n'
    """
    encoding = _encoding(lambda: iter((data,)), name, warn)
    return data.decode(encoding)


def _encoding(blocks: Callable[[], Iterable[bytes]], source: str, warn: bool) -> str:
    decoder = codecs.getincrementaldecoder("utf-8")()
    first_bad: tuple[int, int] | None = None  # (byte, line)
    line = 1
    run = 0  # length of the line that is still open at the end of the last block
    for number, block in enumerate(blocks()):
        if number == 0 and block.startswith(codecs.BOM_UTF8):
            block = block[len(codecs.BOM_UTF8) :]
        nul = block.find(b"\0")
        if nul >= 0:
            _refuse(
                source,
                line + block.count(b"\n", 0, nul),
                "it holds a NUL byte; a UTF-16 file or a spreadsheet? Save it as CSV: " + UTF8_HINT,
            )
        run = _check_lines(block, run, line, source)
        if first_bad is None and not block.isascii():
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                start = max(0, min(error.start, len(block) - 1))
                first_bad = (block[start], line + block.count(b"\n", 0, start))
        line += block.count(b"\n")
    if first_bad is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            first_bad = (0, line)
    if first_bad is None:
        return "utf-8-sig"
    _check_windows_1252(blocks(), source)
    if warn:
        byte, bad_line = first_bad
        shown = f"byte 0x{byte:02x} on line {bad_line}" if byte else f"its end, line {bad_line}"
        warnings.warn(
            f"{source} is not UTF-8 ({shown}); read as Windows-1252, the encoding of 'CSV' "
            f"in Excel on Windows. To keep accents exact, save it as UTF-8: {UTF8_HINT}",
            NotUtf8Warning,
            stacklevel=4,
        )
    return "cp1252"


def _check_lines(block: bytes, run: int, line: int, source: str) -> int:
    """Refuse a line longer than :data:`MAX_LINE_BYTES`; the length of the open last line."""
    first = block.find(b"\n")
    if first < 0:
        if run + len(block) > MAX_LINE_BYTES:
            _long_line(source, line)
        return run + len(block)
    if run + first > MAX_LINE_BYTES:
        _long_line(source, line)
    last = block.rfind(b"\n")
    if last - first > MAX_LINE_BYTES:  # a line in between may be too long: measure them all
        ends = np.flatnonzero(np.frombuffer(block, dtype=np.uint8, count=last + 1) == 10)
        lengths = np.diff(ends) - 1
        if len(lengths) and int(lengths.max()) > MAX_LINE_BYTES:
            start = int(ends[int(lengths.argmax())])
            _long_line(source, line + block.count(b"\n", 0, start) + 1)
    if len(block) - last - 1 > MAX_LINE_BYTES:
        _long_line(source, line + block.count(b"\n"))
    return len(block) - last - 1


def _long_line(source: str, line: int) -> None:
    message = (
        f"cannot be read as CSV: a line is longer than {MAX_LINE_BYTES:,} bytes (the limit "
        "for one row of a table); is a cell far too long?"
    )
    raise UnreadableFileError(Problem(message, source, f"line {line}"))


def _check_windows_1252(blocks: Iterable[bytes], source: str) -> None:
    """Refuse a file that is not UTF-8 and not plain Windows-1252 text either."""
    line = 1
    for block in blocks:
        try:
            block.decode("cp1252")
        except UnicodeDecodeError as error:
            byte = block[error.start]
            _refuse(
                source,
                line + block.count(b"\n", 0, error.start),
                f"byte 0x{byte:02x} is neither UTF-8 nor Windows-1252; save it as CSV: "
                + UTF8_HINT,
            )
        control = _CONTROL.search(block)
        if control is not None:
            _refuse(
                source,
                line + block.count(b"\n", 0, control.start()),
                f"it holds the control byte 0x{control.group()[0]:02x} and is not UTF-8; "
                "save it as CSV: " + UTF8_HINT,
            )
        line += block.count(b"\n")


def _refuse(source: str, line: int, why: str) -> None:
    raise UnreadableFileError(Problem(f"{_NOT_TEXT} ({why})", source, f"line {line}"))


def csv_problem(error: csv.Error, source: str, line: int) -> Problem:
    """A :class:`~samenwerking.errors.Problem` for the csv module's error at ``line``.

    Example
    -------
    >>> print(csv_problem(csv.Error("field larger than field limit (131072)"), "x.csv", 3))
    x.csv, line 3: cannot be read as CSV: a cell is longer than 131,072 characters (an unbalanced quote?)
    """  # noqa: E501
    text = str(error)
    if "field limit" in text:
        why = f"a cell is longer than {MAX_FIELD_CHARS:,} characters (an unbalanced quote?)"
    elif "end of data" in text or "EOF" in text:
        why = "the file ends inside a quoted cell (an unbalanced quote?)"
    else:
        why = text
    return Problem(f"cannot be read as CSV: {why}", source, f"line {line}")


def too_many_columns(header: Sequence[str], source: str) -> Problem | None:
    """A problem if a header has more than :data:`MAX_COLUMNS` columns, else ``None``.

    Example
    -------
    >>> print(too_many_columns(["x"] * 5000, "ties.csv"))
    ties.csv, row 1: the header has 5000 columns, more than the 1,000 a table may have
    """
    if len(header) <= MAX_COLUMNS:
        return None
    return Problem(
        f"the header has {len(header)} columns, more than the {MAX_COLUMNS:,} a table may have",
        source,
        "row 1",
    )
