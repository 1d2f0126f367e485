"""The ``survey`` plugin's hook implementations, registered through the entry point.

Example
-------
>>> [a.name for a in samenwerking_source_adapters()]
['survey']
>>> samenwerking_map_sector(label="Wijkteam", source="survey")
<Sector.NEIGHBOURHOOD_TEAM: 'neighbourhood_team'>
"""

from __future__ import annotations

from collections.abc import Sequence

from samenwerking.model import Role, Sector
from samenwerking.plugins.hookspecs import SourceAdapter, hookimpl
from samenwerking_survey.labels import default_role, default_sector
from samenwerking_survey.survey import SurveyAdapter

__all__ = [
    "samenwerking_map_role",
    "samenwerking_map_sector",
    "samenwerking_source_adapters",
]


@hookimpl
def samenwerking_source_adapters() -> Sequence[SourceAdapter]:
    """Contribute the ``survey`` adapter."""
    return [SurveyAdapter()]


@hookimpl(trylast=True)
def samenwerking_map_sector(label: str, source: str) -> Sector | None:
    """Map common Dutch sector labels (basisschool, jeugdhulp, JGZ, CJG, wijkteam, ...).

    Runs last, so any other plugin's mapping wins; answers for every source.
    """
    return default_sector(label)


@hookimpl(trylast=True)
def samenwerking_map_role(label: str, source: str) -> Role | None:
    """Map common Dutch role labels (IB'er, leerplichtambtenaar, jeugdverpleegkundige, ...).

    Runs last, so any other plugin's mapping wins; answers for every source.
    """
    return default_role(label)
