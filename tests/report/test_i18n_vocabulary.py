"""The report's vocabulary and verdicts: complete in Dutch, and the same as the data in English."""

from __future__ import annotations

import datetime as dt

import pytest

import samenwerking as sw
from samenwerking.governance import check_agendas, check_agreements, check_working_groups
from samenwerking.introduce import connect_islands, expertise_within_reach, make_links_robust
from samenwerking.model import Domain, Role, Sector
from samenwerking.report.i18n import translations, use_language
from samenwerking.report.introduction_text import note_text, reason_text
from samenwerking.report.verdicts import (
    PROVISIONS,
    agreement_findings,
    group_findings,
    topic_findings,
)
from samenwerking.report.vocabulary import (
    SHOWN_VOCABULARIES,
    TERMS,
    domain_label,
    role_label,
    sector_label,
    value_label,
)

TODAY = dt.date(2026, 11, 23)
DUTCH = translations("nl")


def _has_dutch(text: str) -> bool:
    """True when the catalogue holds a translation of ``text`` (not the text passed through)."""
    return DUTCH._catalog.get(text, "") != ""  # type: ignore[attr-defined]


def test_every_sector_domain_and_role_is_marked_and_translated() -> None:
    labels = {s.label for s in Sector} | {d.value for d in Domain}
    labels |= {r.value.replace("_", " ") for r in Role}
    for vocabulary in SHOWN_VOCABULARIES:
        labels |= {v.value.replace("_", " ") for v in vocabulary}
    assert labels - set(TERMS) == set()
    assert [label for label in sorted(labels) if not _has_dutch(label)] == []


def test_the_default_provisions_of_an_lea_table_are_translated() -> None:
    from samenwerking.governance.lea_table import DEFAULT_PROVISIONS

    assert set(DEFAULT_PROVISIONS) <= set(PROVISIONS)
    assert all(_has_dutch(p) for p in PROVISIONS)


def test_english_labels_are_those_the_report_always_showed() -> None:
    for sector in Sector:
        assert sector_label(sector.value) == sector.label
    for role in Role:
        assert role_label(role.value) == role.value.replace("_", " ")
    assert domain_label("care") == "care"
    assert value_label("lea_table") == "lea table"


def test_dutch_labels_use_the_field_s_words() -> None:
    with use_language("nl"):
        assert sector_label("neighbourhood_team") == "wijkteam"
        assert sector_label("swv_po") == "samenwerkingsverband PO"
        assert role_label("attendance_officer") == "leerplichtambtenaar"
        assert value_label("support_team") == "ondersteuningsteam"
        assert domain_label("education") == "onderwijs"


@pytest.fixture(scope="module")
def regions() -> list[sw.Region]:
    synthetic = sw.synthetic.region(professionals=500, seed=5)
    return [sw.example_region(), synthetic]


def test_verdicts_in_english_are_the_checks_own_words(regions: list[sw.Region]) -> None:
    """The report's wording of each finding matches the checks' ``problems`` one by one."""
    seen = 0
    for region in regions:
        for group in check_working_groups(region):
            assert group_findings(group, {}) == list(group.problems)
            seen += len(group.problems)
        for agenda in check_agendas(region, today=TODAY):
            for topic in agenda.topics:
                assert topic_findings(topic) == list(topic.problems)
                seen += len(topic.problems)
        for agreement in check_agreements(region, today=TODAY):
            assert agreement_findings(agreement, {}) == list(agreement.problems)
            seen += len(agreement.problems)
    assert seen > 10  # the regions have findings of many kinds


def test_verdicts_in_dutch_leave_no_english_finding(regions: list[sw.Region]) -> None:
    english = set()
    for region in regions:
        for group in check_working_groups(region):
            english |= set(group.problems)
        for agreement in check_agreements(region, today=TODAY):
            english |= set(agreement.problems)
    with use_language("nl"):
        for region in regions:
            names = {o.id: o.name for o in region.organisations}
            for group in check_working_groups(region):
                assert not set(group_findings(group, names)) & english
            for agreement in check_agreements(region, today=TODAY):
                assert not set(agreement_findings(agreement, names)) & english


_ENGLISH_REASONS = ("cross-domain", "same domain", "same municipality", "different municip",
                    "roles fit", "both in", "spare capacity")  # fmt: skip


def test_every_part_of_an_introduction_s_reason_is_reworded(regions: list[sw.Region]) -> None:
    reasons: set[str] = set()
    notes: list[tuple[str, str]] = []
    for region in regions:
        connect = connect_islands(region)
        robust = make_links_robust(region, planned=connect)
        reach = expertise_within_reach(region, planned=(*connect, *robust))
        for result in (connect, robust, reach):
            reasons |= {item.reason for item in result.items}
            if not result.complete:
                notes.append((result.purpose, result.note))
    assert len(reasons) > 10
    for reason in reasons:
        assert reason_text(reason) == reason  # English: the planner's own words
        with use_language("nl"):
            dutch = reason_text(reason)
        assert not any(word in dutch for word in _ENGLISH_REASONS), dutch
    with use_language("nl"):
        for purpose, note in notes:
            assert note_text(purpose, note).startswith("Niet elk doel is haalbaar")


def test_a_note_of_the_planner_is_reworded_in_dutch() -> None:
    note = (
        "the cap of 2 introduction(s) per person (counting 3 planned) leaves 4 islands that "
        "cannot all be joined (joining 9 islands needs 16 ends)"
    )
    with use_language("nl"):
        text = note_text("connect the islands", note)
    assert text == (
        "Niet elk doel is haalbaar (de eilandjes verbinden): met de grens van 2 kennismakingen "
        "per persoon (waarvan 3 al gepland) blijven er 4 eilandjes over die niet allemaal te "
        "verbinden zijn (9 eilandjes verbinden vraagt 16 uiteinden)."
    )
    assert note_text("connect the islands", note) == (
        f"Not every goal can be reached (connect the islands): {note}."
    )
