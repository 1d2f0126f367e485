"""pandas DataFrames of results: the lazy import, and frames built from result tables.

pandas is optional (``pip install 'samenwerking[pandas]'``) and imported only when a frame
is asked for. Every result object has ``to_frame()``; :func:`to_frame` also takes what
some analyses return as plain Python: a mapping of node to number (``betweenness``), a
mapping of node to a result (``brokerage_roles``) or a sequence of results
(``bus_factor``, ``weak_points``, ``check_working_groups``, ...).

Example
-------
>>> import samenwerking as sw
>>> G = sw.compact_graph(sw.example_region())
>>> frame = sw.to_frame(sw.analysis.bus_factor(G))
>>> frame.index.names
FrozenList(['group', 'other_group'])
>>> sw.to_frame(sw.analysis.betweenness(G), column="betweenness").index.name
'node'
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from samenwerking.errors import InvalidArgumentError, SamenwerkingError
from samenwerking.tabular import Table, Tabular

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PandasMissingError", "require_pandas", "table_frame", "to_frame"]

INSTALL_HINT = "pip install 'samenwerking[pandas]'"
"""What to run when pandas is missing."""


class PandasMissingError(SamenwerkingError, ImportError):
    """pandas is needed for DataFrames but is not installed."""


def require_pandas() -> ModuleType:
    """Import pandas, or raise :class:`PandasMissingError` saying which extra to install.

    Example
    -------
    >>> require_pandas().__name__
    'pandas'
    """
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise PandasMissingError(
            f"DataFrames need pandas, which is not installed: {INSTALL_HINT}"
        ) from exc


def table_frame(table: Table) -> pd.DataFrame:
    """A DataFrame of one result table, indexed by its index columns.

    Count columns become nullable ``Int64``, so a suppressed count is ``<NA>``.

    Example
    -------
    >>> from samenwerking.tabular import Table
    >>> frame = table_frame(Table("cells", ("group", "count"), [("a", 7), ("b", None)],
    ...                           counts=("count",)))
    >>> frame["count"].tolist(), str(frame["count"].dtype)
    ([7, <NA>], 'Int64')
    """
    pd = require_pandas()
    columns = list(table.columns)
    data = {name: [row[i] for row in table.rows] for i, name in enumerate(columns)}
    frame = pd.DataFrame(data, columns=columns)
    for name in table.counts:
        frame[name] = pd.array(data[name], dtype="Int64")
    if table.index:
        frame = frame.set_index(list(table.index_columns))
    return frame


def _rows_of(item: object) -> Table:
    if not isinstance(item, Tabular):
        raise InvalidArgumentError(
            f"cannot make a DataFrame of a {type(item).__name__}; expected a samenwerking"
            " result, a sequence of results or a mapping of node to number or result"
        )
    return item._tables()[0]


def to_frame(result: object, *, index: str = "node", column: str = "value") -> pd.DataFrame:
    """A DataFrame of any result, including the plain mappings and tuples some analyses return.

    Parameters
    ----------
    result
        A result object (its own ``to_frame()`` is used); a sequence of result objects of
        one kind (their rows are stacked); a mapping from node to result object; or a
        mapping from node to number.
    index
        The index name for a mapping's keys.
    column
        The column name for a mapping's numbers.

    Example
    -------
    >>> to_frame({"a": 0.5, "b": 0.25}, column="constraint")["constraint"].tolist()
    [0.5, 0.25]
    """
    if isinstance(result, Tabular):
        return result.to_frame()
    if isinstance(result, Mapping):
        values = list(result.values())
        if values and all(isinstance(v, Tabular) for v in values):
            tables = [_rows_of(v) for v in values]
            first = tables[0]
            rows = [(key, *row) for key, t in zip(result, tables, strict=True) for row in t.rows]
            table = Table(first.name, (index, *first.columns), rows, 1, first.counts)
            return table_frame(table)
        rows = [(key, value) for key, value in result.items()]
        return table_frame(Table("values", (index, column), rows))
    if isinstance(result, Sequence) and not isinstance(result, str):
        tables = [_rows_of(item) for item in result]
        if not tables:
            frame: pd.DataFrame = require_pandas().DataFrame()
            return frame
        first = tables[0]
        rows_: list[Any] = [row for t in tables for row in t.rows]
        return table_frame(Table(first.name, first.columns, rows_, first.index, first.counts))
    return table_frame(_rows_of(result))
