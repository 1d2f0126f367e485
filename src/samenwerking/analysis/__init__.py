"""Network analyses over the collaboration graph: plain functions, networkx style.

Every function accepts a networkx graph (from :func:`samenwerking.to_graph`) or a
:class:`~samenwerking.graph.CompactGraph` (from :func:`samenwerking.compact_graph`), which
is what makes them fast at regional and national scale.

Example
-------
>>> import samenwerking as sw
>>> G = sw.compact_graph(sw.example_region())
>>> found = sw.analysis.islands(G)
>>> found.largest.size > 100
True

The compiled kernels run on all cores; :func:`threads` limits them for a block of code:

>>> with sw.analysis.threads(1):
...     sw.analysis.get_threads()
1
"""

from samenwerking._jit import get_threads, threads
from samenwerking.analysis.betweenness_approx import ApproximateBetweenness, approximate_betweenness
from samenwerking.analysis.brokerage import BrokerageRoles, brokerage_roles
from samenwerking.analysis.brokers import betweenness
from samenwerking.analysis.bus_factor import LinkCarriers, bus_factor
from samenwerking.analysis.change import Change, Delta, IslandMerge, IslandSplit, compare
from samenwerking.analysis.cohesion import (
    core_numbers,
    degree_centralization,
    density,
    density_between,
    density_by,
    k_core,
    reciprocity,
)
from samenwerking.analysis.communities import Communities, communities
from samenwerking.analysis.islands import Island, Islands, islands
from samenwerking.analysis.mixing import (
    EIIndex,
    MixingMatrix,
    assortativity,
    ei_index,
    mixing_matrix,
)
from samenwerking.analysis.reach import (
    ContactReach,
    SchoolContact,
    nearest_contact,
    reach_counts,
    within_reach,
)
from samenwerking.analysis.structural_holes import constraint, effective_size
from samenwerking.analysis.trend import Snapshot, Trend, TrendRow, TrendStep, trend
from samenwerking.analysis.trust import Rating, TrustValue, trust_value
from samenwerking.analysis.weak_points import (
    WeakPoint,
    articulation_points,
    bridges,
    weak_points,
)

__all__ = [
    "ApproximateBetweenness",
    "BrokerageRoles",
    "Change",
    "Communities",
    "ContactReach",
    "Delta",
    "EIIndex",
    "Island",
    "IslandMerge",
    "IslandSplit",
    "Islands",
    "LinkCarriers",
    "MixingMatrix",
    "Rating",
    "SchoolContact",
    "Snapshot",
    "Trend",
    "TrendRow",
    "TrendStep",
    "TrustValue",
    "WeakPoint",
    "approximate_betweenness",
    "articulation_points",
    "assortativity",
    "betweenness",
    "bridges",
    "brokerage_roles",
    "bus_factor",
    "communities",
    "compare",
    "constraint",
    "core_numbers",
    "degree_centralization",
    "density",
    "density_between",
    "density_by",
    "effective_size",
    "ei_index",
    "get_threads",
    "islands",
    "k_core",
    "mixing_matrix",
    "nearest_contact",
    "reach_counts",
    "reciprocity",
    "threads",
    "trend",
    "trust_value",
    "weak_points",
    "within_reach",
]
