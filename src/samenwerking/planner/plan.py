"""Seat the invitees of a sociaal café or conference: :func:`plan_tables`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from samenwerking._arguments import check_whole
from samenwerking.model import Region
from samenwerking.planner._search import (
    REPAIR_STEPS_PER_PERSON,
    Search,
    objective_key,
    pair_matrices,
)
from samenwerking.planner.bounds import infeasible_reason, table_sizes, upper_bound
from samenwerking.planner.invitees import check_invitees, check_positive
from samenwerking.planner.results import (
    DEFAULT_MAX_PER_ORGANISATION,
    InfeasiblePlanError,
    PlannerArgumentError,
    TablePlan,
)
from samenwerking.progress import Progress, report_progress

__all__ = ["plan_tables"]


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
    >>> from samenwerking.planner import select_invitees
    >>> region = sw.synthetic.region(400, seed=3)
    >>> invitees = select_invitees(region, [p.id for p in region.professionals]).invited[:30]
    >>> plan = plan_tables(region, invitees, tables=6, rounds=3, seed=2)
    >>> [len(people) for people in plan.assignment[0]]
    [5, 5, 5, 5, 5, 5]
    """
    check_positive("tables", tables)
    check_positive("rounds", rounds)
    check_positive("max_per_organisation", max_per_organisation)
    check_whole(restarts, "restarts", minimum=0, error=PlannerArgumentError)
    check_whole(random_plans, "random_plans", minimum=0, error=PlannerArgumentError)
    ids = check_invitees(region, invitees, max_per_organisation)
    n = len(ids)
    if tables > n:
        raise PlannerArgumentError(
            f"tables must be at most the number of invitees ({n}); got {tables}"
        )
    sizes = table_sizes(n, tables)
    reason = infeasible_reason(n, sizes, rounds)
    if reason is not None:
        raise InfeasiblePlanError(
            f"cannot seat {n} people at {tables} tables for {rounds} rounds without someone "
            f"meeting the same person twice: {reason}; use fewer rounds or more tables"
        )
    domain, weight = pair_matrices(region, ids)
    eligible = int(weight.sum() // 2)
    bound = upper_bound(
        np.bincount(domain).tolist(), sizes, rounds, eligible, weight.sum(axis=1).tolist()
    )
    search = Search(weight, sizes, rounds)
    steps = REPAIR_STEPS_PER_PERSON * n
    rng = np.random.default_rng(seed)
    total = restarts + 1 + random_plans
    best = search.improve(search.greedy(rng))
    bestobjective_key = objective_key(search.objective(best))
    current = best
    report_progress(progress, 1, total)
    for step in range(restarts):
        if bestobjective_key == (0, bound):
            report_progress(progress, restarts + 1, total)
            break  # no plan can score more
        # Alternate a fresh greedy start with a perturbation of the plan kept so far.
        start = search.greedy(rng) if step % 2 else search.perturb(current, rng, max(2, n // 10))
        candidate = search.improve(start)
        key = objective_key(search.objective(candidate))
        if key >= bestobjective_key:
            best, bestobjective_key, current = candidate, key, candidate
        report_progress(progress, step + 2, total)
    if bestobjective_key[0] < 0:
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
            key = objective_key(search.objective(candidate))
            if key > bestobjective_key:
                best, bestobjective_key = candidate, key
            if bestobjective_key[0] == 0:
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
