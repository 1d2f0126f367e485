"""Tests for the Parquet folder format: round trips, precise problems, atomic writes."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import samenwerking as sw
import strategies as s
from samenwerking.errors import InvalidRegionError, UnsupportedSourceError
from samenwerking.io import parquet, parquet_ties
from samenwerking.io.parquet import (
    FILES,
    ParquetNotInstalledError,
    read_parquet_folder,
    write_parquet_folder,
)
from samenwerking.model import (
    Agreement,
    AgreementId,
    AgreementLevel,
    Case,
    CaseId,
    Commitment,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    SupportLevel,
    Tie,
    TieKind,
    TieStore,
)
from samenwerking.privacy import BsnLikeValueError

Where = tuple[str, str, str, object]


@given(s.regions())
def test_round_trip(tmp_path_factory: pytest.TempPathFactory, region: Region) -> None:
    folder = tmp_path_factory.mktemp("pq") / "region.parquet"
    write_parquet_folder(region, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    assert read_parquet_folder(folder) == region


@given(s.tie_stores(max_size=20))
def test_tie_store_round_trip(tmp_path_factory: pytest.TempPathFactory, store: TieStore) -> None:
    path = tmp_path_factory.mktemp("ties") / "ties.parquet"
    parquet_ties.write_ties(store, path)
    problems: list[object] = []
    read = parquet_ties.read_ties(path, lambda *problem: problems.append(problem))
    assert problems == []
    assert read == store
    assert read is not None and read.ids == store.ids and read.meetings == store.meetings


@given(s.regions(), st.data())
def test_an_unknown_id_in_any_tie_row_is_named(
    tmp_path_factory: pytest.TempPathFactory, region: Region, data: st.DataObject
) -> None:
    assume(len(region.ties) > 0)
    row = data.draw(st.integers(0, len(region.ties) - 1))
    column = data.draw(st.sampled_from(["source", "target"]))
    folder = tmp_path_factory.mktemp("pq") / "region.parquet"
    write_parquet_folder(region, folder)
    ids = pq.read_table(folder / "ties.parquet").column(column).to_pylist()
    ids[row] = "unknown?"
    _rewrite(folder / "ties.parquet", lambda t: _set_column(t, column, pa.array(ids)))
    assert _problems(folder) == {("ties.parquet", f"row {row}", column, "unknown?")}


def test_ties_are_dictionary_encoded_columns_of_the_store(tmp_path: Path) -> None:
    region = sw.synthetic.region(300, seed=3)
    folder = sw.save(region, tmp_path / "r.parquet")
    ties = pq.read_table(folder / "ties.parquet")
    assert pa.types.is_dictionary(ties.schema.field("source").type)
    assert pa.types.is_dictionary(ties.schema.field("kind").type)
    assert ties.column("source").chunk(0).dictionary.to_pylist() == list(region.ties.ids)
    assert np.array_equal(ties.column("source").chunk(0).indices.to_numpy(), region.ties.source)
    people = pq.read_table(folder / "professionals.parquet")
    assert pa.types.is_dictionary(people.schema.field("role").type)
    assert people.column("id").to_pylist() == [p.id for p in region.professionals]


def test_save_and_load_choose_the_format_by_suffix(tmp_path: Path) -> None:
    region = sw.example_region()
    target = tmp_path / "lindenhoeve.parquet"
    assert sw.save(region, target) == target
    assert target.is_dir() and (target / "ties.parquet").is_file()
    assert sw.load(target) == region
    # Saving again replaces it as Parquet (an existing folder would otherwise be CSV).
    assert sw.save(region.replace(name="Anders"), target) == target
    assert not list(target.glob("*.csv"))
    assert sw.load(target).name == "Anders"
    # An empty folder named *.parquet is read as a Parquet folder.
    empty = tmp_path / "empty.parquet"
    empty.mkdir()
    with pytest.raises(InvalidRegionError, match=r"organisations\.parquet: required file missing"):
        sw.load(empty)


def test_convert_between_every_format(tmp_path: Path) -> None:
    from samenwerking.cli import main

    region = sw.example_region()
    names = {"json": "r.json", "csv": "r", "parquet": "r.parquet", "excel": "r.xlsx"}
    for source_format, source_name in names.items():
        source = sw.save(region, tmp_path / source_format / source_name)
        for target_format, target_name in names.items():
            target = tmp_path / f"{source_format}-to-{target_format}" / target_name
            assert main(["convert", str(source), str(target)]) == 0
            assert sw.load(target) == region, (source_format, target_format)


def test_a_file_from_another_tool_loads(tmp_path: Path) -> None:
    """Plain strings, large strings, narrow integers and float32, as pandas or Spark write."""
    folder = tmp_path / "other.parquet"
    folder.mkdir()
    pq.write_table(
        pa.table(
            {
                "id": pa.array(["o1", "s1"], pa.large_string()),
                "name": ["Gemeente", "School"],
                "sector": ["municipality", "primary_school"],
                "municipality": ["Dorp", "Dorp"],
            }
        ),
        folder / "organisations.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "id": ["p1", "p2"],
                "name": ["A", "B"],
                "role": ["teacher", "policy_adviser"],
                "organisations": pa.array([["s1"], ["o1", "s1"]], pa.large_list(pa.string())),
                "capacity": pa.array([3, None], pa.int8()),
            }
        ),
        folder / "professionals.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "source": ["p1"],
                "target": pa.array(["p2"], pa.large_string()),
                "strength": pa.array([2.5], pa.float32()),
                "since": pa.array([dt.date(2024, 9, 1)], pa.date64()),
            }
        ),
        folder / "ties.parquet",
    )
    region = sw.load(folder)
    assert region.name == "other"
    assert region.professional("p2").organisations == ("o1", "s1")
    assert region.professional("p1").capacity == 3
    assert region.ties[0] == Tie(
        ProfessionalId("p1"), ProfessionalId("p2"), strength=2.5, since=dt.date(2024, 9, 1)
    )


# -- problems -----------------------------------------------------------------------------------
def _saved(tmp_path: Path, region: Region | None = None) -> Path:
    return sw.save(region or _small_region(), tmp_path / "dorp.parquet")


def _small_region() -> Region:
    orgs = (
        Organisation(OrganisationId("o1"), "Gemeente Dorp", Sector.MUNICIPALITY, "Dorp"),
        Organisation(OrganisationId("s1"), "De Es", Sector.PRIMARY_SCHOOL, "Dorp"),
    )
    people = tuple(
        Professional(ProfessionalId(f"p{i}"), f"Persoon {i}", Role.TEACHER, (OrganisationId("s1"),))
        for i in range(1, 5)
    )
    ties = [
        Tie(ProfessionalId("p1"), ProfessionalId("p2"), TieKind.COLLABORATES, strength=3.0),
        Tie(ProfessionalId("p2"), ProfessionalId("p3"), since=dt.date(2023, 1, 5)),
        Tie(ProfessionalId("p3"), ProfessionalId("p4"), directed=True),
    ]
    agreement = Agreement(
        AgreementId("a1"),
        "Thuiszitters",
        "attendance",
        AgreementLevel.OPERATIONAL,
        (OrganisationId("o1"), OrganisationId("s1")),
        commitments=(
            Commitment(OrganisationId("o1"), "Overleg plannen"),
            Commitment(OrganisationId("s1"), "Melden"),
        ),
    )
    return Region("Dorp", orgs, people, ties, agreements=(agreement,))


def _problems(folder: Path, validate: bool = True) -> set[Where]:
    with pytest.raises(InvalidRegionError) as info:
        read_parquet_folder(folder, validate=validate)
    return {(p.source, p.location, p.field, p.value) for p in info.value.problems}


def _rewrite(path: Path, change: object) -> None:
    table = pq.read_table(path)
    pq.write_table(change(table), path)  # type: ignore[operator]


def _set_column(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    return table.set_column(table.schema.get_field_index(name), name, values)


def test_a_wrong_column_type_names_file_and_column(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    _rewrite(
        folder / "ties.parquet",
        lambda t: _set_column(t, "strength", pa.array(["3", None, None])),
    )
    _rewrite(
        folder / "professionals.parquet",
        lambda t: _set_column(t, "capacity", pa.array(["veel", None, None, None])),
    )
    assert _problems(folder) == {
        ("ties.parquet", "", "strength", "string"),
        ("professionals.parquet", "", "capacity", "string"),
    }
    with pytest.raises(InvalidRegionError) as info:
        read_parquet_folder(folder)
    assert "expected a column of number (double)" in str(info.value)
    assert "expected a column of whole number (int64)" in str(info.value)


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    _rewrite(folder / "ties.parquet", lambda t: t.drop_columns(["target"]))
    _rewrite(folder / "professionals.parquet", lambda t: t.drop_columns(["role"]))
    problems = _problems(folder)
    assert ("ties.parquet", "", "target", None) in problems
    assert ("professionals.parquet", "", "role", None) in problems
    with pytest.raises(InvalidRegionError, match="required column missing; expected columns"):
        read_parquet_folder(folder)


def test_an_unknown_column_and_file_are_reported(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    _rewrite(folder / "ties.parquet", lambda t: t.append_column("colour", pa.array(["x"] * 3)))
    pq.write_table(pa.table({"x": [1]}), folder / "extra.parquet")
    assert _problems(folder) == {
        ("ties.parquet", "", "colour", None),
        ("extra.parquet", "", "", None),
    }


def test_unknown_ids_name_file_row_and_column(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    _rewrite(
        folder / "ties.parquet", lambda t: _set_column(t, "target", pa.array(["p2", "p9", "p4"]))
    )
    _rewrite(
        folder / "professionals.parquet",
        lambda t: _set_column(t, "organisations", pa.array([["s1"], ["s1"], ["zz"], ["s1"]])),
    )
    assert _problems(folder) == {
        ("ties.parquet", "row 1", "target", "p9"),
        ("professionals.parquet", "row 2", "organisations", "zz"),
    }


def test_bad_cells_in_the_ties_are_each_named(tmp_path: Path) -> None:
    folder = _saved(tmp_path)

    def spoil(table: pa.Table) -> pa.Table:
        table = _set_column(table, "source", pa.array(["p1", None, " p3"]))
        table = _set_column(table, "kind", pa.array(["knows", "friends", None]))
        return _set_column(table, "trust", pa.array([1.0, float("nan"), float("inf")]))

    _rewrite(folder / "ties.parquet", spoil)
    with pytest.raises(InvalidRegionError) as info:
        read_parquet_folder(folder)
    found = [(p.source, p.location, p.field, p.message) for p in info.value.problems]
    assert sorted(found) == sorted(
        [
            ("ties.parquet", "row 1", "source", "required value missing"),
            (
                "ties.parquet",
                "row 2",
                "source",
                "not a valid identifier (blank, padded or has ;|=)",
            ),
            (
                "ties.parquet",
                "row 1",
                "kind",
                "unknown TieKind value; choose one of: knows, collaborates, refers",
            ),
            ("ties.parquet", "row 1", "trust", "expected a finite number"),
            ("ties.parquet", "row 2", "trust", "expected a finite number"),
        ]
    )
    values = {(p.location, p.field): p.value for p in info.value.problems}
    assert values[("row 2", "source")] == " p3" and values[("row 1", "kind")] == "friends"
    assert values[("row 2", "trust")] == float("inf")


def test_problems_inside_nested_records_name_the_path(tmp_path: Path) -> None:
    folder = _saved(tmp_path)

    def spoil(table: pa.Table) -> pa.Table:
        rows = table.to_pylist()
        rows[0]["commitments"][1]["action"] = None
        rows[0]["commitments"][0]["party"] = "o 1;"
        return pa.Table.from_pylist(rows, schema=table.schema)

    _rewrite(folder / "agreements.parquet", spoil)
    problems = _problems(folder)
    assert ("agreements.parquet", "row 0, commitments[1]", "action", None) in problems
    assert ("agreements.parquet", "row 0, commitments[0]", "party", "o 1;") in problems


def test_a_bad_row_is_dropped_and_references_to_it_are_not_repeated(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    _rewrite(
        folder / "professionals.parquet",
        lambda t: _set_column(t, "role", pa.array(["teacher", "teachr", "teacher", "teacher"])),
    )
    problems = _problems(folder)
    assert problems == {("professionals.parquet", "row 1", "role", "teachr")}


def test_rows_after_a_dropped_row_keep_their_numbers(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    _rewrite(
        folder / "professionals.parquet",
        lambda t: _set_column(t, "organisations", pa.array([["s1"], None, ["s1"], ["nowhere"]])),
    )
    problems = _problems(folder)
    assert ("professionals.parquet", "row 3", "organisations", "nowhere") in problems
    assert any(p[:2] == ("professionals.parquet", "row 1") for p in problems)


def test_a_file_that_is_not_parquet(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    (folder / "organisations.parquet").write_text("id,name\no1,Gemeente\n", encoding="utf-8")
    data = (folder / "ties.parquet").read_bytes()
    (folder / "ties.parquet").write_bytes(data[: len(data) // 2])  # cut off
    for validate in (False, True):  # references to the unreadable file's records: not repeated
        problems = _problems(folder, validate=validate)
        assert {(p[0], p[1]) for p in problems} == {
            ("organisations.parquet", ""),
            ("ties.parquet", ""),
        }
        assert len(problems) == 2
    with pytest.raises(InvalidRegionError, match="not a readable Parquet file"):
        read_parquet_folder(folder)


def test_a_newer_format_version_is_refused(tmp_path: Path) -> None:
    folder = _saved(tmp_path)
    pq.write_table(pa.table({"name": ["Dorp"], "format_version": [99]}), folder / "region.parquet")
    with pytest.raises(InvalidRegionError, match="newer samenwerking") as info:
        read_parquet_folder(folder)
    assert [(p.source, p.location, p.field) for p in info.value.problems] == [
        ("region.parquet", "row 0", "format_version")
    ]


def test_a_bsn_like_case_id_is_located_and_withheld(tmp_path: Path) -> None:
    number = "111222333"  # passes the 11-test
    region = _small_region().replace(cases=(Case(CaseId("c1"), "Dorp", SupportLevel.BASIC),))
    folder = _saved(tmp_path, region)
    _rewrite(folder / "cases.parquet", lambda t: _set_column(t, "id", pa.array([number])))
    with pytest.raises(BsnLikeValueError) as info:
        sw.load(folder)
    assert [(p.source, p.location, p.field) for p in info.value.problems] == [
        ("cases.parquet", "row 0", "id")
    ]
    assert number not in str(info.value)


# -- writing ------------------------------------------------------------------------------------
def test_a_failed_save_leaves_the_old_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _saved(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def crash(store: TieStore, path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(parquet_ties, "write_ties", crash)
    with pytest.raises(OSError, match="disk full"):
        sw.save(sw.example_region(), folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dorp.parquet"]  # nothing left over
    with pytest.raises(OSError, match="disk full"):
        sw.save(sw.example_region(), tmp_path / "new.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dorp.parquet"]


def test_other_folders_are_not_overwritten(tmp_path: Path) -> None:
    other = tmp_path / "photos.parquet"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(UnsupportedSourceError, match="does not look like"):
        sw.save(sw.example_region(), other)
    assert [p.name for p in other.iterdir()] == ["holiday.jpg"]


def test_without_pyarrow_the_error_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _saved(tmp_path)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    for attempt in (lambda: sw.load(folder), lambda: sw.save(Region("x"), tmp_path / "x.parquet")):
        with pytest.raises(ParquetNotInstalledError, match=r"samenwerking\[parquet\]"):
            attempt()
    assert isinstance(ParquetNotInstalledError("x"), ImportError)
    assert not (tmp_path / "x.parquet").exists()


def test_no_options(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedSourceError, match="takes no options"):
        sw.save(Region("x"), tmp_path / "x.parquet", level="organisation")
    assert parquet.ParquetAdapter().can_read(tmp_path) is False
