"""Checks that a region hangs together: references resolve, ids are unique, dates make sense.

Every problem is collected (up to a cap) rather than stopping at the first one. Where a
problem is reported is decided by a *locator*, so that a region read from CSV files
names the file and row, and one read from JSON names the JSON path.

Example
-------
>>> from samenwerking.model import Region, Tie, ProfessionalId
>>> region = Region("Dorp", ties=[Tie(ProfessionalId("a"), ProfessionalId("b"))])
>>> for problem in region_problems(region):
...     print(problem)
$.ties[0], field 'source', value 'a': unknown professional
$.ties[0], field 'target', value 'b': unknown professional
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from samenwerking.errors import InvalidRegionError, Problem

if TYPE_CHECKING:
    from samenwerking.model.partners import Organisation
    from samenwerking.model.region import Region
    from samenwerking.model.ties import TieStore

__all__ = ["Locator", "check_region", "json_path", "region_problems"]

Path = tuple[str | int, ...]
Locator = Callable[[Path], tuple[str, str]]
"""Turns a path such as ``("agreements", 3, "commitments", 1)`` into (source, location)."""

DEFAULT_MAX_PROBLEMS = 1000


def json_path(path: Path) -> str:
    """Format a path the way JSON tools do: ``$.agreements[3].commitments[1]``."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _default_locator(path: Path) -> tuple[str, str]:
    return "", json_path(path)


class _Collector:
    def __init__(self, locate: Locator, limit: int) -> None:
        self.locate = locate
        self.limit = limit
        self.problems: list[Problem] = []
        self.dropped = 0

    def add(self, path: Path, field: str, value: object, message: str) -> None:
        if len(self.problems) >= self.limit:
            self.dropped += 1
            return
        source, location = self.locate(path)
        self.problems.append(Problem(message, source, location, field, value))

    def finish(self) -> list[Problem]:
        if self.dropped:
            self.problems.append(
                Problem(f"... and {self.dropped} more problems not listed (limit {self.limit})")
            )
        return self.problems


def region_problems(
    region: Region, *, locate: Locator | None = None, limit: int = DEFAULT_MAX_PROBLEMS
) -> list[Problem]:
    """Every problem found in ``region``, in a stable order (at most ``limit`` listed)."""
    out = _Collector(locate or _default_locator, limit)
    organisations: dict[str, Organisation] = {o.id: o for o in region.organisations}
    professionals = set(map(_ID, region.professionals))
    meetings = {m.id for m in region.meetings}
    groups = {g.id for g in region.working_groups}

    for name in (
        "organisations",
        "professionals",
        "agreements",
        "agendas",
        "working_groups",
        "meetings",
        "cases",
    ):
        _duplicates(out, name, list(map(_ID, getattr(region, name))))

    def ref(path: Path, field: str, value: str | None, known: Container[str], kind: str) -> None:
        if value is not None and value not in known:
            out.add(path, field, value, f"unknown {kind}")

    def refs(
        path: Path, field: str, values: Iterable[str], known: Container[str], kind: str
    ) -> None:
        seen: set[str] = set()
        for value in values:
            ref(path, field, value, known, kind)
            if value in seen:
                out.add(path, field, value, f"{kind} listed twice")
            seen.add(value)

    orgs = organisations
    for i, org in enumerate(region.organisations):
        path: Path = ("organisations", i)
        ref(path, "parent", org.parent, orgs, "organisation")
        if org.parent == org.id:
            out.add(path, "parent", org.parent, "an organisation cannot be its own parent")
        refs(path, "memberships", org.memberships, orgs, "organisation")
    _parent_cycles(out, region)

    if not _all_known_once(map(_ORGANISATIONS, region.professionals), orgs.keys()):
        for i, person in enumerate(region.professionals):
            refs(("professionals", i), "organisations", person.organisations, orgs, "organisation")

    _check_ties(out, region, professionals, meetings)

    for i, agreement in enumerate(region.agreements):
        path = ("agreements", i)
        refs(path, "parties", agreement.parties, orgs, "organisation")
        if not agreement.parties:
            out.add(path, "parties", "", "an agreement needs at least one party")
        _period(
            out, path, ("valid_from", "valid_until"), agreement.valid_from, agreement.valid_until
        )
        for j, commitment in enumerate(agreement.commitments):
            cpath = (*path, "commitments", j)
            ref(cpath, "party", commitment.party, orgs, "organisation")
            if commitment.party in orgs and commitment.party not in agreement.parties:
                out.add(cpath, "party", commitment.party, "commitment by a non-party")
            ref(cpath, "owner", commitment.owner, professionals, "professional")
        for j, endorsement in enumerate(agreement.endorsements):
            epath = (*path, "endorsements", j)
            ref(epath, "party", endorsement.party, orgs, "organisation")
            if endorsement.party in orgs and endorsement.party not in agreement.parties:
                out.add(epath, "party", endorsement.party, "endorsement by a non-party")
        _duplicates(
            out,
            f"agreements[{i}].endorsements",
            [e.party for e in agreement.endorsements],
            path=(*path, "endorsements"),
            field="party",
        )

    for i, agenda in enumerate(region.agendas):
        path = ("agendas", i)
        ref(path, "owner", agenda.owner, orgs, "organisation")
        _period(out, path, ("start", "end"), agenda.start, agenda.end)
        _duplicates(
            out, f"agendas[{i}].topics", [t.id for t in agenda.topics], path=(*path, "topics")
        )
        for j, topic in enumerate(agenda.topics):
            tpath = (*path, "topics", j)
            ref(tpath, "working_group", topic.working_group, groups, "working group")
            refs(tpath, "leads", topic.leads, professionals, "professional")
            for k, step in enumerate(topic.steps):
                ref((*tpath, "steps", k), "owner", step.owner, professionals, "professional")

    for i, group in enumerate(region.working_groups):
        path = ("working_groups", i)
        ref(path, "lead", group.lead, professionals, "professional")
        refs(path, "members", group.members, professionals, "professional")

    for i, meeting in enumerate(region.meetings):
        path = ("meetings", i)
        ref(path, "organiser", meeting.organiser, orgs, "organisation")
        refs(path, "participants", meeting.participants, professionals, "professional")

    for i, case in enumerate(region.cases):
        path = ("cases", i)
        ref(path, "school", case.school, orgs, "organisation")
        if case.school in organisations and not organisations[case.school].sector.is_school:
            out.add(
                path,
                "school",
                case.school,
                f"not a school (sector {organisations[case.school].sector.value})",
            )
        ref(path, "coordinator", case.coordinator, professionals, "professional")
        _period(out, path, ("opened", "closed"), case.opened, case.closed)
        if case.is_open and case.closed is not None:
            out.add(path, "closed", case.closed.isoformat(), "an open case has a closing date")
        refs(
            path,
            "involved",
            [inv.professional for inv in case.involved],
            professionals,
            "professional",
        )
        for j, event in enumerate(case.events):
            ref((*path, "events", j), "actor", event.actor, professionals, "professional")
            ref((*path, "events", j), "organisation", event.organisation, orgs, "organisation")
    return out.finish()


_ID = operator.attrgetter("id")
_ORGANISATIONS = operator.attrgetter("organisations")


def _all_known_once(lists: Iterable[tuple[str, ...]], known: AbstractSet[str]) -> bool:
    """Whether every list holds only known values, none twice (a quick check for many)."""
    lists = list(lists)
    if not set(itertools.chain.from_iterable(lists)) <= known:
        return False
    return all(len(set(items)) == len(items) for items in lists if len(items) > 1)


def check_region(region: Region, *, locate: Locator | None = None, source: str = "") -> None:
    """Raise :class:`InvalidRegionError` listing every problem, or return quietly."""
    problems = region_problems(region, locate=locate)
    if problems:
        raise InvalidRegionError(problems, source=source)


def _duplicates(
    out: _Collector, name: str, ids: Sequence[str], *, path: Path | None = None, field: str = "id"
) -> None:
    if len(set(ids)) == len(ids):
        return
    counts = Counter(ids)
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if counts[ident] > 1 and ident in seen:
            where = (*path, i) if path is not None else (name, i)
            out.add(where, field, ident, f"duplicate id (appears {counts[ident]} times)")
        seen.add(ident)


def _period(
    out: _Collector, path: Path, fields: tuple[str, str], start: dt.date | None, end: dt.date | None
) -> None:
    if start is not None and end is not None and end < start:
        out.add(path, fields[1], end.isoformat(), f"ends before it starts ({start.isoformat()})")


def _parent_cycles(out: _Collector, region: Region) -> None:
    parent: dict[str, str] = {o.id: o.parent for o in region.organisations if o.parent}
    position: dict[str, int] = {o.id: i for i, o in enumerate(region.organisations)}
    reported: set[str] = set()
    for start in parent:
        seen: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in seen:
            seen.append(node)
            node = parent[node]
        if node is not None and node in seen and node not in reported and node != parent[node]:
            cycle = seen[seen.index(node) :]
            reported.update(cycle)
            out.add(
                ("organisations", position[node]),
                "parent",
                parent[node],
                "parents form a cycle: " + " -> ".join([*cycle, node]),
            )


def _tie_keys(store: TieStore) -> npt.NDArray[np.int64]:
    """One number per tie, equal for two ties of the same pair, kind and direction.

    An undirected pair is the same either way round. Computed in place, so that millions
    of ties need little memory beyond the result.
    """
    directed = store.column("directed")
    low = np.minimum(store.source, store.target)
    np.copyto(low, store.source, where=directed)
    key = low.astype(np.int64)
    del low
    high = np.maximum(store.source, store.target)
    np.copyto(high, store.target, where=directed)
    key *= max(len(store.ids), 1)
    key += high
    del high
    key *= 8
    key += store.kind.astype(np.int64) * 2
    key += directed
    return key


def _check_ties(
    out: _Collector, region: Region, professionals: Container[str], meetings: Container[str]
) -> None:
    store = region.ties
    if not len(store):
        return
    unknown = np.fromiter((i not in professionals for i in store.ids), bool, len(store.ids))
    bad_source = unknown[store.source]
    bad_target = unknown[store.target]
    for row in np.flatnonzero(bad_source | bad_target).tolist():
        if bad_source[row]:
            out.add(("ties", row), "source", store.ids[store.source[row]], "unknown professional")
        if bad_target[row]:
            out.add(("ties", row), "target", store.ids[store.target[row]], "unknown professional")
    for row in np.flatnonzero(store.source == store.target).tolist():
        out.add(
            ("ties", row),
            "target",
            store.ids[store.target[row]],
            "a tie from a professional to themselves",
        )
    if store.meetings:
        unknown_meeting = np.array([m not in meetings for m in store.meetings] + [False])
        for row in np.flatnonzero(unknown_meeting[store.column("met_at")]).tolist():
            out.add(
                ("ties", row),
                "met_at",
                store.meetings[store.column("met_at")[row]],
                "unknown meeting",
            )
    # The same pair with the same kind twice (undirected pairs in either order).
    ordered = _tie_keys(store)
    ordered.sort()
    if not np.any(ordered[1:] == ordered[:-1]):
        return  # no tie is repeated: skip finding which rows repeat (a slower stable sort)
    del ordered
    key = _tie_keys(store)
    order = np.argsort(key, kind="stable")
    repeat = np.zeros(len(key), dtype=bool)
    repeat[order[1:]] = key[order[1:]] == key[order[:-1]]
    for row in np.flatnonzero(repeat).tolist():
        out.add(
            ("ties", row),
            "target",
            store.ids[store.target[row]],
            f"duplicate tie: {store.ids[store.source[row]]} and "
            f"{store.ids[store.target[row]]} are already tied as "
            f"{store.KINDS[store.kind[row]].value}",
        )
