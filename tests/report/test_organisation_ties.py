"""The organisations' ties are summed once (a sparse product) and give the same graphs
as the earlier sum over every tie, kept here as the reference."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import samenwerking as sw
from samenwerking.graph import CompactGraph
from samenwerking.model import Region
from samenwerking.report.base import ReportContext
from samenwerking.report.organisation_ties import OrganisationTies
from samenwerking.report.picture import organisation_graph


def _reference(
    region: Region, compact: CompactGraph, limit: int
) -> tuple[nx.Graph, dict[str, int]]:
    """The organisation graph as the report built it before, one pass over every tie."""
    orgs = region.organisations
    k = len(orgs)
    org = compact.organisation.astype(np.int64)
    rows = np.repeat(np.arange(compact.n_nodes), np.diff(compact.indptr))
    a, b = org[rows], org[compact.indices]
    keep = (rows < compact.indices) & (a >= 0) & (b >= 0) & (a != b)
    a, b, weight = a[keep], b[keep], compact.weight[keep]
    low, high = np.minimum(a, b), np.maximum(a, b)
    pair, ties = np.unique(low * max(k, 1) + high, return_inverse=True)
    pair_weight = np.bincount(ties, weights=weight, minlength=len(pair))
    outside = np.bincount(a, weights=weight, minlength=k) + np.bincount(
        b, weights=weight, minlength=k
    )
    staff = np.bincount(org[org >= 0], minlength=k)
    chosen = np.lexsort((np.arange(k), -staff, -outside))[: max(limit, 0)]
    chosen = np.sort(chosen)
    drawn = np.zeros(k, bool)
    drawn[chosen] = True
    G = nx.Graph()  # noqa: N806
    for i in chosen.tolist():
        o = orgs[i]
        G.add_node(o.id, name=o.name, sector=o.sector.value, domain=o.sector.domain.value)
    lows, highs = pair // max(k, 1), pair % max(k, 1)
    both = drawn[lows] & drawn[highs]
    for x, y, w in zip(
        lows[both].tolist(), highs[both].tolist(), pair_weight[both].tolist(), strict=True
    ):
        G.add_edge(orgs[x].id, orgs[y].id, weight=int(w))
    return G, {orgs[i].id: int(staff[i]) for i in chosen.tolist()}


def _same(a: tuple[nx.Graph, dict[str, int]], b: tuple[nx.Graph, dict[str, int]]) -> None:
    assert list(a[0].nodes(data=True)) == list(b[0].nodes(data=True))
    assert list(a[0].edges(data=True)) == list(b[0].edges(data=True))
    assert a[1] == b[1]


@pytest.mark.parametrize(
    ("size", "seed", "ties", "limit"),
    [(300, 1, 4.0, 400), (600, 2, 10.0, 20), (1200, 3, 1.0, 50), (800, 4, 0.0, 10)],
)
def test_equal_to_the_sum_over_every_tie(size: int, seed: int, ties: float, limit: int) -> None:
    region = sw.synthetic.region(size, seed=seed, ties_per_professional=ties)
    compact = sw.compact_graph(region)
    summed = OrganisationTies.of(compact, len(region.organisations))
    for cap in (limit, 0, len(region.organisations)):
        expected = _reference(region, compact, cap)
        _same(organisation_graph(region, compact, limit=cap), expected)
        _same(organisation_graph(region, compact, limit=cap, ties=summed), expected)


def test_the_example_and_an_empty_region() -> None:
    region = sw.example_region()
    context = ReportContext.of(region)
    for cap in (5, 400):
        expected = _reference(region, context.compact, cap)
        _same(organisation_graph(region, context.compact, limit=cap), expected)
        found = organisation_graph(
            region, context.compact, limit=cap, ties=context.organisation_ties
        )
        _same(found, expected)
    assert context.organisation_ties is context.organisation_ties  # summed once
    empty = Region("Leeg")
    graph, staff = organisation_graph(empty, sw.compact_graph(empty))
    assert graph.number_of_nodes() == 0 and staff == {}
    ties = OrganisationTies.of(sw.compact_graph(empty), 0)
    assert ties.top(5).tolist() == [] and np.asarray(ties.outside).tolist() == []
