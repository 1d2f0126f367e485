"""ties.parquet, written and read column by column straight from the tie store's arrays.

Writing hands the numpy columns of :class:`~samenwerking.model.TieStore` to Arrow
without a Python object per tie: ``source``, ``target`` and ``met_at`` become
dictionary-encoded text whose dictionary is the store's id vocabulary, ``kind``
dictionary-encoded text, missing numbers, dates and meetings nulls.

Reading goes the other way. Every id column chunk is dictionary-encoded (files written
here already are), so each distinct id is checked and looked up once and the rows take
their codes with numpy. Each bad cell is reported with its row (the first record is
row 0), column and value, at most 100 per column.

Needs pyarrow (the ``parquet`` extra).

Example
-------
>>> import tempfile, pathlib
>>> from samenwerking.model import Tie, ProfessionalId
>>> store = TieStore.from_ties([Tie(ProfessionalId("a"), ProfessionalId("b"), strength=2.0)])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "ties.parquet"
>>> write_ties(store, path)
>>> read_ties(path, lambda *problem: None) == store
True
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from samenwerking.io.parquet_schema import compatible, describe, valid_ids
from samenwerking.model import TIE_COLUMNS, TieStore

__all__ = ["FILE", "SCHEMA", "Report", "read_ties", "tie_table", "write_ties"]

FILE = "ties.parquet"
"""The file name of the ties table."""

_ID = pa.dictionary(pa.int32(), pa.string())
SCHEMA = pa.schema(
    [
        pa.field("source", _ID, nullable=False),
        pa.field("target", _ID, nullable=False),
        ("kind", pa.dictionary(pa.int8(), pa.string())),
        ("strength", pa.float64()),
        ("trust", pa.float64()),
        ("value", pa.float64()),
        ("since", pa.date32()),
        ("met_at", _ID),
        ("directed", pa.bool_()),
    ]
)
"""The columns of ties.parquet, in the order of :data:`~samenwerking.model.TIE_COLUMNS`."""

_REQUIRED = ("source", "target")
_MAX_PROBLEMS_PER_COLUMN = 100
_KIND_CODES = {kind.value: code for code, kind in enumerate(TieStore.KINDS)}
_KIND_CHOICES = ", ".join(_KIND_CODES)
_FIRST_DAY = -719162  # 0001-01-01 in days since 1970-01-01
_LAST_DAY = 2932896  # 9999-12-31
_MISSING = -1
_INVALID = -2

Report = Callable[[int | None, str, object, str], None]
"""Receives each problem: (row or ``None`` for the whole column, column, value, message)."""


# -- writing ------------------------------------------------------------------------------------
def _ids(codes: npt.NDArray[np.int32], vocabulary: tuple[str, ...]) -> pa.DictionaryArray:
    dictionary = pa.array(vocabulary, type=pa.string())
    missing = codes < 0
    indices = pa.array(codes, type=pa.int32(), mask=missing if missing.any() else None)
    return pa.DictionaryArray.from_arrays(indices, dictionary)


def _numbers(array: npt.NDArray[np.float64]) -> pa.Array:
    missing = np.isnan(array)
    return pa.array(array, type=pa.float64(), mask=missing if missing.any() else None)


def tie_table(store: TieStore) -> pa.Table:
    """The ties as an Arrow table with :data:`SCHEMA`, built from the store's columns.

    Example
    -------
    >>> tie_table(TieStore.empty()).schema.names[:3]
    ['source', 'target', 'kind']
    """
    kinds = pa.array([kind.value for kind in TieStore.KINDS], type=pa.string())
    since = store.column("since")
    columns = [
        _ids(store.source, store.ids),
        _ids(store.target, store.ids),
        pa.DictionaryArray.from_arrays(pa.array(store.kind, type=pa.int8()), kinds),
        _numbers(store.column("strength")),
        _numbers(store.column("trust")),
        _numbers(store.column("value")),
        pa.array(since.view(np.int64).astype(np.int32), type=pa.date32(), mask=np.isnat(since)),
        _ids(store.column("met_at"), store.meetings),
        pa.array(store.column("directed"), type=pa.bool_()),
    ]
    return pa.Table.from_arrays(columns, schema=SCHEMA)


def write_ties(store: TieStore, path: Path) -> None:
    """Write ties.parquet (one row group, dictionaries kept whole, zstd compression)."""
    pq.write_table(
        tie_table(store),
        path,
        row_group_size=max(len(store), 1),
        compression="zstd",
        dictionary_pagesize_limit=1 << 30,
    )


# -- reading ------------------------------------------------------------------------------------
class _Column:
    """Reports the problems of one column, at most :data:`_MAX_PROBLEMS_PER_COLUMN`."""

    def __init__(self, name: str, report: Report) -> None:
        self.name = name
        self.report = report
        self.count = 0

    def bad(
        self, rows: npt.NDArray[np.intp], values: Callable[[int], object], message: str
    ) -> None:
        for row in rows[: max(_MAX_PROBLEMS_PER_COLUMN - self.count, 0)].tolist():
            self.report(row, self.name, values(row), message)
        self.count += len(rows)

    def finish(self) -> bool:
        """Report how many problems were left out; True if the column had none."""
        if self.count > _MAX_PROBLEMS_PER_COLUMN:
            extra = self.count - _MAX_PROBLEMS_PER_COLUMN
            self.report(None, self.name, None, f"... and {extra} more problems like these")
        return self.count == 0


def _cell(chunk: Any, start: int) -> Callable[[int], object]:
    """The value at a row of the column, for a chunk that starts at row ``start``."""
    return lambda row: chunk[row - start].as_py()


def _chunks(column: pa.ChunkedArray) -> Iterator[tuple[int, pa.DictionaryArray]]:
    """Each chunk of a text column as a dictionary array, with the row it starts at."""
    start = 0
    for chunk in column.chunks:
        if not pa.types.is_dictionary(chunk.type):
            chunk = pc.dictionary_encode(chunk)
        yield start, chunk
        start += len(chunk)


class _Mappings:
    """Each dictionary already mapped to codes, so that equal dictionaries (those of
    ``source`` and ``target`` as written here, or of every row group) are mapped once."""

    def __init__(self) -> None:
        self.seen: list[tuple[pa.Array, dict[str, int], npt.NDArray[np.int32]]] = []

    def codes(self, dictionary: pa.Array, index: dict[str, int]) -> npt.NDArray[np.int32]:
        """``_MISSING`` for a null entry, ``_INVALID`` for an invalid id, else its code."""
        for known, known_index, mapping in self.seen:
            if known_index is index and known.equals(dictionary):
                return mapping
        values = dictionary.to_pylist()
        ok = valid_ids(dictionary)
        mapping = np.empty(len(values) + 1, dtype=np.int32)
        exact = False
        if not index and ok.all():  # the usual first dictionary: codes in its order
            index.update(zip(values, range(len(values)), strict=True))
            exact = len(index) == len(values)  # no value twice: code i is entry i
            if not exact:
                index.clear()  # a value twice: number the distinct values below
        if exact:
            mapping[:-1] = np.arange(len(values), dtype=np.int32)
        else:
            good = itertools.compress(values, ok.tolist())
            fresh = [v for v in dict.fromkeys(good) if v not in index]
            index.update(zip(fresh, range(len(index), len(index) + len(fresh)), strict=True))
            mapping[:-1] = np.fromiter(
                map(index.get, values, repeat(_INVALID)), np.int32, len(values)
            )
        mapping[:-1][dictionary.is_null().to_numpy(zero_copy_only=False)] = _MISSING
        mapping[-1] = _MISSING  # where the indices are null
        self.seen.append((dictionary, index, mapping))
        return mapping


def _id_codes(
    column: pa.ChunkedArray,
    index: dict[str, int],
    check: _Column,
    optional: bool,
    mappings: _Mappings,
) -> npt.NDArray[np.int32]:
    """Codes into ``index`` (new ids added in dictionary order), ``-1`` for null."""
    out = np.empty(len(column), dtype=np.int32)
    for start, chunk in _chunks(column):
        mapping = mappings.codes(chunk.dictionary, index)
        indices = chunk.indices.fill_null(len(mapping) - 1).to_numpy()
        codes = mapping[indices]
        out[start : start + len(chunk)] = codes
        invalid = np.flatnonzero(codes == _INVALID)
        if len(invalid):
            check.bad(
                invalid + start,
                _cell(chunk, start),
                "not a valid identifier (blank, padded or has ;|=)",
            )
        if not optional:
            missing = np.flatnonzero(codes == _MISSING)
            if len(missing):
                check.bad(missing + start, lambda row: None, "required value missing")
    return out


def _kinds(column: pa.ChunkedArray, check: _Column) -> npt.NDArray[np.int8]:
    out = np.empty(len(column), dtype=np.int8)
    for start, chunk in _chunks(column):
        values = chunk.dictionary.to_pylist()
        mapping = np.array(
            [0 if v is None else _KIND_CODES.get(v, -1) for v in values] + [0], dtype=np.int8
        )
        codes = mapping[chunk.indices.fill_null(len(values)).to_numpy()]
        out[start : start + len(chunk)] = codes
        bad = np.flatnonzero(codes < 0)
        if len(bad):
            check.bad(
                bad + start,
                _cell(chunk, start),
                f"unknown TieKind value; choose one of: {_KIND_CHOICES}",
            )
    return np.maximum(out, 0)


def _nulls(column: pa.ChunkedArray) -> npt.NDArray[np.bool_]:
    if not column.null_count:
        return np.zeros(len(column), dtype=np.bool_)
    nulls: npt.NDArray[np.bool_] = column.is_null().to_numpy()
    return nulls


def _numbers_of(column: pa.ChunkedArray, check: _Column) -> npt.NDArray[np.float64]:
    values: npt.NDArray[np.float64] = np.asarray(
        column.cast(pa.float64()).to_numpy(), dtype=np.float64
    )
    bad = np.flatnonzero(~np.isfinite(values) & ~_nulls(column))
    if len(bad):
        check.bad(bad, lambda row: float(values[row]), "expected a finite number")
    return values


def _dates(column: pa.ChunkedArray, check: _Column) -> npt.NDArray[Any]:
    nulls = _nulls(column)
    days = np.asarray(
        column.cast(pa.date32()).cast(pa.int32()).fill_null(0).to_numpy(), dtype=np.int64
    )
    bad = np.flatnonzero(((days < _FIRST_DAY) | (days > _LAST_DAY)) & ~nulls)
    if len(bad):
        check.bad(bad, lambda row: int(days[row]), "date out of range (years 1 to 9999)")
    days[nulls] = np.iinfo(np.int64).min
    dates: npt.NDArray[Any] = days.view("datetime64[D]")
    return dates


def _flags(column: pa.ChunkedArray) -> npt.NDArray[np.bool_]:
    flags: npt.NDArray[np.bool_] = column.fill_null(False).to_numpy(zero_copy_only=False)
    return flags


def _check_schema(schema: pa.Schema, report: Report) -> list[str]:
    """Report unknown, missing and mistyped columns; the columns to read, or ``[]``."""
    ok = True
    expected = ", ".join(TIE_COLUMNS)
    for name in schema.names:
        if name not in TIE_COLUMNS:
            report(None, name, None, f"unknown column; expected columns: {expected}")
        elif schema.names.count(name) > 1:
            report(None, name, None, "column appears more than once")
            ok = False
    for name in _REQUIRED:
        if name not in schema.names:
            report(None, name, None, f"required column missing; expected columns: {expected}")
            ok = False
    present = [name for name in TIE_COLUMNS if name in schema.names]
    for name in present:
        actual = schema.field(name).type
        wanted = SCHEMA.field(name).type
        if not compatible(actual, wanted):
            report(None, name, str(actual), f"expected a column of {describe(wanted)}")
            ok = False
    return present if ok else []


def _column(
    name: str,
    column: pa.ChunkedArray,
    check: _Column,
    index: dict[str, int],
    meetings: dict[str, int],
    mappings: _Mappings,
) -> npt.NDArray[Any]:
    """One column of ties.parquet as the tie store's array."""
    if name in ("source", "target"):
        return _id_codes(column, index, check, False, mappings)
    if name == "met_at":
        return _id_codes(column, meetings, check, True, mappings)
    if name == "kind":
        return _kinds(column, check)
    if name == "since":
        return _dates(column, check)
    if name == "directed":
        return _flags(column)
    return _numbers_of(column, check)


def read_ties(path: Path, report: Report) -> TieStore | None:
    """Read ties.parquet into a :class:`TieStore`, reporting every problem to ``report``.

    Columns are read one at a time, so that the file's columns and the store's arrays
    are not all in memory at once. Returns ``None`` when something was reported that
    leaves no trustworthy store (a missing or mistyped column, a bad cell); an unknown
    column is reported and skipped. Unreadable files raise Arrow's or the system's error.

    Example
    -------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ties.parquet"
    >>> pq.write_table(pa.table({"source": ["a"], "target": [" b"]}), path)
    >>> read_ties(path, print) is None
    0 target  b not a valid identifier (blank, padded or has ;|=)
    True
    """
    with pq.ParquetFile(path) as file:
        present = _check_schema(file.schema_arrow, report)
        if not present:
            return None
        index: dict[str, int] = {}
        meetings: dict[str, int] = {}
        arrays: dict[str, npt.NDArray[Any]] = {}
        checks = [_Column(name, report) for name in present]
        mappings = _Mappings()
        for name, check in zip(present, checks, strict=True):
            arrays[name] = _column(
                name, file.read(columns=[name]).column(0), check, index, meetings, mappings
            )
            # Arrow's allocator keeps freed memory for reuse: give it back to the system
            # after each column, so that it does not add to the peak of what follows.
            pa.default_memory_pool().release_unused()
    clean = [check.finish() for check in checks]  # every column reports its overflow
    if not all(clean):
        return None
    if not len(arrays["source"]):
        return TieStore.empty()
    return TieStore.adopt(ids=tuple(index), meetings=tuple(meetings), **arrays)
