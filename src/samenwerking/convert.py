"""The one converter between the model and plain data (dicts, lists, strings, numbers).

Readers and writers of every format go through here, so the wire format is decided in
one place: dates are ISO strings, enums their values, fields left at their default are
omitted, and the ties are held as columns (``{"source": [...], "target": [...], ...}``),
never one object per tie. This module uses a private :class:`cattrs.Converter`.

Structuring checks every value and collects *all* problems; they are raised together as
an :class:`~samenwerking.errors.InvalidRegionError` whose problems carry a JSON path
(``$.region.professionals[3]``), the field (``role``) and the bad value.

Example
-------
>>> from samenwerking.model import Region
>>> data = unstructure_region(Region("Dorp"))
>>> data["name"], structure_region(data, source="memory") == Region("Dorp")
('Dorp', True)
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import math
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import cattrs
import numpy as np
import numpy.typing as npt
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.model import (
    TIE_COLUMNS,
    Agenda,
    Agreement,
    Case,
    CaseEvent,
    CaseInvolvement,
    Commitment,
    Endorsement,
    Meeting,
    Organisation,
    Professional,
    Region,
    Role,
    Step,
    TieStore,
    Topic,
    WorkingGroup,
    vocabulary,
)
from samenwerking.model.ids import is_valid_id
from samenwerking.model.partners import _checked_professional
from samenwerking.model.validation import json_path

__all__ = [
    "MODEL_CLASSES",
    "iter_tie_columns",
    "structure",
    "structure_region",
    "unstructure",
    "unstructure_region",
]

T = TypeVar("T")
_PathPart = str | int

MODEL_CLASSES: tuple[type, ...] = (
    Organisation,
    Professional,
    Commitment,
    Endorsement,
    Agreement,
    Step,
    Topic,
    Agenda,
    WorkingGroup,
    Meeting,
    CaseInvolvement,
    CaseEvent,
    Case,
    Region,
)
"""The model classes the converter knows (the tie store is handled as columns)."""

_MAX_TIE_PROBLEMS_PER_COLUMN = 50


class _BadValueError(ValueError):
    """A value that cannot become what its field needs."""

    def __init__(self, message: str, value: object) -> None:
        super().__init__(message)
        self.value = value


class _TieProblemsError(ValueError):
    """Problems found in the tie columns, each with a path relative to the ties."""

    def __init__(self, problems: list[tuple[tuple[_PathPart, ...], str, object, str]]) -> None:
        super().__init__(f"{len(problems)} problems in the ties")
        self.problems = problems


# -- primitive hooks: strict, so that "3" is not silently a number --------------------------
def _structure_str(value: object, _type: object) -> str:
    if isinstance(value, str):
        return value
    raise _BadValueError(f"expected text, got {type(value).__name__}", value)


def _structure_float(value: object, _type: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise _BadValueError(f"expected a number, got {type(value).__name__}", value)


def _structure_int(value: object, _type: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _BadValueError(f"expected a whole number, got {type(value).__name__}", value)


def _structure_bool(value: object, _type: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _BadValueError("expected true or false", value)


def _parse_iso_date(value: object) -> dt.date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _BadValueError("expected a date as yyyy-mm-dd", value)


def _structure_date(value: object, _type: object) -> dt.date:
    return _parse_iso_date(value)


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    by_value = {member.value: member for member in enum_type}
    choices = ", ".join(str(v) for v in by_value)

    def structure(value: object, _type: object) -> enum.Enum:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise _BadValueError(
                f"unknown {enum_type.__name__} value; choose one of: {choices}", value
            ) from None

    return structure


def _enum_value(member: enum.Enum) -> Any:
    return member.value


_ENUMS: tuple[type[enum.Enum], ...] = tuple(
    getattr(vocabulary, name) for name in vocabulary.__all__
)


# -- model classes: each field is structured, then checked by the model's own validator -----
def _field_hook(converter: cattrs.Converter, attribute: attrs.Attribute[Any]) -> Any:
    type_ = attribute.type
    origin = typing.get_origin(type_)
    validator = attribute.validator

    def structure(value: object, _type: object) -> object:
        if origin is tuple and not isinstance(value, list | tuple):
            raise _BadValueError("expected a list", value)
        if origin is dict and not isinstance(value, Mapping):
            raise _BadValueError("expected an object", value)
        result = converter.structure(value, type_)  # type: ignore[arg-type]
        if validator is not None:
            try:
                validator(None, attribute, result)
            except (ValueError, TypeError) as exc:
                raise _BadValueError(str(exc), value) from None
        return result

    return structure


def _class_hook(converter: cattrs.Converter, cls: Any) -> Callable[[object, object], Any]:
    attrs.resolve_types(cls)
    overrides = {
        a.name: override(struct_hook=_field_hook(converter, a))
        for a in attrs.fields(cls)
        if a.type is not TieStore
    }
    generated: Any = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        **overrides,  # type: ignore[arg-type]
    )

    def structure(value: object, _type: object) -> Any:
        if not isinstance(value, Mapping):
            raise _BadValueError(f"expected an object ({cls.__name__})", value)
        return generated(value, cls)

    return structure


_PROFESSIONAL_FIELDS = frozenset(a.name for a in attrs.fields(Professional))
_ROLES: dict[str, Role] = {role.value: role for role in Role}


def _professional_hook(
    generic: Callable[[object, object], Any],
) -> Callable[[object, object], Any]:
    """Structure professionals the fast way when every value is plainly right.

    The checks below are those the generic hook runs (types, identifiers, text, role);
    the model's remaining rules are checked by ``_checked_professional``. Anything else
    (a missing or unknown key, a wrong type, a bad value) goes to the generic hook, which
    reports it precisely.
    """

    def structure(value: object, _type: object) -> Any:
        if type(value) is dict and value.keys() <= _PROFESSIONAL_FIELDS:
            id_ = value.get("id")
            name = value.get("name")
            role = value.get("role")
            organisations = value.get("organisations")
            capacity = value.get("capacity")
            if (
                type(id_) is str
                and is_valid_id(id_)
                and type(name) is str
                and name
                and name == name.strip()
                and type(role) is str
                and role in _ROLES
                and type(organisations) is list
                and all(type(o) is str and is_valid_id(o) for o in organisations)
            ):
                built = _checked_professional(
                    id_, name, _ROLES[role], tuple(organisations), capacity
                )
                if built is not None:
                    return built
        return generic(value, _type)

    return structure


# -- ties as columns ---------------------------------------------------------------------------
def _date_strings(array: npt.NDArray[Any]) -> list[str | None]:
    text = np.datetime_as_string(array, unit="D").tolist()
    return [None if t == "NaT" else t for t in text]


def iter_tie_columns(store: TieStore) -> Iterator[tuple[str, list[Any]]]:
    """Yield ``(name, values)`` for each tie column as plain JSON-ready lists.

    One column at a time, so that writers of millions of ties need little memory.

    Example
    -------
    >>> from samenwerking.model import Tie, ProfessionalId
    >>> store = TieStore.from_ties([Tie(ProfessionalId("a"), ProfessionalId("b"))])
    >>> dict(iter_tie_columns(store))["kind"]
    ['knows']
    """
    ids = np.array(store.ids, dtype=object)
    meetings = np.array([*store.meetings, None], dtype=object)
    kinds = np.array([k.value for k in TieStore.KINDS], dtype=object)
    for name in TIE_COLUMNS:
        array = store.column(name)
        if name in ("source", "target"):
            values: list[Any] = ids[array].tolist() if len(ids) else []
        elif name == "kind":
            values = kinds[array].tolist()
        elif name == "since":
            values = _date_strings(array)
        elif name == "met_at":
            values = meetings[array].tolist()
        elif name == "directed":
            values = array.tolist()
        else:
            values = [None if math.isnan(v) else v for v in array.tolist()]
        yield name, values


def _unstructure_ties(store: TieStore) -> dict[str, list[Any]]:
    return dict(iter_tie_columns(store))


_KIND_CODES = {kind.value: code for code, kind in enumerate(TieStore.KINDS)}
_NUMBER_TYPES = frozenset({int, float, type(None)})
_ID_TYPES = frozenset({str})
_OPTIONAL_ID_TYPES = frozenset({str, type(None)})
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_NAT_DAYS = int(np.iinfo(np.int64).min)


class _TieChecker:
    def __init__(self) -> None:
        self.problems: list[tuple[tuple[_PathPart, ...], str, object, str]] = []

    def report(
        self, name: str, rows: Sequence[int], values: Sequence[object], message: str
    ) -> None:
        for row in rows[:_MAX_TIE_PROBLEMS_PER_COLUMN]:
            self.problems.append(((name, row), name, values[row], message))
        if len(rows) > _MAX_TIE_PROBLEMS_PER_COLUMN:
            extra = len(rows) - _MAX_TIE_PROBLEMS_PER_COLUMN
            self.problems.append(((name,), name, None, f"... and {extra} more like these"))

    def ids(
        self, name: str, values: list[Any], index: dict[str, int], *, optional: bool = False
    ) -> npt.NDArray[np.int32] | None:
        allowed = _OPTIONAL_ID_TYPES if optional else _ID_TYPES
        if not set(map(type, values)) <= allowed:
            bad_type = [
                i
                for i, v in enumerate(values)
                if type(v) is not str and not (optional and v is None)
            ]
            self.report(name, bad_type, values, "expected an identifier (text)")
            return None
        # Distinct values in order of first appearance; only new ones need checking.
        new = [v for v in dict.fromkeys(values) if v not in index]
        invalid = {v for v in new if v is not None and not is_valid_id(v)}
        if invalid:
            rows = [i for i, v in enumerate(values) if v in invalid]
            self.report(name, rows, values, "not a valid identifier (blank, padded or has ;|=)")
            return None
        lookup: dict[str | None, int] = index  # type: ignore[assignment]
        for value in new:
            if value is None:
                lookup = dict(index.items())
                lookup[None] = -1
            else:
                index[value] = len(index)
                if lookup is not index:
                    lookup[value] = index[value]
        return np.fromiter(map(lookup.__getitem__, values), np.int32, len(values))

    def kinds(self, values: list[Any]) -> npt.NDArray[np.int8] | None:
        try:
            array = np.fromiter(
                map(_KIND_CODES.get, values, itertools.repeat(-1)), np.int8, len(values)
            )
        except TypeError:
            codes = [-1 if not isinstance(v, str) else _KIND_CODES.get(v, -1) for v in values]
            array = np.array(codes, dtype=np.int8)
        if len(array) and array.min() < 0:
            choices = ", ".join(_KIND_CODES)
            rows = np.flatnonzero(array < 0).tolist()
            self.report("kind", rows, values, f"unknown TieKind value; choose one of: {choices}")
            return None
        return array

    def numbers(self, name: str, values: list[Any]) -> npt.NDArray[np.float64] | None:
        if not set(map(type, values)) <= _NUMBER_TYPES:
            rows = [i for i, v in enumerate(values) if type(v) not in _NUMBER_TYPES]
            self.report(name, rows, values, "expected a number or null")
            return None
        array = np.array(values, dtype=np.float64)
        finite = np.isfinite(array)
        if int(np.count_nonzero(~finite)) != values.count(None):
            rows = [i for i, v in enumerate(values) if v is not None and not math.isfinite(v)]
            self.report(name, rows, values, "expected a finite number")
            return None
        return array

    def dates(self, values: list[Any]) -> npt.NDArray[Any] | None:
        days: dict[object, int] = {None: _NAT_DAYS}
        bad: set[object] = set()
        try:
            unique = set(values)
        except TypeError:
            unique = {v for v in values if isinstance(v, str | type(None))}
            bad.add(object())
        for value in unique:
            if value in days:
                continue
            try:
                days[value] = _parse_iso_date(value).toordinal() - _EPOCH_ORDINAL
            except _BadValueError:
                bad.add(value)
        if bad:
            rows = [
                i
                for i, v in enumerate(values)
                if not isinstance(v, str | type(None)) or (v is not None and v not in days)
            ]
            self.report("since", rows, values, "expected a date as yyyy-mm-dd, or null")
            return None
        array = np.fromiter(map(days.__getitem__, values), np.int64, len(values))
        return array.view("datetime64[D]")

    def flags(self, values: list[Any]) -> npt.NDArray[np.bool_] | None:
        if not set(map(type, values)) <= {bool}:
            rows = [i for i, v in enumerate(values) if type(v) is not bool]
            self.report("directed", rows, values, "expected true or false")
            return None
        return np.array(values, dtype=np.bool_)


def _structure_ties(data: object, _type: object) -> TieStore:
    if not isinstance(data, Mapping):
        raise _BadValueError("expected an object of tie columns", data)
    check = _TieChecker()
    problems = check.problems
    for key in data:
        if key not in TIE_COLUMNS:
            problems.append(
                ((), str(key), None, f"unknown tie column; expected: {', '.join(TIE_COLUMNS)}")
            )
    columns: dict[str, list[Any]] = {}
    for name in TIE_COLUMNS:
        if name not in data:
            if name in ("source", "target"):
                problems.append(((), name, None, "required tie column missing"))
            continue
        column = data[name]
        if not isinstance(column, list):
            problems.append(((), name, None, "a tie column must be a list"))
            continue
        columns[name] = column
    lengths = {name: len(column) for name, column in columns.items()}
    if len(set(lengths.values())) > 1:
        detail = ", ".join(f"{k}: {v}" for k, v in lengths.items())
        problems.append(((), "", None, f"tie columns differ in length ({detail})"))
    if problems:
        raise _TieProblemsError(problems)
    n = len(columns.get("source", ()))
    index: dict[str, int] = {}
    meetings: dict[str, int] = {}
    arrays: dict[str, Any] = {
        "source": check.ids("source", columns["source"], index),
        "target": check.ids("target", columns["target"], index),
    }
    if "kind" in columns:
        arrays["kind"] = check.kinds(columns["kind"])
    for name in ("strength", "trust", "value"):
        if name in columns:
            arrays[name] = check.numbers(name, columns[name])
    if "since" in columns:
        arrays["since"] = check.dates(columns["since"])
    if "met_at" in columns:
        arrays["met_at"] = check.ids("met_at", columns["met_at"], meetings, optional=True)
    if "directed" in columns:
        arrays["directed"] = check.flags(columns["directed"])
    if problems:
        raise _TieProblemsError(problems)
    if n == 0:
        return TieStore.empty()
    return TieStore(ids=tuple(index), meetings=tuple(meetings), **arrays)


# -- the converter ----------------------------------------------------------------------------
def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    for enum_type in _ENUMS:
        converter.register_structure_hook(enum_type, _enum_hook(enum_type))
        converter.register_unstructure_hook(enum_type, _enum_value)
    converter.register_structure_hook(TieStore, _structure_ties)
    converter.register_unstructure_hook(TieStore, _unstructure_ties)
    for cls in MODEL_CLASSES:
        hook = _class_hook(converter, cls)
        if cls is Professional:
            hook = _professional_hook(hook)
        converter.register_structure_hook(cls, hook)
        converter.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)
        )
    return converter


_converter = _make_converter()


def unstructure(obj: object) -> Any:
    """Turn any model object into plain data (dicts, lists, strings, numbers, booleans).

    Example
    -------
    >>> from samenwerking.model import Endorsement, OrganisationId
    >>> unstructure(Endorsement(OrganisationId("o1"), dt.date(2024, 5, 1)))
    {'party': 'o1', 'date': '2024-05-01'}
    """
    return _converter.unstructure(obj)


def structure(data: object, cls: type[T], *, source: str = "", root: str = "$") -> T:
    """Turn plain data into a model object of type ``cls``, checking every value.

    Raises :class:`InvalidRegionError` listing every problem, each located by a JSON
    path that starts at ``root``.

    Example
    -------
    >>> from samenwerking.model import Endorsement
    >>> structure({"party": "o1", "date": "2024-05-01"}, Endorsement).date
    datetime.date(2024, 5, 1)
    """
    try:
        return _converter.structure(data, cls)
    except Exception as exc:
        problems: list[Problem] = []
        _collect(exc, [], problems, source, root)
        raise InvalidRegionError(problems, source=source) from None


def unstructure_region(region: Region) -> dict[str, Any]:
    """Turn a region into plain data, with the ties as columns.

    Example
    -------
    >>> sorted(unstructure_region(Region("Dorp"))["ties"])[:3]
    ['directed', 'kind', 'met_at']
    """
    data: dict[str, Any] = _converter.unstructure(region)
    if "ties" not in data:
        data["ties"] = _unstructure_ties(region.ties)
    return data


def structure_region(data: object, *, source: str, root: str = "$.region") -> Region:
    """Turn plain data (as from :func:`unstructure_region`) into a region.

    Raises :class:`InvalidRegionError` listing every problem found, each with a JSON path
    below ``root`` (``$.region.professionals[3]``), the field and the bad value.

    Example
    -------
    >>> try:
    ...     structure_region({"name": "Dorp", "cases": [{"id": "c1",
    ...         "municipality": "Dorp", "support_level": "huge"}]}, source="x.json")
    ... except InvalidRegionError as error:
    ...     print(error.problems[0].location, error.problems[0].field)
    $.region.cases[0] support_level
    """
    return structure(data, Region, source=source, root=root)


def _location(root: str, path: Sequence[_PathPart]) -> str:
    return root + json_path(tuple(path))[1:]


def _collect(
    exc: BaseException, path: list[_PathPart], out: list[Problem], source: str, root: str
) -> None:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        if isinstance(exc, ClassValidationError):
            named, others = exc.group_exceptions()
            for sub, attribute in named:
                _collect(sub, [*path, attribute.name], out, source, root)
        else:
            indexed, others = exc.group_exceptions()
            for sub, item in indexed:
                _collect(sub, [*path, item.index], out, source, root)
        for rest in others:
            _collect(rest, path, out, source, root)
        return
    if isinstance(exc, BaseExceptionGroup):
        for member in exc.exceptions:
            _collect(member, path, out, source, root)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        names = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields):
            message = "unknown field" + (f"; expected one of: {', '.join(names)}" if names else "")
            out.append(Problem(message, source, _location(root, path), key))
        return
    if isinstance(exc, _TieProblemsError):
        for sub_path, field, value, message in exc.problems:
            out.append(Problem(message, source, _location(root, [*path, *sub_path]), field, value))
        return
    if path and isinstance(path[-1], str):
        parent, field = path[:-1], path[-1]
    else:
        names = [p for p in path if isinstance(p, str)]
        parent, field = path, (names[-1] if names else "")
    where = _location(root, parent)
    if isinstance(exc, _BadValueError):
        out.append(Problem(str(exc), source, where, field, exc.value))
    elif isinstance(exc, KeyError):
        out.append(Problem("required field missing", source, where, field))
    else:
        out.append(Problem(str(exc) or type(exc).__name__, source, where, field))
