"""Agendas: outcomes without steps, steps without owner or past due, progress, open topics."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from governance_regions import build
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.governance import check_agenda, check_agendas
from samenwerking.model import Agenda, AgendaKind, Step, StepStatus, Topic

D = dt.date
TODAY = D(2025, 6, 15)
END = D(2026, 12, 31)


def agenda(*topics: Topic, end: dt.date | None = END, **kw: Any) -> Agenda:
    return Agenda(
        "lea", "LEA", AgendaKind.LEA, "gem", start=D(2024, 1, 1), end=end, topics=topics, **kw
    )


def test_outcomes_without_steps() -> None:
    bare = Topic("t", "Doorgaande lijn", outcomes=("warme overdracht",))
    check = check_agenda(agenda(bare), today=TODAY).topic("t")
    assert check.outcomes_without_steps and check.still_open
    assert "outcomes without steps" in check.problems
    worked = Topic("t", "T", outcomes=("x",), steps=(Step("s", owner="p", status="done"),))
    assert not check_agenda(agenda(worked), today=TODAY).topic("t").outcomes_without_steps
    empty = Topic("t", "T")  # neither outcomes nor steps
    assert not check_agenda(agenda(empty), today=TODAY).topic("t").still_open


def test_steps_without_owner_and_past_due() -> None:
    late = Step("late", owner="p", due=D(2025, 6, 14))
    due_today = Step("today", owner="p", due=TODAY)
    late_but_done = Step("done", owner="p", due=D(2025, 1, 1), status="done")
    late_but_dropped = Step("dropped", owner="p", due=D(2025, 1, 1), status="dropped")
    nobody = Step("nobody", due=D(2026, 1, 1), status="in_progress")
    topic = Topic(
        "t", "T", leads=("p",), steps=(late, due_today, late_but_done, late_but_dropped, nobody)
    )
    check = check_agenda(agenda(topic), today=TODAY).topic("t")
    assert check.past_due == (late,)
    assert check.steps_without_owner == (nobody,)
    assert check.problems == ("1 step(s) without owner", "1 step(s) past due")
    later = check_agenda(agenda(topic), today=D(2026, 2, 1)).topic("t")
    assert later.past_due == (late, due_today, nobody)


def test_leads_and_progress() -> None:
    steps = tuple(
        Step(str(i), owner="p", status=s)
        for i, s in enumerate(["done", "done", "dropped", "planned", "in_progress"])
    )
    check = check_agenda(agenda(Topic("t", "T", steps=steps)), today=TODAY).topic("t")
    assert (check.steps, check.done, check.dropped, check.open_steps) == (5, 2, 1, 2)
    assert check.progress == pytest.approx(2 / 4)
    assert check.without_leads and "no lead" in check.problems
    all_dropped = Topic("u", "U", leads=("a", "b"), steps=(Step("x", status="dropped"),))
    dropped = check_agenda(agenda(all_dropped), today=TODAY).topic("u")
    assert dropped.progress is None and dropped.leads == ("a", "b") and not dropped.still_open


def test_timeline_per_quarter_and_year() -> None:
    steps = (
        Step("a", due=D(2024, 2, 1), status="done"),
        Step("b", due=D(2024, 3, 31)),
        Step("c", due=D(2024, 4, 1), status="dropped"),
        Step("d", due=D(2025, 12, 31), status="done"),
        Step("e"),
    )
    result = check_agenda(agenda(Topic("t", "T", steps=steps)), today=TODAY)
    assert [(p.period, p.due, p.done, p.dropped, p.not_done) for p in result.timeline] == [
        ("2024-Q1", 2, 1, 0, 1),
        ("2024-Q2", 1, 0, 1, 0),
        ("2025-Q4", 1, 1, 0, 0),
    ]
    assert result.steps_without_due == 1
    yearly = check_agenda(agenda(Topic("t", "T", steps=steps)), today=TODAY, per="year")
    assert [(p.period, p.due) for p in yearly.timeline] == [("2024", 3), ("2025", 1)]


def test_period_and_topics_still_open_at_the_end() -> None:
    done = Topic("a", "A", steps=(Step("x", status="done"),))
    running = Topic("b", "B", steps=(Step("y", status="in_progress"),))
    ended = check_agenda(agenda(done, running, end=D(2025, 1, 1)), today=TODAY)
    assert ended.ended and [t.id for t in ended.still_open] == ["b"]
    assert ended.period == "2024-01-01 to 2025-01-01"
    assert "1 of 2 topic(s) open" in str(ended)
    assert ended.progress == pytest.approx(1 / 2) and ended.steps == 2
    assert not check_agenda(agenda(done, end=None), today=TODAY).ended
    assert check_agenda(agenda(done, end=None), today=TODAY).period.endswith("to ?")


def test_check_agendas_on_a_region() -> None:
    region = build(
        {},
        {},
        agendas=(
            agenda(),
            Agenda("ta", "Transformatie", AgendaKind.TRANSFORMATION, "gem"),
        ),
    )
    assert [a.id for a in check_agendas(region, today=TODAY)] == ["lea", "ta"]
    assert [a.id for a in check_agendas(region, today=TODAY, kinds="transformation")] == ["ta"]
    assert check_agendas(build({}, {}), today=TODAY) == ()


def test_today_defaults_to_the_current_date() -> None:
    assert check_agenda(agenda()).today == dt.date.today()


def test_a_datetime_counts_as_its_day() -> None:
    assert check_agenda(agenda(), today=dt.datetime(2025, 1, 1, 23, 59)).today == dt.date(
        2025, 1, 1
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"per": "month"}, "per must be one of quarter, year"),
        ({"today": "2025-01-01"}, "today must be a datetime.date"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        check_agenda(agenda(), **kwargs)
    with pytest.raises(ValueError, match=message):  # also without any agenda to check
        check_agendas(build({}, {}), **kwargs)


def test_steps_due_after_the_agenda_ends() -> None:
    topic = Topic(
        "t",
        "Overgang",
        leads=("p",),
        steps=(
            Step("late", owner="p", due=D(2027, 1, 1)),
            Step("on the last day", owner="p", due=END),
            Step("late but done", owner="p", due=D(2027, 3, 1), status="done"),
            Step("late and dropped", owner="p", due=D(2027, 3, 1), status="dropped"),
            Step("undated", owner="p"),
        ),
    )
    check = check_agenda(agenda(topic), today=TODAY)
    assert [s.description for s in check.topic("t").due_after_end] == ["late"]
    assert check.due_after_end == 1
    assert "1 step(s) due after the agenda ends" in check.topic("t").problems
    open_ended = check_agenda(agenda(topic, end=None), today=TODAY)
    assert open_ended.due_after_end == 0 and open_ended.topic("t").problems == ()


def test_bad_kinds_and_inputs() -> None:
    with pytest.raises(ValueError, match="unknown agenda kind"):
        check_agendas(build({}, {}), kinds=["lea-agenda"])
    with pytest.raises(ValueError, match="needs an Agenda"):
        check_agenda("lea")


steps_strategy = st.builds(
    Step,
    description=st.just("s"),
    due=st.one_of(st.none(), st.dates(D(2023, 1, 1), D(2027, 12, 31))),
    status=st.sampled_from(list(StepStatus)),
)


@given(
    st.lists(st.lists(steps_strategy, max_size=6), max_size=4), st.sampled_from(["quarter", "year"])
)
def test_timeline_accounts_for_every_step(topic_steps: list[list[Step]], per: str) -> None:
    topics = tuple(Topic(f"t{i}", "T", steps=tuple(s)) for i, s in enumerate(topic_steps))
    result = check_agenda(agenda(*topics), today=TODAY, per=per)
    all_steps = [s for steps in topic_steps for s in steps]
    assert sum(p.due for p in result.timeline) + result.steps_without_due == len(all_steps)
    assert sum(p.done for p in result.timeline) == sum(
        s.status is StepStatus.DONE and s.due is not None for s in all_steps
    )
    assert [p.period for p in result.timeline] == sorted(p.period for p in result.timeline)
    assert result.past_due == sum(
        s.due is not None and s.due < TODAY and s.status in ("planned", "in_progress")
        for s in all_steps
    )
