"""The register plugin: an adapter for the register export, and the labels it uses."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from samenwerking.errors import UnsupportedSourceError
from samenwerking.model import Region, Role, Sector
from samenwerking.plugins import hookimpl, plugins
from samenwerking_register.reader import read_register

__all__ = [
    "RegisterAdapter",
    "samenwerking_map_role",
    "samenwerking_map_sector",
    "samenwerking_source_adapters",
]

SCHEME = "register:"

SECTORS = {
    "basisonderwijs": Sector.PRIMARY_SCHOOL,
    "voortgezet onderwijs": Sector.SECONDARY_SCHOOL,
    "gemeente": Sector.MUNICIPALITY,
    "wijkteam": Sector.NEIGHBOURHOOD_TEAM,
    "jeugdgezondheidszorg": Sector.YOUTH_HEALTH,
    "jeugdhulp": Sector.YOUTH_CARE,
}
ROLES = {
    "leerkracht": Role.TEACHER,
    "intern begeleider": Role.INTERN_BEGELEIDER,
    "jeugdconsulent": Role.YOUTH_CONSULTANT,
    "gezinscoach": Role.FAMILY_COACH,
    "jeugdverpleegkundige": Role.YOUTH_NURSE,
    "leerplichtambtenaar": Role.ATTENDANCE_OFFICER,
}


class RegisterAdapter:
    """Reads ``register:path/to/export.csv``, the register export of the sociaal domein."""

    name = "register"
    description = "the sociaal-domein register export (register:path/to/export.csv)"

    def can_read(self, source: str | os.PathLike[str]) -> bool:
        """Sources written ``register:<path>``."""
        return isinstance(source, str) and source.startswith(SCHEME)

    def read(
        self, source: str | os.PathLike[str], *, validate: bool = True, **options: Any
    ) -> Region:
        """Read the export; the one option is ``name``, the region's name."""
        unknown = sorted(set(options) - {"name"})
        if unknown:
            raise UnsupportedSourceError(f"the register adapter has no options {unknown}")
        path = Path(str(source).removeprefix(SCHEME))
        labels = plugins()  # every installed plugin may map labels, not only this one
        region = read_register(
            path,
            sector_of=lambda label: labels.map_sector(label, self.name),
            role_of=lambda label: labels.map_role(label, self.name),
            name=options.get("name"),
        )
        return region.validate() if validate else region


@hookimpl
def samenwerking_source_adapters() -> list[RegisterAdapter]:
    """The register adapter."""
    return [RegisterAdapter()]


@hookimpl
def samenwerking_map_sector(label: str, source: str) -> Sector | None:
    """The register's kinds of organisation (only for the register's own export)."""
    if source != RegisterAdapter.name:
        return None
    return SECTORS.get(label.strip().lower())


@hookimpl
def samenwerking_map_role(label: str, source: str) -> Role | None:
    """The register's job titles (only for the register's own export)."""
    if source != RegisterAdapter.name:
        return None
    return ROLES.get(label.strip().lower())
