"""Tests for ties.csv: the fast byte path must agree with the precise cell-by-cell path."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.errors import InvalidRegionError, Problem
from samenwerking.io import csv_ties
from samenwerking.io.csvfolder import read_csv_folder
from samenwerking.model import ProfessionalId, Tie, TieStore

HEADER = "source,target,kind,strength,since,met_at,directed\n"
PEOPLE = "id,name,role,organisations\n" + "".join(f"p{i},N{i},teacher,o1\n" for i in range(6))
ORGS = "id,name,sector,municipality\no1,Gemeente,municipality,Dorp\n"

# Cells that are good, padded, empty, or wrong in ways each parser must name.
ID_CELLS = st.sampled_from(["p0", "p1", "p2", "p3", " p4", "p5", "", "a;b", "p1 "])
KIND_CELLS = st.sampled_from(["knows", "Refers", "", " collaborates", "likes"])
NUMBER_CELLS = st.sampled_from(["", "3", "2.5", "1e3", " 4", "x", "inf", "1_0", "-0.0"])
DATE_CELLS = st.sampled_from(["", "2024-09-03", "3-9-2024", "2024-02-30", "0000-01-01", "x"])
FLAG_CELLS = st.sampled_from(["", "true", "FALSE", "yes", "0", "maybe"])
MEETING_CELLS = st.sampled_from(["", "m1", "m2", "m;3"])


@st.composite
def tie_files(draw: st.DrawFn) -> str:
    rows = draw(
        st.lists(
            st.tuples(
                ID_CELLS, ID_CELLS, KIND_CELLS, NUMBER_CELLS, DATE_CELLS, MEETING_CELLS, FLAG_CELLS
            ),
            max_size=12,
        )
    )
    return HEADER + "".join(",".join(row) + "\n" for row in rows)


class _Sink:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, file: str, row: int, field: str, value: object, message: str) -> None:
        self.problems.append(Problem(message, file, f"row {row}", field, value))


def _read(path: Path, byte_path: bool) -> tuple[list[Problem], dict[str, list[object]] | None]:
    csv_ties._byte_path = byte_path
    try:
        sink = _Sink()
        read = csv_ties.read_ties(path, sink, lambda header: True)
    finally:
        csv_ties._byte_path = True
    assert read is not None
    columns = None if read.store is None else read.store.to_columns()
    return sink.problems, columns


@given(text=tie_files())
def test_byte_path_agrees_with_precise_path(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("ties") / "ties.csv"
    path.write_text(text, encoding="utf-8")
    assert _read(path, True) == _read(path, False)


@given(text=tie_files())
def test_crlf_files_read_like_lf_files(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("ties")
    unix, windows = folder / "unix.csv", folder / "windows.csv"
    unix.write_text(text, encoding="utf-8")
    windows.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert _read(unix, True) == _read(windows, True)


def test_bad_cells_are_named_precisely(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "organisations.csv").write_text(ORGS, encoding="utf-8")
    (folder / "professionals.csv").write_text(PEOPLE, encoding="utf-8")
    (folder / "ties.csv").write_text(
        HEADER + "p0,p1,knows,3,2024-09-03,,true\n" + "p1,p2,knows,x,2024-02-30,,maybe\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidRegionError) as info:
        read_csv_folder(folder)
    found = {(p.location, p.field, p.value, p.message) for p in info.value.problems}
    assert found == {
        ("row 3", "strength", "x", "expected a number"),
        ("row 3", "since", "2024-02-30", "expected a date as yyyy-mm-dd (or d-m-yyyy)"),
        ("row 3", "directed", "maybe", "expected true or false (or yes/no, 1/0)"),
    }


def test_ids_keep_order_of_first_appearance(tmp_path: Path) -> None:
    path = tmp_path / "ties.csv"
    path.write_text("source,target\nb,a\nc,b\na,d\n", encoding="utf-8")
    read = csv_ties.read_ties(path, _Sink(), lambda header: True)
    assert read is not None and read.store is not None
    assert read.store.ids == ("b", "c", "a", "d")


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b,c", 'q"d', "e"]), st.sampled_from(["f", "g"])),
        max_size=6,
    )
)
def test_written_ties_read_back(pairs: list[tuple[str, str]]) -> None:
    store = TieStore.from_ties(Tie(ProfessionalId(s), ProfessionalId(t)) for s, t in pairs)
    out = io.StringIO(newline="")
    csv_ties.write_ties(store, out)
    sink = _Sink()
    lines = out.getvalue()
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ties.csv"
        path.write_text(lines, encoding="utf-8")
        read = csv_ties.read_ties(path, sink, lambda header: True)
    assert read is not None
    assert read.store == store
    assert sink.problems == []


@given(
    st.lists(
        st.binary(min_size=0, max_size=19).filter(lambda b: b"\0" not in b), min_size=1, max_size=60
    ),
    st.integers(1, 30),
)
def test_grouping_cells_finds_equal_cells(cells_: list[bytes], distinct: int) -> None:
    # Few distinct cells (grouped without sorting) and many (grouped by sorting) alike.
    cells_ = [cells_[i % min(distinct, len(cells_))] for i in range(len(cells_) * 2)]
    data = b"".join(c + b"\n" for c in cells_)
    ends = np.cumsum([len(c) + 1 for c in cells_]) - 1
    block = csv_ties._Block(
        data, (ends - [len(c) for c in cells_]).reshape(-1, 1), ends.reshape(-1, 1)
    )
    texts, inverse, first = csv_ties._group(block.matrix(0))
    assert [texts[i] for i in inverse] == cells_
    assert sorted(first.tolist()) == sorted(cells_.index(c) for c in set(cells_))
    assert len(texts) == len(set(cells_))


@given(text=tie_files(), copies=st.integers(2, 5))
def test_byte_path_agrees_on_longer_files(
    tmp_path_factory: pytest.TempPathFactory, text: str, copies: int
) -> None:
    # Repeated rows give columns with more distinct cells than the unsorted grouping takes.
    head, _, body = text.partition("\n")
    rows = body.splitlines()
    many = [row.replace("p", f"q{k}x", 1) for k in range(copies) for row in rows]
    path = tmp_path_factory.mktemp("ties") / "ties.csv"
    path.write_text(head + "\n" + "".join(r + "\n" for r in many), encoding="utf-8")
    assert _read(path, True) == _read(path, False)
