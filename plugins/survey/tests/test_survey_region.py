"""Reading the fictional survey exports into a region: people, directed ties, scales."""

from __future__ import annotations

import warnings

import pytest
from samenwerking_survey import SurveyAdapter, UnmappedLabelWarning, read_survey
from survey_helpers import DUTCH, ENGLISH_ROSTER, ENGLISH_SURVEY, key, plain_rows

import samenwerking as sw
from samenwerking.analysis import reciprocity
from samenwerking.errors import NotUtf8Warning
from samenwerking.model import Region, TieKind

# The frequency labels as the README documents them (independent of the code's table).
FREQUENCY = {"nooit": 0, "jaarlijks": 1, "maandelijks": 2, "wekelijks": 3, "dagelijks": 4}
FREQUENCY_EN = {"never": 0, "yearly": 1, "monthly": 2, "weekly": 3, "daily": 4}


def frequency(cell: str) -> int:
    text = cell.strip().lower()
    labels = FREQUENCY | FREQUENCY_EN
    return labels[text] if text in labels else int(text)


def optional(cell: str) -> float | None:
    return float(cell) if cell.strip() else None


def read_dutch() -> Region:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnmappedLabelWarning)
        return read_survey(DUTCH)


def people_of(region: Region) -> dict[str, tuple[str, str]]:
    """Professional id -> (organisation name, name) key."""
    org = {o.id: o.name for o in region.organisations}
    return {p.id: key(org[p.organisation], p.name) for p in region.professionals}


def tie_set(region: Region) -> set[tuple[object, ...]]:
    who = people_of(region)
    return {
        (who[t.source], who[t.target], t.strength, t.trust, t.value, t.kind, t.directed)
        for t in region.ties
    }


def test_dutch_people_and_organisations_counted_from_rows() -> None:
    survey, roster = plain_rows(DUTCH / "antwoorden.csv"), plain_rows(DUTCH / "deelnemers.csv")
    people = {key(r["Organisatie"], r["Naam"]) for r in roster}
    people |= {key(r["Organisatie"], r["Naam"]) for r in survey}
    people |= {
        key(r["Organisatie partner"], r["Naam partner"]) for r in survey if r["Naam partner"]
    }
    region = read_dutch()
    assert set(people_of(region).values()) == people
    assert len(region.professionals) == len(people)
    assert {o.name.lower() for o in region.organisations} == {org for org, _ in people}
    assert region.name == "elzenburg"
    # Organisations on the roster have its municipality; the others default to the name.
    rostered = {r["Organisatie"]: r["Gemeente"] for r in roster}
    for org in region.organisations:
        assert org.municipality == rostered.get(org.name, region.name)


def test_dutch_ties_are_directed_answers_with_scales() -> None:
    survey = plain_rows(DUTCH / "antwoorden.csv")
    expected = set()
    for r in survey:
        if not r["Naam partner"]:
            continue
        f = frequency(r["Frequentie"])
        expected.add(
            (
                key(r["Organisatie"], r["Naam"]),
                key(r["Organisatie partner"], r["Naam partner"]),
                float(f),
                optional(r["Vertrouwen"]),
                optional(r["Waarde"]),
                TieKind.COLLABORATES if f >= 2 else TieKind.KNOWS,
                True,
            )
        )
    region = read_dutch()
    assert len(region.ties) == len(expected)
    assert tie_set(region) == expected


def test_english_windows_1252_semicolon_file_with_respondent_ids() -> None:
    survey, roster = (
        plain_rows(ENGLISH_SURVEY, "cp1252", ";"),
        plain_rows(ENGLISH_ROSTER, "cp1252", ";"),
    )
    by_id = {r["Respondent ID"]: key(r["Organisation"], r["Name"]) for r in roster}
    expected = set()
    for r in survey:
        source = key(r["Organisation"], r["Name"]) if r["Name"] else by_id[r["Respondent ID"]]
        f = frequency(r["Contact frequency"])
        expected.add(
            (
                source,
                key(r["Partner organisation"], r["Partner name"]),
                float(f),
                optional(r["Trust"]),
                optional(r["Value"]),
                TieKind.COLLABORATES if f >= 2 else TieKind.KNOWS,
                True,
            )
        )
    with pytest.warns(NotUtf8Warning) as caught:
        region = read_survey(ENGLISH_SURVEY, roster=ENGLISH_ROSTER, municipality="Oosterwaarde")
    named = {str(w.message).split(" is not UTF-8")[0] for w in caught}
    assert named == {str(ENGLISH_SURVEY), str(ENGLISH_ROSTER)}  # each file is named
    assert tie_set(region) == expected
    names = {p.name for p in region.professionals}
    assert "Zoë Achterberg" in names  # decoded from Windows-1252
    assert {r["Name"] for r in roster} <= names


@pytest.mark.filterwarnings("ignore::samenwerking.errors.NotUtf8Warning")  # cp1252 fixtures
def test_roles_and_sectors_prefer_own_answer_then_roster_then_others() -> None:
    region = read_survey(ENGLISH_SURVEY, roster=ENGLISH_ROSTER)
    by_name = {p.name: p for p in region.professionals}
    # Zoë answers "policy adviser", the roster says "beleidsadviseur": both mean the same.
    assert by_name["Zoë Achterberg"].role.value == "policy_adviser"
    # Maarten Kok is only named: role and sector from the partner columns.
    assert by_name["Maarten Kok"].role.value == "police_officer"
    assert region.sector_of(by_name["Maarten Kok"].id).value == "safety"
    assert region.sector_of(by_name["Sanne Vos"].id).value == "youth_health"


def test_region_validates_and_reciprocity_matches_the_rows() -> None:
    survey = plain_rows(DUTCH / "antwoorden.csv")
    pairs = {
        (key(r["Organisatie"], r["Naam"]), key(r["Organisatie partner"], r["Naam partner"]))
        for r in survey
        if r["Naam partner"]
    }
    answered = sum((b, a) in pairs for a, b in pairs)
    region = read_dutch()
    assert region.validate() is region
    assert reciprocity(region) == pytest.approx(answered / len(pairs))
    assert 0 < answered < len(pairs)  # the fixture has both kinds


def test_collaborates_threshold_is_an_option() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnmappedLabelWarning)
        region = read_survey(DUTCH, collaborates_from=4)
    for tie in region.ties:
        assert (tie.kind is TieKind.COLLABORATES) == (tie.strength == 4)


@pytest.mark.filterwarnings("ignore::samenwerking.errors.NotUtf8Warning")  # cp1252 fixtures
def test_adapter_and_sw_load() -> None:
    adapter = SurveyAdapter()
    assert adapter.can_read(ENGLISH_SURVEY)
    assert adapter.can_read(DUTCH)
    assert adapter.can_read(f"survey:{DUTCH}")
    assert not adapter.can_read(DUTCH / "deelnemers.csv")  # a roster is not a survey
    direct = read_survey(ENGLISH_SURVEY, roster=ENGLISH_ROSTER)
    loaded = sw.load(f"survey:{ENGLISH_SURVEY}", roster=ENGLISH_ROSTER)
    assert loaded.ties == direct.ties
    assert loaded.professionals == direct.professionals
    by_name = sw.load(ENGLISH_SURVEY, adapter="survey", roster=ENGLISH_ROSTER)
    assert by_name.ties == direct.ties


def test_ids_are_deterministic_and_readable() -> None:
    first, second = read_dutch(), read_dutch()
    assert [p.id for p in first.professionals] == [p.id for p in second.professionals]
    ids = {p.name: p.id for p in first.professionals}
    assert ids["Carla de Wit"] == "obs-de-vlinderboom--carla-de-wit"
