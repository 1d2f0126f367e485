"""The meeting table planner: seat people so that they meet someone new from another world.

For a sociaal café or a conference with several rounds at several tables,
:func:`plan_tables` assigns every invitee to a table in every round so that as many
*new cross-domain acquaintances* as possible arise (two people from different domains
who have no tie yet and sit at the same table), with two hard rules: table sizes in a
round differ by at most one, and nobody sits with the same person twice.

The heuristic: a seeded greedy construction (round by round, each person, in a shuffled
order, to the open table where they gain most), then local search by swaps of two people
between tables within a round, with repeats penalised above any gain (the gains are
updated incrementally: a swap changes only the two tables' columns); then a few seeded
restarts, keeping the best plan and stopping early once it reaches the upper bound. If
repeated pairs are left, a tabu search on repeats alone repairs them before the planner
gives up. The plan is compared with the mean of random plans obeying the same rules
(a randomized greedy blind to the score) and with an upper bound (see
:func:`upper_bound` and ``docs/meeting-planner.md``).

Invitees are checked, not trimmed: more than ``max_per_organisation`` from one
organisation is an error naming the organisation and the people. Use
:func:`select_invitees` first to trim a list fairly.

Example
-------
>>> import samenwerking as sw
>>> region = sw.synthetic.region(400, seed=3)
>>> invitees = select_invitees(region, [p.id for p in region.professionals]).invited[:24]
>>> plan = plan_tables(region, invitees, tables=6, rounds=2, seed=1)
>>> plan.score >= 0 and plan.score <= plan.upper_bound
True
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TextIO

import numpy as np
import numpy.typing as npt
from attrs import frozen

from samenwerking.errors import InvalidArgumentError, SamenwerkingError, UnknownIdError
from samenwerking.model import OrganisationId, ProfessionalId, Region
from samenwerking.progress import Progress, report_progress

__all__ = [
    "DEFAULT_MAX_PER_ORGANISATION",
    "InfeasiblePlanError",
    "InviteeError",
    "InviteeSelection",
    "PlannerArgumentError",
    "TablePlan",
    "plan_tables",
    "select_invitees",
    "upper_bound",
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


@frozen
class InviteeSelection:
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


@frozen
class TablePlan:
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
        writer = csv.writer(buffer, lineterminator="\n")
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


# -- invitees --------------------------------------------------------------------------
def select_invitees(
    region: Region,
    candidates: Iterable[str],
    *,
    max_per_organisation: int = DEFAULT_MAX_PER_ORGANISATION,
) -> InviteeSelection:
    """Keep at most ``max_per_organisation`` candidates per organisation, first come first.

    The candidates' order is their priority (e.g. the order they signed up in): from each
    main organisation the first ``max_per_organisation`` are kept, the rest left out.
    Every organisation gets the same cap, and nobody is dropped for any other reason.
    Duplicates are kept once; unknown ids raise.

    Example
    -------
    >>> import samenwerking as sw
    >>> region = sw.synthetic.region(200, seed=1)
    >>> chosen = select_invitees(region, [p.id for p in region.professionals],
    ...                          max_per_organisation=2)
    >>> len(chosen.invited) + len(chosen.left_out) == len(region.professionals)
    True
    """
    _check_positive("max_per_organisation", max_per_organisation)
    kept: list[ProfessionalId] = []
    dropped: list[ProfessionalId] = []
    seen: set[str] = set()
    per_org: dict[str, int] = {}
    for candidate in candidates:
        if candidate in seen:
            continue
        seen.add(candidate)
        person = region.professional(candidate)
        count = per_org.get(person.organisation, 0)
        if count < max_per_organisation:
            per_org[person.organisation] = count + 1
            kept.append(person.id)
        else:
            dropped.append(person.id)
    return InviteeSelection(tuple(kept), tuple(dropped))


def _check_positive(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise PlannerArgumentError(f"{name} must be a positive integer (got {value!r})")
    return int(value)


def _check_invitees(
    region: Region, invitees: Sequence[str], max_per_organisation: int
) -> tuple[ProfessionalId, ...]:
    ids = tuple(ProfessionalId(i) for i in invitees)
    unknown = [i for i in ids if i not in region._professional_index]
    if unknown:
        raise InviteeError(
            f"{len(unknown)} invitee(s) are not professionals of this region: "
            + ", ".join(repr(i) for i in unknown[:10])
            + (" ..." if len(unknown) > 10 else "")
        )
    seen: set[str] = set()
    twice = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    if twice:
        raise InviteeError("invitee(s) listed more than once: " + ", ".join(map(repr, twice)))
    by_org: dict[OrganisationId, list[ProfessionalId]] = {}
    for i in ids:
        by_org.setdefault(region.professional(i).organisation, []).append(i)
    over = {org: people for org, people in by_org.items() if len(people) > max_per_organisation}
    if over:
        parts = [
            f"{region.organisation(org).name} ({org}): {len(people)} people ({', '.join(people)})"
            for org, people in sorted(over.items())
        ]
        raise InviteeError(
            f"at most {max_per_organisation} invitees per organisation, but "
            + "; ".join(parts)
            + "; trim the list with select_invitees(...) or raise max_per_organisation"
        )
    return ids


def _pair_matrices(
    region: Region, ids: Sequence[ProfessionalId]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The domain code of each invitee and the eligibility matrix (1: a new cross-domain pair)."""
    n = len(ids)
    domains = sorted({region.domain_of(i).value for i in ids})
    domain = np.array([domains.index(region.domain_of(i).value) for i in ids], np.int64)
    position = {pid: k for k, pid in enumerate(ids)}
    store = region.ties
    remap = np.fromiter((position.get(i, -1) for i in store.ids), np.int64, len(store.ids))
    known = np.zeros((n, n), bool)
    if len(store) and n:
        a, b = remap[store.source], remap[store.target]
        keep = (a >= 0) & (b >= 0)
        known[a[keep], b[keep]] = True
        known[b[keep], a[keep]] = True
    eligible = (domain[:, None] != domain[None, :]) & ~known
    np.fill_diagonal(eligible, False)
    return domain, eligible.astype(np.int64)


def _sizes(n: int, tables: int) -> list[int]:
    return [n // tables + (1 if t < n % tables else 0) for t in range(tables)]


def upper_bound(
    domain_counts: Sequence[int],
    sizes: Sequence[int],
    rounds: int,
    eligible: int,
    partners: Sequence[int] | None = None,
) -> int:
    """An upper bound on the score of any plan.

    The smallest of three bounds, each valid on its own:

    1. *per round*: the pairs at the tables, less the same-domain pairs there can be at
       the least: ``rounds * (sum C(s, 2) - sum_d spread(N_d))``, where ``spread(N_d)``
       is the number of same-domain pairs when the ``N_d`` people of domain ``d`` are
       spread as evenly as possible over the tables (ties ignored);
    2. *pairs*: the number of eligible pairs (a pair counts once at most);
    3. *people*: each person meets at most ``rounds * (largest table - 1)`` people and at
       most their own number of eligible partners; half the sum over people.

    Example
    -------
    >>> upper_bound([2, 2], [2, 2], rounds=1, eligible=4)
    2
    """
    tables = len(sizes)
    table_pairs = sum(s * (s - 1) // 2 for s in sizes)
    same = 0
    for count in domain_counts:
        low, extra = divmod(count, tables)
        same += extra * (low + 1) * low // 2 + (tables - extra) * low * (low - 1) // 2
    bounds = [rounds * (table_pairs - same), eligible]
    if partners is not None and sizes:
        reach = rounds * (max(sizes) - 1)
        bounds.append(sum(min(p, reach) for p in partners) // 2)
    return max(0, min(bounds))


# -- search ----------------------------------------------------------------------------
Matrix = npt.NDArray[np.int64]


class _Search:
    """Local search over one plan: ``table[r, i]`` is person ``i``'s table in round ``r``.

    Within one round, what two people sitting together is worth depends only on the
    *other* rounds (a new cross-domain pair, or a repeat), so it is computed once per
    visit of a round; after a swap only the gains at the two tables involved change.
    """

    def __init__(self, weight: Matrix, sizes: list[int], rounds: int) -> None:
        self.weight = weight
        self.n = len(weight)
        self.sizes = sizes
        self.rounds = rounds
        self.tables = len(sizes)
        self.penalty = 2 * max(sizes) + 1  # one repeat outweighs any swap's gain
        self.index = np.arange(self.n)

    def together(self, table: Matrix) -> Matrix:
        """``count[i, j]``: in how many rounds ``i`` and ``j`` share a table."""
        count = np.zeros((self.n, self.n), np.int64)
        for r in range(self.rounds):
            count += table[r][:, None] == table[r][None, :]
        np.fill_diagonal(count, 0)
        return count

    def objective(self, table: Matrix) -> tuple[int, int]:
        """(score, repeats) of a plan."""
        count = self.together(table)
        score = int((self.weight * (count > 0)).sum() // 2)
        repeats = int(np.maximum(count - 1, 0).sum() // 2)
        return score, repeats

    def _same(self, row: Matrix) -> npt.NDArray[np.bool_]:
        same: npt.NDArray[np.bool_] = row[:, None] == row[None, :]
        np.fill_diagonal(same, False)
        return same

    def _per_table(self, value: Matrix, row: Matrix) -> Matrix:
        """``out[i, t]``: the sum of ``value[i, k]`` over the people ``k`` at table ``t``."""
        order = np.argsort(row, kind="stable")
        starts = np.searchsorted(row[order], np.arange(self.tables))
        out: Matrix = np.add.reduceat(value[:, order], starts, axis=1)
        return out

    def greedy(self, rng: np.random.Generator) -> Matrix:
        """Round by round, each person (shuffled) to the open table where they add most."""
        table = np.full((self.rounds, self.n), -1, np.int64)
        count = np.zeros((self.n, self.n), np.int64)
        for r in range(self.rounds):
            value = np.where(count == 0, self.weight, -self.penalty)
            room = np.array(self.sizes, np.int64)
            gain = np.zeros((self.n, self.tables), np.int64)
            for i in rng.permutation(self.n).tolist():
                open_ = np.flatnonzero(room > 0)
                # Most gain first; then the emptiest table, then the lowest number.
                key = np.lexsort((open_, -room[open_], -gain[i, open_]))
                t = int(open_[key[0]])
                table[r, i] = t
                room[t] -= 1
                gain[:, t] += value[:, i]
            count += self._same(table[r])
        return table

    def improve(self, table: Matrix) -> Matrix:
        """Swap hill climbing, round after round, until no swap helps in any round."""
        table = table.copy()
        count = self.together(table)
        improved = True
        while improved:
            improved = False
            for r in range(self.rounds):
                row = table[r]
                same = self._same(row)
                others = count - same
                value = np.where(others == 0, self.weight, -self.penalty)
                np.fill_diagonal(value, 0)
                if self._climb(value, row):
                    improved = True
                    count = others + self._same(row)
        return table

    def _climb(self, value: Matrix, row: Matrix) -> bool:
        """Improving swaps in one round (``row`` changed in place); whether any was made.

        Every pass computes the gain of every swap at once and makes the best ones that
        involve disjoint pairs of tables: their gains do not interact, so they add up.
        """
        gain = self._per_table(value, row)  # gain[i, t]: value of i with everyone at t
        moved = False
        while True:
            own = gain[self.index, row]
            cross = gain[:, row]  # cross[i, j] = gain[i, table of j]
            half = cross - own[:, None]
            delta = half + half.T - 2 * value
            delta[row[:, None] >= row[None, :]] = 0  # each pair of tables once, a < b
            positive = np.flatnonzero(delta > 0)
            if not len(positive):
                return moved
            limit = 4 * self.tables
            if len(positive) > limit:
                top = np.argpartition(-delta.flat[positive], limit)[:limit]
                positive = positive[top]
            ranked = positive[np.argsort(-delta.flat[positive], kind="stable")]
            busy = np.zeros(self.tables, bool)
            for flat in ranked.tolist():
                i, j = divmod(flat, self.n)
                a, b = int(row[i]), int(row[j])
                if busy[a] or busy[b]:
                    continue
                busy[a] = busy[b] = True
                row[i], row[j] = b, a
                gain[:, a] += value[:, j] - value[:, i]
                gain[:, b] += value[:, i] - value[:, j]
            moved = True

    def repair(self, table: Matrix, rng: np.random.Generator, steps: int) -> Matrix:
        """Tabu search on the number of repeated pairs alone; the plan with fewest repeats.

        Each step makes the best swap (ties broken at random) of a person who sits with
        someone again with anyone at another table in that round, even if it does not
        help; the two people are then not moved again in that round for a few steps.
        After a long stall the best plan so far is shaken by a few random swaps.
        """
        table = table.copy()
        count = self.together(table)
        repeats = int(np.maximum(count - 1, 0).sum() // 2)
        best, fewest = table.copy(), repeats
        tabu = np.zeros((self.rounds, self.n), np.int64)
        last_better = 0
        for step in range(1, steps + 1):
            if repeats == 0:
                break
            if step - last_better > 20 * self.n:
                table = self.perturb(best, rng, 3)
                count = self.together(table)
                repeats = int(np.maximum(count - 1, 0).sum() // 2)
                last_better = step
                continue
            moves: list[tuple[int, int, int]] = []
            lowest = None
            for r in range(self.rounds):
                row = table[r]
                same = self._same(row)
                clashing = np.flatnonzero((same & (count >= 2)).any(axis=1))
                if not len(clashing):
                    continue
                met = ((count - same) >= 1).astype(np.int64)
                np.fill_diagonal(met, 0)
                conflicts = self._per_table(met, row)
                own = conflicts[self.index, row]
                mine = row[clashing]
                delta = (
                    conflicts[clashing][:, row]
                    - own[clashing][:, None]
                    + conflicts[:, mine].T
                    - own[None, :]
                    - 2 * met[clashing]
                )
                blocked = (tabu[r][clashing][:, None] >= step) | (tabu[r][None, :] >= step)
                blocked &= repeats + delta >= fewest  # aspiration: a new best is allowed
                blocked |= mine[:, None] == row[None, :]
                if blocked.all():
                    continue
                low = int(delta[~blocked].min())
                if lowest is None or low < lowest:
                    lowest, moves = low, []
                if low == lowest:
                    rows, cols = np.nonzero(~blocked & (delta == low))
                    moves.extend(
                        (r, int(clashing[a]), int(b))
                        for a, b in zip(rows.tolist(), cols.tolist(), strict=True)
                    )
            if lowest is None:
                break
            r, i, j = moves[int(rng.integers(len(moves)))]
            row = table[r]
            before = self._same(row)
            row[i], row[j] = row[j], row[i]
            count += self._same(row).astype(np.int64) - before
            repeats += lowest
            tabu[r, i] = tabu[r, j] = step + int(rng.integers(3, 10))
            if repeats < fewest:
                best, fewest, last_better = table.copy(), repeats, step
        return table if repeats <= fewest else best

    def perturb(self, table: Matrix, rng: np.random.Generator, swaps: int) -> Matrix:
        """``swaps`` random swaps of two people within a random round."""
        table = table.copy()
        if self.n < 2:
            return table
        for _ in range(swaps):
            r = int(rng.integers(self.rounds))
            i, j = rng.choice(self.n, size=2, replace=False).tolist()
            table[r, i], table[r, j] = table[r, j], table[r, i]
        return table

    def random_plan(self, rng: np.random.Generator, steps: int) -> Matrix:
        """A random plan obeying the rules, made without looking at who is new to whom.

        Round by round, people in a random order each go to a random open table where
        they meet nobody they sat with before (any open table if there is none); any
        repeats left are removed by :meth:`repair`, which looks only at repeats.
        """
        table = np.full((self.rounds, self.n), -1, np.int64)
        count = np.zeros((self.n, self.n), np.int64)
        for r in range(self.rounds):
            room = np.array(self.sizes, np.int64)
            clash = np.zeros((self.n, self.tables), np.int64)  # people met before, per table
            met = (count > 0).astype(np.int64)
            for i in rng.permutation(self.n).tolist():
                open_ = np.flatnonzero(room > 0)
                free = open_[clash[i, open_] == 0]
                choices = free if len(free) else open_
                t = int(choices[int(rng.integers(len(choices)))])
                table[r, i] = t
                room[t] -= 1
                clash[:, t] += met[:, i]
            count += self._same(table[r])
        if int(np.maximum(count - 1, 0).sum()):
            table = self.repair(table, rng, steps)
        return table


_REPAIR_STEPS_PER_PERSON = 100
"""Steps of one run of the repeat repair, per invitee."""


def _infeasible_reason(n: int, sizes: list[int], rounds: int) -> str | None:
    """Why no plan without repeats can exist, if a simple count shows it."""
    if rounds < 2:
        return None
    tables, largest, smallest = len(sizes), max(sizes), min(sizes)
    if largest > tables:
        return (
            f"in round 2 a table of {largest} would hold two people who shared one of the "
            f"{tables} tables in round 1"
        )
    if rounds * (smallest - 1) > n - 1:
        return (
            f"everyone meets at least {smallest - 1} people a round, {rounds * (smallest - 1)} "
            f"in {rounds} rounds, but only {n - 1} others are invited"
        )
    per_round = sum(s * (s - 1) // 2 for s in sizes)
    if rounds * per_round > n * (n - 1) // 2:
        return (
            f"each round seats {per_round} pairs together, {rounds * per_round} in {rounds} "
            f"rounds, but there are only {n * (n - 1) // 2} pairs of people"
        )
    return None


def plan_tables(
    region: Region,
    invitees: Sequence[str],
    *,
    tables: int,
    rounds: int,
    max_per_organisation: int = DEFAULT_MAX_PER_ORGANISATION,
    seed: int = 0,
    restarts: int = 16,
    random_plans: int = 10,
    progress: Progress | None = None,
) -> TablePlan:
    """Seat the invitees at tables, round after round, so that most new cross-domain pairs meet.

    Parameters
    ----------
    region : Region
        Where the invitees' organisations, domains and existing ties come from.
    invitees : sequence of str
        Professional ids, each once, at most ``max_per_organisation`` per main
        organisation (see :func:`select_invitees`).
    tables : int
        Tables (or workshops) per round; at least 1 and at most the number of invitees.
    rounds : int
        Rounds (at least 1).
    max_per_organisation : int
        The most invitees one organisation may send (default 4).
    seed : int
        Seed of every random choice; the same arguments give the same plan.
    restarts : int
        Further local searches after the first, alternately from a fresh greedy start and
        from random swaps in the best plan so far (more: slower, maybe better); skipped
        once a plan reaches the upper bound. If repeated pairs remain, up to
        ``restarts + 1`` runs of the repeat repair follow.
    random_plans : int
        Random plans (seeds ``seed + 1``, ...) whose mean score is reported: each a
        randomized greedy that puts every person at a random open table where they meet
        nobody again, blind to who is new to whom (see ``docs/meeting-planner.md``).
    progress : Progress, optional
        Called as ``progress(done, total)`` over the restarts and random plans.

    Returns
    -------
    TablePlan

    Raises
    ------
    InviteeError
        If an invitee is unknown, listed twice, or their organisation sends too many.
    PlannerArgumentError
        If ``tables``, ``rounds`` or another number is out of range.
    InfeasiblePlanError
        If nobody-meets-twice is proven impossible (the message says why), or if the
        search and the repair found no such plan (one may still exist: try another
        ``seed`` or more ``restarts``).

    Example
    -------
    >>> import samenwerking as sw
    >>> region = sw.synthetic.region(400, seed=3)
    >>> invitees = select_invitees(region, [p.id for p in region.professionals]).invited[:30]
    >>> plan = plan_tables(region, invitees, tables=6, rounds=3, seed=2)
    >>> [len(people) for people in plan.assignment[0]]
    [5, 5, 5, 5, 5, 5]
    """
    _check_positive("tables", tables)
    _check_positive("rounds", rounds)
    _check_positive("max_per_organisation", max_per_organisation)
    if isinstance(restarts, bool) or not isinstance(restarts, int) or restarts < 0:
        raise PlannerArgumentError(f"restarts must be a non-negative integer (got {restarts!r})")
    if isinstance(random_plans, bool) or not isinstance(random_plans, int) or random_plans < 0:
        raise PlannerArgumentError(
            f"random_plans must be a non-negative integer (got {random_plans!r})"
        )
    ids = _check_invitees(region, invitees, max_per_organisation)
    n = len(ids)
    if tables > n:
        raise PlannerArgumentError(
            f"tables must be at most the number of invitees ({n}); got {tables}"
        )
    sizes = _sizes(n, tables)
    reason = _infeasible_reason(n, sizes, rounds)
    if reason is not None:
        raise InfeasiblePlanError(
            f"cannot seat {n} people at {tables} tables for {rounds} rounds without someone "
            f"meeting the same person twice: {reason}; use fewer rounds or more tables"
        )
    domain, weight = _pair_matrices(region, ids)
    eligible = int(weight.sum() // 2)
    bound = upper_bound(
        np.bincount(domain).tolist(), sizes, rounds, eligible, weight.sum(axis=1).tolist()
    )
    search = _Search(weight, sizes, rounds)
    steps = _REPAIR_STEPS_PER_PERSON * n
    rng = np.random.default_rng(seed)
    total = restarts + 1 + random_plans
    best = search.improve(search.greedy(rng))
    best_key = _key(search.objective(best))
    current = best
    report_progress(progress, 1, total)
    for step in range(restarts):
        if best_key == (0, bound):
            report_progress(progress, restarts + 1, total)
            break  # no plan can score more
        # Alternate a fresh greedy start with a perturbation of the plan kept so far.
        start = search.greedy(rng) if step % 2 else search.perturb(current, rng, max(2, n // 10))
        candidate = search.improve(start)
        key = _key(search.objective(candidate))
        if key >= best_key:
            best, best_key, current = candidate, key, candidate
        report_progress(progress, step + 2, total)
    if best_key[0] < 0:
        # Repeats left: the tabu repair on repeats alone, from the best plan, then from
        # fresh greedy starts and shaken copies, each polished by the local search.
        for attempt in range(restarts + 1):
            if attempt == 0:
                start = best
            elif attempt % 2:
                start = search.greedy(rng)
            else:
                start = search.perturb(best, rng, max(2, n // 10))
            candidate = search.improve(search.repair(start, rng, steps))
            key = _key(search.objective(candidate))
            if key > best_key:
                best, best_key = candidate, key
            if best_key[0] == 0:
                break
    score, repeats = search.objective(best)
    if repeats:
        raise InfeasiblePlanError(
            f"no plan without repeated pairs was found for {n} people at {tables} tables for "
            f"{rounds} rounds (the best has {repeats} repeated pair(s)); it may exist: try "
            "another seed or more restarts"
        )
    scores: list[int] = []
    for k in range(random_plans):
        plan = search.random_plan(np.random.default_rng(seed + 1 + k), steps)
        random_score, random_repeats = search.objective(plan)
        if not random_repeats:
            scores.append(random_score)
        report_progress(progress, restarts + 2 + k, total)
    people = [region.professional(i) for i in ids]
    labels = tuple(
        f"{p.name} ({region.organisation(p.organisation).name}, {region.domain_of(p.id).value})"
        for p in people
    )
    assignment = tuple(
        tuple(tuple(ids[i] for i in np.flatnonzero(best[r] == t).tolist()) for t in range(tables))
        for r in range(rounds)
    )
    return TablePlan(
        invitees=ids,
        labels=labels,
        assignment=assignment,
        score=score,
        random_score=float(np.mean(scores)) if scores else None,
        random_scores=tuple(scores),
        upper_bound=bound,
        eligible_pairs=eligible,
        seed=seed,
    )


def _key(objective: tuple[int, int]) -> tuple[int, int]:
    score, repeats = objective
    return (-repeats, score)
