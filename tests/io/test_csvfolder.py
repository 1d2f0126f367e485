"""Tests for the CSV folder format."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import strategies as s
from samenwerking.errors import InvalidRegionError, UnsupportedSourceError
from samenwerking.io import cells, csv_ties
from samenwerking.io.csvfolder import TABLES, read_csv_folder, write_csv_folder
from samenwerking.model import Region, TieKind


@given(s.regions())
def test_round_trip(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    folder = tmp_path_factory.mktemp("csv") / "region"
    write_csv_folder(region, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(TABLES)
    assert read_csv_folder(folder) == region


@given(st.lists(s.texts(), max_size=4))
def test_free_text_lists_round_trip(items: list[str]) -> None:
    assert cells.parse_texts(cells.format_texts(items)) == tuple(items)


@given(st.dictionaries(s.ids(), s.ids(), max_size=3))
def test_identifiers_round_trip(identifiers: dict[str, str]) -> None:
    assert cells.parse_identifiers(cells.format_identifiers(identifiers)) == identifiers


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_are_lossless(number: float) -> None:
    assert cells.parse_float(cells.format_float(number)) == number


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("true", True), ("TRUE", True), ("Yes", True), ("1", True), ("no", False), ("", False)],
)
def test_booleans(cell: str, expected: bool) -> None:
    assert cells.parse_bool(cell) is expected


def test_dutch_dates_and_decimal_commas() -> None:
    assert cells.parse_date("3-9-2024") == cells.parse_date("2024-09-03")
    assert cells.parse_date("03/09/2024") == cells.parse_date("2024-09-03")
    assert cells.parse_float("3,5") == 3.5
    with pytest.raises(cells.CellError):
        cells.parse_date("31-2-2024")


ORGS = (
    "id,name,sector,municipality\n"
    "o1,Gemeente Dorp,municipality,Dorp\n"
    "s1,De Es,primary_school,Dorp\n"
)
PEOPLE = "id,name,role,organisations\np1,A,teacher,s1\np2,B,policy_adviser,o1\n"


def _folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "dorp"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path) -> set[tuple[str, str, str, object]]:
    with pytest.raises(InvalidRegionError) as info:
        read_csv_folder(folder)
    return {(p.source, p.location, p.field, p.value) for p in info.value.problems}


def test_minimal_folder_uses_folder_name_and_defaults(tmp_path: Path) -> None:
    region = read_csv_folder(_folder(tmp_path, organisations=ORGS, professionals=PEOPLE))
    assert region.name == "dorp"
    assert [o.id for o in region.organisations] == ["o1", "s1"]
    assert len(region.ties) == 0


def test_bom_and_semicolons_as_dutch_excel_writes(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        organisations="\ufeff" + ORGS.replace(",", ";"),
        professionals=PEOPLE,
        ties="\ufeffsource;target;kind;strength;since;directed\r\np1;p2;Refers;3,5;2-9-2024;Ja\r\n".replace(
            "Ja", "yes"
        ),
    )
    region = read_csv_folder(folder)
    tie = region.ties[0]
    assert (tie.kind, tie.strength, tie.since.isoformat(), tie.directed) == (  # type: ignore[union-attr]
        TieKind.REFERS,
        3.5,
        "2024-09-02",
        True,
    )


def test_every_problem_in_every_file_is_listed(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        organisations=ORGS + "s2,Bad,school,Dorp\n",
        professionals=PEOPLE + "p3,C,teacher,s9\np4,D,teacher,s1,extra\n",
        ties="source,target,kind,colour\np1,p2,knows,\np1,p9,likes,\n",
        commitments="agreement,party,action\nnope,o1,do\n",
        cases="id,municipality,support_level,opened\nc1,Dorp,basic,31-02-2024\n",
    )
    assert _problems(folder) == {
        ("organisations.csv", "row 4", "sector", "school"),
        ("professionals.csv", "row 4", "organisations", "s9"),
        ("professionals.csv", "row 5", "", None),
        ("ties.csv", "row 1", "colour", None),
        ("ties.csv", "row 3", "kind", "likes"),
        ("commitments.csv", "row 2", "agreement", "nope"),
        ("cases.csv", "row 2", "opened", "31-02-2024"),
    }


def test_references_are_located_by_file_and_row(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        organisations=ORGS,
        professionals=PEOPLE,
        agreements="id,title,theme,level,parties\na1,T,t,policy,o1\n",
        commitments="agreement,party,action,owner\na1,o1,do,p1\na1,o1,do,p7\n",
        ties="source,target\n\np1,p2\n,,\np2,p5\n",
    )
    assert _problems(folder) == {
        ("commitments.csv", "row 3", "owner", "p7"),
        ("ties.csv", "row 5", "target", "p5"),  # the blank rows still count
    }


def test_missing_and_required(tmp_path: Path) -> None:
    folder = _folder(tmp_path, professionals="id,name\np1,\n")
    problems = _problems(folder)
    assert ("organisations.csv", "", "", None) in problems
    assert ("professionals.csv", "row 1", "role", None) in problems
    assert ("professionals.csv", "row 1", "organisations", None) in problems


def test_dropped_rows_do_not_cause_follow_up_problems(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        organisations=ORGS,
        professionals=PEOPLE + "p3,C,juf,s1\n",
        ties="source,target\np1,p3\n",
    )
    assert _problems(folder) == {("professionals.csv", "row 4", "role", "juf")}


def test_refuses_to_overwrite_a_foreign_folder(tmp_path: Path) -> None:
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(UnsupportedSourceError, match="refusing to overwrite"):
        write_csv_folder(Region("r"), folder)
    assert (folder / "chapter1.txt").read_text(encoding="utf-8") == "precious"


def test_overwrites_a_region_folder(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    write_csv_folder(Region("old"), folder)
    write_csv_folder(Region("new"), folder)
    assert read_csv_folder(folder).name == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_failed_write_keeps_old_folder_and_leaves_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "r"
    write_csv_folder(Region("old"), folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def explode(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(csv_ties, "_tie_columns", explode)
    with pytest.raises(RuntimeError):
        write_csv_folder(Region("new"), folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


# -- the column-wise fast path for tables must agree with the row-by-row path ---------------
PROFESSIONAL_CELLS = {
    "id": st.sampled_from(["p1", "p2", " p3", "", "a;b", "p1"]),
    "name": st.sampled_from(["A. Jansen", " B ", "", "C"]),
    "role": st.sampled_from(["teacher", "Alderman", "", "chef"]),
    "organisations": st.sampled_from(["o1", "o1;o2", ";", "", "o 1", "o9"]),
    "capacity": st.sampled_from(["", "3", "-1", "x", " 0"]),
}


@st.composite
def professional_files(draw: st.DrawFn) -> str:
    header = ",".join(PROFESSIONAL_CELLS)
    rows = draw(
        st.lists(
            st.one_of(
                st.tuples(*PROFESSIONAL_CELLS.values()).map(",".join),
                st.sampled_from(["", ",,,,", "p9,N,teacher,o1", "p8,N,teacher,o1,,extra"]),
            ),
            max_size=8,
        )
    )
    return header + "\n" + "".join(row + "\n" for row in rows)


@given(text=professional_files())
def test_fast_tables_agree_with_row_by_row_reading(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    from samenwerking.io import csvfolder

    folder = tmp_path_factory.mktemp("csv")
    (folder / "organisations.csv").write_text(
        "id,name,sector,municipality\no1,G,municipality,D\no2,S,primary_school,D\n",
        encoding="utf-8",
    )
    (folder / "professionals.csv").write_text(text, encoding="utf-8")
    results = []
    for fast in (True, False):
        csvfolder._fast_tables = fast
        try:
            results.append(csvfolder.csv_folder_problems(folder))
        finally:
            csvfolder._fast_tables = True
    assert results[0] == results[1]
