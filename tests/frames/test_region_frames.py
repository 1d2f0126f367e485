"""Tests for Region.to_frames() and sw.from_frames(): the CSV folder's tables as DataFrames."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import samenwerking as sw
import strategies as s
from samenwerking.errors import InvalidRegionError
from samenwerking.io.csvfolder import TABLES
from samenwerking.io.frames import FRAMES
from samenwerking.model import Region


@given(s.regions())
def test_round_trip(region: Region) -> None:
    frames = region.to_frames()
    assert list(frames) == list(FRAMES)
    assert sw.from_frames(frames, name=region.name) == region


@given(s.regions())
def test_round_trip_without_index(region: Region) -> None:
    """Frames with the id as a column instead of the index read the same."""
    frames = {name: frame.reset_index() for name, frame in region.to_frames().items()}
    frames = {
        name: frame.drop(columns="index") if "index" in frame else frame
        for name, frame in frames.items()
    }
    assert sw.from_frames(frames, name=region.name) == region


def test_columns_are_the_csv_folder_columns() -> None:
    frames = sw.example_region().to_frames()
    for name, frame in frames.items():
        columns = [c.name for c in TABLES[f"{name}.csv"]]
        assert [*[n for n in frame.index.names if n], *frame.columns] == columns, name


def test_values_match_the_records() -> None:
    region = sw.example_region()
    frames = region.to_frames()
    person = region.professionals[3]
    row = frames["professionals"].loc[person.id]
    assert row["name"] == person.name
    assert row["role"] == person.role.value
    assert row["organisations"] == person.organisations
    assert (pd.NA if person.capacity is None else person.capacity) is row["capacity"] or (
        row["capacity"] == person.capacity
    )
    ties = frames["ties"]
    assert len(ties) == len(region.ties)
    tie = region.ties[5]
    assert (ties.loc[5, "source"], ties.loc[5, "target"]) == (tie.source, tie.target)
    assert ties.loc[5, "kind"] == tie.kind.value
    assert str(ties["since"].dtype).startswith("datetime64")
    assert str(frames["professionals"]["capacity"].dtype) == "Int64"
    case = region.cases[0]
    assert frames["cases"].loc[case.id, "support_level"] == case.support_level.value
    assert len(frames["case_events"]) == sum(len(c.events) for c in region.cases)


def _organisations() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["o1", "o2"],
            "name": ["Gemeente Dorp", "De Linde"],
            "sector": ["municipality", "primary_school"],
            "municipality": ["Dorp", "Dorp"],
        }
    ).set_index("id")


def test_cell_problems_name_frame_row_and_column() -> None:
    organisations = _organisations()
    organisations.loc["o2", "sector"] = "basisschool"
    professionals = pd.DataFrame(
        {
            "name": ["A", "B"],
            "role": ["teacher", "teacher"],
            "organisations": [("o1",), ("o9",)],
            "capacity": ["3", "many"],
        },
        index=pd.Index(["p1", "p2"], name="id"),
    )
    with pytest.raises(InvalidRegionError) as caught:
        sw.from_frames({"organisations": organisations, "professionals": professionals}, name="D")
    problems = {(p.source, p.location, p.field, p.value) for p in caught.value.problems}
    assert ("organisations frame", "row 'o2'", "sector", "basisschool") in problems
    assert ("professionals frame", "row 'p2'", "capacity", "many") in problems


def test_reference_problems_name_the_row() -> None:
    ties = pd.DataFrame({"source": ["p1"], "target": ["p9"]})
    professionals = pd.DataFrame(
        {"id": ["p1"], "name": ["A"], "role": ["teacher"], "organisations": ["o1"]}
    )
    with pytest.raises(InvalidRegionError) as caught:
        sw.from_frames(
            {"organisations": _organisations(), "professionals": professionals, "ties": ties},
            name="D",
        )
    [problem] = caught.value.problems
    assert (problem.source, problem.location, problem.value) == ("ties frame", "row 0", "p9")
    assert "unknown professional" in problem.message


def test_unknown_frames_and_columns_and_missing_organisations() -> None:
    with pytest.raises(InvalidRegionError) as caught:
        sw.from_frames(
            {
                "people": pd.DataFrame({"id": ["p1"]}),
                "meetings": pd.DataFrame(
                    {"id": ["m1"], "name": ["Café"], "kind": ["cafe"], "colour": ["red"]}
                ),
            },
            name="D",
        )
    text = str(caught.value)
    assert "people: unknown frame; expected: organisations, professionals" in text
    assert "organisations frame: required frame missing" in text
    assert "meetings frame, columns, field 'colour': unknown column" in text


def test_not_a_frame() -> None:
    with pytest.raises(InvalidRegionError, match="expected a pandas DataFrame, got dict"):
        sw.from_frames({"organisations": {"id": ["o1"]}}, name="D")  # type: ignore[dict-item]


def test_cell_text_is_accepted() -> None:
    """Cells may hold the CSV folder's own text: lists with ';', Dutch dates."""
    region = sw.from_frames(
        {
            "organisations": _organisations(),
            "professionals": pd.DataFrame(
                {"id": ["p1"], "name": ["A"], "role": ["teacher"], "organisations": ["o1;o2"]}
            ),
            "meetings": pd.DataFrame(
                {"id": ["m1"], "name": ["Café"], "kind": ["sociaal_cafe"], "date": ["3-9-2024"]}
            ),
        },
        name="Dorp",
    )
    assert region.professionals[0].organisations == ("o1", "o2")
    assert str(region.meetings[0].date) == "2024-09-03"
    assert region.name == "Dorp"


@given(s.regions(), st.data())
def test_a_bad_cell_is_named_by_frame_row_and_column(region: Region, data: st.DataObject) -> None:
    frames = region.to_frames()
    organisations = frames["organisations"].copy()
    label = data.draw(st.sampled_from(list(organisations.index)))
    organisations.loc[label, "sector"] = "nope"
    frames["organisations"] = organisations
    with pytest.raises(InvalidRegionError) as caught:
        sw.from_frames(frames, name=region.name)
    [problem] = caught.value.problems
    assert (problem.source, problem.location, problem.field, problem.value) == (
        "organisations frame",
        f"row {label!r}",
        "sector",
        "nope",
    )


@given(s.regions())
def test_island_frames_cover_every_professional_once(region: Region) -> None:
    found = sw.analysis.islands(sw.compact_graph(region))
    members = found.to_frames()["members"]
    assert sorted(members.index) == sorted(p.id for p in region.professionals)
    sizes = members["island"].value_counts().sort_index().tolist()
    assert sizes == found.to_frame()["size"].tolist()
