"""A report as Markdown: a pipe table ready to paste, then notes, insights and sources."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from offshoring_cli.i18n import _, say
from offshoring_cli.render.layout import grid
from offshoring_cli.reports.provenance import source_lines

if TYPE_CHECKING:
    from offshoring_cli.reports import Report


_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_URL = re.compile(r"(https?://[^\s<>\[\]()|`]+)")


def escape(text: str, cell: bool = False) -> str:
    """``text`` as literal Markdown: every character Markdown could read as inline markup
    (``\\ ` * _ [ ] < > | ~ &``) escaped with a backslash, and a start that would open a
    block (``#``, ``+``, ``-``, ``=``, ``1.``) too, so that a label from a scenario file can hold
    no heading, list, emphasis, link, image, HTML, entity or table cell break. Web addresses
    are kept as they are (without brackets, angle brackets, pipes or backticks), so they stay
    clickable. In a table ``cell`` no block can open: only inline markup is escaped (a cell
    such as ``-1.61 bn MAD`` stays as it is)."""
    parts = _URL.split(text)
    escaped = "".join(p if i % 2 else _SPECIAL.sub(r"\\\1", p) for i, p in enumerate(parts))
    if cell:
        return escaped
    if escaped[:1] in ("#", "+", "-", "="):
        return "\\" + escaped
    return re.sub(r"^([0-9]+)([.)])(?=\s|$)", r"\1\\\2", escaped)


def code(text: str) -> str:
    """``text`` as an inline code span, fenced with more backticks than it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(header: list[str], rows: list[list[str]], align: list[bool] | None = None) -> list[str]:
    """A pipe table, every cell escaped; ``align``: right-align each column (default: the
    first left, the others right)."""
    right = align if align is not None else [False] + [True] * (len(header) - 1)

    def cells(values: list[str]) -> str:
        return "| " + " | ".join(escape(v, cell=True) for v in values) + " |"

    rule = "|" + "".join("---:|" if r else "---|" for r in right)
    return [cells(header), rule, *map(cells, rows)]


def to_markdown(report: Report[Any], explain: bool = False) -> str:
    """A pipe table, then insights, notes, worked formulas and sources as a list; every text
    escaped (:func:`escape`), the worked formulas as code."""
    header, body = grid(report)
    align = None
    if report.layout == "rows":
        align = [f.kind != "text" for f in report.fields]
    lines = [f"**{escape(say(report.title))}**", "", *table(header, body, align)]
    lines.append("")
    lines += [f"- {escape(say(line))}" for line in report.notes]
    lines += [
        "- " + escape(_("Insight: {text}").format(text=say(item["text"])))
        for item in report.insights or []
    ]
    if explain and report.explanation:
        lines += ["", _("How each figure is computed:"), ""]
        lines += [f"- {code(line)}" for line in report.explanation]
        lines.append("")
    lines += ["- " + escape(_("Source {line}").format(line=line)) for line in source_lines(report)]
    return "\n".join(lines) + "\n"
