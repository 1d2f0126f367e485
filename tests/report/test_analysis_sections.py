"""The analysis sections hold what the analyses return when called directly.

Each number is compared with the analysis run on the networkx graph of the same small
hand-built region (see ``report_regions.py``), or with plain networkx or a hand count.
"""

from __future__ import annotations

import re
from collections import Counter

import networkx as nx
import pytest
from report_regions import EVIL_NAME, hand_region

import samenwerking as sw
from samenwerking.analysis import (
    approximate_betweenness,
    betweenness,
    bridges,
    brokerage_roles,
    bus_factor,
    constraint,
    effective_size,
    nearest_contact,
    reach_counts,
    weak_points,
)
from samenwerking.analysis.change import compare
from samenwerking.analysis.cohesion import density_by, reciprocity
from samenwerking.analysis.communities import communities
from samenwerking.analysis.mixing import ei_index, mixing_matrix
from samenwerking.analysis.trust import trust_value
from samenwerking.model import Region
from samenwerking.report import Report, build_report, render_html, render_markdown
from samenwerking.report import sections_brokers as brokers_module
from samenwerking.report.base import ReportContext
from samenwerking.report.sections_brokers import BrokersSection, brokers_section
from samenwerking.report.sections_bus_factor import BusFactorSection
from samenwerking.report.sections_change import ChangeSection
from samenwerking.report.sections_cohesion import CohesionSection
from samenwerking.report.sections_mixing import MixingSection
from samenwerking.report.sections_reach import CARE_CONTACTS, ReachSection
from samenwerking.report.sections_trust import TrustSection

SEED = 1


@pytest.fixture(scope="module")
def region() -> Region:
    return hand_region()


@pytest.fixture(scope="module")
def G(region: Region) -> nx.Graph:  # noqa: N802
    return sw.to_graph(region)


@pytest.fixture(scope="module")
def report(region: Region) -> Report:
    return build_report(region, seed=SEED)


def test_brokers(report: Report, G: nx.Graph) -> None:  # noqa: N803
    section = report.section("brokers")
    assert isinstance(section, BrokersSection)
    scores = betweenness(G)
    expected = sorted((n for n in G if scores[n] > 0), key=lambda n: (-scores[n], list(G).index(n)))
    assert [b.id for b in section.brokers] == expected[: brokers_module.TOP_BROKERS]
    assert section.sampled is None
    held, size = constraint(G), effective_size(G)
    for row in section.brokers:
        assert row.betweenness == pytest.approx(nx.betweenness_centrality(G)[row.id])
        assert row.constraint == pytest.approx(held[row.id])
        assert row.effective_size == pytest.approx(size[row.id])
        assert row.name == G.nodes[row.id]["name"]
    points = weak_points(G)
    assert section.weak_point_total == len(points) == len(list(nx.articulation_points(G)))
    assert [(w.id, w.cut_off) for w in section.weak_points] == [(p.node, p.cut_off) for p in points]
    assert section.bridges == len(bridges(G)) == len(list(nx.bridges(G)))
    sums: dict[str, Counter[str]] = {}
    for node, roles in brokerage_roles(G, by="domain").items():
        counter = sums.setdefault(G.nodes[node]["domain"], Counter())
        for role in ("coordinator", "gatekeeper", "representative", "consultant", "liaison"):
            counter[role] += getattr(roles, role)
    for row in section.roles:
        assert sums[row.domain]["gatekeeper"] == row.gatekeeper
        assert sums[row.domain]["liaison"] == row.liaison
        assert sums[row.domain]["coordinator"] == row.coordinator
    assert {r.domain for r in section.roles} == {d for d, c in sums.items() if sum(c.values())}


def test_brokers_are_sampled_on_large_graphs(
    region: Region,
    G: nx.Graph,  # noqa: N803
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(brokers_module, "SMALL_GRAPH", 5)
    monkeypatch.setattr(brokers_module, "BROKER_EPSILON", 0.05)
    section = brokers_section(ReportContext.of(region, seed=7))
    found = approximate_betweenness(G, epsilon=0.05, delta=0.1, seed=7)
    assert section is not None and section.sampled == found.samples and section.epsilon == 0.05
    # Only brokers surely in the top list are named, in the estimate's order.
    named = [
        node for node in found.stable_top(brokers_module.TOP_BROKERS) if found.scores[node] > 0
    ]
    assert named and [row.id for row in section.brokers] == named
    for row in section.brokers:
        assert row.betweenness == pytest.approx(found.scores[row.id])
    text = section.to_markdown()
    assert f"±0.05 with 90% confidence from {found.samples:,} sampled shortest paths" in text
    monkeypatch.setattr(brokers_module, "BROKER_EPSILON", 0.9)
    vague = brokers_section(ReportContext.of(region, seed=7))
    assert vague is not None and vague.brokers == ()
    assert "No broker's place in the top list is certain" in vague.to_markdown()


def test_across_sectors(report: Report, G: nx.Graph) -> None:  # noqa: N803
    section = report.section("across")
    assert isinstance(section, MixingSection)
    direct = ei_index(G, by="domain", permutations=section.permutations, seed=SEED)
    assert section.permutations > 0
    assert (section.ei, section.external, section.internal) == (
        direct.value,
        direct.external,
        direct.internal,
    )
    assert section.expected == pytest.approx(direct.expected)
    assert section.p_value == direct.p_value
    assert dict(section.by_domain) == pytest.approx(direct.groups)
    matrix = mixing_matrix(G, by="domain").as_dict()
    labels = section.labels
    shown = {
        (labels[i], labels[j]): section.matrix[i][j]
        for i in range(len(labels))
        for j in range(i, len(labels))
        if section.matrix[i][j]
    }
    assert shown == matrix
    assert section.assortativity_domain == pytest.approx(
        nx.attribute_assortativity_coefficient(G, "domain")
    )
    assert section.assortativity_sector == pytest.approx(
        nx.attribute_assortativity_coefficient(G, "sector")
    )
    assert 'class="heat"' in section.to_html()


def test_cohesion(report: Report, region: Region, G: nx.Graph) -> None:  # noqa: N803
    section = report.section("cohesion")
    assert isinstance(section, CohesionSection)
    assert section.density == pytest.approx(nx.density(G))
    densities = density_by(G, by="municipality")
    assert [(m, d) for m, _, d in section.by_municipality] == list(densities.items())
    people = Counter(nx.get_node_attributes(G, "municipality").values())
    assert {m: n for m, n, _ in section.by_municipality} == dict(people)
    degrees = [d for _, d in G.degree()]
    n = G.number_of_nodes()
    freeman = sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))
    assert section.centralization == pytest.approx(freeman)
    # Directed pairs s1a -> y1, y1 -> s1a and m1 -> s1b: two of three are answered.
    assert section.reciprocity == pytest.approx(2 / 3) == reciprocity(region)
    assert dict(section.cores) == dict(Counter(nx.core_number(G).values()))
    found = communities(G, seed=SEED)
    assert section.communities == len(found.groups)
    assert section.modularity == pytest.approx(found.modularity)
    assert list(section.sizes) == sorted((len(g) for g in found.groups), reverse=True)[:10]


def test_trust_and_value(report: Report, region: Region) -> None:
    section = report.section("trust")
    assert isinstance(section, TrustSection)
    direct = trust_value(region, by="domain")
    assert section.overall.ratings == direct.overall.ratings == 3
    assert section.overall.trust == pytest.approx((3.0 + 2.0 + 4.0) / 3)
    pairs = {(r.rater, r.rated): (r.trust, r.value, r.ratings) for r in section.pairs}
    assert pairs == {p: (r.trust, r.value, r.ratings) for p, r in direct.pairs.items()}
    assert pairs[("education", "care")] == (3.0, 4.0, 1)
    assert pairs[("care", "education")] == (2.0, None, 1)
    assert "n/a" in section.to_markdown()  # a pair without value ratings


def test_reach(report: Report, G: nx.Graph) -> None:  # noqa: N803
    section = report.section("reach")
    assert isinstance(section, ReachSection)
    direct = nearest_contact(G, to_sectors=CARE_CONTACTS, max_steps=2)
    assert tuple(s.id for s in section.unreached) == direct.unreached == ("s2",)
    assert section.schools == 2
    assert section.unreached[0].name == "VO De Brug"
    # Brute force: people within two steps, by plain networkx.
    counts = [len(nx.single_source_shortest_path_length(G, v, cutoff=2)) - 1 for v in G]
    assert counts == list(reach_counts(G, k=2).values())
    assert section.reach_mean == pytest.approx(sum(counts) / len(counts))
    assert section.reach_max == max(counts)
    assert section.reach_none == counts.count(0) == 1


def test_bus_factor(report: Report, G: nx.Graph) -> None:  # noqa: N803
    section = report.section("bus-factor")
    assert isinstance(section, BusFactorSection)
    direct = bus_factor(G, by="domain")
    assert [(link.groups, link.bus_factor, link.pairs) for link in section.links] == [
        (link.groups, link.bus_factor, link.pairs) for link in direct
    ]
    by_groups = {link.groups: link for link in section.links}
    # Education and care meet only in the tie s1a - y1: a bus factor of one.
    care = by_groups[("care", "education")]
    assert care.bus_factor == 1 and care.carriers == 2
    carrier = next(link.single_carrier for link in direct if link.groups == ("care", "education"))
    assert care.single_carrier is not None
    assert care.single_carrier.startswith(G.nodes[carrier]["name"])
    markdown = section.to_markdown()
    assert "care - education" in markdown


def test_change(region: Region) -> None:
    before = region.replace(ties=region.ties.select(range(5)))
    report = build_report(region, before=before)
    section = report.section("change")
    assert isinstance(section, ChangeSection)
    direct = compare(before, region, by="domain")
    assert (section.new_ties, section.lost_ties) == (direct.new_ties, direct.lost_ties)
    assert section.new_ties > 0 and section.lost_ties == 0
    assert section.density_after == pytest.approx(direct.density.after)
    assert section.ei_before == pytest.approx(direct.ei.before)
    assert {p.groups: p.new for p in section.pairs} == {
        **dict.fromkeys(direct.lost_by_pair, 0),
        **direct.new_by_pair,
    }
    assert sum(p.new for p in section.pairs) == section.new_ties


def test_sections_with_nothing_to_say_are_left_out(report: Report, region: Region) -> None:
    keys = [s.key for s in report.sections]
    assert "change" not in keys  # no earlier snapshot
    assert "trust" in keys
    unrated = build_report(hand_region(ratings=False))
    assert "trust" not in [s.key for s in unrated.sections]
    tieless = build_report(region.replace(ties=[]))
    tieless_keys = {s.key for s in tieless.sections}
    assert not tieless_keys & {"brokers", "across", "bus-factor", "trust", "change"}
    assert {"overview", "cohesion", "reach", "picture"} <= tieless_keys


def test_text_is_escaped_in_the_analysis_sections(report: Report) -> None:
    page = render_html(report)
    assert EVIL_NAME not in page and "Jeugdhulp <Oost>" not in page
    assert "&lt;b&gt;Y1&lt;/b&gt; | *care*" in page
    markdown = render_markdown(report)
    assert r"\<b\>Y1\</b\> \| \*care\*" in markdown


def test_progress_is_reported(region: Region) -> None:
    seen: list[str] = []
    steps: list[tuple[str, int, int]] = []

    class Recorder:
        def section(self, label: str) -> None:
            seen.append(label)

        def step(self, label: str) -> sw.progress.Progress:
            def call(done: int, total: int) -> None:
                steps.append((label, done, total))

            return call

    build_report(region, progress=Recorder())
    assert seen[:3] == ["overview", "counts", "islands"]
    assert {"brokers", "mixing", "cohesion", "reach", "bus factor", "picture"} <= set(seen)
    labels = {label for label, _, _ in steps}
    assert labels == {"betweenness", "communities"}
    assert ("betweenness", region.professionals.__len__(), len(region.professionals)) in steps


def test_example_report_holds_every_section() -> None:
    region = sw.example_region()
    before = region.replace(ties=region.ties.select(range(len(region.ties) // 2)))
    report = build_report(region, before=before)
    titles = [s.title for s in report.sections]
    for title in (
        "Overview",
        "Islands",
        "Brokers and weak points",
        "Across sectors",
        "Cohesion",
        "Trust and value",
        "Reach",
        "Bus factor of the links between domains",
        "Change over time",
        "The network, coloured by domain",
    ):
        assert title in titles
    page = render_html(report)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<(link|img|iframe)\b", page, re.I)
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.I)  # scripts only inline
    assert "@import" not in page and not re.search(r"url\((?!#)", page)  # only url(#id)
    assert "data:image" not in page
    for section in report.sections:
        assert f'<section id="{section.key}">' in page
