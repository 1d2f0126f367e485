"""Each check firing and not firing, on hand-built cases."""

from __future__ import annotations

import pytest
from case_regions import D, case, event, with_cases

from samenwerking.cases import (
    CHECKS,
    CaseArgumentError,
    check_cases,
    disputed_cases,
    special_to_regular,
    stranded_cases,
    without_coordinator,
    without_plan,
)
from samenwerking.model import CaseInvolvement, CaseRole, ProfessionalId

TODAY = D(3, 3)


def test_without_coordinator() -> None:
    region = with_cases(
        case("none"),
        case("field", coordinator=ProfessionalId("p-edu")),
        case("role", involved=(CaseInvolvement(ProfessionalId("p-care"), CaseRole.COORDINATOR),)),
        case("other-role", involved=(CaseInvolvement(ProfessionalId("p-care"), CaseRole.HEALTH),)),
        case("closed", status="closed"),
    )
    assert without_coordinator(region) == ("none", "other-role")


def test_without_plan() -> None:
    region = with_cases(
        case("none", "extra", event(D(1, 6), "meeting")),
        case("flag", has_plan=True),
        case("event", "extra", event(D(1, 6), "plan_agreed")),
        case("resolved", status="resolved"),
    )
    assert without_plan(region) == ("none",)


def test_stranded_after_n_weeks_without_events() -> None:
    region = with_cases(
        case("old-event", "extra", event(D(1, 20), "meeting"), opened=D(1, 6)),  # 6 weeks exactly
        case("recent", "extra", event(D(1, 21), "meeting"), opened=D(1, 6)),  # 5 weeks 6 days
        case("opened-only", opened=D(1, 6)),
        case("no-dates"),
        case("future-only", "extra", event(D(4, 1), "meeting"), opened=D(1, 6)),
        case("closed", status="closed", opened=D(1, 6), closed=D(1, 7)),
    )
    assert stranded_cases(region, today=TODAY) == ("old-event", "opened-only", "future-only")
    assert stranded_cases(region, stranded_weeks=7, today=TODAY) == ("opened-only", "future-only")
    assert stranded_cases(region, stranded_weeks=6, today=D(1, 1)) == ()


@pytest.mark.parametrize("weeks", [0, -1, 1.5, True])
def test_stranded_weeks_must_be_positive(weeks: object) -> None:
    with pytest.raises(CaseArgumentError, match="weeks"):
        stranded_cases(with_cases(), stranded_weeks=weeks, today=TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("events", "disputed"),
    [
        ((), False),
        ((event(D(1, 6), "dispute", actor="p-edu"),), True),
        ((event(D(1, 6), "dispute"), event(D(1, 9), "meeting"), event(D(1, 12), "referral")), True),
        ((event(D(1, 6), "dispute"), event(D(1, 9), "plan_agreed")), False),
        ((event(D(1, 6), "dispute"), event(D(1, 9), "placement", "y1")), False),
        ((event(D(1, 6), "dispute"), event(D(1, 9), "return_to_school")), False),
        ((event(D(1, 6), "dispute"), event(D(1, 9), "closed")), False),
        # settled, then disputed again
        (
            (event(D(1, 6), "dispute"), event(D(1, 9), "plan_agreed"), event(D(2, 1), "dispute")),
            True,
        ),
        # recorded out of order: the plan came before the dispute
        ((event(D(2, 1), "dispute"), event(D(1, 9), "plan_agreed")), True),
        # same day: recorded order decides
        ((event(D(1, 6), "dispute"), event(D(1, 6), "plan_agreed")), False),
    ],
)
def test_disputed(events: tuple, disputed: bool) -> None:  # type: ignore[type-arg]
    region = with_cases(case("c-1", "extra", *events))
    assert disputed_cases(region) == (("c-1",) if disputed else ())


def test_a_closed_case_is_not_disputed() -> None:
    region = with_cases(case("c-1", "extra", event(D(1, 6), "dispute"), status="closed"))
    assert disputed_cases(region) == ()


@pytest.mark.parametrize(
    ("school", "events", "returned"),
    [
        ("s-so", [event(D(2, 1), "placement", "s-po")], True),
        ("s-sbo", [event(D(2, 1), "return_to_school", "s-vo")], True),
        ("s-po", [event(D(1, 6), "placement", "s-so"), event(D(2, 1), "return_to_school")], True),
        # recorded out of order: sorted by date, SBO (1-6) comes before the return (2-1)
        ("s-po", [event(D(2, 1), "return_to_school"), event(D(1, 6), "placement", "s-sbo")], True),
        (None, [event(D(2, 1), "placement", "s-sbo"), event(D(1, 6), "placement", "s-po")], False),
        ("s-po", [event(D(1, 6), "placement", "s-so")], False),
        ("s-so", [event(D(2, 1), "placement", "s-sbo")], False),  # special to special
        ("s-so", [event(D(2, 1), "placement", "y1")], False),  # not a school
        ("s-so", [event(D(2, 1), "return_to_school")], False),  # back to its own special school
        (None, [event(D(1, 6), "placement", "s-so"), event(D(2, 1), "return_to_school")], False),
        (None, [event(D(1, 6), "placement", "s-so"), event(D(2, 1), "placement", "s-lone")], True),
        ("s-so", [event(D(2, 1), "referral", "s-po")], False),  # a referral is not a placement
    ],
)
def test_special_to_regular(school: str | None, events: list, returned: bool) -> None:  # type: ignore[type-arg]
    region = with_cases(case("c-1", "special", *events, school=school, status="closed"))
    assert special_to_regular(region) == (("c-1",) if returned else ())


def test_check_cases_collects_every_check() -> None:
    region = with_cases(
        case("a", opened=D(1, 6)),
        case(
            "b",
            "extra",
            event(D(3, 1), "dispute"),
            coordinator=ProfessionalId("p-edu"),
            has_plan=True,
        ),
    )
    found = check_cases(region, today=TODAY, stranded_weeks=4)
    assert found.without_coordinator == found.without_plan == found.stranded == ("a",)
    assert found.disputed == ("b",) and found.special_to_regular == ()
    assert (found.today, found.stranded_weeks) == (TODAY, 4)
    assert found.flags("a") == ("without_coordinator", "without_plan", "stranded")
    assert [found.flagged(c) for c in CHECKS] == [getattr(found, c) for c in CHECKS]
    assert str(found).startswith("without_coordinator: 1, without_plan: 1, stranded: 1")
    with pytest.raises(CaseArgumentError, match="choose from"):
        found.flagged("lost")
    with pytest.raises(CaseArgumentError, match="stranded_weeks"):
        check_cases(region, today=TODAY, stranded_weeks=0)
