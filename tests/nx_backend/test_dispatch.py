"""The backend as networkx's dispatcher sees it: registration, signatures, fallbacks.

Whether a call ran in the backend is observed with a spy wrapped around the backend's
function on the object networkx loaded from the entry point.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nx_graphs import graphs, isolated_config

import _samenwerking_nx
from samenwerking.errors import InvalidArgumentError, SamenwerkingError
from samenwerking.nx_backend import (
    FUNCTIONS,
    BackendGraph,
    backend_interface,
    can_run,
    from_networkx,
    to_networkx,
)
from samenwerking.nx_backend.graph import UnsupportedGraphError
from samenwerking.nx_backend.interface import convert_from_nx

REGISTERED = nx.utils.backends._registered_algorithms


class Spy:
    """Counts the calls that reach one backend function."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.calls = 0
        original: Callable[..., Any] = getattr(backend_interface, name)

        def spy(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(backend_interface, name, spy)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Spy]:
    return lambda name: Spy(monkeypatch, name)


@pytest.fixture(autouse=True)
def no_cache() -> Iterator[None]:
    with isolated_config():
        yield


def test_the_entry_points_register_the_backend() -> None:
    assert nx.utils.backends.backends["samenwerking"].value == (
        "samenwerking.nx_backend.interface:backend_interface"
    )
    info = nx.utils.backends.backend_info["samenwerking"]
    assert set(info["functions"]) == set(FUNCTIONS)
    assert nx.config.backends.samenwerking.min_nodes == 100
    assert nx.utils.backends._load_backend("samenwerking") is backend_interface


def test_the_backend_answers_to_exactly_its_functions() -> None:
    """No attribute may shadow another dispatchable (``density`` is bipartite's there)."""
    implemented = {name for name in REGISTERED if hasattr(backend_interface, name)}
    assert implemented == set(FUNCTIONS) == set(_samenwerking_nx.FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signatures_are_networkx_own(name: str) -> None:
    theirs = inspect.signature(REGISTERED[name].orig_func).parameters
    ours = inspect.signature(getattr(backend_interface, name)).parameters
    assert [(p.name, p.default) for p in ours.values()] == [
        (p.name, p.default) for p in theirs.values()
    ]


def test_automatic_conversion_runs_here(spy: Callable[[str], Spy]) -> None:
    watch = spy("betweenness_centrality")
    G = nx.karate_club_graph()  # noqa: N806
    reference = nx.betweenness_centrality(G, k=8, seed=3)
    with isolated_config(backend_priority=["samenwerking"], min_nodes=0):
        found = nx.betweenness_centrality(G, k=8, seed=3)
    assert watch.calls == 1
    assert found == pytest.approx(reference, abs=1e-12)


def test_small_graphs_stay_with_networkx_when_converting_automatically(
    spy: Callable[[str], Spy],
) -> None:
    watch = spy("core_number")
    with isolated_config(backend_priority=["samenwerking"]):
        nx.core_number(nx.path_graph(99))
        assert watch.calls == 0
        nx.core_number(nx.path_graph(100))
        assert watch.calls == 1
        nx.core_number(nx.path_graph(3), backend="samenwerking")  # asked for: always here
        assert watch.calls == 2


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("betweenness_centrality", lambda g: nx.betweenness_centrality(g, weight="weight")),
        ("betweenness_centrality", lambda g: nx.betweenness_centrality(g, endpoints=True)),
        ("betweenness_centrality", lambda g: nx.betweenness_centrality(g.to_directed())),
        ("louvain_communities", lambda g: nx.community.louvain_communities(g, threshold=0.1)),
        ("louvain_communities", lambda g: nx.community.louvain_communities(g.to_directed())),
        ("constraint", lambda g: nx.constraint(nx.MultiGraph(g))),
        ("effective_size", lambda g: nx.effective_size(g, weight="weight")),
        ("attribute_mixing_matrix", lambda g: nx.attribute_mixing_matrix(g, "club")),
    ],
)
def test_what_the_kernels_cannot_do_falls_back_to_networkx(
    spy: Callable[[str], Spy], name: str, call: Callable[[nx.Graph], Any]
) -> None:
    watch = spy(name)
    G = nx.karate_club_graph()  # noqa: N806
    reference = call(G)
    with isolated_config(backend_priority=["samenwerking"], min_nodes=0):
        found = call(G)
    assert watch.calls == 0
    if name == "louvain_communities":
        return  # seeded from the global random state: not comparable
    assert str(found) == str(reference)


def test_asking_for_the_backend_where_it_cannot_run_is_an_error() -> None:
    G = nx.karate_club_graph()  # noqa: N806
    with pytest.raises(NotImplementedError, match="not implemented by 'samenwerking'"):
        nx.betweenness_centrality(G, weight="weight", backend="samenwerking")
    with pytest.raises(NotImplementedError):
        nx.pagerank(G, backend="samenwerking")


def test_networkx_own_errors_stay() -> None:
    G = nx.Graph([(1, 1), (1, 2)])  # noqa: N806
    with (
        isolated_config(backend_priority=["samenwerking"], min_nodes=0),
        pytest.raises(nx.NetworkXNotImplemented, match="self loops"),
    ):
        nx.core_number(G)
    with pytest.raises(nx.NetworkXNotImplemented):
        nx.connected_components(nx.DiGraph([(1, 2)]), backend="samenwerking")


def test_a_backend_graph_is_used_without_converting(spy: Callable[[str], Spy]) -> None:
    watch = spy("core_number")
    G = nx.karate_club_graph()  # noqa: N806
    B = from_networkx(G)  # noqa: N806
    assert nx.core_number(B) == nx.core_number(G)
    assert watch.calls == 1


def test_can_run_checks_what_a_backend_graph_holds() -> None:
    G = nx.karate_club_graph()  # noqa: N806
    B = from_networkx(G)  # noqa: N806
    assert "without edge attribute 'weight'" in str(
        can_run("constraint", (B,), {"weight": "weight"})
    )
    assert "without node attribute" in str(
        can_run("attribute_assortativity_coefficient", (B, "club"), {})
    )
    weighted = from_networkx(G, edge_attrs={"weight": 1}, node_attrs={"club": None})
    assert can_run("constraint", (weighted,), {"weight": "weight"}) is True
    assert can_run("attribute_assortativity_coefficient", (weighted, "club"), {}) is True
    G.add_edge(0, 1, weight=-1)
    assert can_run("constraint", (G,), {"weight": "weight"}) is True  # checked once converted
    with pytest.raises(NotImplementedError) as raised:
        nx.constraint(G, weight="weight", backend="samenwerking")
    assert "positive finite" in str(raised.value.__cause__)
    with isolated_config(backend_priority=["samenwerking"], min_nodes=0):
        found = nx.constraint(G, weight="weight")
    assert str(found) == str(nx.constraint(G, weight="weight", backend="networkx"))
    assert "unexpected" in str(can_run("core_number", (G,), {"colour": 1}))


def test_conversion_keeps_only_what_it_can() -> None:
    assert issubclass(UnsupportedGraphError, InvalidArgumentError)
    assert issubclass(UnsupportedGraphError, SamenwerkingError)
    assert issubclass(UnsupportedGraphError, NotImplementedError)  # networkx: "cannot"
    with pytest.raises(NotImplementedError):
        convert_from_nx(nx.path_graph(3), preserve_edge_attrs=True)
    with pytest.raises(UnsupportedGraphError, match="networkx graphs, got list"):
        from_networkx([1, 2])  # type: ignore[arg-type]
    with pytest.raises(UnsupportedGraphError, match="one edge attribute"):
        from_networkx(nx.path_graph(3), edge_attrs={"a": 1, "b": 1})
    G = nx.Graph([(1, 2, {"w": "heavy"}), (2, 3)])  # noqa: N806
    with pytest.raises(UnsupportedGraphError, match="'w' holds values that are not numbers"):
        from_networkx(G, edge_attrs={"w": 1})
    with pytest.raises(NotImplementedError):
        nx.community.louvain_communities(G, weight="w", backend="samenwerking")


kinds = st.one_of(
    graphs(weighted=True, coloured=True, self_loops=True),
    graphs(directed=True, weighted=True, coloured=True),
    graphs(multigraph=True, weighted=True, self_loops=True),
    graphs(directed=True, multigraph=True, coloured=True),
)


@given(kinds)
def test_conversion_round_trips(G: nx.Graph) -> None:  # noqa: N803
    B = from_networkx(G, edge_attrs={"w": 1}, node_attrs={"colour": "none"})  # noqa: N806
    assert isinstance(B, BackendGraph) and B.__networkx_backend__ == "samenwerking"
    H = to_networkx(B)  # noqa: N806
    assert type(H) is type(G)
    assert list(H) == list(G)

    def edges(graph: nx.Graph) -> list[str]:
        return sorted(repr((u, v, float(w))) for u, v, w in graph.edges(data="w", default=1))

    assert edges(H) == edges(G)  # weights come back as floats
    assert dict(H.nodes(data="colour")) == dict(G.nodes(data="colour", default="none"))
    assert B.number_of_edges() == G.number_of_edges()
    assert B.self_loops == nx.number_of_selfloops(G)
    simple = nx.Graph(G.to_undirected() if G.is_directed() else G)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    assert B.compact.n_edges == simple.number_of_edges()


def test_zero_weights_keep_their_edges() -> None:
    G = nx.Graph([(1, 2, {"w": 0}), (2, 3, {"w": 2}), (3, 1, {"w": 0.0})])  # noqa: N806
    B = from_networkx(G, edge_attrs={"w": 1})  # noqa: N806
    assert B.compact.n_edges == 3
    assert sorted(B.compact.weight.tolist()) == [0.0, 0.0, 0.0, 0.0, 2.0, 2.0]
    assert "positive" in str(can_run("constraint", (B,), {"weight": "w"}))
    assert can_run("bridges", (B,), {}) is True
    assert list(nx.bridges(B)) == []
