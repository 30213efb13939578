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
    from offshoring_cli.reports.headline import Finding


HEADINGS = {
    "Appendix": N_("Appendix"),
    "Chart": N_("Chart"),
    "Findings": N_("Findings"),
    "Published targets": N_("Published targets"),
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


def to_markdown(brief: Brief, chart_file: str | None, appendix: bool = False) -> str:
    """The brief in Markdown; ``chart_file`` is the image written beside it, if any. Every
    text is escaped (:func:`~offshoring_cli.render.markdown.escape`). In the order of the
    printed page: findings, chart, key numbers, published targets, sources; the methods,
    milestones and the figures of every method only with ``appendix``."""
    from offshoring_cli.render.markdown import escape, table

    lines = [f"# {escape(brief.title)}", "", escape(brief.subtitle), "", escape(brief.as_of), ""]
    lines += [f"## {_(HEADINGS['Findings'])}", ""]
    for found in _main(brief):
        lines += [f"**{escape(found.headline)}**", ""]
        lines += [f"{found.symbol} {escape(found.verdict)}", ""]
        if found.caution:
            lines += [f"\u26a0 {escape(found.caution)}", ""]
    lines += [f"## {_(HEADINGS['Chart'])}", ""]
    if chart_file:
        lines.append(f"![{_(HEADINGS['Paths to the targets'])}]({chart_file})")
    else:
        lines.append(_("Write the brief to a file (--output brief.md) to get the chart beside it."))
    lines += ["", f"## {_(HEADINGS['Key numbers'])}", "", *table(*brief.key_numbers)]
    lines += ["", f"## {_(HEADINGS['Published targets'])}", "", *table(*brief.targets)]
    lines += [""] + [
        f"- **{escape(_head(v))}**{_space(v)}:{escape(v.split(':', 1)[1])}" for v in brief.verdicts
    ]
    lines += [f"- {escape(note)}" for note in brief.target_notes]
    lines += ["", f"## {_(HEADINGS['Sources'])}", ""] + [f"- {escape(s)}" for s in brief.sources]
    lines += ["", escape(brief.provenance)]
    if appendix:
        status_header, status_rows = grid(brief.status)
        lines += ["", f"## {_(HEADINGS['Progress by published methods'])}", ""]
        lines += table(status_header, status_rows)
        lines += ["", f"## {_(HEADINGS['Milestones: what each year needs'])}", ""]
        lines += table(*brief.milestones)
        if brief.insights:
            lines += ["", f"## {_(HEADINGS['What not to miss'])}", ""]
            lines += [f"- {escape(t)}" for t in brief.insights]
        lines += ["", f"## {_(HEADINGS['Methods'])}", ""]
        lines += [f"- {escape(m)}" for m in brief.methods]
    return "\n".join(lines) + "\n"


def _main(brief: Brief) -> list[Finding]:
    """The findings the page opens with: the main reading of each metric."""
    return [f for f in brief.findings if f.reading in brief.metrics]


# --- HTML -------------------------------------------------------------------------------------

RTL_CSS = """
th, td { text-align: left; }
th:first-child, td:first-child { text-align: right; }
li[dir="ltr"], p[dir="ltr"] { text-align: left; }
body { font-family: "DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic", Arial, sans-serif; }
.finding { border-left: none; border-right: 3pt solid var(--tone); padding: 1pt 6pt 1pt 0; }
"""
"""What a right-to-left page adds: tables mirrored (labels on the right, figures on the left),
the findings' bar on the right, and a font with Arabic glyphs first."""

CSS = """
@page { size: A4; margin: 12mm 13mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: 8.5pt;
       color: #1a1a1a; max-width: 184mm; margin: 0 auto; padding: 0 2mm; line-height: 1.3; }
h1 { font-size: 14pt; margin: 0 0 1pt; }
h2 { font-size: 10pt; margin: 5pt 0 2pt; border-bottom: 1px solid #bbb; padding-bottom: 1pt; }
p { margin: 0 0 2pt; }
p.sub { color: #444; margin: 0; }
p.asof { color: #444; margin: 0 0 3pt; font-size: 8pt; }
.finding { border-left: 3pt solid var(--tone); padding: 1pt 0 1pt 6pt; margin: 3pt 0 4pt; }
.finding .headline { font-size: 10.5pt; font-weight: 700; line-height: 1.25; }
.finding .verdict { font-size: 8.5pt; }
.sym { color: var(--tone); font-weight: 700; }
.tone-good { --tone: #1b7837; } .tone-warn { --tone: #b35806; }
.tone-bad { --tone: #b2182b; } .tone-none { --tone: #777777; }
.caution { font-size: 8pt; color: #6b3a00; }
table { border-collapse: collapse; width: 100%; margin: 1pt 0 2pt; font-size: 7.5pt; }
table.targets td { white-space: nowrap; }
th, td { border-bottom: 1px solid #ddd; padding: 0.5pt 4pt; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #eef1f5; }
.chart svg { width: 100%; height: auto; display: block; }
.small { font-size: 7pt; color: #333; }
ul.small { padding-inline-start: 12pt; margin: 1pt 0; }
p.sources { line-height: 1.25; overflow-wrap: anywhere; }
p.sources a { color: #1a4f8b; text-decoration: none; }
section { break-inside: avoid; }
section.appendix { break-before: page; }
section.appendix table, section.appendix ~ section table { font-size: 7pt; line-height: 1.2; }
section.appendix td:first-child, section.appendix th:first-child { white-space: nowrap; }
section.appendix ~ section ul.small { line-height: 1.2; }
section.appendix ~ section h2 { margin-top: 3pt; }
@media screen { body { padding: 5mm 3mm; } }
@media screen and (max-width: 600px) {
  body { font-size: 11pt; padding: 0 3mm; }
  table { font-size: 9pt; display: block; overflow-x: auto; }
}
"""


def _html_table(header: list[str], rows: list[list[str]], css: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    css = f" class='{css}'" if css else ""
    return f"<table{css}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _finding(found: Finding) -> str:
    esc = html.escape
    parts = [
        f"<div class='finding tone-{found.tone}'><p class='headline'>{esc(found.headline)}</p>",
        f"<p class='verdict'><span class='sym'>{esc(found.symbol)}</span> {esc(found.verdict)}</p>",
    ]
    if found.caution:
        parts.append(f"<p class='caution'>\u26a0 {esc(found.caution)}</p>")
    return "".join(parts) + "</div>"


def to_html(brief: Brief, svg: str | None, appendix: bool = False) -> str:
    """The brief as one self-contained HTML page that prints on one A4 page; ``svg`` is the
    chart, inlined. In the order a reader needs it: the finding per metric in one sentence
    with its verdict (band as a symbol and in words, colour only as a second signal), the
    chart, the key numbers, the published targets, the sources and the provenance. With
    ``appendix``, a second printed page: the figures of every published method, the
    year-by-year milestones, what not to miss and the methods.

    In the active language: ``lang`` says which, and Arabic is laid out right to left
    (``dir="rtl"``: headings, lists and tables start on the right; numbers, ids and web
    addresses keep their own left-to-right order within a line)."""
    esc = html.escape
    language = i18n.active()
    direction = ' dir="rtl"' if language in i18n.RIGHT_TO_LEFT else ""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"{direction}><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(brief.title)}</title><style>{CSS}{RTL_CSS if direction else ''}</style>"
        "</head><body>",
        f"<h1>{esc(brief.title)}</h1><p class='sub'>{esc(brief.subtitle)}</p>",
        f"<p class='asof'>{esc(brief.as_of)}</p>",
        f"<section><h2>{esc(_(HEADINGS['Findings']))}</h2>",
        *(_finding(found) for found in _main(brief)),
        "</section>",
    ]
    if svg:
        start = svg.find("<svg")
        parts += [
            "<section class='chart'>",
            f'<div dir="ltr">{svg[start:]}</div>' if direction else svg[start:],
            "</section>",
        ]
    parts += [
        f"<section><h2>{esc(_(HEADINGS['Key numbers']))}</h2>"
        + _html_table(*brief.key_numbers)
        + "</section>",
        f"<section><h2>{esc(_(HEADINGS['Published targets']))}</h2>",
        _html_table(*brief.targets, css="targets"),
        *(f"<p class='small'>{esc(note)}</p>" for note in brief.target_notes),
        "</section>",
    ]
    # The sources run on, one after the other (the page's last lines); a source is cited as
    # published (English or French): left to right in an Arabic page too.
    cited = '<span dir="ltr">{}</span>' if direction else "<span>{}</span>"
    parts += [
        f"<section><h2>{esc(_(HEADINGS['Sources']))}</h2><p class='small sources'>",
        " \u00b7 ".join(cited.format(_linked(s)) for s in brief.sources),
        f"</p><p class='small'>{esc(brief.provenance)}</p></section>",
    ]
    if appendix:
        status_header, status_rows = grid(brief.status)
        parts += [
            f"<section class='appendix'><h2>{esc(_(HEADINGS['Progress by published methods']))}"
            "</h2>",
            _html_table(status_header, status_rows),
            "</section>",
            f"<section><h2>{esc(_(HEADINGS['Milestones: what each year needs']))}</h2>",
            _html_table(*brief.milestones),
            "</section>",
        ]
        if brief.insights:
            parts += [f"<section><h2>{esc(_(HEADINGS['What not to miss']))}</h2><ul class='small'>"]
            parts += [f"<li>{esc(text)}</li>" for text in brief.insights]
            parts += ["</ul></section>"]
        parts += [f"<section><h2>{esc(_(HEADINGS['Methods']))}</h2><ul class='small'>"]
        parts += [f"<li>{esc(m)}</li>" for m in brief.methods]
        parts += ["</ul></section>"]
    parts += ["</body></html>"]
    return "\n".join(parts) + "\n"
