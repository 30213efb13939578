"""The brief as a page: Markdown (with the chart written as an SVG file beside it) or one
self-contained HTML file (the chart inline as SVG, no external fonts, scripts or images) laid
out to print on A4. Its content is :class:`~offshoring_cli.reports.brief.Brief`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from offshoring_cli import i18n
from offshoring_cli.i18n import N_, _
from offshoring_cli.render.layout import grid

if TYPE_CHECKING:
    from offshoring_cli.reports.brief import Brief


HEADINGS = {
    "Chart": N_("Chart"),
    "Key numbers": N_("Key numbers"),
    "Methods": N_("Methods"),
    "Milestones: what each year needs": N_("Milestones: what each year needs"),
    "Paths to the targets": N_("Paths to the targets"),
    "Progress by published methods": N_("Progress by published methods"),
    "Sources": N_("Sources"),
    "Verdict": N_("Verdict"),
    "What not to miss": N_("What not to miss"),
}
"""The brief's headings (and the chart's alternative text), marked for the catalogues."""


def _linked(text: str) -> str:
    """``text`` escaped for HTML, with its web addresses as links."""
    import re

    parts = re.split(r"(https?://\S+)", text)
    return "".join(
        f'<a href="{html.escape(p)}">{html.escape(p)}</a>'
        if p.startswith("http")
        else html.escape(p)
        for p in parts
    )


# --- Markdown ---------------------------------------------------------------------------------


def _head(verdict: str) -> str:
    """The metric id that opens a verdict (``jobs`` of ``jobs: on track - ...``)."""
    return verdict.split(":", 1)[0].rstrip()


def _space(verdict: str) -> str:
    """The space before the colon of a verdict (French typography: ``jobs : ...``), kept out
    of the bold, where Markdown would not close it."""
    head = verdict.split(":", 1)[0]
    return head[len(head.rstrip()) :]


def to_markdown(brief: Brief, chart_file: str | None) -> str:
    """The brief in Markdown; ``chart_file`` is the image written beside it, if any. Every
    text is escaped (:func:`~offshoring_cli.render.markdown.escape`)."""
    from offshoring_cli.render.markdown import escape, table

    status_header, status_rows = grid(brief.status)
    lines = [
        f"# {escape(brief.title)}",
        "",
        escape(brief.subtitle),
        "",
        f"## {_(HEADINGS['Verdict'])}",
        "",
    ]
    lines += [
        f"- **{escape(_head(v))}**{_space(v)}:{escape(v.split(':', 1)[1])}" for v in brief.verdicts
    ]
    lines += ["", f"## {_(HEADINGS['Key numbers'])}", "", *table(*brief.key_numbers)]
    lines += ["", f"## {_(HEADINGS['Progress by published methods'])}", ""]
    lines += table(status_header, status_rows)
    lines += [
        "",
        f"## {_(HEADINGS['Milestones: what each year needs'])}",
        "",
        *table(*brief.milestones),
    ]
    if brief.insights:
        lines += ["", f"## {_(HEADINGS['What not to miss'])}", ""]
        lines += [f"- {escape(t)}" for t in brief.insights]
    lines += ["", f"## {_(HEADINGS['Chart'])}", ""]
    if chart_file:
        lines.append(f"![{_(HEADINGS['Paths to the targets'])}]({chart_file})")
    else:
        lines.append(_("Write the brief to a file (--output brief.md) to get the chart beside it."))
    lines += ["", f"## {_(HEADINGS['Methods'])}", ""] + [f"- {escape(m)}" for m in brief.methods]
    lines += ["", f"## {_(HEADINGS['Sources'])}", ""] + [f"- {escape(s)}" for s in brief.sources]
    lines += ["", escape(brief.provenance)]
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------------

RTL_CSS = """
th, td { text-align: left; }
th:first-child, td:first-child { text-align: right; }
ul.verdicts { padding-left: 0; padding-right: 14pt; }
li[dir="ltr"] { text-align: left; }
body { font-family: "DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic", Arial, sans-serif; }
"""
"""What a right-to-left page adds: tables mirrored (labels on the right, figures on the left)
and a font with Arabic glyphs first."""

CSS = """
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: 9.5pt;
       color: #1a1a1a; max-width: 190mm; margin: 0 auto; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 11pt; margin: 9pt 0 3pt; border-bottom: 1px solid #bbb; padding-bottom: 2pt; }
p.sub { color: #555; margin: 0 0 6pt; }
ul.verdicts { padding-left: 14pt; margin: 4pt 0; }
ul.verdicts li { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0 4pt; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #ddd; padding: 1pt 5pt; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f0f3f7; }
.chart svg { width: 100%; height: auto; }
.small { font-size: 8pt; color: #444; }
section { break-inside: avoid; }
"""


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(brief: Brief, svg: str | None) -> str:
    """The brief as one self-contained HTML page; ``svg`` is the chart, inlined. In the
    active language: ``lang`` says which, and Arabic is laid out right to left
    (``dir="rtl"``: headings, lists and tables start on the right; numbers, ids and web
    addresses keep their own left-to-right order within a line)."""
    esc = html.escape
    status_header, status_rows = grid(brief.status)
    language = i18n.active()
    direction = ' dir="rtl"' if language in i18n.RIGHT_TO_LEFT else ""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"{direction}><head><meta charset="utf-8">',
        f"<title>{esc(brief.title)}</title><style>{CSS}{RTL_CSS if direction else ''}</style>"
        "</head><body>",
        f"<h1>{esc(brief.title)}</h1><p class='sub'>{esc(brief.subtitle)}</p>",
        f"<section><h2>{esc(_(HEADINGS['Verdict']))}</h2><ul class='verdicts'>",
        *(f"<li>{esc(v)}</li>" for v in brief.verdicts),
        "</ul></section>",
        f"<section><h2>{esc(_(HEADINGS['Key numbers']))}</h2>"
        + _html_table(*brief.key_numbers)
        + "</section>",
        f"<section><h2>{esc(_(HEADINGS['Progress by published methods']))}</h2>",
        _html_table(status_header, status_rows),
        "</section>",
        f"<section><h2>{esc(_(HEADINGS['Milestones: what each year needs']))}</h2>",
        _html_table(*brief.milestones),
        "</section>",
    ]
    if brief.insights:
        parts += [f"<section><h2>{esc(_(HEADINGS['What not to miss']))}</h2><ul>"]
        parts += [f"<li>{esc(text)}</li>" for text in brief.insights]
        parts += ["</ul></section>"]
    if svg:
        start = svg.find("<svg")
        parts += [
            f"<section class='chart'><h2>{esc(_(HEADINGS['Chart']))}</h2>",
            f'<div dir="ltr">{svg[start:]}</div>' if direction else svg[start:],
            "</section>",
        ]
    parts += [f"<section><h2>{esc(_(HEADINGS['Methods']))}</h2><ul class='small'>"]
    parts += [f"<li>{esc(m)}</li>" for m in brief.methods]
    parts += [f"</ul></section><section><h2>{esc(_(HEADINGS['Sources']))}</h2><ul class='small'>"]
    # A source is cited as published (English or French): left to right in an Arabic page too.
    item = '<li dir="ltr">' if direction else "<li>"
    parts += [f"{item}{_linked(s)}</li>" for s in brief.sources]
    parts += [f"</ul><p class='small'>{esc(brief.provenance)}</p></section></body></html>"]
    return "\n".join(parts) + "\n"
