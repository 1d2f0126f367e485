"""Suppressed tables as CSV: the layout, the marker, and the round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from samenwerking.cases import CaseArgumentError, PublishedTable, TableFormatError
from samenwerking.cases.tables import read_table_csv, table_csv_text, write_table_csv
from samenwerking.privacy import suppress

LABELS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)


@st.composite
def suppressed_tables(draw: st.DrawFn):  # type: ignore[no-untyped-def]
    shape = draw(hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=4))
    counts = draw(hnp.arrays(np.int64, shape, elements=st.integers(0, 30)))
    rows = draw(st.lists(LABELS, min_size=shape[0], max_size=shape[0]))
    cols = draw(st.lists(LABELS, min_size=shape[1], max_size=shape[1]))
    threshold = draw(st.integers(1, 10))
    return suppress(counts, threshold=threshold, row_labels=rows, column_labels=cols)


@given(suppressed_tables(), LABELS, st.sampled_from(["x", "<5", "geheim", ".."]))
def test_round_trip_preserves_what_was_published(
    tmp_path_factory: pytest.TempPathFactory,
    table,
    corner: str,
    marker: str,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path_factory.mktemp("tables") / "t.csv"
    assert write_table_csv(table, path, corner=corner, marker=marker) == path
    back = read_table_csv(path, marker=marker)
    assert back == PublishedTable.of(table, corner=corner)
    # written again, the file is the same: nothing is lost or added
    assert table_csv_text(back, marker=marker) == path.read_bytes().decode("utf-8")
    assert not [p for p in path.parent.iterdir() if p.name != "t.csv"]


def test_layout_and_one_marker_for_primary_and_secondary() -> None:
    table = suppress(
        [[12, 3, 20], [15, 9, 30], [10, 11, 40]],
        row_labels=["a", "b", "c"],
        column_labels=["p", "q", "r"],
    )
    assert table.primary and table.secondary
    assert table_csv_text(table, corner="town").splitlines() == [
        "town,p,q,r,total",
        "a,x,x,20,35",
        "b,15,9,30,54",
        "c,x,x,40,61",
        "total,37,23,90,150",
    ]


@pytest.mark.parametrize("marker", ["", " ", "5", "-3", "a\nb", None])
def test_markers_that_could_be_read_as_counts_are_refused(marker: object) -> None:
    with pytest.raises(CaseArgumentError, match="marker"):
        table_csv_text(suppress([[1]]), marker=marker)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("a,b\n1,2\n", "not a published table"),
        ("town,p,total\nA,1\ntotal,1,1\n", "row 2.*expected 3 cells"),
        ("town,p,total\nA,one,1\ntotal,1,1\n", "row 2, field 'p'.*expected a count"),
    ],
)
def test_reading_a_bad_file_names_row_and_column(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(TableFormatError, match=match):
        read_table_csv(path)
