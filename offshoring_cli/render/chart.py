"""Charts drawn as SVG/PNG with matplotlib (the terminal's, with plotext, are in
:mod:`offshoring_cli.render.chart_terminal`): :func:`render_image` draws what
:func:`~offshoring_cli.reports.chart.chart_model` gives. The plotting libraries are an optional
extra (``pip install 'offshoring-cli[charts]'``), imported only inside the drawing functions.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from offshoring_cli import i18n
from offshoring_cli.errors import DomainError, MissingExtra
from offshoring_cli.i18n import N_, Text, _
from offshoring_cli.render import chart_axes, files, output_paths
from offshoring_cli.render.chart_key import (
    PANEL_HEIGHT,
    SOURCE_BELOW,
    SOURCE_LINE,
    Entry,
    draw_key,
    draw_lines,
    margins,
    panel,
    source_lines,
)
from offshoring_cli.render.chart_svg import described

if TYPE_CHECKING:
    from offshoring_cli.reports.chart import MetricChart, Series

INSTALL_HINT = Text(
    N_("pip install 'offshoring-cli[charts]' (from a clone: pip install '.[charts]')")
)
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
        from offshoring_cli.i18n import Text

        raise MissingExtra(
            Text(
                "charts need the optional plotting libraries ({missing} missing): {hint}",
                missing=", ".join(missing),
                hint=INSTALL_HINT,
            )
        )


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
            Text(
                "{label} is a terminal, and PNG is binary; redirect it (> chart.png), or give "
                "{format} svg",
                label=label,
            )
        )
    return output, image_format


_STYLES = {
    # Okabe-Ito colours (safe for colour-blind readers), told apart in grey by line style and
    # width too: solid blue, dotted vermillion, thin dashed grey.
    "compound": {"color": "#0072B2", "linestyle": "-", "linewidth": 2.0},
    "linear": {"color": "#8c8c8c", "linestyle": (0, (5, 2)), "linewidth": 1.0},
    "actual": {"color": "#D55E00", "linestyle": (0, (1, 1.2)), "linewidth": 2.4},
}
_OBSERVED = (
    {"marker": "o", "color": "black", "markersize": 5.5},
    {"marker": "s", "color": "#56B4E9", "markeredgecolor": "#1d4f6e", "markersize": 5.5},
    {"marker": "^", "color": "#E69F00", "markeredgecolor": "#5c4000", "markersize": 6},
    {"marker": "D", "color": "#CC79A7", "markeredgecolor": "#5e2a4a", "markersize": 5},
)
_BAND = {"color": _STYLES["actual"]["color"], "alpha": 0.16, "linewidth": 0}
"""The range over base years: the actual pace's colour, light."""
TARGET_COLOUR = "#009E73"
SHORTFALL_COLOUR = "#D55E00"
CAUTION_COLOUR = "#8a3b00"


def _page_rc(side_by_side: bool) -> dict[str, Any]:
    """matplotlib settings: deterministic SVG with text as text; in the brief (side by side)
    every text at 7 pt or more at its printed size."""
    size = 7.5 if side_by_side else 11
    return {
        "svg.hashsalt": "offshoring-cli",
        "svg.fonttype": "none",
        "font.size": size,
        "axes.titlesize": size + 0.5,
        "axes.labelsize": size,
        "xtick.labelsize": size,
        "ytick.labelsize": size,
        "legend.fontsize": 7 if side_by_side else 9,
    }


PAGE_WIDTH = 7.2
"""The width of the brief's chart, in inches: the width of an A4 page within its margins
(184 mm), so that the chart prints at its own size and its text at its own points."""


def render_image(charts: Sequence[MetricChart], fmt: str, side_by_side: bool = False) -> bytes:
    """The charts as one SVG or PNG image (one panel per metric, stacked or side by side, on
    the same years), as bytes. Side by side is the brief's chart: as wide as an A4 page
    within its margins, text at 7 pt or more, without the source line (the page cites its
    sources). Printed at A4 width, the stacked chart's smallest text is 7.2 pt (9 pt at 9 in).

    SVG output is deterministic (a fixed hash salt for element ids, no date: the same inputs
    give the same bytes), keeps its text as text (searchable, and parsed by the tests), and
    has a ``<title>`` (the panels' titles) and a ``<desc>`` (each finding, any warning and
    the sources) for screen readers.
    """
    require("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from offshoring_cli.render.scripts import chart_text

    rc: Any = _page_rc(side_by_side)
    say = chart_text(fmt, rc)
    from offshoring_cli.render.chart_axes import spans

    each = spans(
        [[y for s in (*c.paths, *c.observed, c.target) for y, _ in s.points] for c in charts]
    )
    with matplotlib.rc_context(rc):
        count = len(charts)
        if side_by_side:
            figure = Figure(figsize=(PAGE_WIDTH, 3.1), layout="constrained")
            axes_list: list[Any] = list(figure.subplots(1, count, squeeze=False)[0, :])
        else:  # laid out by hand: a layout engine would draw the figure twice
            figure = Figure(figsize=(9, PANEL_HEIGHT * count))
            axes_list = [figure.add_axes(panel(chart, i, count)) for i, chart in enumerate(charts)]
        for axes, chart, span in zip(axes_list, charts, each, strict=True):
            _draw(axes, chart, span, say, page=side_by_side, wrap=88 // count)
        if side_by_side:  # one legend for the panels, under them
            entries: dict[str, Any] = {}
            for axes in axes_list:
                for handle, label in zip(*axes.get_legend_handles_labels(), strict=True):
                    entries.setdefault(label, handle)
            figure.legend(
                list(entries.values()), list(entries), loc="outside lower center",
                ncols=min(3, len(entries)), frameon=False, handlelength=2.2,
            )  # fmt: skip
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
        with warnings.catch_warnings():  # never matplotlib's text on stderr (a layout
            warnings.simplefilter("ignore")  # it could not apply: panels too small)
            figure.savefig(buffer, format=fmt, metadata=metadata, dpi=150)
    image = buffer.getvalue()
    return described(image, charts) if fmt == "svg" else image


def _legend(series: Series, page: bool) -> str:
    """A series' legend entry: in the brief, its name (one legend for both charts)."""
    return (series.name or series.label) if page else series.label


def _draw(
    axes: Any,
    chart: MetricChart,
    span: tuple[int, int],
    say: Callable[[str], str] = str,
    page: bool = False,
    wrap: int = 44,
) -> None:
    from matplotlib.ticker import FixedFormatter, FixedLocator, MaxNLocator

    small = 7 if page else 9
    key: list[Entry] = []  # the legend's entries, in order (a stacked panel draws its own)
    if chart.band:
        years, low, high = zip(*chart.band, strict=True)
        band = axes.fill_between(years, low, high, **_BAND, label=say(_("Range over base years")))
        band.set_gid(f"{chart.metric}-range")
        key.append((band.get_label(), None))
    for path in chart.paths:
        xs, ys = zip(*path.points, strict=True)
        (line,) = axes.plot(xs, ys, label=say(_legend(path, page)), **_STYLES[path.key])
        line.set_gid(f"{chart.metric}-{path.key}")
        key.append((line.get_label(), _STYLES[path.key]))
    for i, series in enumerate(chart.observed):
        xs, ys = zip(*series.points, strict=True)
        style = {"linestyle": "none", **_OBSERVED[i % len(_OBSERVED)]}
        (line,) = axes.plot(xs, ys, label=say(series.label), **style)
        line.set_gid(f"{chart.metric}-{series.key}")
        key.append((line.get_label(), style))
    derived = set(chart.derived)
    for i, series in enumerate(chart.observed):
        points = [p for p in series.points if p in derived]
        if points:
            xs, ys = zip(*points, strict=True)
            style = {**_OBSERVED[i % len(_OBSERVED)], "markerfacecolor": "white"}
            (line,) = axes.plot(xs, ys, linestyle="none", **style)
            line.set_gid(f"{chart.metric}-derived-{i}")
    if derived:  # one legend entry: a hollow marker is derived, not measured
        style = {
            "linestyle": "none", "marker": "o", "markersize": 5.5, "color": "black",
            "markerfacecolor": "white",
        }  # fmt: skip
        label = say(_("Derived, not measured (hollow)"))
        if page:  # the figure's legend takes its entries from the axes
            axes.plot([], [], label=label, **style)
        key.append((label, style))
    (year, value) = chart.target.points[0]
    style = {
        "linestyle": "none", "marker": "*", "markersize": 13 if page else 16,
        "color": TARGET_COLOUR, "markeredgecolor": "black", "markeredgewidth": 0.6,
    }  # fmt: skip
    (marker,) = axes.plot(
        [year], [value],
        label=say(
            _legend(chart.target, True)
            if page
            else _("{label}: {figure} {unit}").format(
                label=chart.target.label, figure=chart_axes.figure(value), unit=chart.y_label
            )
        ),
        **style,
    )  # fmt: skip
    marker.set_gid(f"{chart.metric}-target")
    key.append((marker.get_label(), style))
    for interim in chart.interim:
        (i_year, i_value) = interim.points[0]
        style = {
            "linestyle": "none", "marker": "*", "markersize": 10 if page else 12,
            "color": "white", "markeredgecolor": TARGET_COLOUR, "markeredgewidth": 1.2,
        }  # fmt: skip
        (mark,) = axes.plot([i_year], [i_value], label=say(_legend(interim, page)), **style)
        mark.set_gid(f"{chart.metric}-{interim.key}")
        key.append((mark.get_label(), style))
    _mark_finding(axes, chart, say, small)

    title = "\n".join(textwrap.wrap(chart.title, wrap if page else 80))
    # in the brief, a warning sits between the title and the panel (see _mark_finding)
    room = 4 + 9.5 * len(textwrap.wrap(chart.caution, 56)) if page and chart.caution else 6
    # y given: matplotlib then skips measuring the axes to move the title above top ticks
    # (there are none)
    side = "right" if i18n.active() in i18n.RIGHT_TO_LEFT else "left"  # where a line starts
    axes.set_title(say(title), loc=side, fontweight="bold", pad=room, y=1.0)
    axes.set_xlabel(say(_("year")))
    axes.set_ylabel(say(chart.y_label))
    room = (3.4 if page else 2.9) * chart_axes.widen(span)  # for the end labels
    axes.set_xlim(span[0] - 0.6 * chart_axes.widen(span), span[1] + room)
    axes.grid(True, color="#e3e3e3", linewidth=0.6)
    low, high = axes.get_ylim()
    high += (high - low) * (0.32 if page else 0.4)  # room for the legend
    axes.set_ylim(low, high)
    # The ticks worked out once, for the final limits, and only those within them: a locator
    # and a formatter would be asked again each time matplotlib measures the axes, and make
    # ticks for places outside them. Round numbers: multiples of 1, 2, 5 or 10 times a power
    # of ten, at most 7 (MaxNLocator's).
    ticks = chart_axes.year_ticks(span, 88 // wrap if page else 1)
    axes.xaxis.set_major_locator(FixedLocator(ticks))
    axes.xaxis.set_major_formatter(FixedFormatter([str(year) for year in ticks]))
    ends = low - (high - low) * 1e-10, high + (high - low) * 1e-10
    values = MaxNLocator(nbins=6, steps=[1, 2, 5, 10]).tick_values(low, high)
    values = [float(v) for v in values if ends[0] <= v <= ends[1]]
    axes.yaxis.set_major_locator(FixedLocator(values))
    axes.yaxis.set_major_formatter(FixedFormatter(chart_axes.value_labels(values)))
    if page:  # the brief's chart: one legend under both panels (render_image)
        return
    above, below = margins(chart)
    size = (9 - 1.25) * 72, (PANEL_HEIGHT - above - below) * 72  # the panel (panel()), in pt
    draw_key(axes, key, size, fontsize=9, band=_BAND)
    # the source lines under the tick labels: the first baseline 0.86 em below their top
    # (as matplotlib places a text's first line), SOURCE_LINE apart
    lines = [
        (0.0, -(SOURCE_BELOW * 72 + (0.86 + SOURCE_LINE * i) * small) / size[1], say(line))
        for i, line in enumerate(source_lines(chart))
    ]
    rtl = i18n.active() in i18n.RIGHT_TO_LEFT
    draw_lines(axes, lines, small, color="#444444", gid=f"{chart.metric}-source", rtl=rtl)


def _mark_finding(axes: Any, chart: MetricChart, say: Callable[[str], str], small: float) -> None:
    """The shortfall (or surplus) at the target year, shaded and labelled; each path's end
    label; the warning of a pace from a single interval."""

    gap = chart.shortfall
    if gap is not None:
        low, high = sorted((gap.projected, gap.target))
        shade = axes.fill_between(
            [gap.year - 0.3, gap.year + 0.3], low, high, facecolor=SHORTFALL_COLOUR, alpha=0.22,
            hatch="///", edgecolor=SHORTFALL_COLOUR, linewidth=0.8,
        )  # fmt: skip
        shade.set_gid(f"{chart.metric}-shortfall")
        axes.text(
            gap.year + 0.45, (low + high) / 2, say(gap.label), ha="left", va="center",
            fontsize=small + 0.5, fontweight="bold", color=CAUTION_COLOUR,
            gid=f"{chart.metric}-shortfall-label",
            bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "alpha": 0.85, "lw": 0},
        )  # fmt: skip
    ends = {path.key: path for path in chart.paths if path.end_label}
    if "compound" in ends:  # the required paths end at the target: above its star
        year, value = ends["compound"].points[-1]
        text = ends["compound"].end_label
        if "linear" in ends:
            text += f"\n({ends['linear'].end_label})"
        axes.annotate(
            say(text), (year, value), xytext=(0, 9), textcoords="offset points", ha="right",
            va="bottom", fontsize=small, color=_STYLES["compound"]["color"], fontweight="bold",
            gid=f"{chart.metric}-compound-end", multialignment="right",
        )  # fmt: skip
    if "actual" in ends:
        year, value = ends["actual"].points[-1]
        up = gap is not None and gap.projected > gap.target  # away from the shortfall's label
        away = (
            14
            if up or (gap is not None and chart_axes.close(axes, gap.projected, gap.target))
            else 4
        )
        axes.annotate(
            say(ends["actual"].end_label), (year, value), xytext=(5, away if up else -away),
            textcoords="offset points", ha="left", va="bottom" if up else "top", fontsize=small,
            color=_STYLES["actual"]["color"], fontweight="bold", gid=f"{chart.metric}-actual-end",
        )  # fmt: skip
    if chart.caution:  # the brief: between the title and the panel; else bottom right
        page = small < 8
        axes.text(
            0.0 if page else 0.98, 1.02 if page else 0.03,
            say("\n".join(textwrap.wrap(chart.caution, 56 if page else 72))),
            transform=axes.transAxes, ha="left" if page else "right",
            va="bottom",
            fontsize=small, color=CAUTION_COLOUR, gid=f"{chart.metric}-caution",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "#fff4e5", "edgecolor": CAUTION_COLOUR},
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
