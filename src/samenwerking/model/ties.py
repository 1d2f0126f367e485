"""Ties between professionals, held column by column so that millions of them fit.

A :class:`Tie` is a friendly, frozen view of one row; a :class:`TieStore` holds all rows
as numpy arrays (about 40 bytes a tie), indexing endpoints into a vocabulary of ids.

Example
-------
>>> store = TieStore.from_ties([
...     Tie(ProfessionalId("a"), ProfessionalId("b"), TieKind.COLLABORATES, strength=3.0),
...     Tie(ProfessionalId("b"), ProfessionalId("c")),
... ])
>>> len(store), store[0].strength, store.ids
(2, 3.0, ('a', 'b', 'c'))
"""

from __future__ import annotations

import contextvars
import datetime as dt
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
from attrs import field, frozen

from samenwerking.model.ids import MeetingId, ProfessionalId, check_id
from samenwerking.model.vocabulary import TieKind

__all__ = ["TIE_COLUMNS", "Tie", "TieStore"]

_KINDS: tuple[TieKind, ...] = tuple(TieKind)
_KIND_CODE: dict[TieKind, int] = {kind: code for code, kind in enumerate(_KINDS)}
_EPOCH = dt.date(1970, 1, 1)
_NAT = np.datetime64("NaT", "D")
_ADOPTING: contextvars.ContextVar[bool] = contextvars.ContextVar("adopting", default=False)

TIE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "kind",
    "strength",
    "trust",
    "value",
    "since",
    "met_at",
    "directed",
)
"""The columns of a tie, in file order."""


def _optional_score(_instance: Any, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{attribute.name} must be a finite number or None (got {value!r})")


def _to_float(value: float | None) -> float | None:
    return None if value is None else float(value)


@frozen
class Tie:
    """One professional knowing, working with or referring to another."""

    source: ProfessionalId = field(validator=check_id)
    """The professional who reports (or one end of an undirected) tie."""
    target: ProfessionalId = field(validator=check_id)
    """The professional at the other end."""
    kind: TieKind = field(default=TieKind.KNOWS, converter=TieKind)
    """Knows, collaborates or refers."""
    strength: float | None = field(default=None, converter=_to_float, validator=_optional_score)
    """How strong or frequent the contact is, on the source's scale (e.g. 1-5)."""
    trust: float | None = field(default=None, converter=_to_float, validator=_optional_score)
    """How much the source trusts the target (PARTNER-style, e.g. 1-4)."""
    value: float | None = field(default=None, converter=_to_float, validator=_optional_score)
    """How valuable the source finds the target (PARTNER-style, e.g. 1-4)."""
    since: dt.date | None = None
    """When they first met or began working together."""
    met_at: MeetingId | None = field(default=None, validator=check_id)
    """The meeting where the tie began, if known."""
    directed: bool = False
    """True for a survey answer that only the source gave."""


def _float_column(values: Iterable[float | None]) -> npt.NDArray[np.float64]:
    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


class TieStore(Sequence[Tie]):
    """All ties of a region as parallel numpy columns.

    Endpoints are ``int32`` positions in :attr:`ids`; missing numbers are ``NaN``,
    missing dates ``NaT`` and missing meetings ``-1`` (positions in :attr:`meetings`).
    Stores are immutable: build a new one with :meth:`from_ties`, :meth:`from_columns`,
    :meth:`concat` or :meth:`select`. The columns are copied (:meth:`adopt` does not).
    """

    __slots__ = (
        "_directed",
        "_ids",
        "_kind",
        "_meetings",
        "_met_at",
        "_since",
        "_source",
        "_strength",
        "_target",
        "_trust",
        "_value",
    )

    def __init__(
        self,
        *,
        ids: Sequence[str],
        source: npt.ArrayLike,
        target: npt.ArrayLike,
        kind: npt.ArrayLike | None = None,
        strength: npt.ArrayLike | None = None,
        trust: npt.ArrayLike | None = None,
        value: npt.ArrayLike | None = None,
        since: npt.ArrayLike | None = None,
        meetings: Sequence[str] = (),
        met_at: npt.ArrayLike | None = None,
        directed: npt.ArrayLike | None = None,
    ) -> None:
        as_array = np.asarray if _ADOPTING.get() else np.array
        self._ids: tuple[ProfessionalId, ...] = tuple(ProfessionalId(i) for i in ids)
        self._meetings: tuple[MeetingId, ...] = tuple(MeetingId(m) for m in meetings)
        self._source = _readonly(as_array(source, dtype=np.int32).reshape(-1))
        n = len(self._source)

        def column(data: npt.ArrayLike | None, dtype: Any, fill: Any) -> npt.NDArray[Any]:
            if data is None:
                return _readonly(np.full(n, fill, dtype=dtype))
            array = as_array(data, dtype=dtype).reshape(-1)
            if len(array) != n:
                raise ValueError(f"tie columns differ in length ({len(array)} != {n})")
            return _readonly(array)

        self._target = column(target, np.int32, 0)
        self._kind = column(kind, np.int8, 0)
        self._strength = column(strength, np.float64, math.nan)
        self._trust = column(trust, np.float64, math.nan)
        self._value = column(value, np.float64, math.nan)
        self._since = column(since, "datetime64[D]", _NAT)
        self._met_at = column(met_at, np.int32, -1)
        self._directed = column(directed, np.bool_, False)
        if n:
            for name, codes, size in (
                ("source", self._source, len(self._ids)),
                ("target", self._target, len(self._ids)),
                ("kind", self._kind, len(_KINDS)),
            ):
                if codes.min() < 0 or codes.max() >= size:
                    raise ValueError(f"tie column {name!r} has codes outside 0..{size - 1}")
            if self._met_at.min() < -1 or self._met_at.max() >= len(self._meetings):
                raise ValueError("tie column 'met_at' has codes outside the meetings")

    # -- construction ---------------------------------------------------------------
    @classmethod
    def adopt(cls, *, ids: Sequence[str], **columns: npt.NDArray[Any] | Sequence[str]) -> TieStore:
        """A store that holds the given arrays themselves, without copying them.

        For readers of millions of ties, which own the arrays they made: an array that
        already has its column's dtype is kept (the store's view of it is read-only, and
        the caller must not write to it afterwards), so no second copy of the columns is
        ever in memory. Takes the arguments of the constructor.

        Example
        -------
        >>> source, target = np.array([0], np.int32), np.array([1], np.int32)
        >>> store = TieStore.adopt(ids=("a", "b"), source=source, target=target)
        >>> np.shares_memory(store.source, source), store.source.flags.writeable
        (True, False)
        """
        token = _ADOPTING.set(True)
        try:
            return cls(ids=ids, **columns)  # type: ignore[arg-type]
        finally:
            _ADOPTING.reset(token)

    @classmethod
    def empty(cls) -> TieStore:
        """A store without ties."""
        return cls(ids=(), source=np.empty(0, np.int32), target=np.empty(0, np.int32))

    @classmethod
    def from_ties(cls, ties: Iterable[Tie]) -> TieStore:
        """Build a store from :class:`Tie` objects (convenient, not for millions)."""
        rows = list(ties)
        return cls.from_columns(
            source=[t.source for t in rows],
            target=[t.target for t in rows],
            kind=[t.kind for t in rows],
            strength=[t.strength for t in rows],
            trust=[t.trust for t in rows],
            value=[t.value for t in rows],
            since=[t.since for t in rows],
            met_at=[t.met_at for t in rows],
            directed=[t.directed for t in rows],
        )

    @classmethod
    def from_columns(
        cls,
        *,
        source: Sequence[str],
        target: Sequence[str],
        kind: Sequence[str | TieKind] | None = None,
        strength: Sequence[float | None] | None = None,
        trust: Sequence[float | None] | None = None,
        value: Sequence[float | None] | None = None,
        since: Sequence[dt.date | None] | None = None,
        met_at: Sequence[str | None] | None = None,
        directed: Sequence[bool] | None = None,
    ) -> TieStore:
        """Build a store from plain Python columns of ids, kinds, numbers and dates.

        Raises ``ValueError`` for an unknown kind; check values first for friendlier errors.
        """
        index: dict[str, int] = {}
        add = index.setdefault
        src = np.fromiter((add(s, len(index)) for s in source), np.int32, len(source))
        tgt = np.fromiter((add(t, len(index)) for t in target), np.int32, len(target))
        meeting_index: dict[str, int] = {}
        met = None
        if met_at is not None:
            madd = meeting_index.setdefault
            met = np.fromiter(
                (-1 if m is None else madd(m, len(meeting_index)) for m in met_at),
                np.int32,
                len(met_at),
            )
        return cls(
            ids=tuple(index),
            source=src,
            target=tgt,
            kind=None if kind is None else [_KIND_CODE[TieKind(k)] for k in kind],
            strength=None if strength is None else _float_column(strength),
            trust=None if trust is None else _float_column(trust),
            value=None if value is None else _float_column(value),
            since=None
            if since is None
            else np.array([_NAT if d is None else np.datetime64(d, "D") for d in since]),
            meetings=tuple(meeting_index),
            met_at=met,
            directed=directed,
        )

    @classmethod
    def concat(cls, stores: Iterable[TieStore]) -> TieStore:
        """Join stores into one, merging their id vocabularies.

        The first store's vocabularies come first, in their order, so its codes stay as
        they are; the ids another store adds follow.

        Example
        -------
        >>> a = TieStore(ids=("x", "y"), source=[0], target=[1])
        >>> b = TieStore(ids=("y", "z"), source=[0], target=[1])
        >>> joined = TieStore.concat([a, b])
        >>> joined.ids, joined.source.tolist(), joined.target.tolist()
        (('x', 'y', 'z'), [0, 1], [1, 2])
        """
        parts = list(stores)
        if not parts:
            return cls.empty()
        ids: dict[str, int] = {}
        meetings: dict[str, int] = {}
        columns: dict[str, list[npt.NDArray[Any]]] = {c: [] for c in TIE_COLUMNS}
        for store in parts:
            remap = _merge_vocabulary(ids, store.ids)
            mremap = _merge_vocabulary(meetings, store.meetings)
            for name, codes in (("source", store.source), ("target", store.target)):
                columns[name].append(codes if remap is None else remap[codes])
            met_at = store.column("met_at")
            if mremap is not None:
                met_at = np.append(mremap, np.int32(-1))[met_at]
            columns["met_at"].append(met_at)
            for name in ("kind", "strength", "trust", "value", "since", "directed"):
                columns[name].append(store.column(name))
        # The concatenated columns are new arrays of the right dtypes: no second copy.
        return cls.adopt(
            ids=tuple(ids),
            meetings=tuple(meetings),
            **{name: np.concatenate(arrays) for name, arrays in columns.items()},
        )

    def select(self, rows: npt.ArrayLike) -> TieStore:
        """A new store with only the given rows (a boolean mask or integer positions)."""
        pick = np.asarray(rows)
        return TieStore.adopt(  # indexing made new arrays of the columns' dtypes: no copy
            ids=self._ids,
            meetings=self._meetings,
            **{name: self.column(name)[pick] for name in TIE_COLUMNS},
        )

    # -- columns ----------------------------------------------------------------------
    @property
    def ids(self) -> tuple[ProfessionalId, ...]:
        """The endpoint vocabulary: ``source`` and ``target`` index into it."""
        return self._ids

    @property
    def meetings(self) -> tuple[MeetingId, ...]:
        """The meeting vocabulary: ``met_at`` indexes into it (``-1`` for none)."""
        return self._meetings

    @property
    def source(self) -> npt.NDArray[np.int32]:
        """Position of each tie's source in :attr:`ids`."""
        return self._source

    @property
    def target(self) -> npt.NDArray[np.int32]:
        """Position of each tie's target in :attr:`ids`."""
        return self._target

    @property
    def kind(self) -> npt.NDArray[np.int8]:
        """Code of each tie's kind: the position in :data:`TieStore.KINDS`."""
        return self._kind

    KINDS: tuple[TieKind, ...] = _KINDS
    """The tie kinds in code order."""

    def column(self, name: str) -> npt.NDArray[Any]:
        """The raw array of one column, by name (see :data:`TIE_COLUMNS`)."""
        if name not in TIE_COLUMNS:
            raise KeyError(f"no tie column {name!r}; columns are {', '.join(TIE_COLUMNS)}")
        array: npt.NDArray[Any] = getattr(self, "_" + name)
        return array

    def source_ids(self) -> list[ProfessionalId]:
        """The source id of every tie, as a list."""
        ids = self._ids
        return [ids[i] for i in self._source.tolist()]

    def target_ids(self) -> list[ProfessionalId]:
        """The target id of every tie, as a list."""
        ids = self._ids
        return [ids[i] for i in self._target.tolist()]

    def to_columns(self) -> dict[str, list[Any]]:
        """Plain Python columns (ids, kind names, ``None`` for missing), for writers."""
        meetings = self._meetings

        def floats(array: npt.NDArray[np.float64]) -> list[float | None]:
            return [None if math.isnan(v) else v for v in array.tolist()]

        return {
            "source": self.source_ids(),
            "target": self.target_ids(),
            "kind": [_KINDS[k].value for k in self._kind.tolist()],
            "strength": floats(self._strength),
            "trust": floats(self._trust),
            "value": floats(self._value),
            "since": [None if d is None else d for d in self._since.astype(object).tolist()],
            "met_at": [None if m < 0 else meetings[m] for m in self._met_at.tolist()],
            "directed": self._directed.tolist(),
        }

    # -- sequence protocol -------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._source)

    def __getitem__(self, index: int) -> Tie:  # type: ignore[override]
        if not isinstance(index, int | np.integer):
            raise TypeError("index a TieStore with an int; use select() for many rows")
        i = int(index)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"tie index {index} out of range for {len(self)} ties")

        def number(array: npt.NDArray[np.float64]) -> float | None:
            v = float(array[i])
            return None if math.isnan(v) else v

        since = self._since[i]
        met = int(self._met_at[i])
        return Tie(
            source=self._ids[self._source[i]],
            target=self._ids[self._target[i]],
            kind=_KINDS[self._kind[i]],
            strength=number(self._strength),
            trust=number(self._trust),
            value=number(self._value),
            since=None if np.isnat(since) else since.astype(object),
            met_at=None if met < 0 else self._meetings[met],
            directed=bool(self._directed[i]),
        )

    def __iter__(self) -> Iterator[Tie]:
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        """Stores are equal when they hold the same ties in the same order."""
        if not isinstance(other, TieStore):
            return NotImplemented
        if len(self) != len(other):
            return False
        if self._ids == other._ids and self._meetings == other._meetings:
            return all(_columns_equal(self.column(c), other.column(c)) for c in TIE_COLUMNS)
        return self.to_columns() == other.to_columns()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<TieStore: {len(self)} ties among {len(self._ids)} professionals>"

    @property
    def nbytes(self) -> int:
        """Memory held by the columns, in bytes (ids not counted)."""
        return sum(self.column(c).nbytes for c in TIE_COLUMNS)


def _columns_equal(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> bool:
    if a.dtype.kind == "M":
        a_nat, b_nat = np.isnat(a), np.isnat(b)
        return bool(np.array_equal(a_nat, b_nat) and np.array_equal(a[~a_nat], b[~b_nat]))
    return bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))


def as_tie_store(ties: TieStore | Iterable[Tie] | Mapping[str, Any]) -> TieStore:
    """Accept a store, an iterable of :class:`Tie` or a mapping of columns."""
    if isinstance(ties, TieStore):
        return ties
    if isinstance(ties, Mapping):
        return TieStore.from_columns(**ties)
    return TieStore.from_ties(ties)


def _merge_vocabulary(
    vocabulary: dict[str, int], names: Sequence[str]
) -> npt.NDArray[np.int32] | None:
    """Add ``names`` to ``vocabulary`` (name -> code) and return each name's new code, or
    ``None`` when every name keeps its own position (the first store's usual case)."""
    if not vocabulary:
        vocabulary.update(zip(names, range(len(names)), strict=True))
        if len(vocabulary) == len(names):  # distinct names: the codes stay
            return None
        vocabulary.clear()
    return np.array([vocabulary.setdefault(n, len(vocabulary)) for n in names], dtype=np.int32)
