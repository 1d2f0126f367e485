"""Meetings: ties met at a meeting, the since-date filter, and before/after effects.

(Named ``test_governance_meetings`` so that it cannot clash with other ``test_meetings``.)
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from governance_regions import build
from hypothesis import given
from hypothesis import strategies as st

import samenwerking.analysis.change
import samenwerking.governance.meetings
from samenwerking.errors import UnknownIdError
from samenwerking.governance import (
    meeting_effect,
    meeting_effects,
    since_mask,
    ties_by_meeting,
    ties_until,
)
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.model import Meeting, MeetingKind, Region, Sector, Tie

D = dt.date
S = Sector
ORGS = {"po": S.PRIMARY_SCHOOL, "cjg": S.FAMILY_CENTRE, "gem": S.MUNICIPALITY}
PEOPLE = {"a": "po", "b": "po", "c": "cjg", "d": "cjg", "e": "gem"}
CAFE = Meeting(
    "cafe", "Sociaal cafe", MeetingKind.SOCIAAL_CAFE, D(2025, 3, 1), participants=("a", "c", "e")
)


def tie(a: str, b: str, since: dt.date | None = None, met_at: str | None = None) -> Tie:
    return Tie(a, b, since=since, met_at=met_at)


def test_ties_until_and_since_mask() -> None:
    ties = [tie("a", "b", D(2024, 1, 1)), tie("b", "c", D(2025, 1, 2)), tie("c", "d")]
    region = build(ORGS, PEOPLE, ties)
    assert since_mask(region.ties, D(2025, 1, 1)).tolist() == [True, False, True]
    assert since_mask(region.ties, D(2025, 1, 1), undated=False).tolist() == [True, False, False]
    assert since_mask(region.ties, D(2025, 1, 2)).tolist() == [True, True, True]
    kept = ties_until(region, D(2024, 6, 1))
    assert [(t.source, t.target) for t in kept.ties] == [("a", "b"), ("c", "d")]
    assert kept.professionals == region.professionals
    with pytest.raises(ValueError, match=r"date must be a datetime.date"):
        ties_until(region, "2024-01-01")


@given(
    st.lists(
        st.tuples(
            st.sampled_from("abcde"),
            st.sampled_from("abcde"),
            st.none() | st.dates(D(2020, 1, 1), D(2030, 1, 1)),
        ),
        max_size=20,
    ),
    st.dates(D(2020, 1, 1), D(2030, 1, 1)),
)
def test_since_mask_matches_a_per_tie_check(
    rows: list[tuple[str, str, dt.date | None]], date: dt.date
) -> None:
    region = build(ORGS, PEOPLE, [tie(a, b, s) for a, b, s in rows if a != b])
    expected = [t.since is None or t.since <= date for t in region.ties]
    assert since_mask(region.ties, date).tolist() == expected


def test_ties_by_meeting() -> None:
    ties = [
        tie("a", "c", met_at="cafe"),
        tie("a", "e", met_at="cafe"),
        tie("b", "d", met_at="other"),
        tie("a", "b"),
    ]
    region = build(ORGS, PEOPLE, ties, meetings=(Meeting("quiet", "Q", "conference"), CAFE))
    assert ties_by_meeting(region) == {"quiet": 0, "cafe": 2, "other": 1}


def test_meeting_effect_on_islands_and_mixing() -> None:
    # a-b (po) and c-d (cjg) are two islands; at the cafe a met c (cross-domain) and a met
    # b again (already tied). e met nobody. d-e only began after the cafe.
    ties = [
        tie("a", "b", D(2024, 1, 1)),
        tie("c", "d"),
        tie("a", "c", D(2025, 3, 1), met_at="cafe"),
        tie("a", "b", D(2025, 3, 1), met_at="cafe"),
        tie("d", "e", D(2025, 9, 1)),
    ]
    region = build(ORGS, PEOPLE, ties, meetings=(CAFE,))
    effect = meeting_effect(region, "cafe")
    assert effect.ties == 2 and effect.participants == 3
    assert effect.new_pairs == (("a", "c"),)
    assert effect.new_cross_ties == 1
    assert (effect.islands.before, effect.islands.after) == (
        3,
        2,
    )  # {a,b} {c,d} {e} -> {a,b,c,d} {e}
    assert effect.largest_share.before == pytest.approx(2 / 5)
    assert effect.largest_share.after == pytest.approx(4 / 5)
    # Before: a-b and c-d inside their domains (E-I -1); after: one tie across.
    assert effect.ei.before == pytest.approx(-1.0)
    assert effect.ei.after == pytest.approx((1 - 2) / 3)
    assert "1 new tied pair(s)" in str(effect)
    by_sector = meeting_effect(region, CAFE, by="sector")
    assert by_sector.new_cross_ties == 1 and by_sector.by == "sector"


def test_a_meeting_without_new_ties_changes_nothing() -> None:
    ties = [tie("a", "c"), tie("a", "c", D(2025, 3, 1), met_at="cafe")]
    region = build(ORGS, PEOPLE, ties, meetings=(CAFE,))
    effect = meeting_effect(region, "cafe")
    assert effect.ties == 1 and effect.new_pairs == () and effect.new_cross_ties == 0
    assert effect.islands.change == 0 and effect.ei.change == 0
    assert meeting_effects(region) == (effect,)


def test_bad_arguments() -> None:
    region = build(ORGS, PEOPLE, meetings=(CAFE,))
    with pytest.raises(UnknownIdError, match="meeting"):
        meeting_effect(region, "gala")
    with pytest.raises(ValueError, match="cannot group by 'role'"):
        meeting_effect(region, "cafe", by="role")
    with pytest.raises(ValueError, match="needs a Region"):
        meeting_effects([CAFE])


DOMAIN = {p: S(ORGS[o]).domain.value for p, o in PEOPLE.items()}


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(PEOPLE)),
            st.sampled_from(list(PEOPLE)),
            st.none() | st.dates(D(2024, 1, 1), D(2026, 1, 1)),
            st.sampled_from([None, "cafe", "other"]),
        ),
        max_size=15,
    ),
    st.none() | st.dates(D(2024, 1, 1), D(2026, 1, 1)),
)
def test_before_and_after_match_networkx(
    rows: list[tuple[str, str, dt.date | None, str | None]], date: dt.date | None
) -> None:
    meeting = Meeting("cafe", "Cafe", "sociaal_cafe", date)
    kept = [(a, b, s, m) for a, b, s, m in rows if a != b]
    region = build(ORGS, PEOPLE, [tie(a, b, s, m) for a, b, s, m in kept], meetings=(meeting,))
    effect = meeting_effect(region, "cafe")

    def graph(edges: list[tuple[str, str]]) -> nx.Graph:
        G = nx.Graph()  # noqa: N806
        G.add_nodes_from(PEOPLE)
        G.add_edges_from(edges)
        return G

    in_time = [date is None or s is None or s <= date for _, _, s, _ in kept]
    before = graph(
        [(a, b) for (a, b, _, m), ok in zip(kept, in_time, strict=True) if ok and m != "cafe"]
    )
    after = graph(
        [(a, b) for (a, b, _, m), ok in zip(kept, in_time, strict=True) if ok or m == "cafe"]
    )
    assert effect.ties == sum(m == "cafe" for *_, m in kept)
    assert effect.islands.before == nx.number_connected_components(before)
    assert effect.islands.after == nx.number_connected_components(after)
    largest = max(len(c) for c in nx.connected_components(after))
    assert effect.largest_share.after == pytest.approx(largest / len(PEOPLE))
    new = {tuple(sorted(e)) for e in after.edges} - {tuple(sorted(e)) for e in before.edges}
    assert set(effect.new_pairs) == new
    assert effect.new_cross_ties == sum(DOMAIN[a] != DOMAIN[b] for a, b in new)
    external = sum(DOMAIN[a] != DOMAIN[b] for a, b in after.edges)
    if after.number_of_edges():
        internal = after.number_of_edges() - external
        assert effect.ei.after == pytest.approx((external - internal) / (external + internal))


def test_meeting_effects_builds_the_shared_state_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The effects of many meetings share one pass over the region: the node attributes are
    # coded once, not four compact graphs per meeting (which made 20 meetings on 50,000
    # professionals take over 20 seconds).
    built: list[int] = []

    def counting(region: Region) -> CompactGraph:
        built.append(len(region.ties))
        return compact_graph(region)

    monkeypatch.setattr(samenwerking.governance.meetings, "compact_graph", counting)
    monkeypatch.setattr(samenwerking.analysis.change, "compact_graph", counting)
    meetings = tuple(Meeting(f"m{i}", f"M{i}", "conference", D(2025, 1, 1 + i)) for i in range(5))
    ties = [tie("a", "c", D(2025, 1, 1 + i), met_at=f"m{i}") for i in range(5)]
    region = build(ORGS, PEOPLE, ties, meetings=meetings)
    effects = meeting_effects(region)
    assert len(effects) == 5 and len(built) <= 1
    assert [len(e.new_pairs) for e in effects] == [1, 0, 0, 0, 0]


GROUP = {
    "domain": DOMAIN,
    "sector": {p: ORGS[o].value for p, o in PEOPLE.items()},
    "organisation": dict(PEOPLE),
}


@given(
    st.lists(
        st.tuples(
            st.sampled_from([*PEOPLE, "ghost"]),  # a tie may name someone not in the region
            st.sampled_from(list(PEOPLE)),
            st.none() | st.dates(D(2024, 1, 1), D(2026, 1, 1)),
            st.sampled_from([None, "m0", "m1", "m2", "elsewhere"]),
        ),
        max_size=20,
    ),
    st.lists(st.none() | st.dates(D(2024, 1, 1), D(2026, 1, 1)), min_size=3, max_size=3),
    st.sampled_from(sorted(GROUP)),
)
def test_every_meeting_matches_networkx(
    rows: list[tuple[str, str, dt.date | None, str | None]],
    dates: list[dt.date | None],
    by: str,
) -> None:
    meetings = tuple(Meeting(f"m{i}", f"M{i}", "conference", d) for i, d in enumerate(dates))
    region = build(
        ORGS, PEOPLE, [tie(a, b, s, m) for a, b, s, m in rows if a != b], meetings=meetings
    )
    effects = meeting_effects(region, by=by)
    assert effects == tuple(meeting_effect(region, m, by=by) for m in meetings)
    group = GROUP[by]
    for meeting, effect in zip(meetings, effects, strict=True):
        date = meeting.date
        known = [(a, b, s, m) for a, b, s, m in rows if a != b and a in PEOPLE and b in PEOPLE]
        in_time = [date is None or s is None or s <= date for _, _, s, _ in known]
        here = [m == meeting.id for *_, m in known]
        graphs = []
        for keep in (
            [ok and not at for ok, at in zip(in_time, here, strict=True)],
            [ok or at for ok, at in zip(in_time, here, strict=True)],
        ):
            G = nx.Graph()  # noqa: N806
            G.add_nodes_from(PEOPLE)
            G.add_edges_from((a, b) for (a, b, _, _), k in zip(known, keep, strict=True) if k)
            graphs.append(G)
        before, after = graphs
        assert effect.ties == sum(m == meeting.id for a, b, _, m in rows if a != b)
        new = sorted(
            {tuple(sorted(e)) for e in after.edges} - {tuple(sorted(e)) for e in before.edges}
        )
        assert list(effect.new_pairs) == new
        assert effect.new_cross_ties == sum(group[a] != group[b] for a, b in new)
        for delta, G in ((0, before), (1, after)):  # noqa: N806
            components = list(nx.connected_components(G))
            islands = (effect.islands.before, effect.islands.after)[delta]
            share = (effect.largest_share.before, effect.largest_share.after)[delta]
            ei = (effect.ei.before, effect.ei.after)[delta]
            assert islands == len(components)
            assert share == pytest.approx(max(len(c) for c in components) / len(PEOPLE))
            external = sum(group[a] != group[b] for a, b in G.edges)
            internal = G.number_of_edges() - external
            if G.number_of_edges():
                assert ei == pytest.approx((external - internal) / (external + internal))
            else:
                assert ei is None
