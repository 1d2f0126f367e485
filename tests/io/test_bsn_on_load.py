"""Values that look like a BSN are rejected on load, for every format, and never shown.

The numbers are made up: eight digits plus the check digit that passes the 11-test.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from samenwerking.errors import InvalidRegionError, SamenwerkingError
from samenwerking.io.api import load, save
from samenwerking.model import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseId,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    SupportLevel,
)
from samenwerking.privacy import BsnLikeValueError, PrivacyError, looks_like_bsn

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def fictional_bsn(prefix: str) -> str:
    """``prefix`` (8 digits) plus the check digit that passes the 11-test."""
    while sum(w * int(d) for w, d in zip(WEIGHTS, prefix, strict=True)) % 11 == 10:
        prefix = prefix[:-1] + str((int(prefix[-1]) + 1) % 10)
    return prefix + str(sum(w * int(d) for w, d in zip(WEIGHTS, prefix, strict=True)) % 11)


NUMBER = fictional_bsn("31415926")
OTHER = fictional_bsn("27182818")


def _region() -> Region:
    school = Organisation(OrganisationId("s1"), "OBS De Linde", Sector.PRIMARY_SCHOOL, "Dorp")
    town = Organisation(OrganisationId("g1"), "Gemeente Dorp", Sector.MUNICIPALITY, "Dorp")
    people = (
        Professional(ProfessionalId("p1"), "A. Jansen", Role.INTERN_BEGELEIDER, (school.id,)),
        Professional(ProfessionalId("p2"), "B. Smit", Role.ATTENDANCE_OFFICER, (town.id,)),
    )
    event = CaseEvent(dt.date(2025, 1, 6), CaseEventKind.SIGNALLED, actor=ProfessionalId("p1"))
    cases = (
        Case(CaseId("c-0001"), "Dorp", SupportLevel.EXTRA, school=school.id, events=(event,)),
        Case(CaseId("c-0002"), "Dorp", SupportLevel.BASIC, coordinator=ProfessionalId("p2")),
        Case(CaseId("c-0003"), "Dorp", SupportLevel.SPECIAL, events=(event, event)),
    )
    return Region("Dorp", (school, town), people, cases=cases)


def _edit_csv(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell (``row`` counts the header as row 1)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _assert_hidden(error: BaseException, *numbers: str) -> None:
    text = str(error) + repr(error) + "".join(repr(p) for p in getattr(error, "problems", ()))
    for number in numbers:
        assert number not in text
        assert number[:5] not in text and number[-5:] not in text


def test_the_made_up_numbers_pass_the_11_test() -> None:
    assert looks_like_bsn(NUMBER) and looks_like_bsn(OTHER)
    assert not looks_like_bsn(NUMBER[:-1] + str((int(NUMBER[-1]) + 1) % 10))


def test_clean_regions_load_in_every_format(tmp_path: Path) -> None:
    region = _region()
    assert load(save(region, tmp_path / "r.json")) == region
    assert load(save(region, tmp_path / "folder")) == region


@pytest.mark.parametrize("validate", [True, False])
def test_csv_folder_names_file_row_and_field(tmp_path: Path, validate: bool) -> None:
    folder = save(_region(), tmp_path / "folder")
    _edit_csv(folder / "cases.csv", 3, "id", NUMBER)  # the second case
    with pytest.raises(BsnLikeValueError) as info:
        load(folder, validate=validate)
    assert [(p.source, p.location, p.field, p.value) for p in info.value.problems] == [
        ("cases.csv", "row 3", "id", None)
    ]
    assert "BSN" in str(info.value)
    assert str(folder) in str(info.value)
    _assert_hidden(info.value, NUMBER)


def test_csv_rows_of_nested_records(tmp_path: Path) -> None:
    folder = save(_region(), tmp_path / "folder")
    # case_events.csv: header, c-0001's event, then c-0003's two events (rows 3 and 4)
    _edit_csv(folder / "case_events.csv", 4, "organisation", OTHER)
    _edit_csv(folder / "cases.csv", 2, "municipality", NUMBER)
    with pytest.raises(BsnLikeValueError) as info:
        load(folder, validate=False)
    assert {(p.source, p.location, p.field) for p in info.value.problems} == {
        ("cases.csv", "row 2", "municipality"),
        ("case_events.csv", "row 4", "organisation"),
    }
    _assert_hidden(info.value, NUMBER, OTHER)


def test_json_names_the_path_and_field(tmp_path: Path) -> None:
    path = save(_region(), tmp_path / "r.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["region"]["cases"][2]["id"] = NUMBER
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(BsnLikeValueError) as info:
        load(path)
    assert [(p.source, p.location, p.field) for p in info.value.problems] == [
        (str(path), "$.region.cases[2]", "id")
    ]
    _assert_hidden(info.value, NUMBER)


def test_the_error_is_one_users_can_catch(tmp_path: Path) -> None:
    path = save(_region(), tmp_path / "r.json")
    path.write_text(path.read_text(encoding="utf-8").replace("c-0002", NUMBER), encoding="utf-8")
    for kind in (BsnLikeValueError, PrivacyError, InvalidRegionError, SamenwerkingError):
        with pytest.raises(kind):
            load(path)


def test_merged_sources_are_checked(tmp_path: Path) -> None:
    clean = save(_region(), tmp_path / "a.json")
    other = save(Region("Dorp"), tmp_path / "b.json")
    document = json.loads(other.read_text(encoding="utf-8"))
    document["region"]["cases"] = [{"id": NUMBER, "municipality": "Dorp", "support_level": "extra"}]
    other.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(BsnLikeValueError) as info:
        load([clean, other], validate=False)
    assert [(p.source, p.field) for p in info.value.problems] == [(str(other), "id")]
    _assert_hidden(info.value, NUMBER)


def test_other_problems_never_show_the_number(tmp_path: Path) -> None:
    # An unknown school fails validation inside the reader, before the BSN check; the
    # validation error must still withhold the value.
    folder = save(_region(), tmp_path / "folder")
    _edit_csv(folder / "cases.csv", 2, "school", NUMBER)
    with pytest.raises(InvalidRegionError) as info:
        load(folder)
    [problem] = info.value.problems
    assert (problem.source, problem.location, problem.field, problem.value) == (
        "cases.csv",
        "row 2",
        "school",
        None,
    )
    assert "unknown organisation" in problem.message and "withheld" in problem.message
    _assert_hidden(info.value, NUMBER)


def test_save_refuses_and_writes_nothing(tmp_path: Path) -> None:
    region = _region()
    bad = region.replace(cases=(*region.cases, Case(CaseId(NUMBER), "Dorp", "extra")))
    for target in (tmp_path / "r.json", tmp_path / "folder"):
        with pytest.raises(BsnLikeValueError) as info:
            save(bad, target)
        assert not target.exists()
        _assert_hidden(info.value, NUMBER)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_load_leaves_an_earlier_save_alone(tmp_path: Path) -> None:
    folder = save(_region(), tmp_path / "folder")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _edit_csv(folder / "cases.csv", 3, "id", NUMBER)
    edited = (folder / "cases.csv").read_bytes()
    with pytest.raises(BsnLikeValueError):
        load(folder)
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert after == {**before, "cases.csv": edited}
