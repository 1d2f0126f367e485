"""samenwerking: measure and strengthen collaboration around children.

Example
-------
>>> import samenwerking as sw
>>> region = sw.example_region()
>>> region.name
'Lindenhoeve'
"""

from samenwerking import (
    analysis,
    cases,
    governance,
    introduce,
    planner,
    plugins,
    privacy,
    synthetic,
    team,
)
from samenwerking.errors import (
    InvalidArgumentError,
    InvalidRegionError,
    Problem,
    SamenwerkingError,
    SourceNotFoundError,
    UnknownIdError,
    UnsupportedSourceError,
)
from samenwerking.example import example_region
from samenwerking.frames import to_frame
from samenwerking.graph import CompactGraph, compact_graph, to_graph
from samenwerking.io import load, save
from samenwerking.io.frames import from_frames
from samenwerking.model import *  # noqa: F403
from samenwerking.model import __all__ as _model_all

__version__ = "0.1.0"

__all__ = [
    "InvalidArgumentError",
    "InvalidRegionError",
    "Problem",
    "SamenwerkingError",
    "SourceNotFoundError",
    "UnknownIdError",
    "UnsupportedSourceError",
    "CompactGraph",
    "__version__",
    "analysis",
    "cases",
    "compact_graph",
    "example_region",
    "from_frames",
    "governance",
    "introduce",
    "load",
    "planner",
    "plugins",
    "privacy",
    "save",
    "synthetic",
    "team",
    "to_frame",
    "to_graph",
    *_model_all,
]
