"""A compact, immutable, undirected CSR graph of a region, built straight from its tie store.

Node ``i`` is ``region.professionals[i]``. Every pair of professionals joined by one or
more ties becomes one undirected edge whose ``weight`` counts those ties. The arrays are
laid out the way :mod:`scipy.sparse` expects (``indptr``/``indices``/``data``), so
analyses run on :meth:`CompactGraph.to_scipy` without copying, and a region of 600,000
professionals and 6,000,000 ties fits in roughly 150 MB.

Example
-------
>>> from samenwerking.synthetic import region
>>> G = compact_graph(region(200, seed=1))
>>> G.n_nodes
200
>>> bool((G.degree() == G.to_scipy().getnnz(axis=1)).all())
True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from functools import cached_property
from itertools import repeat
from operator import attrgetter
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from attrs import Factory, field, frozen

from samenwerking.errors import UnknownIdError
from samenwerking.graph._csr_kernels import arcs_csr
from samenwerking.model import Domain, Region, Role, Sector, TieStore

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CompactDiGraph",
    "CompactGraph",
    "built_compact_graph",
    "compact_digraph",
    "compact_graph",
]

_SECTORS: tuple[str, ...] = tuple(s.value for s in Sector)
_DOMAINS: tuple[str, ...] = tuple(d.value for d in Domain)
_ROLES: tuple[str, ...] = tuple(r.value for r in Role)
_ROLE_CODE = {r: i for i, r in enumerate(_ROLES)}
_ID, _ROLE, _ORGANISATIONS = attrgetter("id"), attrgetter("role"), attrgetter("organisations")
_EVERY_WAY = np.zeros(0, np.bool_)
"""``arcs_csr``'s ``both`` for an undirected graph: every tie in both rows."""
_ONES = np.zeros(0, np.float64)
"""``arcs_csr``'s ``weights`` when each tie counts 1."""
_SECTOR_DOMAIN = np.array([_DOMAINS.index(Sector(s).domain.value) for s in _SECTORS], np.int16)


def _readonly(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    array.flags.writeable = False
    return array


@frozen(eq=False, slots=False)
class CompactGraph:
    """An undirected graph in compressed sparse row (CSR) form, with coded node attributes.

    Neighbours of node ``i`` are ``indices[indptr[i]:indptr[i + 1]]`` (sorted, no self
    loops, each edge stored in both directions). Node attributes are small integer codes
    into the vocabularies (``sectors``, ``domains``, ``municipalities``, ``organisations``);
    ``-1`` means unknown. All arrays are read-only.

    Build one with :func:`compact_graph` (or :meth:`from_region`, :meth:`from_networkx`).

    Example
    -------
    >>> import networkx as nx
    >>> G = CompactGraph.from_networkx(nx.path_graph(["a", "b", "c"]))
    >>> G.n_nodes, G.n_edges, G.neighbors(G.index_of("b")).tolist()
    (3, 2, [0, 2])
    """

    ids: tuple[Hashable, ...]
    """Node ``i`` is ``ids[i]`` (a professional id when built from a region)."""
    indptr: npt.NDArray[np.int64] = field(converter=_readonly)
    """Row pointers, ``n_nodes + 1`` long."""
    indices: npt.NDArray[np.int32] = field(converter=_readonly)
    """Neighbour positions, sorted within each row, symmetric, without self loops."""
    weight: npt.NDArray[np.float64] = field(converter=_readonly)
    """The number of ties behind each entry of :attr:`indices`."""
    sector: npt.NDArray[np.int16] = field(converter=_readonly)
    """Each node's sector, as a position in :attr:`sectors` (``-1``: unknown)."""
    domain: npt.NDArray[np.int16] = field(converter=_readonly)
    """Each node's domain, as a position in :attr:`domains` (``-1``: unknown)."""
    municipality: npt.NDArray[np.int32] = field(converter=_readonly)
    """Each node's municipality, as a position in :attr:`municipalities` (``-1``: unknown)."""
    organisation: npt.NDArray[np.int32] = field(converter=_readonly)
    """Each node's main organisation, as a position in :attr:`organisations` (``-1``: unknown)."""
    sectors: tuple[str, ...] = _SECTORS
    """Sector vocabulary (enum values)."""
    domains: tuple[str, ...] = _DOMAINS
    """Domain vocabulary (enum values)."""
    municipalities: tuple[str, ...] = ()
    """Municipality vocabulary."""
    organisations: tuple[str, ...] = ()
    """Organisation id vocabulary."""
    name: str = ""
    """The region's name."""
    role: npt.NDArray[np.int16] = field(
        default=Factory(lambda self: np.full(self.n_nodes, -1, np.int16), takes_self=True),
        converter=_readonly,
    )
    """Each node's role, as a position in :attr:`roles` (``-1``: unknown)."""
    roles: tuple[str, ...] = _ROLES
    """Role vocabulary (enum values)."""

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_region(cls, region: Region) -> CompactGraph:
        """Build the graph of a region's professionals, reading tie columns directly.

        Ties naming an unknown professional and ties from a professional to themselves
        are skipped (:meth:`Region.validate` reports both).
        """
        professionals = region.professionals
        n = len(professionals)
        ids = tuple(map(_ID, professionals))
        store = region.ties
        source, target = _endpoints(store, ids, None)
        indptr, indices, weight = arcs_csr(source, target, _EVERY_WAY, _ONES, n)
        del source, target

        organisations = tuple(o.id for o in region.organisations)
        municipalities = region.municipalities
        org_position = {oid: i for i, oid in enumerate(organisations)}
        muni_position = {m: i for i, m in enumerate(municipalities)}
        org_sector = np.array(
            [_SECTORS.index(o.sector.value) for o in region.organisations] + [-1], np.int16
        )
        org_muni = np.array(
            [muni_position[o.municipality] for o in region.organisations] + [-1], np.int32
        )
        main = (o[0] for o in map(_ORGANISATIONS, professionals))  # the main organisation
        org = np.fromiter(map(org_position.get, main, repeat(-1)), np.int32, n)
        sector = org_sector[org]
        domain = np.where(sector >= 0, _SECTOR_DOMAIN[sector], -1).astype(np.int16)
        return cls(
            ids=ids,
            indptr=indptr,
            indices=indices,
            weight=weight,
            sector=sector,
            domain=domain,
            municipality=org_muni[org],
            organisation=org,
            municipalities=municipalities,
            organisations=organisations,
            name=region.name,
            # A StrEnum member hashes as its value: no .value lookup per professional.
            role=np.fromiter(map(_ROLE_CODE.__getitem__, map(_ROLE, professionals)), np.int16, n),
        )

    @classmethod
    def from_networkx(cls, G: nx.Graph, *, weight: str = "ties") -> CompactGraph:  # noqa: N803
        """Build from a networkx graph, reading the node attributes :func:`to_graph` sets.

        Nodes keep their order; ``weight`` names the edge attribute that counts ties
        (missing: 1). A directed graph is made undirected, taking the larger weight of
        the two directions; self loops are dropped.
        """
        ids = tuple(G.nodes)
        n = len(ids)
        position = {node: i for i, node in enumerate(ids)}
        pairs: dict[tuple[int, int], float] = {}
        for u, v, w in G.edges(data=weight, default=1):
            a, b = position[u], position[v]
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            pairs[key] = max(pairs.get(key, 0.0), float(w))
        rows = np.fromiter((k[0] for k in pairs), np.int32, len(pairs))
        cols = np.fromiter((k[1] for k in pairs), np.int32, len(pairs))
        counts = np.fromiter(pairs.values(), np.float64, len(pairs))
        indptr, indices, weights = arcs_csr(rows, cols, _EVERY_WAY, counts, n)

        def coded(attribute: str, base: Sequence[str] = ()) -> tuple[Any, tuple[str, ...]]:
            values = [G.nodes[node].get(attribute) for node in ids]
            extra = sorted({str(v) for v in values if v is not None} - set(base))
            vocabulary = (*base, *extra)
            code = {v: i for i, v in enumerate(vocabulary)}
            array = np.fromiter(
                (-1 if v is None else code[str(v)] for v in values), np.int32, len(values)
            )
            return array, vocabulary

        sector, sectors = coded("sector", _SECTORS)
        domain, domains = coded("domain", _DOMAINS)
        municipality, municipalities = coded("municipality")
        organisation, organisations = coded("organisation")
        role, roles = coded("role", _ROLES)
        return cls(
            ids=ids,
            indptr=indptr,
            indices=indices,
            weight=weights,
            sector=sector.astype(np.int16),
            domain=domain.astype(np.int16),
            municipality=municipality,
            organisation=organisation,
            sectors=sectors,
            domains=domains,
            municipalities=municipalities,
            organisations=organisations,
            name=str(G.graph.get("name", "")),
            role=role.astype(np.int16),
            roles=roles,
        )

    # -- queries ------------------------------------------------------------------------
    @property
    def n_nodes(self) -> int:
        """The number of nodes."""
        return len(self.indptr) - 1

    @property
    def n_edges(self) -> int:
        """The number of undirected edges (distinct tied pairs)."""
        return len(self.indices) // 2

    def degree(self, *, weighted: bool = False) -> npt.NDArray[Any]:
        """Each node's number of neighbours (or, ``weighted``, of ties)."""
        counts = np.diff(self.indptr)
        if not weighted:
            return counts
        rows = np.repeat(np.arange(self.n_nodes), counts)
        return np.bincount(rows, weights=self.weight, minlength=self.n_nodes)

    def neighbors(self, i: int) -> npt.NDArray[np.int32]:
        """The neighbours of node ``i``, as positions (a read-only view)."""
        return self.indices[self.indptr[i] : self.indptr[i + 1]]

    @cached_property
    def _position(self) -> dict[Hashable, int]:
        return {node: i for i, node in enumerate(self.ids)}

    def index_of(self, node: Hashable) -> int:
        """The position of a node id; raises :class:`UnknownIdError` if there is none."""
        try:
            return self._position[node]
        except KeyError:
            raise UnknownIdError("node", str(node), [str(i) for i in self.ids[:5]]) from None

    def to_scipy(self) -> Any:
        """The weighted adjacency matrix as a ``scipy.sparse.csr_matrix`` sharing the arrays."""
        from scipy.sparse import csr_matrix

        return csr_matrix(
            (self.weight, self.indices, self.indptr), shape=(self.n_nodes, self.n_nodes), copy=False
        )

    def decode(self, attribute: str) -> list[str | None]:
        """Each node's ``sector``, ``domain``, ``municipality``, ``organisation`` or ``role``."""
        vocabularies = {
            "sector": self.sectors,
            "domain": self.domains,
            "municipality": self.municipalities,
            "organisation": self.organisations,
            "role": self.roles,
        }
        if attribute not in vocabularies:
            raise KeyError(
                f"no node attribute {attribute!r}; choose from {', '.join(vocabularies)}"
            )
        vocabulary = vocabularies[attribute]
        codes: Iterable[int] = getattr(self, attribute).tolist()
        return [vocabulary[c] if c >= 0 else None for c in codes]

    @property
    def nbytes(self) -> int:
        """Memory held by the arrays, in bytes (ids not counted)."""
        arrays = (self.indptr, self.indices, self.weight, self.sector, self.domain)
        extra = self.municipality.nbytes + self.organisation.nbytes + self.role.nbytes
        return sum(a.nbytes for a in arrays) + extra

    def __repr__(self) -> str:
        return f"<CompactGraph {self.name!r}: {self.n_nodes} nodes, {self.n_edges} edges>"


def _endpoints(
    store: TieStore, ids: tuple[Hashable, ...], position: dict[Hashable, int] | None
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """The ties' ends as node positions (``-1``: a professional the graph does not have)."""
    if store.ids == ids:  # the usual case: the store's vocabulary is the professionals
        return store.source, store.target
    if position is None:
        position = {pid: i for i, pid in enumerate(ids)}
    remap = np.fromiter((position.get(i, -1) for i in store.ids), np.int32, len(store.ids))
    if not len(store):
        return np.empty(0, np.int32), np.empty(0, np.int32)
    return remap[store.source], remap[store.target]


def compact_graph(region: Region) -> CompactGraph:
    """The compact undirected graph of a region's professionals and ties.

    Parameters
    ----------
    region : Region
        The region; node ``i`` is ``region.professionals[i]``.

    Returns
    -------
    CompactGraph
        Edge weights count the ties between each pair, whatever their kind or direction.
        It is built once per region and then shared (both are immutable), so analyses
        that each take the region do not build it again; it lives as long as the region
        does. :meth:`CompactGraph.from_region` always builds a new one.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(200, seed=1)
    >>> G = compact_graph(r)
    >>> G.n_edges <= len(r.ties), compact_graph(r) is G
    (True, True)
    """
    graph: CompactGraph = region._compact_graph
    return graph


def built_compact_graph(region: Region) -> CompactGraph | None:
    """The region's compact graph if :func:`compact_graph` has built it already, else ``None``.

    For analyses that can read a region either way: the graph's codes when it is there,
    without building it only for them.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(200, seed=1)
    >>> built_compact_graph(r) is None
    True
    >>> compact_graph(r) is built_compact_graph(r)
    True
    """
    # Region._compact_graph is a cached_property; attrs keeps its value in a slot, which
    # reads as unset (AttributeError) until built. A class with a __dict__ keeps it there.
    name = "_compact_graph"
    slot = next((k.__dict__[name] for k in type(region).__mro__ if name in k.__dict__), None)
    try:
        if isinstance(slot, MemberDescriptorType):
            graph: CompactGraph = slot.__get__(region)
        else:
            graph = vars(region)["_compact_graph"]
    except (AttributeError, KeyError, TypeError):
        return None
    return graph


@frozen(eq=False, slots=False)
class CompactDiGraph:
    """A directed graph in CSR form: each node's out-arcs, beside its undirected graph.

    Out-neighbours of node ``i`` are ``indices[indptr[i]:indptr[i + 1]]`` (sorted, no self
    loops, one entry per arc). Ids and node attributes are those of :attr:`undirected`, the
    :class:`CompactGraph` of the same ties with directions forgotten, so every analysis
    that ignores direction takes that one. Build with :func:`compact_digraph` or
    :meth:`from_networkx`.

    Example
    -------
    >>> import networkx as nx
    >>> D = CompactDiGraph.from_networkx(nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b")]))
    >>> D.n_arcs, D.successors(D.undirected.index_of("b")).tolist(), D.undirected.n_edges
    (3, [2], 2)
    """

    undirected: CompactGraph
    """The same nodes with every arc as an undirected edge (ids and attributes live here)."""
    indptr: npt.NDArray[np.int64] = field(converter=_readonly)
    """Row pointers of the out-arcs, ``n_nodes + 1`` long."""
    indices: npt.NDArray[np.int32] = field(converter=_readonly)
    """Arc heads, sorted within each row, without self loops."""
    weight: npt.NDArray[np.float64] = field(converter=_readonly)
    """The number of ties behind each arc."""

    @classmethod
    def from_region(cls, region: Region) -> CompactDiGraph:
        """The arcs of a region's ties: ``source -> target``, and back unless ``directed``.

        The same arcs as ``to_graph(region, directed=True)``, read from the tie columns.
        Ties naming an unknown professional and self ties are skipped.
        """
        undirected = compact_graph(region)  # the region's own, when it was built before
        store = region.ties
        source, target = _endpoints(store, undirected.ids, undirected._position)
        both = ~store.column("directed")  # no ties: empty, and there is no arc either way
        return cls(undirected, *arcs_csr(source, target, both, _ONES, undirected.n_nodes))

    @classmethod
    def from_networkx(cls, G: nx.DiGraph, *, weight: str = "ties") -> CompactDiGraph:  # noqa: N803
        """Build from a directed networkx graph (arcs as they are; self loops dropped).

        ``weight`` names the edge attribute that counts ties (missing: 1); the undirected
        graph takes the larger weight of the two directions, as
        :meth:`CompactGraph.from_networkx` does.
        """
        undirected = CompactGraph.from_networkx(G, weight=weight)
        position = undirected._position
        m = G.number_of_edges()
        tails = np.empty(m, np.int32)
        heads = np.empty(m, np.int32)
        counts = np.empty(m, np.float64)
        for k, (u, v, w) in enumerate(G.edges(data=weight, default=1)):
            tails[k], heads[k], counts[k] = position[u], position[v], w
        one_way = np.zeros(m, np.bool_)
        return cls(undirected, *arcs_csr(tails, heads, one_way, counts, undirected.n_nodes))

    @property
    def n_nodes(self) -> int:
        """The number of nodes."""
        return len(self.indptr) - 1

    @property
    def n_arcs(self) -> int:
        """The number of arcs (distinct ordered pairs)."""
        return len(self.indices)

    @property
    def ids(self) -> tuple[Hashable, ...]:
        """Node ``i`` is ``ids[i]``."""
        return self.undirected.ids

    def successors(self, i: int) -> npt.NDArray[np.int32]:
        """The heads of node ``i``'s out-arcs, as positions (a read-only view)."""
        return self.indices[self.indptr[i] : self.indptr[i + 1]]

    def to_scipy(self) -> Any:
        """The weighted arc matrix (row: tail, column: head) sharing the arrays."""
        from scipy.sparse import csr_matrix

        n = self.n_nodes
        return csr_matrix((self.weight, self.indices, self.indptr), shape=(n, n), copy=False)

    def __repr__(self) -> str:
        name = self.undirected.name
        return f"<CompactDiGraph {name!r}: {self.n_nodes} nodes, {self.n_arcs} arcs>"


def compact_digraph(region: Region) -> CompactDiGraph:
    """The compact directed graph of a region's professionals and ties.

    Parameters
    ----------
    region : Region
        The region; node ``i`` is ``region.professionals[i]``.

    Returns
    -------
    CompactDiGraph
        An arc ``source -> target`` per tie, and ``target -> source`` too unless the tie is
        ``directed`` (a survey answer only the source gave); arc weights count the ties.

    Example
    -------
    >>> from samenwerking.synthetic import region
    >>> r = region(200, seed=1)
    >>> D = compact_digraph(r)
    >>> D.n_nodes, D.undirected.n_edges == compact_graph(r).n_edges
    (200, True)
    """
    return CompactDiGraph.from_region(region)
