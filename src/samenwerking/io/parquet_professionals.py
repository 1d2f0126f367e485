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
import pyarrow as pa
import pyarrow.compute as pc

from samenwerking.io.parquet_schema import valid_ids
from samenwerking.model import Professional, Role
from samenwerking.model.partners import _checked_professional

__all__ = ["fast_professionals"]

_ROLES: dict[str, Role] = {role.value: role for role in Role}


def _organisation_lists(column: pa.ChunkedArray) -> list[tuple[str, ...] | None]:
    """Each row's organisations as a tuple; ``None`` for a null list or a bad entry.

    Equal lists share one tuple (most professionals work for one of a few thousand
    organisations), which saves a tuple and its strings per professional.
    """
    out: list[tuple[str, ...] | None] = []
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    one = shared.setdefault
    for chunk in column.chunks:
        lists = chunk.to_pylist()
        distinct = pc.unique(chunk.flatten())
        if chunk.null_count == 0 and valid_ids(distinct).all():
            out.extend(one(items, items) for items in map(tuple, lists))
            continue
        good = set(distinct.filter(pa.array(valid_ids(distinct))).to_pylist())
        out.extend(
            None if items is None or not good.issuperset(items) else one(tuple(items), tuple(items))
            for items in lists
        )
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
    roles = [
        _ROLES.get(role) if role is not None else None for role in table.column("role").to_pylist()
    ]
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
