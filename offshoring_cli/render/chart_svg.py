"""The SVG chart's text for screen readers: a ``<title>`` and a ``<desc>`` (pure functions,
used by :func:`offshoring_cli.render.chart.render_image`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offshoring_cli.reports.chart import MetricChart


def described(svg: bytes, charts: Sequence[MetricChart]) -> bytes:
    """``svg`` with a ``<title>`` and a ``<desc>`` first in its root element."""
    title = " | ".join(c.title for c in charts)
    desc = " ".join(
        " ".join(part for part in (c.summary, c.caution, c.as_of, c.source_line) if part)
        for c in charts
    )
    text = svg.decode("utf-8")
    start = text.index("<svg")
    end = text.index(">", start) + 1
    extra = f"\n <title>{escape(title)}</title>\n <desc>{escape(desc)}</desc>"
    return (text[:end] + extra + text[end:]).encode("utf-8")


def escape(text: str) -> str:
    """``text`` as XML character data: ``&``, ``<`` and ``>`` escaped (as
    ``xml.sax.saxutils.escape`` does; importing that would import ``urllib``, ``http``,
    ``email`` and ``ssl``, about 12 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
