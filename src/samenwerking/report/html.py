"""Format a report as one self-contained HTML page (``report.html``).

The page carries its own CSS and its picture inline: no scripts, fonts, images or
style sheets are fetched from anywhere, so it can be mailed or opened offline.

Example
-------
>>> html_table(["Name"], [["<b>"]])
'<table><thead><tr><th>Name</th></tr></thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from samenwerking.report.base import Report
from samenwerking.report.i18n import _, format_cell, use_language

__all__ = ["esc", "html_table", "render_html"]

_CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem;
     margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left;
         vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #f6f8fa; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption, .muted, footer { color: var(--muted); font-size: .9rem; }
nav.contents ol { columns: 2 18rem; margin: .25rem 0 1rem; }
nav.contents a { color: #0550ae; }
@media print {
  nav.contents, .sw-map { display: none; }
  body { max-width: none; margin: 0; }
  section, figure, table { break-inside: avoid; }
}
"""


def esc(text: object) -> str:
    """Escape any value for HTML text or attribute values.

    Example
    -------
    >>> esc('a "b" & <c>')
    'a &quot;b&quot; &amp; &lt;c&gt;'
    """
    return escape(str(text), quote=True)


def html_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An HTML table; numeric columns are right-aligned, all text escaped.

    Example
    -------
    >>> "<td class=\\"num\\">3</td>" in html_table(["n"], [[3]])
    True
    """
    numeric = [
        bool(rows) and all(isinstance(row[i], int | float) for row in rows)
        for i in range(len(headers))
    ]

    def cell(tag: str, value: object, is_number: bool) -> str:
        cls = ' class="num"' if is_number else ""
        return f"<{tag}{cls}>{esc(format_cell(value))}</{tag}>"

    head = "".join(cell("th", h, n) for h, n in zip(headers, numeric, strict=True))
    body = "".join(
        "<tr>" + "".join(cell("td", c, n) for c, n in zip(row, numeric, strict=True)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _contents(report: Report) -> str:
    """A list of the sections, linked, for readers who jump to the part they need."""
    if len(report.sections) < 2:
        return ""
    items = "".join(
        f'<li><a href="#{esc(section.key)}">{esc(_(section.title))}</a></li>'
        for section in report.sections
    )
    heading = esc(_("Contents"))
    return (
        f'<nav class="contents" aria-labelledby="contents-title">'
        f'<h2 id="contents-title">{heading}</h2><ol>{items}</ol></nav>'
    )


def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML document.

    Example
    -------
    >>> from samenwerking.report.base import Overview
    >>> page = render_html(Report("<Dorp>", Overview(0, 0, 0, 0, 0, 0, 0, 0, 0.0), ()))
    >>> "<title>Collaboration in &lt;Dorp&gt;</title>" in page
    True
    """
    with use_language(report.lang):
        title = _("Collaboration in {region}").format(region=report.region)
        body = [f"<h1>{esc(title)}</h1>", _contents(report)]
        for section in report.sections:
            body.append(
                f'<section id="{esc(section.key)}"><h2>{esc(_(section.title))}</h2>\n'
                f"{section.to_html().strip()}\n</section>"
            )
        footer = _("Made with samenwerking.")
        body.append(f"<footer>{esc(footer)}</footer>")
        body = ["<main>", *body[:-1], "</main>", body[-1]]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(report.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
