"""Agreements (afspraken): who is party to what, and whether it is more than paper.

Checks per agreement: success criteria that are not measurable, whether it is in force
(not yet, or expired), endorsement by its parties (endorsements dated after ``today`` do not
count yet), and whether the people of its parties are tied at all (an agreement whose
parties share no tie between their people is *on paper only*). A set of agreements that
every party must endorse, a local youth constitution (lokale jeugdgrondwet), is checked by
:func:`constitution`.

Measurable criteria
-------------------
A criterion counts as measurable when it holds a number, a percentage or a date: a digit,
``%``, "percent"/"procent", or a number word (two to twelve, half, in English or Dutch;
"one"/"een" are left out as they are also articles). Pass your own ``measurable``
function to change the rule.

Example
-------
>>> import datetime as dt
>>> from samenwerking.model import Agreement, Endorsement, Region
>>> region = Region("Dorp", agreements=(
...     Agreement("a1", "Geen thuiszitters", "thuiszitters", "administrative", ("g", "swv"),
...               success_criteria=("binnen 3 maanden een plan",),
...               endorsements=(Endorsement("g"),)),))
>>> check = check_agreements(region, today=dt.date(2025, 1, 1))[0]
>>> check.measurable, check.not_endorsed_by, check.paper_only
(True, ('swv',), True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import numpy as np
from attrs import frozen

from samenwerking.analysis.mixing import edge_arrays
from samenwerking.errors import InvalidArgumentError
from samenwerking.governance._common import check_region, graph_of, ranges, resolve_today
from samenwerking.graph.compact import CompactGraph
from samenwerking.model import (
    Agreement,
    AgreementId,
    AgreementLevel,
    AgreementStatus,
    OrganisationId,
    Region,
)
from samenwerking.tabular import Table, Tabular

__all__ = [
    "CONSTITUTION_THEMES",
    "MEASURABLE_PATTERN",
    "AgreementCheck",
    "AgreementMatrix",
    "Constitution",
    "PartyEndorsements",
    "agreement_matrix",
    "check_agreements",
    "constitution",
    "constitution_agreements",
    "is_measurable",
    "linked_parties",
]

MEASURABLE_PATTERN = re.compile(
    r"\d|%|\b(?:percent|procent|half|helft|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\b",
    re.IGNORECASE,
)
"""What :func:`is_measurable` looks for: a digit, a percentage or a number word."""

CONSTITUTION_THEMES: tuple[str, ...] = (
    "youth constitution",
    "jeugdgrondwet",
    "lokale jeugdgrondwet",
)
"""Agreement themes (compared case-insensitively) that make up the local youth constitution
when :func:`constitution` is called without a list of agreements."""


def is_measurable(criterion: str) -> bool:
    """Whether a success criterion holds a number, a percentage or a date.

    Example
    -------
    >>> is_measurable("90% van de leerlingen"), is_measurable("betere samenwerking")
    (True, False)
    """
    return MEASURABLE_PATTERN.search(criterion) is not None


@frozen(repr=False)
class AgreementMatrix(Tabular):
    """How many agreements each organisation is party to, per theme."""

    parties: tuple[OrganisationId, ...]
    """Row labels: every party, in the region's organisation order (unknown ones last)."""
    themes: tuple[str, ...]
    """Column labels: the themes, sorted."""
    counts: tuple[tuple[int, ...], ...]
    """``counts[i][j]``: agreements on ``themes[j]`` that ``parties[i]`` is party to."""

    def as_dict(self) -> dict[tuple[str, str], int]:
        """The non-zero cells, keyed by (party, theme)."""
        return {
            (p, t): c
            for p, row in zip(self.parties, self.counts, strict=True)
            for t, c in zip(self.themes, row, strict=True)
            if c
        }

    @property
    def total(self) -> int:
        """The sum of all cells: the number of (agreement, party) pairs."""
        return sum(sum(row) for row in self.counts)

    def _tables(self) -> tuple[Table, ...]:
        rows = [(p, *row) for p, row in zip(self.parties, self.counts, strict=True)]
        return (Table("parties", ("party", *self.themes), rows),)

    def __repr__(self) -> str:
        return (
            f"<AgreementMatrix: {len(self.parties)} parties, {len(self.themes)} themes, "
            f"{self.total} party memberships>"
        )


def agreement_matrix(
    region: Region, *, statuses: Iterable[AgreementStatus | str] | None = None
) -> AgreementMatrix:
    """Parties x themes: the number of agreements per organisation and theme.

    Parameters
    ----------
    region : Region
        The region.
    statuses : iterable of AgreementStatus, optional
        Count only agreements with these statuses (default: all).

    Example
    -------
    >>> from samenwerking.model import Agreement, Region
    >>> region = Region("Dorp", agreements=(
    ...     Agreement("a", "A", "lezen", "policy", ("g", "s")),
    ...     Agreement("b", "B", "zorg", "policy", ("g",))))
    >>> matrix = agreement_matrix(region)
    >>> matrix.parties, matrix.themes, matrix.counts
    (('g', 's'), ('lezen', 'zorg'), ((1, 1), (1, 0)))
    """
    check_region(region, "agreement_matrix")
    picked = _pick(region.agreements, statuses)
    order = {o.id: i for i, o in enumerate(region.organisations)}
    parties = sorted(
        {p for a in picked for p in a.parties},
        key=lambda p: (p not in order, order.get(p, 0), p),
    )
    themes = sorted({a.theme for a in picked})
    row = {p: i for i, p in enumerate(parties)}
    col = {t: j for j, t in enumerate(themes)}
    counts = np.zeros((len(parties), len(themes)), np.int64)
    for agreement in picked:
        for party in set(agreement.parties):
            counts[row[party], col[agreement.theme]] += 1
    return AgreementMatrix(tuple(parties), tuple(themes), tuple(tuple(r) for r in counts.tolist()))


def _pick(
    agreements: Sequence[Agreement], statuses: Iterable[AgreementStatus | str] | None
) -> list[Agreement]:
    if statuses is None:
        return list(agreements)
    try:
        wanted = {
            AgreementStatus(s) for s in ((statuses,) if isinstance(statuses, str) else statuses)
        }
    except ValueError:
        choices = ", ".join(s.value for s in AgreementStatus)
        raise InvalidArgumentError(
            f"statuses holds an unknown status (got {statuses!r}); choose from {choices}"
        ) from None
    return [a for a in agreements if a.status in wanted]


@frozen(repr=False)
class AgreementCheck(Tabular):
    """The findings for one agreement."""

    id: AgreementId
    """The agreement."""
    title: str
    """Its title."""
    theme: str
    """Its theme."""
    level: AgreementLevel
    """Its level."""
    status: AgreementStatus
    """Its status."""
    parties: tuple[OrganisationId, ...]
    """Its parties (distinct, in the agreement's order)."""
    criteria: int
    """The number of success criteria."""
    unmeasurable_criteria: tuple[str, ...]
    """Criteria that hold no number, percentage or date (see the module's rule)."""
    expired: bool
    """Status expired, or its last day passed while still active or draft."""
    not_endorsed_by: tuple[OrganisationId, ...]
    """Parties that have not endorsed it (an endorsement dated after ``today`` does not
    count yet)."""
    outside_endorsers: tuple[OrganisationId, ...]
    """Endorsers (as of ``today``) that are not among its parties."""
    unlinked_pairs: tuple[tuple[OrganisationId, OrganisationId], ...]
    """Pairs of parties with no tie between their people."""
    linked_pairs: int
    """Pairs of parties with at least one tie between their people."""
    not_yet_in_force: bool = False
    """Its first day (``valid_from``) lies after ``today`` while it is active or draft."""
    valid_from: dt.date | None = None
    """Its first day, if known."""

    @property
    def measurable(self) -> bool:
        """True when at least one criterion is measurable."""
        return self.criteria > len(self.unmeasurable_criteria)

    @property
    def unendorsed(self) -> bool:
        """True when it has parties and none of them endorsed it."""
        return bool(self.parties) and len(self.not_endorsed_by) == len(self.parties)

    @property
    def partly_endorsed(self) -> bool:
        """True when some, but not all, of its parties endorsed it."""
        return 0 < len(self.not_endorsed_by) < len(self.parties)

    @property
    def paper_only(self) -> bool:
        """True when it has two or more parties and no pair of them is linked by a tie."""
        return len(self.parties) >= 2 and self.linked_pairs == 0

    @property
    def problems(self) -> tuple[str, ...]:
        """What to fix, in plain words."""
        out = []
        if not self.parties:
            out.append("no parties")
        if not self.criteria:
            out.append("no success criteria")
        elif not self.measurable:
            out.append("no measurable success criteria")
        if self.not_yet_in_force:
            start = f" (from {self.valid_from.isoformat()})" if self.valid_from else ""
            out.append("not yet in force" + start)
        if self.expired:
            out.append("expired")
        if self.unendorsed:
            out.append("not endorsed")
        elif self.partly_endorsed:
            out.append("not endorsed by " + ", ".join(self.not_endorsed_by))
        if self.outside_endorsers:
            out.append("endorsed by non-parties " + ", ".join(self.outside_endorsers))
        if self.paper_only:
            out.append("paper only: no ties between the parties' people")
        return tuple(out)

    def __str__(self) -> str:
        return f"{self.title}: " + ("; ".join(self.problems) or "ok")

    def _tables(self) -> tuple[Table, ...]:
        columns = (
            "agreement",
            "title",
            "theme",
            "level",
            "status",
            "parties",
            "criteria",
            "measurable",
            "expired",
            "not_yet_in_force",
            "not_endorsed_by",
            "linked_pairs",
            "unlinked_pairs",
            "problems",
        )
        row = (
            self.id,
            self.title,
            self.theme,
            self.level,
            self.status,
            self.parties,
            self.criteria,
            self.measurable,
            self.expired,
            self.not_yet_in_force,
            self.not_endorsed_by,
            self.linked_pairs,
            len(self.unlinked_pairs),
            self.problems,
        )
        return (Table("agreements", columns, [row]),)


def linked_parties(
    region: Region, *, graph: CompactGraph | None = None
) -> frozenset[tuple[OrganisationId, OrganisationId]]:
    """Pairs of organisations (ids sorted) whose people are tied, or share a person.

    A professional counts for every organisation they work for.

    Example
    -------
    >>> from samenwerking.model import Organisation, Professional, Region, Role, Sector, Tie
    >>> region = Region("Dorp",
    ...     organisations=tuple(Organisation(o, o, Sector.OTHER, "Dorp") for o in "xyz"),
    ...     professionals=(Professional("a", "A", Role.OTHER, ("x",)),
    ...                    Professional("b", "B", Role.OTHER, ("y", "z"))),
    ...     ties=[Tie("a", "b")])
    >>> sorted(linked_parties(region))
    [('x', 'y'), ('x', 'z'), ('y', 'z')]
    """
    check_region(region, "linked_parties")
    G = graph_of(region, graph)  # noqa: N806
    names = sorted({o for p in region.professionals for o in p.organisations})
    code = {o: i for i, o in enumerate(names)}
    lengths = np.fromiter((len(set(p.organisations)) for p in region.professionals), np.int64)
    orgs = np.fromiter(
        (code[o] for p in region.professionals for o in dict.fromkeys(p.organisations)),
        np.int64,
    )
    indptr = np.concatenate([[0], np.cumsum(lengths)]) if len(lengths) else np.zeros(1, np.int64)
    u, v = edge_arrays(G)
    # Pairs of people: the tied pairs, and each person with themselves (shared staff).
    u = np.concatenate([u, np.arange(G.n_nodes)])
    v = np.concatenate([v, np.arange(G.n_nodes)])
    # Expand each pair of people to every pair of their organisations.
    reps_u = lengths[u]
    left_pair = np.repeat(np.arange(len(u)), reps_u)
    left_org = orgs[ranges(indptr[u], reps_u)]
    reps_v = lengths[v[left_pair]]
    right_org = orgs[ranges(indptr[v[left_pair]], reps_v)]
    left_org = np.repeat(left_org, reps_v)
    width = max(len(names), 1)
    low, high = np.minimum(left_org, right_org), np.maximum(left_org, right_org)
    keys = np.unique((low * width + high)[low != high])
    return frozenset(
        (OrganisationId(names[k // width]), OrganisationId(names[k % width])) for k in keys.tolist()
    )


def check_agreements(
    region: Region,
    *,
    today: dt.date | None = None,
    measurable: Callable[[str], bool] = is_measurable,
    statuses: Iterable[AgreementStatus | str] | None = None,
    graph: CompactGraph | None = None,
) -> tuple[AgreementCheck, ...]:
    """Check every agreement of a region, in the region's order.

    Parameters
    ----------
    region : Region
        The region.
    today : datetime.date, optional
        The reference date for being in force and for endorsements (default: today).
    measurable : callable
        Tells whether a success criterion is measurable (default :func:`is_measurable`).
    statuses : iterable of AgreementStatus, optional
        Only agreements with these statuses (default: all).
    graph : CompactGraph, optional
        ``compact_graph(region)``, if already built.

    Returns
    -------
    tuple of AgreementCheck
        Per agreement: unmeasurable criteria, not yet in force or expired, endorsements
        (only those dated on or before ``today``, or undated), and the pairs of parties
        without ties between their people. An agreement without parties is reported as
        such (``"no parties"``), its endorsers as outside endorsers.

    Raises
    ------
    InvalidArgumentError
        For a bad ``today``, ``measurable`` or ``statuses``.

    Example
    -------
    >>> from samenwerking.model import Agreement, Region
    >>> region = Region("Dorp", agreements=(Agreement("a", "A", "zorg", "policy", ("g",),
    ...     valid_until=dt.date(2020, 1, 1)),))
    >>> check = check_agreements(region, today=dt.date(2025, 1, 1))[0]
    >>> check.expired, check.unendorsed, check.paper_only
    (True, True, False)
    """
    check_region(region, "check_agreements")
    when = resolve_today(today)
    if not callable(measurable):
        raise InvalidArgumentError(
            f"measurable must be a function of a string (got {measurable!r})"
        )
    picked = _pick(region.agreements, statuses)
    if not picked:
        return ()
    linked = linked_parties(region, graph=graph)
    out = []
    live = (AgreementStatus.ACTIVE, AgreementStatus.DRAFT)
    for agreement in picked:
        parties = tuple(dict.fromkeys(agreement.parties))
        endorsers = tuple(
            dict.fromkeys(
                e.party for e in agreement.endorsements if e.date is None or e.date <= when
            )
        )
        starts = agreement.valid_from
        pending = starts is not None and starts > when and agreement.status in live
        pairs = [
            (a, b) if a <= b else (b, a) for i, a in enumerate(parties) for b in parties[i + 1 :]
        ]
        unlinked = tuple(p for p in pairs if p not in linked)
        out.append(
            AgreementCheck(
                agreement.id,
                agreement.title,
                agreement.theme,
                agreement.level,
                agreement.status,
                parties,
                len(agreement.success_criteria),
                tuple(c for c in agreement.success_criteria if not measurable(c)),
                agreement.status is AgreementStatus.EXPIRED
                or (
                    not pending
                    and agreement.valid_until is not None
                    and agreement.valid_until < when
                    and agreement.status in live
                ),
                tuple(p for p in parties if p not in endorsers),
                tuple(e for e in endorsers if e not in parties),
                unlinked,
                len(pairs) - len(unlinked),
                pending,
                starts,
            )
        )
    return tuple(out)


@frozen
class PartyEndorsements(Tabular):
    """One party of a constitution and the agreements it has not endorsed."""

    party: OrganisationId
    """The organisation."""
    name: str
    """Its name (its id when it is not in the region)."""
    not_endorsed: tuple[AgreementId, ...]
    """Constitution agreements it has not endorsed, in constitution order."""

    @property
    def complete(self) -> bool:
        """True when it endorsed every agreement."""
        return not self.not_endorsed

    def _row(self) -> tuple[object, ...]:
        return (self.party, self.name, self.complete, self.not_endorsed)

    def _tables(self) -> tuple[Table, ...]:
        columns = ("party", "name", "complete", "not_endorsed")
        return (Table("parties", columns, [self._row()]),)


@frozen(repr=False)
class Constitution(Tabular):
    """A set of agreements every party must endorse, and who has not."""

    agreements: tuple[AgreementId, ...]
    """The agreements that make up the constitution."""
    parties: tuple[PartyEndorsements, ...]
    """Every party that must endorse them, in the region's organisation order."""

    @property
    def missing(self) -> tuple[PartyEndorsements, ...]:
        """The parties that have not endorsed every agreement."""
        return tuple(p for p in self.parties if not p.complete)

    @property
    def complete(self) -> bool:
        """True when every party endorsed every agreement."""
        return not self.missing

    def __str__(self) -> str:
        return (
            f"{len(self.parties) - len(self.missing)} of {len(self.parties)} parties endorsed "
            f"all {len(self.agreements)} agreement(s)"
        )

    def _tables(self) -> tuple[Table, ...]:
        columns = ("party", "name", "complete", "not_endorsed")
        return (Table("parties", columns, [p._row() for p in self.parties]),)

    def _notes(self) -> tuple[str, ...]:
        return (f"constitution agreements: {', '.join(self.agreements) or 'none'}",)

    def __repr__(self) -> str:
        return (
            f"<Constitution: {len(self.agreements)} agreements, {len(self.parties)} parties, "
            f"{len(self.missing)} not endorsed>"
        )


def constitution_agreements(region: Region) -> tuple[AgreementId, ...]:
    """The agreements whose theme is one of :data:`CONSTITUTION_THEMES`.

    Example
    -------
    >>> from samenwerking.model import Agreement, Region
    >>> region = Region("Dorp", agreements=(
    ...     Agreement("a", "A", "Jeugdgrondwet", "policy", ("g",)),))
    >>> constitution_agreements(region)
    ('a',)
    """
    themes = {t.casefold() for t in CONSTITUTION_THEMES}
    return tuple(a.id for a in region.agreements if a.theme.casefold() in themes)


def constitution(
    region: Region,
    agreements: Iterable[str] | None = None,
    *,
    parties: Iterable[str] | Literal["all"] | None = None,
) -> Constitution:
    """Check a local youth constitution: which party has not endorsed which agreement.

    Parameters
    ----------
    region : Region
        The region.
    agreements : iterable of str, optional
        The ids of the agreements every party must endorse; by default those whose theme
        is one of :data:`CONSTITUTION_THEMES`.
    parties : iterable of str, ``"all"`` or None
        Who must endorse: by default every organisation that is a party to any of the
        agreements; ``"all"`` for every organisation in the region; or a list of ids.

    Raises
    ------
    InvalidArgumentError
        When there are no agreements to check or ``parties`` is a string other than "all".
    UnknownIdError
        For an agreement id the region does not have.

    Example
    -------
    >>> from samenwerking.model import Agreement, Endorsement, Region
    >>> region = Region("Dorp", agreements=(
    ...     Agreement("a", "A", "jeugdgrondwet", "administrative", ("g", "s"),
    ...               endorsements=(Endorsement("g"),)),))
    >>> [(p.party, p.not_endorsed) for p in constitution(region).missing]
    [('s', ('a',))]
    """
    from samenwerking.errors import UnknownIdError

    check_region(region, "constitution")
    by_id = {a.id: a for a in region.agreements}
    if agreements is None:
        ids = constitution_agreements(region)
        if not ids:
            raise InvalidArgumentError(
                "no agreements given and no agreement has a constitution theme "
                f"({', '.join(CONSTITUTION_THEMES)}); pass agreements=[...]"
            )
    else:
        if isinstance(agreements, str):
            agreements = (agreements,)
        ids = tuple(dict.fromkeys(AgreementId(a) for a in agreements))
        if not ids:
            raise InvalidArgumentError("agreements is empty; name at least one agreement id")
        for a in ids:
            if a not in by_id:
                raise UnknownIdError("agreement", a, list(by_id))
    order = {o.id: i for i, o in enumerate(region.organisations)}
    if parties is None:
        must = {p for a in ids for p in by_id[a].parties}
    elif parties == "all":
        must = set(order)
    elif isinstance(parties, str):
        raise InvalidArgumentError(
            f"parties must be None, 'all' or a list of organisation ids (got {parties!r})"
        )
    else:
        must = {OrganisationId(p) for p in parties}
    endorsed = {a: {e.party for e in by_id[a].endorsements} for a in ids}
    names = {o.id: o.name for o in region.organisations}
    rows = tuple(
        PartyEndorsements(
            party,
            names.get(party, party),
            tuple(a for a in ids if party not in endorsed[a]),
        )
        for party in sorted(must, key=lambda p: (p not in order, order.get(p, 0), p))
    )
    return Constitution(ids, rows)
