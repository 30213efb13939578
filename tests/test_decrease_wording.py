"""A decrease target's shortfall is worded by direction in every language (session 4 finding
3): a projection of 57.2 t against a 50 t target is 7.2 t ABOVE it (fr "au-dessus de
l'objectif", ar "فوق الهدف"), never "7,2 t de moins que l'objectif" or "دون الهدف"."""

from __future__ import annotations

from pathlib import Path

import pytest
from emissions import em_path, plain
from helpers import invoke_cli

# last = 80: the 2020-2024 pace (80 / 100) ** (1 / 4) gives 80 * 0.8 ** (6 / 4) = 80 * 0.715542
# = 57.243 t in 2030: 7.243 t above the 50 t target (a decrease: short of it).
# last = 60: 60 * 0.6 ** (6 / 4) = 60 * 0.464758 = 27.885 t: 22.115 t below it (beyond it).
# Headline figures are rounded to three significant digits of the target: a step of 0.1 t.
PERIOD = "2020\u20132024"  # an en dash
TITLES = {
    (80, "en"): f"CO2 emissions: 7.2 t above the 50 t target in 2030 at the {PERIOD} pace",
    (
        80,
        "fr",
    ): f"CO2 emissions : 7,2 t au-dessus de l'objectif de 50 t en 2030 au rythme de {PERIOD}",
    (80, "ar"): "فوق الهدف البالغ 50 t",
    (60, "en"): f"CO2 emissions: 22.1 t below the 50 t target in 2030 at the {PERIOD} pace",
    (
        60,
        "fr",
    ): f"CO2 emissions : 22,1 t en dessous de l'objectif de 50 t en 2030 au rythme de {PERIOD}",
    (60, "ar"): "أدنى من الهدف البالغ 50 t",
}
HEADLINES = {
    (80, "en"): "reach about 57.2 t in 2030, 7.2 t above the 50 t target.",
    (80, "fr"): "atteignent environ 57,2 t en 2030, 7,2 t au-dessus de l'objectif de 50 t.",
    (60, "en"): "reach about 27.9 t in 2030, 22.1 t below the 50 t target.",
    (60, "fr"): "atteignent environ 27,9 t en 2030, 22,1 t en dessous de l'objectif de 50 t.",
}
WRONG = ("short of", "de moins que", "دون الهدف", "en deçà")


@pytest.mark.parametrize(("last", "language"), sorted(TITLES))
def test_the_chart_title_words_the_shortfall_by_direction(
    tmp_path: Path, last: int, language: str
) -> None:
    path = em_path(tmp_path, last=last)
    result = invoke_cli("--lang", language, "--scenario", str(path), "chart")
    assert result.exit_code == 0, result.stderr
    title = plain(result.stdout.splitlines()[0])
    assert TITLES[last, language] in title
    assert not any(wrong in title for wrong in WRONG)


@pytest.mark.parametrize(("last", "language"), sorted(HEADLINES))
def test_the_brief_headline_words_the_shortfall_by_direction(
    tmp_path: Path, last: int, language: str
) -> None:
    path = em_path(tmp_path, last=last)
    out = tmp_path / "brief.md"
    result = invoke_cli("--lang", language, "--scenario", str(path), "report", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    brief = plain(out.read_text(encoding="utf-8"))
    assert HEADLINES[last, language] in brief
    assert not any(wrong in brief for wrong in WRONG)


def test_a_decrease_target_already_met_is_below_it(tmp_path: Path) -> None:
    # 45 t in 2024 against a 50 t target: met, and below it.
    path = em_path(tmp_path, last=45)
    out = tmp_path / "brief.md"
    assert invoke_cli("--scenario", str(path), "report", "-o", str(out)).exit_code == 0
    brief = plain(out.read_text(encoding="utf-8"))
    assert "stand at 45 t in 2024, below the 50 t target for 2030." in brief
    assert "above the 50 t target" not in brief


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_shortfall_label_says_target_not_reached(tmp_path: Path, language: str) -> None:
    path = em_path(tmp_path)
    result = invoke_cli("--lang", language, "--scenario", str(path), "status")
    assert result.exit_code == 0
    text = plain(result.stdout)
    assert {"fr": "(+ = objectif non atteint)", "ar": "(+ = الهدف غير محقق)"}[language] in text
    assert not any(wrong in text for wrong in WRONG)
