"""Reports on a region: a short summary, ``report.md`` and a self-contained ``report.html``.

:func:`build_report` computes every section once; the formatters
(:func:`~samenwerking.report.markdown.render_markdown`,
:func:`~samenwerking.report.html.render_html`,
:func:`~samenwerking.report.summary.summary_text`) only format. A report is a list of
sections, so new analyses add a :data:`SectionBuilder` rather than a new formatter.

Example
-------
>>> import samenwerking as sw
>>> report = build_report(sw.example_region())
>>> [s.key for s in report.sections][:3]
['overview', 'counts', 'islands']
>>> "brokers" in [s.key for s in report.sections]
True
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from samenwerking._atomic import write_text_atomically
from samenwerking.errors import InvalidArgumentError
from samenwerking.model import Region
from samenwerking.report.base import (
    Overview,
    Report,
    ReportContext,
    ReportProgress,
    Section,
    SectionBuilder,
)
from samenwerking.report.html import render_html
from samenwerking.report.i18n import LANGUAGES, use_language
from samenwerking.report.markdown import render_markdown
from samenwerking.report.sections import DEFAULT_SECTIONS, compute_overview
from samenwerking.report.summary import summary_text

__all__ = [
    "DEFAULT_SECTIONS",
    "LANGUAGES",
    "Overview",
    "Report",
    "ReportContext",
    "ReportProgress",
    "Section",
    "SectionBuilder",
    "build_report",
    "render_html",
    "render_markdown",
    "summary_text",
    "write_report",
]


def build_report(
    region: Region,
    *,
    sections: Sequence[SectionBuilder] = DEFAULT_SECTIONS,
    seed: int = 1,
    before: Region | None = None,
    progress: ReportProgress | None = None,
    today: dt.date | None = None,
    lang: str = "en",
) -> Report:
    """Compute a report on a region: its headline figures and every section.

    The compact graph of the region is built once and shared by every section, so a
    region of 50,000 professionals takes seconds, not minutes.

    Parameters
    ----------
    region
        The region to report on.
    sections
        The section builders, in display order; builders that return ``None`` are left out.
    seed
        Seed for the picture's layout, sampled betweenness and communities; the same region
        and seed give the same report.
    before
        An earlier snapshot of the region: adds the "Change over time" section.
    progress
        Told which section is being computed and asked for a progress callback for each
        long step (betweenness, communities); the command line writes them to stderr.
    today
        The reference date for checks that depend on it (steps past due, expired
        agreements, stranded cases); by default the current date.
    lang
        The language to write it in: ``"en"`` (the default) or ``"nl"`` (Dutch text,
        numbers and dates; see :data:`LANGUAGES`). The renderers use the report's language.

    Example
    -------
    >>> import samenwerking as sw
    >>> build_report(sw.example_region()).overview.cases
    40
    >>> render_markdown(build_report(sw.example_region(), lang="nl")).splitlines()[0]
    '# Samenwerking in Lindenhoeve'
    """
    with use_language(lang):
        context = ReportContext.of(region, seed=seed, before=before, progress=progress, today=today)
        built = []
        for builder in sections:
            if progress is not None:
                progress.section(_label(builder))
            section = builder(context)
            if section is not None:
                built.append(section)
        return Report(region.name, compute_overview(context), tuple(built), lang=lang)


def _label(builder: SectionBuilder) -> str:
    """``brokers_section`` -> ``"brokers"``: how progress names a section builder."""
    name = str(getattr(builder, "__name__", type(builder).__name__))
    return name.removesuffix("_section").replace("_", " ")


def write_report(
    region: Region | Report, out_dir: str | os.PathLike[str], *, lang: str | None = None
) -> tuple[Path, Path]:
    """Write ``report.md`` and ``report.html`` (and the pictures, e.g. ``network.svg``) to a folder.

    Each file is written to a temporary name and moved into place, so a failure never
    leaves a half-written report. The folder is created if needed.

    Parameters
    ----------
    region
        The region to report on, or a report already built with :func:`build_report`.
    out_dir
        The folder to write to.
    lang
        The language to write a region's report in (``"en"`` or ``"nl"``, default
        English). A report built with :func:`build_report` is written in the language it
        was built in; passing another one raises
        :class:`~samenwerking.errors.InvalidArgumentError` (its pictures are already drawn).

    Returns
    -------
    tuple[Path, Path]
        The paths of ``report.md`` and ``report.html``.

    Example
    -------
    >>> import samenwerking as sw, tempfile
    >>> md, html = write_report(sw.example_region(), tempfile.mkdtemp())
    >>> md.name, html.name
    ('report.md', 'report.html')
    """
    if isinstance(region, Report):
        report = region
        if lang is not None and lang != report.lang:
            raise InvalidArgumentError(
                f"lang must be the report's own language {report.lang!r} (got {lang!r}): "
                f"build the report with build_report(region, lang={lang!r}) instead"
            )
    else:
        report = build_report(region, lang="en" if lang is None else lang)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    markdown, page = render_markdown(report), render_html(report)
    with use_language(report.lang):
        for section in report.sections:
            files = getattr(section, "files", None)
            for name, svg in (files() if callable(files) else {}).items():
                write_text_atomically(folder / name, svg)
    md_path, html_path = folder / "report.md", folder / "report.html"
    write_text_atomically(md_path, markdown)
    write_text_atomically(html_path, page)
    return md_path, html_path
