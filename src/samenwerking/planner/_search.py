"""The search behind :func:`~samenwerking.planner.plan_tables`: greedy seating, swaps, repair."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from samenwerking.model import ProfessionalId, Region

__all__ = ["REPAIR_STEPS_PER_PERSON", "Matrix", "Search", "objective_key", "pair_matrices"]

Matrix = npt.NDArray[np.int64]
"""A plan: ``table[r, i]`` is the table of person ``i`` in round ``r``."""


def pair_matrices(
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


class Search:
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


REPAIR_STEPS_PER_PERSON = 100
"""Steps of one run of the repeat repair, per invitee."""


def objective_key(objective: tuple[int, int]) -> tuple[int, int]:
    score, repeats = objective
    return (-repeats, score)
