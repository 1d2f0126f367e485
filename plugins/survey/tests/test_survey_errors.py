"""Broken survey files give precise problems (file, row, column, value), all collected."""

from __future__ import annotations

from pathlib import Path

import pytest
from samenwerking_survey import read_survey, read_survey_data
from survey_helpers import DUTCH, FIXTURES, plain_rows

from samenwerking.errors import InvalidRegionError, SourceNotFoundError

HEADER = "Naam,Organisatie,Naam partner,Organisatie partner,Frequentie,Vertrouwen,Waarde\n"


def problems_of(path: Path, **options: object) -> list[tuple[str, str, str, object]]:
    with pytest.raises(InvalidRegionError) as caught:
        read_survey(path, plugins=False, **options)  # type: ignore[arg-type]
    return [(p.source, p.location, p.field, p.value) for p in caught.value.problems]


def test_broken_file_lists_every_problem_with_row_column_and_value() -> None:
    path = FIXTURES / "broken_survey.csv"
    rows = plain_rows(path)
    expected = set()
    for number, r in enumerate(rows, start=2):
        if not r["Naam"]:
            expected.add((str(path), f"row {number}", "respondent", ""))
        if not r["Naam partner"] and r["Frequentie"]:
            expected.add((str(path), f"row {number}", "partner", ""))
        frequency = r["Frequentie"]
        if frequency not in {
            "0",
            "1",
            "2",
            "3",
            "4",
            "nooit",
            "jaarlijks",
            "maandelijks",
            "wekelijks",
            "dagelijks",
        }:
            expected.add((str(path), f"row {number}", "frequency", frequency))
        for column, field in (("Vertrouwen", "trust"), ("Waarde", "value")):
            if r[column] not in {"1", "2", "3", "4"}:
                expected.add((str(path), f"row {number}", field, r[column]))
    got = problems_of(path)
    assert set(got) == expected
    assert len(got) == len(expected)
    assert [int(loc.split()[1]) for _, loc, _, _ in got] == sorted(
        int(loc.split()[1]) for _, loc, _, _ in got
    )


def test_missing_required_columns_named_with_their_aliases() -> None:
    path = FIXTURES / "missing_columns.csv"
    with pytest.raises(InvalidRegionError) as caught:
        read_survey(path, plugins=False)
    problems = caught.value.problems
    assert {p.field for p in problems} == {"partner_organisation", "frequency"}
    assert all(p.location == "row 1" and p.source == str(path) for p in problems)
    assert "frequentie" in str(caught.value) and "organisatie partner" in str(caught.value)


def test_roster_problems_blank_and_duplicate_names(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "Naam;Organisatie\nAns Bos;Gemeente Dorp\n;Gemeente Dorp\nans  bos;GEMEENTE DORP\n"
    )
    survey = tmp_path / "survey.csv"
    survey.write_text(HEADER + "Ans Bos,Gemeente Dorp,Kees Mol,OBS Dorp,2,3,3\n")
    got = problems_of(survey, roster=roster)
    assert got == [
        (str(roster), "row 3", "name", ""),
        (str(roster), "row 4", "name", "ans  bos"),
    ]


def test_self_nomination_duplicates_and_ambiguous_partners(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        HEADER
        + "Ans Bos,Gemeente Dorp,Ans Bos,Gemeente Dorp,2,3,3\n"
        + "Ans Bos,Gemeente Dorp,Kees Mol,OBS Dorp,2,3,3\n"
        + "Ans Bos,Gemeente Dorp,kees mol,obs dorp,3,3,3\n"
        + "Kees Mol,OBS Dorp,Piet Rijn,,2,3,3\n"
        + "Kees Mol,OBS Dorp,Ans Bos,,2,3,3\n"
    )
    got = problems_of(survey)
    assert got == [
        (str(survey), "row 2", "partner", "Ans Bos"),
        (str(survey), "row 4", "partner", "kees mol"),
        (str(survey), "row 5", "partner_organisation", ""),
    ]
    # Row 6 names "Ans Bos" without an organisation: the only Ans Bos is found.


def test_blank_partner_organisation_resolved_by_unique_name(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        HEADER
        + "Ans Bos,Gemeente Dorp,Kees Mol,OBS Dorp,2,3,3\n"
        + "Kees Mol,OBS Dorp,Ans Bos,,2,3,3\n"
    )
    data = read_survey_data(survey)
    assert data.answers[1].partner == data.answers[0].respondent


def test_respondent_id_not_on_roster(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("Respondentnummer,Naam,Organisatie\nR1,Ans Bos,Gemeente Dorp\n")
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "Respondentnummer,Naam partner,Organisatie partner,Frequentie\n"
        "R1,Kees Mol,OBS Dorp,2\nR9,Kees Mol,OBS Dorp,2\n"
    )
    assert problems_of(survey, roster=roster) == [(str(survey), "row 3", "respondent_id", "R9")]


def test_duplicate_columns_and_empty_files(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text("Naam,Organisatie,Partner,Naam partner,Organisatie partner,Frequentie\n")
    assert problems_of(survey) == [(str(survey), "row 1", "partner", "Naam partner")]
    survey.write_text("")
    assert problems_of(survey) == [(str(survey), "row 1", "", None)]


def test_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError):
        read_survey(tmp_path / "nope.csv")
    with pytest.raises(SourceNotFoundError, match="no survey export"):
        read_survey(tmp_path)
    with pytest.raises(SourceNotFoundError):
        read_survey(DUTCH / "antwoorden.csv", roster=tmp_path / "nope.csv")
