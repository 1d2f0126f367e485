"""Response rates and the report of unknown names, checked against the fixture rows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from samenwerking_survey import response_summary
from survey_helpers import DUTCH, ENGLISH_ROSTER, ENGLISH_SURVEY, key, plain_rows


def test_dutch_response_rates_overall_and_per_organisation() -> None:
    survey, roster = plain_rows(DUTCH / "antwoorden.csv"), plain_rows(DUTCH / "deelnemers.csv")
    invited = {key(r["Organisatie"], r["Naam"]) for r in roster}
    responded = {key(r["Organisatie"], r["Naam"]) for r in survey} & invited
    summary = response_summary(DUTCH, plugins=False)
    assert summary.invited == len(invited)
    assert summary.responded == len(responded)
    assert summary.response_rate == pytest.approx(len(responded) / len(invited))
    per_org_invited = Counter(org for org, _ in invited)
    per_org_responded = Counter(org for org, _ in responded)
    assert {g.name.lower(): g.invited for g in summary.by_organisation} == per_org_invited
    for group in summary.by_organisation:
        assert group.responded == per_org_responded[group.name.lower()]
        assert group.rate == pytest.approx(group.responded / per_org_invited[group.name.lower()])
    assert summary.respondents_not_on_roster == ()


def test_dutch_response_rates_per_sector() -> None:
    survey, roster = plain_rows(DUTCH / "antwoorden.csv"), plain_rows(DUTCH / "deelnemers.csv")
    responded = {key(r["Organisatie"], r["Naam"]) for r in survey}
    # The sectors as the README's default mapping table documents them.
    sectors = {
        "gemeente": "municipality",
        "leerplicht": "school_attendance",
        "basisschool": "primary_school",
        "wijkteam": "neighbourhood_team",
        "jgz": "youth_health",
        "jeugdhulp": "youth_care",
        "kinderopvang": "childcare",
        "cjg": "family_centre",
    }
    # An organisation's sector is the label of its first respondent, else the roster's.
    org_label: dict[str, str] = {}
    for r in survey:
        org_label.setdefault(r["Organisatie"].lower(), r["Sector"].lower())
    for r in roster:
        org_label.setdefault(r["Organisatie"].lower(), r["Sector"].lower())
    invited: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for r in roster:
        sector = sectors.get(org_label[r["Organisatie"].lower()], "other")
        invited[sector] += 1
        answered[sector] += key(r["Organisatie"], r["Naam"]) in responded
    summary = response_summary(DUTCH, plugins=False)
    assert {g.name: g.invited for g in summary.by_sector} == invited
    assert {g.name: g.responded for g in summary.by_sector} == answered
    assert [p.value for p in summary.unmapped_labels] == ["sportvereniging", "buurtsportcoach"]


def test_unknown_names_listed_with_rows_and_suggestions() -> None:
    survey, roster = plain_rows(DUTCH / "antwoorden.csv"), plain_rows(DUTCH / "deelnemers.csv")
    invited = {key(r["Organisatie"], r["Naam"]) for r in roster}
    expected: dict[tuple[str, str], list[int]] = {}
    for row, r in enumerate(survey, start=2):
        partner = key(r["Organisatie partner"], r["Naam partner"])
        if r["Naam partner"] and partner not in invited:
            expected.setdefault(partner, []).append(row)
    summary = response_summary(DUTCH, plugins=False)
    got = {key(u.organisation, u.name): list(u.rows) for u in summary.unknown_names}
    assert got == expected
    typo = next(u for u in summary.unknown_names if u.name == "Daan Hoeksta")
    assert typo.suggestions[0] == "Daan Hoekstra (OBS De Vlinderboom)"
    stranger = next(u for u in summary.unknown_names if u.name == "Karin Bos")
    assert stranger.suggestions == ()
    report = summary.report()
    assert "Daan Hoeksta (OBS De Vlinderboom), named in row" in report
    assert "did you mean 'Daan Hoekstra (OBS De Vlinderboom)'" in report


@pytest.mark.filterwarnings("ignore::samenwerking.errors.NotUtf8Warning")  # cp1252 fixtures
def test_english_summary_and_respondent_not_on_roster(tmp_path: Path) -> None:
    survey, roster = (
        plain_rows(ENGLISH_SURVEY, "cp1252", ";"),
        plain_rows(ENGLISH_ROSTER, "cp1252", ";"),
    )
    ids = {r["Respondent ID"] for r in survey}
    summary = response_summary(ENGLISH_SURVEY, roster=ENGLISH_ROSTER, plugins=False)
    assert (summary.invited, summary.responded) == (len(roster), len(ids))
    # A shorter roster: the missing respondent is reported, not counted as invited.
    short = tmp_path / "roster.csv"
    short.write_bytes(b"".join(ENGLISH_ROSTER.read_bytes().splitlines(keepends=True)[:-3]))
    kept = plain_rows(short, "cp1252", ";")
    summary = response_summary(ENGLISH_SURVEY, roster=short, plugins=False)
    assert summary.invited == len(kept)
    assert summary.respondents_not_on_roster == ("Lucía Moreno (Jeugdhulp Oosterwaarde)",)


def test_without_roster_rates_are_unknown() -> None:
    survey = plain_rows(DUTCH / "antwoorden.csv")
    summary = response_summary(DUTCH / "antwoorden.csv", plugins=False)
    assert summary.invited is None and summary.response_rate is None
    assert summary.responded == len({key(r["Organisatie"], r["Naam"]) for r in survey})
    assert all(g.invited is None and g.rate is None for g in summary.by_organisation)
    respondents = {key(r["Organisatie"], r["Naam"]) for r in survey}
    named = {key(r["Organisatie partner"], r["Naam partner"]) for r in survey if r["Naam partner"]}
    assert {key(u.organisation, u.name) for u in summary.unknown_names} == named - respondents
    assert "response rate unknown" in summary.report()
