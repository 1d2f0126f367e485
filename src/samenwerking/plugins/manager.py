"""The plugin manager: built-in and installed plugins, behind a small typed wrapper.

:func:`get_plugin_manager` makes a *new* :class:`pluggy.PluginManager` on every call (no
hidden global state): it adds the hook specifications, registers the built-in plugins,
loads the entry-point group ``samenwerking``, honours the block list and checks that
every hook implementation names a known hook. :class:`Plugins` wraps a manager so that
the rest of the code never calls ``pm.hook.x(...)`` itself, and isolates faulty plugins:

- a plugin that cannot be imported or registered, or implements a misspelt hook, raises
  :class:`PluginError` naming the plugin (block it with ``SAMENWERKING_BLOCK_PLUGINS``);
- a hook implementation that raises, or returns something of the wrong type, is skipped:
  its contribution is left out, other plugins' results are kept, and a
  :class:`PluginWarning` naming the plugin and the hook is issued and recorded in
  :attr:`Plugins.problems`.

Example
-------
>>> p = plugins(load_entry_points=False)
>>> [a.name for a in p.adapters()]
['json', 'csv', 'excel', 'parquet']
>>> p.exporter("graphml").name
'graphml'
"""

from __future__ import annotations

import importlib.metadata
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs
import pluggy

from samenwerking.errors import (
    Problem,
    SamenwerkingError,
    SamenwerkingWarning,
    UnsupportedSourceError,
)
from samenwerking.model import Region, Role, Sector
from samenwerking.plugins import hookspecs
from samenwerking.plugins.hookspecs import PROJECT, Exporter, SourceAdapter, ValidationCheck

__all__ = [
    "BLOCK_ENV",
    "PluginError",
    "PluginInfo",
    "PluginWarning",
    "Plugins",
    "Provided",
    "blocked_from_env",
    "get_plugin_manager",
    "plugins",
]

BLOCK_ENV = "SAMENWERKING_BLOCK_PLUGINS"
"""Environment variable with comma-separated names of plugins not to register."""

_T = TypeVar("_T")


class PluginError(SamenwerkingError, RuntimeError):
    """A plugin failed: it could not be loaded, or one of its hooks or adapters raised.

    ``plugin`` and ``hook`` name what failed.
    """

    def __init__(self, message: str, *, plugin: str, hook: str = "") -> None:
        self.plugin = plugin
        self.hook = hook
        super().__init__(message)


class PluginWarning(SamenwerkingWarning):
    """A plugin's hook raised or returned nonsense; its contribution was left out."""


@attrs.frozen
class Provided:
    """One thing a plugin provides: an adapter, an exporter, a mapping, a check, a section."""

    kind: str
    """``adapter``, ``exporter``, ``sector mapping``, ``role mapping``, ``check`` or ``report section``."""  # noqa: E501
    name: str
    """Its name (an adapter's or exporter's ``name``, otherwise the function's name)."""
    description: str
    """One line saying what it does."""


@attrs.frozen
class PluginInfo:
    """A registered plugin: where it comes from and what it provides."""

    name: str
    """The name it is registered (and can be blocked) under."""
    distribution: str | None
    """``"name version"`` of the installed distribution it came from, if any."""
    builtin: bool
    """True for the plugins that ship with samenwerking."""
    provides: tuple[Provided, ...]
    """Everything it contributes, in hook order."""


def blocked_from_env(environ: dict[str, str] | os._Environ[str] | None = None) -> frozenset[str]:
    """The plugin names listed in ``SAMENWERKING_BLOCK_PLUGINS`` (comma-separated).

    Example
    -------
    >>> sorted(blocked_from_env({"SAMENWERKING_BLOCK_PLUGINS": " duo, builtin-gexf ,"}))
    ['builtin-gexf', 'duo']
    """
    env = os.environ if environ is None else environ
    return frozenset(n.strip() for n in env.get(BLOCK_ENV, "").split(",") if n.strip())


def get_plugin_manager(
    *, load_entry_points: bool = True, blocked: Iterable[str] | None = None
) -> pluggy.PluginManager:
    """A new plugin manager with the hook specs, the built-ins and the installed plugins.

    Parameters
    ----------
    load_entry_points
        Load the plugins installed in the entry-point group ``samenwerking``.
    blocked
        Plugin names not to register (built-ins too, e.g. ``"builtin-gexf"``), in addition
        to those in the environment variable ``SAMENWERKING_BLOCK_PLUGINS``.

    Raises
    ------
    PluginError
        If an installed plugin cannot be imported or registered, or implements a hook
        that does not exist (a misspelt name: ``check_pending``).

    Example
    -------
    >>> pm = get_plugin_manager(load_entry_points=False, blocked=["builtin-gexf"])
    >>> pm.is_blocked("builtin-gexf"), pm.has_plugin("builtin-json")
    (True, True)
    """
    from samenwerking.plugins.builtin import builtin_plugins

    pm = _Manager(PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in {*blocked_from_env(), *(blocked or ())}:
        pm.set_blocked(name)
    for name, plugin in builtin_plugins():
        _register(pm, plugin, name)
    if load_entry_points:
        _load_entry_points(pm)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as error:
        name = pm.get_name(error.plugin) or repr(error.plugin)
        raise PluginError(
            f"plugin {name!r}: {error}; hooks must be named as in "
            f"samenwerking.plugins.hookspecs (block the plugin with {BLOCK_ENV}={name})",
            plugin=name,
        ) from None
    return pm


def _register(pm: pluggy.PluginManager, plugin: object, name: str) -> None:
    if pm.is_blocked(name):
        return
    try:
        pm.register(plugin, name=name)
    except (pluggy.PluginValidationError, ValueError) as error:
        raise PluginError(
            f"plugin {name!r} cannot be registered: {error} (block it with {BLOCK_ENV}={name})",
            plugin=name,
        ) from None


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    for entry_point in importlib.metadata.entry_points(group=PROJECT):
        name = entry_point.name
        if pm.is_blocked(name) or pm.has_plugin(name):
            continue
        try:
            plugin = entry_point.load()
        except Exception as error:
            raise PluginError(
                f"plugin {name!r} ({entry_point.value}) failed to load: "
                f"{type(error).__name__}: {error} (block it with {BLOCK_ENV}={name})",
                plugin=name,
            ) from error
        _register(pm, plugin, name)
        if entry_point.dist is not None and isinstance(pm, _Manager):
            dist = entry_point.dist
            pm.distributions[name] = f"{dist.metadata['name']} {dist.version}"


class _Manager(pluggy.PluginManager):
    """A plugin manager that remembers which distribution each installed plugin came from."""

    def __init__(self, project_name: str) -> None:
        super().__init__(project_name)
        self.distributions: dict[str, str] = {}


def plugins(*, load_entry_points: bool = True, blocked: Iterable[str] | None = None) -> Plugins:
    """A :class:`Plugins` over a fresh plugin manager (see :func:`get_plugin_manager`).

    Example
    -------
    >>> plugins(load_entry_points=False).map_sector("primary_school", "csv")
    <Sector.PRIMARY_SCHOOL: 'primary_school'>
    """
    return Plugins(get_plugin_manager(load_entry_points=load_entry_points, blocked=blocked))


def _first_line(obj: object) -> str:
    doc = getattr(obj, "__doc__", None) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


class Plugins:
    """A typed view of a plugin manager: adapters, exporters, mappings, checks, sections.

    Results of the list hooks are collected once per instance. Faulty contributions are
    skipped with a :class:`PluginWarning`, also kept in :attr:`problems`.

    Example
    -------
    >>> p = plugins(load_entry_points=False)
    >>> p.adapter("json").description
    'the versioned samenwerking JSON region file (.json)'
    """

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self.pm = pm
        """The underlying pluggy manager."""
        self.problems: list[Problem] = []
        """A warning for every contribution that was skipped because its plugin failed."""
        self._cache: dict[str, list[tuple[str, Any]]] = {}

    # -- reporting faulty plugins --------------------------------------------------------
    def _skip(self, plugin: str, hook: str, message: str) -> None:
        text = f"plugin {plugin!r} failed in {hook}: {message}; its contribution is left out"
        self.problems.append(Problem(text, source=plugin, field=hook))
        warnings.warn(text, PluginWarning, stacklevel=4)

    def _impls(self, hook: str) -> list[Any]:
        """Hook implementations in call order (last registered first, tryfirst/trylast kept)."""
        caller = getattr(self.pm.hook, hook)
        return [i for i in reversed(caller.get_hookimpls()) if not (i.hookwrapper or i.wrapper)]

    def _call(self, impl: Any, hook: str, **kwargs: Any) -> tuple[bool, Any]:
        """Call one implementation with the arguments it takes; (ok, result)."""
        try:
            return True, impl.function(**{k: kwargs[k] for k in impl.argnames})
        except Exception as error:
            self._skip(impl.plugin_name, hook, f"{type(error).__name__}: {error}")
            return False, None

    def _collect(
        self, hook: str, accept: Callable[[Any], bool], what: str
    ) -> list[tuple[str, Any]]:
        """Every item of a list hook, with the plugin it came from, in registration order."""
        if hook in self._cache:
            return self._cache[hook]
        out: list[tuple[str, Any]] = []
        for impl in reversed(self._impls(hook)):
            ok, result = self._call(impl, hook)
            if not ok or result is None:
                continue
            try:
                items = list(result)
            except TypeError:
                self._skip(impl.plugin_name, hook, f"returned {result!r}, not a list of {what}")
                continue
            bad = [item for item in items if not accept(item)]
            if bad:
                self._skip(impl.plugin_name, hook, f"returned {bad[0]!r}, which is not {what}")
                continue
            out.extend((impl.plugin_name, item) for item in items)
        self._cache[hook] = out
        return out

    def _unique(self, hook: str, items: list[tuple[str, _T]]) -> list[tuple[str, _T]]:
        seen: dict[str, str] = {}
        out: list[tuple[str, _T]] = []
        for plugin, item in items:
            name = str(getattr(item, "name", ""))
            if name in seen:
                self._skip(plugin, hook, f"the name {name!r} is taken by plugin {seen[name]!r}")
                continue
            seen[name] = plugin
            out.append((plugin, item))
        return out

    # -- adapters and exporters ----------------------------------------------------------
    def _adapters(self) -> list[tuple[str, SourceAdapter]]:
        key = "adapters"
        if key not in self._cache:
            found = self._collect(
                "samenwerking_source_adapters",
                lambda a: isinstance(a, SourceAdapter),
                "a SourceAdapter (name, description, can_read, read)",
            )
            self._cache[key] = self._unique("samenwerking_source_adapters", found)
        return self._cache[key]

    def _exporters(self) -> list[tuple[str, Exporter]]:
        key = "exporters"
        if key not in self._cache:
            found = self._collect(
                "samenwerking_exporters",
                lambda e: isinstance(e, Exporter),
                "an Exporter (name, description, can_write, write)",
            )
            self._cache[key] = self._unique("samenwerking_exporters", found)
        return self._cache[key]

    def adapters(self) -> list[SourceAdapter]:
        """Every source adapter, built-ins first, then plugins in the order they were loaded."""
        return [a for _, a in self._adapters()]

    def exporters(self) -> list[Exporter]:
        """Every exporter, built-ins first."""
        return [e for _, e in self._exporters()]

    def plugin_of(self, item: SourceAdapter | Exporter) -> str:
        """The name of the plugin that contributed an adapter or exporter."""
        for plugin, candidate in [*self._adapters(), *self._exporters()]:
            if candidate is item:
                return plugin
        raise LookupError(f"{item!r} was not contributed by any registered plugin")

    def is_builtin(self, plugin: str) -> bool:
        """Whether ``plugin`` is one of the plugins that ship with samenwerking.

        Example
        -------
        >>> p = plugins(load_entry_points=False)
        >>> p.is_builtin("builtin-csv"), p.is_builtin("duo")
        (True, False)
        """
        from samenwerking.plugins.builtin import BUILTIN_NAMES

        return plugin in BUILTIN_NAMES

    def distribution_of(self, plugin: str) -> str | None:
        """``"name version"`` of the package an installed plugin came from, if known.

        Example
        -------
        >>> plugins(load_entry_points=False).distribution_of("builtin-csv") is None
        True
        """
        distributions: dict[str, str] = getattr(self.pm, "distributions", {})
        return distributions.get(plugin)

    def adapter(self, name: str) -> SourceAdapter:
        """The adapter called ``name``; :class:`UnsupportedSourceError` lists the others.

        Example
        -------
        >>> plugins(load_entry_points=False).adapter("xml")
        Traceback (most recent call last):
        ...
        samenwerking.errors.UnsupportedSourceError: no adapter called 'xml'; installed adapters: json, csv, excel, parquet
        """  # noqa: E501
        for adapter in self.adapters():
            if adapter.name == name:
                return adapter
        known = ", ".join(a.name for a in self.adapters()) or "none"
        raise UnsupportedSourceError(f"no adapter called {name!r}; installed adapters: {known}")

    def exporter(self, name: str) -> Exporter:
        """The exporter called ``name``; :class:`UnsupportedSourceError` lists the others."""
        for exporter in self.exporters():
            if exporter.name == name:
                return exporter
        known = ", ".join(e.name for e in self.exporters()) or "none"
        raise UnsupportedSourceError(
            f"unknown format {name!r}: no exporter by that name; installed exporters: {known}"
        )

    def adapter_for(self, source: hookspecs.Source) -> SourceAdapter | None:
        """The first adapter whose ``can_read`` accepts the source, or ``None``."""
        return self._first_able(self._adapters(), "can_read", source)

    def exporter_for(self, target: hookspecs.Source) -> Exporter | None:
        """The first exporter whose ``can_write`` accepts the target, or ``None``."""
        return self._first_able(self._exporters(), "can_write", target)

    def _first_able(self, items: list[tuple[str, _T]], method: str, where: object) -> _T | None:
        for plugin, item in items:
            try:
                able = getattr(item, method)(where)
            except Exception as error:
                name = getattr(item, "name", "?")
                self._skip(plugin, f"{name}.{method}", f"{type(error).__name__}: {error}")
                continue
            if able:
                return item
        return None

    # -- label mappings ------------------------------------------------------------------
    def _map(self, hook: str, enum: type[_T], label: str, source: str) -> _T | None:
        for impl in self._impls(hook):
            ok, result = self._call(impl, hook, label=label, source=source)
            if not ok or result is None:
                continue
            try:
                return enum(result)  # type: ignore[call-arg]
            except ValueError:
                self._skip(impl.plugin_name, hook, f"returned {result!r}, not a {enum.__name__}")
        return None

    def map_sector(self, label: str, source: str) -> Sector | None:
        """The sector a source's label stands for, asking each plugin in turn; or ``None``.

        Example
        -------
        >>> plugins(load_entry_points=False).map_sector("Jeugdzorg?", "survey") is None
        True
        """
        return self._map("samenwerking_map_sector", Sector, label, source)

    def map_role(self, label: str, source: str) -> Role | None:
        """The role a source's job label stands for, asking each plugin in turn; or ``None``.

        Example
        -------
        >>> plugins(load_entry_points=False).map_role("Intern_Begeleider", "survey")
        <Role.INTERN_BEGELEIDER: 'intern_begeleider'>
        """
        return self._map("samenwerking_map_role", Role, label, source)

    # -- checks and sections -------------------------------------------------------------
    def _checks(self) -> list[tuple[str, ValidationCheck]]:
        return self._collect("samenwerking_validation_checks", callable, "a callable check")

    def validation_checks(self) -> list[ValidationCheck]:
        """Every extra validation check contributed by plugins."""
        return [c for _, c in self._checks()]

    def check_problems(self, region: Region) -> list[Problem]:
        """Run every plugin check on a region; a check that raises is skipped with a warning.

        Example
        -------
        >>> plugins(load_entry_points=False).check_problems(Region("Dorp"))
        []
        """
        out: list[Problem] = []
        for plugin, check in self._checks():
            hook = f"samenwerking_validation_checks ({getattr(check, '__name__', check)!s})"
            try:
                found = list(check(region))
            except Exception as error:
                self._skip(plugin, hook, f"{type(error).__name__}: {error}")
                continue
            if not all(isinstance(p, Problem) for p in found):
                self._skip(plugin, hook, "returned something that is not a Problem")
                continue
            out.extend(found)
        return out

    def report_sections(self) -> list[Any]:
        """Every report section builder contributed by plugins."""
        hook = "samenwerking_report_sections"
        return [s for _, s in self._collect(hook, callable, "a section builder")]

    # -- description ---------------------------------------------------------------------
    def describe(self) -> list[PluginInfo]:
        """Every registered plugin with its distribution and what it provides.

        Example
        -------
        >>> [i.name for i in plugins(load_entry_points=False).describe()][:2]
        ['builtin-json', 'builtin-csv']
        """
        provided: dict[str, list[Provided]] = {}

        def add(plugin: str, kind: str, name: str, description: str) -> None:
            provided.setdefault(plugin, []).append(Provided(kind, name, description))

        for plugin, adapter in self._adapters():
            add(plugin, "adapter", adapter.name, adapter.description)
        for plugin, exporter in self._exporters():
            add(plugin, "exporter", exporter.name, exporter.description)
        for hook, kind in (
            ("samenwerking_map_sector", "sector mapping"),
            ("samenwerking_map_role", "role mapping"),
        ):
            for impl in reversed(self._impls(hook)):
                add(impl.plugin_name, kind, hook, _first_line(impl.function))
        for plugin, check in self._checks():
            add(plugin, "check", getattr(check, "__name__", repr(check)), _first_line(check))
        for plugin, builder in self._collect("samenwerking_report_sections", callable, ""):
            add(plugin, "report section", getattr(builder, "__name__", ""), _first_line(builder))
        from samenwerking.plugins.builtin import BUILTIN_NAMES

        distributions: dict[str, str] = getattr(self.pm, "distributions", {})
        return [
            PluginInfo(
                name,
                distributions.get(name),
                name in BUILTIN_NAMES,
                tuple(provided.get(name, ())),
            )
            for name, plugin in self.pm.list_name_plugin()
            if plugin is not None
        ]

    def names(self) -> Sequence[str]:
        """The names of the registered plugins, in registration order."""
        return [name for name, plugin in self.pm.list_name_plugin() if plugin is not None]
