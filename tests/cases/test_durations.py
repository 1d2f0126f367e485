"""Days out of school per case and per support level, on hand-built cases with known answers."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from case_regions import D, case, event, with_cases

from samenwerking.cases import (
    CaseArgumentError,
    case_duration,
    case_durations,
    durations_by_level,
    published_durations,
)
from samenwerking.model import CaseStatus, SupportLevel

TODAY = D(2, 3)  # 2025-02-03, 28 days after 2025-01-06


def _one(c, today: dt.date | None = TODAY):  # type: ignore[no-untyped-def]
    region = with_cases(c)
    return case_duration(region, region.cases[0], today=today)


def test_open_case_without_events_runs_until_today() -> None:
    found = _one(case("c-1", opened=D(1, 6)))
    assert (found.days, found.end, found.ended_by, found.out_of_school) == (
        28,
        TODAY,
        "ongoing",
        True,
    )


def test_return_to_school_ends_it() -> None:
    found = _one(case("c-1", "extra", event(D(1, 16), "return_to_school"), opened=D(1, 6)))
    assert (found.days, found.ended_by, found.out_of_school) == (10, "return", False)


def test_placement_at_a_school_ends_it_but_not_elsewhere() -> None:
    at_school = case("c-1", "extra", event(D(1, 20), "placement", "s-so"), opened=D(1, 6))
    assert (_one(at_school).days, _one(at_school).ended_by) == (14, "placement")
    at_care = case("c-1", "extra", event(D(1, 20), "placement", "y1"), opened=D(1, 6))
    nowhere = case("c-1", "extra", event(D(1, 20), "placement"), opened=D(1, 6))
    assert _one(at_care).days == _one(nowhere).days == 28


def test_the_first_ending_by_date_counts_whatever_the_recorded_order() -> None:
    c = case(
        "c-1",
        "extra",
        event(D(1, 30), "return_to_school"),
        event(D(1, 9), "placement", "s-po"),
        opened=D(1, 6),
    )
    assert _one(c).days == 3


def test_events_before_opening_are_ignored() -> None:
    c = case("c-1", "extra", event(D(1, 2), "return_to_school"), opened=D(1, 6))
    assert _one(c).ended_by == "ongoing"


def test_closed_cases_end_at_their_closing_date_or_closed_event() -> None:
    by_date = case("c-1", status="closed", opened=D(1, 6), closed=D(1, 31))
    assert (_one(by_date).days, _one(by_date).ended_by) == (25, "closed")
    by_event = case("c-1", "extra", event(D(1, 26), "closed"), status="resolved", opened=D(1, 6))
    assert (_one(by_event).days, _one(by_event).end) == (20, D(1, 26))


def test_unknown_durations() -> None:
    assert _one(case("c-1", status="resolved", opened=D(1, 6))).days is None
    assert _one(case("c-1")).days is None  # no opening date


def test_today_defaults_to_the_current_date() -> None:
    found = _one(case("c-1", opened=D(1, 6)), today=None)
    assert found.days == (dt.date.today() - D(1, 6)).days


def test_per_level_counts_median_and_longest() -> None:
    region = with_cases(
        case("c-1", "basic", opened=D(1, 6)),  # 28 days, open
        case(
            "c-2", "basic", event(D(1, 10), "return_to_school"), status="resolved", opened=D(1, 6)
        ),
        case("c-3", "basic", status="closed", opened=D(1, 1), closed=D(1, 2)),  # 1 day
        case("c-4", "special", status="closed"),  # unknown duration
    )
    basic, extra, special = durations_by_level(region, today=TODAY)
    assert (basic.level, basic.cases, basic.open, basic.measured) == (SupportLevel.BASIC, 3, 1, 3)
    assert basic.median_days == statistics.median([28, 4, 1]) == 4
    assert basic.longest_days == 28
    assert (extra.cases, extra.median_days, extra.longest_days) == (0, None, None)
    assert (special.cases, special.measured, special.median_days) == (1, 0, None)
    assert [d.case for d in case_durations(region, today=TODAY)] == ["c-1", "c-2", "c-3", "c-4"]


def test_published_durations_withhold_small_groups() -> None:
    basic = [case(f"b-{i}", "basic", opened=D(1, i + 1)) for i in range(5)]
    extra = [case(f"e-{i}", "extra", opened=D(1, 1)) for i in range(2)]
    region = with_cases(*basic, *extra)
    found = published_durations(region, today=TODAY)
    assert found.levels == tuple(SupportLevel)
    assert found.median_days[0] == statistics.median([(TODAY - D(1, i + 1)).days for i in range(5)])
    days = sorted((TODAY - D(1, i + 1)).days for i in range(5))
    assert found.upper_quartile_days[0] == statistics.quantiles(days, n=4, method="inclusive")[2]
    assert found.upper_quartile_days[0] < max(days)  # one child's duration is never published
    assert found.median_days[1] is None and found.upper_quartile_days[1] is None
    assert found.withheld == (False, True, False)
    # the 2 extra cases are hidden, and so the 5 basic ones in the same column
    assert found.counts.cells[1][0] is None and found.counts.cells[0][0] is None
    assert found.counts.column_labels == tuple(s.value for s in CaseStatus)
    lower = published_durations(region, today=TODAY, threshold=3)
    assert lower.withheld == (False, True, False)


@pytest.mark.parametrize("threshold", [0, 1, 2, -5, 2.5, True, "5"])
def test_thresholds_below_three_are_refused(threshold: object) -> None:
    with pytest.raises(CaseArgumentError, match="threshold"):
        published_durations(with_cases(), threshold=threshold)  # type: ignore[arg-type]


def test_str() -> None:
    found = _one(case("c-1", opened=D(1, 6)))
    assert str(found) == "c-1 (extra, open): 28 days"
