"""How regions are cut into content-addressed pieces (no database needed)."""

from __future__ import annotations

import json
import struct
import zlib

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import strategies as s
from samenwerking.model import ProfessionalId, Region, Tie, TieKind, TieStore
from samenwerking.store.encoding import decode_chunk, encode_chunk, join_region, split_region


@given(region=s.regions(), chunk=st.integers(1, 5))
def test_split_then_join_gives_the_region_back(region: Region, chunk: int) -> None:
    pieces = split_region(region, chunk_ties=chunk)
    back = join_region(region.name, pieces.records_by_kind(), pieces.tie_parts())
    assert back == region
    assert back.ties.ids == region.ties.ids
    assert len(pieces.chunks) == -(-len(region.ties) // chunk)


def test_equal_ties_make_equal_chunks_whatever_the_vocabulary_order() -> None:
    ties = [
        Tie(ProfessionalId("a"), ProfessionalId("b"), TieKind.REFERS, strength=2.0),
        Tie(ProfessionalId("b"), ProfessionalId("c")),
    ]
    plain = TieStore.from_ties(ties)
    # The same two ties, but in a store whose vocabulary also holds others, in another order.
    wider = TieStore(
        ids=["z", "c", "b", "a"],
        source=[3, 2],
        target=[2, 1],
        kind=plain.kind,
        strength=plain.column("strength"),
    )
    assert wider == plain
    assert encode_chunk(plain, 0, 2).hash == encode_chunk(wider, 0, 2).hash
    assert encode_chunk(plain, 0, 1).hash != encode_chunk(plain, 0, 2).hash


def test_a_chunk_that_names_its_kinds_in_another_order_is_read_right() -> None:
    store = TieStore.from_ties(
        [Tie(ProfessionalId("a"), ProfessionalId("b"), kind) for kind in TieKind]
    )
    raw = zlib.decompress(encode_chunk(store, 0, len(store)).body)
    (size,) = struct.unpack_from("<I", raw)
    header = json.loads(raw[4 : 4 + size])
    # As a release with the kinds in reverse order would have written it.
    header["kinds"] = header["kinds"][::-1]
    text = json.dumps(header).encode()
    n = header["rows"]
    codes_at = 4 + size + 2 * 4 * n  # after source and target (int32 each)
    codes = np.frombuffer(raw, np.int8, n, codes_at)
    body = raw[4 + size : codes_at] + (len(TieKind) - 1 - codes).astype(np.int8).tobytes()
    body += raw[codes_at + n :]
    _, _, columns = decode_chunk(zlib.compress(struct.pack("<I", len(text)) + text + body))
    assert columns["kind"].tolist() == store.kind.tolist()
