"""Agendas: per topic, outcomes without steps, steps without owner or past due, and progress.

A topic is *still open* when one of its steps is neither done nor dropped, or when it has
outcomes (opbrengsten) but no steps towards them. Progress is the share of steps done
among the steps not dropped; dropped steps are counted separately. Steps neither done nor
dropped that fall due after the agenda's ``end`` are flagged as *due after the agenda
ends*: as planned, they will still be open when the agenda ends.

Example
-------
>>> import datetime as dt
>>> from samenwerking.model import Agenda, Step, Topic
>>> agenda = Agenda("a", "LEA 2024-2026", "lea", "gemeente", end=dt.date(2026, 12, 31),
...     topics=(Topic("t1", "Doorgaande lijn", outcomes=("warme overdracht",)),
...             Topic("t2", "Thuiszitters", leads=("p1",), steps=(
...                 Step("Plan", owner="p1", due=dt.date(2024, 3, 1), status="done"),
...                 Step("Uitvoering", due=dt.date(2024, 6, 1))))))
>>> check = check_agenda(agenda, today=dt.date(2025, 1, 1))
>>> [t.id for t in check.still_open], check.topic("t1").outcomes_without_steps
(['t1', 't2'], True)
>>> check.topic("t2").progress, len(check.topic("t2").past_due)
(0.5, 1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import frozen

from samenwerking.errors import InvalidArgumentError, UnknownIdError
from samenwerking.governance._common import check_region, resolve_today
from samenwerking.model import (
    Agenda,
    AgendaId,
    AgendaKind,
    ProfessionalId,
    Region,
    Step,
    StepStatus,
    Topic,
)
from samenwerking.tabular import Table, Tabular

__all__ = [
    "PERIODS",
    "AgendaCheck",
    "PeriodProgress",
    "TopicCheck",
    "check_agenda",
    "check_agendas",
]

PERIODS: tuple[str, ...] = ("quarter", "year")
"""How steps can be grouped by due date for progress over time."""

_CLOSED = frozenset({StepStatus.DONE, StepStatus.DROPPED})


@frozen(repr=False)
class TopicCheck(Tabular):
    """One topic of an agenda: its outcomes, steps, leads and progress."""

    id: str
    """The topic id."""
    title: str
    """Its title."""
    leads: tuple[ProfessionalId, ...]
    """Its administrative leads (trekkers)."""
    outcomes: int
    """The number of outcomes it should deliver."""
    steps: int
    """The number of steps."""
    done: int
    """Steps done."""
    dropped: int
    """Steps dropped."""
    steps_without_owner: tuple[Step, ...]
    """Steps nobody is responsible for."""
    past_due: tuple[Step, ...]
    """Steps whose due date is before today and that are neither done nor dropped."""
    due_after_end: tuple[Step, ...] = ()
    """Steps due after the agenda's end that are neither done nor dropped."""

    @property
    def outcomes_without_steps(self) -> bool:
        """True when the topic has outcomes but no steps towards them."""
        return self.outcomes > 0 and self.steps == 0

    @property
    def without_leads(self) -> bool:
        """True when nobody leads the topic."""
        return not self.leads

    @property
    def open_steps(self) -> int:
        """Steps neither done nor dropped."""
        return self.steps - self.done - self.dropped

    @property
    def progress(self) -> float | None:
        """Done steps among the steps not dropped (``None``: no such steps)."""
        live = self.steps - self.dropped
        return self.done / live if live else None

    @property
    def still_open(self) -> bool:
        """True when a step is still open, or outcomes have no steps."""
        return self.open_steps > 0 or self.outcomes_without_steps

    @property
    def problems(self) -> tuple[str, ...]:
        """What to fix, in plain words."""
        out = []
        if self.outcomes_without_steps:
            out.append("outcomes without steps")
        if self.steps_without_owner:
            out.append(f"{len(self.steps_without_owner)} step(s) without owner")
        if self.past_due:
            out.append(f"{len(self.past_due)} step(s) past due")
        if self.due_after_end:
            out.append(f"{len(self.due_after_end)} step(s) due after the agenda ends")
        if self.without_leads:
            out.append("no lead")
        return tuple(out)

    _COLUMNS = (
        "topic",
        "title",
        "leads",
        "outcomes",
        "steps",
        "done",
        "dropped",
        "open_steps",
        "progress",
        "past_due",
        "without_owner",
        "due_after_end",
        "problems",
    )

    def _row(self) -> tuple[object, ...]:
        return (
            self.id,
            self.title,
            self.leads,
            self.outcomes,
            self.steps,
            self.done,
            self.dropped,
            self.open_steps,
            self.progress,
            len(self.past_due),
            len(self.steps_without_owner),
            len(self.due_after_end),
            self.problems,
        )

    def _tables(self) -> tuple[Table, ...]:
        return (Table("topics", self._COLUMNS, [self._row()]),)


@frozen
class PeriodProgress(Tabular):
    """Steps due in one quarter or year, by how far they got."""

    period: str
    """The period, ``"2025"`` or ``"2025-Q3"``."""
    due: int
    """Steps due in it."""
    done: int
    """Of those, done."""
    dropped: int
    """Of those, dropped."""

    @property
    def not_done(self) -> int:
        """Of those, neither done nor dropped."""
        return self.due - self.done - self.dropped

    def _tables(self) -> tuple[Table, ...]:
        row = (self.period, self.due, self.done, self.dropped, self.not_done)
        return (Table("periods", ("period", "due", "done", "dropped", "not_done"), [row]),)


@frozen(repr=False)
class AgendaCheck(Tabular):
    """One agenda: its period, its topics and progress over time."""

    id: AgendaId
    """The agenda."""
    title: str
    """Its title."""
    kind: AgendaKind
    """Its kind."""
    start: dt.date | None
    """First day of its period."""
    end: dt.date | None
    """Last day of its period."""
    today: dt.date
    """The reference date for past due steps."""
    topics: tuple[TopicCheck, ...]
    """Every topic, in agenda order."""
    timeline: tuple[PeriodProgress, ...]
    """Steps per period of their due date, oldest first."""
    steps_without_due: int
    """Steps without a due date (not in the timeline)."""

    def topic(self, topic_id: str) -> TopicCheck:
        """The topic with this id."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise UnknownIdError("topic", topic_id, [t.id for t in self.topics])

    @property
    def ended(self) -> bool:
        """True when the agenda's period ended before today."""
        return self.end is not None and self.end < self.today

    @property
    def still_open(self) -> tuple[TopicCheck, ...]:
        """Topics still open (at its end, once the agenda has ended)."""
        return tuple(t for t in self.topics if t.still_open)

    @property
    def steps(self) -> int:
        """All steps."""
        return sum(t.steps for t in self.topics)

    @property
    def progress(self) -> float | None:
        """Done steps among all steps not dropped."""
        live = sum(t.steps - t.dropped for t in self.topics)
        return sum(t.done for t in self.topics) / live if live else None

    @property
    def past_due(self) -> int:
        """Steps past due over all topics."""
        return sum(len(t.past_due) for t in self.topics)

    @property
    def due_after_end(self) -> int:
        """Open steps due after the agenda's end, over all topics."""
        return sum(len(t.due_after_end) for t in self.topics)

    @property
    def period(self) -> str:
        """The period as text, e.g. ``"2024-01-01 to 2026-12-31"``."""
        start = self.start.isoformat() if self.start else "?"
        end = self.end.isoformat() if self.end else "?"
        return f"{start} to {end}"

    def __str__(self) -> str:
        return (
            f"{self.title} ({self.period}): {len(self.still_open)} of {len(self.topics)} "
            f"topic(s) open, {self.past_due} step(s) past due"
        )

    def _tables(self) -> tuple[Table, ...]:
        periods = [p._tables()[0].rows[0] for p in self.timeline]
        return (
            Table("topics", TopicCheck._COLUMNS, [t._row() for t in self.topics]),
            Table("timeline", ("period", "due", "done", "dropped", "not_done"), periods),
        )

    def _notes(self) -> tuple[str, ...]:
        progress = "-" if self.progress is None else f"{self.progress:.0%}"
        return (
            f"{self.period}; {self.steps} steps, {progress} done, {self.past_due} past due, "
            f"{self.steps_without_due} without a due date (today {self.today.isoformat()})",
        )

    def __repr__(self) -> str:
        return (
            f"<AgendaCheck {self.id!r}: {len(self.still_open)} of {len(self.topics)} topics "
            f"open, {self.past_due} steps past due>"
        )


def _check_per(per: object) -> None:
    if per not in PERIODS:
        raise InvalidArgumentError(f"per must be one of {', '.join(PERIODS)} (got {per!r})")


def _period(due: dt.date, per: str) -> str:
    return str(due.year) if per == "year" else f"{due.year}-Q{(due.month - 1) // 3 + 1}"


def _topic(topic: Topic, today: dt.date, end: dt.date | None) -> TopicCheck:
    steps = topic.steps
    live = [s for s in steps if s.due is not None and s.status not in _CLOSED]
    return TopicCheck(
        topic.id,
        topic.title,
        topic.leads,
        len(topic.outcomes),
        len(steps),
        sum(s.status is StepStatus.DONE for s in steps),
        sum(s.status is StepStatus.DROPPED for s in steps),
        tuple(s for s in steps if s.owner is None),
        tuple(s for s in live if s.due is not None and s.due < today),
        tuple(s for s in live if end is not None and s.due is not None and s.due > end),
    )


def check_agenda(
    agenda: Agenda, *, today: dt.date | None = None, per: str = "quarter"
) -> AgendaCheck:
    """Check one agenda.

    Parameters
    ----------
    agenda : Agenda
        The agenda.
    today : datetime.date, optional
        The reference date for past due steps (default: today).
    per : {"quarter", "year"}
        How to group steps by due date in :attr:`AgendaCheck.timeline`.

    Returns
    -------
    AgendaCheck
        Its period, per topic the findings (steps without owner, past due, or due after
        the agenda's end) and progress, and per period the steps due.

    Raises
    ------
    InvalidArgumentError
        For something that is not an agenda, a bad ``today`` or an unknown ``per``.

    Example
    -------
    >>> from samenwerking.model import Agenda, Step, Topic
    >>> agenda = Agenda("a", "LEA", "lea", "g", topics=(Topic("t", "T", steps=(
    ...     Step("x", due=dt.date(2025, 2, 1), status="done"),
    ...     Step("y", due=dt.date(2025, 5, 1), status="dropped"))),))
    >>> [(p.period, p.done, p.dropped) for p in check_agenda(agenda, per="quarter").timeline]
    [('2025-Q1', 1, 0), ('2025-Q2', 0, 1)]
    """
    if not isinstance(agenda, Agenda):
        raise InvalidArgumentError(f"check_agenda needs an Agenda, got {type(agenda).__name__}")
    when = resolve_today(today)
    _check_per(per)
    counts: dict[str, list[int]] = {}
    undated = 0
    for topic in agenda.topics:
        for step in topic.steps:
            if step.due is None:
                undated += 1
                continue
            row = counts.setdefault(_period(step.due, per), [0, 0, 0])
            row[0] += 1
            row[1] += step.status is StepStatus.DONE
            row[2] += step.status is StepStatus.DROPPED
    return AgendaCheck(
        agenda.id,
        agenda.title,
        agenda.kind,
        agenda.start,
        agenda.end,
        when,
        tuple(_topic(t, when, agenda.end) for t in agenda.topics),
        tuple(PeriodProgress(p, *counts[p]) for p in sorted(counts)),
        undated,
    )


def check_agendas(
    region: Region,
    *,
    today: dt.date | None = None,
    per: str = "quarter",
    kinds: Iterable[AgendaKind | str] | None = None,
) -> tuple[AgendaCheck, ...]:
    """Check every agenda of a region (or those of some kinds), in the region's order.

    See :func:`check_agenda` for the parameters and the result.

    Example
    -------
    >>> from samenwerking.model import Agenda, Region
    >>> region = Region("Dorp", agendas=(Agenda("a", "LEA", "lea", "g"),))
    >>> [a.id for a in check_agendas(region, kinds=["lea"])]
    ['a']
    """
    check_region(region, "check_agendas")
    when = resolve_today(today)
    _check_per(per)
    wanted: frozenset[AgendaKind] = frozenset(AgendaKind)
    if kinds is not None:
        try:
            wanted = frozenset(
                AgendaKind(k) for k in ((kinds,) if isinstance(kinds, str) else kinds)
            )
        except ValueError:
            choices = ", ".join(k.value for k in AgendaKind)
            raise InvalidArgumentError(
                f"kinds holds an unknown agenda kind (got {kinds!r}); choose from {choices}"
            ) from None
    return tuple(check_agenda(a, today=when, per=per) for a in region.agendas if a.kind in wanted)
