"""Tests for trends over many snapshots (``analysis.trend``).

References: ``analysis.compare`` on the same two regions (the step between them), and per
snapshot plain networkx (connected components, degree-zero nodes, edges across domains,
shortest path lengths from schools to care), a brute-force bus factor of 1 (one person on
every tie between two domains), ``governance.check_agreements`` and ``cases.case_durations``
with the snapshot's date as ``today``.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from group_graphs import regions
from hypothesis import given
from hypothesis import strategies as st

import samenwerking as sw
from samenwerking.analysis import Snapshot, Trend, compare, trend
from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.trend import CARE_SECTORS
from samenwerking.cases import case_durations
from samenwerking.governance import check_agreements
from samenwerking.model import (
    Case,
    CaseId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    SupportLevel,
    Tie,
    TieStore,
)
from samenwerking.privacy import DEFAULT_THRESHOLD

DAY = dt.date(2025, 1, 1)
LATER = dt.date(2026, 1, 1)


def _graph(r: Region) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(p.id for p in r.professionals)
    g.add_edges_from((t.source, t.target) for t in r.ties if t.source != t.target)
    return g


def _expected_row(r: Region, day: dt.date) -> dict[str, object]:
    """Each figure of one snapshot from plain networkx and brute force."""
    g = _graph(r)
    domain = {p.id: r.domain_of(p.id).value for p in r.professionals}
    sector = {p.id: r.sector_of(p.id).value for p in r.professionals}
    cross = [(a, b) for a, b in g.edges if domain[a] != domain[b]]
    links: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a, b in cross:
        links.setdefault(tuple(sorted((domain[a], domain[b]))), []).append((a, b))  # type: ignore[arg-type]
    fragile = sorted(
        pair for pair, edges in links.items() if set.intersection(*({a, b} for a, b in edges))
    )
    care = {p for p in g if sector[p] in CARE_SECTORS}
    unreached = []
    for org in r.organisations:
        if not org.sector.is_school:
            continue
        members = [p.id for p in r.professionals if p.organisation == org.id]
        if not members:
            continue
        near = set().union(*(nx.single_source_shortest_path_length(g, m, 2) for m in members))
        if not near & care:
            unreached.append(org.id)
    components = list(nx.connected_components(g))
    return {
        "professionals": g.number_of_nodes(),
        "tied_pairs": g.number_of_edges(),
        "islands": len(components),
        "isolates": sum(1 for v in g if g.degree(v) == 0),
        "largest": max((len(c) for c in components), default=0),
        "cross_share": len(cross) / g.number_of_edges() if g.number_of_edges() else None,
        "links": len(links),
        "fragile_links": tuple(fragile),
        "unreached_schools": tuple(sorted(unreached)),
        "agreements": len(check_agreements(r, today=day)),
    }


def _published(count: int) -> str:
    return f"fewer than {DEFAULT_THRESHOLD}" if 0 < count < DEFAULT_THRESHOLD else str(count)


@given(
    before=regions(max_ties=25),
    after=regions(max_ties=25),
    gap=st.integers(0, 800),
)
def test_two_snapshots_agree_with_compare_and_with_each_snapshot(
    before: Region, after: Region, gap: int
) -> None:
    later = DAY + dt.timedelta(days=gap)
    found = trend([(DAY, before), (later, after)])
    assert [row.as_of for row in found.rows] == [DAY, later]
    for row, r, day in ((found.rows[0], before, DAY), (found.rows[1], after, later)):
        for name, value in _expected_row(r, day).items():
            assert getattr(row, name) == value, name
    (step,) = found.steps
    change = compare(before, after)
    assert (step.since, step.until) == (DAY, later)
    assert step.joined == change.added and step.left == change.removed
    assert (step.new_ties, step.lost_ties) == (change.new_ties, change.lost_ties)
    assert step.merged == change.merged and step.split == change.split
    assert step.ei == change.ei
    old, new = {p.id for p in before.professionals}, {p.id for p in after.professionals}
    assert set(step.joined) == new - old and set(step.left) == old - new


@given(snapshots=st.lists(regions(max_ties=15), min_size=0, max_size=4))
def test_one_row_per_snapshot_and_one_step_fewer(snapshots: list[Region]) -> None:
    days = [DAY + dt.timedelta(days=30 * i) for i in range(len(snapshots))]
    found = trend(zip(days, snapshots, strict=True))
    assert len(found.rows) == len(snapshots) and len(found) == len(snapshots)
    assert len(found.steps) == max(len(snapshots) - 1, 0)
    assert [s.since for s in found.steps] == days[:-1]
    assert [s.until for s in found.steps] == days[1:]
    assert found.series("islands") == tuple(row.islands for row in found.rows)


def _people(region: Region, extra: int) -> tuple[Professional, ...]:
    """``extra`` new professionals in the region's first organisation."""
    org = region.organisations[0].id
    return tuple(
        Professional(ProfessionalId(f"new-{i}"), f"New Person {i}", Role.OTHER, (org,))
        for i in range(extra)
    )


def _variants() -> tuple[Region, Region, Region]:
    """The example region; a year on, three people joined and ties to the isolates; then
    the first of them left again."""
    first = sw.example_region()
    isolates = sw.analysis.islands(sw.compact_graph(first)).isolates
    newcomers = _people(first, 3)
    anchor = first.professionals[0].id
    added = [Tie(n.id, anchor) for n in newcomers] + [Tie(i, anchor) for i in isolates]
    second = first.replace(
        professionals=first.professionals + newcomers,
        ties=TieStore.concat([first.ties, TieStore.from_ties(added)]),
    )
    keep = [i for i, t in enumerate(second.ties) if "new-0" not in (t.source, t.target)]
    third = second.replace(
        professionals=tuple(p for p in second.professionals if p.id != "new-0"),
        ties=second.ties.select(keep),
    )
    return first, second, third


def test_joined_left_and_merged_islands_over_three_snapshots() -> None:
    first, second, third = _variants()
    days = (DAY, dt.date(2025, 9, 1), LATER)
    found = trend(list(zip(days, (first, second, third), strict=True)))
    isolates = sw.analysis.islands(sw.compact_graph(first)).isolates
    grow, shrink = found.steps
    assert grow.joined == ("new-0", "new-1", "new-2") and grow.left == ()
    assert grow.new_ties == 3 + len(isolates) and grow.lost_ties == 0
    assert len(grow.merged) == 1  # every isolate joined the island of the anchor
    assert len(grow.merged[0].sources) == 1 + len(isolates)
    assert shrink.joined == () and shrink.left == ("new-0",)
    assert shrink.lost_ties == 1 and shrink.merged == () and shrink.split == ()
    assert found.series("isolates") == (len(isolates), 0, 0)
    assert found.series("professionals") == (181, 184, 183)
    assert found.latest is found.rows[-1]


def test_snapshot_objects_and_notes() -> None:
    first, second, _ = _variants()
    found = trend([Snapshot(DAY, first, note="survey 2025"), Snapshot(LATER, second)])
    assert [row.note for row in found.rows] == ["survey 2025", None]

    class Stored:  # what a store hands back: .as_of, .region and a note
        def __init__(self, as_of: dt.datetime, region: Region) -> None:
            self.as_of, self.region, self.note = as_of, region, "from the store"

    found = trend([Stored(dt.datetime(2025, 1, 1, 12), first)])
    assert found.rows[0].as_of == DAY and found.rows[0].note == "from the store"


def test_generator_is_read_once() -> None:
    first, second, third = _variants()
    read: list[int] = []

    def load() -> object:
        for i, r in enumerate((first, second, third)):
            read.append(i)
            yield DAY + dt.timedelta(days=i), r

    assert len(trend(load()).rows) == 3 and read == [0, 1, 2]


def _with_cases(region: Region, open_out: int, opened: dt.date) -> Region:
    school = next(o.id for o in region.organisations if o.sector.is_school)
    cases = tuple(
        Case(CaseId(f"c-{i:03d}"), "Dorp", SupportLevel.EXTRA, school=school, opened=opened)
        for i in range(open_out)
    )
    return region.replace(cases=cases)


@pytest.mark.parametrize("count", [0, 1, 2, 4, 5, 9])
def test_open_thuiszitters_are_published_suppressed(count: int) -> None:
    base = sw.example_region().replace(cases=())
    r = _with_cases(base, count, dt.date(2024, 9, 2))
    row = trend([(DAY, r)]).rows[0]
    assert row.open_thuiszitters == _published(count)


def test_open_thuiszitters_count_as_of_each_snapshot() -> None:
    # Cases opened in mid-2025 are not yet open on the first day, but are on the second.
    r = _with_cases(sw.example_region().replace(cases=()), 7, dt.date(2025, 6, 1))
    found = trend([(DAY, r), (LATER, r)])
    assert found.series("open_thuiszitters") == ("0", "7")
    assert trend([(LATER, r)], threshold=8).rows[0].open_thuiszitters == "fewer than 8"


def test_example_rows_match_the_governance_and_case_checks() -> None:
    r = sw.example_region()
    row = trend([(DAY, r)]).rows[0]
    checks = check_agreements(r, today=DAY)
    assert row.agreements == len(checks) > 0
    assert row.agreements_to_fix == sum(1 for c in checks if c.problems)
    assert row.paper_only == sum(1 for c in checks if c.paper_only)
    still_out = sum(1 for d in case_durations(r, today=DAY) if d.out_of_school)
    assert row.open_thuiszitters == _published(still_out)
    ei = sw.analysis.ei_index(sw.compact_graph(r), by="domain")
    assert row.ei == pytest.approx(ei.value) and row.ei_by_group == pytest.approx(ei.groups)


def test_grouping_by_sector_changes_the_figures() -> None:
    r = sw.example_region()
    by_domain, by_sector = trend([(DAY, r)]).rows[0], trend([(DAY, r)], by="sector").rows[0]
    assert by_sector.cross_share is not None and by_domain.cross_share is not None
    assert by_sector.cross_share >= by_domain.cross_share  # every domain edge is a sector edge
    assert set(by_sector.ei_by_group) <= {s.value for s in Sector} | {"unknown"}


def test_reach_within_more_steps_leaves_fewer_schools_unreached() -> None:
    r = sw.example_region()
    near, far = trend([(DAY, r)], steps=1).rows[0], trend([(DAY, r)], steps=4).rows[0]
    assert set(far.unreached_schools) <= set(near.unreached_schools)
    assert far.schools == near.schools


def test_short_reprs() -> None:
    first, second, _ = _variants()
    found = trend([(DAY, first), (LATER, second)])
    assert repr(found).startswith("<Trend 2 snapshot(s) 2025-01-01..2026-01-01: islands ")
    assert len(repr(found)) < 200
    assert "3 joined, 0 left" in repr(found.steps[0]) and len(repr(found.steps[0])) < 200
    assert repr(found.rows[0]).startswith("<TrendRow 2025-01-01: 181 professionals")
    assert repr(trend([])) == "<Trend: no snapshots>"
    assert isinstance(trend([]), Trend) and trend([]).latest is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r: trend([(LATER, r), (DAY, r)]), "snapshot 1 (as_of 2025-01-01) is older"),
        (lambda r: trend([r]), "snapshot 0: expected an (as_of, Region) pair"),
        (lambda r: trend([("2025-01-01", r)]), "as_of must be a datetime.date"),
        (lambda r: trend([(DAY, "region.json")]), "expected a Region, got str"),
        (lambda r: trend([(DAY, r)], by="colour"), "cannot group by 'colour'"),
        (lambda r: trend([(DAY, r)], care_sectors=["care"]), "unknown care sector 'care'"),
        (lambda r: trend([(DAY, r)], steps=0), "steps must be a positive integer"),
        (lambda r: trend([(DAY, r)], threshold=2), "threshold"),
        (lambda r: trend([(DAY, r)]).series("colour"), "no series 'colour'"),
    ],
)
def test_bad_arguments_are_named(call: object, message: str) -> None:
    with pytest.raises(InvalidArgumentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(sw.example_region())  # type: ignore[operator]
