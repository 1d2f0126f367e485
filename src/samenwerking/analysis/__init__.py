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
"""

from samenwerking.analysis.brokerage import BrokerageRoles, brokerage_roles
from samenwerking.analysis.brokers import betweenness
from samenwerking.analysis.bus_factor import LinkCarriers, bus_factor
from samenwerking.analysis.islands import Island, Islands, islands
from samenwerking.analysis.reach import (
    ContactReach,
    SchoolContact,
    nearest_contact,
    reach_counts,
    within_reach,
)
from samenwerking.analysis.structural_holes import constraint, effective_size
from samenwerking.analysis.weak_points import (
    WeakPoint,
    articulation_points,
    bridges,
    weak_points,
)

__all__ = [
    "BrokerageRoles",
    "ContactReach",
    "Island",
    "Islands",
    "LinkCarriers",
    "SchoolContact",
    "WeakPoint",
    "articulation_points",
    "betweenness",
    "bridges",
    "brokerage_roles",
    "bus_factor",
    "constraint",
    "effective_size",
    "islands",
    "nearest_contact",
    "reach_counts",
    "weak_points",
    "within_reach",
]
