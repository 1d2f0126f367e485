"""Hypothesis strategies for every model class, for identifiers, and for whole regions.

``regions()`` builds regions whose references all resolve (they pass validation), with
ties using every column and nested agreements, agendas and cases. The per-class
strategies (``organisations()``, ``agreements()``, ...) build single records whose
references need not resolve.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from samenwerking.model import (
    Agenda,
    AgendaId,
    AgendaKind,
    Agreement,
    AgreementId,
    AgreementLevel,
    AgreementStatus,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseId,
    CaseInvolvement,
    CaseRole,
    CaseStatus,
    Commitment,
    Endorsement,
    GroupKind,
    Meeting,
    MeetingId,
    MeetingKind,
    Organisation,
    OrganisationId,
    Professional,
    ProfessionalId,
    Region,
    Role,
    Sector,
    Step,
    StepStatus,
    SupportLevel,
    Tie,
    TieKind,
    TieStore,
    Topic,
    WorkingGroup,
    WorkingGroupId,
)

__all__ = [
    "agendas",
    "agreements",
    "case_events",
    "case_involvements",
    "cases",
    "commitments",
    "dates",
    "endorsements",
    "identifiers",
    "ids",
    "meetings",
    "organisations",
    "professionals",
    "regions",
    "scores",
    "steps",
    "texts",
    "tie_stores",
    "ties",
    "topics",
    "working_groups",
]

_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_.ABCXYZéü"


def ids() -> st.SearchStrategy[str]:
    """Valid identifiers: short, no spaces or separators."""
    return st.text(_ID_ALPHABET, min_size=1, max_size=6)


def texts(max_size: int = 16) -> st.SearchStrategy[str]:
    """Non-blank text without surrounding spaces, including ; , \\ quotes and newlines."""
    alphabet = st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc")),
        st.sampled_from(";,\\\"'=|\n"),
    )
    return st.text(alphabet, min_size=1, max_size=max_size).filter(
        lambda t: t.strip() == t and bool(t)
    )


def dates() -> st.SearchStrategy[dt.date]:
    """Dates in a plausible range."""
    return st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))


def scores() -> st.SearchStrategy[float | None]:
    """Optional finite numbers, as survey scores would be (any finite float is allowed)."""
    return st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64)


def identifiers() -> st.SearchStrategy[dict[str, str]]:
    """External identifiers by scheme."""
    return st.dictionaries(ids(), ids(), max_size=3)


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _id_tuple(max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(ids(), max_size=max_size, unique=True).map(tuple)


def organisations() -> st.SearchStrategy[Organisation]:
    """Any organisation."""
    return st.builds(
        Organisation,
        id=ids().map(OrganisationId),
        name=texts(),
        sector=st.sampled_from(Sector),
        municipality=texts(),
        parent=_opt(ids()),
        memberships=_id_tuple(),
        identifiers=identifiers(),
    )


def professionals() -> st.SearchStrategy[Professional]:
    """Any professional."""
    return st.builds(
        Professional,
        id=ids().map(ProfessionalId),
        name=texts(),
        role=st.sampled_from(Role),
        organisations=st.lists(ids(), min_size=1, max_size=3, unique=True).map(tuple),
        capacity=_opt(st.integers(0, 50)),
    )


def ties() -> st.SearchStrategy[Tie]:
    """Any tie, with every column possibly filled in."""
    return st.builds(
        Tie,
        source=ids(),
        target=ids(),
        kind=st.sampled_from(TieKind),
        strength=scores(),
        trust=scores(),
        value=scores(),
        since=_opt(dates()),
        met_at=_opt(ids()),
        directed=st.booleans(),
    )


def tie_stores(max_size: int = 8) -> st.SearchStrategy[TieStore]:
    """Stores of arbitrary ties."""
    return st.lists(ties(), max_size=max_size).map(TieStore.from_ties)


def commitments() -> st.SearchStrategy[Commitment]:
    """Any commitment."""
    return st.builds(Commitment, party=ids(), action=texts(), due=_opt(dates()), owner=_opt(ids()))


def endorsements() -> st.SearchStrategy[Endorsement]:
    """Any endorsement."""
    return st.builds(Endorsement, party=ids(), date=_opt(dates()))


def agreements() -> st.SearchStrategy[Agreement]:
    """Any agreement, with commitments and endorsements."""
    return st.builds(
        Agreement,
        id=ids().map(AgreementId),
        title=texts(),
        theme=texts(),
        level=st.sampled_from(AgreementLevel),
        parties=st.lists(ids(), min_size=1, max_size=3, unique=True).map(tuple),
        status=st.sampled_from(AgreementStatus),
        commitments=st.lists(commitments(), max_size=2).map(tuple),
        success_criteria=st.lists(texts(), max_size=3).map(tuple),
        valid_from=_opt(dates()),
        valid_until=_opt(dates()),
        endorsements=st.lists(endorsements(), max_size=2).map(tuple),
    )


def steps() -> st.SearchStrategy[Step]:
    """Any step."""
    return st.builds(
        Step,
        description=texts(),
        owner=_opt(ids()),
        due=_opt(dates()),
        status=st.sampled_from(StepStatus),
    )


def topics() -> st.SearchStrategy[Topic]:
    """Any topic, with steps."""
    return st.builds(
        Topic,
        id=ids(),
        title=texts(),
        outcomes=st.lists(texts(), max_size=3).map(tuple),
        steps=st.lists(steps(), max_size=2).map(tuple),
        working_group=_opt(ids()),
        leads=_id_tuple(),
    )


def agendas() -> st.SearchStrategy[Agenda]:
    """Any agenda, with topics."""
    return st.builds(
        Agenda,
        id=ids().map(AgendaId),
        title=texts(),
        kind=st.sampled_from(AgendaKind),
        owner=ids(),
        start=_opt(dates()),
        end=_opt(dates()),
        ambition=_opt(texts(40)),
        topics=st.lists(topics(), max_size=2).map(tuple),
    )


def working_groups() -> st.SearchStrategy[WorkingGroup]:
    """Any working group."""
    return st.builds(
        WorkingGroup,
        id=ids().map(WorkingGroupId),
        name=texts(),
        kind=st.sampled_from(GroupKind),
        theme=_opt(texts()),
        lead=_opt(ids()),
        members=_id_tuple(),
        needed_sectors=st.lists(st.sampled_from(Sector), max_size=3).map(tuple),
    )


def meetings() -> st.SearchStrategy[Meeting]:
    """Any meeting."""
    return st.builds(
        Meeting,
        id=ids().map(MeetingId),
        name=texts(),
        kind=st.sampled_from(MeetingKind),
        date=_opt(dates()),
        organiser=_opt(ids()),
        participants=_id_tuple(),
    )


def case_involvements() -> st.SearchStrategy[CaseInvolvement]:
    """Any involvement."""
    return st.builds(CaseInvolvement, professional=ids(), role=st.sampled_from(CaseRole))


def case_events() -> st.SearchStrategy[CaseEvent]:
    """Any case event."""
    return st.builds(
        CaseEvent, date=dates(), kind=st.sampled_from(CaseEventKind), actor=_opt(ids())
    )


def cases() -> st.SearchStrategy[Case]:
    """Any case."""
    return st.builds(
        Case,
        id=ids().map(CaseId),
        municipality=texts(),
        support_level=st.sampled_from(SupportLevel),
        status=st.sampled_from(CaseStatus),
        school=_opt(ids()),
        opened=_opt(dates()),
        closed=_opt(dates()),
        coordinator=_opt(ids()),
        has_plan=st.booleans(),
        involved=st.lists(case_involvements(), max_size=2).map(tuple),
        events=st.lists(case_events(), max_size=2).map(tuple),
    )


# -- whole, consistent regions ------------------------------------------------------------------
def _period(draw: st.DrawFn) -> tuple[dt.date | None, dt.date | None]:
    start, end = draw(_opt(dates())), draw(_opt(dates()))
    if start is not None and end is not None and end < start:
        start, end = end, start
    return start, end


def _subset(draw: st.DrawFn, pool: list[str], min_size: int = 0) -> tuple[str, ...]:
    if not pool:
        return ()
    return tuple(draw(st.lists(st.sampled_from(pool), min_size=min_size, max_size=3, unique=True)))


def _one(draw: st.DrawFn, pool: list[str]) -> str | None:
    return draw(_opt(st.sampled_from(pool))) if pool else None


@st.composite
def regions(draw: st.DrawFn, max_people: int = 6, max_ties: int = 12) -> Region:
    """A region whose references resolve, so it passes validation."""
    org_ids = draw(st.lists(ids(), min_size=1, max_size=4, unique=True))
    orgs = []
    for i, org_id in enumerate(org_ids):
        orgs.append(
            Organisation(
                OrganisationId(org_id),
                draw(texts()),
                draw(st.sampled_from(Sector)),
                draw(texts()),
                parent=_one(draw, org_ids[:i]),  # type: ignore[arg-type]
                memberships=_subset(draw, org_ids),  # type: ignore[arg-type]
                identifiers=draw(identifiers()),
            )
        )
    person_ids = draw(st.lists(ids(), max_size=max_people, unique=True))
    people = tuple(
        Professional(
            ProfessionalId(p),
            draw(texts()),
            draw(st.sampled_from(Role)),
            _subset(draw, org_ids, min_size=1),  # type: ignore[arg-type]
            capacity=draw(_opt(st.integers(0, 40))),
        )
        for p in person_ids
    )
    meeting_ids = draw(st.lists(ids(), max_size=2, unique=True))
    meetings_ = tuple(
        Meeting(
            MeetingId(m),
            draw(texts()),
            draw(st.sampled_from(MeetingKind)),
            date=draw(_opt(dates())),
            organiser=_one(draw, org_ids),  # type: ignore[arg-type]
            participants=_subset(draw, person_ids),  # type: ignore[arg-type]
        )
        for m in meeting_ids
    )
    tie_list = []
    seen = set()
    if len(person_ids) >= 2:
        for _ in range(draw(st.integers(0, max_ties))):
            source, target = draw(
                st.lists(st.sampled_from(person_ids), min_size=2, max_size=2, unique=True)
            )
            kind = draw(st.sampled_from(TieKind))
            directed = draw(st.booleans())
            key = (source, target) if directed else tuple(sorted((source, target)))
            if (key, kind, directed) in seen:
                continue
            seen.add((key, kind, directed))
            tie_list.append(
                Tie(
                    ProfessionalId(source),
                    ProfessionalId(target),
                    kind,
                    strength=draw(scores()),
                    trust=draw(scores()),
                    value=draw(scores()),
                    since=draw(_opt(dates())),
                    met_at=_one(draw, meeting_ids),  # type: ignore[arg-type]
                    directed=directed,
                )
            )
    group_ids = draw(st.lists(ids(), max_size=2, unique=True))
    groups = tuple(
        WorkingGroup(
            WorkingGroupId(g),
            draw(texts()),
            draw(st.sampled_from(GroupKind)),
            theme=draw(_opt(texts())),
            lead=_one(draw, person_ids),  # type: ignore[arg-type]
            members=_subset(draw, person_ids),  # type: ignore[arg-type]
            needed_sectors=tuple(draw(st.lists(st.sampled_from(Sector), max_size=2))),
        )
        for g in group_ids
    )
    agreement_list = []
    for a in draw(st.lists(ids(), max_size=2, unique=True)):
        parties = list(_subset(draw, org_ids, min_size=1))
        start, end = _period(draw)
        agreement_list.append(
            Agreement(
                AgreementId(a),
                draw(texts()),
                draw(texts()),
                draw(st.sampled_from(AgreementLevel)),
                tuple(OrganisationId(p) for p in parties),
                status=draw(st.sampled_from(AgreementStatus)),
                commitments=tuple(
                    Commitment(
                        OrganisationId(draw(st.sampled_from(parties))),
                        draw(texts()),
                        due=draw(_opt(dates())),
                        owner=_one(draw, person_ids),  # type: ignore[arg-type]
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
                success_criteria=tuple(draw(st.lists(texts(), max_size=3))),
                valid_from=start,
                valid_until=end,
                endorsements=tuple(
                    Endorsement(OrganisationId(p), draw(_opt(dates())))
                    for p in _subset(draw, parties)
                ),
            )
        )
    agenda_list = []
    for a in draw(st.lists(ids(), max_size=2, unique=True)):
        start, end = _period(draw)
        agenda_list.append(
            Agenda(
                AgendaId(a),
                draw(texts()),
                draw(st.sampled_from(AgendaKind)),
                OrganisationId(draw(st.sampled_from(org_ids))),
                start=start,
                end=end,
                ambition=draw(_opt(texts(40))),
                topics=tuple(
                    Topic(
                        t,
                        draw(texts()),
                        outcomes=tuple(draw(st.lists(texts(), max_size=2))),
                        steps=tuple(
                            Step(
                                draw(texts()),
                                owner=_one(draw, person_ids),  # type: ignore[arg-type]
                                due=draw(_opt(dates())),
                                status=draw(st.sampled_from(StepStatus)),
                            )
                            for _ in range(draw(st.integers(0, 2)))
                        ),
                        working_group=_one(draw, group_ids),  # type: ignore[arg-type]
                        leads=_subset(draw, person_ids),  # type: ignore[arg-type]
                    )
                    for t in draw(st.lists(ids(), max_size=2, unique=True))
                ),
            )
        )
    schools = [o.id for o in orgs if o.sector.is_school]
    case_list = []
    for c in draw(st.lists(ids(), max_size=2, unique=True)):
        status = draw(st.sampled_from(CaseStatus))
        opened, closed = _period(draw)
        if status is CaseStatus.OPEN:
            closed = None
        case_list.append(
            Case(
                CaseId(c),
                draw(texts()),
                draw(st.sampled_from(SupportLevel)),
                status=status,
                school=_one(draw, schools),  # type: ignore[arg-type]
                opened=opened,
                closed=closed,
                coordinator=_one(draw, person_ids),  # type: ignore[arg-type]
                has_plan=draw(st.booleans()),
                involved=tuple(
                    CaseInvolvement(ProfessionalId(p), draw(st.sampled_from(CaseRole)))
                    for p in _subset(draw, person_ids)
                ),
                events=tuple(
                    CaseEvent(
                        draw(dates()),
                        draw(st.sampled_from(CaseEventKind)),
                        actor=_one(draw, person_ids),  # type: ignore[arg-type]
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
            )
        )
    return Region(
        name=draw(texts()),
        organisations=tuple(orgs),
        professionals=people,
        ties=TieStore.from_ties(tie_list),
        agreements=tuple(agreement_list),
        agendas=tuple(agenda_list),
        working_groups=groups,
        meetings=meetings_,
        cases=tuple(case_list),
    )
