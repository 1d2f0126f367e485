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

from samenwerking.planner.bounds import upper_bound
from samenwerking.planner.invitees import select_invitees
from samenwerking.planner.plan import plan_tables
from samenwerking.planner.results import (
    DEFAULT_MAX_PER_ORGANISATION,
    InfeasiblePlanError,
    InviteeError,
    InviteeSelection,
    PlannerArgumentError,
    TablePlan,
)

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
