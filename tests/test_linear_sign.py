"""The linear path's step a year carries one sign (session 4 finding 8): "-5 t a year" for a
decrease target, never "+-5 t a year", in the chart's key and end label, in every language and
in the SVG; an increase keeps its "+"."""

from __future__ import annotations

from pathlib import Path

import pytest
from emissions import em_path, plain
from helpers import invoke_cli

from offshoring_cli.core.resolve import Options
from offshoring_cli.i18n import human
from offshoring_cli.reports.chart import chart_model
from offshoring_cli.scenario import validate

# 80 t in 2024 to 50 t in 2030: (50 - 80) / 6 = -5 t a year; 80 -> 150 t: +70 / 6 = +11.67.
KEYS = {
    "en": "Linear path: -5 t a year",
    "fr": "Trajectoire linéaire : -5 t par an",
    "ar": "المسار الخطي: -5 t سنويًا",
}


@pytest.mark.parametrize("language", sorted(KEYS))
def test_a_falling_linear_path_has_one_minus(tmp_path: Path, language: str) -> None:
    path = em_path(tmp_path)
    done = invoke_cli("--lang", language, "--scenario", str(path), "chart")
    assert done.exit_code == 0, done.stderr
    text = plain(done.stdout)
    assert KEYS[language] in text
    assert "+-" not in text and "+\u2212" not in text
    with human(language):
        (chart,) = chart_model(Options(dataset=validate.load(str(path))))
    (linear,) = [p for p in chart.paths if p.key == "linear"]
    assert "+-" not in linear.label + linear.end_label
    assert "-5 t" in plain(linear.end_label)


def test_a_rising_linear_path_keeps_its_plus(tmp_path: Path) -> None:
    path = em_path(tmp_path, direction="increase", target=150)
    (chart,) = chart_model(Options(dataset=validate.load(str(path))))
    (linear,) = [p for p in chart.paths if p.key == "linear"]
    assert linear.label == "Linear path: +11.67 t a year"
    assert linear.end_label == "linear: +11.67 t a year"


def test_the_svg_has_one_minus(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    path = em_path(tmp_path)
    out = tmp_path / "chart.svg"
    done = invoke_cli("--scenario", str(path), "chart", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    svg = out.read_text(encoding="utf-8")
    assert "+-5" not in svg and "-5 t a year" in svg
