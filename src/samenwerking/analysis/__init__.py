"""Network analyses over the collaboration graph: plain functions, networkx style."""

from samenwerking.analysis.islands import Island, Islands, islands

__all__ = ["Island", "Islands", "islands"]
