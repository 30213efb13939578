"""A stacked chart's legend and source lines are drawn at places worked out once
(render/chart_key.py), not by matplotlib's Legend and Text, which measure them on every draw:
they must land where matplotlib would have put them."""

from __future__ import annotations

import io
import itertools
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

pytest.importorskip("matplotlib")

from offshoring_cli.render.chart_key import draw_key, draw_lines

SVG = "{http://www.w3.org/2000/svg}"
SIZE = (7.75, 3.6)  # inches: an axes of a stacked panel, about
ENTRIES: list[tuple[str, dict[str, Any] | None]] = [
    ("Range over base years", None),
    ("Required compound path: 10.48 %/yr", {"color": "#0072B2", "linewidth": 2.0}),
    ("Linear path: +20,250 jobs a year", {"color": "grey", "linestyle": (0, (5, 2))}),
    ("Observed", {"linestyle": "none", "marker": "o", "color": "black", "markersize": 5.5}),
    ("Target 2030: 270,000 jobs", {"linestyle": "none", "marker": "*", "markersize": 16}),
]
BAND = {"color": "#D55E00", "alpha": 0.16, "linewidth": 0}


def _axes() -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(SIZE[0] + 2, SIZE[1] + 2))
    axes = figure.add_axes((1 / (SIZE[0] + 2), 1 / (SIZE[1] + 2), *(s / (s + 2) for s in SIZE)))
    axes.set_axis_off()  # no tick labels: the texts are the ones under test
    return figure, axes


def _svg(figure: Any) -> ET.Element:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "test"}):
        figure.savefig(buffer, format="svg")
    return ET.fromstring(buffer.getvalue())


def _places(root: ET.Element) -> dict[str, tuple[float, float]]:
    """Each text's baseline start, in points from the top left, whichever way matplotlib
    wrote it (x and y attributes, or a translation)."""
    places = {}
    for text in root.iter(f"{SVG}text"):
        if text.get("x") is not None:
            x, y = float(text.get("x", "")), float(text.get("y", ""))
        else:
            found = re.search(r"translate\(([-\d.]+) ([-\d.]+)\)", text.get("transform", ""))
            assert found, text.attrib
            x, y = float(found[1]), float(found[2])
        places["".join(text.itertext())] = (x, y)
    return places


def test_the_key_puts_each_label_where_matplotlibs_legend_would() -> None:
    # matplotlib's legend, as the stacked chart drew it before: top left, no frame
    figure, axes = _axes()
    for label, style in ENTRIES:
        if style is None:
            axes.fill_between([0, 1], [0, 0], [1, 1], label=label, **BAND)
        else:
            axes.plot([0, 1], [0, 1], label=label, **style)
    axes.legend(loc="upper left", frameon=False, handlelength=2.2, borderaxespad=0.3, fontsize=9)
    theirs = _places(_svg(figure))
    figure, axes = _axes()
    draw_key(axes, ENTRIES, (SIZE[0] * 72, SIZE[1] * 72), 9, BAND)
    ours = _places(_svg(figure))
    for label, _style in ENTRIES:
        # rows 13.5 pt apart, the first 6.3 + 6.84 pt below the top: within 0.01 pt
        assert ours[label] == pytest.approx(theirs[label], abs=0.01), label
    rows = sorted(y for _x, y in ours.values())
    assert [round(b - a, 6) for a, b in itertools.pairwise(rows)] == [13.5] * 4


def test_lines_are_drawn_where_a_text_on_its_baseline_is() -> None:
    import numpy as np

    lines = [(0.0, -0.1, "As of 2026-01-28. Source: North Africa Post"), (0.0, -0.15, "x")]
    figure, axes = _axes()
    for x, y, text in lines:
        axes.text(x, y, text, transform=axes.transAxes, fontsize=9, va="baseline", color="#444")
    theirs = _places(_svg(figure))
    png_theirs = io.BytesIO()
    figure.savefig(png_theirs, format="png", dpi=150)
    figure, axes = _axes()
    draw_lines(axes, lines, 9, color="#444", gid="the-source")
    root = _svg(figure)
    ours = _places(root)
    assert set(ours) == set(theirs) == {text for _x, _y, text in lines}
    for text in ours:
        assert ours[text] == pytest.approx(theirs[text], abs=0.001), text
    assert "the-source" in {g.get("id") for g in root.iter(f"{SVG}g")}
    png_ours = io.BytesIO()
    figure.savefig(png_ours, format="png", dpi=150)
    from matplotlib import image

    # in a PNG too, pixel for pixel
    same = np.array_equal(
        image.imread(io.BytesIO(png_theirs.getvalue())),
        image.imread(io.BytesIO(png_ours.getvalue())),
    )
    assert same
