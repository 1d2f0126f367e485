"""What the interactive map in ``report.html`` needs, computed once in Python.

The map has two levels. A region of at most :data:`MAP_PEOPLE_LEVEL` professionals is
drawn person by person, with every tie. A larger one opens at the organisation level
(at most :data:`MAP_MAX_ORGANISATIONS`, those with the most ties) and shows the people
of one organisation on demand; their data travels as parallel arrays, not objects, so
50,000 professionals stay a few megabytes.

Everything a reader may hover over or search is here: names, sectors, municipalities,
degrees and each person's part in the analyses (broker, cut point, the one person a
link between two domains hangs on), the islands and the suggested introductions.

Example
-------
>>> import samenwerking as sw
>>> from samenwerking.report.base import ReportContext
>>> data = map_data(ReportContext.of(sw.example_region()))
>>> data["level"], len(data["people"]["name"]) == len(sw.example_region().professionals)
('people', True)
"""

from __future__ import annotations

import json
import math
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from samenwerking.graph import CompactGraph
from samenwerking.model import Domain, Sector
from samenwerking.report.base import ReportContext
from samenwerking.report.picture import DOMAIN_COLOURS, organisation_graph, packed_layout
from samenwerking.report.vocabulary import domain_label, role_label, sector_label

__all__ = [
    "BROKER",
    "BUS_FACTOR_ONE",
    "CUT_POINT",
    "MAP_ISLANDS",
    "MAP_MAX_ORGANISATIONS",
    "MAP_PEOPLE_LEVEL",
    "SECTOR_COLOURS",
    "map_data",
    "map_json",
]

MAP_PEOPLE_LEVEL = 2500
"""Up to this many professionals the map draws every person and every tie."""
MAP_MAX_ORGANISATIONS = 3000
"""At most this many organisations are drawn at the organisation level."""
MAP_ISLANDS = 25
"""The largest islands listed beside the map, to highlight with a click."""

BROKER, CUT_POINT, BUS_FACTOR_ONE = 1, 2, 4
"""Bits of a person's ``flags``: among the named brokers, a cut point, the one person a
link between two domains hangs on."""

SECTOR_COLOURS: dict[str, str] = dict(
    zip(
        (s.value for s in Sector),
        (
            "#009E73", "#4B6B8A", "#0072B2", "#56B4E9", "#2C4F9E", "#7FA7D6",
            "#6A3D9A", "#9B7FC4", "#D55E00", "#B5442A", "#E69F00", "#C98A00",
            "#F0C674", "#8C6D1F", "#CC79A7", "#A14D7C", "#3D8C7A", "#7F7F7F",
        ),
        strict=True,
    )
)  # fmt: skip
"""A colour per sector: education in blues, care in reds, childcare in ochres."""


def _positions(
    placed: Mapping[Hashable, tuple[float, float]], nodes: Sequence[Hashable]
) -> tuple[list[float], list[float]]:
    """Positions from :func:`packed_layout` scaled to 0..1000 (x) and 0..700 (y), rounded."""
    xs = np.array([placed[n][0] for n in nodes], float) if nodes else np.zeros(0)
    ys = np.array([placed[n][1] for n in nodes], float) if nodes else np.zeros(0)
    if len(xs):
        span = max(float(np.ptp(xs)), float(np.ptp(ys)) * 10 / 7, 1e-9)
        xs = (xs - xs.min()) / span * 1000
        ys = (ys - ys.min()) / span * 1000
    return np.round(xs, 1).tolist(), np.round(ys, 1).tolist()


def _flags(context: ReportContext) -> npt.NDArray[np.int8]:
    """Each person's part in the analyses, as bits (see :data:`BROKER`)."""
    C = context.compact  # noqa: N806
    flags = np.zeros(C.n_nodes, np.int8)
    shared = context.shared
    if "cut_points" not in shared:
        from samenwerking.analysis import articulation_points

        shared["cut_points"] = articulation_points(C)
    for bit, key in ((BROKER, "brokers"), (CUT_POINT, "cut_points"), (BUS_FACTOR_ONE, "bus1")):
        for node in shared.get(key, ()):
            flags[C.index_of(node)] |= bit
    return flags


def _people(context: ReportContext, flags: npt.NDArray[np.int8]) -> dict[str, Any]:
    C, region = context.compact, context.region  # noqa: N806
    ranks = context.island_of
    listed = min(MAP_ISLANDS, len(context.islands.islands))
    sizes = np.array([island.size for island in context.islands.islands[:listed]], np.int64)
    shown = (ranks >= 0) & (ranks < listed)
    shown[shown] = sizes[ranks[shown]] > 1
    island_of = np.where(shown, ranks, -1)
    labels: dict[str, str] = {}  # one translation per role, not one per person
    roles = [p.role.value for p in region.professionals]
    for role in set(roles):
        labels[role] = role_label(role)
    return {
        "id": [str(p.id) for p in region.professionals],
        "name": [p.name for p in region.professionals],
        "role": [labels[role] for role in roles],
        "org": C.organisation.astype(int).tolist(),
        "degree": np.diff(C.indptr).astype(int).tolist(),
        "flags": flags.astype(int).tolist(),
        "island": island_of.tolist(),
    }


def _tie_pairs(C: CompactGraph) -> list[int]:  # noqa: N803
    """Each tie once, as a flat list ``[a0, b0, a1, b1, ...]`` of node positions."""
    rows = np.repeat(np.arange(C.n_nodes), np.diff(C.indptr))
    keep = rows < C.indices
    return np.column_stack((rows[keep], C.indices[keep])).ravel().astype(int).tolist()


def _introduced(context: ReportContext) -> list[tuple[int, int]]:
    C = context.compact  # noqa: N806
    out = []
    for a, b in context.shared.get("introductions", ()):
        try:
            out.append((C.index_of(a), C.index_of(b)))
        except LookupError:
            continue
    return out


def _islands(context: ReportContext, org_code: npt.NDArray[np.int64]) -> list[dict[str, Any]]:
    out = []
    for rank, island in enumerate(context.islands.islands[:MAP_ISLANDS]):
        if island.size < 2:
            break
        orgs = np.unique(org_code[context.members_of(rank)])
        out.append(
            {
                "rank": rank,
                "size": island.size,
                "domains": [domain_label(d) for d in island.domains],
                "orgs": orgs[orgs >= 0].astype(int).tolist(),
            }
        )
    return out


def map_data(context: ReportContext) -> dict[str, Any]:
    """The map's data: nodes, lines, islands, introductions, colours and vocabularies.

    It reuses what earlier sections left in :attr:`ReportContext.shared` (the named
    brokers, the cut points, the links that hang on one person, the suggested
    introductions) and computes only the cut points itself when they are missing.
    """
    region, C = context.region, context.compact  # noqa: N806
    flags = _flags(context)
    people = _people(context, flags)
    org_list = region.organisations
    org_code = C.organisation.astype(np.int64)
    introduced = _introduced(context)
    data: dict[str, Any] = {
        "region": region.name,
        "people": people,
        "islandCount": len(context.islands.islands),
        "isolates": len(context.islands.isolates),
        "domainColours": DOMAIN_COLOURS,
        "sectorColours": SECTOR_COLOURS,
        "sectorLabels": {s.value: sector_label(s.value) for s in Sector},
        "domainLabels": {d.value: domain_label(d.value) for d in Domain},
        "domains": [d.value for d in Domain],
    }
    all_orgs = {
        "id": [str(o.id) for o in org_list],
        "name": [o.name for o in org_list],
        "sector": [o.sector.value for o in org_list],
        "domain": [o.sector.domain.value for o in org_list],
        "municipality": [o.municipality for o in org_list],
    }
    data["orgs"] = all_orgs
    data["municipalities"] = sorted({o.municipality for o in org_list})
    data["islands"] = _islands(context, org_code)
    if C.n_nodes <= MAP_PEOPLE_LEVEL:
        xs, ys = _positions(context.professional_layout, people["id"])
        data |= {
            "level": "people",
            "x": xs,
            "y": ys,
            "ties": _tie_pairs(C),
            "introductions": [i for pair in introduced for i in pair],
        }
        return data
    graph, staff = organisation_graph(
        region, C, limit=MAP_MAX_ORGANISATIONS, ties=context.organisation_ties
    )
    drawn = [str(o) for o in graph.nodes]
    position = {str(o.id): i for i, o in enumerate(org_list)}
    codes = [position[o] for o in drawn]
    xs, ys = _positions(packed_layout(graph, context.seed), drawn)
    x = [math.nan] * len(org_list)
    y = [math.nan] * len(org_list)
    for code, px, py in zip(codes, xs, ys, strict=True):
        x[code], y[code] = px, py
    lines = []
    for a, b, weight in graph.edges(data="weight"):
        lines += [position[str(a)], position[str(b)], int(weight or 1)]
    org_pairs = sorted(
        {
            (min(int(org_code[a]), int(org_code[b])), max(int(org_code[a]), int(org_code[b])))
            for a, b in introduced
            if org_code[a] >= 0 and org_code[b] >= 0 and org_code[a] != org_code[b]
        }
    )
    degree = np.bincount(np.array(lines[0::3] + lines[1::3], np.int64), minlength=len(org_list))
    data |= {
        "level": "organisations",
        "x": [None if math.isnan(v) else v for v in x],
        "y": [None if math.isnan(v) else v for v in y],
        "staff": [int(staff.get(o, 0)) for o in all_orgs["id"]],
        "orgDegree": degree.astype(int).tolist(),
        "orgLinks": lines,
        "introductions": [i for pair in org_pairs for i in pair],
        "peopleIntroductions": [i for pair in introduced for i in pair],
    }
    return data


def map_json(data: dict[str, Any]) -> str:
    r"""The data as compact JSON that is safe inside a ``<script>`` element.

    Example
    -------
    >>> map_json({"name": "</script>"})
    '{"name":"\\u003c/script>"}'
    """
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c")
