"""Tests for the E-I index, the mixing matrix and assortativity (``analysis.mixing``).

References: Krackhardt and Stern's definition counted by hand and by a brute-force loop
over the edges; the expected value by enumerating all label permutations of small graphs;
``networkx.attribute_mixing_dict`` / ``attribute_assortativity_coefficient``; a real
network (local health departments by state, UserNetR ``lhds``).
"""

from __future__ import annotations

import itertools
import math
import warnings

import networkx as nx
import numpy as np
import pytest
from group_graphs import both_forms, graphs, group_of, load_network
from hypothesis import given
from hypothesis import strategies as st

from samenwerking.analysis._input import InvalidArgumentError
from samenwerking.analysis.mixing import (
    EIIndex,
    MixingMatrix,
    assortativity,
    ei_index,
    mixing_matrix,
)
from samenwerking.graph.compact import CompactGraph, compact_graph
from samenwerking.synthetic import region

BYS = st.sampled_from(["sector", "domain", "municipality", "organisation"])


def _ratio(e: int, i: int) -> float:
    return (e - i) / (e + i)


def brute_ei(g: nx.Graph, by: str) -> dict[str, object]:
    """E-I by looping over the edges and over all node pairs."""
    group = {v: group_of(g, v, by) for v in g}
    external = sum(group[u] != group[v] for u, v in g.edges())
    internal = g.number_of_edges() - external
    per_group: dict[str, list[int]] = {}
    for u, v in g.edges():
        for end in {group[u], group[v]}:
            counts = per_group.setdefault(end, [0, 0])
            counts[0 if group[u] != group[v] else 1] += 1
    nodes = {}
    for v in g:
        if g.degree(v):
            e = sum(group[w] != group[v] for w in g[v])
            nodes[v] = _ratio(e, g.degree(v) - e)
    pairs = list(itertools.combinations(list(g), 2))
    same = sum(group[a] == group[b] for a, b in pairs)
    return {
        "external": external,
        "internal": internal,
        "value": _ratio(external, internal) if g.number_of_edges() else math.nan,
        "groups": {k: _ratio(e, i) for k, (e, i) in per_group.items()},
        "nodes": nodes,
        "expected": 1 - 2 * same / len(pairs) if pairs else math.nan,
    }


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, abs=1e-12)


@given(graphs(), BYS)
def test_ei_index_matches_brute_force_for_both_forms(g: nx.Graph, by: str) -> None:
    reference = brute_ei(g, by)
    results = [ei_index(form, by=by) for form in both_forms(g)]
    for result in results:
        assert result.external == reference["external"]
        assert result.internal == reference["internal"]
        assert _same(result.value, reference["value"])  # type: ignore[arg-type]
        assert _same(result.expected, reference["expected"])  # type: ignore[arg-type]
        assert result.groups == pytest.approx(reference["groups"])
        assert result.nodes == pytest.approx(reference["nodes"])
        assert result.p_value is None and result.permutation_mean is None
    assert results[0] == results[1] or (
        math.isnan(results[0].value) and results[0].groups == results[1].groups
    )


def test_ei_index_hand_computed() -> None:
    # Groups A = {a, b, c}, B = {d, e}; ties a-b, b-c, d-e inside, c-d across.
    g = nx.path_graph(["a", "b", "c", "d", "e"])
    nx.set_node_attributes(g, {"a": "A", "b": "A", "c": "A", "d": "B", "e": "B"}, "sector")
    result = ei_index(g, by="sector")
    assert (result.external, result.internal) == (1, 3)
    assert result.value == -0.5  # (1 - 3) / 4
    assert result.groups == {"A": pytest.approx(-1 / 3), "B": 0.0}  # A: 1 out, 2 in; B: 1, 1
    assert result.nodes == {"a": -1.0, "b": -1.0, "c": 0.0, "d": 0.0, "e": -1.0}
    # Same-group pairs: C(3,2) + C(2,2) = 4 of C(5,2) = 10, so 1 - 2 * 0.4.
    assert result.expected == pytest.approx(0.2)
    assert result.difference == pytest.approx(-0.7)


@given(graphs(max_nodes=6, max_edges=10), BYS)
def test_expected_value_is_the_mean_over_all_label_permutations(g: nx.Graph, by: str) -> None:
    if g.number_of_edges() == 0:
        return
    nodes = list(g)
    labels = [group_of(g, v, by) for v in nodes]
    values = []
    for perm in itertools.permutations(labels):
        group = dict(zip(nodes, perm, strict=True))
        e = sum(group[u] != group[v] for u, v in g.edges())
        values.append(_ratio(e, g.number_of_edges() - e))
    assert ei_index(g, by=by).expected == pytest.approx(float(np.mean(values)))


def test_permutation_test_on_two_cliques() -> None:
    # Two cliques of one group each, joined by one tie: far more inward than chance.
    # A permutation as extreme must recreate the split: 2 in C(20, 10), about 1e-5.
    g = nx.barbell_graph(10, 0)
    nx.set_node_attributes(g, {v: "care" if v < 10 else "education" for v in g}, "domain")
    result = ei_index(g, permutations=499, seed=3)
    assert result.permutations == 499
    assert result.value == pytest.approx((1 - 90) / 91)
    assert result.p_value == pytest.approx(1 / 500)
    assert result.permutation_mean is not None
    # 20 nodes in two groups of 10: same-group share 90/190.
    assert result.expected == pytest.approx(1 - 2 * 90 / 190)
    again = ei_index(g, permutations=499, seed=3)
    assert again.p_value == result.p_value and again.permutation_mean == result.permutation_mean


def test_permutation_mean_agrees_with_the_closed_form_on_a_real_network() -> None:
    g = load_network("lhds", attributes={"state": "municipality"})
    permutations = 2000
    result = ei_index(g, by="municipality", permutations=permutations, seed=11)
    # Standard error of the mean of the permuted values is below 1/sqrt(ties * P).
    bound = 5 / math.sqrt(g.number_of_edges() * permutations) + 1e-3
    assert result.permutation_mean == pytest.approx(result.expected, abs=bound)
    assert result.p_value is not None and 0 < result.p_value <= 1
    reference = brute_ei(g, "municipality")
    assert result.value == pytest.approx(reference["value"])
    assert result.groups == pytest.approx(reference["groups"])


def test_permutation_p_value_for_a_random_labelling_is_not_tiny() -> None:
    g = nx.gnm_random_graph(60, 200, seed=5)
    rng = np.random.default_rng(2)
    nx.set_node_attributes(g, {v: str(rng.integers(3)) for v in g}, "sector")
    result = ei_index(g, by="sector", permutations=999, seed=4)
    reference = brute_ei(g, "sector")
    assert result.value == pytest.approx(reference["value"])
    # Under random labelling the test rarely rejects; with this seed it does not.
    assert result.p_value is not None and result.p_value > 0.01


def test_ei_index_rejects_bad_arguments() -> None:
    g = nx.path_graph(3)
    with pytest.raises(InvalidArgumentError, match="permutations"):
        ei_index(g, permutations=-1)
    with pytest.raises(InvalidArgumentError, match="colour"):
        ei_index(g, by="colour")
    with pytest.raises(InvalidArgumentError, match="colour"):
        mixing_matrix(g, by="colour")


def _nx_mixing(g: nx.Graph, by: str) -> dict[tuple[str, str], int]:
    mixing = nx.attribute_mixing_dict(g, by)
    return {
        ("unknown" if a is None else a, "unknown" if b is None else b): count
        for a, row in mixing.items()
        for b, count in row.items()
    }


@given(graphs(), BYS)
def test_mixing_matrix_equals_networkx(g: nx.Graph, by: str) -> None:
    reference = _nx_mixing(g, by)
    results = [mixing_matrix(form, by=by) for form in both_forms(g)]
    for result in results:
        assert set(result.labels) == {group_of(g, v, by) for v in g}
        assert (result.counts == result.counts.T).all()
        for i, a in enumerate(result.labels):
            for j, b in enumerate(result.labels):
                assert result.counts[i, j] == reference.get((a, b), 0)
        assert result.ties == g.number_of_edges()
        within = sum(group_of(g, u, by) == group_of(g, v, by) for u, v in g.edges())
        if g.number_of_edges():
            assert result.share_within == pytest.approx(within / g.number_of_edges())
        expected_dict = {}
        for u, v in g.edges():
            a, b = sorted((group_of(g, u, by), group_of(g, v, by)), key=result.labels.index)
            expected_dict[(a, b)] = expected_dict.get((a, b), 0) + 1
        assert result.as_dict() == expected_dict
    assert results[0].labels == results[1].labels
    assert (results[0].counts == results[1].counts).all()


def test_mixing_matrix_matches_networkx_on_a_real_network() -> None:
    g = load_network("lhds", attributes={"state": "municipality"})
    result = mixing_matrix(g, by="municipality")
    mapping = {label: i for i, label in enumerate(result.labels)}
    reference = nx.attribute_mixing_matrix(g, "municipality", mapping=mapping, normalized=False)
    assert (result.counts == reference).all()
    assert isinstance(result, MixingMatrix)


def _nx_assortativity(g: nx.Graph, by: str) -> float:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(nx.attribute_assortativity_coefficient(g, by))
    except (ZeroDivisionError, ValueError):
        return math.nan


@given(graphs(), BYS)
def test_assortativity_equals_networkx(g: nx.Graph, by: str) -> None:
    reference = _nx_assortativity(g, by)
    for form in both_forms(g):
        value = assortativity(form, by=by)
        if math.isnan(reference):
            assert math.isnan(value)
        else:
            assert value == pytest.approx(reference, abs=1e-12)


def test_assortativity_on_a_real_network() -> None:
    g = load_network("DHHS", attributes={"agency": "organisation"})
    assert assortativity(g, by="organisation") == pytest.approx(
        nx.attribute_assortativity_coefficient(g, "organisation")
    )


def test_synthetic_region_forms_agree() -> None:
    r = region(400, seed=2)
    from samenwerking.graph.networkx_view import to_graph

    compact, graph = compact_graph(r), to_graph(r)
    assert isinstance(compact, CompactGraph)
    a, b = ei_index(compact, by="sector"), ei_index(graph, by="sector")
    assert isinstance(a, EIIndex)
    assert (a.value, a.groups, a.expected) == (b.value, b.groups, b.expected)
    assert a.nodes == b.nodes
    assert (mixing_matrix(compact).counts == mixing_matrix(graph).counts).all()
