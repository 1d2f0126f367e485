"""The Arrow schema of every table of the Parquet folder, derived from the model classes.

Each record class becomes one table whose columns are the class's fields, typed as the
field is: text as ``string`` (vocabulary values dictionary-encoded), whole numbers as
``int64``, dates as ``date32``, lists as ``list``, nested records as ``struct`` and
external identifiers as ``map<string, string>``. Missing values are nulls.

Reading accepts what other tools write for the same thing: ``large_string`` or a
dictionary of strings for text, any integer width, ``float32``, ``date64``, large lists.
:func:`compatible` says whether a column can be read as its field, :func:`describe`
names a type in plain words for error messages, and :func:`wire_type` is the type a
column is cast to before its values become plain data (dates as ISO text).

Needs pyarrow (the ``parquet`` extra).

Example
-------
>>> from samenwerking.model import Professional
>>> schema = table_schema(Professional)
>>> schema.names
['id', 'name', 'role', 'organisations', 'capacity']
>>> describe(schema.field("organisations").type)
'list of text'
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from samenwerking.model import (
    Agenda,
    Agreement,
    Case,
    Meeting,
    Organisation,
    Professional,
    WorkingGroup,
)
from samenwerking.model.ids import is_valid_id

__all__ = [
    "RECORD_TABLES",
    "REGION_SCHEMA",
    "arrow_type",
    "compatible",
    "describe",
    "required_fields",
    "table_schema",
    "valid_ids",
    "wire_type",
]

RECORD_TABLES: dict[str, type] = {
    "organisations": Organisation,
    "professionals": Professional,
    "agreements": Agreement,
    "agendas": Agenda,
    "working_groups": WorkingGroup,
    "meetings": Meeting,
    "cases": Case,
}
"""The tables of records, by file stem (also the :class:`Region` field), in file order."""

REGION_SCHEMA = pa.schema([("name", pa.string()), ("format_version", pa.int64())])
"""``region.parquet``: one row with the region's name and the format version."""

_ENUM_TYPE = pa.dictionary(pa.int32(), pa.string())
# Printable ASCII, no ; | = anywhere and no space at either end: such text is surely a
# valid identifier. Anything else is checked one by one with ``is_valid_id``.
_PLAIN_ID = r"^[!-:<>-{}~](?:[ -:<>-{}~]*[!-:<>-{}~])?$"


def _unwrap(hint: Any) -> Any:
    """The type behind ``X | None`` and ``NewType``s."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = options[0] if len(options) == 1 else hint
    while hasattr(hint, "__supertype__"):
        hint = hint.__supertype__
    return hint


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type that holds a value of the model type ``hint``.

    Example
    -------
    >>> arrow_type(tuple[str, ...])
    ListType(list<item: string>)
    """
    hint = _unwrap(hint)
    origin = typing.get_origin(hint)
    if origin is tuple:
        return pa.list_(arrow_type(typing.get_args(hint)[0]))
    if origin is dict:
        key, value = typing.get_args(hint)
        return pa.map_(arrow_type(key), arrow_type(value))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _ENUM_TYPE
    if attrs.has(hint):
        return pa.struct([pa.field(n, t) for n, t in _columns(hint)])
    simple = {str: pa.string(), bool: pa.bool_(), int: pa.int64(), float: pa.float64()}
    if hint in simple:
        return simple[hint]
    if hint is dt.date:
        return pa.date32()
    raise TypeError(f"no Arrow type for {hint!r}")


def _columns(cls: type) -> list[tuple[str, pa.DataType]]:
    hints = typing.get_type_hints(cls)
    return [(a.name, arrow_type(hints[a.name])) for a in attrs.fields(cls)]


def table_schema(cls: type) -> pa.Schema:
    """The schema of the table that holds records of ``cls``, one column per field."""
    return pa.schema(_columns(cls))


def required_fields(cls: type) -> list[str]:
    """The fields of ``cls`` without a default: their columns must be present."""
    return [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING]


def _text(t: pa.DataType) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t)) or (
        pa.types.is_dictionary(t) and _text(t.value_type)
    )


def _list(t: pa.DataType) -> bool:
    return bool(pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t))


def compatible(actual: pa.DataType, expected: pa.DataType) -> bool:
    """Whether a column of type ``actual`` can be read where ``expected`` is written.

    Nested records are compared field by field; fields the model does not know are left
    for the record checks to report.

    Example
    -------
    >>> compatible(pa.large_string(), pa.string()), compatible(pa.int64(), pa.string())
    (True, False)
    """
    if pa.types.is_null(actual):
        return True  # a column of nulls only
    if _text(expected):
        return _text(actual)
    if pa.types.is_integer(expected):
        return bool(pa.types.is_integer(actual))
    if pa.types.is_floating(expected):
        return bool(pa.types.is_floating(actual) or pa.types.is_integer(actual))
    if pa.types.is_boolean(expected):
        return bool(pa.types.is_boolean(actual))
    if pa.types.is_date(expected):
        return bool(pa.types.is_date(actual))
    if pa.types.is_map(expected):
        return bool(
            pa.types.is_map(actual)
            and compatible(actual.key_type, expected.key_type)
            and compatible(actual.item_type, expected.item_type)
        )
    if _list(expected):
        return _list(actual) and compatible(actual.value_type, expected.value_type)
    if pa.types.is_struct(expected):
        if not pa.types.is_struct(actual):
            return False
        known = {f.name: f.type for f in expected}
        return all(compatible(f.type, known[f.name]) for f in actual if f.name in known)
    return bool(actual.equals(expected))


def wire_type(actual: pa.DataType) -> pa.DataType:
    """The type to cast a (compatible) column to before turning it into plain data.

    Text becomes ``string``, dates ISO text, whole numbers ``int64``, numbers ``float64``
    and lists plain lists, at every depth, so that the values are what the JSON file holds.

    Example
    -------
    >>> wire_type(pa.list_(pa.date32()))
    ListType(list<item: string>)
    """
    if _text(actual) or pa.types.is_date(actual):
        return pa.string()
    if pa.types.is_integer(actual):
        return pa.int64()
    if pa.types.is_floating(actual):
        return pa.float64()
    if pa.types.is_map(actual):
        return pa.map_(wire_type(actual.key_type), wire_type(actual.item_type))
    if _list(actual):
        return pa.list_(wire_type(actual.value_type))
    if pa.types.is_struct(actual):
        return pa.struct([pa.field(f.name, wire_type(f.type)) for f in actual])
    return actual


def describe(t: pa.DataType) -> str:
    """A type in plain words, for messages: ``text``, ``list of text``, ``date``, ...

    Example
    -------
    >>> describe(pa.int32()), describe(pa.dictionary(pa.int8(), pa.string()))
    ('whole number (int32)', 'text')
    """
    if _text(t):
        return "text"
    if pa.types.is_integer(t):
        return f"whole number ({t})"
    if pa.types.is_floating(t):
        return f"number ({t})"
    if pa.types.is_boolean(t):
        return "true/false"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_map(t):
        return f"map of {describe(t.key_type)} to {describe(t.item_type)}"
    if _list(t):
        return f"list of {describe(t.value_type)}"
    if pa.types.is_struct(t):
        return "record (" + ", ".join(f.name for f in t) + ")"
    return str(t)


def valid_ids(array: pa.Array) -> npt.NDArray[np.bool_]:
    """Whether each text of ``array`` is a valid identifier (``False`` for nulls).

    Plain ASCII identifiers are recognised with one vectorised pattern match; only the
    others go through :func:`~samenwerking.model.ids.is_valid_id`, so the answer is
    exactly ``is_valid_id`` for every value.

    Example
    -------
    >>> valid_ids(pa.array(["p-1", " p-2", "één", None, "a;b"])).tolist()
    [True, False, True, False, False]
    """
    if pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    plain = pc.match_substring_regex(array, _PLAIN_ID).fill_null(False)
    ok: npt.NDArray[np.bool_] = np.array(plain.to_numpy(zero_copy_only=False), dtype=np.bool_)
    nulls = array.is_null().to_numpy(zero_copy_only=False)
    others = ~ok & ~nulls
    if others.any():
        texts = array.filter(pa.array(others)).to_pylist()
        ok[others] = np.fromiter(map(is_valid_id, texts), np.bool_, len(texts))
    return ok
