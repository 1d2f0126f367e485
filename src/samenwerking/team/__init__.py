"""The team around a child: who in a case does not know whom, and who could introduce them.

For one case (:func:`team_around`) or every case of a region (:func:`team_gaps`):

- the *team*: the case's coordinator and the professionals involved;
- the pairs in the team with no direct tie, and for each the shortest chain of people
  between them through the network (the people in between could introduce them);
  ``None`` when they sit on different islands, so nobody can;
- the organisations involved (the team's main organisations and the child's school)
  in which nobody is tied to the coordinator;
- over all cases, the pairs of organisations that meet in a case while none of their
  people in that case know each other, counted in cases. Those counts are about
  children: publish them only through :meth:`TeamGapsSummary.suppressed_links`.

Chains are found by breadth-first searches on the CSR arrays of the compact graph,
built once: one compiled search per pair, from both ends until they meet. Pairs on
different islands are answered from the connected-component labels without a search.
Of the shortest chains, the one given is the smallest by position in
``region.professionals``, read from the member that comes first there; it depends only
on the network and the two members.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.model import Case, CaseId, CaseInvolvement, ProfessionalId
>>> region = sw.synthetic.region(200, seed=1)
>>> team = [p.id for p in region.professionals[:3]]
>>> case = Case(CaseId("c-1"), region.municipalities[0], "extra", coordinator=team[0],
...             involved=tuple(CaseInvolvement(p) for p in team[1:]))
>>> gaps = team_around(region.replace(cases=(case,)), "c-1")
>>> gaps.members == tuple(team), len(gaps.missing) <= 3
(True, True)
"""

from samenwerking.team.gaps import team_around, team_gaps
from samenwerking.team.results import (
    MissingTie,
    OrganisationLink,
    TeamGaps,
    TeamGapsSummary,
    TeamGraphError,
)

__all__ = [
    "MissingTie",
    "OrganisationLink",
    "TeamGaps",
    "TeamGapsSummary",
    "TeamGraphError",
    "team_around",
    "team_gaps",
]
