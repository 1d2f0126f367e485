"""One real instance of every result class, computed from the example region.

``RESULTS`` maps a result class name to a function that computes it; tests call them once
(module-scoped) and check ``to_frame()``, ``_repr_html_()`` and ``repr()`` of each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

import samenwerking as sw
from samenwerking.analysis import Island, IslandMerge, IslandSplit
from samenwerking.model import Region

__all__ = ["DAY", "EXCLUDED", "RESULTS", "RESULT_PACKAGES", "example", "result"]

DAY = dt.date(2026, 11, 23)
RESULT_PACKAGES = ("analysis", "governance", "cases", "introduce", "team", "planner", "privacy")
EXCLUDED = {
    "CostModel": "the cost model is a setting passed in, not a result",
    "LinkedTable": "a table given to privacy.suppress_together, not a result",
    "Snapshot": "a dated region given to analysis.trend, not a result",
}
"""Exported attrs classes that are not results, and why."""


@cache
def example() -> Region:
    return sw.example_region()


@cache
def _graph() -> sw.CompactGraph:
    return sw.compact_graph(example())


@cache
def _later() -> Region:
    region = example()
    plan = sw.introduce.connect_islands(region)
    return sw.introduce.apply_introductions(region, plan)


def _guests() -> list[str]:
    region = example()
    guests = [p.id for p in region.professionals if p.organisations[0] == "cjg"][:2]
    return (
        guests + [p.id for p in region.professionals if p.organisations[0] == "po-lindenbron"][:4]
    )


@cache
def _trend() -> Any:
    return sw.analysis.trend([(dt.date(2025, 1, 1), example()), (DAY, _later())])


def _agenda() -> Any:
    return next(a for a in sw.governance.check_agendas(example(), today=DAY) if a.timeline)


RESULTS: dict[str, Callable[[], Any]] = {
    # analysis
    "ApproximateBetweenness": lambda: sw.analysis.approximate_betweenness(
        _graph(), epsilon=0.1, seed=1
    ),
    "BrokerageRoles": lambda: next(iter(sw.analysis.brokerage_roles(_graph()).values())),
    "Change": lambda: sw.analysis.compare(example(), _later()),
    "Communities": lambda: sw.analysis.communities(_graph(), seed=1),
    "ContactReach": lambda: sw.analysis.nearest_contact(
        _graph(), to_sectors=["youth_care"], max_steps=2
    ),
    "Delta": lambda: sw.analysis.compare(example(), _later()).ei,
    "EIIndex": lambda: sw.analysis.ei_index(_graph(), by="domain"),
    "Island": lambda: sw.analysis.islands(_graph()).islands[0],
    "IslandMerge": lambda: IslandMerge(
        Island(("a", "b", "c"), domains={"care": 3}), (Island(("a", "b")), Island(("c",)))
    ),
    "IslandSplit": lambda: IslandSplit(
        Island(("a", "b", "c"), domains={"care": 3}), (Island(("a", "b")), Island(("c",)))
    ),
    "Islands": lambda: sw.analysis.islands(_graph()),
    "LinkCarriers": lambda: sw.analysis.bus_factor(_graph())[0],
    "MixingMatrix": lambda: sw.analysis.mixing_matrix(_graph()),
    "Rating": lambda: sw.analysis.trust_value(example()).overall,
    "SchoolContact": lambda: sw.analysis.nearest_contact(
        _graph(), to_sectors=["youth_care"], max_steps=2
    ).contacts[0],
    "TrustValue": lambda: sw.analysis.trust_value(example(), by="domain"),
    "WeakPoint": lambda: sw.analysis.weak_points(_graph())[0],
    "Trend": lambda: _trend(),
    "TrendRow": lambda: _trend().rows[0],
    "TrendStep": lambda: _trend().steps[0],
    # governance
    "AgendaCheck": _agenda,
    "AgreementCheck": lambda: sw.governance.check_agreements(example(), today=DAY)[0],
    "AgreementMatrix": lambda: sw.governance.agreement_matrix(example()),
    "Constitution": lambda: sw.governance.constitution(example()),
    "GroupCheck": lambda: sw.governance.check_working_groups(example())[0],
    "LeaTable": lambda: sw.governance.lea_table(example()),
    "MeetingEffect": lambda: sw.governance.meeting_effects(example())[0],
    "PartyEndorsements": lambda: sw.governance.constitution(example()).parties[0],
    "PeriodProgress": lambda: _agenda().timeline[0],
    "Provision": lambda: sw.governance.lea_table(example()).provisions[0],
    "Representative": lambda: next(
        r for p in sw.governance.lea_table(example()).provisions for r in p.representatives
    ),
    "TopicCheck": lambda: _agenda().topics[0],
    # cases
    "CaseChecks": lambda: sw.cases.check_cases(example(), today=DAY),
    "CaseCounts": lambda: sw.cases.count_cases(example(), "municipality", "status", today=DAY),
    "CaseDuration": lambda: sw.cases.case_durations(example(), today=DAY)[0],
    "LevelDurations": lambda: sw.cases.durations_by_level(example(), today=DAY)[0],
    "PublishedDurations": lambda: sw.cases.published_durations(example(), today=DAY),
    "PublishedTable": lambda: sw.cases.PublishedTable.of(
        sw.cases.aggregate(example(), "swv", "support_level", today=DAY), corner="swv"
    ),
    # privacy (what sw.cases.aggregate returns)
    "SuppressedTable": lambda: sw.cases.aggregate(example(), "swv", "support_level", today=DAY),
    # introduce
    "Improvement": lambda: sw.introduce.improvement(example(), _later()),
    "Introduction": lambda: sw.introduce.connect_islands(example()).items[0],
    "Introductions": lambda: sw.introduce.connect_islands(example()),
    # team
    "MissingTie": lambda: next(
        gap for team in sw.team.team_gaps(example()).teams for gap in team.missing
    ),
    "OrganisationLink": lambda: sw.team.team_gaps(example()).missing_links[0],
    "TeamGaps": lambda: sw.team.team_around(example(), example().cases[0].id),
    "TeamGapsSummary": lambda: sw.team.team_gaps(example()),
    # planner
    "InviteeSelection": lambda: sw.planner.select_invitees(
        example(), _guests(), max_per_organisation=2
    ),
    "TablePlan": lambda: sw.planner.plan_tables(example(), _guests()[:4], tables=2, rounds=1),
}


@cache
def result(name: str) -> Any:
    """The (cached) instance of one result class."""
    return RESULTS[name]()
