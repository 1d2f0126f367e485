"""professionals.parquet the fast way: column by column, each distinct organisation once.

A national region has hundreds of thousands of professionals, so building them through
plain data (a dict per row, then the converter) would take seconds. Here the columns are
taken as Python lists, the organisation lists are flattened so that each distinct
organisation id is checked once, and every row whose values are plainly right is built
by the model's checked fast constructor. A row with anything unusual is left as ``None``
for the caller to build the normal way, which reports the precise problem.

Needs pyarrow (the ``parquet`` extra).

Example
-------
>>> import pyarrow as pa
>>> table = pa.table({"id": ["p1", " p2"], "name": ["A", "B"], "role": ["teacher"] * 2,
...                   "organisations": [["s1"], ["s1"]]})
>>> built = fast_professionals(table)
>>> built[0].role, built[1]
(<Role.TEACHER: 'teacher'>, None)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from samenwerking.io.parquet_schema import valid_ids
from samenwerking.model import Professional, Role
from samenwerking.model.partners import _checked_professional

__all__ = ["fast_professionals"]

_ROLES: dict[str, Role] = {role.value: role for role in Role}


def _codes(column: Any) -> tuple[list[Any], npt.NDArray[np.intp], npt.NDArray[np.bool_]]:
    """A text column as its distinct values, each row's position among them, and nulls.

    No Python string is made per row: only the distinct values become Python objects.
    """
    encoded = pc.dictionary_encode(column)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    nulls = np.asarray(encoded.indices.is_null().to_numpy(zero_copy_only=False), dtype=np.bool_)
    codes = np.asarray(encoded.indices.fill_null(0).to_numpy(), dtype=np.intp)
    return encoded.dictionary.to_pylist(), codes, nulls


def _organisation_lists(column: pa.ChunkedArray) -> list[tuple[str, ...] | None]:
    """Each row's organisations as a tuple; ``None`` for a null list or a bad entry.

    Equal lists share one tuple (most professionals work for one of a few thousand
    organisations), so there is no tuple, and no string, per professional.
    """
    out: list[tuple[str, ...] | None] = []
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for chunk in column.chunks:
        flat = chunk.flatten()
        offsets = chunk.offsets.to_numpy()
        offsets = offsets - offsets[0]
        values, codes, nulls = _codes(flat) if len(flat) else ([], np.zeros(0, np.intp), None)
        bad_value = ~valid_ids(pa.array(values, type=pa.string())) if values else np.zeros(0, bool)
        bad = bad_value[codes] if len(codes) else np.zeros(0, bool)
        if nulls is not None:
            bad |= nulls
        bad_before = np.concatenate([[0], np.cumsum(bad)])
        row_bad = bad_before[offsets[1:]] != bad_before[offsets[:-1]]
        row_bad |= np.asarray(chunk.is_null().to_numpy(zero_copy_only=False), dtype=np.bool_)
        lengths = np.diff(offsets)
        singles = [(v,) for v in values]
        first = codes[np.minimum(offsets[:-1], max(len(codes) - 1, 0))] if len(codes) else None
        rows: list[tuple[str, ...] | None] = (
            [singles[c] for c in first.tolist()] if first is not None else [()] * len(chunk)
        )
        for row in np.flatnonzero(row_bad | (lengths != 1)).tolist():
            if row_bad[row]:
                rows[row] = None
            else:
                items = tuple(values[c] for c in codes[offsets[row] : offsets[row + 1]].tolist())
                rows[row] = shared.setdefault(items, items)
        out.extend(rows)
    return out


def fast_professionals(table: pa.Table) -> list[Professional | None]:
    """Build each row's :class:`Professional`, or ``None`` where a value needs care.

    ``table`` holds the columns of professionals.parquet as :func:`wire_type` gives them
    (text, lists of text, whole numbers); ``id``, ``name``, ``role`` and
    ``organisations`` must be among them.
    """
    count = table.num_rows
    ids = table.column("id")
    plain = np.concatenate([valid_ids(chunk) for chunk in ids.chunks] or [np.ones(0, bool)])
    names = table.column("name").to_pylist()
    role_values, role_codes, role_nulls = _codes(table.column("role"))
    known = [_ROLES.get(role) for role in role_values]
    roles = [known[c] for c in role_codes.tolist()] if role_values else [None] * count
    for row in np.flatnonzero(role_nulls).tolist():
        roles[row] = None
    organisations = _organisation_lists(table.column("organisations"))
    capacities: list[Any] = (
        table.column("capacity").to_pylist() if "capacity" in table.column_names else [None] * count
    )
    built: list[Professional | None] = []
    append = built.append
    for id_, ok, name, role, orgs, capacity in zip(
        ids.to_pylist(), plain.tolist(), names, roles, organisations, capacities, strict=True
    ):
        if ok and orgs is not None and role is not None and name and name == name.strip():
            append(_checked_professional(id_, name, role, orgs, capacity))
        else:
            append(None)
    return built
