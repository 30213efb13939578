"""Arabic in the charts: a font with its glyphs, and its text in the right order.

matplotlib (from 3.11) shapes Arabic itself (joined letters, right to left), and SVG text is
laid out by the viewer; each label is wrapped in a right-to-left embedding (U+202B ... U+202C)
so that a number or a year inside it sits where an Arabic reader expects it, while the label
stays anchored as matplotlib placed it. With an older matplotlib, a PNG needs the optional
shaping libraries ``arabic-reshaper`` and ``python-bidi`` (``pip install
'offshoring-cli[arabic]'``); without them, or without a font that has Arabic glyphs, the chart
is still drawn and a warning on stderr says what to install.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from offshoring_cli import i18n

ARABIC_FONTS = ("DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "Arial")
"""Fonts tried, in order, for Arabic labels (DejaVu Sans, matplotlib's own, has the glyphs)."""

FONT_HINT = i18n.N_(
    "install a font with Arabic glyphs (Debian/Ubuntu: apt-get install fonts-dejavu-core or "
    "fonts-noto-core)"
)

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _has_glyph(path: str, char: str = "\u0639") -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        return bool(FT2Font(path).get_char_index(ord(char)))
    except (OSError, RuntimeError):
        return False


def arabic_font() -> str | None:
    """The first font of :data:`ARABIC_FONTS` that is installed and has Arabic glyphs."""
    from matplotlib import font_manager

    for name in ARABIC_FONTS:
        try:
            path = font_manager.findfont(
                font_manager.FontProperties(family=name), fallback_to_default=False
            )
        except ValueError:
            continue
        if _has_glyph(path):
            return name
    return None


def chart_text(image_format: str, rc: dict[str, Any]) -> Callable[[str], str]:
    """How each label of a chart is written in the active language: as it is, except in a
    right-to-left language, where ``rc`` (matplotlib's settings for the drawing) gets a font
    with the script's glyphs, and each label an embedding (or, for a PNG from a matplotlib
    that does not shape, the shaped text in display order). Warns on stderr where the text
    cannot be shown properly."""
    if i18n.active() not in i18n.RIGHT_TO_LEFT:
        return str
    font = arabic_font()
    if font is None:
        hint = i18n.Text(FONT_HINT)
        boxes = i18n.Text("the chart's Arabic text may show as boxes: {hint}", hint=hint)
        sys.stderr.write(i18n.warning(boxes) + "\n")
    else:
        rc["font.family"] = "sans-serif"
        rc["font.sans-serif"] = [font, "DejaVu Sans"]
    import matplotlib

    shapes = tuple(matplotlib.__version_info__[:2]) >= (3, 11)
    if image_format == "svg" or shapes:
        return lambda text: f"\u202b{text}\u202c" if _ARABIC.search(text) else text
    try:
        import arabic_reshaper  # type: ignore[import-untyped,import-not-found,unused-ignore]
        from bidi import get_display  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        unjoined = i18n.Text(
            "this matplotlib does not join Arabic letters in a PNG: "
            "pip install 'offshoring-cli[arabic]' (or matplotlib >= 3.11), or write an SVG"
        )
        sys.stderr.write(i18n.warning(unjoined) + "\n")
        return str
    return lambda text: (
        str(get_display(arabic_reshaper.reshape(text))) if _ARABIC.search(text) else text
    )
