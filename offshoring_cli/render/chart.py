"""Charts drawn: in the terminal (plotext) or as SVG/PNG (matplotlib).

:func:`terminal` and :func:`render_image` draw what
:func:`~offshoring_cli.reports.chart.chart_model` gives. The plotting libraries are an optional
extra (``pip install 'offshoring-cli[charts]'``) and are imported only inside the drawing
functions, so importing this module, or running any other command, never imports them.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from offshoring_cli.errors import DomainError, MissingExtra
from offshoring_cli.i18n import _
from offshoring_cli.render import files, numbers, output_paths

if TYPE_CHECKING:
    from offshoring_cli.reports.chart import MetricChart

INSTALL_HINT = "pip install 'offshoring-cli[charts]' (from a clone: pip install '.[charts]')"
IMAGE_FORMATS = {".svg": "svg", ".png": "png"}
"""The image formats, by suffix."""


def require(*modules: str) -> None:
    """Check that the optional plotting libraries are installed.

    Raises:
        MissingExtra: one is missing; the message says what to install.
    """
    import importlib.util

    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingExtra(
            f"charts need the optional plotting libraries ({', '.join(missing)} missing): "
            f"{INSTALL_HINT}"
        )


# --- terminal ---------------------------------------------------------------------------------

_ASCII = str.maketrans(
    {
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "┼": "+", "┤": "+",
        "├": "+", "┬": "+", "┴": "+", "═": "=", "║": "|", "━": "-", "┃": "|",
    }
)  # fmt: skip


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """``count`` evenly spaced tick positions from ``low`` to ``high``."""
    if high <= low:
        return [low]
    step = (high - low) / (count - 1)
    return [low + i * step for i in range(count)]


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
        figure.theme("default" if color else "colorless")
        legend = []
        for path in chart.paths:
            xs, ys = zip(*path.points, strict=True)
            marker = path_markers[path.key]
            figure.draw(figure.signal(list(xs), list(ys), marker=marker).lines())
            legend.append(f"  {marker}  {path.label}")
        for i, series in enumerate(chart.observed):
            xs, ys = zip(*series.points, strict=True)
            marker = observed_markers[i % len(observed_markers)]
            figure.draw(figure.signal(list(xs), list(ys), marker=marker))
            legend.append(f"  {marker}  {series.label}")
        (year, value) = chart.target.points[0]
        figure.draw(figure.signal([year], [value], marker="T"))
        legend.append(f"  T  {chart.target.label}: {_plain(value, chart)} {chart.y_label}")
        figure.legend(active=False)
        years = sorted({y for s in (*chart.paths, *chart.observed) for y, _ in s.points})
        figure.ruler("x").ticks(years, [str(y) for y in years])
        values = [v for s in (*chart.paths, *chart.observed, chart.target) for _, v in s.points]
        ticks = _ticks(min(values), max(values))
        figure.ruler("y").ticks(ticks, [_plain(t, chart) for t in ticks])
        figure.title(chart.title)
        figure.label(_("year"), axis="x")
        figure.label(chart.y_label, axis="y")
        text = str(figure.build())
        if not color:
            text = plotext.uncolorize(text)
        lines = [line.rstrip() for line in text.splitlines()]
        # The source line wraps at the chart's width (one source per line at the narrowest).
        source = textwrap.wrap(chart.source_line, width, break_on_hyphens=False)
        block = "\n".join([*lines, *legend, *source]) + "\n"
        out.append(block.translate(_ASCII) if ascii_only else block)
    return "\n".join(out)


def _plain(value: float, chart: MetricChart) -> str:
    """A tick or legend value in the chart's unit: ``270,000`` jobs, ``40.0`` billion MAD."""
    return numbers.fixed(value, 0 if chart.scale == 1 else 1)


# --- image ------------------------------------------------------------------------------------


def check_output(path: str, fmt: str | None = None) -> tuple[output_paths.Output, str]:
    """Check an image path before anything is drawn: where it goes, and its format.

    ``fmt`` (``svg`` or ``png``) is ``--format``; without it the suffix decides, and ``-``
    (standard output), a device or a FIFO get SVG. PNG is binary: it never goes to a terminal.

    Returns:
        The checked output (see :func:`output_paths.check`) and the format, ``svg`` or ``png``.

    Raises:
        DomainError: as :func:`output_paths.check` and :func:`output_paths.format_for` (an unknown
            suffix, or one that disagrees with ``fmt``), or PNG to a terminal.
    """
    label = f"{{output}} {path!r}"
    output = output_paths.check(path, label, "chart.svg")
    image_format = output_paths.format_for(output, fmt, IMAGE_FORMATS, "svg")
    if image_format == "png" and output_paths.is_terminal(output):
        raise DomainError(
            f"{label} is a terminal, and PNG is binary; redirect it (> chart.png), "
            "or give {format} svg"
        )
    return output, image_format


_STYLES = {
    "compound": {"color": "#1f4e79", "linestyle": "-", "linewidth": 2.0},
    "linear": {"color": "#7f7f7f", "linestyle": "--", "linewidth": 1.5},
    "actual": {"color": "#c55a11", "linestyle": ":", "linewidth": 2.0},
}
_OBSERVED_MARKERS = ("o", "s", "^", "D")


PAGE_WIDTH = 7.2
"""The width of the brief's chart, in inches: the width of an A4 page within its margins
(184 mm), so that the chart prints at its own size and its text at its own points."""


def render_image(charts: Sequence[MetricChart], fmt: str, side_by_side: bool = False) -> bytes:
    """The charts as one SVG or PNG image (one panel per metric, stacked or side by side),
    as bytes. Side by side is the brief's chart: as wide as an A4 page within its margins,
    text at 7.5 pt, without the source line (the page cites its sources).

    SVG output is deterministic: a fixed hash salt for element ids and no date, so the same
    inputs give the same bytes. Text stays text in SVG (searchable, and parsed by the tests).
    """
    require("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from offshoring_cli.render.scripts import chart_text

    rc: Any = {
        "svg.hashsalt": "offshoring-cli",
        "svg.fonttype": "none",
        "font.size": 7.5 if side_by_side else 11,
    }
    say = chart_text(fmt, rc)
    with matplotlib.rc_context(rc):
        count = len(charts)
        if side_by_side:
            figure = Figure(figsize=(PAGE_WIDTH, 2.55), layout="constrained")
            axes_list = figure.subplots(1, count, squeeze=False)[0, :]
        else:
            figure = Figure(figsize=(9, 5.2 * count), layout="constrained")
            axes_list = figure.subplots(count, 1, squeeze=False)[:, 0]
        for axes, chart in zip(axes_list, charts, strict=True):
            _draw(axes, chart, FuncFormatter, MaxNLocator, say, page=side_by_side)
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, metadata=metadata, dpi=150)
    return buffer.getvalue()


def _draw(
    axes: Any,
    chart: MetricChart,
    formatter: Any,
    locator: Any,
    say: Callable[[str], str] = str,
    page: bool = False,
) -> None:
    for path in chart.paths:
        xs, ys = zip(*path.points, strict=True)
        (line,) = axes.plot(xs, ys, label=say(path.label), **_STYLES[path.key])
        line.set_gid(f"{chart.metric}-{path.key}")
    for i, series in enumerate(chart.observed):
        xs, ys = zip(*series.points, strict=True)
        (line,) = axes.plot(
            xs, ys, linestyle="none", marker=_OBSERVED_MARKERS[i % len(_OBSERVED_MARKERS)],
            markersize=7, color="black" if i == 0 else "#9e480e", label=say(series.label),
        )  # fmt: skip
        line.set_gid(f"{chart.metric}-{series.key}")
    (year, value) = chart.target.points[0]
    (marker,) = axes.plot(
        [year], [value], linestyle="none", marker="*", markersize=16, color="#2e7d32",
        label=say(f"{chart.target.label}: {_plain(value, chart)} {chart.y_label}"),
    )  # fmt: skip
    marker.set_gid(f"{chart.metric}-target")
    import textwrap

    title = "\n".join(textwrap.wrap(chart.title, 48))  # a longer (translated) title wraps
    axes.set_title(say(title), loc="left", fontweight="bold")
    axes.set_xlabel(say(_("year")))
    axes.set_ylabel(say(chart.y_label))
    axes.xaxis.set_major_locator(locator(integer=True))
    axes.yaxis.set_major_formatter(
        formatter(lambda v, _pos: numbers.fixed(v, 0 if chart.scale == 1 else 1))
    )
    axes.grid(True, color="#dddddd", linewidth=0.6)
    axes.legend(loc="upper left", fontsize=7 if page else 9, frameon=False)
    if page:
        return
    axes.text(
        0.0, -0.16, "\n".join(map(say, textwrap.wrap(chart.source_line, 90))),
        transform=axes.transAxes,
        fontsize=8, color="#555555", ha="left", va="top", gid=f"{chart.metric}-source",
    )  # fmt: skip


def write_image(charts: Sequence[MetricChart], path: str, fmt: str | None = None) -> None:
    """Draw the charts and write them to ``path`` (see :func:`check_output` for the format
    and :func:`files.write` for how).

    Raises:
        DomainError: as :func:`check_output`, before anything is drawn.
        files.WriteError: the image could not be written.
    """
    output, image_format = check_output(path, fmt)
    files.write(output, render_image(charts, image_format))
