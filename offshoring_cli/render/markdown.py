"""A report as Markdown: a pipe table ready to paste, then notes, insights and sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from offshoring_cli.render.layout import grid, source_lines

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


def to_markdown(report: Report, explain: bool = False) -> str:
    """A pipe table, then insights, notes, worked formulas and sources as a list."""

    def cells(values: list[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    header, body = grid(report)
    lines = [f"**{report.title}**", "", cells(header)]
    if report.layout == "rows":
        kinds = [f.kind for f in report.fields]
        lines.append("|" + "".join("---|" if k == "text" else "---:|" for k in kinds))
    else:
        lines.append("|" + "---|" + "---:|" * (len(header) - 1))
    lines += [cells(row) for row in body]
    lines.append("")
    lines += [f"- {line}" for line in report.notes]
    lines += [f"- Insight: {item['text']}" for item in report.insights or []]
    if explain:
        lines += ["", "How each figure is computed:", ""]
        lines += [f"- `{line}`" for line in report.explanation]
        lines.append("")
    lines += [f"- Source {line}" for line in source_lines(report)]
    return "\n".join(lines) + "\n"
