"""The bundled example region: Lindenhoeve, a fictional small municipality.

Everything in it is invented: the municipality, its organisations, its people and its
cases. It is built in code from seeded random generators, so every call returns an
equal region. It is small enough to read (about 180 professionals) and rich enough to
show every part of the model and every check, each as a problem *and* as a good example.
Dates are judged against :data:`REFERENCE_DATE` (23 November 2026).

The network
    A main island of collaboration; a childcare silo (childcare and pre-school only know
    each other); a village school whose staff only know each other; a youth-care
    provider in the neighbouring municipality Veldhorst that nobody knows; three people
    without any tie. Some links between domains hang on one person (welfare and
    education, welfare and care); some schools have no youth-care or youth-health
    contact within two steps (the village school and two schools that only reach the
    network through their boards); many professionals have a ``capacity`` for new contacts.
The LEA table
    Seats the alderman (municipality, who reaches nearly all of their sector within two
    steps), two primary-school directors (one provision represented twice, each reaching
    little of their sector), one secondary, one special school director and the CJG
    manager; nobody represents pre-school.
Working groups
    A healthy one (warm handover: lead, every needed sector, well tied); one without a
    lead (youth constitution); one whose lead is not a member (analysis); one missing
    needed sectors (krimp: no childcare or pre-school); and a *praatclub* (parents as
    partners) whose members hardly know each other.
Agendas
    A transformation agenda for 2024-2026 whose topics show a finished topic, steps past
    due, a step without owner, a dropped step, a topic with outcomes but no steps, a
    topic without leads (trekkers) and topics still open at the agenda's end; and an LEA
    agenda.
Agreements
    Themes for a parties x themes matrix; measurable criteria (numbers, dates) next to
    vague ones and none at all; an expired agreement and one still active past its end;
    an unendorsed one, one endorsed by only some parties, an agreement on paper only
    (its parties' people have no ties) and a local youth constitution: four agreements
    with the theme :data:`YOUTH_CONSTITUTION` (``"youth constitution"``, the
    *jeugdgrondwet*) that every party must endorse, which two parties have not fully done.
Meetings
    LEA table meetings (2023-2025), conferences (2023, 2026) and two sociaal cafés;
    ties that began there carry ``met_at`` and ``since`` equal to the meeting date. The
    2025 sociaal café brings the welfare organisation and a care farm into the network
    with new cross-domain ties, so islands and the E-I index change before and after.
Cases
    Forty pseudonymous cases (ids from :func:`samenwerking.privacy.pseudonymise` with the
    demonstration key :data:`EXAMPLE_KEY`) in Lindenhoeve and Veldhorst, at every support
    level, open and closed; some without coordinator or plan, some stranded (nothing
    happened for more than six weeks) with disputes between education and care, returns
    from a special school to a regular one, teams whose members do not know each other
    next to a team that does; aggregate tables have cells both above and below the
    suppression threshold.

Example
-------
>>> region = example_region()
>>> region.name, len(region.cases)
('Lindenhoeve', 40)
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterable, Sequence

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
    Topic,
    WorkingGroup,
    WorkingGroupId,
)
from samenwerking.privacy import pseudonymise

__all__ = [
    "EXAMPLE_KEY",
    "EXAMPLE_NAME",
    "REFERENCE_DATE",
    "YOUTH_CONSTITUTION",
    "example_region",
]

EXAMPLE_NAME = "Lindenhoeve"
"""The name of the example municipality (and region)."""

# A demonstration key, public on purpose. Real pseudonymisation keys are secret and are
# never stored with the data (nor in code): whoever holds both can link pseudonyms back.
EXAMPLE_KEY = "lindenhoeve-demo-key-not-a-secret"
"""The (fictional, public) key the example's case ids are pseudonymised with."""

REFERENCE_DATE = dt.date(2026, 11, 23)
"""The day the example's "past due", "expired" and "stranded" findings are meant for."""

YOUTH_CONSTITUTION = "youth constitution"
"""The theme of the agreements that form the local youth constitution (jeugdgrondwet)."""

_SEED = 20240917
_NEIGHBOUR = "Veldhorst"
"""A fictional neighbouring municipality where one youth-care provider is based."""
# Invented surnames: stems and endings that make no-one in particular.
_STEMS = (
    "Vlinder", "Klaver", "Meidoorn", "Zwaluw", "Hazel", "Rietkraag", "Kievit", "Lupine",
    "Wilgen", "Dotter", "Eekhoorn", "Vlasblom", "Brem", "Hulstkamp", "Zilverspar", "Mossel",
    "Ranonkel", "Kwartel", "Salie", "Tijmen", "Weegbree", "Distel", "Korenaar", "Spreeuw",
)  # fmt: skip
_ENDINGS = ("veld", "hoek", "kamp", "horst", "beek", "weerd", "hof", "laar", "stee", "brink")
_INITIALS = "ABCDEFGHIJKLMNOPRSTW"

_PRIMARY_SCHOOLS = (
    # (short key, name, board key); every name is invented
    ("vlinderboom", "OBS De Vlinderboom", "a"),
    ("kwartelwiek", "OBS De Kwartelwiek", "a"),
    ("lindenblad", "OBS Het Lindenblad", "a"),
    ("hoevesteen", "OBS De Hoevesteen", "a"),
    ("wiekslag", "OBS De Wiekslag", "a"),
    ("kompaskever", "OBS De Kompaskever", "a"),
    ("lindenbron", "CBS De Lindenbron", "b"),
    ("morgenlinde", "CBS De Morgenlinde", "b"),
    ("hoevezaaier", "CBS De Hoevezaaier", "b"),
    ("zaaiklok", "CBS De Zaaiklok", "b"),
    ("schatgraver", "CBS De Schatgraver", "b"),
    ("sterrenwachter", "RKBS De Sterrenwachter", "c"),
    ("kastanjekever", "RKBS De Kastanjekever", "c"),
    ("hoevespan", "RKBS Het Hoevespan", "c"),
    ("uilenlinde", "RKBS De Uilenlinde", "c"),
    ("veldmuizen", "RKBS De Veldmuizen", "c"),
)
_ISLAND_SCHOOL = "veldmuizen"
"""A small village school whose staff only know each other: an education silo."""
_REMOTE_SCHOOLS = ("lindenblad", "uilenlinde")
"""Schools tied to the network only through their boards: no care within two steps."""


class _Builder:
    """Collects the parts of the region while keeping ids, names and pairs unique."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.organisations: list[Organisation] = []
        self.professionals: list[Professional] = []
        self.staff: dict[str, list[ProfessionalId]] = {}
        self.ties: list[Tie] = []
        self.pairs: set[frozenset[str]] = set()
        self.names: set[str] = set()
        self.next_person = 1
        self.apart: set[str] = set()
        """People who must not be tied to each other (a praatclub), unless forced."""

    # -- partners ----------------------------------------------------------------------
    def org(
        self,
        key: str,
        name: str,
        sector: Sector,
        *,
        municipality: str = EXAMPLE_NAME,
        parent: str | None = None,
        memberships: Sequence[str] = (),
        identifiers: dict[str, str] | None = None,
    ) -> OrganisationId:
        oid = OrganisationId(key)
        self.organisations.append(
            Organisation(
                oid,
                name,
                sector,
                municipality,
                parent=None if parent is None else OrganisationId(parent),
                memberships=tuple(OrganisationId(m) for m in memberships),
                identifiers=identifiers or {},
            )
        )
        self.staff[oid] = []
        return oid

    def person(self, org: str, role: Role, *, also: Sequence[str] = ()) -> ProfessionalId:
        pid = ProfessionalId(f"p-{self.next_person:03d}")
        self.next_person += 1
        name = self._name()
        orgs = (OrganisationId(org), *(OrganisationId(o) for o in also))
        capacity = self.rng.choice((None, None, 2, 5, 10))
        self.professionals.append(Professional(pid, name, role, orgs, capacity=capacity))
        for o in orgs:
            self.staff[o].append(pid)
        return pid

    def organisation_of(self, person: str) -> str:
        return next(p.organisation for p in self.professionals if p.id == person)

    def people(self, org: str, role: Role, count: int) -> list[ProfessionalId]:
        return [self.person(org, role) for _ in range(count)]

    def _name(self) -> str:
        while True:
            name = (
                f"{self.rng.choice(_INITIALS)}. "
                f"{self.rng.choice(_STEMS)}{self.rng.choice(_ENDINGS)}"
            )
            if name not in self.names:
                self.names.add(name)
                return name

    # -- ties ----------------------------------------------------------------------------
    def tie(
        self,
        a: str,
        b: str,
        kind: TieKind = TieKind.KNOWS,
        *,
        scored: bool = False,
        since: dt.date | None = None,
        met_at: str | None = None,
        directed: bool = False,
        force: bool = False,
    ) -> None:
        pair = frozenset((a, b))
        if a == b or pair in self.pairs or (not force and pair <= self.apart):
            return
        self.pairs.add(pair)
        rng = self.rng
        self.ties.append(
            Tie(
                ProfessionalId(a),
                ProfessionalId(b),
                kind,
                strength=float(rng.randint(1, 5)) if scored else None,
                trust=float(rng.randint(1, 4)) if scored else None,
                value=float(rng.randint(1, 4)) if scored else None,
                since=since if since is not None else self._since(),
                met_at=None if met_at is None else MeetingId(met_at),
                directed=directed,
            )
        )

    def _since(self) -> dt.date | None:
        if self.rng.random() < 0.3:
            return None
        return dt.date(2014, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 10 * 365))

    def colleagues(self, org: str, density: float, *, skip: Iterable[str] = ()) -> None:
        """Tie the staff of one organisation: a chain (so they hang together) plus extras."""
        skipped = set(skip)
        staff = [p for p in self.staff[org] if p not in skipped]
        for a, b in itertools.pairwise(staff):
            self.tie(a, b, TieKind.COLLABORATES, scored=self.rng.random() < 0.4)
        for i, a in enumerate(staff):
            for b in staff[i + 2 :]:
                if self.rng.random() < density:
                    self.tie(a, b, TieKind.COLLABORATES, scored=self.rng.random() < 0.3)


def example_region() -> Region:
    """The bundled fictional example region, Lindenhoeve.

    About twenty schools under four boards, the two samenwerkingsverbanden, the family
    centre, youth health care, three youth-care providers and the municipality, with
    some 180 professionals, their ties, the LEA table, working groups, agreements, a
    transformation agenda, meetings and forty pseudonymous cases (see the module
    docstring for what each part shows). Deterministic: every call returns an equal
    region.

    Returns
    -------
    Region
        A valid region (``example_region().validate()`` passes).

    Example
    -------
    >>> region = example_region()
    >>> sum(o.sector is Sector.PRIMARY_SCHOOL for o in region.organisations)
    16
    """
    b = _Builder(_SEED)
    rng = b.rng
    P = Sector  # noqa: N806 - short alias keeps the tables below readable

    # -- organisations ------------------------------------------------------------------
    gem = b.org("gem-lindenhoeve", "Gemeente Lindenhoeve", P.MUNICIPALITY)
    swv_po = b.org("swv-po", "Samenwerkingsverband PO Lindeland", P.SWV_PO)
    swv_vo = b.org("swv-vo", "Samenwerkingsverband VO Lindeland", P.SWV_VO)
    # Boards are members of the samenwerkingsverbanden for the schools they run.
    boards = {
        "a": b.org("board-a", "Stichting Boomgaardscholen", P.SCHOOL_BOARD, memberships=[swv_po]),
        "b": b.org("board-b", "Stichting Heidezand Onderwijs", P.SCHOOL_BOARD,
                   memberships=[swv_po]),
        "c": b.org("board-c", "Vereniging De Ommeloop", P.SCHOOL_BOARD,
                   memberships=[swv_po, swv_vo]),
        "d": b.org("board-d", "Stichting Voortgezet Lindenhoeve", P.SCHOOL_BOARD,
                   memberships=[swv_vo]),
    }  # fmt: skip
    # Every school belongs to a board and is a member of its samenwerkingsverband.
    primary: dict[str, OrganisationId] = {}
    for n, (key, name, board) in enumerate(_PRIMARY_SCHOOLS, start=1):
        primary[key] = b.org(
            f"po-{key}",
            name,
            P.PRIMARY_SCHOOL,
            parent=boards[board],
            memberships=[swv_po],
            identifiers={"brin": f"ZZ{n:02d}"},
        )
    vo_college = b.org(
        "vo-hoevecollege", "Het Hoevecollege", P.SECONDARY_SCHOOL, parent=boards["d"],
        memberships=[swv_vo], identifiers={"brin": "ZZ21"},
    )  # fmt: skip
    vo_vakschool = b.org(
        "vo-vakschool", "Lindenhoeve Vakschool", P.SECONDARY_SCHOOL, parent=boards["d"],
        memberships=[swv_vo], identifiers={"brin": "ZZ22"},
    )  # fmt: skip
    so = b.org(
        "so-kompas", "SO De Kompasnaald", P.SPECIAL_SCHOOL, parent=boards["c"],
        memberships=[swv_po], identifiers={"brin": "ZZ31"},
    )  # fmt: skip
    vso = b.org(
        "vso-lindelicht", "VSO Het Lindelicht", P.SPECIAL_SCHOOL, parent=boards["c"],
        memberships=[swv_vo], identifiers={"brin": "ZZ32"},
    )  # fmt: skip
    cjg = b.org("cjg", "CJG Lindenhoeve", P.FAMILY_CENTRE)
    jgz = b.org("jgz", "JGZ Lindeland", P.YOUTH_HEALTH)
    yc_wegwijs = b.org("yc-wegwijs", "Jeugdhulp Wegwijs Lindeland", P.YOUTH_CARE)
    yc_linde = b.org("yc-lindegaard", "Zorgboerderij De Lindegaard", P.YOUTH_CARE)
    yc_far = b.org(
        "yc-horizonzicht", "Horizonzicht Jeugdbehandeling", P.YOUTH_CARE, municipality=_NEIGHBOUR
    )
    wijk = b.org("wijkteam", "Wijkteam Lindenhoeve", P.NEIGHBOURHOOD_TEAM)
    kdv = b.org("ko-hoevekabouters", "Kinderopvang De Hoevekabouters", P.CHILDCARE)
    vve = b.org("vve-lindepeutjes", "Peuterspeelzaal De Lindepeutjes", P.PRESCHOOL)
    welzijn = b.org("welzijn", "Welzijn Lindenhoeve", P.WELFARE)
    leerplicht = b.org("leerplicht", "Bureau Leerplicht Lindeland", P.SCHOOL_ATTENDANCE)

    # -- professionals ----------------------------------------------------------------
    alderman = b.person(gem, Role.ALDERMAN)
    gem_policy = b.people(gem, Role.POLICY_ADVISER, 3)
    gem_manager = b.person(gem, Role.MANAGER)
    attendance = b.people(leerplicht, Role.ATTENDANCE_OFFICER, 2)
    board_members: dict[str, ProfessionalId] = {}
    board_policy: dict[str, ProfessionalId] = {}
    for key, board in boards.items():
        board_members[key] = b.person(board, Role.BOARD_MEMBER)
        board_policy[key] = b.person(board, Role.POLICY_ADVISER)
    school_director: dict[str, ProfessionalId] = {}
    school_ib: dict[str, ProfessionalId] = {}
    teachers: dict[str, list[ProfessionalId]] = {}
    for key, school in primary.items():
        school_director[key] = b.person(school, Role.DIRECTOR)
        school_ib[key] = b.person(school, Role.INTERN_BEGELEIDER)
        teachers[school] = b.people(school, Role.TEACHER, rng.randint(3, 5))
    vo: dict[str, dict[str, ProfessionalId]] = {}
    for school in (vo_college, vo_vakschool):
        vo[school] = {
            "director": b.person(school, Role.DIRECTOR),
            "zoco": b.person(school, Role.ZORGCOORDINATOR),
            "social": b.person(school, Role.SCHOOL_SOCIAL_WORKER),
        }
        teachers[school] = b.people(school, Role.TEACHER, 3)
    special: dict[str, dict[str, ProfessionalId]] = {}
    for school in (so, vso):
        special[school] = {
            "director": b.person(school, Role.DIRECTOR),
            "ortho": b.person(school, Role.ORTHOPEDAGOOG),
        }
        b.people(school, Role.TEACHER, 2)
    swv_po_director = b.person(swv_po, Role.DIRECTOR)
    swv_po_ortho = b.people(swv_po, Role.ORTHOPEDAGOOG, 2)
    swv_po_consult = b.people(swv_po, Role.SUPPORT_CONSULTANT, 2)
    swv_vo_director = b.person(swv_vo, Role.DIRECTOR)
    swv_vo_ortho = b.person(swv_vo, Role.ORTHOPEDAGOOG)
    swv_vo_consult = b.people(swv_vo, Role.SUPPORT_CONSULTANT, 2)
    cjg_manager = b.person(cjg, Role.MANAGER)
    # One youth consultant also works for the neighbourhood team: a broker.
    cjg_consult = [b.person(cjg, Role.YOUTH_CONSULTANT, also=(wijk,))]
    cjg_consult += b.people(cjg, Role.YOUTH_CONSULTANT, 3)
    cjg_coach = b.person(cjg, Role.FAMILY_COACH)
    jgz_doctor = b.people(jgz, Role.YOUTH_DOCTOR, 2)
    jgz_nurse = b.people(jgz, Role.YOUTH_NURSE, 3)
    yc_manager = b.person(yc_wegwijs, Role.MANAGER)
    yc_psych = b.person(yc_wegwijs, Role.PSYCHOLOGIST)
    yc_workers = b.people(yc_wegwijs, Role.YOUTH_CARE_WORKER, 4)
    lg_workers = [b.person(yc_linde, Role.MANAGER), *b.people(yc_linde, Role.YOUTH_CARE_WORKER, 3)]
    # Nobody outside knows this provider's staff.
    far_staff = [b.person(yc_far, Role.MANAGER), *b.people(yc_far, Role.PSYCHOLOGIST, 2)]
    wijk_staff = [*b.people(wijk, Role.FAMILY_COACH, 2), *b.people(wijk, Role.YOUTH_WORKER, 2)]
    kdv_manager = b.person(kdv, Role.MANAGER)
    kdv_staff = b.people(kdv, Role.CHILDCARE_WORKER, 4)
    vve_manager = b.person(vve, Role.MANAGER)
    vve_teachers = b.people(vve, Role.PRESCHOOL_TEACHER, 3)
    welfare_staff = b.people(welzijn, Role.YOUTH_WORKER, 3)

    # People without any tie: a new teacher, a welfare worker, a board's policy adviser.
    new_teacher = b.person(primary["zaaiklok"], Role.TEACHER)
    isolates = {new_teacher, welfare_staff[2], board_policy["d"]}
    # Only met the rest of Lindenhoeve at the 2025 sociaal café: the welfare organisation
    # and the care farm De Lindegaard are islands before it.
    late = {*lg_workers, welfare_staff[0], welfare_staff[1]}
    # A praatclub: a working group of people who (almost) do not know each other.
    praatclub = [
        teachers[primary["hoevesteen"]][0],
        teachers[vo_vakschool][1],
        jgz_nurse[2],
        wijk_staff[0],
        yc_workers[3],
        kdv_staff[2],
    ]
    b.apart.update(praatclub)

    # -- meetings -----------------------------------------------------------------------
    # One seat per provision, except primary education (two directors) and pre-school
    # (nobody).
    lea_table = [
        alderman,  # municipality (chair)
        school_director["lindenbron"],  # primary education
        school_director["kwartelwiek"],  # primary education, a second seat
        vo[vo_college]["director"],  # secondary education
        special[so]["director"],  # special education
        cjg_manager,  # CJG and youth care
    ]
    lea_2023 = [p for p in lea_table if p != school_director["kwartelwiek"]]
    silent = {kdv, vve, yc_far, primary[_ISLAND_SCHOOL], *(primary[k] for k in _REMOTE_SCHOOLS)}
    main_pool = [
        p.id
        for p in b.professionals
        if p.id not in isolates and p.id not in late and p.organisation not in silent
    ]
    overdracht = (
        vo[vo_college]["zoco"], vo[vo_vakschool]["zoco"], swv_vo_consult[0], swv_po_consult[0],
        school_ib["vlinderboom"], school_ib["morgenlinde"], school_ib["sterrenwachter"],
    )  # fmt: skip
    cafe_2025_guests = [
        *late,
        gem_policy[2],
        wijk_staff[1],
        wijk_staff[2],
        school_ib["kwartelwiek"],
        attendance[1],
    ]
    cafe_2025_pool = [p for p in main_pool if p not in cafe_2025_guests]
    conf_2026_pool = [*main_pool, *lg_workers]
    meetings = [
        Meeting(
            MeetingId("m-lea-2023-10"), "LEA table, autumn session", MeetingKind.LEA_TABLE,
            date=dt.date(2023, 10, 12), organiser=gem, participants=tuple(lea_2023),
        ),
        Meeting(
            MeetingId("m-lea-2024-03"), "LEA table, spring session", MeetingKind.LEA_TABLE,
            date=dt.date(2024, 3, 14), organiser=gem,
            participants=(*lea_table, swv_po_director, swv_vo_director),
        ),
        Meeting(
            MeetingId("m-cafe-2024"), "Sociaal café: who is who in Lindenhoeve",
            MeetingKind.SOCIAAL_CAFE, date=dt.date(2024, 5, 23), organiser=gem,
            participants=tuple(sorted(rng.sample(main_pool, 28))),
        ),
        Meeting(
            MeetingId("m-conf-2023"), "Passend onderwijs conference Lindeland",
            MeetingKind.CONFERENCE, date=dt.date(2023, 11, 16), organiser=swv_po,
            participants=tuple(sorted(rng.sample(main_pool, 40))),
        ),
        Meeting(
            MeetingId("m-ot-lindenbron-2024"), "Ondersteuningsteam CBS De Lindenbron",
            MeetingKind.SUPPORT_TEAM, date=dt.date(2024, 2, 6), organiser=primary["lindenbron"],
            participants=(
                school_ib["lindenbron"], swv_po_consult[0], cjg_consult[1], jgz_nurse[0],
            ),
        ),
        Meeting(
            MeetingId("m-wg-overdracht-2024"), "Warm handover working session",
            MeetingKind.WORKING_GROUP, date=dt.date(2024, 1, 18), organiser=swv_vo,
            participants=overdracht,
        ),
        Meeting(
            MeetingId("m-cafe-2025"), "Sociaal café: care, welfare and school",
            MeetingKind.SOCIAAL_CAFE, date=dt.date(2025, 5, 22), organiser=welzijn,
            participants=tuple(sorted([*cafe_2025_guests, *rng.sample(cafe_2025_pool, 19)])),
        ),
        Meeting(
            MeetingId("m-lea-2025-10"), "LEA table, autumn session", MeetingKind.LEA_TABLE,
            date=dt.date(2025, 10, 9), organiser=gem, participants=tuple(lea_table),
        ),
        Meeting(
            MeetingId("m-conf-2026"), "Conference: one plan per child", MeetingKind.CONFERENCE,
            date=dt.date(2026, 3, 12), organiser=swv_vo,
            participants=tuple(sorted(rng.sample(conf_2026_pool, 36))),
        ),
    ]  # fmt: skip
    meeting = {m.id: m for m in meetings}

    # -- ties -------------------------------------------------------------------------
    # Dense inside organisations.
    for org in b.staff:
        density = 0.25 if len(b.staff[org]) > 6 else 0.55
        b.colleagues(org, density, skip=isolates)
    # The municipality's chair and the CJG manager know their own people.
    for person in b.staff[gem]:
        b.tie(alderman, person, TieKind.COLLABORATES)
    for person in b.staff[cjg]:
        b.tie(cjg_manager, person, TieKind.COLLABORATES)
    # Schools and their boards, boards and the samenwerkingsverbanden and the alderman.
    for key, (_school_key, _name, board) in zip(primary, _PRIMARY_SCHOOLS, strict=True):
        if key == _ISLAND_SCHOOL:
            continue
        b.tie(school_director[key], board_members[board], TieKind.COLLABORATES, scored=True)
    for key, member in board_members.items():
        b.tie(member, alderman, scored=True)
        b.tie(member, gem_policy[0])
        b.tie(member, swv_vo_director if key == "d" else swv_po_director, scored=True)
    b.tie(board_members["c"], swv_vo_director)
    for school in (vo_college, vo_vakschool):
        b.tie(vo[school]["director"], board_members["d"], TieKind.COLLABORATES, scored=True)
    for school in (so, vso):
        b.tie(special[school]["director"], board_members["c"], TieKind.COLLABORATES)
    # Intern begeleiders and the support around schools (not at the remote schools).
    for i, key in enumerate(primary):
        if key == _ISLAND_SCHOOL or key in _REMOTE_SCHOOLS:
            continue
        ib = school_ib[key]
        b.tie(ib, swv_po_consult[i % 2], TieKind.COLLABORATES, scored=True)
        if i % 3 != 2:
            b.tie(ib, cjg_consult[i % 4], TieKind.REFERS, scored=rng.random() < 0.6)
        if i % 2 == 0:
            b.tie(ib, jgz_nurse[i % 3])
        if i % 5 == 0:
            b.tie(ib, swv_po_ortho[i % 2], TieKind.REFERS)
    # A broker: the first youth consultant knows many intern begeleiders.
    for key in ("kwartelwiek", "hoevesteen", "hoevezaaier", "kastanjekever", "hoevespan"):
        b.tie(cjg_consult[0], school_ib[key], TieKind.COLLABORATES, scored=True)
    # Secondary and special schools.
    for school in (vo_college, vo_vakschool):
        zoco = vo[school]["zoco"]
        b.tie(zoco, swv_vo_consult[0 if school == vo_college else 1], TieKind.COLLABORATES)
        b.tie(zoco, attendance[0], TieKind.COLLABORATES, scored=True)
        b.tie(zoco, cjg_consult[2], TieKind.REFERS)
        b.tie(vo[school]["social"], wijk_staff[3])
    b.tie(special[so]["ortho"], swv_po_ortho[0], TieKind.COLLABORATES, scored=True)
    b.tie(special[vso]["ortho"], swv_vo_ortho, TieKind.COLLABORATES, scored=True)
    b.tie(special[vso]["ortho"], yc_psych, TieKind.REFERS)
    b.tie(special[so]["ortho"], yc_workers[0])
    # Care and the municipality.
    b.tie(attendance[1], swv_vo_ortho)
    b.tie(attendance[0], gem_policy[1], TieKind.COLLABORATES)
    b.tie(gem_policy[1], cjg_manager, TieKind.COLLABORATES, scored=True)
    b.tie(gem_policy[2], jgz_doctor[0])
    b.tie(gem_manager, wijk_staff[0])
    b.tie(gem_policy[0], swv_po_director, TieKind.COLLABORATES, scored=True)
    b.tie(gem_policy[0], swv_vo_director)
    b.tie(cjg_manager, jgz_doctor[1], TieKind.COLLABORATES)
    b.tie(cjg_manager, yc_manager, TieKind.COLLABORATES)
    b.tie(cjg_manager, wijk_staff[1])
    b.tie(cjg_coach, yc_workers[1], TieKind.REFERS, scored=True)
    b.tie(cjg_consult[3], yc_manager, TieKind.REFERS)
    # Survey answers that only one side gave.
    b.tie(school_ib["wiekslag"], yc_workers[2], TieKind.REFERS, directed=True)
    b.tie(school_ib["zaaiklok"], jgz_doctor[1], directed=True)
    # Childcare and preschool only know each other: a silo.
    b.tie(kdv_manager, vve_manager, TieKind.COLLABORATES, scored=True)
    b.tie(kdv_staff[0], vve_teachers[0])
    # The praatclub: just one pair of its members knows each other.
    b.tie(jgz_nurse[2], wijk_staff[0], force=True)
    # The healthy working group: its members all know each other from the handover work.
    handover = meeting[MeetingId("m-wg-overdracht-2024")]
    for x, y in itertools.combinations(overdracht, 2):
        b.tie(x, y, TieKind.COLLABORATES, since=handover.date, met_at=handover.id)
    # The support team at De Lindenbron knows each other from its meetings.
    team = meeting[MeetingId("m-ot-lindenbron-2024")]
    for x, y in itertools.combinations(team.participants, 2):
        b.tie(x, y, TieKind.COLLABORATES, since=team.date, met_at=team.id)
    # The 2025 sociaal café joins the welfare organisation and De Lindegaard to the rest:
    # new cross-domain ties, each the only one of its kind (a bus factor of one).
    cafe = meeting[MeetingId("m-cafe-2025")]
    for x, y in (
        (welfare_staff[0], gem_policy[2]),  # welfare - municipality
        (welfare_staff[0], school_ib["kwartelwiek"]),  # welfare - education
        (welfare_staff[1], wijk_staff[2]),  # welfare - care
        (lg_workers[0], wijk_staff[1]),  # care - care
        (lg_workers[1], school_ib["kwartelwiek"]),  # care - education
        (lg_workers[2], attendance[1]),  # care - municipality
    ):
        b.tie(x, y, scored=True, since=cafe.date, met_at=cafe.id)
    # People who met at meetings (the late joiners only as listed above).
    for m, count in (
        ("m-lea-2023-10", 4),
        ("m-lea-2024-03", 5),
        ("m-cafe-2024", 14),
        ("m-conf-2023", 18),
        ("m-cafe-2025", 12),
        ("m-lea-2025-10", 4),
        ("m-conf-2026", 14),
    ):
        mt = meeting[MeetingId(m)]
        people = [p for p in mt.participants if m == "m-conf-2026" or p not in late]
        for _ in range(count):
            x, y = rng.sample(people, 2)
            if b.organisation_of(x) != b.organisation_of(y):
                b.tie(x, y, scored=rng.random() < 0.5, since=mt.date, met_at=mt.id)

    # -- standing groups --------------------------------------------------------------
    groups = [
        WorkingGroup(
            WorkingGroupId("wg-lea"), "LEA table Lindenhoeve", GroupKind.LEA_TABLE,
            theme="local education agenda", lead=alderman, members=tuple(lea_table),
            needed_sectors=(
                P.PRESCHOOL, P.PRIMARY_SCHOOL, P.SECONDARY_SCHOOL, P.SPECIAL_SCHOOL,
                P.FAMILY_CENTRE, P.MUNICIPALITY,
            ),
        ),
        # Misses the childcare and pre-school its theme needs.
        WorkingGroup(
            WorkingGroupId("wg-krimp"), "Decline in pupil numbers", theme="krimp",
            lead=board_members["b"],
            members=(board_members["b"], board_members["a"], board_members["c"], gem_policy[0],
                     school_director["kompaskever"], school_director["schatgraver"]),
            needed_sectors=(P.SCHOOL_BOARD, P.PRIMARY_SCHOOL, P.MUNICIPALITY, P.CHILDCARE,
                            P.PRESCHOOL),
        ),
        # Healthy: a lead, every needed sector, and everyone knows everyone.
        WorkingGroup(
            WorkingGroupId("wg-overdracht"), "Warm handover PO-VO", theme="warm handover",
            lead=vo[vo_college]["zoco"], members=overdracht,
            needed_sectors=(P.PRIMARY_SCHOOL, P.SECONDARY_SCHOOL, P.SWV_PO, P.SWV_VO),
        ),
        WorkingGroup(
            WorkingGroupId("wg-thuiszitters"), "Thuiszitters", theme="thuiszitters",
            lead=attendance[0],
            members=(attendance[0], attendance[1], swv_po_ortho[1], swv_vo_ortho,
                     cjg_consult[2], yc_psych, vo[vo_vakschool]["zoco"], special[vso]["ortho"]),
            needed_sectors=(P.SCHOOL_ATTENDANCE, P.SWV_PO, P.SWV_VO, P.FAMILY_CENTRE,
                            P.YOUTH_CARE, P.SECONDARY_SCHOOL, P.SPECIAL_SCHOOL),
        ),
        # Its lead is not one of its members.
        WorkingGroup(
            WorkingGroupId("wg-analyse"), "Analysis of support in and around school",
            theme="analysis", lead=gem_policy[1],
            members=(gem_policy[2], swv_po_director, swv_vo_director, cjg_manager),
            needed_sectors=(P.MUNICIPALITY, P.SWV_PO, P.SWV_VO, P.FAMILY_CENTRE),
        ),
        WorkingGroup(
            WorkingGroupId("wg-preventie"), "Prevention and early signals", theme="prevention",
            lead=jgz_doctor[0],
            members=(jgz_doctor[0], jgz_nurse[1], cjg_consult[0], school_ib["kwartelwiek"],
                     school_ib["hoevezaaier"], welfare_staff[0]),
            needed_sectors=(P.YOUTH_HEALTH, P.FAMILY_CENTRE, P.PRIMARY_SCHOOL, P.PRESCHOOL,
                            P.CHILDCARE),
        ),
        # A praatclub: lead and sectors in place, but the members hardly know each other.
        WorkingGroup(
            WorkingGroupId("wg-ouders"), "Parents as partners", theme="parent involvement",
            lead=praatclub[0], members=tuple(praatclub),
            needed_sectors=(P.PRIMARY_SCHOOL, P.SECONDARY_SCHOOL, P.YOUTH_HEALTH, P.CHILDCARE),
        ),
        # Nobody leads it.
        WorkingGroup(
            WorkingGroupId("wg-jeugdgrondwet"), "Youth constitution drafting group",
            theme=YOUTH_CONSTITUTION,
            members=(gem_policy[0], board_policy["a"], board_policy["b"], cjg_manager,
                     swv_po_director),
            needed_sectors=(P.MUNICIPALITY, P.SCHOOL_BOARD, P.FAMILY_CENTRE),
        ),
        WorkingGroup(
            WorkingGroupId("wg-ot-lindenbron"), "Ondersteuningsteam CBS De Lindenbron",
            GroupKind.SUPPORT_TEAM, lead=school_ib["lindenbron"], members=team.participants,
        ),
    ]  # fmt: skip

    # Members of most working groups know each other reasonably well from the work.
    for group in groups:
        if group.id in {
            "wg-krimp",
            "wg-thuiszitters",
            "wg-analyse",
            "wg-preventie",
            "wg-jeugdgrondwet",
        }:
            people = [p for p in group.members if p not in late]
            for x, y in (*itertools.pairwise(people), *zip(people, people[2:], strict=False)):
                b.tie(x, y, TieKind.COLLABORATES)

    # -- agreements -------------------------------------------------------------------
    po_boards = (boards["a"], boards["b"], boards["c"])
    all_boards = (*po_boards, boards["d"])
    constitution_parties = (gem, swv_po, swv_vo, *all_boards, cjg, jgz, yc_wegwijs, leerplicht)

    def constitution(key: str, title: str, criteria: str, missing: Sequence[str] = ()) -> Agreement:
        return Agreement(
            AgreementId(f"ag-jgw-{key}"), title, YOUTH_CONSTITUTION,
            AgreementLevel.ADMINISTRATIVE, parties=constitution_parties,
            success_criteria=(criteria,),
            valid_from=dt.date(2025, 7, 1), valid_until=dt.date(2029, 6, 30),
            endorsements=tuple(Endorsement(p, dt.date(2025, 6, 26))
                               for p in constitution_parties if p not in missing),
        )  # fmt: skip

    agreements = [
        # The good example: measurable, endorsed by all, in force, and its people know
        # each other.
        Agreement(
            AgreementId("ag-cjg-scholen"), "The CJG at every school", "support in school",
            AgreementLevel.POLICY, parties=(gem, cjg, *po_boards),
            commitments=(
                Commitment(cjg, "A named youth consultant for every primary school",
                           dt.date(2023, 12, 31), cjg_manager),
                Commitment(boards["a"], "Intern begeleiders invite the consultant to every "
                           "ondersteuningsteam", dt.date(2024, 3, 31), board_policy["a"]),
                Commitment(gem, "Fund consultant hours for three years", dt.date(2023, 9, 1),
                           gem_policy[1]),
            ),
            success_criteria=(
                "All 16 primary schools have a named youth consultant by 1 January 2025",
                "Intern begeleiders rate the consultant's reachability 3 or higher of 4",
            ),
            valid_from=dt.date(2023, 8, 1), valid_until=dt.date(2027, 7, 31),
            endorsements=tuple(Endorsement(p, dt.date(2023, 7, 4))
                               for p in (gem, cjg, *po_boards)),
        ),
        # Endorsed by only some of its parties.
        Agreement(
            AgreementId("ag-thuiszitterspact"), "Thuiszitterspact Lindeland", "thuiszitters",
            AgreementLevel.ADMINISTRATIVE,
            parties=(gem, swv_po, swv_vo, leerplicht, *all_boards),
            commitments=(
                Commitment(leerplicht, "Report every thuiszitter to the table within a week",
                           owner=attendance[0]),
                Commitment(swv_vo, "Offer a place within six weeks", dt.date(2024, 12, 31)),
            ),
            success_criteria=("No child out of school for longer than 3 months (90 days)",),
            valid_from=dt.date(2024, 1, 1), valid_until=dt.date(2027, 12, 31),
            endorsements=(
                Endorsement(gem, dt.date(2024, 1, 15)),
                Endorsement(swv_po, dt.date(2024, 1, 15)),
                Endorsement(leerplicht, dt.date(2024, 1, 22)),
                Endorsement(boards["a"], dt.date(2024, 2, 1)),
            ),
        ),
        # No success criteria at all.
        Agreement(
            AgreementId("ag-warme-overdracht"), "Warm handover from primary to secondary",
            "warm handover", AgreementLevel.OPERATIONAL,
            parties=(swv_po, swv_vo, vo_college, vo_vakschool),
            commitments=(
                Commitment(vo_college, "Hold a handover talk for every pupil with an "
                           "ontwikkelingsperspectief", dt.date(2024, 6, 30),
                           vo[vo_college]["zoco"]),
            ),
            valid_from=dt.date(2024, 2, 1),
            endorsements=tuple(Endorsement(p, dt.date(2024, 1, 18))
                               for p in (swv_po, swv_vo, vo_college, vo_vakschool)),
        ),
        # Expired.
        Agreement(
            AgreementId("ag-vve-lijn"), "Continuous line from preschool to group 1",
            "early childhood education", AgreementLevel.POLICY,
            parties=(gem, vve, kdv, *po_boards), status=AgreementStatus.EXPIRED,
            commitments=(
                Commitment(vve, "Hand over the child's development record to the school",
                           dt.date(2020, 9, 1), vve_manager),
            ),
            success_criteria=("100% of toddlers with a VVE indication have a handover record "
                              "by 1 September 2020",),
            valid_from=dt.date(2019, 1, 1), valid_until=dt.date(2022, 12, 31),
            endorsements=tuple(Endorsement(p, dt.date(2018, 12, 10))
                               for p in (gem, vve, kdv, *po_boards)),
        ),
        # Still marked active, but its period ended in 2025.
        Agreement(
            AgreementId("ag-zomerschool"), "Summer school for pupils at risk", "summer school",
            AgreementLevel.OPERATIONAL, parties=(gem, boards["b"], welzijn),
            success_criteria=("At least 40 pupils take part each summer",),
            valid_from=dt.date(2023, 6, 1), valid_until=dt.date(2025, 8, 31),
            endorsements=tuple(Endorsement(p, dt.date(2023, 5, 15))
                               for p in (gem, boards["b"], welzijn)),
        ),
        # A draft nobody has endorsed yet.
        Agreement(
            AgreementId("ag-krimp"), "Keep a school in every village", "krimp",
            AgreementLevel.ADMINISTRATIVE, parties=(gem, *po_boards),
            status=AgreementStatus.DRAFT,
            success_criteria=("Every village keeps at least one primary school until 2030",),
            valid_from=dt.date(2025, 1, 1), valid_until=dt.date(2030, 12, 31),
        ),
        # Active, but nobody has endorsed it.
        Agreement(
            AgreementId("ag-vervoer"), "School transport for pupils in special education",
            "school transport", AgreementLevel.POLICY, parties=(gem, swv_po, swv_vo),
            success_criteria=("No pupil travels longer than 45 minutes one way",),
            valid_from=dt.date(2025, 8, 1), valid_until=dt.date(2028, 7, 31),
        ),
        # Vague success criteria: no number, no date.
        Agreement(
            AgreementId("ag-samen"), "Working together around the family", "one plan per family",
            AgreementLevel.POLICY, parties=(gem, cjg, wijk, swv_po),
            success_criteria=("Better cooperation between school and care",
                              "Families feel heard"),
            valid_from=dt.date(2024, 9, 1), valid_until=dt.date(2027, 8, 31),
            endorsements=tuple(Endorsement(p, dt.date(2024, 8, 29))
                               for p in (gem, cjg, wijk, swv_po)),
        ),
        # On paper only: nobody at the special school knows anyone at the provider.
        Agreement(
            AgreementId("ag-behandeling"), "Treatment places for pupils of the VSO",
            "treatment and education", AgreementLevel.OPERATIONAL, parties=(vso, yc_far),
            commitments=(Commitment(yc_far, "Keep 4 treatment places for VSO pupils",
                                    dt.date(2025, 1, 1)),),
            success_criteria=("4 places available every school year from 2025",),
            valid_from=dt.date(2025, 1, 1), valid_until=dt.date(2027, 12, 31),
            endorsements=(Endorsement(vso, dt.date(2024, 12, 5)),
                          Endorsement(yc_far, dt.date(2024, 12, 12))),
        ),
        # The local youth constitution: every party should endorse all four.
        constitution("school", "Every child goes to school close to home",
                     "0 thuiszitters for longer than 3 months by 2028"),
        constitution("plan", "One plan per child and family",
                     "90% of children with extra support have one plan by 2027",
                     missing=(boards["d"],)),
        constitution("early", "Help comes early and stays light",
                     "Referrals to specialised youth care fall by 10% by 2028",
                     missing=(boards["d"],)),
        constitution("voice", "We talk with children, not about them",
                     "In 100% of support meetings from 2026 the child's view is recorded",
                     missing=(yc_wegwijs,)),
    ]  # fmt: skip

    # -- agendas ----------------------------------------------------------------------
    transformation = Agenda(
        AgendaId("agenda-transformatie"), "Transformatieagenda youth care and education",
        AgendaKind.TRANSFORMATION, owner=gem,
        start=dt.date(2024, 1, 1), end=dt.date(2026, 12, 31),
        ambition="Children in Lindenhoeve go to school close to home, with one plan per child "
        "and family and help that comes early and stays light.",
        topics=(
            # Finished: every step done.
            Topic(
                "analysis", "Analysis: where support overlaps",
                outcomes=("A shared picture of support from school and from youth care",
                          "A count of children travelling far for school because of care"),
                steps=(
                    Step("Collect support figures from both samenwerkingsverbanden",
                         gem_policy[1], dt.date(2024, 4, 30), StepStatus.DONE),
                    Step("Map youth-care use per school", gem_policy[2], dt.date(2024, 9, 30),
                         StepStatus.DONE),
                    Step("Discuss the analysis at the LEA table", alderman,
                         dt.date(2025, 10, 9), StepStatus.DONE),
                ),
                working_group=WorkingGroupId("wg-analyse"), leads=(gem_policy[1],),
            ),
            # One step past due, one still in time.
            Topic(
                "clarity", "Clarity: who does what",
                outcomes=("Written division of tasks between school, SWV and CJG",),
                steps=(
                    Step("Draft the division of tasks", swv_po_director, dt.date(2024, 6, 30),
                         StepStatus.DONE),
                    Step("Agree on one coordinator per thuiszitter", attendance[0],
                         dt.date(2025, 10, 31), StepStatus.IN_PROGRESS),
                    Step("Publish the division of tasks", swv_po_director,
                         dt.date(2026, 12, 15), StepStatus.PLANNED),
                ),
                working_group=WorkingGroupId("wg-thuiszitters"),
                leads=(swv_po_director, attendance[0]),
            ),
            # Past due, a step without owner and a dropped step.
            Topic(
                "prevention", "Prevention: early and light",
                outcomes=("Youth health care and CJG visible in every school",
                          "Fewer referrals to specialised youth care"),
                steps=(
                    Step("Open consultation hours in every primary school", jgz_doctor[0],
                         dt.date(2025, 12, 31), StepStatus.IN_PROGRESS),
                    Step("Train teachers in spotting early signals", due=dt.date(2026, 6, 30)),
                    Step("Introduce a screening app", cjg_manager, dt.date(2025, 3, 31),
                         StepStatus.DROPPED),
                ),
                working_group=WorkingGroupId("wg-preventie"), leads=(cjg_manager,),
            ),
            # Nobody leads it (no trekker).
            Topic(
                "expectations", "Expectations: what we may ask of each other",
                outcomes=("A shared statement of mutual expectations",),
                steps=(
                    Step("Hold a sociaal café on expectations", welfare_staff[0],
                         dt.date(2025, 5, 31), StepStatus.DONE),
                    Step("Write the statement", board_policy["b"], dt.date(2026, 9, 30),
                         StepStatus.PLANNED),
                ),
                working_group=WorkingGroupId("wg-lea"),
            ),
            # Outcomes, but no steps towards them.
            Topic(
                "parents", "Parents as partners",
                outcomes=("Parents take part in every ondersteuningsteam",
                          "A parents' panel advises the LEA table twice a year"),
                working_group=WorkingGroupId("wg-ouders"), leads=(praatclub[0],),
            ),
            Topic(
                "constitution", "A local youth constitution",
                outcomes=("Every party endorses the four principles of the youth constitution",),
                steps=(
                    Step("Draft four principles", gem_policy[0], dt.date(2025, 3, 31),
                         StepStatus.DONE),
                    Step("Collect the missing endorsements", gem_policy[0],
                         dt.date(2026, 12, 31), StepStatus.IN_PROGRESS),
                ),
                working_group=WorkingGroupId("wg-jeugdgrondwet"), leads=(alderman,),
            ),
        ),
    )  # fmt: skip
    lea_agenda = Agenda(
        AgendaId("agenda-lea"), "Lokale Educatieve Agenda Lindenhoeve 2023-2026", AgendaKind.LEA,
        owner=gem, start=dt.date(2023, 1, 1), end=dt.date(2026, 12, 31),
        topics=(
            Topic("krimp", "Decline in pupil numbers",
                  outcomes=("A plan for the village schools",),
                  working_group=WorkingGroupId("wg-krimp"), leads=(board_members["b"],)),
            Topic("handover", "Warm handover PO-VO",
                  outcomes=("Every pupil with extra support has a handover talk",),
                  steps=(Step("Agree on one handover form", vo[vo_college]["zoco"],
                              dt.date(2024, 3, 31), StepStatus.DONE),),
                  working_group=WorkingGroupId("wg-overdracht"),
                  leads=(vo[vo_college]["zoco"],)),
        ),
    )  # fmt: skip

    # -- cases ------------------------------------------------------------------------
    contact = {key_school: school_ib[key] for key, key_school in primary.items()}
    contact.update({OrganisationId(s): vo[s]["zoco"] for s in vo})
    contact.update({OrganisationId(s): special[s]["ortho"] for s in special})
    cases = _cases(
        random.Random(_SEED + 1),
        schools=[*primary.values(), vo_college, vo_vakschool],
        special_school={**dict.fromkeys(primary.values(), so), vo_college: vso,
                        vo_vakschool: vso},
        contact=contact,
        coordinators=[cjg_consult[1], cjg_consult[2], attendance[0], swv_vo_consult[1],
                      cjg_consult[3]],
        care=[yc_psych, *yc_workers, lg_workers[1], cjg_coach, far_staff[1], wijk_staff[3]],
        attendance=attendance,
        health=[*jgz_doctor, *jgz_nurse],
        consultants=[*swv_po_consult, *swv_vo_consult],
        well_known=(primary["lindenbron"], cjg_consult[1], swv_po_consult[0], jgz_nurse[0]),
    )  # fmt: skip

    return Region(
        name=EXAMPLE_NAME,
        organisations=tuple(b.organisations),
        professionals=tuple(b.professionals),
        ties=b.ties,
        agreements=tuple(agreements),
        agendas=(lea_agenda, transformation),
        working_groups=tuple(groups),
        meetings=tuple(meetings),
        cases=cases,
    )


# Support levels cycle through this pattern: half extra, a quarter basic, a quarter special.
_LEVELS = (
    SupportLevel.EXTRA, SupportLevel.BASIC, SupportLevel.SPECIAL, SupportLevel.EXTRA,
    SupportLevel.EXTRA, SupportLevel.SPECIAL, SupportLevel.BASIC, SupportLevel.EXTRA,
)  # fmt: skip
_CASES = 40
_NOT_ENROLLED = frozenset({10, 31})
"""Children enrolled at no school at all."""
_STRANDED = frozenset({10, 16, 25})
"""Open cases where education and care dispute who is responsible, and nothing moves."""
_NO_COORDINATOR = frozenset({4, 22, 37})
_NO_PLAN = frozenset({4, 10, 22, 25, 34, 37, 38})
_RECENT = dt.date(2026, 10, 20)
"""Open cases that are not stranded had a meeting on or after this day."""


def _cases(
    rng: random.Random,
    *,
    schools: Sequence[OrganisationId],
    special_school: dict[OrganisationId, OrganisationId],
    contact: dict[OrganisationId, ProfessionalId],
    coordinators: Sequence[ProfessionalId],
    care: Sequence[ProfessionalId],
    attendance: Sequence[ProfessionalId],
    health: Sequence[ProfessionalId],
    consultants: Sequence[ProfessionalId],
    well_known: tuple[OrganisationId, ProfessionalId, ProfessionalId, ProfessionalId],
) -> tuple[Case, ...]:
    """Forty pseudonymous cases with timelines (see the module docstring).

    ``schools`` ends with the two secondary schools; ``consultants`` holds two SWV PO
    consultants, then two SWV VO consultants;
    ``well_known`` is a school and a coordinator, consultant and nurse who all know each
    other (the first case's team).
    """
    out: list[Case] = []
    first_special = special_school[schools[0]]
    for i in range(_CASES):
        level = _LEVELS[i % len(_LEVELS)]
        opened = dt.date(2023, 2, 1) + dt.timedelta(days=i * 32 + rng.randint(0, 20))
        stranded = i in _STRANDED
        plan = i not in _NO_PLAN
        finished = (
            not stranded
            and plan
            and i not in _NO_COORDINATOR
            and i % 3 != 1
            and opened < dt.date(2025, 12, 1)
        )
        school = None if i in _NOT_ENROLLED else schools[rng.randrange(len(schools))]
        coordinator = None if i in _NO_COORDINATOR else coordinators[i % len(coordinators)]
        secondary = school in schools[-2:]  # the last two are secondary schools
        consultant = consultants[2 * secondary + i % 2]
        school_contact = None if school is None else contact[school]
        carer = care[i % len(care)]
        involved = [CaseInvolvement(coordinator, CaseRole.COORDINATOR)] if coordinator else []
        if school_contact is not None:
            involved.append(CaseInvolvement(school_contact, CaseRole.SCHOOL_CONTACT))
        involved.append(CaseInvolvement(attendance[i % 2], CaseRole.ATTENDANCE))
        if level is not SupportLevel.BASIC:
            involved.append(CaseInvolvement(consultant, CaseRole.SUPPORT_CONSULTANT))
        if level is SupportLevel.SPECIAL or stranded or i % 3 == 0:
            involved.append(CaseInvolvement(carer, CaseRole.CARE_PROVIDER))
        if i % 4 == 1:
            involved.append(CaseInvolvement(health[i % len(health)], CaseRole.HEALTH))
        if i == 0:
            # A team whose members all know each other (they meet in the school's
            # ondersteuningsteam).
            school, coordinator, consultant, nurse = well_known
            school_contact = contact[school]
            involved = [
                CaseInvolvement(coordinator, CaseRole.COORDINATOR),
                CaseInvolvement(school_contact, CaseRole.SCHOOL_CONTACT),
                CaseInvolvement(consultant, CaseRole.SUPPORT_CONSULTANT),
                CaseInvolvement(nurse, CaseRole.HEALTH),
            ]
        unique: list[CaseInvolvement] = []
        for item in involved:
            if all(u.professional != item.professional for u in unique):
                unique.append(item)

        events = [CaseEvent(opened, CaseEventKind.SIGNALLED, attendance[i % 2])]
        day = opened + dt.timedelta(days=rng.randint(7, 21))
        events.append(CaseEvent(day, CaseEventKind.MEETING, coordinator))
        closed: dt.date | None = None
        status = CaseStatus.OPEN
        if stranded:
            # Referred, then school and care each say the other is responsible; since
            # then nothing has happened.
            education_side = school_contact if school_contact is not None else consultant
            for kind, actor in (
                (CaseEventKind.REFERRAL, coordinator),
                (CaseEventKind.DISPUTE, education_side),
                (CaseEventKind.DISPUTE, carer),
                (CaseEventKind.MEETING, coordinator),
            ):
                day += dt.timedelta(days=rng.randint(30, 60))
                events.append(CaseEvent(day, kind, actor))
        else:
            if i in (3, 20):
                # A dispute that was settled: a plan followed.
                day += dt.timedelta(days=rng.randint(14, 28))
                events.append(CaseEvent(day, CaseEventKind.DISPUTE, carer))
            if plan:
                day += dt.timedelta(days=rng.randint(7, 28))
                events.append(CaseEvent(day, CaseEventKind.PLAN_AGREED, coordinator))
            placed_at = special_school.get(school, first_special) if school else first_special
            if level is SupportLevel.SPECIAL:
                day += dt.timedelta(days=rng.randint(14, 42))
                events.append(
                    CaseEvent(day, CaseEventKind.PLACEMENT, consultant, organisation=placed_at)
                )
            if finished:
                returns = level is not SupportLevel.SPECIAL or (i // 8) % 2 == 0
                if returns and school is not None:
                    # Back at a regular school; for special support, from the special school.
                    day += dt.timedelta(days=rng.randint(60, 200))
                    events.append(
                        CaseEvent(
                            day, CaseEventKind.RETURN_TO_SCHOOL, school_contact,
                            organisation=school,
                        )
                    )  # fmt: skip
                closed = day + dt.timedelta(days=rng.randint(7, 30))
                events.append(CaseEvent(closed, CaseEventKind.CLOSED, coordinator))
                status = CaseStatus.CLOSED if level is SupportLevel.BASIC else CaseStatus.RESOLVED
            else:
                day = max(day + dt.timedelta(days=7), _RECENT + dt.timedelta(rng.randint(0, 28)))
                events.append(CaseEvent(day, CaseEventKind.MEETING, coordinator))
        municipality = _NEIGHBOUR if i % 10 == 7 else EXAMPLE_NAME
        out.append(
            Case(
                pseudonymise(f"LH-{opened.year}-{i + 1:03d}", key=EXAMPLE_KEY),
                municipality,
                level,
                status,
                school=school,
                opened=opened,
                closed=closed,
                coordinator=coordinator,
                has_plan=plan,
                involved=tuple(unique),
                events=tuple(sorted(events, key=lambda e: e.date)),
            )
        )
    return tuple(out)
