"""A baseline given for a target stated on another series (session 4 finding 10): ``gap
--target-year 2026 --exports-baseline 26.22bn -m exports`` uses the 26.22 bn as the 2023
figure of the offshoring-legacy series (on which the 2026 target is stated); the warning says
so, instead of claiming the baseline is that series' own 2023 figure (17.9 bn)."""

from __future__ import annotations

from helpers import invoke_cli, result_json

from offshoring_cli.core.resolve import Options, resolve

ARGS = ("gap", "--target-year", "2026", "-m", "exports")


def test_the_warning_says_the_given_baseline_is_taken_as_that_series_figure() -> None:
    done = invoke_cli(*ARGS, "--exports-baseline", "26.22bn", "--json")
    assert done.exit_code == 0, done.stderr
    (row,) = result_json(done)["results"]
    # (25 / 26.22) ** (1 / 3) - 1 = -0.0157568: the given baseline in 2023, the 2026 target
    assert (row["base_year"], row["baseline"], row["target"]) == (2023, 26.22e9, 25e9)
    assert round(row["required_cagr"], 6) == -0.015757
    warning = " ".join(done.stderr.split())
    assert (
        "Warning: exports: the 2026 target is stated on the offshoring-legacy series, so the "
        "baseline given (26.22 bn MAD) is taken as that series' 2023 figure, though the "
        "series differ in scope (that series' own 2023 figure is 17.90 bn MAD)"
    ) in warning
    assert "the baseline is that series' 2023 figure" not in warning
    french = invoke_cli("--lang", "fr", *ARGS, "--exports-baseline", "26.22bn")
    assert "la valeur de référence donnée (26,22" in " ".join(french.stderr.split())


def test_without_a_baseline_the_warning_is_unchanged() -> None:
    done = invoke_cli(*ARGS, "--json")
    assert done.exit_code == 0
    assert "so the baseline is that series' 2023 figure, not the digital-outsourcing" in (
        " ".join(done.stderr.split())
    )
    _, warnings = resolve(Options(metrics=("exports",), target_year=2026))
    assert any("that series' 2023 figure" in w for w in warnings)
