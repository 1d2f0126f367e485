"""Any grouping: ``by=`` takes any node attribute of a networkx graph, or a mapping.

The property tests check that a custom grouping gives exactly what the built-in one gives
for the same groups (``by="domain"`` against ``by={node: domain}`` and against the same
values under another attribute name); the fixture tests use the published Indiana
tobacco-control network (Luke et al. 2013, ``tests/fixtures/networks``), whose nodes carry
the study's own ``agency_cat``, against plain networkx.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import attrs
import networkx as nx
import numpy as np
import pytest
from group_graphs import graphs, load_network, regions
from hypothesis import given
from hypothesis import strategies as st

from samenwerking import analysis as sa
from samenwerking.errors import InvalidArgumentError
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.model import Region

BUILT_IN = ["domain", "sector", "municipality", "organisation"]
_VOCABULARY = {
    "sector": "sectors",
    "domain": "domains",
    "municipality": "municipalities",
    "organisation": "organisations",
}


def _plain(result: Any) -> Any:
    """A comparable form: attrs results without their ``by``, arrays as lists, nan as None."""
    if isinstance(result, float):
        return None if math.isnan(result) else result
    if isinstance(result, dict):
        return {k: _plain(v) for k, v in result.items()}
    if isinstance(result, tuple | list):
        return [_plain(v) for v in result]
    if isinstance(result, np.ndarray):
        return result.tolist()
    if attrs.has(type(result)):
        return {
            f.name: _plain(getattr(result, f.name))
            for f in attrs.fields(type(result))
            if f.name != "by"
        }
    return result


ANALYSES: dict[str, Callable[..., Any]] = {
    "ei_index": lambda g, by: sa.ei_index(g, by=by),
    "mixing_matrix": lambda g, by: sa.mixing_matrix(g, by=by),
    "assortativity": lambda g, by: sa.assortativity(g, by=by),
    "density_by": lambda g, by: sa.density_by(g, by=by),
    "density_between": lambda g, by: sa.density_between(g, by=by),
    "brokerage_roles": lambda g, by: sa.brokerage_roles(g, by=by),
    "bus_factor": lambda g, by: sa.bus_factor(g, by=by),
}


@given(graphs(), st.sampled_from(BUILT_IN), st.sampled_from(sorted(ANALYSES)))
def test_a_mapping_gives_the_built_in_result(g: nx.Graph, by: str, name: str) -> None:
    mapping = {node: g.nodes[node].get(by) for node in g}
    run = ANALYSES[name]
    expected = _plain(run(g, by))
    assert _plain(run(g, mapping)) == expected
    assert _plain(run(CompactGraph.from_networkx(g), mapping)) == expected


@given(graphs(), st.sampled_from(BUILT_IN), st.sampled_from(sorted(ANALYSES)))
def test_any_attribute_gives_the_built_in_result(g: nx.Graph, by: str, name: str) -> None:
    h = g.copy()
    nx.set_node_attributes(h, {n: d[by] for n, d in g.nodes(data=True) if by in d}, "study_group")
    if not any("study_group" in d for _n, d in h.nodes(data=True)):
        return  # no node has it: an error, tested below
    run = ANALYSES[name]
    assert _plain(run(h, "study_group")) == _plain(run(g, by))


@given(graphs(directed=True), st.sampled_from(BUILT_IN))
def test_trust_value_any_grouping(g: nx.Graph, by: str) -> None:
    for u, v in g.edges:
        g.edges[u, v]["trust"] = float(len(str(u)) % 3 + 1)
    mapping = {node: g.nodes[node].get(by) for node in g}
    expected = _plain(sa.trust_value(g, by=by))
    assert _plain(sa.trust_value(g, by=mapping)) == expected
    h = g.copy()
    nx.set_node_attributes(h, {n: d[by] for n, d in g.nodes(data=True) if by in d}, "own")
    if any("own" in d for _n, d in h.nodes(data=True)):
        assert _plain(sa.trust_value(h, by="own")) == expected


@given(regions(), regions(), st.sampled_from(BUILT_IN))
def test_compare_and_trust_with_a_mapping(before: Region, other: Region, by: str) -> None:
    after = before.replace(ties=other.ties)  # the same people, with other ties

    def mapping_of(*snapshots: Region) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for region in snapshots:
            C = compact_graph(region)  # noqa: N806
            codes = getattr(C, by)
            vocabulary = getattr(C, _VOCABULARY[by])
            for node, code in zip(C.ids, codes.tolist(), strict=True):
                out[str(node)] = None if code < 0 else vocabulary[code]
        return out

    groups = mapping_of(before)
    assert _plain(sa.compare(before, after, by=groups)) == _plain(sa.compare(before, after, by=by))
    assert _plain(sa.trust_value(before, by=groups)) == _plain(sa.trust_value(before, by=by))


def test_result_records_the_grouping() -> None:
    g = nx.Graph([("a", "b")])
    assert sa.ei_index(g, by={"a": 1, "b": 2}).by == "mapping"
    nx.set_node_attributes(g, {"a": 1, "b": 2}, "team")
    assert sa.ei_index(g, by="team").by == "team"


def _tobacco() -> nx.Graph:
    return load_network("TCcoll", attributes={"agency_cat": "agency_cat"})


def test_study_attribute_on_a_published_network() -> None:
    """The user's failing call from issue 13, against networkx's own attribute functions."""
    g = _tobacco()
    result = sa.ei_index(g, by="agency_cat")
    same = sum(g.nodes[u]["agency_cat"] == g.nodes[v]["agency_cat"] for u, v in g.edges)
    assert (result.internal, result.external) == (same, g.number_of_edges() - same)
    assert result.value == pytest.approx((result.external - same) / g.number_of_edges())
    assert set(result.groups) == {d["agency_cat"] for _n, d in g.nodes(data=True)}
    assert sa.assortativity(g, by="agency_cat") == pytest.approx(
        nx.attribute_assortativity_coefficient(g, "agency_cat")
    )
    matrix = sa.mixing_matrix(g, by="agency_cat")
    reference = nx.attribute_mixing_matrix(
        g,
        "agency_cat",
        mapping={label: i for i, label in enumerate(matrix.labels)},
        normalized=False,
    )
    assert matrix.counts.tolist() == reference.astype(int).tolist()
    links = sa.bus_factor(g, by="agency_cat")
    assert {frozenset(link.groups) for link in links} == {
        frozenset((g.nodes[u]["agency_cat"], g.nodes[v]["agency_cat"]))
        for u, v in g.edges
        if g.nodes[u]["agency_cat"] != g.nodes[v]["agency_cat"]
    }
    roles = sa.brokerage_roles(g, by="agency_cat")
    assert set(roles) == set(g)
    assert sa.density_by(g, by="agency_cat") == pytest.approx(
        {
            label: nx.density(
                g.subgraph([n for n, d in g.nodes(data=True) if d["agency_cat"] == label])
            )
            for label in result.groups
        }
    )


def test_a_mapping_of_numbers_on_a_published_network() -> None:
    g = _tobacco()
    mapping = {node: float(g.nodes[node]["agency_cat"]) for node in g}
    assert sa.ei_index(g, by=mapping).value == sa.ei_index(g, by="agency_cat").value
    assert sorted(sa.density_by(g, by=mapping)) == sorted({*mapping.values()})


@pytest.mark.parametrize("name", sorted(ANALYSES))
def test_errors(name: str) -> None:
    run = ANALYSES[name]
    g = _tobacco()
    with pytest.raises(InvalidArgumentError, match=r"no node has that attribute.*agency_cat"):
        run(g, "agency_category")
    with pytest.raises(InvalidArgumentError, match=r"1 of 25 nodes are missing from the mapping"):
        run(g, dict.fromkeys(list(g)[1:], "x"))
    with pytest.raises(InvalidArgumentError, match=r"CompactGraph .* carries only the built-in"):
        run(CompactGraph.from_networkx(g), "agency_cat")
    with pytest.raises(InvalidArgumentError, match="mapping from node to group, got int"):
        run(g, 3)


def test_region_errors() -> None:
    from samenwerking.example import example_region

    region = example_region()
    with pytest.raises(
        InvalidArgumentError, match="cannot group by 'agency_cat': a region has only"
    ):
        sa.compare(region, region, by="agency_cat")
    with pytest.raises(
        InvalidArgumentError, match="cannot group by 'agency_cat': a region has only"
    ):
        sa.trust_value(region, by="agency_cat")
    with pytest.raises(InvalidArgumentError, match="missing from the mapping"):
        sa.compare(region, region, by={})


def test_a_pandas_series_is_a_mapping() -> None:
    pd = pytest.importorskip("pandas")
    g = _tobacco()
    series = pd.Series({node: g.nodes[node]["agency_cat"] for node in g})
    assert sa.ei_index(g, by=series).value == sa.ei_index(g, by="agency_cat").value
    assert sa.trust_value(g, by=series).by == "mapping"


def test_meeting_effects_with_a_mapping() -> None:
    from samenwerking.example import example_region
    from samenwerking.governance import meeting_effects

    region = example_region()
    for by in BUILT_IN:
        C = compact_graph(region)  # noqa: N806
        labels, codes = getattr(C, _VOCABULARY[by]), getattr(C, by).tolist()
        groups = {p: None if c < 0 else labels[c] for p, c in zip(C.ids, codes, strict=True)}
        expected = [_plain(e) for e in meeting_effects(region, by=by)]
        assert [_plain(e) for e in meeting_effects(region, by=groups)] == expected
    assert meeting_effects(region, by=groups)[0].by == "mapping"
    with pytest.raises(
        InvalidArgumentError, match="cannot group by 'agency_cat': a region has only"
    ):
        meeting_effects(region, by="agency_cat")


def test_introductions_name_the_groupings_they_take() -> None:
    from samenwerking import introduce
    from samenwerking.example import example_region

    region = example_region()
    with pytest.raises(
        InvalidArgumentError,
        match="by a dict: make_links_robust groups by",
    ):
        introduce.make_links_robust(region, by={p.id: "x" for p in region.professionals})
    with pytest.raises(InvalidArgumentError, match="by 'role': improvement groups by"):
        introduce.improvement(region, region, by="role")
