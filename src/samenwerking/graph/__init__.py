"""Graph views of a region: a networkx graph for everything networkx can do, and a
compact CSR form built straight from the tie store for analyses that need speed.
"""

from samenwerking.graph.compact import CompactDiGraph, CompactGraph, compact_digraph, compact_graph
from samenwerking.graph.networkx_view import to_graph

__all__ = ["CompactDiGraph", "CompactGraph", "compact_digraph", "compact_graph", "to_graph"]
