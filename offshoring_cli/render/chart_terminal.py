"""Charts drawn in the terminal, as text, with plotext (``offshoring chart`` without
``--output``): what :func:`~offshoring_cli.reports.chart.chart_model` gives, one chart under the
other, readable on dark and light terminals, round ticks, the source wrapped to the width,
plain characters where the terminal cannot show Unicode. plotext is imported only inside
:func:`terminal` (the ``charts`` extra; :func:`~offshoring_cli.render.chart.require`)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from offshoring_cli.i18n import _, numbers
from offshoring_cli.render.chart import require

if TYPE_CHECKING:
    from offshoring_cli.reports.chart import MetricChart

_ASCII = str.maketrans(
    {
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "┼": "+", "┤": "+",
        "├": "+", "┬": "+", "┴": "+", "═": "=", "║": "|", "━": "-", "┃": "|",
        "\u2013": "-", "\u2014": "-", "\u26a0": "!", "\u2026": "...", "\u202f": " ",
        "\u00a0": " ",
    }
)  # fmt: skip


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick positions around ``low`` to ``high``: multiples of 1, 2 or 5 times a power
    of ten, about ``count`` of them (``100,000``, ``150,000`` ...; ``10``, ``20``)."""
    import math

    if high <= low:
        return [low]
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    # from the round number at or below ``low`` to the one at or above ``high``: the axis
    # spans its ticks (plotext fits the axis to them)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(k * step, 10) for k in range(first, last + 1)]


def _year_ticks(first: int, last: int, cells: int) -> list[int]:
    """The years to label on an axis ``cells`` wide from ``first`` to ``last``: every 1, 2, 5,
    10... years counted back from ``last`` (the target year), the smallest step that leaves 6
    cells per label (four digits and a space: plotext drops a label that would touch)."""
    span = max(last - first, 1)
    step = next((s for s in (1, 2, 5, 10, 20, 50) if s * cells >= 6 * span), 100)
    return list(range(last, first - 1, -step))[::-1]


MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 40, 140, 100
"""A terminal chart is as wide as the terminal (or ``COLUMNS``) from 40 to 140 columns: 40 on
a narrower one (its lines then wrap), 100 when no terminal or ``COLUMNS`` says."""


def terminal_width(columns: int | None) -> int:
    """The width of a terminal chart for a terminal ``columns`` wide (``None``: unknown); see
    :data:`MIN_WIDTH`."""
    return max(MIN_WIDTH, min(columns or DEFAULT_WIDTH, MAX_WIDTH))


def terminal(
    charts: Sequence[MetricChart], width: int, height: int, color: bool, ascii_only: bool
) -> str:
    """The charts drawn as text with plotext, one under the other, each followed by its
    legend (a line per series, with its marker) and its source line.

    ``width`` x ``height`` cells exactly (see :func:`terminal_width`). Each series has its own
    marker, so the chart reads without colour. ``ascii_only`` also
    turns the frame into ASCII (for terminals that cannot show Unicode); ``color`` keeps
    plotext's colour codes.
    """
    require("plotext")
    import plotext  # type: ignore[import-untyped]

    path_markers = {"compound": "*", "linear": "+", "actual": "."}
    observed_markers = ("o", "x", "#", "%")
    out = []
    plotext.terminal.limit(False, False)  # the width is ours: plotext would cap it at its own
    for chart in charts:
        figure = plotext.figure
        figure.clear()
        figure.plot_size(width, height)
        # "simple": coloured lines, no painted background (dark and light terminals alike)
        figure.theme("simple" if color else "colorless")
        legend = []
        for path in chart.paths:
            xs, ys = zip(*path.points, strict=True)
            marker = path_markers[path.key]
            figure.draw(figure.signal(list(xs), list(ys), marker=marker).lines())
            legend.append(f"  {marker}  {path.label}")
        (year, value) = chart.target.points[0]
        for i, series in enumerate(chart.observed):
            xs, ys = zip(*series.points, strict=True)
            marker = observed_markers[i % len(observed_markers)]
            figure.draw(figure.signal(list(xs), list(ys), marker=marker))
            legend.append(f"  {marker}  {series.label}")
            if i == 0:  # the target fifth: magenta in the theme's colours, never yellow
                figure.draw(figure.signal([year], [value], marker="T"))
        target = f"  T  {chart.target.label}: {_plain(value, chart)} {chart.y_label}"
        legend.insert(len(chart.paths) + 1, target)
        if chart.shortfall is not None:
            legend.append(f"  >  {chart.shortfall.label.replace(chr(10), ' ')} ({year})")
        notes = [chart.caution] if chart.caution else []
        figure.legend(active=False)
        values = [v for s in (*chart.paths, *chart.observed, chart.target) for _, v in s.points]
        ticks = _ticks(min(values), max(values))
        labels = [_plain(t, chart) for t in ticks]
        figure.ruler("y").ticks(ticks, labels)
        years = sorted({y for s in (*chart.paths, *chart.observed) for y, _ in s.points})
        years = _year_ticks(years[0], years[-1], width - max(map(len, labels)) - 3)
        figure.ruler("x").ticks(years, [str(y) for y in years])
        title = textwrap.wrap(chart.title, width)  # plotext drops a title wider than the chart
        figure.label(_("year"), axis="x")
        figure.label(chart.y_label, axis="y")
        text = str(figure.build())
        if not color:
            text = plotext.uncolorize(text)
        lines = [line.rstrip() for line in text.splitlines()]
        # The source line wraps at the chart's width (one source per line at the narrowest).
        source = [
            line
            for text in (*notes, f"{chart.as_of}. {chart.source_line}")
            for line in textwrap.wrap(text, width, break_on_hyphens=False)
        ]
        block = "\n".join([*title, *lines, *legend, *source]) + "\n"
        out.append(block.translate(_ASCII) if ascii_only else block)
    return "\n".join(out)


def _plain(value: float, chart: MetricChart) -> str:
    """A tick or legend value in the chart's unit, without needless decimals: ``270,000``
    jobs, ``40`` bn MAD, ``26.2`` bn MAD."""
    return numbers.round_tick(value)
