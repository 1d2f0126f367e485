"""How a region is cut into content-addressed pieces, and put together again.

Records (organisations, professionals, agreements, agendas, working groups, meetings,
cases) become canonical JSON, keyed by the SHA-256 of their kind and text. Ties are cut
into chunks of :data:`CHUNK_TIES` rows; each chunk is self-contained (its own small
vocabulary of ids, sorted, so the same ties give the same bytes in any region) and keyed
by the SHA-256 of its uncompressed bytes. Equal pieces get equal keys, which is how
snapshots share what did not change.

Example
-------
>>> from samenwerking.model import Region
>>> pieces = split_region(Region("Dorp"))
>>> join_region("Dorp", pieces.records_by_kind(), pieces.tie_parts()) == Region("Dorp")
True
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from samenwerking.convert import structure_region, unstructure_region
from samenwerking.model import TIE_COLUMNS, Region, TieKind, TieStore

__all__ = [
    "CHUNK_TIES",
    "ENCODING",
    "RECORD_KINDS",
    "Blob",
    "Pieces",
    "Record",
    "decode_chunk",
    "decode_names",
    "encode_chunk",
    "encode_names",
    "join_region",
    "split_region",
]

ENCODING = 1
"""Version of the way records and chunks are encoded, stored with each snapshot."""

CHUNK_TIES = 65_536
"""Ties per chunk."""

RECORD_KINDS: tuple[str, ...] = tuple(
    a.name for a in attrs.fields(Region) if a.name not in ("name", "ties")
)
"""The region's fields held as records, in the region's order."""

# Column dtypes, little-endian so the bytes (and keys) are the same on every machine.
_DTYPES: dict[str, str] = {
    "source": "<i4",
    "target": "<i4",
    "kind": "i1",
    "strength": "<f8",
    "trust": "<f8",
    "value": "<f8",
    "since": "<i8",
    "met_at": "<i4",
    "directed": "?",
}


# Chunks written before chunks named their kinds used this order.
_FIRST_KINDS = ("knows", "collaborates", "refers")
_KIND_CODE = {kind: code for code, kind in enumerate(TieStore.KINDS)}


def _key(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


@attrs.frozen
class Record:
    """One record as stored: its kind, canonical JSON text and key."""

    kind: str
    body: str
    hash: str


@attrs.frozen
class Blob:
    """A compressed chunk of tie columns (or a vocabulary): key, rows and bytes."""

    hash: str
    rows: int
    body: bytes


@attrs.frozen
class Pieces:
    """A region cut into records and tie chunks."""

    name: str
    records: tuple[Record, ...]
    """Every record, kind by kind, in the region's order."""
    tie_ids: Blob
    """The tie store's vocabulary of professional ids, in its order."""
    tie_meetings: Blob
    """The tie store's vocabulary of meeting ids, in its order."""
    chunks: tuple[Blob, ...]
    """The ties, in order, :data:`CHUNK_TIES` at a time."""

    def records_by_kind(self) -> dict[str, list[str]]:
        """The JSON texts of the records, kind by kind (as :func:`join_region` takes them)."""
        out: dict[str, list[str]] = {}
        for record in self.records:
            out.setdefault(record.kind, []).append(record.body)
        return out

    def tie_parts(self) -> tuple[bytes, bytes, list[bytes]]:
        """The vocabularies and chunks' bytes (as :func:`join_region` takes them)."""
        return self.tie_ids.body, self.tie_meetings.body, [c.body for c in self.chunks]

    def counts(self, ties: int) -> dict[str, int]:
        """How many records of each kind, and ties."""
        counts = dict.fromkeys(RECORD_KINDS, 0)
        for record in self.records:
            counts[record.kind] += 1
        counts["ties"] = ties
        return counts


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def split_region(region: Region, *, chunk_ties: int = CHUNK_TIES) -> Pieces:
    """Cut a region into content-addressed records and tie chunks."""
    data = unstructure_region(region.replace(ties=TieStore.empty()))
    records = []
    for kind in RECORD_KINDS:
        for item in data.get(kind, ()):
            body = _canonical(item)
            records.append(Record(kind, body, _key(kind.encode(), b"\n", body.encode())))
    ties = region.ties
    chunks = tuple(
        encode_chunk(ties, start, min(start + chunk_ties, len(ties)))
        for start in range(0, len(ties), chunk_ties)
    )
    return Pieces(
        name=region.name,
        records=tuple(records),
        tie_ids=encode_names(ties.ids),
        tie_meetings=encode_names(ties.meetings),
        chunks=chunks,
    )


def encode_names(names: Sequence[str]) -> Blob:
    """A vocabulary (a list of ids) as a blob."""
    raw = _canonical(list(names)).encode()
    return Blob(_key(b"names\n", raw), len(names), zlib.compress(raw, 6))


def decode_names(body: bytes) -> list[str]:
    """The vocabulary held by a blob from :func:`encode_names`."""
    names: list[str] = json.loads(zlib.decompress(body))
    return names


def _local(codes: npt.NDArray[Any], names: Sequence[str]) -> tuple[npt.NDArray[Any], list[str]]:
    """Codes into ``names`` recoded into the sorted names they use (``-1`` stays ``-1``)."""
    used = np.unique(codes[codes >= 0])
    local_names = [names[i] for i in used.tolist()]
    order = sorted(range(len(used)), key=local_names.__getitem__)
    remap = np.full(len(names) + 1, -1, dtype=np.int64)
    remap[used[order]] = np.arange(len(used))
    return remap[codes], [local_names[i] for i in order]


def encode_chunk(ties: TieStore, start: int, stop: int) -> Blob:
    """Rows ``start:stop`` of a tie store as a self-contained compressed blob."""
    rows = slice(start, stop)
    endpoints = np.concatenate([ties.source[rows], ties.target[rows]]).astype(np.int64)
    local_ends, ids = _local(endpoints, ties.ids)
    local_met, meetings = _local(ties.column("met_at")[rows].astype(np.int64), ties.meetings)
    n = stop - start
    columns: dict[str, npt.NDArray[Any]] = {
        "source": local_ends[:n],
        "target": local_ends[n:],
        "met_at": local_met,
        "since": ties.column("since")[rows].view(np.int64),
    }
    kinds = [kind.value for kind in TieStore.KINDS]
    header = _canonical({"ids": ids, "kinds": kinds, "meetings": meetings, "rows": n}).encode()
    parts = [struct.pack("<I", len(header)), header]
    for name in TIE_COLUMNS:
        array = columns[name] if name in columns else ties.column(name)[rows]
        parts.append(np.ascontiguousarray(array, dtype=_DTYPES[name]).tobytes())
    raw = b"".join(parts)
    return Blob(_key(b"ties\n", raw), n, zlib.compress(raw, 1))


def decode_chunk(body: bytes) -> tuple[list[str], list[str], dict[str, npt.NDArray[Any]]]:
    """A chunk from :func:`encode_chunk`: its ids, its meetings, and its columns.

    ``source``, ``target`` and ``met_at`` are positions in the chunk's own ids and
    meetings (``-1`` for no meeting).
    """
    raw = zlib.decompress(body)
    (size,) = struct.unpack_from("<I", raw)
    header = json.loads(raw[4 : 4 + size])
    n = header["rows"]
    offset = 4 + size
    columns: dict[str, npt.NDArray[Any]] = {}
    for name in TIE_COLUMNS:
        dtype = np.dtype(_DTYPES[name])
        columns[name] = np.frombuffer(raw, dtype=dtype, count=n, offset=offset)
        offset += dtype.itemsize * n
    columns["since"] = columns["since"].view("datetime64[D]")
    # Kinds are stored as codes into the chunk's own list of kind names, so a release that
    # adds a kind (and renumbers them) still reads old chunks right.
    names = header.get("kinds", _FIRST_KINDS)
    recode = np.array([_KIND_CODE[TieKind(name)] for name in names], dtype=np.int8)
    columns["kind"] = recode[columns["kind"]] if n else columns["kind"]
    return header["ids"], header["meetings"], columns


def _tie_store(ids: list[str], meetings: list[str], chunks: Iterable[bytes]) -> TieStore:
    index = {name: i for i, name in enumerate(ids)}
    meeting_index = {name: i for i, name in enumerate(meetings)}
    parts: dict[str, list[npt.NDArray[Any]]] = {name: [] for name in TIE_COLUMNS}
    for body in chunks:
        local_ids, local_meetings, columns = decode_chunk(body)
        to_id = np.array([index[name] for name in local_ids], dtype=np.int32)
        to_meeting = np.array([meeting_index[m] for m in local_meetings] + [-1], dtype=np.int32)
        for name in TIE_COLUMNS:
            array = columns[name]
            if name in ("source", "target"):
                array = to_id[array]
            elif name == "met_at":
                array = to_meeting[array]
            parts[name].append(array)
    if not parts["source"]:
        return TieStore(ids=ids, meetings=meetings, source=[], target=[])
    return TieStore(
        ids=ids,
        meetings=meetings,
        **{name: np.concatenate(arrays) for name, arrays in parts.items()},
    )


def join_region(
    name: str,
    records: Mapping[str, Sequence[str]],
    ties: tuple[bytes, bytes, Sequence[bytes]],
    *,
    source: str = "",
) -> Region:
    """Put a region together from its records' JSON and its tie blobs.

    Raises :class:`~samenwerking.errors.InvalidRegionError` (naming ``source``) if a record
    no longer fits the model.
    """
    data: dict[str, Any] = {"name": name}
    for kind in RECORD_KINDS:
        if records.get(kind):
            data[kind] = [json.loads(body) for body in records[kind]]
    region = structure_region(data, source=source, root="$")
    ids_body, meetings_body, chunks = ties
    store = _tie_store(decode_names(ids_body), decode_names(meetings_body), chunks)
    return region.replace(ties=store)
