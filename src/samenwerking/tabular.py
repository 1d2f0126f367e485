"""The tables behind every result: one description feeds ``to_frame()`` and notebook views.

A result class mixes in :class:`Tabular` and says, in :meth:`Tabular._tables`, which
tables it holds (:class:`Table`: columns, the leading ones forming the index, and rows).
:meth:`Tabular.to_frame` turns the first into a pandas DataFrame (pandas is imported only
then), :meth:`Tabular.to_frames` turns all of them, and :meth:`Tabular._repr_html_` draws
them in a notebook without pandas. Counts that privacy rules hide are ``None`` in the rows
and a nullable ``Int64`` ``<NA>`` in a frame, never the true value.

Example
-------
>>> import attrs
>>> @attrs.frozen
... class Scores(Tabular):
...     scores: dict[str, float]
...     def _tables(self) -> tuple[Table, ...]:
...         return (Table("scores", ("name", "score"), tuple(self.scores.items()), index=1),)
>>> table = Scores({"a": 0.5})._tables()[0]
>>> table.index_columns, table.value_columns, len(table)
(('name',), ('score',), 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import field, frozen

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Table", "Tabular"]


_REPR_FIELDS = 6
"""Fields shown in a one-line repr."""


def _brief(value: object) -> str:
    if isinstance(value, tuple | list | dict | set | frozenset):
        return f"{len(value)} items"
    if isinstance(value, float):
        return f"{value:.4g}"
    text = str(getattr(value, "value", value))
    return text if len(text) <= 30 else text[:29] + "…"


def _rows(rows: Sequence[Sequence[object]]) -> tuple[tuple[object, ...], ...]:
    return tuple(tuple(row) for row in rows)


@frozen
class Table:
    """One table of a result: named columns, rows of values, the first ``index`` as the index."""

    name: str
    """What one row is, plural (``"islands"``, ``"pairs"``): the key in ``to_frames()``."""
    columns: tuple[str, ...]
    """Every column name, the index columns first."""
    rows: tuple[tuple[object, ...], ...] = field(converter=_rows)
    """The values, one tuple per row, in the order of :attr:`columns`."""
    index: int = 1
    """How many leading columns form the (natural id) index; 0 for a plain range index."""
    counts: tuple[str, ...] = ()
    """Count columns that may hold ``None`` for a suppressed or unknown count (``Int64``)."""
    suppressed: int = 0
    """How many cells privacy rules hid (shown in notebook views)."""

    @property
    def index_columns(self) -> tuple[str, ...]:
        """The columns that form the index."""
        return self.columns[: self.index]

    @property
    def value_columns(self) -> tuple[str, ...]:
        """The columns that are not the index."""
        return self.columns[self.index :]

    def __len__(self) -> int:
        return len(self.rows)


class Tabular:
    """Mixin for result classes: ``to_frame()``, ``to_frames()`` and a notebook view.

    Subclasses implement :meth:`_tables`; they may override :meth:`_notes` (totals and
    what was suppressed, shown above the tables) and :meth:`_svg` (a small picture).
    """

    __slots__ = ()

    def _tables(self) -> tuple[Table, ...]:
        """The tables this result holds, the main one first."""
        raise NotImplementedError  # pragma: no cover - every result implements it

    def _notes(self) -> tuple[str, ...]:
        """One-line facts shown above the tables (totals, suppression)."""
        return ()

    def _svg(self) -> str:
        """A small inline SVG picture, or ``""``."""
        return ""

    def to_frame(self) -> pd.DataFrame:
        """The result's main table as a pandas DataFrame, indexed by its natural id.

        Needs the ``pandas`` extra (``pip install 'samenwerking[pandas]'``); without it this
        raises :class:`samenwerking.frames.PandasMissingError`.

        Example
        -------
        >>> import samenwerking as sw
        >>> frame = sw.analysis.islands(sw.compact_graph(sw.example_region())).to_frame()
        >>> frame.index.name, int(frame["size"].iloc[0])
        ('island', 161)
        """
        from samenwerking.frames import table_frame

        return table_frame(self._tables()[0])

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Every table of the result as a DataFrame, by table name (the main one first).

        Example
        -------
        >>> import samenwerking as sw
        >>> list(sw.analysis.ei_index(sw.compact_graph(sw.example_region())).to_frames())
        ['groups', 'nodes']
        """
        from samenwerking.frames import table_frame

        return {table.name: table_frame(table) for table in self._tables()}

    def __repr__(self) -> str:
        """One line: the main table's first row (collections shown by their size)."""
        table = self._tables()[0]
        name = type(self).__name__
        if len(table) != 1:
            return f"<{name}: {len(table)} {table.name}>"
        row = table.rows[0]
        head = ", ".join(str(v) for v in row[: table.index])
        values = zip(table.value_columns, row[table.index :], strict=True)
        parts = [f"{column}={_brief(value)}" for column, value in values][:_REPR_FIELDS]
        return f"<{name} {head}: {', '.join(parts)}>" if head else f"<{name}: {', '.join(parts)}>"

    def _repr_html_(self) -> str:
        """The notebook view: the one-line summary, notes, a picture and the first rows."""
        from samenwerking.notebook import html_view

        return html_view(repr(self), self._tables(), notes=self._notes(), svg=self._svg())
