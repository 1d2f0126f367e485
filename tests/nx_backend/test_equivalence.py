"""Every backend function against networkx itself, on hypothesis-generated graphs.

The reference is always the networkx function run without a backend; the backend runs
through networkx's own dispatcher (``backend="samenwerking"``), conversion included.
"""

from __future__ import annotations

import math
import random
import warnings
from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nx_graphs import graphs, isolated_config

TOLERANCE = 1e-9


def ours(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``function`` dispatched to the backend; iterators are consumed inside the config."""
    with isolated_config():
        result = function(*args, backend="samenwerking", **kwargs)
        return list(result) if isinstance(result, Iterator) else result


def theirs(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``function`` in networkx itself (numpy's 0/0 warnings silenced, as for a user)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return function(*args, backend="networkx", **kwargs)


def same(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def same_values(a: Mapping[Hashable, float], b: Mapping[Hashable, float]) -> None:
    assert list(a) == list(b)
    assert all(same(a[v], b[v]) for v in a), {v: (a[v], b[v]) for v in a if not same(a[v], b[v])}


def both_raise(error: type[Exception], function: Callable[..., Any], *args: Any, **kw: Any) -> None:
    with pytest.raises(error):
        ours(function, *args, **kw)
    with pytest.raises(error):
        theirs(function, *args, **kw)


def edge_set(edges: Any) -> set[frozenset[Hashable]]:
    return {frozenset(e) for e in edges}


any_undirected = st.one_of(
    graphs(), graphs(self_loops=True), graphs(multigraph=True, self_loops=True)
)


@given(any_undirected)
def test_connected_components(G: nx.Graph) -> None:  # noqa: N803
    found = ours(nx.connected_components, G)
    assert found == list(theirs(nx.connected_components, G))  # same sets, same order
    assert ours(nx.number_connected_components, G) == nx.number_connected_components(G)
    if len(G):
        assert ours(nx.is_connected, G) == nx.is_connected(G)


def test_is_connected_of_the_null_graph_is_an_error_as_in_networkx() -> None:
    with pytest.raises(nx.NetworkXPointlessConcept):
        ours(nx.is_connected, nx.Graph())


@given(any_undirected, st.booleans())
def test_exact_betweenness(G: nx.Graph, normalized: bool) -> None:  # noqa: N803
    same_values(
        ours(nx.betweenness_centrality, G, normalized=normalized),
        theirs(nx.betweenness_centrality, G, normalized=normalized),
    )


@given(graphs(self_loops=True), st.data())
def test_sampled_betweenness_uses_networkx_sample(G: nx.Graph, data: st.DataObject) -> None:  # noqa: N803
    if not len(G):
        return
    k = data.draw(st.integers(1, len(G)))
    seed = data.draw(st.integers(0, 2**32))
    normalized = data.draw(st.booleans())
    same_values(
        ours(nx.betweenness_centrality, G, k=k, seed=seed, normalized=normalized),
        theirs(nx.betweenness_centrality, G, k=k, seed=seed, normalized=normalized),
    )
    # A shared random state is left where networkx leaves it.
    mine, reference = random.Random(seed), random.Random(seed)
    ours(nx.betweenness_centrality, G, k=k, seed=mine)
    theirs(nx.betweenness_centrality, G, k=k, seed=reference)
    assert mine.random() == reference.random()


@given(graphs(self_loops=True), st.data())
def test_bridges(G: nx.Graph, data: st.DataObject) -> None:  # noqa: N803
    found = ours(nx.bridges, G)
    assert edge_set(found) == edge_set(theirs(nx.bridges, G))
    assert all(G.has_edge(u, v) for u, v in found)
    if len(G):
        root = data.draw(st.sampled_from(list(G)))
        assert edge_set(ours(nx.bridges, G, root=root)) == edge_set(
            theirs(nx.bridges, G, root=root)
        )


def test_bridges_from_an_unknown_root_is_an_error_as_in_networkx() -> None:
    with pytest.raises(nx.NodeNotFound):
        ours(nx.bridges, nx.path_graph(3), root="nobody")


@given(any_undirected)
def test_articulation_points(G: nx.Graph) -> None:  # noqa: N803
    found = ours(nx.articulation_points, G)
    assert len(found) == len(set(found))
    assert set(found) == set(theirs(nx.articulation_points, G))


@given(graphs())
def test_core_number(G: nx.Graph) -> None:  # noqa: N803
    assert ours(nx.core_number, G) == theirs(nx.core_number, G)


@given(st.one_of(graphs(), graphs(weighted=True)), st.booleans())
def test_constraint(G: nx.Graph, weighted: bool) -> None:  # noqa: N803
    weight = "w" if weighted else None
    if not len(G):
        both_raise(nx.NetworkXError, nx.constraint, G, weight=weight)
        return
    same_values(ours(nx.constraint, G, weight=weight), theirs(nx.constraint, G, weight=weight))
    nodes = list(G)[::2]
    same_values(
        ours(nx.constraint, G, nodes=nodes, weight=weight),
        theirs(nx.constraint, G, nodes=nodes, weight=weight),
    )


@given(graphs())
def test_effective_size(G: nx.Graph) -> None:  # noqa: N803
    if not len(G):
        both_raise(nx.NetworkXError, nx.effective_size, G)
        return
    same_values(ours(nx.effective_size, G), theirs(nx.effective_size, G))


@given(graphs(weighted=True))
def test_weighted_effective_size_follows_networkx_per_node_definition(G: nx.Graph) -> None:  # noqa: N803
    nodes = list(G)
    same_values(
        ours(nx.effective_size, G, nodes=nodes, weight="w"),
        theirs(nx.effective_size, G, nodes=nodes, weight="w"),
    )


def modularity(G: nx.Graph, partition: list[set[Hashable]], weight: str | None) -> float:  # noqa: N803
    return float(nx.community.modularity(G, partition, weight=weight))


@given(
    st.one_of(graphs(max_nodes=30), graphs(weighted=True, max_nodes=30)),
    st.integers(0, 1000),
    st.sampled_from([0.5, 1.0, 2.0]),
)
def test_louvain_partitions_have_networkx_modularity(
    G: nx.Graph,  # noqa: N803
    seed: int,
    resolution: float,
) -> None:
    mine = ours(nx.community.louvain_communities, G, weight="w", seed=seed, resolution=resolution)
    reference = theirs(
        nx.community.louvain_communities, G, weight="w", seed=seed, resolution=resolution
    )
    assert nx.community.is_partition(G, mine)
    assert mine == ours(
        nx.community.louvain_communities, G, weight="w", seed=seed, resolution=resolution
    )
    if G.number_of_edges():
        q_mine = nx.community.modularity(G, mine, weight="w", resolution=resolution)
        q_reference = nx.community.modularity(G, reference, weight="w", resolution=resolution)
        assert q_mine >= q_reference - 0.1


def test_louvain_modularity_on_a_larger_graph_is_close_to_networkx() -> None:
    G = nx.connected_caveman_graph(20, 8)  # noqa: N806
    G.add_edges_from((i, j) for i in range(0, 160, 3) if (j := (i * 37) % 160) != i)
    q_mine = nx.community.modularity(G, ours(nx.community.louvain_communities, G, seed=1))
    q_reference = nx.community.modularity(G, theirs(nx.community.louvain_communities, G, seed=1))
    assert abs(q_mine - q_reference) < 0.02


coloured = st.one_of(
    graphs(coloured=True),
    graphs(coloured=True, directed=True, self_loops=True),
    graphs(coloured=True, multigraph=True, self_loops=True),
    graphs(coloured=True, directed=True, multigraph=True),
)


@given(coloured, st.booleans(), st.booleans())
def test_attribute_mixing(G: nx.Graph, subset: bool, normalized: bool) -> None:  # noqa: N803
    nodes = list(G)[1::2] if subset else None
    assert ours(
        nx.attribute_mixing_dict, G, "colour", nodes=nodes, normalized=normalized
    ) == theirs(nx.attribute_mixing_dict, G, "colour", nodes=nodes, normalized=normalized)
    mapping = {value: i for i, value in enumerate([None, "red", 3, "green", "blue", "absent"])}
    mine = ours(nx.attribute_mixing_matrix, G, "colour", nodes=nodes, mapping=mapping)
    reference = theirs(nx.attribute_mixing_matrix, G, "colour", nodes=nodes, mapping=mapping)
    np.testing.assert_allclose(mine, reference, rtol=TOLERANCE, atol=TOLERANCE)
    assert same(
        ours(nx.attribute_assortativity_coefficient, G, "colour", nodes=nodes),
        theirs(nx.attribute_assortativity_coefficient, G, "colour", nodes=nodes),
    )


every_kind = st.one_of(
    graphs(weighted=True, coloured=True, self_loops=True),
    graphs(directed=True, weighted=True, coloured=True, self_loops=True),
    graphs(multigraph=True, weighted=True, coloured=True, self_loops=True),
    graphs(directed=True, multigraph=True, weighted=True, coloured=True),
)

AUTOMATIC: dict[str, Callable[[nx.Graph], Any]] = {
    "connected_components": lambda g: list(nx.connected_components(g)),
    "number_connected_components": nx.number_connected_components,
    "betweenness": nx.betweenness_centrality,
    "betweenness weighted": lambda g: nx.betweenness_centrality(g, weight="w"),
    "betweenness sampled": lambda g: nx.betweenness_centrality(g, k=min(3, len(g)), seed=5),
    "bridges": lambda g: sorted(map(sorted, map(map_repr, nx.bridges(g)))),
    "articulation_points": lambda g: sorted(map(repr, nx.articulation_points(g))),
    "core_number": nx.core_number,
    "constraint": nx.constraint,
    "constraint weighted": lambda g: nx.constraint(g, weight="w"),
    "effective_size": nx.effective_size,
    "effective_size weighted": lambda g: nx.effective_size(g, weight="w"),
    "assortativity": lambda g: nx.attribute_assortativity_coefficient(g, "colour"),
    "mixing": lambda g: sorted(  # the order of a mixing dict's keys is not part of it
        (repr(x), sorted((repr(y), n) for y, n in row.items()))
        for x, row in nx.attribute_mixing_dict(g, "colour").items()
    ),
}


def map_repr(edge: tuple[Hashable, Hashable]) -> list[str]:
    return [repr(x) for x in edge]


def outcome(call: Callable[[nx.Graph], Any], G: nx.Graph) -> Any:  # noqa: N803
    """The result of ``call(G)``, or the type of the error it raised."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            return call(G)
    except (nx.NetworkXException, KeyError, ZeroDivisionError) as error:
        return type(error)


def alike(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(alike(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float):
        return same(a, b)
    return bool(a == b)


@given(every_kind)
def test_automatic_conversion_never_changes_an_answer(G: nx.Graph) -> None:  # noqa: N803
    """Whatever the graph, a call gives networkx's answer: run here or declined by can_run."""
    for name, call in AUTOMATIC.items():
        reference = outcome(call, G)
        with isolated_config(backend_priority=["samenwerking"], min_nodes=0):
            found = outcome(call, G)
        assert alike(found, reference), name
