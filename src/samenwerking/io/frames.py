"""A region as pandas DataFrames, one per record type, and back: the CSV folder's tables.

:func:`region_frames` gives the same tables, with the same columns, as the CSV folder
(``docs/file-formats.md``), read through the same column parsers, so every cell has the
value the CSV reader would give it: text and ids as ``str``, vocabularies as their values,
lists of ids as tuples, dates as ``datetime64``, counts as nullable ``Int64``. Tables with
an ``id`` column are indexed by it. :func:`from_frames` writes each frame's cells with the
CSV folder's formats and reads them with the CSV reader, so a region built from frames is
checked exactly as a CSV folder is, and every problem names the frame, row and column.

Example
-------
>>> import samenwerking as sw
>>> region = sw.example_region()
>>> frames = region.to_frames()
>>> frames["professionals"].loc["p-001", "role"]
'alderman'
>>> sw.from_frames(frames, name=region.name) == region
True
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import math
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.frames import require_pandas
from samenwerking.io import cells, csv_ties
from samenwerking.io.csvfolder import TABLES, Column, _table_rows, csv_folder_problems
from samenwerking.model import FORMAT_VERSION, Region, TieStore

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAMES", "from_frames", "region_frames"]

FRAMES: tuple[str, ...] = tuple(
    file.removesuffix(".csv") for file in TABLES if file != "region.csv"
)
"""The frame names, in CSV folder order (each is a CSV file of the folder without ``.csv``)."""

_FILE = {name: f"{name}.csv" for name in FRAMES}
_NAME = {file: name for name, file in _FILE.items()}


# -- region to frames --------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def _typed(pandas: Any, column: Column, values: list[Any]) -> Any:
    if column.parse is cells.parse_date:
        return pandas.to_datetime(pandas.Series(values, dtype=object))
    if column.parse is cells.parse_int:
        return pandas.array(values, dtype="Int64")
    if column.parse is cells.parse_float:
        return np.array([math.nan if v is None else v for v in values], dtype=np.float64)
    if column.parse is cells.parse_bool:
        return np.array(values, dtype=bool)
    nested = any(isinstance(v, tuple | dict) for v in values)
    return pandas.Series(values, dtype=object if nested else None)


def _ties_frame(pandas: Any, store: TieStore) -> pd.DataFrame:
    ids = np.array(store.ids, dtype=object)
    meetings = np.array((*store.meetings, None), dtype=object)
    kinds = np.array([k.value for k in TieStore.KINDS], dtype=object)
    met_at = store.column("met_at")
    data = {
        "source": ids[store.source] if len(store) else np.empty(0, object),
        "target": ids[store.target] if len(store) else np.empty(0, object),
        "kind": kinds[store.kind],
        "strength": store.column("strength"),
        "trust": store.column("trust"),
        "value": store.column("value"),
        "since": pandas.to_datetime(store.column("since")),
        "met_at": meetings[np.where(met_at < 0, len(meetings) - 1, met_at)],
        "directed": store.column("directed"),
    }
    frame: pd.DataFrame = pandas.DataFrame(data, columns=[c.name for c in TABLES["ties.csv"]])
    return frame


def region_frames(region: Region) -> dict[str, pd.DataFrame]:
    """One DataFrame per record type, the tables of the CSV folder (``region.to_frames()``).

    Example
    -------
    >>> import samenwerking as sw
    >>> frames = region_frames(sw.example_region())
    >>> list(frames)[:3], frames["ties"].columns[:3].tolist()
    (['organisations', 'professionals', 'ties'], ['source', 'target', 'kind'])
    """
    pandas = require_pandas()
    rows = _table_rows(region)
    out: dict[str, pd.DataFrame] = {}
    for name in FRAMES:
        file = _FILE[name]
        columns = TABLES[file]
        if file == csv_ties.FILE:
            out[name] = _ties_frame(pandas, region.ties)
            continue
        parsed: list[list[Any]] = [[] for _ in columns]
        for row in rows[file]:
            for i, (column, cell) in enumerate(zip(columns, row, strict=True)):
                parsed[i].append(_plain(column.parse(cell)))
        data = {
            c.name: _typed(pandas, c, values) for c, values in zip(columns, parsed, strict=True)
        }
        frame = pandas.DataFrame(data, columns=[c.name for c in columns])
        if columns[0].name == "id":
            frame = frame.set_index("id")
        out[name] = frame
    return out


# -- frames to region --------------------------------------------------------------------------
def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in {"NAType", "NaTType"}


def _cell(column: Column | None, value: Any) -> str:
    """The CSV cell text of one frame value, written with the column's own format."""
    if _missing(value):
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, dt.datetime):  # pandas Timestamp too
        value = value.date()
    if column is None:
        return str(value)
    if isinstance(value, float) and column.parse is cells.parse_int and value.is_integer():
        value = int(value)
    if isinstance(value, list | tuple | np.ndarray):
        items = tuple(_plain(v.item() if isinstance(v, np.generic) else v) for v in value)
        if column.format in (cells.format_ids, cells.format_texts):
            return column.format(items)
        return ";".join(str(item) for item in items)
    try:
        return column.format(value)
    except (AttributeError, TypeError):
        return str(value)


def _label(label: Any) -> str:
    if isinstance(label, int | np.integer):
        return f"row {int(label)}"
    return f"row {label!r}"


def _texts(column: Column | None, series: Any) -> list[str]:
    """The CSV cell text of a whole column (whole-column conversions for the common types)."""
    kind = getattr(series.dtype, "kind", "O")
    if kind == "M":
        texts: list[str] = series.dt.strftime("%Y-%m-%d").fillna("").tolist()
        return texts
    values = series.tolist()
    if kind == "b" and str(series.dtype) == "bool":
        return ["true" if v else "false" for v in values]
    if kind == "f" and column is not None and column.parse is cells.parse_float:
        return ["" if v != v else repr(v) for v in values]
    return [_cell(column, v) for v in values]


def _write_frame(frame: Any, file: str, path: Path) -> Any:
    """Write one frame as a CSV file; return its index, which labels the rows in problems."""
    by_name = {c.name: c for c in TABLES[file]}
    index = frame.index
    index_names = [n for n in index.names if n is not None]
    if index_names and all(n in by_name for n in index_names):
        frame = frame.reset_index()
    header = [str(c) for c in frame.columns]
    columns = [_texts(by_name.get(name), frame.iloc[:, i]) for i, name in enumerate(header)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(zip(*columns, strict=True))
    return index


def _relocate(problem: Problem, labels: Mapping[str, Any]) -> Problem:
    name = _NAME.get(problem.source)
    if name is None:
        return problem
    location = problem.location
    message = problem.message.replace("required file missing", "required frame missing")
    if location.startswith("row "):
        row = int(location.removeprefix("row "))
        rows = labels.get(problem.source, ())
        position = row - 2
        location = (
            "columns" if row == 1 else (_label(rows[position]) if 0 <= position < len(rows) else "")
        )
    return Problem(message, f"{name} frame", location, problem.field, problem.value)


def from_frames(frames: Mapping[str, pd.DataFrame], *, name: str, validate: bool = True) -> Region:
    """Build a region from DataFrames shaped like :func:`region_frames` gives them.

    Every frame is optional except ``organisations``; a frame may have its ``id`` as the
    index or as a column. Cells may be what ``to_frames()`` gives or the CSV folder's cell
    text (``"a;b"`` for a list, ``"3-9-2024"`` for a date). The region is checked exactly as
    a CSV folder is.

    Raises
    ------
    InvalidRegionError
        Listing every problem, each naming the frame, the row (its index label), the column
        and the value.

    Example
    -------
    >>> import pandas as pd
    >>> organisations = pd.DataFrame({"id": ["o1"], "name": ["Gemeente"],
    ...                               "sector": ["gemeente"], "municipality": ["Dorp"]})
    >>> try:
    ...     from_frames({"organisations": organisations}, name="Dorp")
    ... except InvalidRegionError as error:
    ...     print(error.problems[0])  # doctest: +ELLIPSIS
    organisations frame, row 0, field 'sector', value 'gemeente': unknown Sector; ...
    """
    pandas = require_pandas()
    problems: list[Problem] = []
    labels: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="samenwerking-frames-") as tmp:
        folder = Path(tmp) / "region"
        folder.mkdir()
        with (folder / "region.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(
                [["name", "format_version"], [name, str(FORMAT_VERSION)]]
            )
        for key, frame in frames.items():
            if key not in _FILE:
                problems.append(Problem(f"unknown frame; expected: {', '.join(FRAMES)}", key))
                continue
            if not isinstance(frame, pandas.DataFrame):
                problems.append(
                    Problem(f"expected a pandas DataFrame, got {type(frame).__name__}", key)
                )
                continue
            labels[_FILE[key]] = _write_frame(frame, _FILE[key], folder / _FILE[key])
        region, found = csv_folder_problems(folder, validate=validate)
    problems += [_relocate(p, labels) for p in found]
    if problems or region is None:
        raise InvalidRegionError(problems, source="frames")
    return region
