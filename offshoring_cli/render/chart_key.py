"""The stacked chart's layout, worked out once: its panels, their legends and source lines.

matplotlib's ``Legend`` packs each entry's handle and text in boxes and lays the boxes out
again each time it is measured and drawn, and its ``Text`` measures every line (loading each
glyph from the font file) before it is drawn: the two legends of ``chart --output
chart.svg`` cost about 150 million CPU instructions, where a whole matplotlib program that
draws one line chart spends about 230 million drawing and saving it. A stacked panel has a
size fixed in advance (:func:`panel`, from its :func:`margins`), so its legend is drawn here
as a line or marker per entry and its labels as text at their baselines, at the places
matplotlib's legend gives them with its default spacing (same handle length, gaps and rows;
checked against it in ``tests/test_chart_key.py``). matplotlib is imported only when a key is
drawn.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offshoring_cli.reports.chart import MetricChart

PANEL_HEIGHT = 5.4
"""The height of one panel of the stacked chart, in inches (9 wide)."""
SOURCE_BELOW = 0.62
"""From the bottom of a panel to its source line, in inches: tick labels and the axis label."""
SOURCE_LINE = 1.3
"""From one source line's baseline to the next, in ems (room for Arabic marks above and below
the letters)."""


def source_lines(chart: MetricChart) -> list[str]:
    # ids such as "morocco-offshoring" are not split at their hyphens
    return textwrap.wrap(f"{chart.as_of}. {chart.source_line}", 95, break_on_hyphens=False)


def margins(chart: MetricChart) -> tuple[float, float]:
    """Above and below a stacked panel, in inches: its title (11.5 pt lines), and its tick
    labels, axis label and source lines (9 pt)."""
    title = len(textwrap.wrap(chart.title, 80))
    above = title * 11.5 * 1.25 / 72 + 0.2
    below = SOURCE_BELOW + len(source_lines(chart)) * 9 * SOURCE_LINE / 72 + 0.15
    return above, below


def panel(chart: MetricChart, index: int, count: int) -> tuple[float, float, float, float]:
    """Where a stacked panel goes, as figure fractions (left, bottom, width, height): its
    band of :data:`PANEL_HEIGHT` inches from the top, less its margins; 1.05 in at the left
    for the tick labels and the axis label, 0.2 in at the right."""
    above, below = margins(chart)
    height = PANEL_HEIGHT * count
    bottom = (count - 1 - index) * PANEL_HEIGHT + below
    return (1.05 / 9, bottom / height, 1 - 1.25 / 9, (PANEL_HEIGHT - above - below) / height)


Entry = tuple[str, dict[str, Any] | None]
"""A legend entry: its label, and the style of its line or marker (``Line2D`` keyword
arguments: ``linestyle`` ``"none"`` for a marker alone), or ``None`` for the range band,
drawn as a filled box in :data:`BAND` style."""

# In ems of the legend's font size, as matplotlib's legend (rcParams legend.*): the legend
# sits BORDER from the axes' top left corner (borderaxespad 0.3 as given by the chart, and
# borderpad 0.4), a handle is HANDLE long (handlelength 2.2, as given by the chart) and
# HANDLE_HEIGHT high (handleheight 0.7), its text TEXT_GAP after it (handletextpad 0.8);
# rows are ROW apart (a line of text, 1 em from the top of "l" to the bottom of "p" in
# DejaVu Sans, and labelspacing 0.5), and the first baseline is ASCENT (of "l") below the
# top of the box.
BORDER = 0.3 + 0.4
HANDLE = 2.2
HANDLE_HEIGHT = 0.7
TEXT_GAP = 0.8
ROW = 1.5
ASCENT = 0.76


def draw_key(
    axes: Any,
    entries: Sequence[Entry],
    size: tuple[float, float],
    fontsize: float,
    band: dict[str, Any],
) -> None:
    """Draw ``entries`` as a legend in the top left corner of ``axes``, one under the other.

    Args:
        axes: the matplotlib axes.
        entries: the entries, top to bottom (see :data:`Entry`).
        size: the axes' width and height, in points (1/72 in): places are worked out in
            points and given as fractions of the axes.
        fontsize: the legend's font size, in points; every distance is in ems of it.
        band: the style of the range band's box (``Rectangle`` keyword arguments).
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    width, height = size
    em = fontsize
    left = BORDER * em
    right = left + HANDLE * em
    middle = (left + right) / 2
    common = {"transform": axes.transAxes, "clip_on": False, "zorder": 5}
    labels: list[tuple[float, float, str]] = []
    for row, (label, style) in enumerate(entries):
        baseline = BORDER * em + ASCENT * em + row * ROW * em  # from the top, in points
        centre = 1 - (baseline - HANDLE_HEIGHT * em / 2) / height
        if style is None:  # the band's box: from the baseline up, one handle high
            box = Rectangle(
                (left / width, 1 - baseline / height), HANDLE * em / width,
                HANDLE_HEIGHT * em / height, **band, **common,
            )  # fmt: skip
            axes.add_artist(box)
        else:
            line = {k: v for k, v in style.items() if not k.startswith("marker")}
            if line.get("linestyle", "-") != "none":  # the line across the handle
                axes.add_artist(
                    Line2D([left / width, right / width], [centre] * 2, **line, **common)
                )
            if style.get("marker"):  # the marker in its middle
                marker = {**style, "linestyle": "none"}
                axes.add_artist(Line2D([middle / width], [centre], **marker, **common))
        labels.append(((right + TEXT_GAP * em) / width, 1 - baseline / height, label))
    draw_lines(axes, labels, fontsize)


def draw_lines(
    axes: Any,
    lines: Sequence[tuple[float, float, str]],
    fontsize: float,
    color: str = "black",
    gid: str | None = None,
    rtl: bool = False,
) -> None:
    """Draw lines of text whose baselines start at fixed places, without measuring them.

    matplotlib's ``Text`` measures each line (it loads every glyph from the font file) to
    align it, even where, as here, the place given is the start of its baseline; an SVG
    with its text as text never needs the measure. These lines go straight to the
    renderer's ``draw_text`` (as ``Text`` does once it has placed them): the SVG gets a
    ``<text>`` element per line, a PNG the glyphs.

    Args:
        axes: the matplotlib axes.
        lines: for each line, where its baseline starts, as fractions of the axes (``x``,
            ``y``), and its text (never read as mathtext).
        fontsize: in points; the font is matplotlib's ``font.family`` at the time.
        color: of the text.
        gid: the id of the SVG group that holds the lines (``GID-1``, ``GID-2``... with ``rtl``).
        rtl: right to left (Arabic): each line ends at the axes' right edge instead, laid out
            and measured by matplotlib (mixed Arabic and Latin runs in their visual order).
    """
    if rtl:
        for i, (_x, y, line) in enumerate(lines, 1):
            axes.text(
                1.0, y, line, transform=axes.transAxes, ha="right", va="baseline",
                fontsize=fontsize, color=color, gid=f"{gid}-{i}" if gid else None,
            )  # fmt: skip
        return
    from matplotlib.artist import Artist
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=fontsize)

    class Lines(Artist):
        def draw(self, renderer: Any) -> None:
            if not self.get_visible():
                return
            renderer.open_group("text", self.get_gid())
            gc = renderer.new_gc()
            gc.set_foreground(color)
            height = renderer.get_canvas_width_height()[1]
            for x, y, text in lines:
                px, py = axes.transAxes.transform((x, y))
                if renderer.flipy():  # the SVG counts from the top
                    py = height - py
                renderer.draw_text(gc, px, py, text, prop, 0, ismath=False, mtext=None)
            gc.restore()
            renderer.close_group("text")
            self.stale = False

    artist = Lines()
    artist.set_gid(gid)
    artist.set_zorder(5)
    axes.add_artist(artist)
