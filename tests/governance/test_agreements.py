"""Agreements: the parties x themes matrix, criteria, expiry, endorsement, paper only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from governance_regions import build
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.errors import UnknownIdError
from samenwerking.governance import (
    agreement_matrix,
    check_agreements,
    constitution,
    is_measurable,
    linked_parties,
)
from samenwerking.model import Agreement, AgreementStatus, Endorsement, Sector

D = dt.date
TODAY = D(2025, 6, 15)
S = Sector
ORGS = {"gem": S.MUNICIPALITY, "po": S.PRIMARY_SCHOOL, "cjg": S.FAMILY_CENTRE, "jh": S.YOUTH_CARE}
PEOPLE = {"g": "gem", "p": "po", "c": "cjg", "j": "jh", "both": ("po", "jh")}


def deal(aid: str, parties: str, theme: str = "zorg", **kw: Any) -> Agreement:
    return Agreement(aid, f"Afspraak {aid}", theme, "policy", tuple(parties.split()), **kw)


def checks(*agreements: Agreement, ties: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    region = build(ORGS, PEOPLE, ties or [], agreements=agreements)
    return {c.id: c for c in check_agreements(region, today=TODAY)}


def test_matrix_counts_agreements_per_party_and_theme() -> None:
    region = build(
        ORGS,
        PEOPLE,
        agreements=(
            deal("a", "gem po", "lezen"),
            deal("b", "po gem po", "lezen"),  # a duplicate party counts once
            deal("c", "cjg ghost", "zorg", status="cancelled"),
        ),
    )
    matrix = agreement_matrix(region)
    assert matrix.parties == ("gem", "po", "cjg", "ghost")
    assert matrix.themes == ("lezen", "zorg")
    assert matrix.as_dict() == {
        ("gem", "lezen"): 2,
        ("po", "lezen"): 2,
        ("cjg", "zorg"): 1,
        ("ghost", "zorg"): 1,
    }
    assert matrix.total == 6
    active = agreement_matrix(region, statuses=["active"])
    assert active.themes == ("lezen",) and active.parties == ("gem", "po")
    with pytest.raises(ValueError, match=r"unknown status.*choose from"):
        agreement_matrix(region, statuses=["signed"])


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["lezen", "zorg", "krimp"]),
            st.lists(st.sampled_from([*ORGS, "ghost"]), min_size=1, max_size=6),
        ),
        max_size=8,
    )
)
def test_matrix_sums_equal_agreement_party_pairs(rows: list[tuple[str, list[str]]]) -> None:
    agreements = tuple(deal(f"a{i}", " ".join(p), theme) for i, (theme, p) in enumerate(rows))
    matrix = agreement_matrix(build(ORGS, PEOPLE, agreements=agreements))
    assert matrix.total == sum(len(set(a.parties)) for a in agreements)
    for theme_index, theme in enumerate(matrix.themes):
        column = sum(row[theme_index] for row in matrix.counts)
        assert column == sum(len(set(a.parties)) for a in agreements if a.theme == theme)
    for party, row in zip(matrix.parties, matrix.counts, strict=True):
        assert sum(row) == sum(party in a.parties for a in agreements)


@pytest.mark.parametrize(
    ("criterion", "expected"),
    [
        ("90% van de thuiszitters binnen drie maanden terug", True),
        ("Voor 1 januari 2026 een plan", True),
        ("Half of the schools join", True),
        ("vijf scholen doen mee", True),
        ("Betere samenwerking", False),
        ("Een warme overdracht voor ieder kind", False),
    ],
)
def test_measurable_heuristic(criterion: str, expected: bool) -> None:
    assert is_measurable(criterion) is expected


def test_criteria() -> None:
    found = checks(
        deal("none", "gem"),
        deal("vague", "gem", success_criteria=("betere samenwerking",)),
        deal("mixed", "gem", success_criteria=("betere samenwerking", "80% tevreden")),
    )
    assert "no success criteria" in found["none"].problems and not found["none"].measurable
    assert found["vague"].unmeasurable_criteria == ("betere samenwerking",)
    assert "no measurable success criteria" in found["vague"].problems
    assert found["mixed"].measurable
    assert found["mixed"].unmeasurable_criteria == ("betere samenwerking",)
    region = build(ORGS, PEOPLE, agreements=(deal("vague", "gem", success_criteria=("beter",)),))
    lenient = check_agreements(region, today=TODAY, measurable=lambda c: True)
    assert lenient[0].measurable


def test_expiry() -> None:
    found = checks(
        deal("status", "gem", status="expired"),
        deal("past", "gem", valid_until=D(2025, 6, 14)),
        deal("draft", "gem", valid_until=D(2025, 1, 1), status="draft"),
        deal("fulfilled", "gem", valid_until=D(2025, 1, 1), status="fulfilled"),
        deal("until-today", "gem", valid_until=TODAY),
        deal("open", "gem"),
    )
    assert [k for k, c in found.items() if c.expired] == ["status", "past", "draft"]


def test_endorsement() -> None:
    found = checks(
        deal("none", "gem po"),
        deal("part", "gem po cjg", endorsements=(Endorsement("po"),)),
        deal("all", "gem po", endorsements=(Endorsement("gem"), Endorsement("po"))),
        deal("outside", "gem", endorsements=(Endorsement("gem"), Endorsement("jh"))),
    )
    assert found["none"].unendorsed and not found["none"].partly_endorsed
    assert found["part"].partly_endorsed and found["part"].not_endorsed_by == ("gem", "cjg")
    assert "not endorsed by gem, cjg" in found["part"].problems
    assert not found["all"].unendorsed and not found["all"].partly_endorsed
    assert found["outside"].outside_endorsers == ("jh",)
    assert not found["outside"].unendorsed


def test_paper_only() -> None:
    agreements = (deal("pair", "gem cjg"), deal("trio", "gem cjg po"), deal("solo", "gem"))
    apart = checks(*agreements)
    assert apart["pair"].paper_only and apart["pair"].unlinked_pairs == (("cjg", "gem"),)
    assert apart["trio"].paper_only
    assert not apart["solo"].paper_only  # one party: no pairs to link
    linked = checks(*agreements, ties=[("g", "c")])
    assert not linked["pair"].paper_only and linked["pair"].linked_pairs == 1
    assert not linked["trio"].paper_only
    assert linked["trio"].unlinked_pairs == (("gem", "po"), ("cjg", "po"))
    assert "paper only: no ties between the parties' people" in apart["pair"].problems


def test_shared_staff_link_their_organisations() -> None:
    region = build(ORGS, PEOPLE, [("both", "g")])
    assert linked_parties(region) == {("jh", "po"), ("gem", "jh"), ("gem", "po")}
    assert linked_parties(build(ORGS, PEOPLE)) == {("jh", "po")}


def test_constitution() -> None:
    region = build(
        ORGS,
        PEOPLE,
        agreements=(
            deal("c1", "gem po cjg", "Jeugdgrondwet", endorsements=(Endorsement("gem"),)),
            deal(
                "c2",
                "gem po",
                "youth constitution",
                endorsements=(Endorsement("gem"), Endorsement("po")),
            ),
            deal("other", "gem jh", "zorg"),
        ),
    )
    default = constitution(region)
    assert default.agreements == ("c1", "c2")
    assert [(p.party, p.not_endorsed) for p in default.parties] == [
        ("gem", ()),
        ("po", ("c1",)),
        ("cjg", ("c1", "c2")),
    ]
    assert [p.party for p in default.missing] == ["po", "cjg"] and not default.complete
    everyone = constitution(region, ["c2"], parties="all")
    assert [p.party for p in everyone.missing] == ["cjg", "jh"]
    listed = constitution(region, "c2", parties=["po", "gem"])
    assert listed.complete and str(listed) == "2 of 2 parties endorsed all 1 agreement(s)"


def test_constitution_errors() -> None:
    region = build(ORGS, PEOPLE, agreements=(deal("a", "gem"),))
    with pytest.raises(ValueError, match="no agreement has a constitution theme"):
        constitution(region)
    with pytest.raises(UnknownIdError, match="agreement"):
        constitution(region, ["b"])
    with pytest.raises(ValueError, match="agreements is empty"):
        constitution(region, [])
    with pytest.raises(ValueError, match="parties must be None, 'all'"):
        constitution(region, ["a"], parties="everyone")


def test_bad_arguments() -> None:
    region = build(ORGS, PEOPLE, agreements=(deal("a", "gem"),))
    with pytest.raises(ValueError, match="measurable must be a function"):
        check_agreements(region, measurable="digits")
    with pytest.raises(ValueError, match=r"today must be a datetime.date"):
        check_agreements(region, today="2025-01-01")
    assert check_agreements(region, statuses=[AgreementStatus.EXPIRED]) == ()


def test_endorsements_dated_after_today_do_not_count_yet() -> None:
    found = checks(
        deal(
            "later",
            "gem po",
            endorsements=(Endorsement("gem", D(2025, 6, 16)), Endorsement("po", TODAY)),
        ),
        deal("undated", "gem", endorsements=(Endorsement("gem"),)),
        deal("outside-later", "gem", endorsements=(Endorsement("jh", D(2026, 1, 1)),)),
    )
    assert found["later"].not_endorsed_by == ("gem",) and found["later"].partly_endorsed
    assert found["undated"].not_endorsed_by == ()
    assert found["outside-later"].outside_endorsers == () and found["outside-later"].unendorsed


def test_an_agreement_not_yet_in_force_is_reported_as_such() -> None:
    found = checks(
        deal("soon", "gem", valid_from=D(2025, 6, 16), valid_until=D(2027, 1, 1)),
        deal("from-today", "gem", valid_from=TODAY),
        deal("soon-draft", "gem", valid_from=D(2026, 1, 1), status="draft"),
        deal("soon-cancelled", "gem", valid_from=D(2026, 1, 1), status="cancelled"),
        deal("soon-expired", "gem", valid_from=D(2026, 1, 1), status="expired"),
    )
    soon = found["soon"]
    assert soon.not_yet_in_force and not soon.expired and soon.valid_from == D(2025, 6, 16)
    assert "not yet in force (from 2025-06-16)" in soon.problems
    assert "expired" not in soon.problems
    assert not found["from-today"].not_yet_in_force
    assert found["soon-draft"].not_yet_in_force
    assert not found["soon-cancelled"].not_yet_in_force
    assert found["soon-expired"].expired and not found["soon-expired"].not_yet_in_force


def test_an_agreement_without_parties() -> None:
    found = checks(
        deal("endorsed", "", endorsements=(Endorsement("gem"),)),
        deal("bare", ""),
    )
    endorsed = found["endorsed"]
    assert endorsed.parties == () and not endorsed.unendorsed and not endorsed.partly_endorsed
    assert endorsed.outside_endorsers == ("gem",)
    assert "no parties" in endorsed.problems and "not endorsed" not in endorsed.problems
    assert found["bare"].problems[0] == "no parties"
    assert "not endorsed" not in found["bare"].problems
