"""The bundled example region: Lindenhoeve, a fictional small municipality.

Everything in it is invented: the municipality, its organisations, its
people and its cases. It is built in code from a seeded random generator, so every call
returns an equal region. It is small enough to read and rich enough to show every part
of the model: a main island of collaboration, a childcare silo that only knows itself, a
youth-care provider nobody knows, a few people without any tie, an LEA table, working
groups, agreements, a transformation agenda and a dozen cases.

Example
-------
>>> region = example_region()
>>> region.name, len(region.cases)
('Lindenhoeve', 12)
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
    Topic,
    WorkingGroup,
    WorkingGroupId,
)

__all__ = ["EXAMPLE_NAME", "example_region"]

EXAMPLE_NAME = "Lindenhoeve"
"""The name of the example municipality (and region)."""

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
    ) -> None:
        pair = frozenset((a, b))
        if a == b or pair in self.pairs:
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
    transformation agenda and twelve pseudonymous cases. Deterministic: every call
    returns an equal region.

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
    primary: dict[str, OrganisationId] = {}
    for n, (key, name, board) in enumerate(_PRIMARY_SCHOOLS, start=1):
        primary[key] = b.org(
            f"po-{key}",
            name,
            P.PRIMARY_SCHOOL,
            parent=boards[board],
            identifiers={"brin": f"ZZ{n:02d}"},
        )
    vo_college = b.org(
        "vo-hoevecollege",
        "Het Hoevecollege",
        P.SECONDARY_SCHOOL,
        parent=boards["d"],
        identifiers={"brin": "ZZ21"},
    )
    vo_vakschool = b.org(
        "vo-vakschool",
        "Lindenhoeve Vakschool",
        P.SECONDARY_SCHOOL,
        parent=boards["d"],
        identifiers={"brin": "ZZ22"},
    )
    so = b.org(
        "so-kompas", "SO De Kompasnaald", P.SPECIAL_SCHOOL, parent=boards["c"],
        identifiers={"brin": "ZZ31"},
    )  # fmt: skip
    vso = b.org(
        "vso-lindelicht", "VSO Het Lindelicht", P.SPECIAL_SCHOOL, parent=boards["c"],
        identifiers={"brin": "ZZ32"},
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
    for key, school in primary.items():
        school_director[key] = b.person(school, Role.DIRECTOR)
        school_ib[key] = b.person(school, Role.INTERN_BEGELEIDER)
        b.people(school, Role.TEACHER, rng.randint(3, 5))
    vo: dict[str, dict[str, ProfessionalId]] = {}
    for school in (vo_college, vo_vakschool):
        vo[school] = {
            "director": b.person(school, Role.DIRECTOR),
            "zoco": b.person(school, Role.ZORGCOORDINATOR),
            "social": b.person(school, Role.SCHOOL_SOCIAL_WORKER),
        }
        b.people(school, Role.TEACHER, 3)
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
    b.person(yc_far, Role.MANAGER)
    b.people(yc_far, Role.PSYCHOLOGIST, 2)
    wijk_staff = [*b.people(wijk, Role.FAMILY_COACH, 2), *b.people(wijk, Role.YOUTH_WORKER, 2)]
    kdv_manager = b.person(kdv, Role.MANAGER)
    b.people(kdv, Role.CHILDCARE_WORKER, 4)
    vve_manager = b.person(vve, Role.MANAGER)
    vve_teachers = b.people(vve, Role.PRESCHOOL_TEACHER, 3)
    welfare_staff = b.people(welzijn, Role.YOUTH_WORKER, 3)

    # People without any tie: a new teacher, a welfare worker, a board's policy adviser.
    new_teacher = b.person(primary["zaaiklok"], Role.TEACHER)
    isolates = {new_teacher, welfare_staff[2], board_policy["d"]}

    # -- meetings -----------------------------------------------------------------------
    lea_table = [
        alderman,
        gem_policy[0],
        vve_manager,  # preschool seat: taken, but not yet attended
        board_members["a"],  # primary education
        board_members["d"],  # secondary education
        special[so]["director"],  # special education
        cjg_manager,  # CJG and youth care
    ]
    lea_attending = [p for p in lea_table if p != vve_manager]
    main_pool = [
        p.id
        for p in b.professionals
        if p.id not in isolates
        and p.organisation not in {kdv, vve, yc_far, primary[_ISLAND_SCHOOL]}
    ]
    meetings = [
        Meeting(
            MeetingId("m-lea-2023-10"), "LEA table, autumn session", MeetingKind.LEA_TABLE,
            date=dt.date(2023, 10, 12), organiser=gem, participants=tuple(lea_attending),
        ),
        Meeting(
            MeetingId("m-lea-2024-03"), "LEA table, spring session", MeetingKind.LEA_TABLE,
            date=dt.date(2024, 3, 14), organiser=gem,
            participants=(*lea_attending, swv_po_director, swv_vo_director),
        ),
        Meeting(
            MeetingId("m-cafe-2024"), "Sociaal café: who is who in Lindenhoeve",
            MeetingKind.SOCIAAL_CAFE, date=dt.date(2024, 5, 23), organiser=welzijn,
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
            participants=(
                vo[vo_college]["zoco"], vo[vo_vakschool]["zoco"], swv_vo_consult[0],
                school_ib["vlinderboom"], school_ib["morgenlinde"], school_ib["sterrenwachter"],
            ),
        ),
    ]  # fmt: skip

    # -- ties -------------------------------------------------------------------------
    # Dense inside organisations.
    for org in b.staff:
        density = 0.25 if len(b.staff[org]) > 6 else 0.55
        b.colleagues(org, density, skip=isolates)
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
    # Intern begeleiders and the support around schools.
    for i, key in enumerate(primary):
        if key == _ISLAND_SCHOOL:
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
    # Care, welfare and the municipality.
    b.tie(attendance[1], swv_vo_ortho)
    b.tie(attendance[0], gem_policy[1], TieKind.COLLABORATES)
    b.tie(gem_policy[1], cjg_manager, TieKind.COLLABORATES, scored=True)
    b.tie(gem_policy[2], jgz_doctor[0])
    b.tie(gem_policy[2], welfare_staff[0])
    b.tie(gem_manager, wijk_staff[0])
    b.tie(gem_policy[0], swv_po_director, TieKind.COLLABORATES, scored=True)
    b.tie(gem_policy[0], swv_vo_director)
    b.tie(cjg_manager, jgz_doctor[1], TieKind.COLLABORATES)
    b.tie(cjg_coach, yc_workers[1], TieKind.REFERS, scored=True)
    b.tie(cjg_consult[3], yc_manager, TieKind.REFERS)
    b.tie(wijk_staff[1], lg_workers[0], TieKind.REFERS)
    b.tie(wijk_staff[2], welfare_staff[1])
    # Survey answers that only one side gave.
    b.tie(school_ib["wiekslag"], yc_workers[2], TieKind.REFERS, directed=True)
    b.tie(school_ib["zaaiklok"], jgz_doctor[1], directed=True)
    # Childcare and preschool only know each other: a silo.
    b.tie(kdv_manager, vve_manager, TieKind.COLLABORATES, scored=True)
    b.tie(b.staff[kdv][1], vve_teachers[0])
    # People who met at meetings.
    for meeting, count in (
        (meetings[0], 5),
        (meetings[1], 5),
        (meetings[2], 14),
        (meetings[3], 18),
        (meetings[4], 3),
        (meetings[5], 4),
    ):
        people = list(meeting.participants)
        for _ in range(count):
            x, y = rng.sample(people, 2)
            if b.organisation_of(x) != b.organisation_of(y):
                b.tie(x, y, scored=rng.random() < 0.5, since=meeting.date, met_at=meeting.id)

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
        WorkingGroup(
            WorkingGroupId("wg-krimp"), "Decline in pupil numbers", theme="krimp",
            lead=board_members["b"],
            members=(board_members["b"], board_members["a"], board_members["c"], gem_policy[0],
                     school_director["kompaskever"], school_director["schatgraver"]),
            needed_sectors=(P.SCHOOL_BOARD, P.PRIMARY_SCHOOL, P.MUNICIPALITY, P.CHILDCARE,
                            P.PRESCHOOL),
        ),
        WorkingGroup(
            WorkingGroupId("wg-overdracht"), "Warm handover PO-VO", theme="warm handover",
            lead=vo[vo_college]["zoco"], members=meetings[5].participants,
            needed_sectors=(P.PRIMARY_SCHOOL, P.SECONDARY_SCHOOL, P.SWV_PO, P.SWV_VO),
        ),
        WorkingGroup(
            WorkingGroupId("wg-thuiszitters"), "Thuiszitters", theme="thuiszitters",
            lead=attendance[0],
            members=(attendance[0], attendance[1], swv_po_ortho[1], swv_vo_ortho,
                     cjg_consult[2], yc_psych, vo[vo_vakschool]["zoco"]),
            needed_sectors=(P.SCHOOL_ATTENDANCE, P.SWV_PO, P.SWV_VO, P.FAMILY_CENTRE,
                            P.YOUTH_CARE, P.SECONDARY_SCHOOL, P.SPECIAL_SCHOOL),
        ),
        WorkingGroup(
            WorkingGroupId("wg-analyse"), "Analysis of support in and around school",
            theme="analysis", lead=gem_policy[1],
            members=(gem_policy[1], swv_po_director, swv_vo_director, cjg_manager),
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
        WorkingGroup(
            WorkingGroupId("wg-ot-lindenbron"), "Ondersteuningsteam CBS De Lindenbron",
            GroupKind.SUPPORT_TEAM, lead=school_ib["lindenbron"],
            members=meetings[4].participants,
        ),
    ]  # fmt: skip

    # -- agreements -------------------------------------------------------------------
    po_boards = (boards["a"], boards["b"], boards["c"])
    agreements = [
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
                "Every primary school has a named youth consultant",
                "Intern begeleiders rate the consultant's reachability 3 or higher of 4",
            ),
            valid_from=dt.date(2023, 8, 1), valid_until=dt.date(2026, 7, 31),
            endorsements=tuple(Endorsement(p, dt.date(2023, 7, 4))
                               for p in (gem, cjg, *po_boards)),
        ),
        Agreement(
            AgreementId("ag-thuiszitterspact"), "Thuiszitterspact Lindeland", "thuiszitters",
            AgreementLevel.ADMINISTRATIVE,
            parties=(gem, swv_po, swv_vo, leerplicht, *po_boards, boards["d"]),
            commitments=(
                Commitment(leerplicht, "Report every thuiszitter to the table within a week",
                           owner=attendance[0]),
                Commitment(swv_vo, "Offer a place within six weeks", dt.date(2024, 12, 31)),
            ),
            success_criteria=("No child out of school for longer than three months",),
            valid_from=dt.date(2024, 1, 1), valid_until=dt.date(2027, 12, 31),
            endorsements=(
                Endorsement(gem, dt.date(2024, 1, 15)),
                Endorsement(swv_po, dt.date(2024, 1, 15)),
                Endorsement(leerplicht, dt.date(2024, 1, 22)),
                Endorsement(boards["a"], dt.date(2024, 2, 1)),
            ),
        ),
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
            endorsements=(Endorsement(swv_po), Endorsement(swv_vo)),
        ),
        Agreement(
            AgreementId("ag-vve-lijn"), "Continuous line from preschool to group 1",
            "early childhood education", AgreementLevel.POLICY,
            parties=(gem, vve, kdv, *po_boards), status=AgreementStatus.EXPIRED,
            commitments=(
                Commitment(vve, "Hand over the child's development record to the school",
                           dt.date(2020, 9, 1), vve_manager),
            ),
            success_criteria=("Every toddler with a VVE indication has a handover record",),
            valid_from=dt.date(2019, 1, 1), valid_until=dt.date(2022, 12, 31),
            endorsements=tuple(Endorsement(p, dt.date(2018, 12, 10))
                               for p in (gem, vve, kdv, *po_boards)),
        ),
        Agreement(
            AgreementId("ag-krimp"), "Keep a school in every village", "krimp",
            AgreementLevel.ADMINISTRATIVE, parties=(gem, *po_boards),
            status=AgreementStatus.DRAFT,
            success_criteria=("Every village keeps at least one primary school until 2030",),
            valid_from=dt.date(2025, 1, 1), valid_until=dt.date(2030, 12, 31),
        ),
    ]  # fmt: skip

    # -- agendas ----------------------------------------------------------------------
    transformation = Agenda(
        AgendaId("agenda-transformatie"), "Transformatieagenda youth care and education",
        AgendaKind.TRANSFORMATION, owner=gem,
        start=dt.date(2024, 1, 1), end=dt.date(2026, 12, 31),
        ambition="Children in Lindenhoeve go to school close to home, with one plan per child "
        "and family and help that comes early and stays light.",
        topics=(
            Topic(
                "analysis", "Analysis: where support overlaps",
                outcomes=("A shared picture of support from school and from youth care",
                          "A count of children travelling far for school because of care"),
                steps=(
                    Step("Collect support figures from both samenwerkingsverbanden",
                         gem_policy[1], dt.date(2024, 4, 30), StepStatus.DONE),
                    Step("Map youth-care use per school", gem_policy[2], dt.date(2024, 9, 30),
                         StepStatus.IN_PROGRESS),
                    Step("Discuss the analysis at the LEA table", alderman,
                         dt.date(2025, 3, 31), StepStatus.PLANNED),
                ),
                working_group=WorkingGroupId("wg-analyse"), leads=(gem_policy[1],),
            ),
            Topic(
                "clarity", "Clarity: who does what",
                outcomes=("Written division of tasks between school, SWV and CJG",),
                steps=(
                    Step("Draft the division of tasks", swv_po_director, dt.date(2024, 6, 30),
                         StepStatus.DONE),
                    Step("Agree on one coordinator per thuiszitter", attendance[0],
                         dt.date(2024, 10, 31), StepStatus.IN_PROGRESS),
                ),
                working_group=WorkingGroupId("wg-thuiszitters"),
                leads=(swv_po_director, attendance[0]),
            ),
            Topic(
                "prevention", "Prevention: early and light",
                outcomes=("Youth health care and CJG visible in every school",
                          "Fewer referrals to specialised youth care"),
                steps=(
                    Step("Open consultation hours in every primary school", jgz_doctor[0],
                         dt.date(2024, 12, 31), StepStatus.IN_PROGRESS),
                    Step("Train teachers in spotting early signals", due=dt.date(2025, 6, 30)),
                ),
                working_group=WorkingGroupId("wg-preventie"), leads=(cjg_manager,),
            ),
            Topic(
                "expectations", "Expectations: what we may ask of each other",
                outcomes=("A shared statement of mutual expectations",),
                steps=(
                    Step("Hold a sociaal café on expectations", welfare_staff[0],
                         dt.date(2024, 5, 31), StepStatus.DONE),
                    Step("Write the statement", board_policy["b"], dt.date(2024, 11, 30),
                         StepStatus.PLANNED),
                ),
                working_group=WorkingGroupId("wg-lea"), leads=(board_members["b"],),
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
    cases = _cases(
        rng,
        schools=[*primary.values(), vo_college, vo_vakschool, so, vso],
        coordinators=[cjg_consult[1], cjg_consult[2], attendance[0], swv_vo_consult[1]],
        school_contacts=[*school_ib.values(), vo[vo_college]["zoco"], vo[vo_vakschool]["zoco"]],
        care=[yc_psych, *yc_workers, lg_workers[1], cjg_coach],
        attendance=attendance,
        health=[*jgz_doctor, *jgz_nurse],
        consultants=[*swv_po_consult, *swv_vo_consult],
    )

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


def _cases(
    rng: random.Random,
    *,
    schools: Sequence[OrganisationId],
    coordinators: Sequence[ProfessionalId],
    school_contacts: Sequence[ProfessionalId],
    care: Sequence[ProfessionalId],
    attendance: Sequence[ProfessionalId],
    health: Sequence[ProfessionalId],
    consultants: Sequence[ProfessionalId],
) -> tuple[Case, ...]:
    """Twelve pseudonymous cases with timelines; one without coordinator, one stranded."""
    # (support level, status, opened, closed, has a coordinator, has a school, has a plan)
    plans = [
        (SupportLevel.EXTRA, CaseStatus.OPEN, dt.date(2024, 9, 2), None, True, True, True),
        (SupportLevel.SPECIAL, CaseStatus.OPEN, dt.date(2024, 4, 15), None, True, True, True),
        (SupportLevel.EXTRA, CaseStatus.RESOLVED, dt.date(2023, 11, 6), dt.date(2024, 3, 1),
         True, True, True),
        (SupportLevel.BASIC, CaseStatus.CLOSED, dt.date(2023, 9, 18), dt.date(2023, 12, 15),
         True, True, True),
        (SupportLevel.SPECIAL, CaseStatus.OPEN, dt.date(2024, 1, 8), None, False, True, False),
        (SupportLevel.EXTRA, CaseStatus.OPEN, dt.date(2024, 10, 7), None, True, True, False),
        (SupportLevel.SPECIAL, CaseStatus.RESOLVED, dt.date(2023, 5, 22), dt.date(2024, 1, 10),
         True, True, True),
        (SupportLevel.EXTRA, CaseStatus.OPEN, dt.date(2024, 6, 3), None, True, False, True),
        (SupportLevel.BASIC, CaseStatus.CLOSED, dt.date(2024, 2, 12), dt.date(2024, 5, 31),
         True, True, True),
        (SupportLevel.EXTRA, CaseStatus.OPEN, dt.date(2024, 11, 4), None, True, True, False),
        (SupportLevel.SPECIAL, CaseStatus.OPEN, dt.date(2022, 10, 3), None, True, True, False),
        (SupportLevel.EXTRA, CaseStatus.RESOLVED, dt.date(2024, 3, 11), dt.date(2024, 9, 20),
         True, True, True),
    ]  # fmt: skip
    stranded = 10
    out: list[Case] = []
    used: set[str] = set()
    for i, (level, status, opened, closed, coordinated, enrolled, plan) in enumerate(plans):
        while True:
            case_id = f"c-{rng.getrandbits(24):06x}"
            if case_id not in used:
                used.add(case_id)
                break
        coordinator = coordinators[i % len(coordinators)] if coordinated else None
        school = schools[rng.randrange(len(schools))] if enrolled else None
        involved = [CaseInvolvement(coordinator, CaseRole.COORDINATOR)] if coordinator else []
        contact = school_contacts[rng.randrange(len(school_contacts))]
        involved.append(CaseInvolvement(contact, CaseRole.SCHOOL_CONTACT))
        involved.append(CaseInvolvement(attendance[i % 2], CaseRole.ATTENDANCE))
        if level is not SupportLevel.BASIC:
            involved.append(CaseInvolvement(consultants[i % len(consultants)],
                                            CaseRole.SUPPORT_CONSULTANT))  # fmt: skip
        if level is SupportLevel.SPECIAL or i % 3 == 0:
            involved.append(CaseInvolvement(care[i % len(care)], CaseRole.CARE_PROVIDER))
        if i % 4 == 1:
            involved.append(CaseInvolvement(health[i % len(health)], CaseRole.HEALTH))
        unique: list[CaseInvolvement] = []
        for item in involved:
            if all(u.professional != item.professional for u in unique):
                unique.append(item)
        events = [CaseEvent(opened, CaseEventKind.SIGNALLED, attendance[i % 2])]
        day = opened
        if i == stranded:
            # Stranded: meetings and a dispute, then nothing for a long time.
            for kind in (CaseEventKind.MEETING, CaseEventKind.REFERRAL, CaseEventKind.DISPUTE,
                         CaseEventKind.MEETING, CaseEventKind.DISPUTE):  # fmt: skip
                day += dt.timedelta(days=rng.randint(30, 75))
                events.append(CaseEvent(day, kind, coordinator))
        else:
            day += dt.timedelta(days=rng.randint(7, 21))
            events.append(CaseEvent(day, CaseEventKind.MEETING, coordinator))
            if plan:
                day += dt.timedelta(days=rng.randint(7, 28))
                events.append(CaseEvent(day, CaseEventKind.PLAN_AGREED, coordinator))
            if level is SupportLevel.SPECIAL:
                day += dt.timedelta(days=rng.randint(14, 42))
                events.append(CaseEvent(day, CaseEventKind.PLACEMENT))
            if closed is not None:
                events.append(CaseEvent(closed, CaseEventKind.RETURN_TO_SCHOOL, contact))
                events.append(CaseEvent(closed, CaseEventKind.CLOSED, coordinator))
        out.append(
            Case(
                CaseId(case_id),
                EXAMPLE_NAME,
                level,
                status,
                school=school,
                opened=opened,
                closed=closed,
                coordinator=coordinator,
                has_plan=plan,
                involved=tuple(unique),
                events=tuple(events),
            )
        )
    return tuple(out)
