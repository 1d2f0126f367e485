"""samenwerking-duo: read DUO open onderwijsdata and the SWV map into a samenwerking region.

Example
-------
>>> from samenwerking_duo import DuoAdapter, normalise_municipality
>>> DuoAdapter().name, normalise_municipality("VOORST")
('duo', 'Voorst')
"""

from samenwerking_duo.adapter import SCHEME, DuoAdapter, read_duo, split_source
from samenwerking_duo.build import board_id, build_region
from samenwerking_duo.names import municipality_key, normalise_municipality
from samenwerking_duo.reader import (
    SchoolLocation,
    SwvArea,
    kind_of,
    read_locations,
    read_swv_map,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEME",
    "DuoAdapter",
    "SchoolLocation",
    "SwvArea",
    "__version__",
    "board_id",
    "build_region",
    "kind_of",
    "municipality_key",
    "normalise_municipality",
    "read_duo",
    "read_locations",
    "read_swv_map",
    "split_source",
]
