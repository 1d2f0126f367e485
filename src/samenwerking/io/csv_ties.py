"""ties.csv, read and written column by column, so that millions of ties load in seconds.

Reading works on bytes: a block of plain lines (no quotes, every line with one cell per
column) is split with numpy, and each column is *grouped*: equal cells are found with
numpy, and only the distinct cells go through the per-cell parsers of
:mod:`samenwerking.io.cells`. A value is therefore accepted or rejected exactly as a
cell-by-cell reader would. Whenever a column of a block holds a cell that the parser
rejects, or the block is not plain (quotes, blank or ragged rows), that part is read again
the precise way, cell by cell, so that every problem names its row, field and value.

Example
-------
>>> import io
>>> from samenwerking.model import Tie, TieStore, ProfessionalId
>>> store = TieStore.from_ties([Tie(ProfessionalId("a"), ProfessionalId("b"))])
>>> out = io.StringIO()
>>> write_ties(store, out)
>>> out.getvalue().splitlines()[1]
'a,b,knows,,,,,,false'
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import numpy as np
import numpy.typing as npt

from samenwerking.errors import Problem
from samenwerking.io import cells
from samenwerking.io._gc import collector_paused
from samenwerking.io.text import UnreadableFileError, csv_problem, text_encoding
from samenwerking.model import TIE_COLUMNS, TieKind, TieStore
from samenwerking.model.ids import is_valid_id

__all__ = ["FILE", "ProblemSink", "TieFile", "read_ties", "sniff_header", "write_ties"]

FILE = "ties.csv"
"""The file name of the ties table."""

_CHUNK = 200_000  # records per chunk on the precise (text) path
_BLOCK = 48 << 20  # bytes per block on the fast (byte) path
_MAX_TIE_PROBLEMS_PER_COLUMN = 100
_EPOCH_ORDINAL = 719163  # dt.date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min
_KIND_CODES = {"": 0, **{kind.value: code for code, kind in enumerate(TieStore.KINDS)}}
_MIX = np.uint64(0x9E3779B97F4A7C15)

_byte_path = True
"""Whether plain blocks take the fast byte path (tests switch it off to compare)."""


class ProblemSink(Protocol):
    """Where reading reports problems (the CSV folder reader's record of a reading)."""

    problems: list[Problem]

    def problem(self, file: str, row: int, field: str, value: object, message: str) -> None:
        """Record one problem at a row and field."""


class TieFile:
    """What reading ties.csv produced: the store (``None`` if a cell was bad) and rows.

    ``rows`` holds the spreadsheet row of every tie when blank rows were skipped
    (``None`` when tie ``i`` is simply on row ``i + 2``).
    """

    def __init__(self, store: TieStore | None, rows: npt.NDArray[np.int64] | None) -> None:
        self.store = store
        self.rows = rows


def sniff_header(first_line: str) -> tuple[list[str], str]:
    """The lower-cased column names of a header line, and its delimiter (``,`` or ``;``).

    Example
    -------
    >>> sniff_header("Source;Target\\n")
    (['source', 'target'], ';')
    """
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        header = next(csv.reader([first_line], delimiter=delimiter), [])
    except csv.Error:  # a huge cell or an open quote: the names as they stand
        header = first_line.rstrip("\r\n").split(delimiter)
    return [h.strip().lower() for h in header], delimiter


def read_ties(
    path: Path, sink: ProblemSink, check_header: Callable[[list[str]], bool]
) -> TieFile | None:
    """Read ties.csv into a :class:`TieStore`, reporting bad cells to ``sink``.

    ``check_header`` reports header problems and says whether the rows can be read.
    Returns ``None`` when the file is missing or its header is unusable.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from samenwerking.errors import Problem
    >>> class Sink:
    ...     problems: list[Problem] = []
    ...     def problem(self, *args): self.problems.append(Problem(args[-1]))
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ties.csv"
    >>> _ = path.write_text("source,target\\na,b\\n")
    >>> len(read_ties(path, Sink(), lambda header: True).store)
    1
    """
    if not path.is_file():
        return None
    try:
        encoding = text_encoding(path, name=f"{FILE} (in {path.parent})")
    except UnreadableFileError as error:
        sink.problems.extend(Problem(p.message, FILE, p.location) for p in error.problems)
        return None
    try:
        return _read_file(path, sink, check_header, encoding)
    except _BadCsvError as bad:
        sink.problems.append(csv_problem(bad.error, FILE, bad.line))
        return TieFile(None, None)


class _BadCsvError(Exception):
    """The csv module could not read a line (a huge cell, a quote left open)."""

    def __init__(self, error: csv.Error, line: int) -> None:
        super().__init__(str(error))
        self.error = error
        self.line = line


def _parse(lines: Iterable[str], delimiter: str, before: int) -> list[list[str]]:
    """Rows of ``lines`` (after line ``before`` of the file) read with the csv module.

    Raises :class:`_BadCsvError` naming the file's line that the csv module cannot read.
    """
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as error:
        raise _BadCsvError(error, before + reader.line_num) from None


def _read_file(
    path: Path, sink: ProblemSink, check_header: Callable[[list[str]], bool], encoding: str
) -> TieFile | None:
    with collector_paused(), path.open("rb") as raw:
        first = raw.readline()
        if b"\r" in first.rstrip(b"\r\n") or first.endswith(b"\r") or encoding != "utf-8-sig":
            # Old-style line ends or Windows-1252: the text reader (universal newlines) does it all.
            raw.seek(0)
            text = io.TextIOWrapper(raw, encoding=encoding, newline="")
            try:
                header, delimiter = sniff_header(text.readline())
                if not check_header(header):
                    return None
                return _read_rows(
                    sink, header, delimiter, _text_chunks(text, delimiter, len(header))
                )
            finally:
                text.detach()
        header, delimiter = sniff_header(first.decode("utf-8-sig"))
        if not check_header(header):
            return None
        width = len(header)
        chunks = (
            _byte_chunks(raw, delimiter, width) if _byte_path else _text_from(raw, delimiter, width)
        )
        return _read_rows(sink, header, delimiter, chunks)


# -- chunks: plain byte blocks, or rows of text cells -------------------------------------------
class _Block:
    """A block of plain lines as bytes, with the start and length of every cell."""

    def __init__(self, data: bytes, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]):
        self.data = data
        self.array = np.frombuffer(data, dtype=np.uint8)
        self.starts = starts  # (records, width)
        self.lengths = ends - starts
        self._padded: npt.NDArray[np.uint8] | None = None

    def __len__(self) -> int:
        return len(self.starts)

    def matrix(self, column: int) -> npt.NDArray[np.uint8]:
        """The cells of one column as a zero-padded ``(records, width)`` byte matrix."""
        lengths = self.lengths[:, column]
        starts = self.starts[:, column]
        width = int(lengths.max()) if len(lengths) else 0
        padded = max(8, (width + 7) // 8 * 8)
        if self._padded is None or len(self._padded) < len(self.array) + padded:
            self._padded = np.zeros(len(self.array) + max(padded, 64), dtype=np.uint8)
            self._padded[: len(self.array)] = self.array
        # Every cell's first ``padded`` bytes in one gather, then the bytes past its end cleared.
        windows = np.lib.stride_tricks.as_strided(
            self._padded, shape=(len(self._padded) - padded + 1, padded), strides=(1, 1)
        )
        out = windows[starts]
        if len(lengths) and int(lengths.min()) < padded:
            out[np.arange(padded, dtype=np.int64) >= lengths[:, None]] = 0
        return out

    def strings(self, column: int) -> list[str]:
        """The cells of one column as text (for the precise path)."""
        data = self.data
        return [
            data[s : s + n].decode("utf-8")
            for s, n in zip(
                self.starts[:, column].tolist(), self.lengths[:, column].tolist(), strict=True
            )
        ]

    def rows(self) -> list[list[str]]:
        """The whole block as rows of text cells."""
        columns = [self.strings(c) for c in range(self.starts.shape[1])]
        return [list(row) for row in zip(*columns, strict=True)]


Chunk = tuple[int, "_Block | list[Sequence[str]] | None", list[list[str]]]


def _byte_chunks(raw: IO[bytes], delimiter: str, width: int) -> Iterator[Chunk]:
    """Yield ``(records, block_or_columns, rows)`` chunks read from a binary handle."""
    separator = ord(delimiter)
    line = 2
    while True:
        offset = raw.tell()
        data = raw.read(_BLOCK)
        if not data:
            return
        if not data.endswith(b"\n"):
            data += raw.readline()
        lone_cr = b"\r" in data and data.count(b"\r") != data.count(b"\r\n")
        if b'"' in data or b"\0" in data or lone_cr or not _utf8(data):
            # Quoted cells may span lines (and odd bytes need the text reader's care).
            raw.seek(offset)
            yield from _text_from(raw, delimiter, width, line)
            return
        if b"\r" in data:
            data = data.replace(b"\r\n", b"\n")
        if not data.endswith(b"\n"):
            data += b"\n"
        array = np.frombuffer(data, dtype=np.uint8)
        newline = array == 10
        records = int(np.count_nonzero(newline))
        boundary = array == separator
        boundary |= newline
        flat_ends = np.flatnonzero(boundary)
        del boundary
        ends: npt.NDArray[np.int64] = flat_ends.reshape(-1, 1)
        if len(flat_ends) == records * width:
            ends = flat_ends.reshape(records, width)
            regular = bool(newline[ends[:, -1]].all()) and not newline[ends[:, :-1]].any()
        else:
            regular = False
        del newline
        if not regular:
            lines = data.decode("utf-8").split("\n")[:-1]
            yield records, None, _parse(lines, delimiter, line - 1)
            line += records
            continue
        starts = np.empty_like(ends)
        starts[0, 0] = 0
        starts[1:, 0] = ends[:-1, -1] + 1
        starts[:, 1:] = ends[:, :-1] + 1
        yield records, _Block(data, starts, ends), []
        line += records


def _utf8(data: bytes) -> bool:
    if data.isascii():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _text_from(raw: IO[bytes], delimiter: str, width: int, line: int = 2) -> Iterator[Chunk]:
    """:func:`_text_chunks` over the rest of a binary handle (left open afterwards)."""
    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    try:
        yield from _text_chunks(text, delimiter, width, line)
    finally:
        text.detach()


def _text_chunks(handle: IO[str], delimiter: str, width: int, line: int = 2) -> Iterator[Chunk]:
    """Yield ``(records, columns, [])`` for plain chunks, ``(records, None, rows)`` otherwise.

    A chunk without quotes, where every line has ``width`` cells, is split column-wise in
    one go (much faster than the csv module); once a quote appears, the csv module reads
    the rest of the file, since quoted cells may span lines. ``line`` is the file's line
    number of the first line, for messages.
    """
    lines_left = iter(handle)
    while lines := list(itertools.islice(lines_left, _CHUNK)):
        block = "".join(lines)
        if '"' in block:
            reader = csv.reader(itertools.chain(lines, lines_left), delimiter=delimiter)
            try:
                while chunk := list(itertools.islice(reader, _CHUNK)):
                    yield len(chunk), None, chunk
            except csv.Error as error:
                raise _BadCsvError(error, line - 1 + reader.line_num) from None
            return
        counts = set(map(str.count, lines, itertools.repeat(delimiter)))
        if counts != {width - 1} or "\r" in block:
            yield len(lines), None, _parse(lines, delimiter, line - 1)
            line += len(lines)
            continue
        if block.endswith("\n"):
            block = block[:-1]
        flat = block.replace("\n", delimiter).split(delimiter)
        yield len(lines), [flat[i::width] for i in range(width)], []
        line += len(lines)
        del flat, block


def _regularise(
    sink: ProblemSink, chunk: list[list[str]], rows: Iterable[int], width: int
) -> tuple[list[list[str]], list[int]]:
    """Drop blank rows, pad short ones and report rows with too many cells."""
    kept: list[list[str]] = []
    numbers: list[int] = []
    for row, cells_ in zip(rows, chunk, strict=True):
        if not any(c.strip() for c in cells_):
            continue
        if len(cells_) > width:
            if any(c.strip() for c in cells_[width:]):
                sink.problem(FILE, row, "", None, f"more cells than columns ({width})")
                continue
            cells_ = cells_[:width]
        elif len(cells_) < width:
            cells_ = cells_ + [""] * (width - len(cells_))
        kept.append(cells_)
        numbers.append(row)
    return kept, numbers


def _read_rows(
    sink: ProblemSink, header: list[str], delimiter: str, chunks: Iterable[Chunk]
) -> TieFile:
    width = len(header)
    present = [name for name in TIE_COLUMNS if name in header]
    positions = {name: header.index(name) for name in present}
    convert = _TieColumns(sink, delimiter)
    next_row = 2
    all_rows: list[npt.NDArray[np.int64]] = []
    irregular = False
    for count, columns, chunk in chunks:
        rows: list[int] | range = range(next_row, next_row + count)
        next_row += count
        if isinstance(columns, _Block) and not columns.lengths[:, positions["source"]].all():
            chunk, columns = columns.rows(), None  # blank rows or sources: the careful way
        if isinstance(columns, _Block):
            all_rows.append(np.arange(next_row - count, next_row, dtype=np.int64))
            convert.row_numbers = rows
            for name in present:
                convert.block_column(name, columns, positions[name])
            continue
        transposed: list[Sequence[str]] = columns or []
        if not transposed and set(map(len, chunk)) == {width}:
            transposed = list(zip(*chunk, strict=True))
        if not transposed or "" in transposed[positions["source"]]:
            if not chunk:
                chunk = [list(row) for row in zip(*transposed, strict=True)]
            chunk, rows = _regularise(sink, chunk, rows, width)
            transposed = list(zip(*chunk, strict=True))
            irregular = True
        all_rows.append(np.asarray(rows, dtype=np.int64))
        if not rows:
            continue
        convert.row_numbers = rows
        for name in present:
            convert.text_column(name, transposed[positions[name]])
        del transposed
    for name, count in convert.counts.items():
        if count > _MAX_TIE_PROBLEMS_PER_COLUMN:
            extra = count - _MAX_TIE_PROBLEMS_PER_COLUMN
            message = f"... and {extra} more problems like these"
            sink.problems.append(Problem(message, FILE, "", name))
    if convert.failed:
        return TieFile(None, None)
    tie_rows = np.concatenate(all_rows) if irregular and all_rows else None
    arrays = {name: np.concatenate(convert.parts[name]) for name in present if convert.parts[name]}
    if "source" not in arrays:
        return TieFile(TieStore.empty(), tie_rows)
    store = TieStore(ids=tuple(convert.index), meetings=tuple(convert.meetings), **arrays)
    return TieFile(store, tie_rows)


# -- grouping equal cells ---------------------------------------------------------------------
def _group(
    matrix: npt.NDArray[np.uint8],
) -> tuple[list[bytes], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """The distinct rows of a zero-padded byte matrix (as bytes), each row's position
    among them, and where each distinct row first appears."""
    words = matrix.view(np.uint64)
    key = words[:, 0].copy()
    for k in range(1, words.shape[1]):
        key *= _MIX
        key ^= words[:, k]
    few = _few_distinct(key)
    if few is not None:
        inverse, first = few
        if words.shape[1] == 1 or np.array_equal(matrix, matrix[first][inverse]):
            few_texts: list[bytes] = matrix[first].view(f"S{matrix.shape[1]}").ravel().tolist()
            return few_texts, inverse, first
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    starts = np.empty(len(key), dtype=np.bool_)
    starts[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    inverse = np.empty(len(key), dtype=np.intp)
    inverse[order] = np.cumsum(starts) - 1
    first = order[starts]  # a stable sort puts each group's first position first
    if words.shape[1] > 1 and not np.array_equal(matrix, matrix[first][inverse]):
        # Two different cells share a key: group them exactly (slower, never wrong).
        exact = matrix.view(f"S{matrix.shape[1]}").ravel()
        values, first, inverse = np.unique(exact, return_index=True, return_inverse=True)
        return [bytes(v) for v in values.tolist()], inverse.reshape(-1), first
    texts: list[bytes] = matrix[first].view(f"S{matrix.shape[1]}").ravel().tolist()
    return texts, inverse, first


def _few_distinct(
    key: npt.NDArray[np.uint64], limit: int = 12
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]] | None:
    """Group a column with at most ``limit`` distinct keys without sorting it.

    Returns each row's group and each group's first row (groups in order of first
    appearance), or ``None`` when there are more distinct keys than ``limit``.
    """
    inverse = np.full(len(key), -1, dtype=np.intp)
    firsts: list[int] = []
    start = 0
    for group in range(limit + 1):
        unassigned = np.flatnonzero(inverse[start:] < 0)
        if not len(unassigned):
            return inverse, np.array(firsts, dtype=np.intp)
        if group == limit:
            return None
        start += int(unassigned[0])
        firsts.append(start)
        inverse[key == key[start]] = group
    return None


class _TieColumns:
    """Convert the columns of ties.csv chunk by chunk into compact arrays."""

    row_numbers: list[int] | range = range(0)

    def __init__(self, sink: ProblemSink, delimiter: str) -> None:
        self.sink = sink
        self.delimiter = delimiter
        self.index: dict[str, int] = {}
        self.meetings: dict[str, int] = {}
        self.parts: dict[str, list[npt.NDArray[Any]]] = {c: [] for c in TIE_COLUMNS}
        self.counts: dict[str, int] = dict.fromkeys(TIE_COLUMNS, 0)
        self.failed = False

    # -- the fast path: group equal cells, parse each distinct cell once ----------------------
    def block_column(self, name: str, block: _Block, column: int) -> None:
        values, inverse, first = _group(block.matrix(column))
        texts = [v.decode("utf-8") for v in values]
        codes: npt.NDArray[Any] | None
        if name in ("source", "target"):
            codes = self._id_codes(texts, first, self.index, optional=False)
        elif name == "met_at":
            codes = self._id_codes(texts, first, self.meetings, optional=True)
        else:
            codes = self._parsed(name, texts)
        if codes is None:
            self.text_column(name, block.strings(column))
        else:
            self.parts[name].append(codes[inverse])

    def _id_codes(
        self,
        texts: list[str],
        first: npt.NDArray[np.intp],
        index: dict[str, int],
        optional: bool,
    ) -> npt.NDArray[np.int32] | None:
        codes = np.fromiter(map(index.get, texts, itertools.repeat(-1)), np.int32, len(texts))
        unmatched = np.flatnonzero(codes < 0)
        if not len(unmatched):
            return codes
        new: list[int] = []
        for i in unmatched.tolist():
            text = texts[i]
            if not text and optional:
                continue
            if not is_valid_id(text):
                return None  # blank, padded or invalid: the precise path reports or strips it
            new.append(i)
        if new:
            # New ids get codes in order of first appearance, as the precise path gives them.
            for i in sorted(new, key=first.__getitem__):
                codes[i] = index[texts[i]] = len(index)
        return codes

    def _parsed(self, name: str, texts: list[str]) -> npt.NDArray[Any] | None:
        try:
            if name == "kind":
                parse_kind = cells.enum_parser(TieKind)
                kinds = [parse_kind(t) for t in texts]
                return np.array([0 if k is None else _KIND_CODES[k.value] for k in kinds], np.int8)
            if name == "since":
                dates = [cells.parse_date(t) for t in texts]
                days = [_NAT if d is None else d.toordinal() - _EPOCH_ORDINAL for d in dates]
                return np.array(days, dtype=np.int64).view("datetime64[D]")
            if name == "directed":
                return np.array([cells.parse_bool(t) for t in texts], dtype=np.bool_)
            numbers = [cells.parse_float(t) for t in texts]
            return np.array([math.nan if v is None else v for v in numbers], dtype=np.float64)
        except cells.CellError:
            return None

    # -- the precise path: cell by cell, reporting every bad cell ------------------------------
    def text_column(self, name: str, values: Sequence[str]) -> None:
        if name in ("source", "target"):
            self.ids(name, values, self.index, optional=False)
        elif name == "met_at":
            self.ids(name, values, self.meetings, optional=True)
        elif name == "kind":
            self.kinds(values)
        elif name == "since":
            self.dates(values)
        elif name == "directed":
            self.flags(values)
        else:
            self.numbers(name, values)

    def bad(self, name: str, rows: list[int], values: Sequence[str], message_of: Any) -> None:
        self.failed = True
        for i in rows:
            self.counts[name] += 1
            if self.counts[name] <= _MAX_TIE_PROBLEMS_PER_COLUMN:
                message = message_of(values[i])
                self.sink.problem(FILE, self.row_numbers[i], name, values[i], message)

    def cell_error(self, parse: Callable[[str], Any]) -> Callable[[str], str]:
        def message(cell: str) -> str:
            try:
                parse(cell)
            except cells.CellError as exc:
                return str(exc)
            return "required value missing"

        return message

    def ids(self, name: str, values: Sequence[str], index: dict[str, int], optional: bool) -> None:
        n = len(values)
        codes = np.fromiter(map(index.get, values, itertools.repeat(-1, n)), np.int32, n)
        unmatched = np.flatnonzero(codes < 0).tolist()
        if unmatched:
            # New ids (added in order of first appearance), padded, empty or invalid cells.
            invalid: set[str] = set()
            for i in unmatched:
                value = values[i]
                text = value.strip()
                if text in index:
                    codes[i] = index[text]
                elif not text:
                    if not optional:
                        invalid.add(value)
                elif is_valid_id(text):
                    codes[i] = index[text] = len(index)
                else:
                    invalid.add(value)
            if invalid:
                rows = [i for i in unmatched if values[i] in invalid]
                self.bad(name, rows, values, self.cell_error(cells.parse_id))
                return
        self.parts[name].append(codes)

    def kinds(self, values: Sequence[str]) -> None:
        codes = [_KIND_CODES.get(v, -1) for v in values]
        if -1 in codes:
            parse = cells.enum_parser(TieKind)
            for i, code in enumerate(codes):
                if code == -1:
                    try:
                        kind = parse(values[i])
                        codes[i] = 0 if kind is None else TieStore.KINDS.index(kind)
                    except cells.CellError:
                        pass
            rows = [i for i, c in enumerate(codes) if c == -1]
            if rows:
                self.bad("kind", rows, values, self.cell_error(parse))
                return
        self.parts["kind"].append(np.array(codes, dtype=np.int8))

    def numbers(self, name: str, values: Sequence[str]) -> None:
        parsed: list[float] = []
        rows = []
        for i, v in enumerate(values):
            try:
                number = cells.parse_float(v)
                parsed.append(math.nan if number is None else number)
            except cells.CellError:
                rows.append(i)
                parsed.append(math.nan)
        if rows:
            self.bad(name, rows, values, self.cell_error(cells.parse_float))
            return
        self.parts[name].append(np.array(parsed, dtype=np.float64))

    def dates(self, values: Sequence[str]) -> None:
        days: dict[str, int] = {}
        wrong: set[str] = set()
        for value in set(values):
            try:
                date = cells.parse_date(value)
            except cells.CellError:
                wrong.add(value)
                continue
            days[value] = _NAT if date is None else date.toordinal() - _EPOCH_ORDINAL
        if wrong:
            rows = [i for i, v in enumerate(values) if v in wrong]
            self.bad("since", rows, values, self.cell_error(cells.parse_date))
            return
        array = np.fromiter((days[v] for v in values), np.int64, len(values))
        self.parts["since"].append(array.view("datetime64[D]"))

    def flags(self, values: Sequence[str]) -> None:
        flags = []
        rows = []
        for i, v in enumerate(values):
            try:
                flags.append(cells.parse_bool(v))
            except cells.CellError:
                rows.append(i)
                flags.append(False)
        if rows:
            self.bad("directed", rows, values, self.cell_error(cells.parse_bool))
            return
        self.parts["directed"].append(np.array(flags, dtype=np.bool_))


# -- writing -----------------------------------------------------------------------------------
def _tie_rows(store: TieStore) -> Iterator[list[list[str]]]:
    """The ties as rows of cells, in chunks."""
    for columns in _tie_columns(store):
        yield [list(row) for row in zip(*columns, strict=True)]


def _tie_columns(store: TieStore) -> Iterator[list[list[str]]]:
    ids = np.array(store.ids, dtype=object)
    meetings = np.array([*store.meetings, ""], dtype=object)
    kinds = np.array([k.value for k in TieStore.KINDS], dtype=object)

    def numbers(array: npt.NDArray[np.float64]) -> list[str]:
        return ["" if v != v else repr(v) for v in array.tolist()]

    for start in range(0, len(store), _CHUNK):
        part = slice(start, start + _CHUNK)
        since = np.datetime_as_string(store.column("since")[part], unit="D").tolist()
        yield [
            ids[store.source[part]].tolist(),
            ids[store.target[part]].tolist(),
            kinds[store.kind[part]].tolist(),
            numbers(store.column("strength")[part]),
            numbers(store.column("trust")[part]),
            numbers(store.column("value")[part]),
            ["" if d == "NaT" else d for d in since],
            meetings[store.column("met_at")[part]].tolist(),
            np.where(store.column("directed")[part], "true", "false").tolist(),
        ]


def write_ties(store: TieStore, handle: IO[str]) -> None:
    """Write ties.csv (header and rows) to a text handle opened with ``newline=""``.

    Ids that need quoting (a comma or a quote in them) go through the csv module; all
    others are joined directly, which is several times faster.

    Example
    -------
    >>> import io
    >>> out = io.StringIO()
    >>> write_ties(TieStore.empty(), out)
    >>> out.getvalue()
    'source,target,kind,strength,trust,value,since,met_at,directed\\n'
    """
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(TIE_COLUMNS)
    plain = not any(
        "," in name or '"' in name or "\r" in name for name in (*store.ids, *store.meetings)
    )
    if not plain:
        for chunk in _tie_rows(store):
            writer.writerows(chunk)
        return
    for columns in _tie_columns(store):
        handle.write("\n".join(map(",".join, zip(*columns, strict=True))))
        handle.write("\n")
