"""What the planner returns, and the errors it raises.

Example
-------
>>> issubclass(PlannerArgumentError, ValueError)
True
"""

from __future__ import annotations

import io
from typing import TextIO

from attrs import frozen

from samenwerking.errors import InvalidArgumentError, SamenwerkingError, UnknownIdError
from samenwerking.model import ProfessionalId
from samenwerking.tabular import Table, Tabular

__all__ = [
    "DEFAULT_MAX_PER_ORGANISATION",
    "InfeasiblePlanError",
    "InviteeError",
    "InviteeSelection",
    "PlannerArgumentError",
    "TablePlan",
]

DEFAULT_MAX_PER_ORGANISATION = 4
"""At most this many invitees from one organisation, by default."""

Assignment = tuple[tuple[tuple[ProfessionalId, ...], ...], ...]


class PlannerArgumentError(InvalidArgumentError):
    """An argument of the planner is out of range."""


class InviteeError(SamenwerkingError, ValueError):
    """The invitees break a rule: unknown, listed twice, or too many from one organisation."""


class InfeasiblePlanError(SamenwerkingError, ValueError):
    """No plan was found in which nobody sits with the same person twice."""


@frozen(repr=False)
class InviteeSelection(Tabular):
    """The result of :func:`select_invitees`: who is invited and who is left out.

    Example
    -------
    >>> InviteeSelection((ProfessionalId("a"),), ()).invited
    ('a',)
    """

    invited: tuple[ProfessionalId, ...]
    """The invitees kept, in the order given."""
    left_out: tuple[ProfessionalId, ...]
    """Candidates dropped because their organisation had reached the maximum."""

    def _tables(self) -> tuple[Table, ...]:
        rows = [(p, True) for p in self.invited] + [(p, False) for p in self.left_out]
        return (Table("candidates", ("professional", "invited"), rows),)

    def __repr__(self) -> str:
        return f"<InviteeSelection: {len(self.invited)} invited, {len(self.left_out)} left out>"


@frozen(repr=False)
class TablePlan(Tabular):
    """A seating plan: for every round, the people at each table, and how good it is.

    Example
    -------
    >>> plan = TablePlan(
    ...     invitees=(ProfessionalId("a"), ProfessionalId("b")), labels=("A", "B"),
    ...     assignment=(((ProfessionalId("a"), ProfessionalId("b")),),),
    ...     score=1, random_score=1.0, random_scores=(1,), upper_bound=1, eligible_pairs=1,
    ...     seed=0)
    >>> plan.rounds, plan.tables, plan.table_of("b", 0)
    (1, 1, 0)
    """

    invitees: tuple[ProfessionalId, ...]
    """Everyone seated, in the order given."""
    labels: tuple[str, ...]
    """A readable label per invitee (name, organisation, domain)."""
    assignment: Assignment
    """``assignment[round][table]``: the people at that table in that round."""
    score: int
    """New cross-domain acquaintances: distinct pairs from different domains, without a
    tie yet, who share a table in some round."""
    random_score: float | None
    """The mean score of random plans that obey the same rules (``None``: none found)."""
    random_scores: tuple[int, ...]
    """The scores of those random plans."""
    upper_bound: int
    """No plan with these tables and rounds can score more (see :func:`upper_bound`)."""
    eligible_pairs: int
    """Pairs of invitees from different domains without a tie: all who could meet anew."""
    seed: int
    """The seed the plan was made with."""

    @property
    def rounds(self) -> int:
        """The number of rounds."""
        return len(self.assignment)

    @property
    def tables(self) -> int:
        """The number of tables."""
        return len(self.assignment[0]) if self.assignment else 0

    def table_of(self, professional: str, round: int) -> int:
        """The table where ``professional`` sits in round ``round`` (both from 0)."""
        for table, people in enumerate(self.assignment[round]):
            if professional in people:
                return table
        raise UnknownIdError("invitee", professional, list(self.invitees))

    def rows(self) -> list[tuple[int, int, ProfessionalId, str]]:
        """One row per person per round: ``(round, table, id, label)``, counted from 1."""
        label = dict(zip(self.invitees, self.labels, strict=True))
        return [
            (r + 1, t + 1, person, label[person])
            for r, tables in enumerate(self.assignment)
            for t, people in enumerate(tables)
            for person in people
        ]

    def to_csv(self, stream: TextIO | None = None) -> str:
        """The plan as CSV (``round,table,professional,label``); also written to ``stream``."""
        buffer = io.StringIO()
        from samenwerking.io.spreadsheet import spreadsheet_writer  # neutralises =, +, -, @

        writer = spreadsheet_writer(buffer, lineterminator="\n")
        writer.writerow(("round", "table", "professional", "label"))
        writer.writerows(self.rows())
        text = buffer.getvalue()
        if stream is not None:
            stream.write(text)
        return text

    def to_text(self) -> str:
        """A readable plan: the score, the comparisons, then every round's tables."""
        label = dict(zip(self.invitees, self.labels, strict=True))
        lines = [self.summary(), ""]
        for r, tables in enumerate(self.assignment, start=1):
            lines.append(f"Round {r}")
            for t, people in enumerate(tables, start=1):
                lines.append(f"  Table {t}: " + "; ".join(label[p] for p in people))
        return "\n".join(lines)

    def summary(self) -> str:
        """One line: the score against the random plans and the upper bound."""
        random = "n/a" if self.random_score is None else f"{self.random_score:.1f}"
        return (
            f"{self.score} new cross-domain acquaintances ({len(self.invitees)} people, "
            f"{self.tables} tables, {self.rounds} rounds); random plans: {random}; "
            f"upper bound: {self.upper_bound}; eligible pairs: {self.eligible_pairs}"
        )

    def __str__(self) -> str:
        return self.summary()

    def _tables(self) -> tuple[Table, ...]:
        rows = [(person, r, t, label) for r, t, person, label in self.rows()]
        return (Table("seats", ("professional", "round", "table", "label"), rows, index=2),)

    def _notes(self) -> tuple[str, ...]:
        return (self.summary(),)

    def __repr__(self) -> str:
        return (
            f"<TablePlan: {len(self.invitees)} invitees, {self.rounds} rounds of {self.tables} "
            f"tables, score {self.score} of at most {self.upper_bound}>"
        )


# -- invitees --------------------------------------------------------------------------
