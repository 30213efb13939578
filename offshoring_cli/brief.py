"""A one-page brief: verdicts, key numbers, milestones, insights, chart, methods and sources.

Built from the same reports as the commands (``status``, ``gap``, ``cagr``, ``trajectory``),
so every number in the brief is one the commands give. Markdown (with the chart written as an
SVG file beside it) or one self-contained HTML file (the chart inline as SVG, no external
fonts, scripts or images) laid out to print on A4.
"""

import html
from typing import NamedTuple

from offshoring_cli import analysis, formatting, progress
from offshoring_cli.analysis import Options, Report
from offshoring_cli.domain import Source
from offshoring_cli.render import grid, source_lines


class Brief(NamedTuple):
    """The brief's content, independent of its format."""

    title: str
    subtitle: str
    verdicts: list[str]
    status: Report
    key_numbers: tuple[list[str], list[list[str]]]
    milestones: tuple[list[str], list[list[str]]]
    insights: list[str]
    methods: list[str]
    sources: list[str]


METHODS = [
    "Compound annual growth rate (CAGR): (end / start) ** (1 / n) - 1, with n = end year - "
    "start year (intervals, not data points); the same as Excel RRI(n, start, end).",
    "Linear path: the gap divided by n, added every year.",
    "Growth ratio R (Eurostat's SDG progress method, as implemented by Open SDG, "
    "https://open-sdg.readthedocs.io/en/latest/progress-methodology/): the actual CAGR from "
    "the base year to the latest year, divided by the CAGR required from the same base year to "
    "the target year. R >= 0.95 on track; 0.60-0.95 acceleration needed; 0-0.60 limited "
    "progress; below 0 moving away.",
    "Progress score Q (UN Statistics Division, SDG Progress Chart): the latest value carried "
    "to the target year at the actual CAGR; Q = (projected - base value) / (target - base "
    "value). Q >= 0.95 on track; 0.10-0.95 fair progress, acceleration needed; below 0.10 "
    "stagnation or regression.",
    "Growth is only computed between whole-year figures of one statistical series.",
]


def build(options: Options) -> Brief:
    """Gather the brief from the reports of ``status``, ``gap``, ``cagr`` and ``trajectory``.

    Raises:
        DomainError: as the reports do.
    """
    status = progress.status_report(options)
    gap = analysis.gap_report(options)
    cagr = analysis.cagr_report(options)
    trajectory = progress.trajectory_report(options)
    metrics = [row["metric"] for row in gap.rows]
    header = ["", *metrics]

    def cell(report: Report, key: str, metric: str) -> str:
        row = next(r for r in report.rows if r["metric"] == metric)
        field = next(f for f in report.fields if f.key == key)
        value = row.get(key)
        if value is None:
            return field.missing
        return formatting.value(field.kind, value, str(row["unit"]))

    key_rows = [
        ("Gap (target - baseline)", gap, "gap"),
        ("Target multiple", gap, "target_multiple"),
        ("Linear path: increment a year", gap, "linear_increment_per_year"),
        ("Required CAGR a year", gap, "required_cagr"),
        ("Actual CAGR a year", cagr, "actual_cagr"),
        ("Actual growth from year", cagr, "actual_start_year"),
    ]
    key_numbers = (
        header,
        [[label, *(cell(rep, key, m) for m in metrics)] for label, rep, key in key_rows],
    )
    milestone_header = ["Year"]
    for metric in metrics:
        milestone_header += [f"{metric}: compound path", f"{metric}: linear path"]
    paths = {(r["metric"], r["year"]): r for r in trajectory.rows if r["compound_path"] is not None}
    units = {r["metric"]: str(r["unit"]) for r in trajectory.rows}
    milestones = []
    for year in sorted({year for _, year in paths}):
        line = [str(year)]
        for metric in metrics:
            row = paths.get((metric, year))
            for column in ("compound_path", "linear_path"):
                value = None if row is None else row[column]
                line.append("" if value is None else formatting.amount(value, units[metric]))
        milestones.append(line)
    dataset = options.dataset
    labels = [str(row["label"]) for row in gap.rows]
    years = sorted({int(row["target_year"]) for row in gap.rows})
    return Brief(
        title=f"{' and '.join([labels[0], *(x[:1].lower() + x[1:] for x in labels[1:])])}: "
        "how far from the "
        f"{'/'.join(map(str, years))} target{'s' if len(labels) > 1 else ''}",
        subtitle=dataset.description,
        verdicts=[_verdict(row) for row in status.rows],
        status=status,
        key_numbers=key_numbers,
        milestones=(milestone_header, milestones),
        insights=[str(item["text"]) for item in status.insights or []],
        methods=METHODS,
        sources=source_lines(status._replace(sources=_all_sources(options, status, gap))),
    )


def _all_sources(options: Options, *reports: Report) -> dict[str, Source]:
    """The reports' sources, then those of every whole-year figure the chart shows."""
    cited: dict[str, Source] = {}
    for report in reports:
        cited |= report.sources
    for metric in options.selected():
        for obs in options.dataset.indicators[metric].observations:
            if obs.period == "year" and obs.source in options.dataset.sources:
                cited.setdefault(obs.source, options.dataset.sources[obs.source])
    return cited


def _verdict(row: dict[str, object]) -> str:
    """The status verdict, plus the pace needed from the latest year: the figure the key
    numbers headline, so that the two required rates are not read as a contradiction. A
    target already met needs no pace."""
    verdict = str(row["verdict"])
    rate = row.get("required_cagr_from_latest")
    achieved = row.get("growth_ratio_band") == "achieved"
    if row.get("assessed") and not achieved and isinstance(rate, float):
        verdict += f"; from {row['latest_year']} on, {formatting.rate(rate)}/yr is needed"
    return verdict


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


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def cells(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    return [cells(header), "|" + "---|" + "---:|" * (len(header) - 1), *map(cells, rows)]


def to_markdown(brief: Brief, chart_file: str | None) -> str:
    """The brief in Markdown; ``chart_file`` is the image written beside it, if any."""
    status_header, status_rows = grid(brief.status)
    lines = [f"# {brief.title}", "", brief.subtitle, "", "## Verdict", ""]
    lines += [f"- **{v.split(':', 1)[0]}**:{v.split(':', 1)[1]}" for v in brief.verdicts]
    lines += ["", "## Key numbers", "", *_md_table(*brief.key_numbers)]
    lines += ["", "## Progress by published methods", "", *_md_table(status_header, status_rows)]
    lines += ["", "## Milestones: what each year needs", "", *_md_table(*brief.milestones)]
    if brief.insights:
        lines += ["", "## What not to miss", ""] + [f"- {text}" for text in brief.insights]
    lines += ["", "## Chart", ""]
    if chart_file:
        lines.append(f"![Paths to the targets]({chart_file})")
    else:
        lines.append("Write the brief to a file (--output brief.md) to get the chart beside it.")
    lines += ["", "## Methods", ""] + [f"- {m}" for m in brief.methods]
    lines += ["", "## Sources", ""] + [f"- {s}" for s in brief.sources]
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------------

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
    """The brief as one self-contained HTML page; ``svg`` is the chart, inlined."""
    esc = html.escape
    status_header, status_rows = grid(brief.status)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(brief.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{esc(brief.title)}</h1><p class='sub'>{esc(brief.subtitle)}</p>",
        "<section><h2>Verdict</h2><ul class='verdicts'>",
        *(f"<li>{esc(v)}</li>" for v in brief.verdicts),
        "</ul></section>",
        f"<section><h2>Key numbers</h2>{_html_table(*brief.key_numbers)}</section>",
        "<section><h2>Progress by published methods</h2>",
        _html_table(status_header, status_rows),
        "</section>",
        "<section><h2>Milestones: what each year needs</h2>",
        _html_table(*brief.milestones),
        "</section>",
    ]
    if brief.insights:
        parts += ["<section><h2>What not to miss</h2><ul>"]
        parts += [f"<li>{esc(text)}</li>" for text in brief.insights]
        parts += ["</ul></section>"]
    if svg:
        start = svg.find("<svg")
        parts += ["<section class='chart'><h2>Chart</h2>", svg[start:], "</section>"]
    parts += ["<section><h2>Methods</h2><ul class='small'>"]
    parts += [f"<li>{esc(m)}</li>" for m in brief.methods]
    parts += ["</ul></section><section><h2>Sources</h2><ul class='small'>"]
    parts += [f"<li>{_linked(s)}</li>" for s in brief.sources]
    parts += ["</ul></section></body></html>"]
    return "\n".join(parts) + "\n"
