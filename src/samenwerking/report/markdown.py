"""Format a report as Markdown (``report.md``).

Example
-------
>>> print(md_table(["Sector", "People"], [["school | board", 3]]))
| Sector | People |
| --- | ---: |
| school \\| board | 3 |
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from samenwerking.report.base import Report
from samenwerking.report.i18n import _, format_cell, use_language

__all__ = ["md_escape", "md_table", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md_escape(text: object) -> str:
    """Escape text so Markdown shows it literally, on one line.

    Example
    -------
    >>> md_escape("*not bold* <b>")
    '\\\\*not bold\\\\* \\\\<b\\\\>'
    """
    one_line = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", one_line)


def md_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table; numbers are right-aligned, all text escaped.

    Example
    -------
    >>> md_table(["a"], [[1]]).splitlines()[1]
    '| ---: |'
    """
    numeric = [
        bool(rows) and all(isinstance(row[i], int | float) for row in rows)
        for i in range(len(headers))
    ]
    lines = [
        "| " + " | ".join(md_escape(h) for h in headers) + " |",
        "| " + " | ".join("---:" if n else "---" for n in numeric) + " |",
    ]
    lines += ["| " + " | ".join(md_escape(format_cell(c)) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document.

    Example
    -------
    >>> from samenwerking.report.base import Overview
    >>> render_markdown(Report("Dorp", Overview(0, 0, 0, 0, 0, 0, 0, 0, 0.0), ())).splitlines()[0]
    '# Collaboration in Dorp'
    """
    with use_language(report.lang):
        title = _("Collaboration in {region}").format(region=report.region)
        parts = [f"# {md_escape(title)}"]
        for section in report.sections:
            parts.append(f"## {md_escape(_(section.title))}")
            parts.append(section.to_markdown().strip())
        footer = _("Made with samenwerking.")
        parts.append(f"_{md_escape(footer)}_")
    return "\n\n".join(parts) + "\n"
